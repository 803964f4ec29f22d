"""Country panels are cached per (snapshot, country, language): the month is placed on each request.

A panel served from the cache at one month is the panel built afresh at that month, in each language;
the cached panel of one language never answers another.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from callbacks.country import place_month
from dashboard.pages.country import timeline_figure
from layers.choropleth import stock_matrix
from tests.datadir import SHIPPED_DATA

MONTHS = stock_matrix(SHIPPED_DATA)["months"]
STOCK_TITLE = {"es": "Venezolanos acogidos", "en": "Venezuelans hosted", "pt": "Venezuelanos acolhidos"}
OCT_2019 = {"es": "1.630.903", "en": "1,630,903", "pt": "1.630.903"}  # Migración Colombia, 31 Oct 2019


def panel(url: str, iso: str, month: str, lang: str) -> dict:
    """The country-panel callback's answer, as a click on `iso` at `month` in `lang` asks for it."""
    with urllib.request.urlopen(url + "/_dash-dependencies", timeout=60) as response:
        spec = next(d for d in json.load(response) if "country-panel.hidden" in d["output"])
    values = {"month-index": MONTHS.index(month), "lang-store": lang}
    body = {
        "output": spec["output"],
        "outputs": [
            {"id": part.split(".")[0], "property": part.split(".")[1].split("@")[0]}
            for part in spec["output"].strip(".").split("...")
        ],
        "inputs": [{"id": "selected-country", "property": "data", "value": iso}],
        "state": [{**s, "value": values.get(s["id"])} for s in spec["state"]],
        "changedPropIds": ["selected-country.data"],
    }
    request = urllib.request.Request(
        url + "/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)["response"]


@pytest.mark.parametrize("lang", ["es", "en", "pt"])
def test_a_cached_panel_speaks_its_language_and_follows_the_month(server, lang):
    panel(server.url, "COL", "2019-09", lang)  # builds and caches the panel of this language
    answer = panel(server.url, "COL", "2019-10", lang)
    timeline = answer["country-timeline"]["figure"]
    titles = [a["text"] for a in timeline["layout"]["annotations"]]
    assert STOCK_TITLE[lang] in titles
    assert not set(titles) & (set(STOCK_TITLE.values()) - {STOCK_TITLE[lang]})
    assert timeline["layout"]["shapes"][0]["x0"] == "2019-10"
    assert OCT_2019[lang] in json.dumps(answer["country-headline"]["children"], ensure_ascii=False)


@pytest.mark.parametrize("month", ["2017-03", "2019-10", "2023-06", MONTHS[-2]])
def test_a_timeline_moved_to_a_month_is_the_one_built_at_that_month(month):
    built = json.loads(timeline_figure(SHIPPED_DATA, "COL", month, "en").to_json())
    moved = json.loads(timeline_figure(SHIPPED_DATA, "COL", MONTHS[0], "en").to_json())
    place_month(moved, month)
    assert moved == built
    open_bars = [t for t in built["data"] if t.get("yaxis") == "y3" and t["line"]["dash"] == "dot"]
    assert open_bars, "Colombia has open mechanisms: their dotted bars run to the cursor"
