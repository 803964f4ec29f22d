"""Translations: one JSON catalog per language, number and month formats."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGUAGES = ("es", "en", "pt")
DEFAULT_LANGUAGE = "es"
CATALOG_DIR = Path(__file__).resolve().parent / "i18n"


@cache
def catalog(lang: str) -> dict[str, str]:
    """Every string of one language, keyed by message id."""
    return json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def language(value: str | None) -> str:
    """A supported language code, falling back to Spanish."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled in."""
    text = catalog(language(lang))[key]
    return text.format(**values) if values else text


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """1234567 → "1.234.567" (es, pt) or "1,234,567" (en)."""
    text = f"{value:,.{decimals}f}"
    strings = catalog(language(lang))
    return (
        text.replace(",", "\0")
        .replace(".", strings["number.decimal"])
        .replace("\0", strings["number.thousands"])
    )


def format_month(month: str, lang: str) -> str:
    """ "2019-03" → "mar. 2019" (es) or "Mar 2019" (en); "latest" → "últimas cifras" (es)."""
    if month == "latest":
        return catalog(language(lang))["month.latest"]
    year, number = month[:4], int(month[5:7])
    return f"{catalog(language(lang))[f'month.{number}']} {year}"


def country_name(iso: str, lang: str) -> str:
    """A country's name in the UI language (catalog key `country.ISO3`), else the code itself."""
    return catalog(language(lang)).get(f"country.{iso}", iso)
