"""The filter form's choice fields as HTML, written in one pass.

Django's widgets render each option through two templates (the option and its
attributes): the timeline's filter form (69 countries, ten types, the review and
order lists) took a third of the page's rendering that way. These tags write the
same markup as SelectMultiple, Select and CheckboxSelectMultiple for the choices,
and take the selection from the widget itself, so a field selects as it would.
"""

from collections.abc import Iterable
from typing import cast

from django import template
from django.forms import BoundField, ChoiceField
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

register = template.Library()


def _choices(field: BoundField) -> list[tuple[str, object, bool]]:
    """(value, label, chosen) for each choice; a single choice selects its first match only."""
    assert isinstance(field.field, ChoiceField), field.name
    widget = field.field.widget
    selected = set(widget.format_value(field.value()))
    multiple = widget.allow_multiple_selected
    rows = []
    # The field normalises its choices (a callable's too) into a list of pairs; the stubs type the setter's input.
    for value, label in cast(Iterable[tuple[object, object]], field.field.choices):
        chosen = str(value) in selected
        if chosen and not multiple:
            selected = set()
        rows.append((str(value), label, chosen))
    return rows


@register.simple_tag
def options(field: BoundField) -> SafeString:
    """A <select>'s options: `<select ...>{% options form.country %}</select>`."""
    return format_html_join(
        "\n",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if chosen else "", label) for value, label, chosen in _choices(field)),
    )


@register.simple_tag
def checkboxes(field: BoundField, lowercase: bool = False) -> SafeString:
    """One labelled checkbox per choice, with the ids CheckboxSelectMultiple gives (`id_type_0`, ...)."""
    return format_html_join(
        "",
        '<label class="check"><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> {}</label>',
        (
            (
                field.html_name,
                value,
                field.auto_id,
                index,
                " checked" if chosen else "",
                str(label).lower() if lowercase else label,
            )
            for index, (value, label, chosen) in enumerate(_choices(field))
        ),
    )


@register.simple_tag
def datalist_options(names: list[str]) -> SafeString:
    """A <datalist>'s suggestions (500 place names on the timeline) in one join rather than a loop."""
    return format_html_join("", '<option value="{}">', ((name,) for name in names))
