"""The methods page: Jinja2 escapes every data text, and the main-series rule comes from datapackage.json."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from datadir import SHIPPED_DATA, broken_copy

from dashboard.web.methods import methods_page


class RuleSteps(HTMLParser):
    """The texts of the `<li>` items inside `<ol class="main-series-rule">`."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.steps = False, []

    def handle_starttag(self, tag, attrs):
        if tag == "ol" and ("class", "main-series-rule") in attrs:
            self.inside = True
        elif tag == "li" and self.inside:
            self.steps.append("")

    def handle_endtag(self, tag):
        if tag == "ol":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.steps:
            self.steps[-1] += data


def stock_description(directory) -> str:
    package = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    return next(r["description"] for r in package["resources"] if r["name"] == "stock")


def test_the_page_lists_the_rule_written_in_the_stock_resource():
    parser = RuleSteps()
    parser.feed(methods_page(SHIPPED_DATA, "en"))
    description = stock_description(SHIPPED_DATA)
    assert len(parser.steps) >= 4
    for number, step in enumerate(parser.steps, start=1):
        assert f"({number}) {step.strip()}" in description


def test_data_text_is_escaped(tmp_path):
    data = broken_copy(tmp_path)
    path = data / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    stock = next(r for r in package["resources"] if r["name"] == "stock")
    stock["description"] += ' (7) <script>alert("x")</script> & <b>bold</b>'
    path.write_text(json.dumps(package), encoding="utf-8")
    page = methods_page(data, "es")
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert '<html lang="es">' in page
