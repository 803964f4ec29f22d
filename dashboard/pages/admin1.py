"""The selected country's states on the main map: shades by what its panel counts there, and their legend."""

from __future__ import annotations

from pathlib import Path

from dash import html

from dashboard.i18n import format_number, t
from dashboard.map_style import COLOURS
from layers.map_view import admin1_counts, count_breaks


def admin1_view(directory: Path, iso: str | None, lang: str) -> tuple[dict, list]:
    """The admin-1 layer's hideout and legend: the country's states shaded by what its panel counts."""
    if not iso:
        return {"country": None}, []
    counted, counts = admin1_counts(directory, iso)
    breaks = count_breaks(list(counts.values()))
    shades = COLOURS["admin1"]
    hideout = {"country": iso, "counts": counts, "breaks": [0, *breaks], "colours": shades[: len(breaks) + 1]}
    return hideout, admin1_legend(counted, breaks, max(counts.values(), default=0), lang)


def admin1_legend(counted: str, breaks: list[int], largest: int, lang: str) -> list:
    """Title and one swatch per class, labelled with its range ("1–3", "4–6", "7")."""
    shades = COLOURS["admin1"]
    uppers = [b - 1 for b in breaks[1:]] + [largest] if breaks else []
    labels = [
        format_number(low, lang) if low == high else f"{format_number(low, lang)}–{format_number(high, lang)}"
        for low, high in zip(breaks, uppers, strict=True)
    ]
    keys = [(shades[0], format_number(0, lang) if breaks else t("map.admin1_none", lang))]
    keys += [(shades[i + 1], label) for i, label in enumerate(labels)]
    return [
        html.Div(t(f"map.admin1_{counted}", lang), className="legend-title"),
        html.Div(
            [
                html.Span(
                    [html.Span(className="swatch", style={"background": colour}), html.Span(label)],
                    className="key",
                )
                for colour, label in keys
            ],
            className="legend-keys",
        ),
    ]
