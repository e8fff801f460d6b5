"""The aid tracker in a browser: the money chart draws, the table shows each path, filters swap it in place."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import _article, _span
from tests.e2e.test_screenshots import OVERFLOW, VIEWPORTS

# The x axis's range in milliseconds, as drawn.
X_RANGE = "() => { const x = Chart.getChart(document.getElementById('chart-aid')).scales.x; return [x.min, x.max]; }"

# Pixels of the chart's canvas that are not transparent: a Chart.js chart that drew its lines.
DRAWN_PIXELS = """(canvas) => {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let drawn = 0;
  for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { drawn++; } }
  return drawn;
}"""


@pytest.fixture
def aid_records(war_records, editor):
    """war_records' pledges, plus the Leopards' delivery and a US package pledged, then delivered."""
    from articles.models import AidPledge, Event

    day = datetime.date
    delivered = "The first Leopard 2 tanks from Germany arrived in Ukraine, the defence ministry said."
    package = "The United States announced $2.5 billion in military aid for Ukraine."
    arrived = "The US said the $2.5 billion package had been delivered in full."
    article = _article(
        "Leopards arrive in Ukraine", "Der Spiegel", day(2023, 3, 28), [delivered, package, arrived], editor
    )
    leopards = {"donor": "DE", "item": "Leopard 2", "category": "tank", "quantity": 18}
    dollars = {"donor": "US", "category": "funding", "amount": Decimal(2_500_000_000), "currency": "USD"}
    for sentence, status, date, fields in (
        (delivered, "delivered", day(2023, 3, 27), leopards),
        (package, "pledged", None, dollars),
        (arrived, "delivered", day(2023, 9, 1), dollars),
    ):
        event = Event.objects.create(
            article=article,
            date=date,
            precision="day" if date else "",
            type="aid",
            summary=sentence,
            countries=[fields["donor"], "UA"],
            places=[],
            **_span(article, sentence),
        )
        AidPledge.objects.create(
            article=article, event=event, recipient="UA", status=status, date=date, **fields, **_span(article, sentence)
        )
    return war_records


def test_it_draws_the_money_chart_and_shows_each_path(editor_page, aid_records, screenshot):
    page = editor_page
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Aid").click()
    expect(page).to_have_url(re.compile(r"/aid/$"))
    expect(page.get_by_role("heading", name="Aid tracker", level=1)).to_be_visible()

    canvas = page.locator("#chart-aid")
    expect(canvas).to_be_visible()
    page.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('chart-aid'))")
    labels = page.evaluate("() => Chart.getChart(document.getElementById('chart-aid')).data.datasets.map(d => d.label)")
    assert labels == ["GB pledged", "GB delivered", "US pledged", "US delivered"]
    months = page.evaluate(
        "() => Chart.getChart(document.getElementById('chart-aid')).data.datasets[0].data.map(p => p.x)"
    )
    assert months[0] == "2023-03-01" and months[-1] == "2024-01-01" and len(months) == 11
    assert canvas.evaluate(DRAWN_PIXELS) > 1000
    # A time axis with zoom and pan, and its reset.
    assert page.evaluate("() => Chart.getChart(document.getElementById('chart-aid')).scales.x.type") == "time"
    before = page.evaluate(X_RANGE)
    page.evaluate("() => Chart.getChart(document.getElementById('chart-aid')).zoom(3)")
    zoomed = page.evaluate(X_RANGE)
    assert zoomed[1] - zoomed[0] < (before[1] - before[0]) / 2
    page.get_by_role("button", name="Reset zoom").click()
    page.wait_for_function(f"() => ({X_RANGE})()[1] - ({X_RANGE})()[0] >= {before[1] - before[0]}")
    assert page.evaluate(X_RANGE) == before

    leopards = page.locator("tr.aid-row", has_text="Leopard 2")
    expect(leopards.locator("td.step-pledged")).to_contain_text("2023-01-25")
    expect(leopards.locator("td.step-pledged")).to_contain_text("1 report: Reuters")
    expect(leopards.locator("td.step-delivered")).to_contain_text("2023-03-27")
    expect(leopards.locator("td.step-delivered")).to_contain_text("× 18")
    money = page.locator("tr.aid-row", has_text="Funding: USD 2,500,000,000")
    expect(money.locator("td.step-pledged")).to_contain_text("reported 2023-03-28")
    expect(money.locator("td.aid-amount")).to_contain_text("€")
    totals = page.locator("table.aid-totals tbody tr")
    expect(totals).to_have_count(2)
    expect(totals.first).to_contain_text("GB")
    screenshot(page, "aid-tracker")

    # A filter swaps the tracker in place and keeps the address.
    page.get_by_label("Path reached").select_option("delivered")
    expect(page.locator("tr.aid-row")).to_have_count(2)
    expect(page).to_have_url(re.compile(r"/aid/\?(.+&)?step=delivered"))
    page.wait_for_function("() => Chart.getChart(document.getElementById('chart-aid'))")

    # The source link opens the record, which links its sentence in the article.
    page.locator("tr.aid-row", has_text="Leopard 2").locator("td.step-delivered a").click()
    expect(page.get_by_text("DE → UA: 18 Leopard 2, delivered")).to_be_visible()
    expect(page.get_by_role("link", name="Leopards arrive in Ukraine")).to_have_attribute("href", re.compile(r"#s-"))


def test_it_fits_the_tracker_on_a_phone(editor_page, aid_records):
    page = editor_page
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto("/aid/")
    expect(page.locator("tr.aid-row")).to_have_count(4)
    page.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('chart-aid'))")
    assert page.evaluate(OVERFLOW) == 0, "the page scrolls sideways: the table must scroll in its own box"
