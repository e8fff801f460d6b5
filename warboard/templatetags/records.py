"""Template helpers for records: figures in words, review permission, filter links."""

from django import template
from django.http import QueryDict

from warboard import figures

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
