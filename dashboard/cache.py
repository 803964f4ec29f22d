"""The one cache of the app: SimpleCache by default, Redis when `REDIS_URL` is set."""

from __future__ import annotations

from flask import Flask
from flask_caching import Cache

cache = Cache()


def init_cache(server: Flask, redis_url: str | None) -> str:
    """Configure the cache on the Flask server; returns the backend's name."""
    if redis_url:
        config = {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": "corredores:",
        }
    else:
        config = {"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 2000}
    config["CACHE_DEFAULT_TIMEOUT"] = 24 * 3600
    cache.init_app(server, config=config)
    return config["CACHE_TYPE"]
