"""Every environment variable the app reads, typed and checked in one place.

`Settings.from_env()` reads them all; `create_app` calls it at start-up, so a bad value stops the
app with a message naming the variable, what it expects and what it found. Other modules ask
`settings()` instead of reading `os.environ`.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from layers.paths import SHIPPED_DATA_DIR

T = TypeVar("T")
CSP_SOURCES = re.compile(r"^[A-Za-z0-9 '*:/.\-]+$")
MIN_REQUEST_BYTES = 1024


class ConfigError(ValueError):
    """An environment variable holds a value the app cannot use."""


def _flag(text: str) -> bool:
    """`1` turns a switch on; empty or `0` leaves it off."""
    if text not in ("", "0", "1"):
        raise ValueError('expected "1" (on) or "0" (off)')
    return text == "1"


def _positive_number(text: str) -> float:
    """A number of seconds greater than zero."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise ValueError("expected a positive number")
    return value


def _request_bytes(text: str) -> int:
    """A whole number of bytes, at least `MIN_REQUEST_BYTES`."""
    if not text.isdigit() or int(text) < MIN_REQUEST_BYTES:
        raise ValueError(f"expected a whole number of bytes >= {MIN_REQUEST_BYTES}")
    return int(text)


def _csp_sources(text: str) -> str:
    """CSP sources for `frame-ancestors`: no `;` or other characters that would open a directive."""
    value = text.strip() or "*"
    if not CSP_SOURCES.match(value):
        raise ValueError("expected CSP sources such as \"'self' https://example.org\"")
    return value


def _redis_url(text: str) -> str | None:
    """A redis://, rediss:// or unix:// URL, or nothing."""
    if not text:
        return None
    if not text.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("expected a URL such as redis://localhost:6379/0")
    return text


def _directory(text: str) -> Path:
    """A path, made absolute."""
    return Path(text).expanduser().resolve()


def _read(environ: Mapping[str, str], name: str, default: str, parse: Callable[[str], T]) -> T:
    """Parse one variable (its default when unset), raising `ConfigError` naming it."""
    text = environ.get(name, default)
    try:
        return parse(text)
    except ValueError as error:
        raise ConfigError(f'{name}: {error}, found "{text}"') from None


@dataclass(frozen=True)
class Settings:
    """What an operator can configure with environment variables (see README, Configuration)."""

    data_dir: Path
    redis_url: str | None
    cache_dir: Path
    reload_seconds: float
    debug: bool
    admin_banner: bool
    online_tiles: bool
    frame_ancestors: str
    max_request_bytes: int

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read and check every variable; raises `ConfigError` on the first bad one."""
        env = os.environ if environ is None else environ
        return cls(
            data_dir=_read(env, "CORREDORES_DATA_DIR", "", lambda t: _directory(t or str(SHIPPED_DATA_DIR))),
            redis_url=_read(env, "REDIS_URL", "", _redis_url),
            cache_dir=_read(
                env, "CORREDORES_CACHE_DIR", str(Path(tempfile.gettempdir()) / "corredores"), _directory
            ),
            reload_seconds=_read(env, "CORREDORES_RELOAD_SECONDS", "5", _positive_number),
            debug=_read(env, "CORREDORES_DEBUG", "", _flag),
            admin_banner=_read(env, "CORREDORES_ADMIN_BANNER", "", _flag),
            online_tiles=_read(env, "CORREDORES_ONLINE_TILES", "", _flag),
            frame_ancestors=_read(env, "CORREDORES_FRAME_ANCESTORS", "*", _csp_sources),
            max_request_bytes=_read(env, "CORREDORES_MAX_REQUEST_BYTES", "1000000", _request_bytes),
        )


def settings() -> Settings:
    """The settings as the environment holds them now."""
    return Settings.from_env()
