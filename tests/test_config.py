"""Environment variables: read in one place, a bad value stops the app naming the variable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.config import ConfigError, Settings

ROOT = Path(__file__).resolve().parent.parent
READS_ENVIRONMENT = re.compile(r"environ\.get\(|getenv\(|environ\[[^\]]*\](?!\s*=)|environ if")


def test_defaults_when_nothing_is_set():
    found = Settings.from_env({})
    assert found.data_dir == (ROOT / "data").resolve()
    assert (found.redis_url, found.reload_seconds, found.frame_ancestors) == (None, 5.0, "*")
    assert not (found.debug or found.admin_banner or found.online_tiles)


def test_values_are_typed():
    found = Settings.from_env(
        {"CORREDORES_RELOAD_SECONDS": "0.2", "CORREDORES_ONLINE_TILES": "1", "REDIS_URL": "redis://h:1/0"}
    )
    assert found.reload_seconds == 0.2
    assert found.online_tiles is True
    assert found.redis_url == "redis://h:1/0"


@pytest.mark.parametrize(
    "name, value, expected",
    [
        (
            "CORREDORES_RELOAD_SECONDS",
            "abc",
            'CORREDORES_RELOAD_SECONDS: expected a positive number, found "abc"',
        ),
        (
            "CORREDORES_RELOAD_SECONDS",
            "-1",
            'CORREDORES_RELOAD_SECONDS: expected a positive number, found "-1"',
        ),
        ("CORREDORES_DEBUG", "yes", 'CORREDORES_DEBUG: expected "1" (on) or "0" (off), found "yes"'),
        ("CORREDORES_MAX_REQUEST_BYTES", "12", "CORREDORES_MAX_REQUEST_BYTES: expected a whole number"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL: expected a URL such as redis://localhost:6379/0, found"),
        ("CORREDORES_FRAME_ANCESTORS", "*; script-src *", "CORREDORES_FRAME_ANCESTORS: expected CSP sources"),
    ],
)
def test_a_bad_value_names_the_variable(name, value, expected):
    with pytest.raises(ConfigError) as raised:
        Settings.from_env({name: value})
    assert str(raised.value).startswith(expected)


def test_the_app_refuses_to_start_with_a_bad_value():
    result = subprocess.run(
        [sys.executable, "-c", "import dashboard.app"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "CORREDORES_RELOAD_SECONDS": "abc"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert 'CORREDORES_RELOAD_SECONDS: expected a positive number, found "abc"' in result.stderr


def test_no_other_module_reads_the_environment():
    readers = [
        path.relative_to(ROOT).as_posix()
        for folder in ("dashboard", "layers", "callbacks")
        for path in (ROOT / folder).rglob("*.py")
        if READS_ENVIRONMENT.search(path.read_text())
    ]
    assert readers == ["dashboard/config.py"]
