"""The job engine for server renders (map images, time-lapses), shared by the toolbar and the HTTP exports.

- With `REDIS_URL`: Dash's `CeleryManager`. Renders run in a Celery worker (the `worker` line of
  the `Procfile`); job state and results live in Redis, so every web worker and instance sees them.
- Without: Dash's `DiskcacheManager`. Renders run in child processes of the web workers; job
  state and results live in a diskcache folder (`$CORREDORES_CACHE_DIR/jobs`) that every worker
  of the machine shares.

A render is named by its content (data snapshot, parameters, public URL), so it is drawn once and
served to everyone; results are kept up to `CORREDORES_EXPORT_CACHE_MB`, oldest dropped first.
At most `CORREDORES_JOB_QUEUE` renders wait or run at once: past that a request is refused
(503 + Retry-After) instead of queued without bound. Renders run at low CPU priority, in a process
that exits afterwards (a Celery child is replaced after each task), so page loads stay fast and
the memory of a render is given back.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from dashboard.config import Settings
from layers.stock import LATEST

log = logging.getLogger(__name__)
RENDER_SLOTS = 2  # renders at once on one machine without Celery (Celery: the worker's concurrency)
HEARTBEAT_SECONDS = 30  # a render not heard from for this long is taken as dead and started again
QUEUED_SECONDS = 900
ERROR_SECONDS = 120
RESULT_SECONDS = 7 * 24 * 3600
RETRY_AFTER_SECONDS = 15
POLL_SECONDS = 0.4
NICENESS = 10
REDIS_PREFIX = "corredores:jobs:"


class QueueFull(Exception):
    """Too many renders are waiting or running: try again after `RETRY_AFTER_SECONDS`."""


class Unavailable(Exception):
    """The job store (Redis or the jobs folder) cannot be reached."""


KINDS = {"map": "png", "timelapse": "gif", "video": "mp4"}  # what a render draws, and its file type


@dataclass(frozen=True)
class Render:
    """What to draw: a map of one month (or of a scene), or a time-lapse (GIF or MP4) of several."""

    kind: str  # "map" | "timelapse" (GIF) | "video" (MP4)
    months: tuple[str, ...]
    metric: str
    lang: str
    layout: str = "portrait"  # maps: "wide" (16:9) or "portrait"; GIFs are portrait, videos wide
    scene: str = ""  # a scene id of data/scenes.json: its bounds, title and caption
    country: str = ""  # a map's outlined country (ISO3), as the view's selected one; scenes name their own

    @property
    def total(self) -> int:
        """Frames to draw."""
        return len(self.months)

    def key(self, directory: Path, public_url: str) -> str:
        """The content key: the data snapshot (a content hash) and every parameter, never the Host."""
        fields = [Path(directory).name, self.kind, ",".join(self.months), self.metric, self.lang]
        text = "\0".join([*fields, self.layout, self.scene, self.country, public_url])
        return "export-" + hashlib.sha256(text.encode()).hexdigest()[:32]

    def query(self) -> dict[str, str]:
        """The parameters of this render's URL."""
        if self.kind != "map":
            return {"from": self.months[0], "to": self.months[-1], "metric": self.metric, "lang": self.lang}
        if self.scene:
            return {"scene": self.scene, "lang": self.lang, "layout": self.layout}
        country = {"country": self.country} if self.country else {}
        return {
            "date": self.months[0],
            "metric": self.metric,
            "lang": self.lang,
            "layout": self.layout,
            **country,
        }

    def url(self) -> str:
        """The relative URL serving this render."""
        path = {
            "map": "/export/map.png",
            "timelapse": "/export/timelapse.gif",
            "video": "/export/timelapse.mp4",
        }
        return path[self.kind] + "?" + urlencode(self.query())

    def status_url(self) -> str:
        """The relative URL reporting this render's progress."""
        return "/export/status?" + urlencode({"kind": self.kind, **self.query()})

    def credit_link(self, public_url: str) -> str:
        """Where the image's figures are listed with sources (printed on it); "" without a public URL."""
        if not public_url:
            return ""
        if self.kind == "map":
            return f"{public_url}/export/map.csv?date={self.months[0]}"
        real = [m for m in self.months if m != LATEST]  # "latest" ends the series: no `to`
        ends = [f"from={real[0]}"] if real else []
        if real and self.months[-1] != LATEST:
            ends.append(f"to={real[-1]}")
        return f"{public_url}/api/stock_by_month.csv" + ("?" + "&".join(ends) if ends else "")

    def as_dict(self) -> dict:
        """A JSON-able form (a dcc.Store value, a Celery argument)."""
        return {
            "kind": self.kind,
            "months": list(self.months),
            "metric": self.metric,
            "lang": self.lang,
            "layout": self.layout,
            "scene": self.scene,
            "country": self.country,
        }

    @classmethod
    def from_dict(cls, value: dict) -> Render:
        """The inverse of `as_dict`."""
        return cls(
            value["kind"],
            tuple(value["months"]),
            value["metric"],
            value["lang"],
            value["layout"],
            value["scene"],
            value.get("country", ""),
        )


