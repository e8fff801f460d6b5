"""The map in the browser: points drawn over the outlines, zoom and pan, stepping through the weeks."""

import datetime
import hashlib
import re

import pytest
from playwright.sync_api import expect

from articles.incidents import group_all

D = datetime.date


@pytest.fixture
def front_events(transactional_db, editor):
    """Two weeks of March 2024 at places on the front, and a meeting in Kyiv."""
    from articles.models import Article, Event, Place

    for name, latitude, longitude in (
        ("Bakhmut", 48.5956, 38.0003),
        ("Kharkiv", 49.9935, 36.2304),
        ("Avdiivka", 48.1394, 37.7497),
        ("Kyiv", 50.45, 30.5236),
    ):
        Place.objects.create(name=name, country="UA", kind=Place.Kind.CITY, latitude=latitude, longitude=longitude)
    sentences = [
        ("Russian forces attacked Ukrainian positions near Bakhmut.", D(2024, 3, 5), "battle", ["Bakhmut"]),
        ("A missile struck Kharkiv overnight.", D(2024, 3, 6), "strike", ["Kharkiv"]),
        ("Drones struck Bakhmut again.", D(2024, 3, 7), "strike", ["Bakhmut"]),
        ("Fighting continued around Avdiivka.", D(2024, 3, 12), "battle", ["Avdiivka"]),
        ("The foreign ministers met in Kyiv.", D(2024, 3, 6), "diplomacy", ["Kyiv"]),
    ]
    text = " ".join(sentence for sentence, *_ in sentences)
    article = Article.objects.create(
        title="A week on the front",
        outlet="Reuters",
        published=D(2024, 3, 13),
        raw=text.encode(),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        status=Article.Status.DONE,
        uploaded_by=editor,
    )
    for sentence, date, event_type, places in sentences:
        start = text.index(sentence)
        Event.objects.create(
            article=article,
            date=date,
            precision="day",
            type=event_type,
            summary=sentence,
            places=places,
            span_start=start,
            span_end=start + len(sentence),
        )
    # As after processing: the timeline the map links to shows incidents.
    group_all()


def drawn_places(page) -> list[str]:
    points = page.locator("#map-frame svg a.map-point")
    return sorted(points.evaluate_all("(links) => links.map((link) => link.dataset.place)"))


def view_box(page, before: list[float] | None = None) -> list[float]:
    """The map's viewBox; given the one before an action, once it has changed (drawn at the next frame)."""
    svg = page.locator("#map-frame svg")
    if before is None:
        expect(svg).to_have_attribute("viewBox", re.compile(r"\d"))
    else:
        expect(svg).not_to_have_attribute("viewBox", " ".join(f"{n:.4f}" for n in before))
    return [float(n) for n in svg.get_attribute("viewBox").split()]


def test_it_draws_the_places_over_the_outlines(viewer_page, front_events):
    page = viewer_page
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Map").click()
    expect(page.get_by_role("heading", name="Map", level=1)).to_be_visible()
    expect(page.locator("#map-frame")).to_have_attribute("data-outlined", "true")
    assert drawn_places(page) == ["Avdiivka", "Bakhmut", "Kharkiv"]
    assert page.locator("#map-frame path.country.ukraine").count() == 1
    # Bakhmut's two events, a battle and a strike, are two slices in two colours.
    bakhmut = page.locator('#map-frame a.map-point[data-place="Bakhmut"] path.slice')
    assert sorted(bakhmut.evaluate_all("(slices) => slices.map((s) => s.getAttribute('fill'))")) == [
        "#e15759",
        "#f28e2b",
    ]
    expect(page.locator(".map-legend")).to_contain_text("Battle")

    page.get_by_label("Diplomacy and sanctions too").check()
    expect(page).to_have_url(re.compile(r"diplomacy=1"))
    expect(page.locator('#map-frame a.map-point[data-place="Kyiv"]')).to_have_count(1)


