"""Cite this: the short sentence per language (written out by hand below), the full reference,
BibTeX and CSL-JSON, on real rows of the shipped data and on fixed facts."""

import json
import re

import pytest

from dashboard.pages.cite import (
    bibtex,
    citation_block,
    citation_credit,
    citation_sentence,
    cited_sides,
    csl_json,
    reference_line,
    rounded,
)
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
    "source": "Migración Colombia",
    "url": "https://example.org/figure?a=1&b=2",
    "outlet": "El Diario & Co",
    "published": "2021-04-15",
    "before": None,
    "after": None,
    "sources": ["Migración Colombia"],
}

# (month, country) -> the sentence in es, en, pt; the region when no country
SENTENCES = {
    ("latest", "COL"): (
        "En noviembre de 2025, Colombia acogía 2.828.195 refugiados y migrantes de Venezuela (fuente: R4V).",
        "In November 2025, Colombia hosted 2,828,195 refugees and migrants from Venezuela (source: R4V).",
        "Em novembro de 2025, a Colômbia acolhia 2.828.195 refugiados e migrantes da Venezuela (fonte: R4V).",
    ),
    ("latest", "PER"): (
        "En noviembre de 2025, Perú acogía 1.662.889 refugiados y migrantes de Venezuela (fuente: R4V).",
        "In November 2025, Peru hosted 1,662,889 refugees and migrants from Venezuela (source: R4V).",
        "Em novembro de 2025, o Peru acolhia 1.662.889 refugiados e migrantes da Venezuela (fonte: R4V).",
    ),
    ("latest", "DOM"): (
        "En julio de 2024, la República Dominicana acogía alrededor de 124.100 refugiados y migrantes "
        "de Venezuela (fuente: R4V).",
        "In July 2024, the Dominican Republic hosted about 124,100 refugees and migrants from Venezuela "
        "(source: R4V).",
        "Em julho de 2024, a República Dominicana acolhia cerca de 124.100 refugiados e migrantes da "
        "Venezuela (fonte: R4V).",
    ),
    ("2019-10", "COL"): (
        "Al 31 de octubre de 2019, Colombia acogía 1.630.903 refugiados y migrantes de Venezuela "
        "(fuente: Migración Colombia).",
        "As of October 31, 2019, Colombia hosted 1,630,903 refugees and migrants from Venezuela "
        "(source: Migración Colombia).",
        "Em 31 de outubro de 2019, a Colômbia acolhia 1.630.903 refugiados e migrantes da Venezuela "
        "(fonte: Migración Colombia).",
    ),
    ("2019-11", "COL"): (
        "En noviembre de 2019, Colombia acogía unos 1.700.000 refugiados y migrantes de Venezuela "
        "(estimación de Corredores a partir de cifras de Migración Colombia).",
        "In November 2019, Colombia hosted an estimated 1,700,000 refugees and migrants from Venezuela "
        "(Corredores estimate from figures by Migración Colombia).",
        "Em novembro de 2019, a Colômbia acolhia cerca de 1.700.000 refugiados e migrantes da Venezuela "
        "(estimativa do Corredores a partir de números de Migración Colombia).",
    ),
    ("2021-11", None): (
        "En noviembre de 2021, América Latina y el Caribe acogía 4.992.664 refugiados y migrantes de "
        "Venezuela (fuente: R4V).",
        "In November 2021, Latin America and the Caribbean hosted 4,992,664 refugees and migrants from "
        "Venezuela (source: R4V).",
        "Em novembro de 2021, a América Latina e o Caribe acolhia 4.992.664 refugiados e migrantes da "
        "Venezuela (fonte: R4V).",
    ),
}


@pytest.mark.parametrize("lang_index", [0, 1, 2], ids=["es", "en", "pt"])
@pytest.mark.parametrize("view", list(SENTENCES), ids=lambda view: f"{view[0]}-{view[1] or 'region'}")
def test_the_short_sentence_reads_as_written(view, lang_index):
    lang = ("es", "en", "pt")[lang_index]
    month, area = view
    assert (
        citation_sentence(cite_facts(SHIPPED_DATA_DIR, month, area), lang, month, area)
        == (SENTENCES[view][lang_index])
    )


def test_the_sentence_has_one_link_and_no_raw_url():
    block = citation_block(SHIPPED_DATA_DIR, "2019-10", "COL", "es")
    sentence = block[0]
    links = [part for part in sentence.children if getattr(part, "href", None)]
    assert len(links) == 1 and links[0].children == "Migración Colombia"
    assert links[0].href.startswith("https://")
    text = "".join(part if isinstance(part, str) else part.children for part in sentence.children)
    assert "http" not in text and "((" not in text and "))" not in text
    copy = block[1]  # plain text keeps the one link as a URL after the sentence; HTML as a link
    assert copy.content.count("http") == 1
    assert copy.html_content.count("<a href=") == 1


