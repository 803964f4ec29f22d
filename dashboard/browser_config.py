"""Facts the browser code needs, defined once in Python and written into every page as JSON.

assets/00_core.js reads them as `corredores.config`: component ids (assets/*.js use no id
literals), class breaks, palette and colours, measure, layer and kind names, the home view.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from dashboard import ids
from dashboard.map_style import COLOURS, FIT_PADDING, HOME_BOUNDS, KIND_COLOURS, PANES
from dashboard.view_state import LAYERS, LINK_DEFAULTS, LIST_KEYS, METRICS, RETIRED, SECOND_MEASURES
from layers.choropleth import BALANCE_PALETTE, BREAKS, PALETTE
from layers.services import KINDS

MARKER = "data-corredores-config"
# loaded by assets/graph_loader.js when a chart first comes near the viewport, not with the page
PLOTLY = "vendor/plotly-basic.min.js"
ASSETS = Path(__file__).resolve().parent.parent / "assets"


def component_ids() -> dict[str, str]:
    """Every component id of dashboard/ids.py, by constant name."""
    return {name: value for name, value in vars(ids).items() if name.isupper() and isinstance(value, str)}


def browser_config() -> dict:
    """The language-independent facts the browser uses."""
    return {
        "ids": component_ids(),
        "breaks": BREAKS,
        "palette": PALETTE,
        "balance_palette": BALANCE_PALETTE,
        "colours": COLOURS,
        "kind_colours": KIND_COLOURS,
        "metrics": list(METRICS),
        "second_measures": list(SECOND_MEASURES),
        "layers": list(LAYERS),
        "kinds": list(KINDS),
        "home": HOME_BOUNDS,
        "fit_padding": FIT_PADDING,
        "panes": PANES,
        "link_defaults": LINK_DEFAULTS,
        "list_keys": list(LIST_KEYS),
        "retired": RETIRED,
        "plotly": plotly_asset(),
    }


def plotly_asset() -> str:
    """Plotly's path under /assets/, fingerprinted as Dash fingerprints assets (cached for a year)."""
    return f"{PLOTLY}?m={(ASSETS / PLOTLY).stat().st_mtime}"


@lru_cache(maxsize=1)
def config_script() -> str:
    """A JSON data block for the page (not executed, so the CSP needs no hash for it)."""
    body = json.dumps(browser_config(), separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" {MARKER}>{body}</script>'
