"""The methodology and sources page, rendered from `templates/methods.html` with Jinja2 autoescaping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from dashboard.i18n import LANGUAGES, format_month, t
from layers.api_tables import RESOURCES, month_span, resource_credit, resource_table
from layers.package import package
from layers.provenance import caveats
from layers.stock import stock_by_month

LANGUAGE_NAMES = {"es": "Español", "en": "English", "pt": "Português"}
RULE_START = "Main-series rule:"
RULE_STEP = re.compile(r"\(\d+\)\s+")
templates = Environment(loader=PackageLoader("dashboard"), autoescape=select_autoescape(), auto_reload=False)


@dataclass(frozen=True)
class Rule:
    """The main-series rule as the stock resource of datapackage.json states it."""

    lead: str
    steps: list[str]


def main_series_rule(description: str) -> Rule:
    """Split the stock description at "Main-series rule:" into its lead and its numbered steps."""
    lead, _, rule = description.partition(RULE_START)
    return Rule(lead.strip(), [step.strip() for step in RULE_STEP.split(rule) if step.strip()])


def _coverage(directory: Path, name: str, lang: str) -> str:
    """First and last month the resource's date column covers, or "no date column"."""
    spec = RESOURCES[name]
    if not spec.dates:
        return t("methods.no_dates", lang)
    frame = resource_table(directory, name)
    spans = [s for column in spec.dates for s in frame[column].map(month_span) if s]
    if not spans:
        return t("methods.no_dates", lang)
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    return f"{format_month(first, lang)} – {format_month(last, lang)}"


def _dataset(directory: Path, name: str, title: str, lang: str) -> dict:
    """What the page says about one resource."""
    credit = resource_credit(directory, name)
    return {
        "name": name,
        "title": title,
        "description": credit["description"],
        "licences": [lic.get("title") or lic.get("name", "") for lic in credit["licenses"]],
        "sources": [source.get("title", "") for source in credit["sources"]],
        "coverage": _coverage(directory, name, lang),
        "rows": len(resource_table(directory, name)),
        "caveats": caveats(directory, name),
    }


def methods_page(directory: Path, lang: str) -> str:
    """The whole page in `lang`."""
    resources = {r["name"]: r for r in package(directory).get("resources", [])}
    titles = {name: r.get("title") or name for name, r in resources.items()}
    titles["stock_by_month"] = "stock_by_month (derived)"
    series = stock_by_month(directory)
    vintage = series.loc[(series["scope"] == "country") & ~series["estimated"], "month"].max()
    return templates.get_template("methods.html").render(
        lang=lang,
        t=partial(t, lang=lang),
        other_languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES if code != lang],
        vintage=format_month(vintage, lang),
        rule=main_series_rule(resources.get("stock", {}).get("description", "")),
        datasets=[_dataset(directory, name, titles.get(name, name), lang) for name in RESOURCES],
    )