def test_an_estimate_links_to_corredores_own_view_on_the_public_address(monkeypatch):
    monkeypatch.setenv("CORREDORES_PUBLIC_URL", "https://atlas.example")
    block = citation_block(SHIPPED_DATA_DIR, "2019-11", "COL", "en")
    links = [part for part in block[0].children if getattr(part, "href", None)]
    assert [(link.children, link.href) for link in links] == [
        ("Corredores", "https://atlas.example/?lang=en&date=2019-11&country=COL")
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "es",
            "Migración Colombia, vía Canal 1: 1.771.000, cifra al 31 de diciembre de 2019, "
            "publicada en 2020.",
        ),
        (
            "en",
            "Migración Colombia, via Canal 1: 1,771,000, figure as of December 31, 2019, published in 2020.",
        ),
        (
            "pt",
            "Migración Colombia, via Canal 1: 1.771.000, número de 31 de dezembro de 2019, "
            "publicado em 2020.",
        ),
    ],
)
def test_the_full_reference_says_publisher_outlet_and_when_at_each_dates_precision(lang, expected):
    facts = cite_facts(SHIPPED_DATA_DIR, "2019-12", "COL")
    assert reference_line(cited_sides(facts)[0], lang) == expected


def test_a_publication_day_reads_el_and_a_month_reads_en():
    assert reference_line(PUBLISHED, "es").endswith(
        "cifra al 31 de marzo de 2021, publicada el 15 de abril de 2021."
    )
    monthly = {**PUBLISHED, "date": "2021-03", "published": "2021-04"}
    assert reference_line(monthly, "es").endswith("cifra de marzo de 2021, publicada en abril de 2021.")
    assert reference_line(monthly, "en").endswith("figure for March 2021, published in April 2021.")


def test_an_estimates_full_reference_names_both_figures():
    facts = cite_facts(SHIPPED_DATA_DIR, "2019-11", "COL")
    lines = [reference_line(side, "en") for side in cited_sides(facts)]
    assert len(lines) == 2
    assert "as of October 31, 2019" in lines[0] and "as of December 31, 2019" in lines[1]


def test_bibtex_is_a_misc_entry_with_escaped_fields():
    entry = bibtex(PUBLISHED, "en")
    assert entry.startswith("@misc{corredores-col-2021-03,\n") and entry.endswith("\n}")
    assert "  author = {{Migración Colombia}}," in entry
    assert "  howpublished = {El Diario \\& Co}," in entry
    assert "  year = {2021}," in entry
    assert "  url = {https://example.org/figure?a=1&b=2}," in entry  # URLs stay verbatim
    fields = re.findall(r"^  (\w+) = \{", entry, flags=re.MULTILINE)
    assert fields == ["author", "title", "year", "howpublished", "url", "note"]
    assert entry.count("{") - entry.count("\\{") == entry.count("}") - entry.count("\\}")  # balanced


def test_csl_json_is_valid_json_of_one_dataset():
    items = json.loads(csl_json(PUBLISHED, "es"))
    assert len(items) == 1
    item = items[0]
    assert item["type"] == "dataset" and item["author"] == [{"literal": "Migración Colombia"}]
    assert item["container-title"] == "El Diario & Co" and item["URL"] == PUBLISHED["url"]
    assert item["issued"] == {"date-parts": [[2021, 4, 15]]}
    assert item["title"] == "Refugiados y migrantes de Venezuela — Colombia, marzo de 2021"


def test_a_month_without_figure_says_so():
    assert cite_facts(SHIPPED_DATA_DIR, "2015-01", "CUW") is None
    assert (
        citation_sentence(None, "en", "2015-01", "CUW")
        == "No published figure covers January 2015 for Curaçao."
    )
    assert (
        citation_sentence(None, "pt", "2015-01", "PER")
        == "Nenhum número publicado cobre janeiro de 2015 para o Peru."
    )


def test_credit_names_natural_earth_geonames_and_r4v_when_used():
    credit = citation_credit({**PUBLISHED, "sources": ["R4V"]}, "en")
    assert "Natural Earth" in credit and "GeoNames (CC BY 4.0)" in credit and "R4V data: CC BY 4.0" in credit
    assert "R4V" not in citation_credit({**PUBLISHED, "sources": ["IOM plan"]}, "en")


def test_estimates_are_rounded_to_three_significant_figures():
    assert rounded(1742927.4) == 1740000
    assert rounded(86543.2) == 86500
    assert rounded(512.4) == 512


def test_map_rows_match_the_citation():
    rows = map_rows(SHIPPED_DATA_DIR, "2019-10", "absolute").set_index("iso_a3")
    assert rows.loc["COL", "value"] == cite_facts(SHIPPED_DATA_DIR, "2019-10", "COL")["value"]


def test_latest_cites_each_countrys_own_latest_month():
    facts = cite_facts(SHIPPED_DATA_DIR, "latest", "PAN")
    assert facts["month"] == facts["date"][:7] and not facts["estimated"]