def test_it_zooms_and_pans_with_the_buttons_the_wheel_and_a_drag(viewer_page, front_events):
    page = viewer_page
    page.goto("/map/")
    front = view_box(page)
    # The front is in view: from Odesa's longitude to the Russian border regions.
    assert front[0] <= 30.7 and front[0] + front[2] >= 39.3

    page.get_by_role("button", name="Zoom in").click()
    zoomed = view_box(page, front)
    assert zoomed[2] == pytest.approx(front[2] / 1.5, rel=0.01)

    page.get_by_role("button", name="Move east").press("Enter")
    east = view_box(page, zoomed)
    assert east[0] > zoomed[0]

    page.get_by_role("button", name="Reset").click()
    assert view_box(page, east) == pytest.approx(front, rel=1e-3)

    # With the map focused, the keys move it too.
    page.locator("#map-frame").focus()
    page.keyboard.press("+")
    assert view_box(page, front)[2] == pytest.approx(front[2] / 1.5, rel=0.01)
    page.keyboard.press("0")
    view_box(page, zoomed)

    box = page.locator("#map-frame").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)
    wheeled = view_box(page, front)
    assert wheeled[2] < front[2]

    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 120, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    dragged = view_box(page, wheeled)
    assert dragged[0] > wheeled[0] and dragged[2] == pytest.approx(wheeled[2])
    expect(page).to_have_url(re.compile(r"/map/$"))  # the drag opened no point


def test_it_steps_to_the_next_week_and_keeps_the_view(viewer_page, front_events):
    page = viewer_page
    page.goto("/map/")
    page.get_by_role("link", name="Step through the weeks, from the latest").click()
    expect(page.get_by_role("heading", name="Week of 2024-03-11 to 2024-03-17")).to_be_visible()
    # the heading comes with the page, the points once the map script has drawn them
    expect(page.locator("#map-frame svg a.map-point")).to_have_count(1)
    assert drawn_places(page) == ["Avdiivka"]

    page.get_by_role("link", name="← Previous week").click()
    expect(page).to_have_url(re.compile(r"week=2024-03-04"))
    expect(page.locator("#map-frame a.map-point")).to_have_count(2)
    assert drawn_places(page) == ["Bakhmut", "Kharkiv"]
    expect(page.get_by_label("Week of")).to_have_value("2024-03-04")

    before = view_box(page)
    page.get_by_role("button", name="Zoom in").click()
    zoomed = view_box(page, before)
    page.get_by_role("link", name="Next week →").click()
    expect(page).to_have_url(re.compile(r"week=2024-03-11"))
    expect(page.locator("#map-frame a.map-point")).to_have_count(1)
    assert drawn_places(page) == ["Avdiivka"]
    assert view_box(page) == pytest.approx(zoomed, rel=1e-3)
    expect(page.get_by_label("Week of")).to_have_value("2024-03-11")

    page.go_back()
    expect(page).to_have_url(re.compile(r"week=2024-03-04"))
    expect(page.locator("#map-frame a.map-point")).to_have_count(2)

    page.get_by_role("link", name="All weeks").click()
    expect(page.locator("#map-frame a.map-point")).to_have_count(3)


def test_it_opens_the_timeline_at_a_place_and_week(viewer_page, front_events):
    page = viewer_page
    page.goto("/map/?week=2024-03-04")
    page.locator('#map-frame a.map-point[data-place="Bakhmut"] .slice').first.click()
    expect(page).to_have_url(re.compile(r"/\?.*from=2024-03-04&to=2024-03-10&place=Bakhmut$"))
    timeline = page.locator("#timeline-list")
    expect(timeline).to_contain_text("Drones struck Bakhmut again.")
    expect(timeline).to_contain_text("Russian forces attacked Ukrainian positions near Bakhmut.")
    expect(timeline).not_to_contain_text("Kharkiv")

    page.go_back()
    page.locator(".map-place-list").get_by_role("link", name="Kharkiv").click()
    expect(page).to_have_url(re.compile(r"place=Kharkiv$"))
    expect(page.locator("#timeline-list")).to_contain_text("A missile struck Kharkiv overnight.")
    expect(page.locator("#timeline-list")).not_to_contain_text("Bakhmut")
