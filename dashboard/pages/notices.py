"""Messages above the page: link settings that were ignored, and rejected data (for admins)."""

from __future__ import annotations

from dash import html

from dashboard import ids, state
from dashboard.config import settings
from dashboard.i18n import plural, t
from dashboard.view_state import ViewState

MAX_PROBLEMS_SHOWN = 20


def url_notice(view: ViewState) -> html.Div | None:
    """A polite notice naming the URL keys that were ignored; None when the link was fine.

    Only the key names are shown (never the values a link carried), so a crafted link cannot put
    its own text on the page.
    """
    if not view.notices:
        return None
    keys = ", ".join(dict.fromkeys(view.notices))
    return html.Div(
        t("notice.ignored", view.lang, keys=keys),
        id=ids.NOTICE,
        className="url-notice",
        role="status",
        **{"aria-live": "polite"},
    )


def admin_banner_enabled(view: ViewState) -> bool:
    """Admins see data problems with `?admin=1`, or always when `CORREDORES_ADMIN_BANNER=1`."""
    return view.admin or settings().admin_banner


def admin_banner(view: ViewState) -> html.Div | None:
    """A banner (role=alert) listing why the newest data files were rejected; None when all is well.

    The same list is public at /healthz, so the banner reveals nothing new; it is opt-in only
    because readers should not be alarmed by a problem that does not affect what they see.
    """
    data = state.current_state()
    if not data.problems or not admin_banner_enabled(view):
        return None
    vintage = data.snapshot.vintage if data.snapshot else "–"
    shown = data.problems[:MAX_PROBLEMS_SHOWN]
    children = [
        html.Strong(t("admin.data_rejected", view.lang, vintage=vintage)),
        html.Ul([html.Li(str(problem)) for problem in shown]),
    ]
    if len(data.problems) > len(shown):
        children.append(html.P(plural("admin.more_problems", view.lang, len(data.problems) - len(shown))))
    return html.Div(children, id="admin-banner", className="admin-banner", role="alert")
