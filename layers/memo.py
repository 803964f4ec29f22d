"""Memoizing layer loaders on the state of the data directory's files."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from pathlib import Path
from typing import TypeVar

from layers.paths import data_dir, data_stamp

T = TypeVar("T")
_immutable: dict[Path, tuple] = {}


def mark_immutable(directory: Path) -> None:
    """Promise that `directory` never changes (a data snapshot): its files are stat'ed once, not per call."""
    _immutable[directory] = data_stamp(directory)


def memoized_on_data(loader: Callable[[Path], T]) -> Callable[..., T]:
    """Cache a loader per data directory until any of its files changes (mtime or size).

    Callers share the returned frame: they must not modify it in place.
    """

    @lru_cache(maxsize=4)
    def cached(directory: Path, stamp: tuple) -> T:
        return loader(directory)

    @wraps(loader)
    def wrapper(directory: str | Path | None = None) -> T:
        resolved = data_dir(directory)
        stamp = _immutable.get(resolved)
        return cached(resolved, stamp if stamp is not None else data_stamp(resolved))

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper
