"""The methodology and sources page: plain HTML, every piece of data text escaped."""

from __future__ import annotations

from html import escape
from pathlib import Path

from dashboard.i18n import LANGUAGES, format_month, t
from layers.api_tables import RESOURCES, month_span, resource_credit, resource_table
from layers.package import package
from layers.provenance import caveats
from layers.stock import stock_by_month

LANGUAGE_NAMES = {"es": "Español", "en": "English", "pt": "Português"}


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


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _dataset(directory: Path, name: str, title: str, lang: str) -> str:
    credit = resource_credit(directory, name)
    licences = [escape(lic.get("title") or lic.get("name", "")) for lic in credit["licenses"]]
    sources = [escape(source.get("title", "")) for source in credit["sources"]]
    rows = len(resource_table(directory, name))
    notes = "".join(
        f"<pre class='provenance'>{escape(section)}</pre>" for section in caveats(directory, name)
    )
    heading = (
        f"{escape(title)} <code>{escape(name)}</code>" if title != name else f"<code>{escape(name)}</code>"
    )
    return (
        f"<section class='dataset' id='{escape(name)}'>"
        f"<h3>{heading}</h3>"
        f"<p>{escape(credit['description'])}</p>"
        "<dl>"
        f"<dt>{escape(t('methods.licence', lang))}</dt><dd>{_list(licences)}</dd>"
        f"<dt>{escape(t('methods.sources', lang))}</dt><dd>{_list(sources)}</dd>"
        f"<dt>{escape(t('methods.dates', lang))}</dt><dd>{escape(_coverage(directory, name, lang))}</dd>"
        f"<dt>{escape(t('methods.rows', lang))}</dt><dd>{rows}</dd>"
        f"<dt>{escape(t('methods.download', lang))}</dt>"
        f"<dd><a href='/api/{escape(name)}.csv'>CSV</a> · <a href='/api/{escape(name)}.json'>JSON</a></dd>"
        "</dl>"
        + (
            f"<details><summary>{escape(t('methods.caveats', lang))}</summary>{notes}</details>"
            if notes
            else ""
        )
        + "</section>"
    )


def methods_page(directory: Path, lang: str) -> str:
    """The whole page in `lang`."""
    descriptor = package(directory)
    titles = {r["name"]: r.get("title") or r["name"] for r in descriptor.get("resources", [])}
    titles["stock_by_month"] = "stock_by_month (derived)"
    method = descriptor.get("x-derived", {}).get("stock_by_month", {}).get("method", [])
    series = stock_by_month(directory)
    vintage = series.loc[(series["scope"] == "country") & ~series["estimated"], "month"].max()
    switch = " · ".join(
        f"<a href='/methods?lang={code}' lang='{code}'>{LANGUAGE_NAMES[code]}</a>"
        for code in LANGUAGES
        if code != lang
    )
    datasets = "".join(_dataset(directory, name, titles.get(name, name), lang) for name in RESOURCES)

    def text(key: str, **values: object) -> str:
        return escape(t(key, lang, **values))

    return (
        "<!DOCTYPE html>"
        f"<html lang='{lang}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{text('methods.title')} · Corredores</title>"
        "<link rel='stylesheet' href='/assets/corredores.css'>"
        "<link rel='stylesheet' href='/assets/journalist.css'>"
        "</head><body><main class='methods-page'>"
        f"<nav><a href='/?lang={lang}'>← {text('methods.back')}</a> · {switch}</nav>"
        f"<h1>{text('methods.title')}</h1>"
        f"<p>{text('methods.intro')}</p>"
        f"<p>{text('methods.vintage', month=format_month(vintage, lang))}</p>"
        f"<h2>{text('methods.series_title')}</h2><p>{text('methods.series')}</p>"
        f"{_list([escape(step) for step in method])}"
        f"<h2>{text('methods.interpolation_title')}</h2><p>{text('methods.interpolation')}</p>"
        f"<h2>{text('methods.totals_title')}</h2><p>{text('methods.totals')}</p>"
        f"<p>{text('methods.per_1000')}</p>"
        f"<h2>{text('methods.datasets_title')}</h2><p>{text('methods.english_note')}</p>"
        f"{datasets}"
        f"<p><a href='/methods/PROVENANCE.md'>{text('methods.provenance')}</a></p>"
        f"<footer class='credit'>{text('export.credit')}</footer>"
        "</main></body></html>"
    )
