"""Whole-package validation: every served file is loaded; data problems are named, loader bugs are bugs."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time

import pytest
from datadir import broken_copy, row_where, set_cell

from dashboard.cli import main
from dashboard.state import DataState
from layers import catalog
from layers.catalog import DataSnapshot, validate
from layers.problems import DataError
from layers.regularisation import regularisation_mechanisms

MECHANISMS = "figures/regularisation_mechanisms.csv"


@pytest.fixture
def data(tmp_path):
    return broken_copy(tmp_path)


def errors(directory) -> list[str]:
    return [str(p) for p in validate(directory) if not p.warning]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("datapackage.json", "datapackage.json: expected the data package descriptor, found no such file"),
        ("PROVENANCE.md", "PROVENANCE.md: expected the provenance notes, found no such file"),
        ("scenes.json", "scenes.json: expected a JSON file of scenes"),
    ],
)
def test_a_missing_served_file_is_a_named_error(data, name, expected, capsys):
    (data / name).unlink()
    assert any(e.startswith(expected) for e in errors(data)), errors(data)
    with pytest.raises(DataError):
        DataSnapshot.load(data)
    assert main(["validate", str(data)]) == 1
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("[]", "datapackage.json, column resources: expected an object with a list of resources"),
        ('{"resources": []}', "datapackage.json, column resources: expected an object with a list"),
        ('{"resources": [{"title": "x"}]}', "datapackage.json, row 1, column resources: expected"),
        ("{bad", "datapackage.json: expected a JSON data package"),
    ],
)
def test_a_shapeless_datapackage_is_a_named_error(data, document, expected):
    (data / "datapackage.json").write_text(document)
    assert any(e.startswith(expected) for e in errors(data)), errors(data)


def scenes_with(data, edit) -> None:
    path = data / "scenes.json"
    document = json.loads(path.read_text())
    edit(document)
    path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d.clear(), 'scenes.json, column scenes: expected an object with a list of "scenes"'),
        (lambda d: d["scenes"].append(7), "scenes.json, row {n}: expected a scene object"),
        (lambda d: d["scenes"][0].update(date=["2019-01"]), "scenes.json, row 1, column date: expected"),
        (lambda d: d["scenes"][0].update(country=["COL"]), "scenes.json, row 1, column country: expected"),
        (lambda d: d["scenes"][0].update(country="XXX"), "scenes.json, row 1, column country: expected"),
        (lambda d: d["scenes"][0].update(bounds=[["a", 0], [1, 2]]), "scenes.json, row 1, column bounds"),
        (lambda d: d["scenes"][0].update(layers="tiles"), "scenes.json, row 1, column layers"),
        (lambda d: d["scenes"][0].update(caption=None), "scenes.json, row 1, column caption.es"),
        (lambda d: d["scenes"][0]["caption"].update(pt=5), "scenes.json, row 1, column caption.pt"),
    ],
)
def test_a_bad_scenes_file_is_a_named_error(data, edit, expected):
    count = len(json.loads((data / "scenes.json").read_text())["scenes"])
    scenes_with(data, edit)
    expected = expected.format(n=count + 1)
    assert any(e.startswith(expected) for e in errors(data)), errors(data)


@pytest.mark.parametrize("code", ["ZZZ", "XKX", "EUR"])
def test_outside_map_codes_must_be_iso_3166(data, code):
    set_cell(data / "boundaries/outside_map.csv", 2, "iso_a3", code)
    expected = "expected an ISO 3166-1 alpha-3 country code"
    assert f'boundaries/outside_map.csv, row 2, column iso_a3: {expected}, found "{code}"' in errors(data)


def test_a_real_code_outside_the_map_is_accepted(data):
    set_cell(data / "boundaries/outside_map.csv", 2, "iso_a3", "PRT")
    assert not [e for e in errors(data) if "outside_map" in e]


def test_mechanism_dates_are_typed_with_their_remarks_in_a_note_column(data):
    row = row_where(data / MECHANISMS, launched="2018-08-02 (issuing platform opened)")
    frame = regularisation_mechanisms(data)
    record = frame.iloc[row - 2]
    assert (record["launched"], record["launched_note"]) == ("2018-08-02", "issuing platform opened")
    assert record["launched_month"] == "2018-08"
    dated = frame.loc[frame["launched"] != "", "launched"]
    assert dated.str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").all()


@pytest.mark.parametrize("value", ["2018-13-02 (opened)", "2019-02-30", "2018-8-2", "2021-00"])
def test_an_impossible_mechanism_date_is_an_error(data, value):
    row = row_where(data / MECHANISMS, launched="2018-08-02 (issuing platform opened)")
    set_cell(data / MECHANISMS, row, "launched", value)
    assert any(
        e.startswith(f"{MECHANISMS}, row {row}, column launched: expected a real date") for e in errors(data)
    )


def test_a_mechanism_date_given_only_as_text_is_a_warning_and_kept_as_a_note(data):
    row = row_where(data / MECHANISMS, launched="2018-08-02 (issuing platform opened)")
    set_cell(data / MECHANISMS, row, "launched", "when the decree was signed")
    found = [p for p in validate(data) if p.file == MECHANISMS and p.row == row]
    assert [(p.column, p.warning) for p in found] == [("launched", True)]
    record = regularisation_mechanisms(data).iloc[row - 2]
    assert (record["launched"], record["launched_note"]) == ("", "when the decree was signed")


def broken_loader(directory):
    raise KeyError("a bug in a loader")


def test_a_loader_bug_is_not_reported_as_a_data_problem(data, monkeypatch):
    monkeypatch.setitem(catalog.LOADERS, "funding", broken_loader)
    with pytest.raises(KeyError):
        validate(data)


def test_validate_exits_2_with_the_traceback_on_a_loader_bug(data):
    script = (
        "import sys; from layers import catalog\n"
        "def broken(directory): raise KeyError('a bug in a loader')\n"
        "catalog.LOADERS['funding'] = broken\n"
        "from dashboard.cli import main; sys.exit(main(['validate', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(data)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" in result.stderr and "a bug in a loader" in result.stderr
    assert "a loader failed (a bug, not a data problem)" in result.stderr
    assert result.stdout == ""


def test_a_loader_bug_on_reload_keeps_the_data_and_is_logged_as_a_bug(data, tmp_path, monkeypatch, caplog):
    state = DataState(data, tmp_path / "snapshots", check_seconds=5)
    assert state.snapshot is not None and state.bug is None
    monkeypatch.setitem(catalog.LOADERS, "funding", broken_loader)
    edited = data / "figures/funding.csv"
    set_cell(edited, 2, "source", "edited")
    long_ago = time.time() - 60  # not a file still being written
    os.utime(edited, (long_ago, long_ago))
    with caplog.at_level(logging.ERROR, logger="dashboard.state"):
        state.refresh(force=True)
    assert state.bug and "KeyError" in state.bug
    assert state.problems == []  # not a data problem
    assert state.snapshot is not None  # the last good data stays in service
    record = next(r for r in caplog.records if r.name == "dashboard.state")
    assert record.exc_info is not None and "bug" in record.getMessage()
