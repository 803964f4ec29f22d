"""The in-process cache tiers: a bounded LRU store, and layer loaders memoized per data directory.

`layers` cannot import `dashboard`, so the tiers every process keeps for itself live here;
`dashboard.cache` builds the shared tier (flask-caching, Redis) on top and owns the whole picture.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from pathlib import Path
from typing import Generic, TypeVar

from layers.paths import data_dir, data_stamp

T = TypeVar("T")
MISSING = object()
LOADER_ENTRIES = 4  # per loader: the served snapshot, the next one, and a test's copies
SNAPSHOT_ENTRIES = 16  # snapshot directories whose files are known never to change


class BoundedCache(Generic[T]):
    """A thread-safe store of at most `size` values, dropping the least recently used."""

    def __init__(self, size: int):
        self.size = size
        self.values: OrderedDict[Hashable, T] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable) -> T | object:
        """The value of `key`, or `MISSING`."""
        with self.lock:
            value = self.values.get(key, MISSING)
            if value is not MISSING:
                self.values.move_to_end(key)
            return value

    def put(self, key: Hashable, value: T) -> None:
        """Keep `value`, dropping the oldest values beyond `size`."""
        with self.lock:
            self.values[key] = value
            self.values.move_to_end(key)
            while len(self.values) > self.size:
                self.values.popitem(last=False)

    def clear(self) -> None:
        """Forget every value."""
        with self.lock:
            self.values.clear()


_immutable: BoundedCache[tuple] = BoundedCache(SNAPSHOT_ENTRIES)


def mark_immutable(directory: Path) -> None:
    """Promise that `directory` never changes (a data snapshot): its files are stat'ed once, not per call."""
    _immutable.put(directory, data_stamp(directory))


def memoized_on_data(loader: Callable[[Path], T]) -> Callable[..., T]:
    """Cache a loader per data directory until any of its files changes (mtime or size).

    Callers share the returned frame: they must not modify it in place.
    """

    @lru_cache(maxsize=LOADER_ENTRIES)
    def cached(directory: Path, stamp: tuple) -> T:
        return loader(directory)

    @wraps(loader)
    def wrapper(directory: str | Path | None = None) -> T:
        resolved = data_dir(directory)
        stamp = _immutable.get(resolved)
        return cached(resolved, stamp if stamp is not MISSING else data_stamp(resolved))

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper
