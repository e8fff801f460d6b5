"""What analysts do in the browser, one journey per test.

The upload journey runs the real ingestion (form, background task, extraction,
htmx polling). The other journeys read the records of the `war_records` fixture,
written straight to the database, so they test the pages and not the extractor.
"""

import csv
import re
from pathlib import Path

from playwright.sync_api import expect

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "seed-000.txt"
EVENT_LABEL = re.compile(r" event \d+$")


def test_it_logs_in_through_the_login_form_and_out_again(page, editor):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))

    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_be_visible()

    page.get_by_label("Password").fill("editor-password-1")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", name="Timeline", level=1)).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("editor")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_it_narrows_the_timeline_by_country_and_dates_and_goes_back(editor_page, war_records):
    page = editor_page
    page.goto("/?view=reports")
    count = page.locator("#timeline-count")
    expect(count).to_have_text("6 events")

    page.get_by_label("Countries").select_option("RU")
    expect(page).to_have_url(re.compile(r"\?.*country=RU"))
    expect(count).to_have_text("3 events matching the filters")

    page.get_by_label("From").fill("2024-01-01")
    page.get_by_label("From").press("Enter")  # a typed date is sent when the analyst presses Enter or leaves the field
    expect(page).to_have_url(re.compile(r"from=2024-01-01"))
    expect(count).to_have_text("2 events matching the filters")

    page.get_by_label("To").fill("2024-02-29")
    page.get_by_label("To").press("Tab")
    expect(page).to_have_url(re.compile(r"to=2024-02-29"))
    expect(count).to_have_text("1 event matching the filters")
    # Screen readers hear the new count from a status line that stays in place.
    expect(page.get_by_role("status").filter(has_text="event")).to_have_text("1 event matching the filters")
    timeline = page.locator("#timeline-list")
    expect(timeline).to_contain_text("withdrew from Avdiivka")
    expect(timeline).not_to_contain_text("Odesa")
    expect(timeline).not_to_contain_text("Bakhmut")

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"to=\d"))
    expect(page).to_have_url(re.compile(r"from=2024-01-01"))
    expect(count).to_have_text("2 events matching the filters")
    expect(page.locator("#timeline-list")).to_contain_text("Odesa")
    expect(page.get_by_label("To")).to_have_value("")

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"from=\d"))
    expect(count).to_have_text("3 events matching the filters")
    expect(page.locator("#timeline-list")).to_contain_text("Bakhmut")


# For each canvas: whether Chart.js drew it, how many non-zero values its datasets hold
# (numbers, or the value/y/r of point objects) and how many of its pixels are painted.
CHART_STATE = """
() => [...document.querySelectorAll("canvas")].map((canvas) => {
  const chart = window.Chart && Chart.getChart(canvas);
  const values = chart ? chart.data.datasets.flatMap((dataset) => dataset.data.map((point) =>
    typeof point === "number" ? point : point == null ? 0 : (point.value ?? point.y ?? point.r ?? 0))) : [];
  const context = canvas.getContext("2d");
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
  return {id: canvas.id, chart: Boolean(chart), datasets: chart ? chart.data.datasets.length : 0,
          nonzero: values.filter((value) => Number(value) !== 0).length, painted};
})
"""


