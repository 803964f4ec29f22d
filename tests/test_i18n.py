"""Translation catalogs: same keys everywhere, formats per language, language choice."""

import json
import re
from pathlib import Path

import pytest

from dashboard.i18n import CATALOG_DIR, LANGUAGES, format_month, format_number, t
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
    [("es", "1.234.567", "mar. 2019"), ("en", "1,234,567", "Mar 2019"), ("pt", "1.234.567", "mar. 2019")],
)
def test_number_and_month_formats(lang, number, month):
    assert format_number(1234567, lang) == number
    assert format_month("2019-03", lang) == month


def test_placeholders_are_filled():
    assert t("chart.bar_title", "en", month="Mar 2019") == "Host countries, Mar 2019"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("pt-BR,pt;q=0.9,en;q=0.8", "pt"),
        ("en-US,en;q=0.9", "en"),
        ("fr-FR,de;q=0.8", "es"),
        (None, "es"),
        ("", "es"),
    ],
)
def test_language_from_accept_language_falls_back_to_spanish(header, expected):
    assert preferred_language(header) == expected
