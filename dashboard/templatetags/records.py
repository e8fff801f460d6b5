"""Template helpers for records: figures in words, review permission, filter links."""

from django import template
from django.urls import reverse
from django.utils.timezone import localtime

from articles import vocabulary
from articles.models import ReviewState
from dashboard import figures
from dashboard.kinds import KINDS, RecordKind
from dashboard.querystrings import filter_query

register = template.Library()

register.filter("loss_phrase", figures.loss_phrase)
register.filter("pledge_phrase", figures.pledge_phrase)
register.filter("losses_in_words", figures.losses_in_words)
register.filter("pledges_in_words", figures.pledges_in_words)
register.filter("event_when", figures.event_when)
register.filter("country_name", figures.country_name)


@register.simple_tag
def record_kinds() -> list[RecordKind]:
    """The kinds of record (dashboard.kinds), for a link or a control per kind."""
    return list(KINDS.values())


@register.simple_tag(takes_context=True)
def can_review(context, kind: str) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return bool(user and kind in KINDS and user.has_perm(KINDS[kind].permission))


@register.simple_tag(takes_context=True)
def with_params(context, **changes) -> str:
    """The page's filters with some parameters replaced ("" or None removes one); see filter_query."""
    return filter_query(context["request"].GET, changes=changes)


@register.simple_tag(takes_context=True)
def return_path(context) -> str:
    """Where a review form without JavaScript goes back to: the page the analyst is on."""
    request = context["request"]
    htmx = getattr(request, "htmx", None)
    if htmx and htmx.current_url_abs_path:
        return htmx.current_url_abs_path
    return request.get_full_path()


# A pk no real record has, reversed once per page and replaced by each card's own.
_PK_SLOT = 987654321


@register.simple_tag(takes_context=True)
def record_card(context, kind: str, record) -> dict[str, object]:
    """What one record's card needs besides the record: its DOM id, its review links, whether the
    viewer may review it and where a form goes back to. A page of an article shows hundreds of
    cards: the links are reversed and the permission read once per page, not once per card."""
    # Kept on the request: each {% include %} renders with a render context of its own.
    request = context.get("request")
    page = getattr(request, "_record_cards", None)
    if page is None:
        page = {}
        if request is not None:
            request._record_cards = page
    if kind not in page:
        page[kind] = {
            "reviewer": can_review(context, kind),
            "back": return_path(context),
            **{
                action: reverse(f"review_{action}", args=[kind, _PK_SLOT])
                for action in ("history", "edit", "confirm", "reject", "restore")
            },
        }
    shared = page[kind]
    pk = str(record.pk)
    slot = str(_PK_SLOT)
    card = {
        "pk": pk,
        "dom_id": f"{kind}-{pk}",
        "label": KINDS[kind].label,
        "reviewer": shared["reviewer"],
        "back": shared["back"],
    }
    card["history"] = shared["history"].replace(slot, pk)
    if shared["reviewer"]:
        for action in ("edit", "confirm", "reject", "restore"):
            card[action] = shared[action].replace(slot, pk)
    card.update(_shown(kind, record))
    return card


# Labels read from dicts: get_FOO_display() rebuilds the field's choices on every call.
TYPE_LABELS = vocabulary.EVENT_TYPE_LABELS
PRECISION_LABELS = {value: label.lower() for value, label in vocabulary.PRECISION_LABELS.items()}
REVIEW_LABELS = {**dict(ReviewState.choices), ReviewState.MACHINE: "Not reviewed"}


def _shown(kind: str, record) -> dict[str, object]:
    """What the card shows of the record, as text: an article's page shows hundreds of cards, and the
    `date` filter and get_FOO_display() cost more than the rest of a card's rendering together."""
    date = record.date
    shown: dict[str, object] = {
        "iso_date": date.isoformat() if date else "",
        "state_label": REVIEW_LABELS.get(record.review_state, record.review_state),
        "reviewed_at": "",
    }
    if record.reviewed_at:
        at = localtime(record.reviewed_at)
        shown["reviewed_by"] = record.reviewed_by.get_username() if record.reviewed_by else ""
        shown["reviewed_at"] = at.isoformat()
        shown["reviewed_at_text"] = at.strftime("%Y-%m-%d %H:%M")
    if kind == "event":
        type_label = TYPE_LABELS.get(record.type, record.type)
        shown["type_label"] = type_label
        shown["name"] = f"{type_label} event"
        shown["when"] = figures.event_when(record)
        if record.is_placed:
            # No day in its text: it stands at its article's publication date, and says so.
            shown["when"] = f"reported {record.placed_on.isoformat()}"
            shown["iso_date"] = record.placed_on.isoformat()
            shown["reported"] = True
        precision = record.precision
        shown["precision_label"] = "" if precision == "day" else PRECISION_LABELS.get(precision, precision.lower())
        shown["countries"] = [(code, figures.country_name(code)) for code in record.countries]
    else:
        shown["name"] = KINDS[kind].label
        shown["phrase"] = figures.loss_phrase(record) if kind == "loss" else figures.pledge_phrase(record)
    return shown
