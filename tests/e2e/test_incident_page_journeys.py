"""The incident page in a browser: an editor merges two incidents and splits a report out again."""

import datetime

import pytest
from playwright.sync_api import expect

DAY = datetime.date(2024, 5, 17)
FRIDAY = "Russian missiles struck Kharkiv on Friday, killing three people."
MONDAY = "Russia struck Kharkiv again on Monday, the governor said."


@pytest.fixture
def two_incidents(transactional_db, editor):
    """Two strikes on Kharkiv three days apart, from two outlets: two incidents."""
    from django.db import transaction

    from articles import incidents
    from articles.models import Event
    from tests.e2e.conftest import _article, _span

    events = []
    for sentence, outlet, date in ((FRIDAY, "Reuters", DAY), (MONDAY, "Ukrinform", DAY.replace(day=20))):
        article = _article(sentence, outlet, date, [sentence], editor)
        events.append(
            Event.objects.create(
                article=article,
                date=date,
                precision="day",
                type="strike",
                summary=sentence,
                places=["Kharkiv"],
                **_span(article, sentence),
            )
        )
        with transaction.atomic():
            incidents.group_article(article)
    for event in events:
        event.refresh_from_db()
    assert events[0].incident_id != events[1].incident_id
    return [event.incident_id for event in events]


def test_an_editor_merges_two_incidents_and_splits_a_report_out(editor_page, two_incidents, screenshot):
    page = editor_page
    friday, monday = two_incidents
    page.goto(f"/incidents/{friday}/")
    reports = page.get_by_role("region", name="Reports").get_by_role("listitem")
    expect(reports).to_have_count(1)

    page.get_by_label("Merge with incident number").fill(str(monday))
    page.get_by_role("button", name="Merge", exact=True).click()

    expect(page.locator(".messages")).to_contain_text(f"Incidents {friday} and {monday} merged.")
    expect(reports).to_have_count(2)
    expect(reports.filter(has_text=MONDAY)).to_contain_text("Ukrinform")
    screenshot(page, "incident")

    reports.filter(has_text=MONDAY).get_by_role("button", name="Split this report out").click()
    expect(page.locator(".messages")).to_contain_text("kept apart")
    expect(reports).to_have_count(1)


def test_a_viewer_reads_the_incident_without_its_forms(viewer_page, two_incidents):
    page = viewer_page
    page.goto(f"/incidents/{two_incidents[0]}/")
    expect(page.get_by_role("region", name="Reports")).to_contain_text(FRIDAY)
    expect(page.get_by_role("button", name="Merge", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Split this report out")).to_have_count(0)
