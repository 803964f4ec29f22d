"""Problems found in data files, reported as `FILE, row N, column C: expected ..., found ...`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file; `row` counts like a spreadsheet (header is row 1)."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        prefix = "warning: " if self.warning else ""
        return f"{', '.join(where)}: {prefix}{self.message}"


class DataError(Exception):
    """Raised when a data file cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = [p for p in problems if not p.warning]
        super().__init__("\n".join(str(p) for p in self.problems))


def raise_if_errors(problems: list[Problem]) -> None:
    """Raise `DataError` when any problem is an error (warnings alone pass)."""
    if any(not p.warning for p in problems):
        raise DataError(problems)


def read_data_text(directory: Path, name: str, what: str) -> str:
    """The text of the data file `name`; a missing or unreadable one is a `DataError` expecting `what`."""
    path = directory / name
    if not path.is_file():
        raise DataError([Problem(name, f"expected {what}, found no such file")])
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError([Problem(name, f"expected a UTF-8 text file, found {error}")]) from error
