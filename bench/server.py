"""The app under gunicorn on 127.0.0.1 and a free port, as the Procfile runs it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """`gunicorn dashboard.app:server` with the Procfile's settings; the log goes to a temp file."""

    def __init__(
        self,
        data: Path,
        workers: int = 2,
        threads: int = 4,
        env: dict[str, str] | None = None,
        *,
        app: str = "dashboard.app:server",
        cache_dir: Path | None = None,
    ):
        """Start `app`; `cache_dir` (default: a new empty one) holds the snapshots and their artefacts."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = Path(tempfile.mkdtemp(prefix="corredores-bench-"))
        self.log = self.workdir / "gunicorn.log"
        environment = {
            **os.environ,
            "CORREDORES_DATA_DIR": str(data),
            "CORREDORES_CACHE_DIR": str(cache_dir or self.workdir / "snapshots"),
            **(env or {}),
        }
        environment.pop("REDIS_URL", None) if not (env and "REDIS_URL" in env) else None
        # A deployed app keeps the bytecode its first start wrote; a restart reads it (so does the floor).
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        command = [str(Path(sys.executable).with_name("gunicorn")), app]
        command += ["--no-control-socket", "--bind", f"127.0.0.1:{self.port}", "--preload"]
        command += ["--workers", str(workers), "--threads", str(threads), "--timeout", "120"]
        self.started = time.perf_counter()
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=output)
        self.startup_seconds = self.wait_until_up()

    def wait_until_up(self, timeout: float = 300) -> float:
        """Seconds until /healthz answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text(errors='replace')[-3000:]}")
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=5)
                return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer in time")

    def stop(self) -> None:
        """Terminate gunicorn (master and workers) and wait."""
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
