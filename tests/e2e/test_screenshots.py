"""Screenshots of the timeline and the charts for the README, on a desktop and on a phone.

They land in tests/output/screenshots/ (git ignores it); the README's copies live in docs/.
On a phone the pages must fit the screen's width: nothing may scroll sideways.
"""

import pytest
from playwright.sync_api import expect

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# The page is wider than the viewport when something overflows sideways.
OVERFLOW = "() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"


def wait_for_charts(page) -> None:
    page.wait_for_function(
        "() => [...document.querySelectorAll('canvas')].every((c) => window.Chart && Chart.getChart(c)"
        " && !Chart.getChart(c).animating)"
    )


@pytest.mark.parametrize("device", VIEWPORTS)
def test_it_takes_screenshots_of_the_timeline_and_the_charts(editor_page, war_records, screenshot, device):
    page = editor_page
    page.set_viewport_size(VIEWPORTS[device])

    page.goto("/?view=reports")
    expect(page.locator("#timeline-count")).to_have_text("6 events")
    screenshot(page, f"timeline-{device}")
    timeline_overflow = page.evaluate(OVERFLOW)

    page.goto("/charts/")
    expect(page.locator("canvas").first).to_be_visible()
    wait_for_charts(page)
    screenshot(page, f"charts-{device}")
    charts_overflow = page.evaluate(OVERFLOW)

    assert (timeline_overflow, charts_overflow) == (0, 0), "the pages scroll sideways by this many pixels"
