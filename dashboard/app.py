"""The Dash app factory; `dashboard.app:server` is what gunicorn serves."""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import dash
from dash import _callback, html
from dash._validate import validate_layout
from flask import request
from flask_compress import Compress

from dashboard import jobs, state
from dashboard.browser_config import ASSETS, PLOTLY, config_script
from dashboard.cache import LAYOUT_SECONDS, cache_get_responses, init_cache, remember, snapshot_key, status
from dashboard.config import Settings
from dashboard.documents import ENCODINGS, encoded, services_document, web_geometry
from dashboard.i18n import LANGUAGES, language
from dashboard.pages.page import view_page
from dashboard.view_state import preferred_language
from dashboard.web.api import register_api
from dashboard.web.routes import register_routes
from dashboard.web.security import install_security
from layers.catalog import GEOMETRY_LAYERS, LOADERS
from layers.choropleth import stock_matrix
from layers.country import ground_tallies
from layers.digest import short_digest
from layers.memo import artefact_dir, on_disk
from layers.problems import DataError

log = logging.getLogger(__name__)


def page_query() -> dict[str, str]:
    """The query string of the page being built.

    Dash fetches the layout with a separate request (`/_dash-layout`), so the page's own URL
    arrives as its Referer; a direct request for the page carries its own query.
    """
    if request.path.endswith("_dash-layout") and request.referrer:
        try:
            return dict(parse_qsl(urlsplit(request.referrer).query))
        except ValueError:  # a Referer that is no URL (e.g. "http://[::1"): build the default view
            return {}
    return dict(request.args)


def serve_layout() -> html.Div:
    """Build the page for the current request's URL and language."""
    return view_page(page_query(), preferred_language(request.accept_languages))


def set_up_dash_now(app: dash.Dash) -> None:
    """Run Dash's once-per-process set-up now, in one thread, instead of on the first request.

    On the first request, a threaded worker (gunicorn --threads) lets concurrent first requests
    skip the set-up while it runs: they get an empty `/_dash-dependencies`, a dead page. The
    `dash.callback` registrations it consumes are put back, so an app built later in the same
    process (`corredores serve` builds two) still finds them. Dash's check of the page for
    duplicate ids is made where a page is built (`warm_up`), not here: a restart on unchanged
    data reads its pages from disk.
    """
    registered, registry = list(_callback.GLOBAL_CALLBACK_LIST), dict(_callback.GLOBAL_CALLBACK_MAP)
    app._layout_value = html.Div  # an instance attribute over the method, for the set-up only
    try:
        with app.server.test_request_context("/"):
            app._setup_server()
    finally:
        del app._layout_value
    _callback.GLOBAL_CALLBACK_LIST[:] = registered
    _callback.GLOBAL_CALLBACK_MAP.update(registry)


def warm_up(app: dash.Dash, layout_key: Callable[[], str | None]) -> None:
    """Compute what a first visit needs (layout per language, compressed geometry) before serving.

    Calls the builders directly: a request through the test client would make Dash take the
    module-level callbacks into this app, and a second app built in the process would get none.
    """
    started = time.perf_counter()
    hits_before, misses_before = status.hits, status.misses

    def page() -> bytes:
        validate_layout(app.layout, app._layout_value())  # Dash's duplicate-id check
        return app.serve_layout().get_data()

    try:
        set_up_dash_now(app)
        directory = state.current_data_dir()
        folder = artefact_dir(directory)  # the default page per language is kept on disk too
        for lang in LANGUAGES:
            with app.server.test_request_context("/_dash-layout", headers={"Accept-Language": lang}):
                key = layout_key()
                if key is not None:
                    path = folder / f"layout-{key.replace(':', '-')}" if folder else None
                    remember(key, partial(on_disk, path, page) if path else page, timeout=LAYOUT_SECONDS)
        documents = [web_geometry(directory, "admin0"), web_geometry(directory, "admin1")]
        for document in [*documents, services_document(directory)]:
            for encoding in ENCODINGS:
                encoded(document, encoding)
        ground_tallies(directory)  # a first click on a country (panel, states) without the geometry
    except Exception:  # warming is an optimisation: never stop the app from starting
        log.warning("cache warm-up failed; the first visitors will compute what they need", exc_info=True)
        return
    log.info(
        "cache warm-up in %.1f s (%s: %d values from the cache, %d computed)",
        time.perf_counter() - started,
        status.backend,
        status.hits - hits_before,
        status.misses - misses_before,
    )


