"""Template helpers for records: figures in words, review permission, filter links."""

from django import template
from django.http import QueryDict
from django.urls import reverse

from dashboard import figures

register = template.Library()

register.filter("loss_phrase", figures.loss_phrase)
register.filter("pledge_phrase", figures.pledge_phrase)
register.filter("losses_in_words", figures.losses_in_words)
register.filter("pledges_in_words", figures.pledges_in_words)
register.filter("event_when", figures.event_when)
register.filter("country_name", figures.country_name)

# The permission an editor needs to review each kind of record (articles/roles.py).
REVIEW_PERMISSIONS = {
    "event": "articles.change_event",
    "loss": "articles.change_lossreport",
    "pledge": "articles.change_aidpledge",
}


@register.simple_tag(takes_context=True)
def can_review(context, kind: str) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return bool(user and kind in REVIEW_PERMISSIONS and user.has_perm(REVIEW_PERMISSIONS[kind]))


@register.simple_tag(takes_context=True)
def with_params(context, **changes) -> str:
    """The current query string with some parameters replaced ("" or None removes one); no cursor."""
    request = context["request"]
    params: QueryDict = request.GET.copy()
    params.pop("after", None)
    for name, value in changes.items():
        params.pop(name, None)
        if value not in ("", None):
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


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
    card = {"pk": pk, "dom_id": f"{kind}-{pk}", "reviewer": shared["reviewer"], "back": shared["back"]}
    card["history"] = shared["history"].replace(slot, pk)
    if shared["reviewer"]:
        for action in ("edit", "confirm", "reject", "restore"):
            card[action] = shared[action].replace(slot, pk)
    return card
