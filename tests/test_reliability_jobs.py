"""The job engine under the Procfile's shape: two gunicorn workers, a bounded queue, Redis down, no Host."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect
from processes import SHIPPED_DATA, Child, Gunicorn, RedisServer, app_environment, free_port, poll_until
from processes import http_get as get
from test_journalist_browser import open_dashboard, open_group

DEADLINE_SECONDS = 240


def wait_done(base: str, status_path: str) -> list[dict]:
    """Poll a render's status until it is done; every answer seen on the way."""
    seen = []

    def done() -> bool:
        status, _, body = get(base + status_path)
        assert status == 200, body
        seen.append(json.loads(body))
        return seen[-1]["state"] in ("done", "error")

    assert poll_until(done, DEADLINE_SECONDS), f"not done in {DEADLINE_SECONDS} s: {seen[-3:]}"
    return seen


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory):
    running = Gunicorn(tmp_path_factory.mktemp("jobs"), {"CORREDORES_PUBLIC_URL": "https://atlas.example"})
    yield running
    running.stop()


def test_progress_polls_across_two_workers_never_fail(two_workers):
    path = "/export/timelapse.gif?from=2017-01&to=2017-06&metric=absolute&lang=es"
    status, headers, body = get(two_workers.url + path)
    assert status == 202, body
    answer = json.loads(body)
    assert headers["Location"] == answer["status_url"] and answer["status_url"].startswith("/export/status?")
    seen = wait_done(two_workers.url, answer["status_url"])
    states = [s["state"] for s in seen]
    assert states[-1] == "done"
    assert set(states) <= {"queued", "running", "done"}, states  # never "unknown" or "error"
    frames = [s["done"] for s in seen]
    assert frames == sorted(frames) and seen[-1]["total"] == 6
    status, headers, gif = get(two_workers.url + path)
    assert status == 200 and headers["Content-Type"] == "image/gif"
    assert Image.open(io.BytesIO(gif)).n_frames == 6


def test_the_same_render_for_another_host_is_served_from_the_cache(two_workers):
    path = "/export/map.png?date=2018-05&metric=per_1000&lang=en"
    status, _, body = get(two_workers.url + path, {"Host": "first.example"})
    assert status == 202
    wait_done(two_workers.url, json.loads(body)["status_url"])
    status, headers, png = get(two_workers.url + path, {"Host": "evil.example"})
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert b"evil.example" not in png and b"first.example" not in png


def test_no_request_host_reaches_any_export_answer(two_workers):
    for path in (
        "/export/map.png?date=2016-02&metric=absolute&lang=pt",
        "/export/status?kind=map&date=2016-02&metric=absolute&lang=pt",
    ):
        status, headers, body = get(two_workers.url + path, {"Host": "evil.example"})
        assert status in (200, 202)
        assert "evil.example" not in json.dumps(headers) and b"evil.example" not in body


def test_a_render_is_drawn_by_one_worker_only(two_workers):
    path = "/export/timelapse.gif?from=2019-01&to=2019-03&metric=per_1000&lang=en"
    answers = [get(two_workers.url + path) for _ in range(8)]  # both workers take some
    assert {status for status, _, _ in answers} <= {200, 202}
    wait_done(two_workers.url, json.loads(answers[0][2])["status_url"])
    log = two_workers.output()
    assert "Traceback" not in log


def test_the_queue_is_bounded_with_503_and_retry_after(tmp_path):
    running = Gunicorn(tmp_path, {"CORREDORES_JOB_QUEUE": "2"})
    try:
        paths = [f"/export/timelapse.gif?from=2020-0{m}&to=2020-0{m + 1}&lang=en" for m in (1, 3, 5)]
        answers = [get(running.url + path) for path in paths]
        assert [status for status, _, _ in answers] == [202, 202, 503]
        _, headers, body = answers[2]
        assert int(headers["Retry-After"]) > 0
        assert "try again" in json.loads(body)["error"]
        status, _, _ = get(running.url + "/healthz")
        assert status == 200
        for _, _, body in answers[:2]:
            wait_done(running.url, json.loads(body)["status_url"])
        assert get(running.url + paths[2])[0] == 202  # room again once they are done
    finally:
        running.stop()


