"""What crosses the wire: compressed bodies, year-long caching of every URL that carries a hash."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import urllib.error
import urllib.request

import brotli
import pytest

YEAR = "max-age=31536000"
CHROME_ENCODINGS = "gzip, deflate, br, zstd"


def fetch(url: str, encoding: str | None = None, headers: dict[str, str] | None = None):
    """Status, headers and the raw (still encoded) body."""
    request = urllib.request.Request(
        url, headers={**({"Accept-Encoding": encoding} if encoding else {}), **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def decoded(headers, body: bytes) -> bytes:
    """The body without its content coding."""
    coding = headers.get("Content-Encoding", "identity")
    if coding == "br":
        return brotli.decompress(body)
    if coding == "gzip":
        return gzip.decompress(body)
    if coding == "zstd":
        from backports import zstd

        return zstd.decompress(body)
    assert coding == "identity", coding
    return body


def static_urls(server) -> dict[str, str]:
    """The geometry URLs the page layout points to (with a country selected: its states too)."""
    _, headers, body = fetch(server.url + "/_dash-layout", "br", {"Referer": f"{server.url}/?country=COL"})
    text = decoded(headers, body).decode().replace("\\u002f", "/")
    found = re.findall(r'"(/geo/[^"]+)"', text)
    urls = {url.split("/")[-1].split(".")[0]: url for url in found}
    assert {"admin0", "admin1", "services"} <= set(urls), found
    return urls


def scripts(server) -> list[str]:
    """Script URLs of the index page."""
    _, headers, body = fetch(server.url + "/", "br")
    return re.findall(r'<script src="([^"]+)"', decoded(headers, body).decode())


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_layout_and_dependencies_are_compressed(server, encoding):
    for path in ("/_dash-layout", "/_dash-dependencies", "/"):
        status, headers, body = fetch(server.url + path, encoding)
        assert status == 200, path
        assert headers["Content-Encoding"] == encoding, path
        plain = decoded(headers, body)
        assert len(body) < len(plain) / 2, path
        if path != "/":
            json.loads(plain)


def test_layout_is_served_from_the_cache_after_warm_up(server):
    first = fetch(server.url + "/_dash-layout", "br", {"Accept-Language": "en"})
    again = fetch(server.url + "/_dash-layout", "br", {"Accept-Language": "en"})
    assert first[1]["X-Cache"] == again[1]["X-Cache"] == "hit"  # warmed at start-up
    assert decoded(first[1], first[2]) == decoded(again[1], again[2])
    spanish = fetch(server.url + "/_dash-layout", "br", {"Accept-Language": "es"})
    assert decoded(spanish[1], spanish[2]) != decoded(first[1], first[2])


def test_component_suites_are_fingerprinted_compressed_and_kept_a_year(server):
    suites = [url for url in scripts(server) if url.startswith("/_dash-component-suites/")]
    assert any("dash_leaflet" in url for url in suites), suites
    for url in suites:
        assert re.search(r"\.v\d+_\d+_\d+m\d+\.", url), f"{url} carries no version fingerprint"
        status, headers, body = fetch(server.url + url, CHROME_ENCODINGS)
        assert status == 200, url
        assert YEAR in headers["Cache-Control"], url
        if len(body) > 2000:
            assert headers.get("Content-Encoding") in ("br", "zstd", "gzip"), url


def test_assets_are_fingerprinted_compressed_and_kept_a_year(server):
    assets = [url for url in scripts(server) if url.startswith("/assets/")]
    assert any("00_core.js" in url for url in assets), assets
    for url in assets:
        assert re.search(r"\?m=[\d.]+$", url), url
        status, headers, body = fetch(server.url + url, "br")
        assert status == 200, url
        assert headers["Cache-Control"] == f"public, {YEAR}, immutable", url
        plain = brotli.decompress(body) if headers.get("Content-Encoding") == "br" else body
        if len(plain) >= 500:  # flask-compress leaves tiny files (one feature's few lines) as they are
            assert headers["Content-Encoding"] == "br", url
    # Without the fingerprint the browser must revalidate: the file may change under that name.
    _, headers, _ = fetch(server.url + assets[0].split("?")[0], "br")
    assert "immutable" not in headers.get("Cache-Control", "")


@pytest.mark.parametrize("name", ["admin0", "admin1", "services"])
def test_geometry_is_content_hashed_precompressed_and_immutable(server, name):
    url = server.url + static_urls(server)[name]
    status, headers, plain = fetch(url)
    assert status == 200
    assert "Content-Encoding" not in headers
    assert hashlib.sha256(plain).hexdigest()[:12] == url.split(".")[-2]
    if name != "services":
        assert json.loads(plain)["type"] == "FeatureCollection"
    for encoding in ("br", "gzip"):
        status, headers, body = fetch(url, encoding)
        assert status == 200
        assert headers["Content-Encoding"] == encoding
        assert headers["Cache-Control"] == f"public, {YEAR}, immutable"
        assert "Accept-Encoding" in headers["Vary"]
        assert decoded(headers, body) == plain
        assert len(body) < len(plain) * (0.5 if name != "services" else 0.9)
    _, headers, _ = fetch(url, CHROME_ENCODINGS)
    assert headers["Content-Encoding"] == "br"
    _, headers, _ = fetch(url, "br;q=0, gzip")
    assert headers["Content-Encoding"] == "gzip"
    wrong = re.sub(r"\.[0-9a-f]{12}\.", ".000000000000.", url)
    assert fetch(wrong, "br")[0] == 404
