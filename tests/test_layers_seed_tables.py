"""Seed tables reproduced from the layers: residence permits 2015-2017, IOM 2018 funding request.

Expected numbers are typed from the IOM Regional Action Plan 2018 (seed document 001).
"""

from __future__ import annotations

import math

import pytest
from datadir import SHIPPED_DATA

from layers.funding import iom_2018_by_outcome
from layers.regularisation import permits_by_year

# Country, 2015, 2016, 2017 (None = "N.A" in the seed)
PERMITS = {
    "Argentina": (5_784, 12_859, 31_167),
    "Brazil": (None, None, 8_470),
    "Colombia": (11_743, 15_541, 68_799),
    "Chile": (9_730, 26_625, 84_425),
    "Ecuador": (10_543, 14_818, 15_800),
    "Peru": (1_366, 2_314, 21_250),
    "Uruguay": (710, 864, 3_271),
    "Costa Rica": (None, 950, 1_200),
    "Mexico": (6_464, 7_449, 9_236),
    "Panama": (None, 4_615, 15_366),
    "Dominican Republic": (345, 749, 1_529),
    "Canada": (935, 1_020, 1_025),
}
# The seed's IOM 2018 table, by hand, one outcome a row: (outcome, regional total, Colombia, Uruguay) in USD
IOM_SEED = [
    ("Data production and dissemination", 4_870_332, 1_745_950, 0),
    ("Capacity and coordination", 8_013_791, 3_313_160, 87_049),
    ("Direct assistance and vulnerability", 9_308_907, 3_487_141, 0),
    ("Socio-economic integration", 9_968_231, 4_853_748, 62_965),
    ("Evaluation", 164_780, 0, 0),
    ("Total", 32_326_041, 13_399_999, 150_014),
]
OUTCOMES, REGIONAL_TOTAL, COLOMBIA, URUGUAY = (list(column) for column in zip(*IOM_SEED, strict=True))


@pytest.fixture(scope="module")
def permits():
    return permits_by_year(SHIPPED_DATA)


@pytest.fixture(scope="module")
def iom():
    return iom_2018_by_outcome(SHIPPED_DATA)


def test_permits_table_has_the_12_seed_countries_and_three_years(permits):
    assert sorted(permits["country"]) == sorted(PERMITS)
    years = [c for c in permits.columns if c not in ("iso_a3", "country")]
    assert years == ["2015", "2016", "2017"]


@pytest.mark.parametrize("country", sorted(PERMITS))
def test_permits_per_country_match_the_seed(permits, country):
    row = permits[permits["country"] == country].iloc[0]
    for year, expected in zip(("2015", "2016", "2017"), PERMITS[country], strict=True):
        if expected is None:
            assert math.isnan(row[year]), (country, year)  # not available, not zero
        else:
            assert row[year] == expected, (country, year)


def test_chile_and_colombia_rows(permits):
    by_country = permits.set_index("country")
    assert list(by_country.loc["Chile", ["2015", "2016", "2017"]]) == [9_730, 26_625, 84_425]
    assert list(by_country.loc["Colombia", ["2015", "2016", "2017"]]) == [11_743, 15_541, 68_799]
    assert by_country.loc["Colombia", "iso_a3"] == "COL"


def test_iom_table_columns_are_the_five_outcomes_then_total(iom):
    assert list(iom.columns) == ["entity", *OUTCOMES]
    assert len(iom) == 17  # 14 offices, 2 regional offices, the total row


def test_iom_regional_total_row(iom):
    total = iom[iom["entity"].str.upper().isin(["TOTAL", "REGIONAL TOTAL"])]
    assert len(total) == 1
    assert list(total.iloc[0][OUTCOMES]) == REGIONAL_TOTAL
    assert iom.iloc[-1]["entity"] == total.iloc[0]["entity"]  # last, as in the seed


def test_iom_colombia_and_uruguay_rows(iom):
    by_entity = iom.set_index("entity")
    assert list(by_entity.loc["Colombia", OUTCOMES]) == COLOMBIA
    assert list(by_entity.loc["Uruguay", OUTCOMES]) == URUGUAY  # "-" in the seed is 0
    assert iom.iloc[0]["entity"] == "Argentina"


def test_iom_offices_add_up_to_the_total_row_within_seed_rounding(iom):
    offices = iom[~iom["entity"].str.upper().isin(["TOTAL", "REGIONAL TOTAL"])]
    for outcome, total in zip(OUTCOMES, REGIONAL_TOTAL, strict=True):
        assert abs(int(offices[outcome].sum()) - total) <= len(offices), outcome
    for _, office in offices.iterrows():
        parts = int(sum(office[o] for o in OUTCOMES[:-1]))
        assert abs(parts - office["Total"]) <= 2, office["entity"]