class DiskStore:
    """Job state and results in diskcache folders shared by the processes of one machine."""

    errors: tuple[type[Exception], ...] = (OSError, sqlite3.Error)

    def __init__(self, directory: str, result_bytes: int):
        import diskcache

        self.state = diskcache.Cache(str(Path(directory) / "state"))
        self.results = diskcache.Cache(
            str(Path(directory) / "results"),
            size_limit=result_bytes,
            eviction_policy="least-recently-stored",
        )

    def get(self, key: str) -> dict | None:
        return self.state.get(key)

    def set(self, key: str, value: dict, expire: float) -> None:
        self.state.set(key, value, expire=expire)

    def add(self, key: str, value: dict, expire: float) -> bool:
        return self.state.add(key, value, expire=expire)

    def delete(self, key: str) -> None:
        self.state.delete(key)

    def count(self, prefix: str) -> int:
        return sum(1 for key in self.state.iterkeys() if key.startswith(prefix) and key in self.state)

    def get_result(self, key: str) -> bytes | None:
        return self.results.get(key)

    def put_result(self, key: str, body: bytes) -> None:
        self.results.set(key, body, expire=RESULT_SECONDS)


class RedisStore:
    """Job state and results in Redis, seen by every worker and instance; results capped in bytes."""

    def __init__(self, url: str, result_bytes: int):
        import redis

        self.errors = (redis.exceptions.RedisError, OSError)
        self.client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        self.result_bytes = result_bytes

    def get(self, key: str) -> dict | None:
        raw = self.client.get(REDIS_PREFIX + key)
        return json.loads(raw) if raw else None

    def set(self, key: str, value: dict, expire: float) -> None:
        self.client.set(REDIS_PREFIX + key, json.dumps(value), ex=int(expire))

    def add(self, key: str, value: dict, expire: float) -> bool:
        return bool(self.client.set(REDIS_PREFIX + key, json.dumps(value), ex=int(expire), nx=True))

    def delete(self, key: str) -> None:
        self.client.delete(REDIS_PREFIX + key)

    def count(self, prefix: str) -> int:
        return sum(1 for _ in self.client.scan_iter(match=REDIS_PREFIX + prefix + "*", count=500))

    def get_result(self, key: str) -> bytes | None:
        return self.client.get(REDIS_PREFIX + "result:" + key)

    def put_result(self, key: str, body: bytes) -> None:
        """Store a result, then drop the oldest ones while all of them weigh more than the cap."""
        order, sizes = REDIS_PREFIX + "results:order", REDIS_PREFIX + "results:sizes"
        pipe = self.client.pipeline()
        pipe.set(REDIS_PREFIX + "result:" + key, body, ex=RESULT_SECONDS)
        pipe.zadd(order, {key: time.time()})
        pipe.hset(sizes, key, len(body))
        pipe.execute()
        total = sum(int(size) for size in self.client.hvals(sizes))
        while total > self.result_bytes:
            oldest = self.client.zpopmin(order)
            if not oldest:
                break
            name = oldest[0][0].decode()
            total -= int(self.client.hget(sizes, name) or 0)
            self.client.hdel(sizes, name)
            self.client.delete(REDIS_PREFIX + "result:" + name)


