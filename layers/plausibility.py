"""Plausibility warnings on the stock figures: doubtful jumps, avoid-listed sources (never errors)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from layers.memo import memoized_on_data
from layers.problems import Problem
from layers.stock import main_series, published_figures
from layers.table import checked_frame

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

AVOID_FILE = "avoid_domains.csv"
FALL, RISE = 0.25, 0.60  # a main-series point falling more than 25 % or rising more than 60 %
REVISION = "revision"  # a note with this word explains a jump
ADDRESS = re.compile(r"https?://[^\s;,()]+")


@memoized_on_data
def avoid_domains(directory: Path) -> pd.DataFrame:
    """The domains not to cite (`rule` avoid), or to cite only with a flag (`rule` flag)."""
    return checked_frame(directory, AVOID_FILE).reset_index(drop=True)


def host_of(url: str) -> str:
    """The host name of a URL, lower case, without `www.`."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def avoided(url: str, domains: list[str]) -> str | None:
    """The avoid-listed domain a URL is on (the domain itself or a subdomain), if any."""
    host = host_of(url)
    return next((d for d in domains if host == d or host.endswith("." + d)), None)


def _jumps(main: pd.DataFrame) -> list[Problem]:
    """Main-series points that fall more than 25 % or rise more than 60 % from the previous one."""
    problems = []
    for _, rows in main.sort_values(["area", "month"]).groupby("area"):
        previous = None
        for row in rows.itertuples():
            if previous is not None and REVISION not in row.note.lower():
                change = row.value / previous.value - 1
                if change < -FALL or change > RISE:
                    problems.append(
                        Problem(
                            row.file,
                            f"{row.area} {row.date}: {row.value:,} is {change:+.0%} from {previous.value:,} "
                            f"({previous.date}); check it, or explain it with a `revision` note",
                            row.row,
                            "value",
                            warning=True,
                        )
                    )
            previous = row
    return problems


def _avoided_sources(figures: pd.DataFrame, domains: pd.DataFrame) -> list[Problem]:
    """Figures whose page, or a page named in their `source` text, is on an avoid-listed domain."""
    never = list(domains.loc[domains["rule"] == "avoid", "domain"])
    problems = []
    for row in figures.itertuples():
        cited = [("url", row.url), *(("source", address) for address in ADDRESS.findall(row.source))]
        hit = next(((column, domain) for column, url in cited if (domain := avoided(url, never))), None)
        if hit:
            message = f"cites {hit[1]}, a domain on the avoid list"
            problems.append(Problem(row.file, message, row.row, hit[0], warning=True))
    return problems


@memoized_on_data
def plausibility_warnings(directory: str | Path | None) -> pd.DataFrame:
    """Every plausibility warning, as a frame whose `attrs["warnings"]` `corredores validate` reports."""
    import pandas as pd

    problems = _jumps(main_series(directory))
    problems += _avoided_sources(published_figures(directory), avoid_domains(directory))
    frame = pd.DataFrame({"warning": [str(p) for p in problems]})
    frame.attrs["warnings"] = problems
    return frame