_loading_layers: set[int] = set()  # processes that have started loading the layers
_loading_lock = threading.Lock()


def load_layers_in_background() -> None:
    """On a process's first request, start loading the layers pages need in a thread.

    A restart on unchanged data serves before reading any layer (`DataSnapshot.load` reads its
    verdict); each worker then loads the tables (not the geometry: `GEOMETRY_LAYERS`) while the
    browser fetches the page's scripts, so the first callbacks find them in memory.
    """
    if os.getpid() in _loading_layers:
        return
    with _loading_lock:
        if os.getpid() in _loading_layers:
            return
        _loading_layers.add(os.getpid())
    threading.Thread(target=_load_layers, name="load-layers", daemon=True).start()


def _load_layers() -> None:
    """The layers without geometry of the data being served, into this process's memory."""
    try:
        directory = state.current_data_dir()
        for name, loader in LOADERS.items():
            if name not in GEOMETRY_LAYERS:
                loader(directory)
        stock_matrix(directory)
    except DataError:  # no good data yet: nothing to load
        return
    except Exception:  # an optimisation: a request needing a layer loads it itself
        log.warning("loading the layers in the background failed", exc_info=True)


class CorredoresDash(dash.Dash):
    """Dash with the page language on `<html lang>` and the browser config (dashboard/browser_config.py)."""

    DATA_TABLE_JS = "/_dash-component-suites/dash/dash_table/"

    def interpolate_index(self, **kwargs) -> str:
        kwargs["config"] += config_script()  # ids, colours, breaks for assets/*.js, before they load
        # Dash lists its DataTable bundle on every page; no page here has one: not loaded, not run
        scripts = kwargs["scripts"].split("\n")
        kwargs["scripts"] = "\n".join(line for line in scripts if self.DATA_TABLE_JS not in line)
        page = super().interpolate_index(**kwargs)
        lang = language(page_query().get("lang") or preferred_language(request.accept_languages))
        return page.replace("<html>", f'<html lang="{lang}">', 1)


def layout_cache_key() -> str | None:
    """What the page layout depends on: data snapshot, language, the page's query, data problems."""
    try:
        directory = state.current_data_dir()
    except DataError:
        return None
    lang = preferred_language(request.accept_languages)
    problems = [str(problem) for problem in state.current_state().problems]
    view = repr((sorted(page_query().items()), problems)).encode()
    return snapshot_key(directory, "layout", lang, short_digest(view, 16))


def create_app(settings: Settings | None = None) -> dash.Dash:
    """A configured Dash app on the data of `settings` (read from the environment by default)."""
    settings = settings or Settings.from_env()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    state.install(settings.data_dir, settings.cache_dir, settings.reload_seconds)
    engine = jobs.install(settings)
    app = CorredoresDash(
        __name__,
        title="Corredores",
        assets_folder=str(ASSETS),
        assets_ignore=re.escape(Path(PLOTLY).name),  # served, not in the page: graph_loader.js loads it
        serve_locally=True,
        compress=False,
        suppress_callback_exceptions=True,
        update_title=None,
        background_callback_manager=engine.manager(),
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    Compress(app.server)
    app.server.before_request(load_layers_in_background)
    backend = init_cache(app.server, settings.redis_url)
    register_routes(app.server, backend)
    register_api(app.server)
    app.layout = serve_layout
    import callbacks  # noqa: F401  (registers every feature's callbacks)

    install_security(  # last: its CSP hashes Dash's inline scripts
        app,
        debug=settings.debug,
        trusted_proxies=settings.trusted_proxies,
        hsts_seconds=settings.hsts_seconds,
    )
    cache_get_responses(app.server, "/_dash-layout", layout_cache_key)  # after Compress: stores plain JSON
    warm_up(app, layout_cache_key)  # layouts and compressed geometry: the first visitor pays nothing

    return app


app = create_app()
server = app.server
celery_app = jobs.engine().celery  # with REDIS_URL: `celery -A dashboard.app:celery_app worker`
