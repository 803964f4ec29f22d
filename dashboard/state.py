"""The data the app serves: a validated private copy of the data directory, swapped whole.

Analysts edit files in `CORREDORES_DATA_DIR` in place. Each new state of those files is copied
into a content-addressed snapshot folder, validated there, and only then served; a bad state
leaves the last good snapshot in service. Snapshots never change, so memoized layers stay valid.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

from layers.catalog import DataSnapshot
from layers.memo import mark_immutable
from layers.paths import data_stamp
from layers.problems import DataError, Problem

log = logging.getLogger(__name__)
SETTLE_SECONDS = 1.0  # files written this recently may be half-copied: look again later


def copy_snapshot(directory: Path, root: Path) -> Path:
    """Copy every file of `directory` into a folder under `root` named by the hash of their contents."""
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    digest = hashlib.sha256()
    contents = {}
    for path in files:
        body = path.read_bytes()
        relative = str(path.relative_to(directory))
        contents[relative] = body
        digest.update(relative.encode() + b"\0" + hashlib.sha256(body).digest())
    target = root / digest.hexdigest()[:16]
    if target.is_dir():
        return target
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root, prefix=".staging-"))
    for relative, body in contents.items():
        (staging / relative).parent.mkdir(parents=True, exist_ok=True)
        (staging / relative).write_bytes(body)
    try:
        staging.rename(target)
    except OSError:  # another worker made the same snapshot first
        shutil.rmtree(staging, ignore_errors=True)
    return target


class DataState:
    """The snapshot being served and the problems of the newest files, if they are bad."""

    def __init__(self, directory: Path, snapshot_root: Path, check_seconds: float):
        self.source = directory
        self.snapshot_root = snapshot_root
        self.check_seconds = check_seconds
        self.snapshot: DataSnapshot | None = None
        self.problems: list[Problem] = []
        self.bug: str | None = None  # a loader raised something other than a data problem
        self.checked_at: float | None = None  # wall-clock start of the last look that found the files at rest
        self._stamp: tuple = ()
        self._checked = 0.0
        self._lock = threading.Lock()
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        """Look for changed files at most every few seconds; validate and switch when they are good."""
        now = time.monotonic()
        if not force and now - self._checked < self.check_seconds:
            return
        with self._lock:
            self._checked = now
            looked = time.time()
            try:
                stamp = data_stamp(self.source)
                if stamp == self._stamp:
                    self.checked_at = looked
                    return
                if self.snapshot and settling(stamp):
                    return
                copied = copy_snapshot(self.source, self.snapshot_root)
                if data_stamp(self.source) != stamp:  # a file changed while it was copied
                    return
            except OSError as error:  # a file vanished or was renamed mid-copy: look again next time
                log.info("data in %s is changing (%s); will look again", self.source, error)
                return
            self._stamp, self.checked_at = stamp, looked
            try:
                mark_immutable(copied)  # snapshots never change: memoized layers skip the per-call stat
                snapshot = DataSnapshot.load(copied)
            except DataError as error:
                self.problems, self.bug = error.problems, None
                log.warning(
                    "data in %s rejected (%d problems), still serving the last good data; first: %s",
                    self.source,
                    len(error.problems),
                    error.problems[0],
                )
                return
            except Exception as error:  # a bug in a loader, not a problem with the data
                self.bug = f"{type(error).__name__} while loading {copied.name}"
                log.exception(
                    "bug: loading data snapshot %s failed; still serving the last good data", copied
                )
                return
            self.snapshot, self.problems, self.bug = snapshot, [], None
            log.info("serving data snapshot %s (vintage %s)", snapshot.directory, snapshot.vintage)

    @property
    def data_dir(self) -> Path:
        """Directory of the snapshot being served; raises when no good data was ever loaded."""
        self.refresh()
        if self.snapshot is None:
            raise DataError(self.problems)
        return self.snapshot.directory


def settling(stamp: tuple[tuple[str, int, int], ...]) -> bool:
    """True when a file was modified less than `SETTLE_SECONDS` ago (an update may be under way)."""
    newest = max((mtime for _, mtime, _ in stamp), default=0)
    return 0 <= time.time_ns() - newest < SETTLE_SECONDS * 1e9


_current: DataState | None = None


def install(directory: Path, snapshot_root: Path, check_seconds: float) -> DataState:
    """Create the app's data state for a source directory (once per process)."""
    global _current
    _current = DataState(directory, snapshot_root, check_seconds)
    return _current


def current_data_dir() -> Path:
    """The snapshot directory callbacks and routes pass to `layers` functions."""
    if _current is None:
        raise RuntimeError("dashboard.state.install() was not called")
    return _current.data_dir


def current_state() -> DataState:
    """The installed data state."""
    if _current is None:
        raise RuntimeError("dashboard.state.install() was not called")
    return _current
