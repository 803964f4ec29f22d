"""Content of a folded <details> drawn when it is first opened: the browser renders less at load.

The components travel in the page as a store's data (no render cost) and assets/deferred.js puts
them on screen at the details' first `toggle` to open, by a click, a key or the browser's find.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids


def deferred_details(name: str, now: list, later: list, *, open_now: bool, **props) -> html.Details:
    """A <details> with `now` (its summary first) and then `later`: drawn at once when it opens
    folded out, else at its first opening."""
    body = {"type": ids.DEFERRED_BODY, "name": name}
    if open_now:
        return html.Details([*now, html.Div(later, id=body)], open=True, **props)
    stores = [
        dcc.Store(id={"type": ids.DEFERRED_CONTENT, "name": name}, data=later),
        dcc.Store(id={"type": ids.DEFERRED_OPENED, "name": name}, data=False),
    ]
    return html.Details([*now, html.Div(id=body), *stores], open=False, **{"data-deferred": name}, **props)
