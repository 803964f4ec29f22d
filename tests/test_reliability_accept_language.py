"""Accept-Language is read by its q-values, not by the order of its items."""

from __future__ import annotations

import re

import pytest
from test_security_headers import fetch

CASES = [
    ("en;q=0.1, pt;q=0.9", "pt"),
    ("pt;q=0.9, en;q=0.1", "pt"),
    ("fr, en;q=0.5, es;q=0.8", "es"),
    ("en-GB;q=0.4, pt-BR;q=0.6", "pt"),
    ("es-419, en;q=0.9", "es"),
    ("de", "es"),  # nothing supported: Spanish
]


def page_language(server, header: str) -> str:
    status, page, _ = fetch(server.url + "/", headers={"Accept-Language": header})
    assert status == 200
    return re.search(rb'<html lang="([a-z]+)"', page).group(1).decode()


@pytest.mark.parametrize(("header", "expected"), CASES[:1] + CASES[2:4])
def test_the_language_the_reader_ranks_highest_wins(server, header, expected):
    assert page_language(server, header) == expected


@pytest.mark.parametrize(("header", "expected"), [CASES[1], CASES[4], CASES[5]])
def test_order_and_fallback(server, header, expected):
    assert page_language(server, header) == expected
