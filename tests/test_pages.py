"""tests.pages: the structure reader the page tests use."""

import pytest

from tests.pages import find, find_all, parse_page

PAGE = """<!doctype html><html><body>
<div id="status" class="article-status status-failed" hx-trigger="every 2s">
  <span class="badge">Failed</span> Broken <em>badly</em>.
  <form method="post" action="/retry/"><input type="hidden" name="next" value="/a/">
    <button type="submit">Retry</button></form>
</div>
<p>A <mark id="s-3">marked &amp; escaped</mark> part<br>and the rest.</p>
</body></html>"""


def test_it_finds_elements_by_tag_id_class_and_hyphenated_attributes():
    assert find(PAGE, id="status").tag == "div"
    assert find(PAGE, "div", class_="status-failed", hx_trigger="every 2s").attrs["id"] == "status"
    assert find_all(PAGE, "div", class_="status-done") == []


def test_it_reads_the_text_inside_an_element_as_a_reader_sees_it():
    assert find(PAGE, id="status").text == "Failed Broken badly. Retry"
    assert find(PAGE, "mark", id="s-3").text == "marked & escaped"
    assert find(PAGE, "p").text == "A marked & escaped part and the rest."
    assert find(PAGE, "form", action="/retry/").text == "Retry"


def test_it_refuses_to_pick_one_of_several():
    with pytest.raises(AssertionError, match="2 <"):
        find(PAGE + PAGE, "mark")


def test_a_tree_reads_below_an_element_and_matches_any_value_with_true():
    status = parse_page(PAGE).one("div", cls="article-status")
    assert [element.tag for element in status.select(type=True)] == ["input", "button"]
    assert status.one("button").text == "Retry"
    assert parse_page(PAGE.encode()).one("mark").get("id") == "s-3"
