"""One module per feature; importing this package registers every callback."""

from callbacks import (  # noqa: F401
    charts,
    cite,
    compare,
    controls,
    country,
    deferred,
    embed,
    export,
    language,
    map_view,
    presenter,
    selection,
    table_twin,
    timeline,
    url_state,
)
