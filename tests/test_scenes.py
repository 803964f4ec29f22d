"""Slide-mode scenes (data/scenes.json) are validated like other data; the balance measure's figures."""

from __future__ import annotations

import json

import pytest
from datadir import SHIPPED_DATA, broken_copy

from layers.catalog import validate
from layers.choropleth import second_measures
from layers.scenes import scenes


def errors(directory) -> list[str]:
    return [str(p) for p in validate(directory) if not p.warning]


def scenes_with(tmp_path, edit):
    data = broken_copy(tmp_path)
    path = data / "scenes.json"
    document = json.loads(path.read_text())
    edit(document["scenes"])
    path.write_text(json.dumps(document))
    return data


def test_the_shipped_scenes_are_valid_and_cover_every_kind_of_scene():
    shipped = scenes(SHIPPED_DATA)
    assert not [e for e in errors(SHIPPED_DATA) if e.startswith("scenes.json")]
    measures = {scene["measure"] for scene in shipped}
    assert {"absolute", "per_1000", "permits", "funding", "balance"} <= measures
    assert any("play" in scene for scene in shipped)
    assert any(scene["layers"] == [] for scene in shipped)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda s: s[1].update(measure="happiness"), "scenes.json, row 2, column measure: expected one of"),
        (lambda s: s[1].pop("measure"), "scenes.json, row 2, column measure: expected one of"),
        (
            lambda s: s[0].update(date="2019-13"),
            "scenes.json, row 1, column date: expected a month with data",
        ),
        (
            lambda s: s[0].update(date="1999-01"),
            "scenes.json, row 1, column date: expected a month with data",
        ),
        (
            lambda s: s[0].pop("date"),
            "scenes.json, row 1, column date: expected a month with data (YYYY-MM, 2015-01",
        ),
        (
            lambda s: s[0].update(play={"from": "2017-01", "to": "2031-01"}),
            "scenes.json, row 1, column play.to",
        ),
        (
            lambda s: s[0].update(play={"from": "2014-06", "to": "2017-01"}),
            "scenes.json, row 1, column play.from",
        ),
        (
            lambda s: s[0].update(play={"from": "2019-01", "to": "2017-01"}),
            "scenes.json, row 1, column play:",
        ),
        (lambda s: s[0].update(play="2017-01/2019-01"), "scenes.json, row 1, column play: expected"),
        (lambda s: s[2].update(bounds=[[-95.0, -80.0], [10.0, -60.0]]), "scenes.json, row 3, column bounds"),
        (lambda s: s[2].update(bounds=[[-10.0, -80.0], [10.0, 190.0]]), "scenes.json, row 3, column bounds"),
        (lambda s: s[2].update(bounds=[[10.0, -80.0], [-10.0, -60.0]]), "scenes.json, row 3, column bounds"),
        (lambda s: s[3]["title"].pop("pt"), "scenes.json, row 4, column title.pt: expected a title"),
        (lambda s: s[3].pop("title"), "scenes.json, row 4, column title.es: expected a title"),
        (
            lambda s: s[4]["caption"].update(en=" "),
            "scenes.json, row 5, column caption.en: expected a caption",
        ),
    ],
)
def test_a_bad_scene_is_a_named_error(tmp_path, edit, expected):
    problems = errors(scenes_with(tmp_path, edit))
    assert any(p.startswith(expected) for p in problems), problems


def test_a_play_range_inside_the_data_needs_no_date(tmp_path):
    data = scenes_with(
        tmp_path, lambda s: (s[0].pop("date"), s[0].update(play={"from": "2016-01", "to": "2016-06"}))
    )
    assert not [e for e in errors(data) if e.startswith("scenes.json")]


def test_balance_measure_keeps_published_and_derived_apart():
    balance = second_measures(SHIPPED_DATA)["balance"]
    brazil = {f["to"]: f for f in balance["cumulative"]["BRA"]}
    # figures/migratory_balance.csv: a balance printed by the source, and one computed from entries and exits
    assert brazil["2019-09-30"]["value"] == 213_000 and not brazil["2019-09-30"]["derived"]
    assert brazil["2018-06-28"]["value"] == 127_778 - 68_968 and brazil["2018-06-28"]["derived"]
    assert "BRA" not in balance["periods"] or all(
        f["from"] != "2017-01-01" for f in balance["periods"]["BRA"]
    )
    peru = [f for f in balance["periods"]["PER"] if f["from"] == "2019-06-01"]
    assert [(f["to"], f["value"], f["derived"]) for f in peru] == [("2019-06-30", 44_756, False)]
