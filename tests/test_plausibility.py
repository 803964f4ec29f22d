"""Plausibility warnings of `corredores validate`: doubtful jumps and avoid-listed pages, never errors."""

import pytest
from datadir import broken_copy, row_where, set_cell

from layers.catalog import validate
from layers.plausibility import avoided

R4V = "figures/r4v_snapshots.csv"
STOCK = "figures/stock.csv"


def warnings_about(data, file, row):
    found = [p for p in validate(data) if p.file == file and p.row == row]
    assert all(p.warning for p in found)
    return found


def test_a_sudden_fall_is_a_warning_unless_a_revision_note_explains_it(tmp_path):
    data = broken_copy(tmp_path)
    # Colombia, R4V Aug 2023: 2,890,000 after 2,500,000 (Feb 2023); 1,500,000 would be a 40 % fall
    row = row_where(data / R4V, snapshot="2023-08", iso_a3="COL")
    set_cell(data / R4V, row, "value", "1500000")
    (warning,) = warnings_about(data, R4V, row)
    assert warning.column == "value" and "-40%" in warning.message
    set_cell(data / R4V, row, "note", "R4V revision of the method")
    assert warnings_about(data, R4V, row) == []


@pytest.mark.parametrize(
    ("column", "text", "domain"),
    [
        ("url", "https://www.noticiaslatam.lat/amp/2019/some-story.html", "noticiaslatam.lat"),
        ("source", "https://test.ceap.espol.edu.ec/es/content/x (a reprint)", "test.ceap.espol.edu.ec"),
    ],
)
def test_an_avoid_listed_page_in_the_url_or_the_source_text_is_a_warning(tmp_path, column, text, domain):
    data = broken_copy(tmp_path)
    row = row_where(data / STOCK, iso_a3="COL", date="2019-10-31")
    assert warnings_about(data, STOCK, row) == []
    set_cell(data / STOCK, row, column, text)
    (warning,) = warnings_about(data, STOCK, row)
    assert warning.column == column and domain in warning.message


def test_subdomains_match_and_look_alikes_of_other_names_do_not():
    domains = ["noticiaslatam.lat", "ceap.espol.edu.ec"]
    assert avoided("http://test.ceap.espol.edu.ec/es/x", domains) == "ceap.espol.edu.ec"
    assert avoided("https://noticiaslatam.lat/x", domains) == "noticiaslatam.lat"
    assert avoided("https://notnoticiaslatam.lat/x", domains) is None
    assert avoided("", domains) is None
