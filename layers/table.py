"""Reading a CSV file as text and checking it against its table schema, collecting every problem.

The schema of every CSV file lives only in `datapackage.json` (Frictionless Table Schema): field
names, `type` (string, integer, number, year), `constraints` (`required`, `enum`, `pattern`,
`minimum`, `maximum`, `unique`), `primaryKey` and `uniqueKeys`. `Table.check_schema` applies them;
loaders add only the checks a schema cannot state (codes known to the boundaries, rules that span
columns). A field's `x-expected` names what a `pattern` accepts, for the problem message.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from layers.memo import memoized_on_data
from layers.problems import Problem, raise_if_errors

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import numpy as np
    import pandas as pd

PACKAGE_FILE = "datapackage.json"
HEADER_ROW = 1
NUMERIC_TYPES = ("integer", "number", "year")


@memoized_on_data
def table_schemas(directory: Path) -> dict[str, dict]:
    """The table schema of every resource in the data package, by file path; empty when unreadable."""
    try:
        descriptor = json.loads((directory / PACKAGE_FILE).read_text(encoding="utf-8"))
        return {r["path"]: r["schema"] for r in descriptor.get("resources", []) if "schema" in r}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # layers.package reports an unreadable descriptor


def _short(value: str, limit: int = 40) -> str:
    """A value as quoted in a message, cut to keep messages readable."""
    return value if len(value) <= limit else value[:limit] + "…"


def _outside(values: pd.Series, allowed: Iterable[str], required: bool) -> np.ndarray:
    """Which cells hold a value outside `allowed` (an empty cell counts only when `required`)."""
    outside = ~values.isin(list(allowed)).to_numpy()
    return outside & (values != "").to_numpy() if not required else outside


class Table:
    """A CSV file read as strings, with checkers that convert columns and record problems.

    Rows are numbered as in a spreadsheet: the header is row 1, the first record row 2.
    """

    def __init__(
        self,
        data_dir: Path,
        relative_path: str,
        *,
        tag_header: Callable[[list[str]], list[str] | None] | None = None,
    ):
        """Read `relative_path`; `tag_header` may turn a tag row (HXL) under the header into names."""
        import pandas as pd

        self.file = relative_path
        self.problems: list[Problem] = []
        self._flagged: set[tuple[int, str]] = set()
        self.numbers: dict[str, pd.Series] = {}
        self.schema = table_schemas(data_dir).get(relative_path)
        if self.schema is None:
            self.schema = {"fields": []}
            self.problem(None, None, f"expected a table schema for this file in {PACKAGE_FILE}, found none")
        required = self.columns
        self.frame = pd.DataFrame(columns=required, dtype=str)
        path = data_dir / relative_path
        if not self.ok:
            return
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
        missing = [name for name in required if name not in header] if tagged is None else []
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
        """Record one problem in this file (only the first one of a cell)."""
        if row is not None and column is not None:
            if (row, column) in self._flagged:
                return
            self._flagged.add((row, column))
        self.problems.append(Problem(self.file, message, row, column, warning))

    @property
    def columns(self) -> list[str]:
        """The field names of the schema, in order."""
        return [field["name"] for field in self.schema["fields"]]

    def check_schema(self) -> dict[str, pd.Series]:
        """Check every field and key of the schema; returns the numeric columns, parsed (also `numbers`)."""
        numbers = self.numbers
        for field in self.schema["fields"]:
            name, kind = field["name"], field.get("type", "string")
            constraints = field.get("constraints", {})
            required = constraints.get("required", False)
            if kind in NUMERIC_TYPES:
                numbers[name] = self.number(
                    name,
                    required=required,
                    integer=kind != "number",
                    minimum=constraints.get("minimum"),
                    maximum=constraints.get("maximum"),
                )
            elif "enum" in constraints:
                self.choice(name, constraints["enum"], required)
            else:
                self.text(name, required)
            if "pattern" in constraints:
                self.pattern(name, constraints["pattern"], field.get("x-expected"))
            if constraints.get("unique"):
                self.unique([name])
        primary = self.schema.get("primaryKey", [])
        for key in [[primary] if isinstance(primary, str) else primary, *self.schema.get("uniqueKeys", [])]:
            if key:
                self.unique(key)
        return numbers

    @property
    def ok(self) -> bool:
        """True while no error has been found in this file."""
        return not any(not p.warning for p in self.problems)

    def text(self, column: str, required: bool = False) -> pd.Series:
        """A text column; when required, empty cells are problems."""
        values = self.frame[column]
        if required:
            for row in values.index[values == ""]:  # vectorised: only failing rows are visited
                self.problem(row, column, "expected a value, found an empty cell")
        return values

    def number(
        self,
        column: str,
        *,
        required: bool = True,
        integer: bool = False,
        minimum: float | None = None,
        maximum: float | None = None,
    ) -> pd.Series:
        """A numeric column (float, NaN where empty and allowed) with range checks."""
        import numpy as np
        import pandas as pd

        kind = "a whole number" if integer else "a number"
        if minimum is not None and maximum is not None:
            kind += f" between {minimum:g} and {maximum:g}"
        elif minimum is not None:
            kind += f" of at least {minimum:g}"
        texts = self.frame[column]
        empty = (texts == "").to_numpy()
        parsed = pd.to_numeric(texts.where(~empty), errors="coerce").astype(float)
        values = parsed.to_numpy()
        with np.errstate(invalid="ignore"):  # vectorised; NaN compares false: only failing rows are visited
            bad = ~np.isfinite(values)
            if integer:
                bad |= values != np.floor(values)
            if minimum is not None:
                bad |= values < minimum
            if maximum is not None:
                bad |= values > maximum
        flagged = (bad & ~empty) | (empty & required)
        for row, raw in texts[flagged].items():
            found = "an empty cell" if raw == "" else f'"{_short(raw)}"'
            self.problem(row, column, f"expected {kind}, found {found}")
        return parsed

    def pattern(self, column: str, pattern: str, expected: str | None = None) -> None:
        """Non-empty cells must match `pattern` whole; `expected` says in words what it accepts."""
        compiled = re.compile(pattern)
        wanted = expected or f"text matching {pattern}"
        values = self.frame[column]
        matches = values.str.fullmatch(compiled).fillna(False).to_numpy(dtype=bool)
        for row, value in values[(values != "").to_numpy() & ~matches].items():
            self.problem(row, column, f'expected {wanted}, found "{_short(value)}"')

    def choice(self, column: str, allowed: Iterable[str], required: bool = True) -> pd.Series:
        """A column from a closed vocabulary."""
        allowed = list(allowed)
        values = self.frame[column]
        for row, value in values[_outside(values, allowed, required)].items():
            self.problem(row, column, f'expected one of {", ".join(allowed)}, found "{_short(value)}"')
        return values

    def iso3(self, column: str, known: set[str], required: bool = True) -> pd.Series:
        """An ISO 3166-1 alpha-3 column checked against the admin-0 boundaries."""
        values = self.frame[column]
        for row, value in values[_outside(values, known, required)].items():
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
        keys = self.frame[columns]
        keys = keys[keys.duplicated(keep=False)]  # vectorised: only rows sharing a key are looked at
        first_row: dict[str, int] = {}
        for row, key in zip(keys.index, map(" / ".join, keys.itertuples(index=False)), strict=True):
            if key in first_row:
                self.problem(
                    row,
                    "+".join(columns),
                    f'expected a unique key, found "{_short(key)}" already used in row {first_row[key]}',
                )
            else:
                first_row[key] = row

    def typed_frame(self) -> pd.DataFrame:
        """The rows with the schema's numeric fields converted: required whole numbers as int64, others float.

        Rows keep their spreadsheet numbers as the index; call after `check_schema`.
        """
        frame = self.frame.copy()
        fields = {field["name"]: field for field in self.schema["fields"]}
        for name, values in self.numbers.items():
            field = fields[name]
            whole = field.get("type") != "number" and field.get("constraints", {}).get("required", False)
            frame[name] = values.astype("int64") if whole else values
        return frame


def checked_frame(
    directory: Path,
    relative_path: str,
    extra: Callable[[Table], None] | None = None,
) -> pd.DataFrame:
    """A CSV file checked against its schema and by `extra` (rules a schema cannot state), typed.

    Raises `DataError` listing every problem; rows keep their spreadsheet numbers as the index.
    """
    table = Table(directory, relative_path)
    if table.ok:
        table.check_schema()
        if extra is not None:
            extra(table)
    raise_if_errors(table.problems)
    return table.typed_frame()
