"""Settings read from the environment, in one place."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from layers.paths import data_dir


@dataclass(frozen=True)
class Settings:
    """What an operator can configure with environment variables."""

    data_dir: str
    redis_url: str | None
    debug: bool
    public_url: str = ""  # printed in image footers and links; never taken from the request's Host
    jobs_dir: str = str(Path(tempfile.gettempdir()) / "corredores" / "jobs")
    job_queue: int = 16  # renders waiting or running at once; more answer 503 + Retry-After
    export_cache_mb: int = 256
    trusted_proxies: int = 0  # proxies in front that set X-Forwarded-Proto/-For (werkzeug ProxyFix)
    hsts_seconds: int = 31_536_000  # Strict-Transport-Security max-age on HTTPS responses; 0: none

    @classmethod
    def from_env(cls) -> Settings:
        """Read `CORREDORES_DATA_DIR`, `REDIS_URL`, `CORREDORES_DEBUG` and the job/proxy settings."""
        cache_dir = os.environ.get("CORREDORES_CACHE_DIR") or str(Path(tempfile.gettempdir()) / "corredores")
        return cls(
            data_dir=str(data_dir()),
            redis_url=os.environ.get("REDIS_URL") or None,
            debug=os.environ.get("CORREDORES_DEBUG", "") == "1",
            public_url=_public_url(os.environ.get("CORREDORES_PUBLIC_URL", "")),
            jobs_dir=str(Path(cache_dir) / "jobs"),
            job_queue=_count("CORREDORES_JOB_QUEUE", 16, minimum=1),
            export_cache_mb=_count("CORREDORES_EXPORT_CACHE_MB", 256, minimum=1),
            trusted_proxies=_count("CORREDORES_TRUSTED_PROXIES", 0, minimum=0),
            hsts_seconds=_count("CORREDORES_HSTS_SECONDS", 31_536_000, minimum=0),
        )


def _count(name: str, default: int, minimum: int) -> int:
    """A whole-number variable, or a clear error naming it."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < minimum:
        raise ValueError(f"{name}: expected a whole number >= {minimum}, got {raw!r}")
    return int(raw)


def _public_url(raw: str) -> str:
    """`CORREDORES_PUBLIC_URL` without a trailing slash; it must be an http(s) URL."""
    value = raw.strip().rstrip("/")
    if value and not (value.startswith(("https://", "http://")) and " " not in value):
        raise ValueError(
            f"CORREDORES_PUBLIC_URL: expected an http(s) URL such as https://corredores.org, got {raw!r}"
        )
    return value
