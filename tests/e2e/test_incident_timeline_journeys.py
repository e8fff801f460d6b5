"""The timeline by incident in a browser: a card per happening that expands, from the keyboard, to its reports.

It also takes the README's screenshot of the incident timeline (docs/screenshots/incident-timeline.png
is a copy of tests/output/screenshots/incident-timeline.png).
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import _article, _span

BRITISH = "British intelligence estimated that about 800 Russian soldiers were killed around Bakhmut in the past day."


@pytest.fixture
def bakhmut_told_twice(war_records, editor):
    """war_records, and a second article on the Bakhmut fighting of 2023-03-09 whose figure is Britain's."""
    from articles.incidents import group_all
    from articles.models import Event, LossReport

    article = _article("Britain's estimate of Bakhmut losses", "BBC", datetime.date(2023, 3, 10), [BRITISH], editor)
    event = Event.objects.create(
        article=article,
        date=datetime.date(2023, 3, 9),
        precision="day",
        type="battle",
        summary=BRITISH,
        places=["Bakhmut"],
        countries=["RU", "GB"],
        **_span(article, BRITISH),
    )
    LossReport.objects.create(
        article=article,
        event=event,
        side="RU",
        category="personnel_killed",
        min=800,
        max=800,
        period="day",
        date=event.date,
        place="Bakhmut",
        reported_by="GB",
        **_span(article, BRITISH),
    )
    group_all()
    return Event.objects.get(pk=event.pk).incident_id


def test_it_expands_an_incident_card_to_its_reports(editor_page, bakhmut_told_twice, screenshot):
    page = editor_page
    page.goto("/")
    expect(page.locator("#timeline-count")).to_have_text("6 incidents")
    card = page.locator(f"#incident-{bakhmut_told_twice}")
    expect(card.locator(".incident-sources")).to_have_text("Reported by 2 sources: Kyiv Independent, BBC")
    expect(card.get_by_role("list", name="Figures reported")).to_have_text(
        "RU soldiers killed (past day): 800 per GB; 1,100 per UA"
    )
    reports = card.locator(".incident-report")
    expect(reports.first).to_be_hidden()

    # From the keyboard: the summary is a control of its own.
    card.get_by_text("Show the 2 reports").focus()
    page.keyboard.press("Enter")
    expect(reports).to_have_count(2)
    expect(reports.nth(0)).to_be_visible()
    expect(reports.nth(0)).to_contain_text("1,100 Russian soldiers were killed near Bakhmut")
    expect(reports.nth(1)).to_contain_text(BRITISH)
    expect(reports.nth(1).get_by_role("link", name="Britain's estimate of Bakhmut losses")).to_have_attribute(
        "href", re.compile(r"^/articles/\d+/#s-0$")
    )
    page.evaluate("window.scrollTo(0, 0)")  # the sticky day headings stay over their own day
    screenshot(page, "incident-timeline")

    card.get_by_role("link", name=f"Open incident {bakhmut_told_twice}").click()
    expect(page).to_have_url(re.compile(rf"/incidents/{bakhmut_told_twice}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Incident {bakhmut_told_twice}: Battle")


def test_it_switches_to_the_reports_one_by_one_keeping_the_filters(editor_page, bakhmut_told_twice):
    page = editor_page
    page.goto("/?place=Bakhmut")
    expect(page.locator("#timeline-count")).to_have_text("1 incident with a report matching the filters")
    page.get_by_role("navigation", name="Show the timeline").get_by_role("link", name="Report by report").click()
    expect(page).to_have_url(re.compile(r"/\?place=Bakhmut&view=reports$"))
    expect(page.locator("#timeline-count")).to_have_text("2 events matching the filters")
    expect(page.locator(".event-card")).to_have_count(2)
