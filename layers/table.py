"""Reading a CSV file as text and checking its columns, collecting every problem on the way."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from layers.problems import Problem

PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
HEADER_ROW = 1


def _short(value: str, limit: int = 40) -> str:
    """A value as quoted in a message, cut to keep messages readable."""
    return value if len(value) <= limit else value[:limit] + "…"


class Table:
    """A CSV file read as strings, with checkers that convert columns and record problems.

    Rows are numbered as in a spreadsheet: the header is row 1, the first record row 2.
    """

    def __init__(
        self,
        data_dir: Path,
        relative_path: str,
        required: Iterable[str],
        tag_header: Callable[[list[str]], list[str] | None] | None = None,
    ):
        """Read `relative_path`; `tag_header` may turn a tag row (HXL) under the header into names."""
        self.file = relative_path
        self.problems: list[Problem] = []
        self.frame = pd.DataFrame(columns=list(required), dtype=str)
        path = data_dir / relative_path
        if not path.is_file():
            self.problem(None, None, "expected the file to exist, found nothing")
            return
        text = self._decode(path.read_bytes())
        if text is None:
            return
        records = list(csv.reader(io.StringIO(text)))
        if not records:
            self.problem(None, None, "expected a header row, found an empty file")
            return
        header = [name.strip() for name in records[0]]
        first_row = HEADER_ROW + 1
        tagged = tag_header(records[1]) if tag_header and len(records) > 1 else None
        if tagged is not None:
            header, records, first_row = tagged, records[1:], HEADER_ROW + 2
        missing = [name for name in required if name not in header]
        for name in missing:
            self.problem(HEADER_ROW, name, "expected this column in the header, found it missing")
        for number, record in enumerate(records[1:], start=first_row):
            if len(record) != len(header):
                self.problem(number, None, f"expected {len(header)} fields, found {len(record)}")
        if missing:
            return
        rows = [r + [""] * (len(header) - len(r)) for r in records[1:]]
        frame = pd.DataFrame([r[: len(header)] for r in rows], columns=header, dtype=str)
        frame.index = range(first_row, first_row + len(frame))
        self.frame = frame.apply(lambda col: col.str.strip())

    def _decode(self, raw: bytes) -> str | None:
        """UTF-8 text, or None with a problem naming the first row that is not UTF-8."""
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            row = raw[: error.start].count(b"\n") + 1
            self.problem(
                row,
                None,
                "expected UTF-8 text, found bytes in another encoding "
                f"({raw[error.start : error.start + 4]!r}); save the file as UTF-8",
            )
            return None

    def problem(self, row: int | None, column: str | None, message: str, warning=False) -> None:
        """Record one problem in this file."""
        self.problems.append(Problem(self.file, message, row, column, warning))

    @property
    def ok(self) -> bool:
        """True while no error has been found in this file."""
        return not any(not p.warning for p in self.problems)

    def text(self, column: str, required: bool = False) -> pd.Series:
        """A text column; when required, empty cells are problems."""
        values = self.frame[column]
        if required:
            for row, value in values.items():
                if value == "":
                    self.problem(row, column, "expected a value, found an empty cell")
        return values

    def number(
        self,
        column: str,
        *,
        required: bool = True,
        integer: bool = False,
        minimum: float | None = 0,
        maximum: float | None = None,
    ) -> pd.Series:
        """A numeric column (float, NaN where empty and allowed) with range checks."""
        kind = "a whole number" if integer else "a number"
        if minimum is not None and maximum is not None:
            kind += f" between {minimum:g} and {maximum:g}"
        elif minimum is not None:
            kind += f" of at least {minimum:g}"
        parsed = pd.to_numeric(self.frame[column].where(self.frame[column] != ""), errors="coerce")
        for row, raw in self.frame[column].items():
            value = parsed[row]
            if raw == "":
                if required:
                    self.problem(row, column, f"expected {kind}, found an empty cell")
                continue
            bad = (
                pd.isna(value)
                or not math.isfinite(value)
                or (integer and float(value) != int(value))
                or (minimum is not None and value < minimum)
                or (maximum is not None and value > maximum)
            )
            if bad:
                self.problem(row, column, f'expected {kind}, found "{_short(raw)}"')
        return parsed.astype(float)

    def partial_date(self, column: str, required: bool = True, comment: bool = False) -> pd.Series:
        """A YYYY, YYYY-MM or YYYY-MM-DD column, checked, left as text.

        With `comment`, a remark may follow the date ("2019-03-08 (opened)").
        """
        values = self.frame[column]
        for row, value in values.items():
            if value == "" and not required:
                continue
            date = value.split(" ")[0] if comment else value
            if not PARTIAL_DATE.match(date):
                self.problem(
                    row,
                    column,
                    f'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "{_short(value)}"',
                )
        return values

    def choice(self, column: str, allowed: Iterable[str], required: bool = True) -> pd.Series:
        """A column from a closed vocabulary."""
        allowed = list(allowed)
        values = self.frame[column]
        for row, value in values.items():
            if value == "" and not required:
                continue
            if value not in allowed:
                self.problem(row, column, f'expected one of {", ".join(allowed)}, found "{_short(value)}"')
        return values

    def iso3(self, column: str, known: set[str], required: bool = True) -> pd.Series:
        """An ISO 3166-1 alpha-3 column checked against the admin-0 boundaries."""
        values = self.frame[column]
        for row, value in values.items():
            if value == "" and not required:
                continue
            if value not in known:
                self.problem(
                    row,
                    column,
                    f'expected an ISO3 code present in boundaries/admin0.geojson, found "{_short(value)}"',
                )
        return values

    def unique(self, columns: list[str]) -> None:
        """Report rows that repeat the key of an earlier row."""
        if not set(columns) <= set(self.frame.columns):
            return
        keys = self.frame[columns].agg(" / ".join, axis=1)
        first_row: dict[str, int] = {}
        for row, key in keys.items():
            if key in first_row:
                self.problem(
                    row,
                    "+".join(columns),
                    f'expected a unique key, found "{_short(key)}" already used in row {first_row[key]}',
                )
            else:
                first_row[key] = row
