"""Static documents for the browser (web geometry, services geobuf), their compressed bodies and URLs.

Each is derived from one data snapshot, computed once through `dashboard.cache.remember` and served
by `dashboard.web.routes` under a URL carrying its content hash; page builders ask here for the URL.
Bodies and their compressed forms are also kept on disk beside the snapshot (`layers.memo.on_disk`),
so a restart or another worker on the same data reads them instead of compressing again.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import brotli

from dashboard.cache import remember, snapshot_key
from dashboard.state import current_data_dir
from layers.digest import short_digest
from layers.memo import artefact_dir, on_disk
from layers.web_geometry import admin0_web, admin1_web
from layers.web_layers import services_geobuf

# Content codings we prepare once per document, best first; identity is always possible.
ENCODINGS = ("br", "gzip")
# Brotli 11 takes about a minute on a 20 MB geobuf, quality 9 a few seconds for ~12 % more bytes.
BROTLI_SMALL, BROTLI_LARGE, LARGE_BYTES = 11, 9, 1024 * 1024
GZIP_LEVEL = 9


@dataclass(frozen=True)
class Document:
    """A static body for the browser and the short content hash its URL carries."""

    body: bytes
    digest: str

    @classmethod
    def of(cls, body: bytes) -> Document:
        """Hash the body."""
        return cls(body, short_digest(body))


def web_geometry(directory: Path, name: str) -> Document:
    """Simplified admin-0 or admin-1 GeoJSON (`layers.web_geometry`), shared by every instance."""
    maker = {"admin0": admin0_web, "admin1": admin1_web}[name]
    return remember(
        snapshot_key(directory, "geo", name), lambda: Document.of(maker(directory).body), local=True
    )


def services_document(directory: Path) -> Document:
    """The services geobuf (`layers.web_layers.services_geobuf`), shared by every instance."""
    return remember(
        snapshot_key(directory, "geo", "services"),
        lambda: Document.of(services_geobuf(directory)),
        local=True,
    )


def compress(body: bytes, encoding: str) -> bytes:
    """`body` in the content coding `encoding` ("br" or "gzip"), at the setting its size allows."""
    if encoding == "br":
        return brotli.compress(body, quality=BROTLI_LARGE if len(body) > LARGE_BYTES else BROTLI_SMALL)
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def encoded(document: Document, encoding: str) -> bytes:
    """The document compressed once per content (slow, so cached in memory and on disk)."""
    if encoding == "identity":
        return document.body

    def from_disk_or_compress() -> bytes:
        folder = artefact_dir(current_data_dir())
        if folder is None:
            return compress(document.body, encoding)
        path = folder / f"encoded-{document.digest}.{encoding}"
        return on_disk(path, lambda: compress(document.body, encoding))

    return remember(f"encoded:{document.digest}:{encoding}", from_disk_or_compress, local=True)


def geometry_url(name: str) -> str:
    """URL of the simplified admin-0 or admin-1 GeoJSON of the data being served."""
    return f"/geo/{name}.{web_geometry(current_data_dir(), name).digest}.geojson"


def services_url() -> str:
    """URL of the services geobuf of the data being served."""
    return f"/geo/services.{services_document(current_data_dir()).digest}.pbf"
