"""Scroll as a person does before looking at what is drawn only near the view (the charts)."""


def scroll_to(page, element_id: str = "bar-chart") -> None:
    """Centre the element in the view once it is on the page, found and scrolled in one step of the
    page (Dash may swap a chart's node for another while Playwright scrolls the first:
    assets/graph_loader.js)."""
    page.wait_for_function(
        "(id) => { const node = document.getElementById(id);"
        " if (node) node.scrollIntoView({block: 'center'}); return !!node; }",
        arg=element_id,
    )
