"""Rules about the months of the monthly series: clamping an index, ranges, the year before a month."""

from __future__ import annotations

YEAR_MONTHS = 12


def month_at(months: list[str], index: int | None) -> str:
    """The month at a slider position, clamped to the series (None is the first month)."""
    return months[min(max(index or 0, 0), len(months) - 1)]


def months_between(months: list[str], start: str | None, end: str | None) -> list[str]:
    """The months from `start` to `end`, both included; empty when either is unknown or start is later."""
    if start not in months or end not in months:
        return []
    return months[months.index(start) : months.index(end) + 1]


def year_up_to(months: list[str], end: str) -> list[str]:
    """The twelve months of the series ending at `end` (fewer at the start of the series)."""
    last = months.index(end)
    return months[max(0, last - YEAR_MONTHS + 1) : last + 1]
