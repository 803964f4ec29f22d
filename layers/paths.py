"""Where the data lives: `$CORREDORES_DATA_DIR`, or the `data/` folder shipped with the project."""

from __future__ import annotations

import os
from pathlib import Path

SHIPPED_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_dir(explicit: str | Path | None = None) -> Path:
    """The data directory to read: an explicit one, else the env var, else the shipped one."""
    chosen = explicit or os.environ.get("CORREDORES_DATA_DIR") or SHIPPED_DATA_DIR
    return Path(chosen).resolve()


def data_stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """A cheap fingerprint of every file in a data directory (name, mtime, size)."""
    stamp = []
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            info = path.stat()
            stamp.append((str(path.relative_to(directory)), info.st_mtime_ns, info.st_size))
    return tuple(stamp)
