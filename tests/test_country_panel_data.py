"""The functions that assemble a country's panel, checked against the shipped data files."""

import csv

import pytest

from layers import country
from tests.datadir import SHIPPED_DATA


def stock_rows(iso):
    with open(SHIPPED_DATA / "figures" / "stock.csv", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["iso_a3"] == iso]


def test_headline_at_a_published_month_names_date_source_and_change():
    figure = country.headline(None, "COL", "2019-10")
    published = next(r for r in stock_rows("COL") if r["date"] == "2019-10-31")
    assert figure["value"] == int(published["value"]) == 1_630_903
    assert figure["estimated"] is False
    assert figure["date"] == "2019-10-31"
    assert figure["sources"] == [published["source"]]
    # the previous chosen figure is Migración Colombia's 31 Aug 2019 count, about 1,500,000
    assert figure["previous_date"] == "2019-08-31"
    assert figure["change"] == 1_630_903 - 1_500_000


def test_headline_at_an_estimated_month_names_both_published_figures():
    figure = country.headline(None, "COL", "2019-11")
    assert figure["estimated"] is True
    assert (figure["date_before"], figure["date_after"]) == ("2019-10-31", "2019-12-31")
    assert figure["value"] == pytest.approx((1_630_903 + 1_771_000) / 2)
    assert len(figure["sources"]) == 2


def test_headline_is_empty_before_a_countrys_first_figure():
    assert country.headline(None, "ECU", "2016-01") is None


def test_funding_by_outcome_for_colombia_matches_the_seed_table():
    request = country.funding_by_outcome(None, "COL")
    values = {o["outcome"]: o["value"] for o in request["outcomes"]}
    assert values == {
        "Data production and dissemination": 1_745_950,
        "Capacity and coordination": 3_313_160,
        "Direct assistance and vulnerability": 3_487_141,
        "Socio-economic integration": 4_853_748,
        "Evaluation": 0,
    }
    assert request["total"] == 13_399_999
    assert request["plan_total"] == 32_326_041
    assert request["share_of_plan"] == pytest.approx(13_399_999 / 32_326_041)
    assert sum(o["share"] for o in request["outcomes"]) == pytest.approx(1, abs=1e-6)


def test_funding_is_none_for_a_country_without_an_iom_2018_office():
    assert country.funding_by_outcome(None, "BOL") is None


def test_mechanisms_of_brazil_include_normative_resolution_126():
    rows = country.mechanisms(None, "BRA")
    assert any("Resolução Normativa CNIg nº 126" in name for name in rows["mechanism"])
    assert list(rows["launched_month"]) == sorted(rows["launched_month"])


def test_bolivia_has_no_mechanisms():
    assert country.mechanisms(None, "BOL").empty


def test_permits_per_year_for_chile_are_the_seed_values():
    permits = country.permits_per_year(None, "CHL")
    assert dict(zip(permits["date"], permits["value"], strict=True)) == {
        "2015": 9730,
        "2016": 26625,
        "2017": 84425,
    }


def test_on_the_ground_counts_colombian_services_by_kind_and_department():
    with open(SHIPPED_DATA / "points" / "services.csv", encoding="utf-8") as handle:
        colombian = [r for r in csv.DictReader(handle) if r["iso_a3"] == "COL"]
    ground = country.on_the_ground(None, "COL")
    assert ground["counted"] == "services"
    assert int(ground["by_kind"]["count"].sum()) == len(colombian)
    located = [r for r in colombian if r["lat"]]
    per_unit = ground["per_admin1"].set_index("iso_3166_2")["count"]
    for code in {r["admin1"] for r in located}:
        assert per_unit[code] == sum(r["admin1"] == code for r in located)


def test_on_the_ground_falls_back_to_entry_points_without_services():
    ground = country.on_the_ground(None, "BOL")
    assert ground["by_kind"].empty
    assert ground["counted"] == "entry_points"


def test_profile_phrases_come_in_the_ui_language():
    spanish = country.profile(None, "PER", "es")
    english = country.profile(None, "PER", "en")
    assert len(spanish["challenge"]) == len(english["challenge"]) > 0
    assert spanish["challenge"] != english["challenge"]
    assert spanish["source"] == ["IOM Regional Action Plan 2018 (project seed document)"]
