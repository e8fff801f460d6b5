"""Report dates in the browser: an editor sets an article's publication date, and its undated event moves."""

import datetime
import hashlib

from playwright.sync_api import expect

from articles.incidents import group_all


def _article_with_an_undated_event(editor):
    from articles.models import Article, Event

    sentence = "Germany will send more air defence systems, the chancellor said."
    article = Article.objects.create(
        title="Berlin promises more air defence",
        outlet="DW",
        published=datetime.date(2024, 3, 5),
        published_source=Article.PublishedSource.TEXT,
        raw=sentence.encode(),
        sha256=hashlib.sha256(sentence.encode()).hexdigest(),
        text=sentence,
        status=Article.Status.DONE,
        uploaded_by=editor,
    )
    Event.objects.create(
        article=article, type="aid", summary=sentence, countries=["DE"], span_start=0, span_end=len(sentence)
    )
    group_all()  # as after processing: the timeline shows incidents
    return article


def test_an_editor_moves_an_undated_event_by_setting_the_publication_date(editor_page, editor, transactional_db):
    page = editor_page
    article = _article_with_an_undated_event(editor)
    page.goto("/?from=2024-03-01&to=2024-03-10")
    expect(page.locator(".day-heading--reported")).to_have_text("Reported on 2024-03-05 no day in the text")
    expect(page.locator(".incident-card time.when--reported")).to_have_text("reported 2024-03-05")
    page.goto("/?from=2024-03-01&to=2024-03-10&dated=stated")
    expect(page.locator(".incident-card")).to_have_count(0)

    page.goto(f"/articles/{article.pk}/")
    field = page.get_by_label("Change the publication date")
    field.fill("2024-03-12")
    page.get_by_role("button", name="Save date").click()
    expect(page.locator(".messages")).to_contain_text("Publication date set to 2024-03-12")
    page.goto("/?from=2024-03-11")
    expect(page.locator(".incident-card time.when--reported")).to_have_text("reported 2024-03-12")
