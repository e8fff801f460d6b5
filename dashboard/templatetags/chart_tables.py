"""The rows of the tables under the charts, each number linked to the records behind it.

Written with format_html rather than template loops: a table has hundreds of rows of
linked cells, and Django's template engine took a tenth of a second per page to render
them (profiled at 200,000 events); joining format_html strings takes a few milliseconds.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

NONE = "—"


def _href(base: str, options: dict) -> str:
    pairs = [
        (name, one)
        for name, value in options.items()
        for one in (value if isinstance(value, list) else [value])
        if one not in ("", None)
    ]
    return f"{base}{'&' if '?' in base else '?'}{urlencode(pairs)}"


def _cell(value, href: str | None) -> SafeString:
    if value is None or not href:
        return format_html('<td class="number">{}</td>', NONE)
    return format_html('<td class="number"><a href="{}">{}</a></td>', href, _number(value))


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


@register.simple_tag
def loss_table_rows(losses: dict) -> SafeString:
    """Day, kind, category, then each claimant's figure: side by side, never added."""
    rows = []
    for row in losses["table"]["rows"]:
        options = {"day": row["day"], "kind": row["kind"], "category": row["categories"]}
        cells = [
            _cell(cell["figure"], _href(losses["records"], {**options, "claimant": cell["claimant"]}))
            for cell in row["figures"]
        ]
        rows.append(
            format_html(
                '<tr><th scope="row"><time datetime="{}">{}</time></th><td>{}</td><td>{}</td>{}</tr>',
                row["day"],
                row["day"],
                row["kind_words"],
                row["category"],
                mark_safe("".join(cells)),  # noqa: S308 - each cell built by format_html
            )
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - each row built by format_html


@register.simple_tag
def donor_table_rows(part: dict, records: str) -> SafeString:
    """A donor per row: each stack's amount, then the pledges named without a number."""
    rows = []
    for row in part["table"]:
        cells = [_cell(cell["value"], _href(records, {**cell["bar"], "donor": row["donor"]})) for cell in row["cells"]]
        unnumbered = row["unnumbered"] or None
        cells.append(_cell(unnumbered, _href(records, {**part["unnumbered"]["bar"], "donor": row["donor"]})))
        rows.append(
            format_html(
                '<tr><th scope="row">{}</th>{}</tr>',
                row["donor"],
                mark_safe("".join(cells)),  # noqa: S308 - each cell built by format_html
            )
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - each row built by format_html


@register.simple_tag
def weekly_table_rows(weekly: dict) -> SafeString:
    """A week per row, the incidents of each type; each number opens the timeline at them."""
    return format_html_join(
        "\n",
        '<tr><th scope="row"><time datetime="{}">{}</time></th>{}</tr>',
        (
            (
                row["week"],
                row["week"],
                mark_safe("".join(_cell(cell["value"], cell["link"]) for cell in row["cells"])),  # noqa: S308
            )
            for row in weekly["table"]
        ),
    )
