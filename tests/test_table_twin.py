"""The `tab` URL key and the table twin's frame in the served layout, without a browser."""

import json
import urllib.request

from dashboard import ids
from dashboard.view_state import parse_view


def view_for(query: dict):
    return parse_view(
        query, lang="en", months=["2021-07", "2021-08"], default_date="2021-08", countries={"COL"}, kinds=[]
    )


def served_layout(server, query: str) -> dict:
    """The layout the server builds for a page opened with this query (Dash reads it from the Referer)."""
    request = urllib.request.Request(server.url + "/_dash-layout")
    request.add_header("Referer", f"{server.url}/?{query}")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def find(node, component_id: str) -> dict | None:
    """The component with this id anywhere in a Dash layout tree."""
    if isinstance(node, list):
        return next((hit for child in node if (hit := find(child, component_id))), None)
    if not isinstance(node, dict):
        return None
    if node.get("props", {}).get("id") == component_id:
        return node
    return find(node.get("props", {}).get("children"), component_id)


def test_tab_key_opens_the_table_and_an_unknown_value_is_noted():
    assert view_for({}).tab == "map"
    assert view_for({"tab": "table"}).tab == "table"
    bogus = view_for({"tab": "chart"})
    assert bogus.tab == "map" and bogus.notices == ["tab"]


def test_the_table_frame_is_shown_only_on_the_table_tab(server):
    assert find(served_layout(server, "lang=en&tab=table"), ids.TABLE_TWIN)["props"]["hidden"] is False
    page = served_layout(server, "lang=en")
    assert find(page, ids.TABLE_TWIN)["props"]["hidden"] is True
    first = page["props"]["children"][0]
    assert first["props"]["id"] == ids.SKIP_LINK and first["props"]["href"] == f"#{ids.TABLE_TWIN}"
