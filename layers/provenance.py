"""data/PROVENANCE.md: the whole text, and the sections that discuss one resource (its caveats)."""

from __future__ import annotations

import re
from pathlib import Path

from layers.memo import memoized_on_data
from layers.problems import read_data_text

PROVENANCE_FILE = "PROVENANCE.md"
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# How PROVENANCE.md headings name each resource's file (shared names and shipped names).
SECTION_NAMES = {
    "admin0": ("americas_admin0.geojson",),
    "admin1": ("americas_admin1.geojson",),
    "outside_map": ("outside_map",),
    "entry_points": ("entry_points.csv",),
    "services": ("services.csv",),
    "maritime_routes": ("maritime_routes.csv", "routes/maritime.csv"),
    "land_routes": ("routes/land.csv",),
    "stock": ("venezuelan_stock.csv", "figures/stock.csv", "main series"),
    "r4v_snapshots": ("r4v_snapshots.csv",),
    "avoid_domains": ("avoid_domains.csv",),
    "crossing_flows": ("crossing_flows.csv",),
    "migratory_balance": ("migratory_balance.csv",),
    "maritime_incidents": ("maritime_incidents.csv",),
    "residence_permits": ("residence_permits.csv",),
    "regularisation_mechanisms": ("regularisation_mechanisms.csv",),
    "funding": ("funding.csv",),
    "flows": ("flows.csv",),
    "country_profiles": ("countries/profiles.csv",),
}


@memoized_on_data
def provenance_text(directory: Path) -> str:
    """The provenance notes as written (Markdown)."""
    return read_data_text(directory, PROVENANCE_FILE, "the provenance notes")


def sections_about(text: str, names: tuple[str, ...]) -> list[str]:
    """Every section whose heading mentions one of `names`, each up to the next heading of its level."""
    lines = text.splitlines()
    found = []
    for start, line in enumerate(lines):
        heading = HEADING.match(line)
        if not heading or not any(name in heading.group(2) for name in names):
            continue
        level = len(heading.group(1))
        end = start + 1
        while end < len(lines):
            following = HEADING.match(lines[end])
            if following and len(following.group(1)) <= level:
                break
            end += 1
        found.append("\n".join(lines[start:end]).strip())
    return found


def caveats(directory: str | Path | None, resource: str) -> list[str]:
    """The PROVENANCE.md sections about one resource (origin, processing, doubts)."""
    return sections_about(provenance_text(directory), SECTION_NAMES.get(resource, (resource,)))
