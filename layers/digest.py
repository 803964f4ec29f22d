"""Short content hashes: the fingerprint a URL or a cache key carries for a body or a request."""

from __future__ import annotations

import hashlib

DIGEST_LENGTH = 12


def short_digest(body: bytes, length: int = DIGEST_LENGTH) -> str:
    """The first `length` hex digits of the body's SHA-256."""
    return hashlib.sha256(body).hexdigest()[:length]
