"""Accessible button groups (aria-pressed) backed by a store, instead of Dash's radio/check lists.

A group is a `dcc.Store(id=name)` holding the value (a string, or a list when `multi`) and one
button per option, id `{"group": name, "value": option}`. callbacks/controls.py keeps both in step.
"""

from __future__ import annotations

from collections.abc import Iterable

from dash import dcc, html

from dashboard.i18n import t


def button_group(
    name: str,
    options: list[tuple[str, str]],
    value: str | list[str] | None,
    label: str,
    multi: bool = False,
    class_name: str = "",
) -> html.Div:
    """A labelled group of toggle buttons; `options` are (value, label) pairs."""
    chosen = set(value or []) if multi else {value}
    buttons = [
        html.Button(
            text,
            id={"group": name, "value": option},
            type="button",
            className="toggle pressed" if option in chosen else "toggle",
            **{"aria-pressed": "true" if option in chosen else "false"},
        )
        for option, text in options
    ]
    return html.Div(
        [dcc.Store(id=name, data=value), *buttons],
        role="group",
        className=f"button-group {class_name}".strip(),
        **{"aria-label": label, "data-multi": "true" if multi else "false"},
    )


def choice_group(
    name: str, keys: Iterable[str], value: str, lang: str, prefix: str, label: str, class_name: str
) -> html.Div:
    """A one-choice `button_group` whose option `key` reads `t(f"{prefix}.{key}")`, labelled `t(label)`."""
    options = [(key, t(f"{prefix}.{key}", lang)) for key in keys]
    return button_group(name, options, value, t(label, lang), class_name=class_name)
