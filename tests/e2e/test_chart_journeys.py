"""The charts in a browser: a bar opens exactly its records, the tables, zoom and its reset."""

import re

from playwright.sync_api import expect

# The middle of one bar of a chart, from Chart.js's own layout of it.
BAR_CENTRE = """([canvasId, datasetIndex, index]) => {
  const chart = Chart.getChart(document.getElementById(canvasId));
  const element = chart && chart.getDatasetMeta(datasetIndex).data[index];
  return element ? {x: element.x, y: (element.y + element.base) / 2} : null;
}"""

X_RANGE = "(id) => { const x = Chart.getChart(document.getElementById(id)).scales.x; return [x.min, x.max]; }"


def test_a_loss_bar_opens_the_records_of_its_day_claimant_and_category(editor_page, war_records):
    page = editor_page
    page.goto("/charts/")
    centre = page.wait_for_function(BAR_CENTRE, arg=["chart-losses", 0, 0]).json_value()
    page.locator("canvas#chart-losses").click(position=centre)
    expect(page).to_have_url(re.compile(r"/records/losses/\?.*day=2023-03-09"))
    records = page.locator("#records-list li.chart-record")
    expect(records).to_have_count(1)
    expect(records).to_contain_text("1,100 Russian soldiers were killed near Bakhmut")
    expect(page.get_by_role("link", name="Fighting rages around Bakhmut")).to_be_visible()


def test_the_numbers_of_each_chart_are_a_table_beside_it(editor_page, war_records):
    page = editor_page
    page.goto("/charts/?side=RU&group=equipment")
    losses = page.locator("section[aria-labelledby=losses-title]")
    losses.get_by_text("The numbers as a table").click()
    table = losses.get_by_role("table", name=re.compile("Losses of RU by day"))
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(2)
    cell = table.get_by_role("link", name="47")
    cell.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/records/losses/\?.*kind=incident"))
    expect(page.locator("#records-list li.chart-record")).to_contain_text("lost 47 tanks")


def test_zoom_and_its_reset_on_the_time_axis(editor_page, war_records):
    page = editor_page
    page.goto("/charts/")
    page.wait_for_function("() => Chart.getChart(document.getElementById('chart-weekly'))")
    before = page.evaluate(X_RANGE, "chart-weekly")
    # A time axis: the weeks are placed by their dates, with the gaps between them kept.
    assert page.evaluate("() => Chart.getChart(document.getElementById('chart-weekly')).scales.x.type") == "time"
    page.evaluate("() => Chart.getChart(document.getElementById('chart-weekly')).zoom(4)")
    zoomed = page.evaluate(X_RANGE, "chart-weekly")
    assert zoomed[1] - zoomed[0] < (before[1] - before[0]) / 2
    page.locator("section[aria-labelledby=weekly-title]").get_by_role("button", name="Reset zoom").click()
    page.wait_for_function(
        f"() => ({X_RANGE})('chart-weekly')[1] - ({X_RANGE})('chart-weekly')[0] >= {before[1] - before[0]}"
    )
    assert page.evaluate(X_RANGE, "chart-weekly") == before
