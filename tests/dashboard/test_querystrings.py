"""The one builder of query strings for links that keep the filters."""

from django.http import QueryDict
from django.template import Context, Template
from django.test import RequestFactory

from dashboard.querystrings import filter_query


def test_it_leaves_out_empty_fields_and_the_page_cursor():
    query = QueryDict("q=tank&from=&country=UA&country=PL&after=2024-01-05.7&order=")
    assert filter_query(query) == "?q=tank&country=UA&country=PL"


def test_it_answers_nothing_rather_than_a_bare_question_mark():
    assert filter_query(QueryDict("from=&after=none.3")) == ""
    assert filter_query([]) == ""


def test_it_drops_names_and_applies_changes_last():
    pairs = [("from", "2024-01-01"), ("side", "RU"), ("country", "UA"), ("type", "")]
    changes = {"country": ["PL", "DE"], "to": "2024-01-31", "place": "", "article": None}
    assert filter_query(pairs, drop=("side",), changes=changes) == (
        "?from=2024-01-01&country=PL&country=DE&to=2024-01-31"
    )


def test_it_sets_the_cursor_when_asked():
    assert filter_query(QueryDict("q=x&after=old"), changes={"after": "new"}) == "?q=x&after=new"


def test_it_is_what_the_with_params_tag_renders():
    request = RequestFactory().get("/", {"article": "4", "q": "tank", "from": "", "after": "none.3"})
    html = Template("{% load records %}{% with_params article='' %}|{% with_params q='drone' %}").render(
        Context({"request": request})
    )
    assert html == "?q=tank|?article=4&amp;q=drone"
