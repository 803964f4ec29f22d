"""Where the data lives: the `data/` folder shipped with the project, unless the caller names another.

The `CORREDORES_DATA_DIR` setting is read by `dashboard.config`, which passes the directory down.
"""

from __future__ import annotations

from pathlib import Path

SHIPPED_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_dir(explicit: str | Path | None = None) -> Path:
    """The data directory to read: an explicit one, else the shipped one."""
    chosen = explicit or SHIPPED_DATA_DIR
    return Path(chosen).resolve()


def data_stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """A cheap fingerprint of every file in a data directory (name, mtime, size)."""
    stamp = []
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            info = path.stat()
            stamp.append((str(path.relative_to(directory)), info.st_mtime_ns, info.st_size))
    return tuple(stamp)
