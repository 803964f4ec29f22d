"""Every cache tier is bounded and only `dashboard.cache` talks to a cache backend."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask

from dashboard import cache
from layers.memo import MISSING, BoundedCache

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [p for folder in ("dashboard", "layers", "callbacks") for p in (ROOT / folder).rglob("*.py")]


def test_bounded_cache_drops_the_least_recently_used():
    store: BoundedCache[int] = BoundedCache(2)
    store.put("a", 1)
    store.put("b", 2)
    assert store.get("a") == 1  # "a" is now the most recent
    store.put("c", 3)
    assert store.get("b") is MISSING
    assert (store.get("a"), store.get("c")) == (1, 3)


def test_process_tier_keeps_at_most_its_bound():
    cache.init_cache(Flask("tiers"), None)
    for number in range(cache.LOCAL_ENTRIES + 5):
        cache.remember(f"tiers-test:{number}", lambda number=number: number, local=True)
    assert len(cache._local.values) == cache.LOCAL_ENTRIES
    assert cache.remember("tiers-test:0", lambda: "computed again", local=True) == 0  # shared tier


def test_only_the_cache_module_uses_a_backend():
    users = [
        p.relative_to(ROOT).as_posix()
        for p in SOURCES
        if re.search(r"flask_caching|from dashboard\.cache import cache\b", p.read_text())
    ]
    assert users == ["dashboard/cache.py"]


def test_no_unbounded_memoization():
    unbounded = [
        p.relative_to(ROOT).as_posix()
        for p in SOURCES
        if re.search(r"@(functools\.)?cache\b|lru_cache\(maxsize=None\)|@lru_cache\s*$", p.read_text(), re.M)
    ]
    assert unbounded == []
