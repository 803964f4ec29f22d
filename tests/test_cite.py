"""The "cite this" sentence in three languages, on real rows of the shipped data and on fixed facts."""

import pytest

from dashboard.i18n import format_long_month
from dashboard.pages.cite import citation_credit, citation_sentence, rounded
from layers.citation import cite_facts, map_rows
from layers.paths import SHIPPED_DATA_DIR

PUBLISHED = {
    "area": "COL",
    "region": False,
    "month": "2021-03",
    "value": 1234567.0,
    "estimated": False,
    "qualifier": "about",
    "date": "2021-03-31",
    "source": "Migración Colombia via R4V",
    "published": "2021-04-15",
    "before": None,
    "after": None,
    "sources": ["Migración Colombia via R4V"],
}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "In March 2021, Colombia hosted about 1,234,567 refugees and migrants from Venezuela "
            "(Migración Colombia via R4V; figure as of Mar 31, 2021, published Apr 15, 2021).",
        ),
        (
            "es",
            "En marzo de 2021, Colombia acogía alrededor de 1.234.567 refugiados y migrantes de Venezuela "
            "(Migración Colombia via R4V; cifra a 31 mar 2021, publicada el 15 abr 2021).",
        ),
        (
            "pt",
            "Em março de 2021, Colômbia acolhia cerca de 1.234.567 refugiados e migrantes da Venezuela "
            "(Migración Colombia via R4V; número de 31 de mar. de 2021, publicado em 15 de abr. de 2021).",
        ),
    ],
)
def test_published_sentence_in_three_languages(lang, expected):
    assert citation_sentence(PUBLISHED, lang) == expected


def test_the_catalogs_qualifier_and_month_names_are_used():
    sentence = citation_sentence(PUBLISHED, "es")
    assert "marzo de 2021" in sentence and "1.234.567" in sentence


def test_real_published_month_names_value_date_and_source():
    facts = cite_facts(SHIPPED_DATA_DIR, "2019-10", "COL")
    sentence = citation_sentence(facts, "en")
    assert sentence.startswith(
        "In October 2019, Colombia hosted 1,630,903 refugees and migrants from Venezuela ("
    )
    assert "figure as of Oct 31, 2019" in sentence
    assert facts["source"] in sentence


def test_estimated_month_says_estimated_and_names_both_figures():
    facts = cite_facts(SHIPPED_DATA_DIR, "2019-11", "COL")
    assert facts["estimated"]
    for lang, marker in (("en", "an estimated"), ("es", "una cifra estimada"), ("pt", "um número estimado")):
        sentence = citation_sentence(facts, lang)
        assert marker in sentence
        assert facts["before"]["source"] in sentence and facts["after"]["source"] in sentence
    english = citation_sentence(facts, "en")
    assert "as of Oct 31, 2019" in english and "as of Dec 31, 2019" in english


def test_no_country_cites_the_regional_total_from_its_own_row():
    facts = cite_facts(SHIPPED_DATA_DIR, "2021-11", None)
    assert facts["region"] and facts["value"] == 4_992_664  # R4V's Nov 2021 LAC total
    assert citation_sentence(facts, "en").startswith(
        "In November 2021, Latin America and the Caribbean hosted 4,992,664 refugees"
    )
    assert citation_sentence(facts, "es").startswith(
        "En noviembre de 2021, América Latina y el Caribe acogía 4.992.664"
    )


def test_a_month_without_figure_says_so():
    assert cite_facts(SHIPPED_DATA_DIR, "2015-01", "CUW") is None
    assert (
        citation_sentence(None, "en", "2015-01", "CUW")
        == "No published figure covers January 2015 for Curaçao."
    )


def test_credit_names_natural_earth_geonames_and_r4v_when_used():
    credit = citation_credit(PUBLISHED, "en")
    assert "Natural Earth" in credit and "GeoNames (CC BY 4.0)" in credit and "R4V data: CC BY 4.0" in credit
    assert "R4V" not in citation_credit({**PUBLISHED, "sources": ["IOM plan"]}, "en")


def test_estimates_are_rounded_to_three_significant_figures():
    assert rounded(1742927.4) == 1740000
    assert rounded(86543.2) == 86500
    assert rounded(512.4) == 512


def test_map_rows_match_the_citation():
    rows = map_rows(SHIPPED_DATA_DIR, "2019-10", "absolute").set_index("iso_a3")
    assert rows.loc["COL", "value"] == cite_facts(SHIPPED_DATA_DIR, "2019-10", "COL")["value"]


def test_cite_this_uses_the_short_label_and_one_link():
    from dashboard.pages.cite import citation_block

    block = citation_block(SHIPPED_DATA_DIR, "2019-10", "COL", "en")
    sentence = block[0].children
    assert "(Migración Colombia; figure as of Oct 31, 2019" in sentence
    assert "http" not in sentence  # no raw URL in the sentence
    links = [child for part in block[1:] for child in part.children if getattr(child, "href", None)]
    assert len(links) == 1 and links[0].children == "Migración Colombia"
    assert links[0].href.startswith("https://")


def test_latest_cites_each_countrys_own_latest_month():
    facts = cite_facts(SHIPPED_DATA_DIR, "latest", "PAN")
    assert facts["month"] == facts["date"][:7] and not facts["estimated"]
    sentence = citation_sentence(facts, "en")
    assert sentence.startswith(f"In {format_long_month(facts['month'], 'en')}, Panama hosted")
