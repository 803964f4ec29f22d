"""Scaling out on a real redis-server: two instances share one cache, and Redis may die and return.

Each test starts its own `redis-server` (Debian package) on a free port with persistence off, and
app instances under gunicorn (one worker, so "one warning" means one line in one log).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from processes import Gunicorn, RedisServer, poll_until

UNREACHABLE = "is unreachable"
RETURNED = "is reachable again"


@pytest.fixture
def redis_server(tmp_path) -> Iterator[RedisServer]:
    """A private redis-server, killed at the end."""
    running = RedisServer(tmp_path)
    yield running
    if running.running():
        running.kill()


@pytest.fixture
def instances(tmp_path, redis_server) -> Iterator:
    """Start app instances on the test's redis-server; all stopped at the end."""
    started: list[Gunicorn] = []

    def start() -> Gunicorn:
        started.append(Gunicorn(tmp_path, {"REDIS_URL": redis_server.url}, workers=1, threads=4))
        return started[-1]

    yield start
    for instance in started:
        instance.stop()


def layout(instance: Gunicorn, query: str = "", lang: str = "es") -> tuple[int, dict[str, str], bytes]:
    """The page layout as a browser asks for it: the page's URL in the Referer."""
    headers = {"Accept-Language": lang, "Referer": f"{instance.url}/{query}"}
    return instance.get("/_dash-layout", headers)


def test_two_instances_share_one_redis(redis_server, instances):
    first = instances()
    computed_by_first = redis_server.keys()
    assert any(":layout:" in key for key in computed_by_first), computed_by_first
    assert any(":geo:admin0" in key for key in computed_by_first), computed_by_first
    assert any(key.startswith("corredores:encoded:") for key in computed_by_first), computed_by_first

    second = instances()
    # The second instance found everything its warm-up needed in Redis: it computed nothing.
    warm = second.lines("cache warm-up")
    assert warm and "0 computed" in warm[-1], warm

    assert first.get("/_dash-dependencies")[2] == second.get("/_dash-dependencies")[2]
    # the same health, apart from when each instance last looked at its data directory
    first_health, second_health = first.health(), second.health()
    assert first_health.pop("data_checked") and second_health.pop("data_checked")
    assert first_health == second_health
    for lang in ("es", "en", "pt"):
        assert layout(first, lang=lang)[2] == layout(second, lang=lang)[2], lang

    # A view nobody asked for yet: computed by the first instance, a hit for the second.
    query = "?date=2019-06&metric=per_1000&country=PER"
    status, headers, body = layout(first, query)
    assert (status, headers.get("X-Cache")) == (200, "miss")
    assert (
        len(redis_server.keys("corredores:*:layout:*"))
        == len([key for key in computed_by_first if ":layout:" in key]) + 1
    )
    status, headers, shared = layout(second, query)
    assert (status, headers.get("X-Cache")) == (200, "hit")
    assert shared == body
    assert first.health()["cache"] == second.health()["cache"] == {"backend": "RedisCache", "reachable": True}


def test_redis_dies_and_returns(redis_server, instances):
    app = instances()
    page = json.loads(layout(app)[2])
    assert app.health()["cache"] == {"backend": "RedisCache", "reachable": True}
    before = {query: layout(app, query)[2] for query in ("", "?date=2018-03", "?metric=per_1000")}
    dependencies = app.get("/_dash-dependencies")[2]
    assert page and redis_server.keys()

    redis_server.kill()
    for _ in range(3):
        for query, body in before.items():
            status, _, answer = layout(app, query)
            assert status == 200 and answer == body, query
        assert app.get("/_dash-dependencies")[2] == dependencies
        uncached = layout(app, "?date=2020-01")
        assert uncached[0] == 200 and uncached[1].get("X-Cache") == "miss"
        assert app.health()["cache"] == {"backend": "RedisCache", "reachable": False}
    assert app.health()["status"] == "ok"
    assert len(app.lines(UNREACHABLE)) == 1, app.lines("WARNING")
    assert "RedisCache" in app.lines(UNREACHABLE)[0]

    redis_server.start()  # same port, empty: persistence is off
    assert redis_server.keys() == []
    came_back = poll_until(lambda: app.health()["cache"]["reachable"] is True, 10)
    assert came_back, "the app never saw Redis come back"
    query = "?date=2021-07&country=COL"
    assert layout(app, query)[1].get("X-Cache") == "miss"
    assert redis_server.keys("corredores:*:layout:*"), "nothing written to Redis after it returned"
    assert layout(app, query)[1].get("X-Cache") == "hit"
    assert len(app.lines(RETURNED)) == 1
    assert len(app.lines(UNREACHABLE)) == 1
