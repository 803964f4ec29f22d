"""Every layer of the data package in one place: validate them all, or load them all at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from layers.balance import migratory_balance
from layers.boundaries import admin0, admin1
from layers.codes import outside_map
from layers.crossings import crossing_flows, maritime_incidents
from layers.entry_points import entry_points
from layers.flows import flows
from layers.funding import funding
from layers.memo import artefact_dir, on_disk
from layers.package import package
from layers.paths import data_dir
from layers.plausibility import avoid_domains, plausibility_warnings
from layers.problems import DataError, Problem
from layers.profiles import country_profiles
from layers.provenance import provenance_text
from layers.regularisation import regularisation_mechanisms, residence_permits
from layers.routes import land_routes, maritime_routes
from layers.scenes import scenes
from layers.services import services
from layers.stock import r4v_figures, stock_by_month, stock_figures

# Every file the site serves, through the function that reads it.
LOADERS: dict[str, Callable] = {
    "datapackage": package,
    "provenance": provenance_text,
    "admin0": admin0,
    "admin1": admin1,
    "outside_map": outside_map,
    "entry_points": entry_points,
    "services": services,
    "land_routes": land_routes,
    "maritime_routes": maritime_routes,
    "crossing_flows": crossing_flows,
    "maritime_incidents": maritime_incidents,
    "stock": stock_figures,
    "r4v_snapshots": r4v_figures,
    "residence_permits": residence_permits,
    "regularisation_mechanisms": regularisation_mechanisms,
    "funding": funding,
    "flows": flows,
    "migratory_balance": migratory_balance,
    "country_profiles": country_profiles,
    "stock_by_month": stock_by_month,
    "avoid_domains": avoid_domains,
    "plausibility": plausibility_warnings,
    "scenes": scenes,
}
# Layers with geometry (GeoDataFrames): read only where geometry is drawn, exported or joined.
GEOMETRY_LAYERS = frozenset(
    {"admin0", "admin1", "entry_points", "services", "land_routes", "maritime_routes"}
)


def validate(directory: str | Path | None = None) -> list[Problem]:
    """Every problem in a data directory, each reported once, errors and warnings alike.

    Only data problems are returned; any other exception a loader raises is a bug in the loader
    and propagates (with its traceback) to the caller.
    """
    resolved = data_dir(directory)
    found: dict[str, Problem] = {}
    for loader in LOADERS.values():
        try:
            layer = loader(resolved)
            for problem in getattr(layer, "attrs", {}).get("warnings", []):
                found.setdefault(str(problem), problem)
        except DataError as error:
            for problem in error.problems:
                found.setdefault(str(problem), problem)
    return list(found.values())


@dataclass(frozen=True)
class DataSnapshot:
    """Where a complete, validated set of layers was loaded from; swapped whole, never half-loaded."""

    directory: Path
    vintage: str

    @classmethod
    def load(cls, directory: str | Path | None = None) -> DataSnapshot:
        """Validate every layer; raise `DataError` listing all problems if any file is bad.

        A snapshot's verdict is kept on disk with its artefacts: a restart on unchanged data reads
        it instead of loading every layer (they load when first asked for).
        """
        resolved = data_dir(directory)
        folder = artefact_dir(resolved)
        compute = partial(_verdict, resolved)
        problems, vintage = on_disk(folder / "verdict.pickle", compute) if folder else compute()
        if problems:
            raise DataError(problems)
        return cls(resolved, vintage)


def _verdict(directory: Path) -> tuple[list[Problem], str]:
    """The errors found in a data directory, and the month of its newest published stock figure."""
    problems = [p for p in validate(directory) if not p.warning]
    if problems:
        return problems, ""
    series = stock_by_month(directory)
    return [], str(series.loc[~series["estimated"], "month"].max())