def test_it_draws_every_chart_from_the_records(editor_page, war_records):
    page = editor_page
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Charts").click()
    expect(page.get_by_role("heading", name="Charts", level=1)).to_be_visible()
    for chart_id in ("chart-losses", "chart-equipment-armour", "chart-funding", "chart-weekly"):
        expect(page.locator(f"canvas#{chart_id}")).to_be_visible()
    page.wait_for_function(
        "() => [...document.querySelectorAll('canvas')].every((c) => window.Chart && Chart.getChart(c))"
    )
    # Chart.js animates: wait until every canvas has ink on it.
    page.wait_for_function(f"() => ({CHART_STATE})().every((chart) => chart.painted > 500)")
    for state in page.evaluate(CHART_STATE):
        assert state["datasets"] > 0, state
        assert state["nonzero"] > 0, state
    # Events are counted in whole numbers: the weekly chart's axis has no 0.2 of an event.
    ticks = page.evaluate(
        "() => Chart.getChart(document.getElementById('chart-weekly')).scales.y.ticks.map((t) => t.value)"
    )
    assert ticks and all(value == int(value) for value in ticks), ticks

    # The status switch redraws the aid charts through htmx and keeps the choice in the address.
    expect(page.get_by_label("Pledged", exact=True)).to_be_checked()
    page.get_by_label("Delivered", exact=True).check()
    expect(page).to_have_url(re.compile(r"status=delivered"))
    expect(page.locator("#charts-body")).to_contain_text("No equipment delivered matches these filters")
    expect(page.locator("canvas#chart-equipment-armour")).to_have_count(0)
    page.get_by_label("Both", exact=True).check()
    expect(page).to_have_url(re.compile(r"status=both"))
    page.wait_for_function(
        "() => { const c = document.getElementById('chart-equipment-armour'); return c && Chart.getChart(c); }"
    )

    # Back and forward redraw the charts of each address.
    page.go_back()
    expect(page).to_have_url(re.compile(r"status=delivered"))
    expect(page.locator("canvas#chart-equipment-armour")).to_have_count(0)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/charts/$"))
    expect(page.get_by_label("Pledged", exact=True)).to_be_checked()
    page.wait_for_function("() => Chart.getChart(document.getElementById('chart-equipment-armour'))")
    page.go_forward()
    expect(page).to_have_url(re.compile(r"status=delivered"))
    expect(page.get_by_label("Delivered", exact=True)).to_be_checked()
    page.go_forward()
    expect(page).to_have_url(re.compile(r"status=both"))
    expect(page.get_by_label("Both", exact=True)).to_be_checked()
    page.wait_for_function("() => Chart.getChart(document.getElementById('chart-equipment-armour'))")

    # Clicking a donor's bar opens that donor's pledges behind it, not all the donor's events.
    bar = page.wait_for_function(
        """() => { const chart = Chart.getChart(document.getElementById('chart-equipment-armour'));
                   if (!chart) return null;
                   const us = chart.data.labels.indexOf('US');
                   const index = chart.data.datasets.findIndex((d) => d.data[us] > 0);
                   const element = chart.getDatasetMeta(index).data[us];
                   return element && {x: element.x, y: (element.y + element.base) / 2}; }"""
    ).json_value()
    page.locator("canvas#chart-equipment-armour").click(position=bar)
    expect(page).to_have_url(re.compile(r"/records/pledges/\?.*donor=US"))
    records = page.locator("#records-list")
    expect(records).to_contain_text("The United States will provide 31 M1 Abrams tanks")
    expect(records.locator("li.chart-record")).to_have_count(1)


def test_it_exports_the_filtered_events_and_losses_as_csv(editor_page, war_records, tmp_path):
    page = editor_page
    page.goto("/?country=RU&from=2024-01-01&view=reports")
    expect(page.locator("#timeline-count")).to_have_text("2 events matching the filters")

    with page.expect_download() as download:
        page.get_by_role("link", name="events.csv").click()
    rows = list(csv.DictReader(Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()))
    assert [(row["date"], row["type"]) for row in rows] == [("2024-03-15", "strike"), ("2024-02-17", "battle")]
    assert rows[0]["summary"] == war_records["events"]["odesa"].summary

    with page.expect_download() as download:
        page.get_by_role("link", name="losses.csv").click()
    assert download.value.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()))
    assert sorted((row["side"], row["category"]) for row in rows) == [("RU", "tanks"), ("UA", "civilians_killed")]


