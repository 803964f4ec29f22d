"""The Dash app factory; `dashboard.app:server` is what gunicorn serves."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import dash
from dash import html
from flask import request
from flask_compress import Compress

from dashboard import jobs, state
from dashboard.api import register_api
from dashboard.cache import cache_get_responses, init_cache, snapshot_key, warm_up
from dashboard.config import Settings
from dashboard.i18n import language, t
from dashboard.layout import build_layout
from dashboard.routes import register_routes
from dashboard.security import install_security
from dashboard.view_state import parse_view, preferred_language
from layers.boundaries import admin0
from layers.choropleth import default_month, stock_matrix
from layers.problems import DataError
from layers.services import KINDS

ASSETS = Path(__file__).resolve().parent.parent / "assets"
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
    lang = preferred_language(request.headers.get("Accept-Language"))
    try:
        directory = state.current_data_dir()
    except DataError:
        return html.Div(t("data.unavailable", lang), className="fatal", role="alert")
    matrix = stock_matrix(directory)
    view = parse_view(
        page_query(),
        lang=lang,
        months=matrix["months"],
        default_date=default_month(matrix),
        countries=set(admin0(directory).index),
        kinds=KINDS,
    )
    return build_layout(view, directory)


class CorredoresDash(dash.Dash):
    """Dash with the page language on `<html lang>`, as screen readers and axe expect."""

    def interpolate_index(self, **kwargs) -> str:
        page = super().interpolate_index(**kwargs)
        lang = language(
            page_query().get("lang") or preferred_language(request.headers.get("Accept-Language"))
        )
        return page.replace("<html>", f'<html lang="{lang}">', 1)


def layout_cache_key() -> str | None:
    """What the page layout depends on: data snapshot, language, the page's query, data problems."""
    try:
        directory = state.current_data_dir()
    except DataError:
        return None
    lang = preferred_language(request.headers.get("Accept-Language"))
    problems = [str(problem) for problem in state.current_state().problems]
    view = repr((sorted(page_query().items()), problems)).encode()
    return snapshot_key(directory, "layout", lang, hashlib.sha256(view).hexdigest()[:16])


def create_app(settings: Settings | None = None) -> dash.Dash:
    """A configured Dash app on the data of `settings` (read from the environment by default)."""
    settings = settings or Settings.from_env()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    state.install(Path(settings.data_dir))
    engine = jobs.install(settings)
    app = CorredoresDash(
        __name__,
        title="Corredores",
        assets_folder=str(ASSETS),
        serve_locally=True,
        compress=False,
        suppress_callback_exceptions=True,
        update_title=None,
        background_callback_manager=engine.manager(),
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    Compress(app.server)
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
