"""The tiers every process keeps for itself: a bounded LRU store, layer loaders memoized per data
directory, and artefacts on disk for data snapshots (computed once per data version and code).

`layers` cannot import `dashboard`, so these live here; `dashboard.cache` builds the shared tier
(flask-caching, Redis) on top and owns the whole picture.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import tempfile
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from importlib.metadata import version
from pathlib import Path
from typing import Generic, TypeVar

from layers.paths import data_dir, data_stamp

log = logging.getLogger(__name__)
T = TypeVar("T")
MISSING = object()
LOADER_ENTRIES = 4  # per loader: the served snapshot, the next one, and a test's copies
SNAPSHOT_ENTRIES = 16  # snapshot directories whose files are known never to change
ARTEFACT_FOLDERS = 4  # on disk: artefacts of the newest (snapshot, code) pairs; older ones are deleted
ARTEFACT_MAGIC = b"corredores-artefact-1\n"
# Whatever a pickled frame or a rendered layout depends on besides the data: our code, these libraries.
LIBRARIES = ("pandas", "geopandas", "shapely", "numpy", "dash", "dash-leaflet", "brotli", "geobuf")
CODE_ROOT = Path(__file__).resolve().parent.parent
CODE_FOLDERS = ("layers", "dashboard", "callbacks")
artefact_counts: Counter[str] = Counter()  # "read", "written", "rejected": observable by tests and logs


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
    """Promise that `directory` never changes (a data snapshot): its files are stat'ed once, not per call,
    and what is derived from them is kept on disk (`artefact_dir`)."""
    resolved = Path(directory).resolve()
    _immutable.put(resolved, data_stamp(resolved))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the app's source files, templates, catalogs and library versions: artefacts of other
    code are never read."""
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted((CODE_ROOT / folder).rglob("*")):
            if path.suffix in (".py", ".json", ".html") and path.is_file():
                digest.update(str(path.relative_to(CODE_ROOT)).encode() + b"\0" + path.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={version(library)}".encode())
    return digest.hexdigest()[:16]


def artefact_dir(directory: Path) -> Path | None:
    """Where the artefacts of a snapshot live (beside it, named by its hash and the code's), or None
    for a directory not marked immutable (its files may change under us)."""
    resolved = Path(directory).resolve()
    if _immutable.get(resolved) is MISSING:
        return None
    return resolved.parent / "derived" / f"{resolved.name}-{code_fingerprint()}"


def on_disk(path: Path, compute: Callable[[], T]) -> T:
    """The value stored in `path`, or `compute()` stored there (atomically) for the next process.

    A file that is truncated, altered or unreadable is never served: it is logged, recomputed and
    replaced. The checksum covers the pickled bytes, so only files this code wrote are unpickled.
    """
    value = _read(path)
    if value is not MISSING:
        artefact_counts["read"] += 1
        return value  # type: ignore[return-value]
    value = compute()
    _write_atomically(path, value)
    return value


def _read(path: Path) -> object:
    """The value in an artefact file whose checksum matches, else `MISSING` (logged unless absent)."""
    try:
        stored = path.read_bytes()
    except OSError:
        return MISSING
    start = len(ARTEFACT_MAGIC)
    checksum, payload = stored[start : start + 32], stored[start + 32 :]
    if stored[:start] == ARTEFACT_MAGIC and hashlib.sha256(payload).digest() == checksum:
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001  (any unpickling failure means: compute again)
            pass
    artefact_counts["rejected"] += 1
    log.warning("artefact %s is damaged; computing it again", path)
    return MISSING


def _write_atomically(path: Path, value: object) -> None:
    """Write a checksummed pickle next to `path` and rename it into place (readers never see half a file)."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    temporary = None
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
            _prune(path.parent.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
        with os.fdopen(handle, "wb") as output:
            output.write(ARTEFACT_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
        artefact_counts["written"] += 1
    except OSError as error:  # a read-only or full disk: serve the value, compute it again next start
        log.warning("could not keep artefact %s (%s)", path, error)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _prune(root: Path) -> None:
    """Keep the `ARTEFACT_FOLDERS` most recently created artefact folders under `root`, delete the rest
    (a worker still on an older snapshot computes what it misses again, correctly)."""
    folders = sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime_ns)
    for folder in folders[:-ARTEFACT_FOLDERS]:
        shutil.rmtree(folder, ignore_errors=True)


def memoized_on_data(loader: Callable[[Path], T]) -> Callable[..., T]:
    """Cache a loader per data directory until any of its files changes (mtime or size); for a
    snapshot, also on disk, so the next process on the same data reads the result instead.

    Callers share the returned frame: they must not modify it in place.
    """
    name = f"{loader.__module__}.{loader.__qualname__}.pickle"

    @lru_cache(maxsize=LOADER_ENTRIES)
    def cached(directory: Path, stamp: tuple) -> T:
        folder = artefact_dir(directory)
        if folder is None:
            return loader(directory)
        return on_disk(folder / name, lambda: loader(directory))

    @wraps(loader)
    def wrapper(directory: str | Path | None = None) -> T:
        resolved = data_dir(directory)
        stamp = _immutable.get(resolved)
        return cached(resolved, stamp if stamp is not MISSING else data_stamp(resolved))

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper
