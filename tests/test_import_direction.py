"""Imports run one way: layers never import the app; callbacks and page builders never import web routes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WEB = {
    "dashboard.api",
    "dashboard.routes",
    "dashboard.security",
    "dashboard.methods",
    "dashboard.app",
    "dashboard.cli",
}
PAGE_BUILDERS = ["layout", "country_panel", "regional", "journalist", "controls", "notices", "export"]


def imported(path: Path) -> set[str]:
    """Every module a file imports, `from dashboard import x` counted as `dashboard.x`."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "layers").glob("*.py")), ids=lambda p: p.name)
def test_layers_import_neither_the_app_nor_callbacks(path):
    assert {n for n in imported(path) if n.split(".")[0] in ("dashboard", "callbacks")} == set()


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "callbacks").glob("*.py"))
    + [
        ROOT / "dashboard" / f"{name}.py"
        for name in PAGE_BUILDERS
        if (ROOT / "dashboard" / f"{name}.py").exists()
    ],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_callbacks_and_page_builders_do_not_import_web_routes(path):
    assert imported(path) & WEB == set()
