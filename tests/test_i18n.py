"""Translation catalogs: same keys everywhere, formats per language, language choice."""

import json
import re
import urllib.request
from pathlib import Path

import pytest
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from dashboard.i18n import (
    CATALOG_DIR,
    LANGUAGES,
    format_long_month,
    format_month,
    format_number,
    format_partial_date,
    number_separators,
    plural,
    t,
)
from dashboard.view_state import preferred_language
from layers.boundaries import admin0

ROOT = Path(__file__).resolve().parent.parent


def keys(lang):
    return set(json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_key(lang):
    every = set().union(*(keys(other) for other in LANGUAGES))
    assert every - keys(lang) == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_admin0_country_has_a_name(lang):
    missing = {iso for iso in admin0().index if f"country.{iso}" not in keys(lang)}
    assert missing == set()


def test_every_key_used_in_python_code_exists():
    used = set()
    for path in [*ROOT.glob("dashboard/*.py"), *ROOT.glob("callbacks/*.py")]:
        used |= set(re.findall(r'\bt\(\s*"([a-z_0-9]+\.[A-Za-z_0-9. -]+)"', path.read_text(encoding="utf-8")))
    assert used, "the pattern found no keys: the test would pass vacuously"
    assert used - keys("es") == set()


def test_every_key_used_in_browser_code_exists():
    script = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "assets").glob("*.js"))
    used = set(re.findall(r'tr\("([a-z_0-9]+\.[a-z_0-9.]+)"', script))
    assert len(used) > 10
    assert used - keys("es") == set()


@pytest.mark.parametrize(
    ("lang", "number", "month"),
    [("es", "1.234.567", "mar 2019"), ("en", "1,234,567", "Mar 2019"), ("pt", "1.234.567", "mar. de 2019")],
)
def test_number_and_month_formats(lang, number, month):
    assert format_number(1234567, lang) == number
    assert format_month("2019-03", lang) == month


@pytest.mark.parametrize(
    ("lang", "long", "day", "decimal", "separators"),
    [
        ("es", "marzo de 2021", "31 mar 2021", "12,5", ",."),
        ("en", "March 2021", "Mar 31, 2021", "12.5", ".,"),
        ("pt", "março de 2021", "31 de mar. de 2021", "12,5", ",."),
    ],
)
def test_long_months_days_and_decimals_follow_each_language(lang, long, day, decimal, separators):
    assert format_long_month("2021-03", lang) == long
    assert format_partial_date("2021-03-31", lang) == day
    assert format_partial_date("2021", lang) == "2021"
    assert format_number(12.5, lang, 1) == decimal
    assert number_separators(lang) == separators


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "1 other state or department: 0", "3 other states or departments: 0"),
        ("es", "1 estado o departamento más: 0", "3 estados o departamentos más: 0"),
        ("pt", "1 outro estado ou departamento: 0", "3 outros estados ou departamentos: 0"),
    ],
)
def test_plurals_follow_the_language_rule(lang, one, many):
    assert plural("panel.zero_units", lang, 1) == one
    assert plural("panel.zero_units", lang, 3) == many


def test_placeholders_are_filled():
    assert t("chart.bar_title", "en", month="Mar 2019") == "Host countries, Mar 2019"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("pt-BR,pt;q=0.9,en;q=0.8", "pt"),
        ("en;q=0.1, pt;q=0.9", "pt"),
        ("es-419,en;q=0.5", "es"),
        ("en-US,en;q=0.9", "en"),
        ("fr-FR,de;q=0.8", "es"),
        (None, "es"),
        ("", "es"),
    ],
)
def test_language_from_accept_language_falls_back_to_spanish(header, expected):
    assert preferred_language(parse_accept_header(header, LanguageAccept)) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [("en;q=0.1, pt;q=0.9", "pt"), ("en-GB,en;q=0.9", "en"), ("fr", "es")],
)
def test_the_served_page_speaks_the_language_the_browser_ranks_first(server, header, expected):
    request = urllib.request.Request(server.url + "/", headers={"Accept-Language": header})
    with urllib.request.urlopen(request, timeout=60) as response:
        page = response.read().decode()
    assert f'<html lang="{expected}">' in page
