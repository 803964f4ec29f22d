"""Translations (one JSON catalog per language) and number, date and plural formats (Babel, CLDR).

The browser formats with `Intl`, which follows the same CLDR data, so a month or a number reads the
same whether the server or the browser wrote it.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, get_decimal_symbol, get_group_symbol

LANGUAGES = ("es", "en", "pt")
DEFAULT_LANGUAGE = "es"
CATALOG_DIR = Path(__file__).resolve().parent / "i18n"


@lru_cache(maxsize=len(LANGUAGES))
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


def plural(key: str, lang: str, count: int, **values: object) -> str:
    """The text of `key.one`, `key.other`... that the language's plural rule picks for `count`."""
    strings = catalog(language(lang))
    form = Locale.parse(language(lang)).plural_form(count)
    text = strings.get(f"{key}.{form}", strings[f"{key}.other"])
    return text.format(count=count, **values)


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """1234567 → "1.234.567" (es, pt) or "1,234,567" (en); `decimals` digits after the mark."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=language(lang))


def format_compact(value: float, lang: str) -> str:
    """1745950 → "1,7 M" (es), "1.7M" (en), "1,7 mi" (pt): a label; the exact figure goes beside it."""
    return format_compact_decimal(value, locale=language(lang), fraction_digits=1)


def number_separators(lang: str) -> str:
    """Decimal mark then thousands separator, as Plotly's `separators` layout option wants them."""
    locale = language(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def _date(text: str) -> date:
    """ "2019-03" or "2019-03-31" as a date (the first of the month when no day is given)."""
    return date(int(text[:4]), int(text[5:7]), int(text[8:10]) if len(text) >= 10 else 1)


def format_month(month: str, lang: str) -> str:
    """ "2019-03" → "mar 2019" (es), "Mar 2019" (en), "mar. de 2019" (pt); "latest" → "últimas cifras"."""
    if month == "latest":
        return catalog(language(lang))["month.latest"]
    return format_skeleton("yMMM", _date(month), locale=language(lang))


def format_long_month(month: str, lang: str) -> str:
    """ "2021-03" → "marzo de 2021" (es), "March 2021" (en), "março de 2021" (pt)."""
    return format_skeleton("yMMMM", _date(month), locale=language(lang))


def format_partial_date(text: str, lang: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as people write it: "2019", "mar 2019", "31 mar 2019"."""
    if len(text) == 4:
        return text
    if len(text) >= 10:
        return format_skeleton("yMMMd", _date(text), locale=language(lang))
    return format_month(text, lang)


def country_name(iso: str, lang: str) -> str:
    """A country's name in the UI language (catalog key `country.ISO3`), else the code itself."""
    return catalog(language(lang)).get(f"country.{iso}", iso)
