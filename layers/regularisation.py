"""Residence permits granted per year and regularisation mechanisms per host country."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from layers.codes import coded_frame, known_codes
from layers.memo import memoized_on_data
from layers.problems import Problem, raise_if_errors
from layers.table import Table

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

PERMITS_FILE = "figures/residence_permits.csv"
MECHANISMS_FILE = "figures/regularisation_mechanisms.csv"
PERMITS_ISSUED = "residence_permits_issued"
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LEADING_DATE = re.compile(r"^(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?![\d-])\s*(.*)$", re.S)


@memoized_on_data
def residence_permits(directory: Path) -> pd.DataFrame:
    """Permits, regularisations and refugee recognitions, one measure per row."""
    return coded_frame(directory, PERMITS_FILE, required=False).reset_index(drop=True)


def permits_by_year(directory: str | Path | None = None) -> pd.DataFrame:
    """Residence permits issued: one row per country, one column per year; missing = not available."""
    permits = residence_permits(directory)
    issued = permits[permits["measure"] == PERMITS_ISSUED]
    table = issued.pivot(index=["iso_a3", "country"], columns="date", values="value")
    table.columns.name = None
    return table.reset_index()


@memoized_on_data
def regularisation_mechanisms(directory: Path) -> pd.DataFrame:
    """Regularisation and protection mechanisms, one row per mechanism or phase."""
    table = Table(directory, MECHANISMS_FILE)
    if table.ok:
        table.check_schema()
        table.iso3("iso_a3", known_codes(directory))
        for column in ("mechanism", "source"):
            table.text(column, required=True)
        table.unique(["iso_a3", "mechanism"])
        launched, launched_note, problems = dated(MECHANISMS_FILE, table.frame["launched"])
        ended, ended_note, more = dated(MECHANISMS_FILE, table.frame["ended"])
        table.problems += problems + more
    raise_if_errors(table.problems)
    frame = table.frame.copy()
    frame["launched"], frame["launched_note"] = launched, launched_note
    frame["ended"], frame["ended_note"] = ended, ended_note
    frame["launched_month"] = frame["launched"].str[:7]
    frame.attrs["warnings"] = [p for p in table.problems if p.warning]
    return frame.reset_index(drop=True)


def calendar_date(text: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD naming a real month or day."""
    if not PARTIAL_DATE.match(text):
        return False
    parts = [int(part) for part in text.split("-")]
    try:
        date(*parts, *[1] * (3 - len(parts)))
    except ValueError:
        return False
    return True


def dated(file: str, values: pd.Series) -> tuple[pd.Series, pd.Series, list[Problem]]:
    """A typed partial-date column, a note column with any remark after the date, and the problems.

    `values` is indexed by spreadsheet row. "2018-08-02 (issuing platform opened)" gives
    "2018-08-02" and "issuing platform opened"; a malformed date ("2018-13-02") is an error; text
    with no date is kept as the note, with a warning (the date is then unknown).
    """
    import pandas as pd

    dates, notes, problems = [], [], []
    for row, value in values.items():
        match = LEADING_DATE.match(value.strip())
        remark = match.group(2).strip() if match else value.strip()
        if remark.startswith("(") and remark.endswith(")") and remark.count("(") == 1:
            remark = remark[1:-1]
        if match and not calendar_date(match.group(1)):
            message = f'expected a real date as YYYY, YYYY-MM or YYYY-MM-DD, found "{value}"'
            problems.append(Problem(file, message, row, values.name))
        elif not match and value.strip():
            message = f'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found only text "{value[:60]}"'
            problems.append(
                Problem(
                    file, message + "; kept as a note, the date is unknown", row, values.name, warning=True
                )
            )
        dates.append(match.group(1) if match else "")
        notes.append(remark)
    return (
        pd.Series(dates, index=values.index, dtype=str),
        pd.Series(notes, index=values.index, dtype=str),
        problems,
    )
