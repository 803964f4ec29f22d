"""One module per feature; importing this package registers every callback."""

from callbacks import charts, compare, country, map_view, selection, timeline, url_state  # noqa: F401
