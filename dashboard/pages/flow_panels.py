"""Country-panel parts for flows: migratory balance on the timeline, dated counts at crossings."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
from dash import html

from dashboard.i18n import format_month, format_number, t
from layers.balance import cumulative_balance, period_balances
from layers.crossings import crossing_flows

BALANCE_COLOUR = "#1b7837"


def _day(date: str, lang: str) -> str:
    """ "2019-09-30" → "30 Sep 2019"; "2019-09" → "Sep 2019"; "2019" stays."""
    if len(date) < 7:
        return date
    label = format_month(date[:7], lang)
    return f"{int(date[8:10])} {label}" if len(date) == 10 else label


def add_balance(figure: go.Figure, directory: Path, iso: str, lang: str) -> None:
    """Brazil's cumulative balance since 2017 as points, other countries' period balances as segments.

    Published balances are filled, entries-minus-exits computed here are open (`derived`).
    """
    cumulative = cumulative_balance(directory)
    cumulative = cumulative[cumulative["iso_a3"] == iso]
    for derived, rows in cumulative.groupby("derived"):
        key = "panel.balance_derived" if derived else "panel.balance_published"
        figure.add_scatter(
            x=rows["period_end"].str[:7],
            y=rows["balance"],
            mode="markers",
            marker={"color": BALANCE_COLOUR, "size": 9, "symbol": "diamond-open" if derived else "diamond"},
            name=t("panel.balance_cumulative", lang) + " · " + t(key, lang),
            customdata=rows[["period_end", "source_title"]].to_numpy(),
            hovertemplate="%{y:,.0f} · %{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            row=1,
            col=1,
        )
    periods = period_balances(directory)
    for row in periods[periods["iso_a3"] == iso].itertuples():
        key = "panel.balance_derived" if row.derived else "panel.balance_published"
        figure.add_scatter(
            x=[row.period_start[:7], row.period_end[:7]],
            y=[row.balance, row.balance],
            mode="lines+markers",
            line={"color": BALANCE_COLOUR, "width": 3, "dash": "dot" if row.derived else "solid"},
            marker={"size": 5},
            name=t("panel.balance_period", lang) + " · " + t(key, lang),
            legendgroup=key,
            showlegend=False,
            hovertemplate=f"{format_number(row.balance, lang)} · {row.period_start} – {row.period_end}"
            f"<br>{t(key, lang)} · {row.source_title}<extra></extra>",
            row=1,
            col=1,
        )


def crossing_counts_block(directory: Path, iso: str, lang: str) -> html.Details | None:
    """The dated counts published at the country's crossings, with units; None when there are none."""
    rows = crossing_flows(directory)
    rows = rows[rows["iso_a3"] == iso]
    if rows.empty:
        return None
    rows = rows.assign(order=rows["period_start"].where(rows["period_start"] != "", rows["published"]))
    items = []
    for row in rows.sort_values("order").itertuples():
        start, end = row.period_start or row.period_end, row.period_end
        if start:
            when = _day(start, lang) + (f" – {_day(end, lang)}" if end and end != start else "")
        else:
            when = t("popup.published_only", lang, date=_day(row.published, lang))
        count = f"{format_number(row.value, lang)} {t(f'popup.unit.{row.unit}', lang)}"
        source = html.A(row.source_title, href=row.source_url) if row.source_url else row.source_title
        items.append(html.Li([f"{when}: {count} · {row.crossing} · ", source]))
    return html.Details(
        [
            html.Summary(html.H4(f"{t('panel.crossing_counts', lang)} ({len(items)})")),
            html.Ul(items, className="crossing-counts"),
            html.P(t("popup.original_language", lang), className="empty-note"),
        ]
    )
