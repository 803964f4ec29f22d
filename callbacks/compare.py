"""Compare mode: two or three host countries side by side on the same scales."""

from dash import Input, Output, callback

from dashboard import ids
from dashboard.i18n import language
from dashboard.pages.compare import MAX_COMPARED, compare_block
from dashboard.state import current_data_dir


@callback(
    Output(ids.COMPARE_BODY, "children"),
    Input(ids.COMPARE_PICK, "data"),
    Input(ids.LANG_STORE, "data"),
    prevent_initial_call=True,  # the page holds the link's comparison
)
def show_comparison(countries: list[str] | None, lang_code: str | None) -> list:
    """Rebuild the comparison when the picked countries change."""
    return compare_block(current_data_dir(), (countries or [])[:MAX_COMPARED], language(lang_code))
