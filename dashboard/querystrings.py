"""The one builder of query strings for links that keep the page's filters.

Every link that carries the analyst's filters on (the address htmx pushes, the
"load more" link, the export and chart links, the timeline links of a chart's
bars, the "show all articles" link) is built here, so they agree on what they
leave out: empty fields (the form sends every field), and the page cursor
`after`, which belongs to one page of one list.

Django's {% querystring %} tag is not used: it keeps empty fields and the cursor,
and answers "?" for no parameters, where these links have none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.http import QueryDict

# One value, several (a list), or nothing: "" and None remove the parameter.
Change = str | int | list[str] | None


def filter_query(
    params: QueryDict | Iterable[tuple[str, str]],
    drop: Iterable[str] = (),
    changes: Mapping[str, Change] | None = None,
) -> str:
    """ "?name=value&..." from `params` less empty values, the cursor and the names in `drop`,
    with `changes` applied last; "" when nothing is left."""
    pairs = params.lists() if isinstance(params, QueryDict) else ((name, [value]) for name, value in params)
    left_out = {"after", *drop, *(changes or {})}
    query = QueryDict(mutable=True)
    for name, kept in pairs:
        if name not in left_out:
            for value in kept:
                if value != "":
                    query.appendlist(name, value)
    for name, change in (changes or {}).items():
        given: list[str | int | None] = list(change) if isinstance(change, list) else [change]
        for new in given:
            if new not in ("", None):
                query.appendlist(name, str(new))
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""