def test_it_lets_an_editor_edit_a_pledge_and_shows_the_change_and_its_history(editor_page, war_records):
    page = editor_page
    pledge = war_records["pledges"]["leopard"]
    page.goto("/?country=DE&view=reports")
    expect(page.locator("#timeline-count")).to_have_text("1 event matching the filters")
    page.get_by_text("Review the figures one by one").click()
    record = page.get_by_role("article", name=f"Pledge {pledge.pk}")
    expect(record).to_contain_text("14")

    record.get_by_role("link", name="Edit").click()
    form = page.get_by_role("article", name=f"Edit pledge {pledge.pk}")
    # htmx wires the swapped-in form (its hx-post) when it settles; a Save before that is a plain POST.
    expect(form).not_to_have_class(re.compile(r"\bhtmx-(added|settling)\b"))
    expect(form.get_by_label("Quantity")).to_have_value("14")
    form.get_by_label("Quantity").fill("18")
    form.get_by_role("button", name="Save").click()

    expect(record).to_contain_text("18")
    expect(record).to_contain_text("Edited by editor")
    record.get_by_role("link", name="History").click()
    history = record.get_by_role("list", name="History")
    expect(history).to_contain_text("Edited by editor")
    expect(history).to_contain_text("14")
    expect(history).to_contain_text("18")
    # The event's figures in words follow at once, without a reload.
    expect(page.get_by_role("list", name="Figures reported")).to_have_text("DE → UA: 18 Leopard 2, pledged")

    # The edit is stored: a fresh page shows the new quantity in the figures too.
    page.reload()
    expect(page.get_by_role("list", name="Figures reported")).to_have_text("DE → UA: 18 Leopard 2, pledged")


def test_it_shows_a_viewer_the_records_without_review_controls(viewer_page, war_records):
    page = viewer_page
    page.goto("/?view=reports")
    expect(page.locator("#timeline-count")).to_have_text("6 events")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Upload")).to_have_count(0)
    page.get_by_text("Show the figures one by one").first.click()
    # The newest event first: the Odesa strike and its loss.
    expect(page.get_by_role("article", name=f"Loss {war_records['losses']['odesa'].pk}")).to_be_visible()
    for name in ("Edit", "Confirm", "Reject"):
        expect(page.get_by_role("link", name=name, exact=True)).to_have_count(0)
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(0)

    pledge = war_records["pledges"]["leopard"]
    response = page.goto(f"/review/pledge/{pledge.pk}/edit/")
    assert response.status == 403
    response = page.goto("/articles/upload/")
    assert response.status == 403


# Last in the file: the spaCy pipeline warms up in the background meanwhile (see warm_extraction).
def test_it_uploads_an_article_and_shows_its_events_once_the_worker_is_done(editor_page, run_queued_tasks):
    page = editor_page
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Upload").click()
    expect(page.get_by_role("heading", name="Upload articles")).to_be_visible()

    page.get_by_label("Or choose files").set_input_files(SEED)
    page.get_by_label("Title").fill("Russia's losses near Bakhmut")
    page.get_by_label("Outlet").fill("Journey Wire")
    page.get_by_label("Publication date").fill("2023-01-05")
    page.get_by_role("button", name="Upload").click()

    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.get_by_role("heading", name="Russia's losses near Bakhmut", level=1)).to_be_visible()
    status = page.locator("#article-status")
    expect(status).to_contain_text("Queued")

    # The page polls every two seconds; it turns to "Done" (and reloads) once the task ran.
    run_queued_tasks()
    expect(status).to_contain_text("Done", timeout=15_000)
    records = page.get_by_role("region", name="Records")
    events = records.get_by_role("article", name=EVENT_LABEL)
    expect(events.first).to_be_visible()
    extracted = events.count()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Timeline").click()
    page.get_by_label("Outlet").fill("Journey Wire")
    page.get_by_label("Outlet").press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]outlet=Journey(\+|%20)Wire"))
    # By incident first: the reports of one article are never one incident, so as many incidents as events.
    plural = "" if extracted == 1 else "s"
    expect(page.locator("#timeline-count")).to_have_text(
        f"{extracted} incident{plural} with a report matching the filters"
    )
    page.get_by_role("link", name="Report by report").click()
    expect(page.locator("#timeline-count")).to_have_text(f"{extracted} event{plural} matching the filters")
    timeline = page.locator("#timeline-list")
    expect(timeline.get_by_role("link", name="Russia's losses near Bakhmut").first).to_be_visible()
