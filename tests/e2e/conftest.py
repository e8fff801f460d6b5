"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every test in this folder is marked `e2e` (`make test-fast` leaves them out) and the
whole folder is skipped, with the reason, on a machine without Chromium. One browser
serves the session; each test gets a fresh context, so cookies never leak between users.
"""

import datetime
import os
import re
import shutil
import signal
import threading
from decimal import Decimal
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parent / "output" / "screenshots"
PASSWORDS = {"editor": "editor-password-1", "viewer": "viewer-password-1"}

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
# Playwright cannot download its own browser here; the system one is told to stay offline and quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="Browser tests need Debian's Chromium: apt-get install chromium")
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)
            if CHROMIUM is None:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an asyncio loop running in the test thread, and Django
    # refuses ORM calls from such a thread unless told it is safe (it is: nothing else
    # runs on that loop while the test code does).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=10_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The default hasher takes seconds per login on a slow machine; these tests log in a lot.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# htmx logs as an error every request it drops on purpose (hx-sync="this:replace" when a
# newer one starts).
TOLERATED = re.compile(r"^htmx:(afterRequest|sendAbort),")


@pytest.fixture
def page(browser, live_server):
    """A page in a fresh browser context on the live server; fails the test on JavaScript errors.

    A script refused by the Content-Security-Policy, a failed htmx request or a broken
    chart shows up only in the console, so any error the page logs fails the test at
    its end. A page the test opened on purpose with a 403 or 404 is the test's business.
    """
    context = browser.new_context(base_url=live_server.url, accept_downloads=True, viewport=DESKTOP)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[tuple[str, str]] = []
    documents: set[str] = set()

    def on_console(message):
        if message.type == "error" and not TOLERATED.match(message.text):
            errors.append((message.text, message.location.get("url", "")))

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append((f"uncaught {error}", "")))
    page.on(
        "response", lambda response: documents.add(response.url) if response.request.is_navigation_request() else None
    )
    yield page
    context.close()
    unexpected = [
        f"{text} ({url})"
        for text, url in errors
        if not (text.startswith("Failed to load resource") and url in documents)
    ]
    assert not unexpected, f"the page logged JavaScript errors: {unexpected}"


def _log_in(page, username: str) -> None:
    from playwright.sync_api import expect

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORDS[username])
    page.locator("main form").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


@pytest.fixture
def log_in():
    """Log in through the real login form, as an analyst would: log_in(page, "editor")."""
    return _log_in


@pytest.fixture
def editor_page(page, editor):
    _log_in(page, editor.username)
    return page


@pytest.fixture
def viewer_page(page, viewer):
    _log_in(page, viewer.username)
    return page


@pytest.fixture(scope="session", autouse=True)
def warm_extraction(request):
    """Build the spaCy pipeline in a background thread while the first journeys run.

    Building it takes 10 to 20 seconds; the upload journey (last in its file) would
    otherwise spend all of them waiting for its worker. Only when that journey runs.
    """
    if not any("run_queued_tasks" in item.fixturenames for item in request.session.items):
        yield None
        return
    from articles.extraction.pipeline import get_pipeline

    thread = threading.Thread(target=get_pipeline, name="warm-extraction", daemon=True)
    thread.start()
    yield thread


def _run_queued_tasks() -> None:
    from django.core.management import call_command

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


@pytest.fixture
def run_queued_tasks(transactional_db, warm_extraction):
    """Run every queued background task once, in the test thread, against the live test database.

    `manage.py db_worker --batch` exits when the queue is empty, so the test decides when
    the work happens and waits for no timer. The worker installs its own SIGINT/SIGTERM
    handlers (it expects to own its process); they are put back so Ctrl-C still stops pytest.
    """

    def run():
        if warm_extraction is not None:
            warm_extraction.join()
        _run_queued_tasks()

    return run


def _screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as tests/output/screenshots/<name>.png (git ignores the folder)."""
    return _screenshot


def _article(title: str, outlet: str, published: datetime.date, sentences: list[str], editor):
    import hashlib

    from articles.models import Article

    text = " ".join(sentences)
    return Article.objects.create(
        title=title,
        outlet=outlet,
        published=published,
        published_source=Article.PublishedSource.SUPPLIED,
        raw=text.encode(),
        filename=f"{title.lower().replace(' ', '-')[:40]}.txt",
        content_type="text/plain",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        status=Article.Status.DONE,
        extractor_version="e2e-fixture",
        uploaded_by=editor,
    )


def _span(article, sentence: str) -> dict:
    start = article.text.index(sentence)
    return {"span_start": start, "span_end": start + len(sentence)}