def lower_priority() -> None:
    """Make this (render) process yield the CPU to the web workers."""
    try:
        if os.getpriority(os.PRIO_PROCESS, 0) < NICENESS:
            os.nice(NICENESS)
    except OSError:  # not permitted on this platform: render at normal priority
        pass


class Engine:
    """Admission (bounded), dispatch, execution and status of renders."""

    def __init__(self, settings: Settings):
        self.public_url = settings.public_url
        self.queue_size = settings.job_queue
        result_bytes = settings.export_cache_mb * 1024 * 1024
        self.celery = None
        if settings.redis_url:
            self.store: DiskStore | RedisStore = RedisStore(settings.redis_url, result_bytes)
            self.celery = celery_app(settings.redis_url)
            self.slots = 0  # the Celery worker's concurrency bounds renders
        else:
            self.store = DiskStore(settings.jobs_dir, result_bytes)
            self.slots = RENDER_SLOTS
        self.settings = settings

    def manager(self):
        """The Dash background callback manager on the same backend."""
        from dash import CeleryManager, DiskcacheManager

        if self.celery is not None:
            return CeleryManager(self.celery)
        import diskcache

        return DiskcacheManager(diskcache.Cache(str(Path(self.settings.jobs_dir) / "dash")))

    def _call(self, action: Callable):
        try:
            return action()
        except self.store.errors as error:
            raise Unavailable(str(error)) from error

    def key(self, render: Render, directory: Path) -> str:
        """The render's content key for the data being served."""
        return render.key(directory, self.public_url)

    def result(self, key: str) -> bytes | None:
        """The finished render, or None."""
        return self._call(lambda: self.store.get_result(key))

    def status(self, key: str, render: Render) -> dict:
        """`{"state": "done" | "queued" | "running" | "error" | "unknown", "done": n, "total": m}`."""

        def read() -> dict:
            if self.store.get_result(key) is not None:
                return {"state": "done", "done": render.total, "total": render.total}
            if self.store.get("error:" + key):
                return {"state": "error", "done": 0, "total": render.total}
            job = self.store.get("job:" + key)
            if job is None:
                return {"state": "unknown", "done": 0, "total": render.total}
            return {"state": job["state"], "done": job["done"], "total": render.total}

        return self._call(read)

    def admit(self, render: Render, directory: Path) -> tuple[str, str]:
        """Take a render into the queue: its key and "done", "queued" (already there) or "new".

        Raises `QueueFull` past the queue size and `Unavailable` when the store is down.
        """
        key = self.key(render, directory)

        def admit() -> str:
            if self.store.get_result(key) is not None:
                return "done"
            job = self.store.get("job:" + key)
            if job is not None and not (job["state"] == "running" and self.store.get("run:" + key) is None):
                return "queued"  # waiting or running somewhere (a running job without heartbeat died)
            if job is None and self.store.count("job:") >= self.queue_size:
                raise QueueFull()
            self.store.delete("error:" + key)
            self.store.set("job:" + key, {"state": "queued", "done": 0}, QUEUED_SECONDS)
            return "new"

        return key, self._call(admit)

    def dispatch(self, render: Render, directory: Path) -> None:
        """Have a worker render an admitted job (the HTTP path; the toolbar's callback runs its own)."""
        if self.celery is not None:
            self._call(lambda: render_task.delay(render.as_dict(), str(directory)))
            return
        from multiprocess import Process, active_children

        active_children()  # reap finished renders
        Process(target=self._run_detached, args=(render, directory), daemon=False).start()

    def _run_detached(self, render: Render, directory: Path) -> None:
        lower_priority()
        self.run(render, directory)

    def run(
        self, render: Render, directory: Path, progress: Callable[[int, int], None] | None = None
    ) -> bool:
        """Render here unless another process already does (then follow it); True when it succeeded."""
        key = self.key(render, directory)
        progress = progress or (lambda done, total: None)
        while True:
            if self.store.get_result(key) is not None:
                return True
            if self.store.get("error:" + key):
                return False
            if self.store.add("run:" + key, {"pid": os.getpid()}, HEARTBEAT_SECONDS):
                return self._render(render, directory, key, progress)
            job = self.store.get("job:" + key) or {"done": 0}
            progress(job["done"], render.total)
            time.sleep(POLL_SECONDS)

    def _render(
        self, render: Render, directory: Path, key: str, progress: Callable[[int, int], None]
    ) -> bool:
        from dashboard.pages import export

        slot = None
        try:
            slot = self._slot(key)

            def tick(done: int, total: int) -> None:
                self.store.set("job:" + key, {"state": "running", "done": done}, QUEUED_SECONDS)
                self._beat(key, slot)
                progress(done, total)

            tick(0, render.total)
            body = export.draw(render, directory, self.public_url, tick)
            self.store.put_result(key, body)
            return True
        except Exception:  # a bug or a dead store: the job ends as failed, the worker goes on
            log.exception("render %s (%s, %d frames) failed", key, render.kind, render.total)
            self.store.set("error:" + key, {"failed": True}, ERROR_SECONDS)
            return False
        finally:
            for name in [f"job:{key}", f"run:{key}", *([slot] if slot else [])]:
                self.store.delete(name)

    def _beat(self, key: str, slot: str | None) -> None:
        """Tell other processes this render is alive."""
        self.store.set("run:" + key, {"pid": os.getpid()}, HEARTBEAT_SECONDS)
        if slot:
            self.store.set(slot, {"key": key}, HEARTBEAT_SECONDS)

    def _slot(self, key: str) -> str | None:
        """Wait for one of the machine's render slots (none needed under Celery)."""
        while self.slots:
            for number in range(self.slots):
                if self.store.add(f"slot:{number}", {"key": key}, HEARTBEAT_SECONDS):
                    return f"slot:{number}"
            self._beat(key, None)
            time.sleep(POLL_SECONDS)
        return None

    def queued(self) -> int:
        """Renders waiting or running now."""
        return self._call(lambda: self.store.count("job:"))


