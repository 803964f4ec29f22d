"""The README's map of rooms ("What is where") names every module of the app's core, pages and web surface."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def rooms() -> str:
    """The code block under "## What is where" in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## What is where", 1)[1]
    return section.split("```", 2)[1]


@pytest.mark.parametrize("folder", ["dashboard", "dashboard/pages", "dashboard/web"])
def test_every_module_of_a_folder_is_named(folder):
    names = set(re.findall(r"[a-z_0-9]+", rooms()))
    modules = {path.stem for path in (ROOT / folder).glob("*.py") if path.stem != "__init__"}
    assert modules and modules - names == set()


def test_every_file_named_exists():
    named = re.findall(r"\b([a-z_0-9]+\.(?:py|js|json|md))\b", rooms())
    folders = ("data", "layers", "dashboard", "callbacks", "assets", "bench", "tests")
    files = {path.name for folder in folders for path in (ROOT / folder).rglob("*") if path.is_file()}
    assert named and [name for name in named if name not in files] == []