@pytest.fixture
def war_records(transactional_db, editor):
    """Six events from four articles, with their losses and pledges, written straight to the database.

    The timeline, chart, export and review journeys use these so that they test the
    pages, not the extractor. Two events (Avdiivka and Odesa, both 2024) involve Russia
    and fall in 2024; the filter journey narrows the timeline to them.
    """
    from articles.models import AidPledge, Event, LossReport, Place

    for name, latitude, longitude in (
        ("Bakhmut", 48.5956, 38.0003),
        ("Avdiivka", 48.1394, 37.7497),
        ("Odesa", 46.4775, 30.7326),
    ):
        Place.objects.create(name=name, country="UA", kind=Place.Kind.CITY, latitude=latitude, longitude=longitude)

    leopard = "Germany will send 14 Leopard 2 tanks to Ukraine, Chancellor Olaf Scholz said on Wednesday."
    abrams = "The United States will provide 31 M1 Abrams tanks to Ukraine, President Joe Biden announced."
    tanks = _article(
        "Germany and the US to send battle tanks to Ukraine",
        "Reuters",
        datetime.date(2023, 1, 25),
        [leopard, abrams],
        editor,
    )
    bakhmut = "Ukraine's General Staff said 1,100 Russian soldiers were killed near Bakhmut in the past day."
    bakhmut_article = _article(
        "Fighting rages around Bakhmut", "Kyiv Independent", datetime.date(2023, 3, 10), [bakhmut], editor
    )
    sterling = "Britain pledged a further £2.5 billion in military aid for Ukraine on Friday."
    avdiivka = "Ukrainian troops withdrew from Avdiivka after Russian forces lost 47 tanks in the assault."
    winter = _article(
        "Britain's new aid as Avdiivka falls", "BBC", datetime.date(2024, 2, 17), [sterling, avdiivka], editor
    )
    odesa = "A Russian missile strike on Odesa killed 20 civilians, regional governor Oleh Kiper said."
    odesa_article = _article("Missile strike on Odesa", "The Guardian", datetime.date(2024, 3, 15), [odesa], editor)

    def event(article, sentence, date, type, places, countries):
        return Event.objects.create(
            article=article,
            date=date,
            precision="day",
            type=type,
            summary=sentence,
            places=places,
            countries=countries,
            **_span(article, sentence),
        )

    day = datetime.date
    events = {
        "leopard": event(tanks, leopard, day(2023, 1, 25), "aid", [], ["DE", "UA"]),
        "abrams": event(tanks, abrams, day(2023, 1, 25), "aid", [], ["US", "UA"]),
        "bakhmut": event(bakhmut_article, bakhmut, day(2023, 3, 9), "battle", ["Bakhmut"], ["UA", "RU"]),
        "sterling": event(winter, sterling, day(2024, 1, 12), "aid", [], ["GB", "UA"]),
        "avdiivka": event(winter, avdiivka, day(2024, 2, 17), "battle", ["Avdiivka"], ["UA", "RU"]),
        "odesa": event(odesa_article, odesa, day(2024, 3, 15), "strike", ["Odesa"], ["RU", "UA"]),
    }
    pledges = {
        "leopard": AidPledge.objects.create(
            article=tanks,
            event=events["leopard"],
            donor="DE",
            recipient="UA",
            item="Leopard 2",
            category="tank",
            quantity=14,
            status="pledged",
            date=day(2023, 1, 25),
            **_span(tanks, leopard),
        ),
        "abrams": AidPledge.objects.create(
            article=tanks,
            event=events["abrams"],
            donor="US",
            recipient="UA",
            item="M1 Abrams",
            category="tank",
            quantity=31,
            status="pledged",
            date=day(2023, 1, 25),
            **_span(tanks, abrams),
        ),
        "sterling": AidPledge.objects.create(
            article=winter,
            event=events["sterling"],
            donor="GB",
            recipient="UA",
            category="funding",
            amount=Decimal("2500000000"),
            currency="GBP",
            status="pledged",
            date=day(2024, 1, 12),
            **_span(winter, sterling),
        ),
    }
    losses = {
        "bakhmut": LossReport.objects.create(
            article=bakhmut_article,
            event=events["bakhmut"],
            side="RU",
            category="personnel_killed",
            min=1100,
            max=1100,
            period="day",
            date=day(2023, 3, 9),
            place="Bakhmut",
            reported_by="UA",
            **_span(bakhmut_article, bakhmut),
        ),
        "avdiivka": LossReport.objects.create(
            article=winter,
            event=events["avdiivka"],
            side="RU",
            category="tanks",
            min=47,
            max=47,
            period="incident",
            date=day(2024, 2, 17),
            place="Avdiivka",
            reported_by="UA",
            **_span(winter, avdiivka),
        ),
        "odesa": LossReport.objects.create(
            article=odesa_article,
            event=events["odesa"],
            side="UA",
            category="civilians_killed",
            min=20,
            max=20,
            period="incident",
            date=day(2024, 3, 15),
            place="Odesa",
            reported_by="UA",
            **_span(odesa_article, odesa),
        ),
    }
    # Every event reports an incident, as after processing (articles.incidents): the timeline's default view.
    from articles.incidents import group_all

    group_all()
    return {"events": events, "pledges": pledges, "losses": losses}
