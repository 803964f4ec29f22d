"""The data package descriptor (data/datapackage.json): licences, sources and dates per resource."""

from __future__ import annotations

import json
from pathlib import Path

from layers.memo import memoized_on_data
from layers.problems import DataError, Problem, read_data_text

PACKAGE_FILE = "datapackage.json"


@memoized_on_data
def package(directory: Path) -> dict:
    """The descriptor as a dict; a missing, unreadable or shapeless file is a data problem."""
    text = read_data_text(directory, PACKAGE_FILE, "the data package descriptor")
    try:
        descriptor = json.loads(text)
    except ValueError as error:
        raise DataError([Problem(PACKAGE_FILE, f"expected a JSON data package, found {error}")]) from error
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list) or not resources:
        raise DataError(
            [Problem(PACKAGE_FILE, "expected an object with a list of resources", column="resources")]
        )
    problems = [
        Problem(PACKAGE_FILE, "expected an object with a name", number, "resources")
        for number, resource in enumerate(resources, start=1)
        if not (isinstance(resource, dict) and isinstance(resource.get("name"), str))
    ]
    if problems:
        raise DataError(problems)
    return descriptor


def resource_credits(directory: str | Path | None, names: list[str]) -> list[dict[str, str]]:
    """Title, licence and sources of the named resources, for "Sources" lists."""
    resources = {r["name"]: r for r in package(directory).get("resources", [])}
    credits = []
    for name in names:
        resource = resources.get(name, {})
        licenses = ", ".join(lic.get("title") or lic.get("name", "") for lic in resource.get("licenses", []))
        sources = "; ".join(s.get("title", "") for s in resource.get("sources", []))
        credits.append(
            {"name": name, "title": resource.get("title", name), "license": licenses, "sources": sources}
        )
    return credits