_celery_apps: dict[str, object] = {}


def celery_app(redis_url: str):
    """The Celery app on Redis (broker and results); `celery -A dashboard.app:celery_app worker`."""
    if redis_url not in _celery_apps:
        try:
            from celery import Celery
        except ImportError as error:
            raise RuntimeError(
                "REDIS_URL is set but celery is missing: pip install 'corredores[redis]'"
            ) from error
        app = Celery("corredores", broker=redis_url, backend=redis_url)
        app.conf.update(
            broker_connection_retry_on_startup=False,
            broker_connection_timeout=1,
            broker_transport_options={"socket_timeout": 1, "socket_connect_timeout": 1, "max_retries": 1},
            redis_socket_timeout=1,
            redis_socket_connect_timeout=1,
            task_publish_retry=False,
            result_expires=3600,
            worker_max_tasks_per_child=1,  # a fresh process per render: its memory is given back
            worker_prefetch_multiplier=1,
            task_acks_late=True,
        )
        _celery_apps[redis_url] = app

        @app.task(name="corredores.render")
        def render(render_value: dict, directory: str) -> bool:
            lower_priority()
            return engine().run(Render.from_dict(render_value), Path(directory))

        global render_task
        render_task = render
    return _celery_apps[redis_url]


render_task = None  # the Celery task, once `celery_app` has made it
_engine: Engine | None = None


def install(settings: Settings) -> Engine:
    """Create the process's engine (once per app)."""
    global _engine
    _engine = Engine(settings)
    return _engine


def engine() -> Engine:
    """The installed engine."""
    if _engine is None:
        raise RuntimeError("dashboard.jobs.install() was not called")
    return _engine
