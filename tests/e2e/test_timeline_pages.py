"""The timeline in the browser beyond the first page, and on a phone."""

import datetime
import hashlib

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


def _many_events(editor, count: int) -> None:
    from articles.models import Article, Event

    sentence = "Russian forces shelled Kherson overnight, the regional governor said."
    article = Article.objects.create(
        title="A month of shelling",
        outlet="Reuters",
        published=datetime.date(2024, 2, 1),
        raw=sentence.encode(),
        sha256=hashlib.sha256(sentence.encode()).hexdigest(),
        text=sentence,
        status=Article.Status.DONE,
        uploaded_by=editor,
    )
    for day in range(count):
        Event.objects.create(
            article=article,
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=day),
            precision="day",
            type="strike",
            summary=sentence,
            places=["Kherson"],
            countries=["RU", "UA"],
            span_start=0,
            span_end=len(sentence),
        )


def test_it_loads_more_events_from_the_keyboard_and_moves_focus_to_them(editor_page, editor, transactional_db):
    page = editor_page
    _many_events(editor, 30)
    page.goto("/?view=reports")
    expect(page.locator("#timeline-count")).to_have_text("30 events")
    cards = page.locator(".event-card")
    expect(cards).to_have_count(25)
    more = page.get_by_role("link", name="Load more events")
    more.focus()
    page.keyboard.press("Enter")
    expect(cards).to_have_count(30)
    expect(more).to_have_count(0)
    # The 26th event (2024-01-05, the oldest being 2024-01-01) has the keyboard, and no day was repeated.
    expect(cards.nth(25)).to_be_focused()
    expect(cards.nth(25)).to_contain_text("2024-01-05")
    expect(page.locator("#timeline-list")).not_to_contain_text("More events")
    assert page.url.endswith("/?view=reports")


def test_it_folds_the_filters_away_on_a_phone(page, editor, log_in, transactional_db):
    _many_events(editor, 3)
    page.set_viewport_size(PHONE)
    log_in(page, "editor")
    page.goto("/?view=reports")
    expect(page.locator("#timeline-count")).to_have_text("3 events")
    # The results are on the first screen; the filters wait under their summary.
    expect(page.locator(".event-card").first).to_be_in_viewport()
    expect(page.get_by_label("From")).to_be_hidden()
    page.get_by_text("Filters", exact=True).click()
    expect(page.get_by_label("From")).to_be_visible()
    page.get_by_label("From").fill("2024-01-02")
    page.get_by_label("From").press("Enter")
    expect(page.locator("#timeline-count")).to_have_text("2 events matching the filters")
