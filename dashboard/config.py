"""Settings read from the environment, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

from layers.paths import data_dir


@dataclass(frozen=True)
class Settings:
    """What an operator can configure with environment variables."""

    data_dir: str
    redis_url: str | None
    debug: bool

    @classmethod
    def from_env(cls) -> Settings:
        """Read `CORREDORES_DATA_DIR`, `REDIS_URL` and `CORREDORES_DEBUG`."""
        return cls(
            data_dir=str(data_dir()),
            redis_url=os.environ.get("REDIS_URL") or None,
            debug=os.environ.get("CORREDORES_DEBUG", "") == "1",
        )