@pytest.fixture(scope="module")
def redis_down(start_server):
    closed = free_port()  # nothing listens here
    return start_server(SHIPPED_DATA, {"REDIS_URL": f"redis://127.0.0.1:{closed}/0"})


@pytest.mark.parametrize(
    "path",
    [
        "/export/map.png?date=2019-03",
        "/export/timelapse.gif?from=2019-01&to=2019-02",
        "/export/status?kind=map&date=2019-03",
    ],
)
def test_export_with_redis_down_is_a_503_with_retry_after(redis_down, path):
    status, headers, body = get(redis_down.url + path)
    assert status == 503, body
    assert int(headers["Retry-After"]) > 0
    assert "unavailable" in json.loads(body)["error"]
    assert get(redis_down.url + "/")[0] == 200


def test_the_toolbar_says_rendering_is_unavailable_with_redis_down(page, redis_down):
    open_dashboard(page, redis_down, "lang=en&date=2019-03")
    open_group(page, "Map image and animation")
    page.locator("#render-png").click()
    expect(page.locator("#render-status [role=alert]")).to_contain_text("unavailable")


def test_the_toolbar_renders_a_time_lapse_across_two_workers(page, two_workers):
    failures = []
    page.on(
        "response",
        lambda response: response.status >= 400 and failures.append((response.status, response.url)),
    )
    open_dashboard(page, two_workers, "lang=en&date=2016-06")
    open_group(page, "Map image and animation")
    page.locator("#render-gif").click()
    progress = page.locator("#render-progress-box")
    expect(progress).to_contain_text(re.compile(r"Rendering… \d+ of 12 frames"), timeout=60_000)
    link = page.locator("#render-link")
    expect(link).to_be_visible(timeout=DEADLINE_SECONDS * 1000)
    expect(progress).to_be_hidden()
    expected = "/export/timelapse.gif?from=2015-07&to=2016-06&metric=absolute&lang=en&download=1"
    expect(link).to_have_attribute("href", expected)
    assert failures == []


def celery_worker(folder: Path, redis_url: str) -> Child:
    """`corredores worker` (the Procfile's worker line) on a Redis."""
    command = [str(Path(sys.executable).with_name("corredores")), "worker", "--concurrency", "2"]
    environment = app_environment(folder / "worker-cache", {"REDIS_URL": redis_url})
    return Child(command, folder / "worker.log", environment)


@pytest.fixture(scope="module")
def on_celery(tmp_path_factory):
    """Two gunicorn workers and a Celery worker on a private redis-server."""
    folder = tmp_path_factory.mktemp("celery")
    redis = RedisServer(folder)
    worker = celery_worker(folder, redis.url)
    web = Gunicorn(folder, {"REDIS_URL": redis.url})
    yield web, worker, redis
    web.stop()
    worker.stop()
    redis.kill()


def test_on_celery_a_render_is_done_by_the_worker_and_seen_by_both_web_workers(on_celery):
    web, worker, redis = on_celery
    path = "/export/timelapse.gif?from=2021-01&to=2021-04&metric=absolute&lang=en"
    status, _, body = get(web.url + path)
    assert status == 202, body
    seen = wait_done(web.url, json.loads(body)["status_url"])
    assert {s["state"] for s in seen} <= {"queued", "running", "done"} and seen[-1]["state"] == "done"
    status, _, gif = get(web.url + path)
    assert status == 200 and Image.open(io.BytesIO(gif)).n_frames == 4
    # the worker logs the task's success just after storing its result: the GIF can be served first
    assert poll_until(lambda: re.search(r"corredores\.render\[[^]]+\] succeeded", worker.output()), 60)
    assert any(key.startswith("corredores:jobs:result:") for key in redis.keys("corredores:jobs:*"))


def test_on_celery_the_toolbar_renders_through_a_background_callback(page, on_celery):
    web, worker, _ = on_celery
    failures = []
    page.on("response", lambda r: r.status >= 400 and failures.append((r.status, r.url)))
    open_dashboard(page, web, "lang=es&date=2022-03")
    open_group(page, "Imagen")
    page.locator("#render-png").click()
    expect(page.locator("#render-link")).to_be_visible(timeout=DEADLINE_SECONDS * 1000)
    assert "background_callback" in worker.output()
    assert failures == []
