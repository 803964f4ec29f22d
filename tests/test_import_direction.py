"""Imports run one way: layers never import the app; callbacks and page builders never import web routes.

Page builders never import callbacks either: `dashboard.app` registers callbacks, nothing else does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard"
WEB = {"dashboard.app", "dashboard.cli", "dashboard.web"} | {
    f"dashboard.web.{path.stem}" for path in (DASHBOARD / "web").glob("*.py")
}
PAGE_BUILDERS = sorted((DASHBOARD / "pages").glob("*.py"))


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
    sorted((ROOT / "callbacks").glob("*.py")) + PAGE_BUILDERS,
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_callbacks_and_page_builders_do_not_import_web_routes(path):
    assert imported(path) & WEB == set()


@pytest.mark.parametrize("path", PAGE_BUILDERS, ids=lambda p: p.name)
def test_page_builders_do_not_import_callbacks(path):
    assert {n for n in imported(path) if n.split(".")[0] == "callbacks"} == set()


def test_the_rooms_are_found():
    """The globs above see the page builders and the web surface (a moved folder fails here)."""
    assert len(PAGE_BUILDERS) >= 5 and {"dashboard.web.api", "dashboard.web.routes"} <= WEB
