"""The rows of the tables under the charts, each number linked to the records behind it.

Written as strings rather than template loops: a table has hundreds of rows of linked
cells, and Django's template engine (then format_html, then django.utils.html.escape with
its lazy wrapper) took a tenth of a second per page to render them (profiled at 200,000
events); every value is escaped here with the standard library's html.escape instead.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

NONE = "—"


# Chart options are codes, ISO days and [a-z_] choices: nothing to quote but what is not.
URL_SAFE = re.compile(r"[A-Za-z0-9_.-]*")


def _value(value: str) -> str:
    return value if URL_SAFE.fullmatch(value) else quote(value, safe="")


def _href(base: str, options: dict) -> str:
    """The records page of one cell: `base` (already encoded, the page's filters and the
    chart's options) and the cell's own options; HTML-escaped, ready for an attribute."""
    pairs = "&".join(
        f"{name}={_value(str(one))}"
        for name, value in options.items()
        for one in (value if isinstance(value, list) else [value])
        if one not in ("", None)
    )
    return escape(f"{base}{'&' if '?' in base else '?'}{pairs}")


def _cell(value, href: str | None) -> str:
    if value is None or not href:
        return f'<td class="number">{NONE}</td>'
    return f'<td class="number"><a href="{href}">{_number(value)}</a></td>'


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else escape(str(value))


@register.simple_tag
def loss_table_rows(losses: dict) -> SafeString:
    """Day, kind, category, then each claimant's figure: side by side, never added."""
    rows = []
    for row in losses["table"]["rows"]:
        options = {"day": row["day"], "kind": row["kind"], "category": row["categories"]}
        cells = "".join(
            _cell(cell["figure"], _href(losses["records"], {**options, "claimant": cell["claimant"]}))
            for cell in row["figures"]
        )
        day = escape(row["day"])
        rows.append(
            f'<tr><th scope="row"><time datetime="{day}">{day}</time></th>'
            f"<td>{escape(row['kind_words'])}</td><td>{escape(row['category'])}</td>{cells}</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value escaped above


@register.simple_tag
def donor_table_rows(part: dict, records: str) -> SafeString:
    """A donor per row: each stack's amount, then the pledges named without a number."""
    rows = []
    unnumbered = part["unnumbered"]
    for i, donor in enumerate(part["labels"]):
        cells = "".join(
            _cell(dataset["data"][i], _href(records, {**dataset["bar"], "donor": donor}))
            for dataset in part["datasets"]
        )
        marker = _cell(unnumbered["data"][i] or None, _href(records, {**unnumbered["bar"], "donor": donor}))
        rows.append(f'<tr><th scope="row">{escape(donor)}</th>{cells}{marker}</tr>')
    return mark_safe("\n".join(rows))  # noqa: S308 - every value escaped above


@register.simple_tag
def weekly_table_rows(weekly: dict) -> SafeString:
    """A week per row, the incidents of each type; each number opens the timeline at them."""
    rows = []
    for row in weekly["table"]:
        cells = "".join(_cell(cell["value"], cell["link"] and escape(cell["link"])) for cell in row["cells"])
        week = escape(row["week"])
        rows.append(f'<tr><th scope="row"><time datetime="{week}">{week}</time></th>{cells}</tr>')
    return mark_safe("\n".join(rows))  # noqa: S308 - every value escaped above
