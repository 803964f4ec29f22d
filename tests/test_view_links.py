"""Links that reopen a view: only non-default keys, older links still read, the embed's link back."""

from urllib.parse import parse_qs

import pytest

from dashboard.pages.embed import full_view_href
from dashboard.view_state import link_query, parse_view
from layers.services import KINDS

MONTHS = ["2019-10", "2020-06", "latest"]


def view_for(query: dict, lang: str = "es"):
    return parse_view(
        query, lang=lang, months=MONTHS, default_date="latest", countries={"COL", "PER"}, kinds=list(KINDS)
    )


def test_the_default_view_needs_no_key():
    assert link_query(view_for({})) == ""
    spelled_out = {"lang": "es", "date": "latest", "metric": "absolute", "second": "per_1000", "tab": "map"}
    assert link_query(view_for(spelled_out)) == ""


def test_a_view_carries_exactly_its_non_default_keys():
    query = link_query(view_for({"country": "COL", "lang": "en"}))
    assert parse_qs(query) == {"country": ["COL"], "lang": ["en"]}
    query = link_query(view_for({"date": "2019-10", "metric": "per_1000", "layers": "land_routes"}))
    assert parse_qs(query) == {"date": ["2019-10"], "metric": ["per_1000"], "layers": ["land_routes"]}


def test_layer_order_does_not_matter_and_no_layers_is_said_once():
    assert link_query(view_for({"layers": "maritime_routes,land_routes,entry_points"})) == ""
    assert link_query(view_for({"layers": "none"})) == "layers=none"
    assert link_query(view_for({"layers": ""})) == "layers=none"  # how older links said it


def test_an_old_link_with_every_key_and_a_retired_layer_reopens_the_same_view_quietly():
    old = {
        "lang": "en",
        "date": "2020-06",
        "metric": "absolute",
        "second": "per_1000",
        "layers": "entry_points,land_routes,admin1",  # admin1 was a layer; the selection now shades states
        "services": ",".join(KINDS),
        "country": "per",
    }
    view = view_for(old)
    assert view.notices == []
    assert (view.date, view.country, view.layers) == ("2020-06", "PER", ("entry_points", "land_routes"))
    assert parse_qs(link_query(view)) == {
        "lang": ["en"],
        "date": ["2020-06"],
        "country": ["PER"],
        "layers": ["entry_points,land_routes"],
    }


@pytest.mark.parametrize(
    ("public_url", "expected"),
    [("", "./?lang=en&country=COL"), ("https://atlas.example", "https://atlas.example/?lang=en&country=COL")],
)
def test_the_embeds_link_back_is_relative_or_on_the_public_address(monkeypatch, public_url, expected):
    monkeypatch.setenv("CORREDORES_PUBLIC_URL", public_url)
    assert full_view_href(view_for({"country": "COL", "lang": "en", "embed": "1"})) == expected
