"""Month rules shared by the slider callbacks, the image export and the API."""

from __future__ import annotations

from layers.months import month_at, months_between, year_up_to

MONTHS = [f"2020-{m:02d}" for m in range(1, 13)] + [f"2021-{m:02d}" for m in range(1, 7)]


def test_slider_positions_are_clamped_to_the_series():
    assert month_at(MONTHS, None) == "2020-01"
    assert month_at(MONTHS, -5) == "2020-01"
    assert month_at(MONTHS, 13) == "2021-02"
    assert month_at(MONTHS, 999) == "2021-06"


def test_ranges_include_both_ends_and_refuse_reversed_or_unknown_months():
    assert months_between(MONTHS, "2020-11", "2021-02") == ["2020-11", "2020-12", "2021-01", "2021-02"]
    assert months_between(MONTHS, "2021-02", "2020-11") == []
    assert months_between(MONTHS, "2019-12", "2020-02") == []
    assert months_between(MONTHS, None, "2020-02") == []


def test_the_year_up_to_a_month_is_shorter_at_the_start_of_the_series():
    assert year_up_to(MONTHS, "2021-06") == MONTHS[6:]
    assert len(year_up_to(MONTHS, "2021-06")) == 12
    assert year_up_to(MONTHS, "2020-03") == ["2020-01", "2020-02", "2020-03"]
