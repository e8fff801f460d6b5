"""Fixtures for the article tests: small articles and a stand-in for the spaCy extractor.

Most ingestion tests are about storing, claiming and writing, not about extraction,
so `fake_extraction` replaces `processing.run_extraction` with a function that finds
three known sentences in the text. The seed-article tests run the real extractor.
"""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import pytest
from django.db import connection, connections

from articles import models, processing, uploads
from articles.extraction.records import Event, Extraction, Loss, Pledge
from articles.models import Article

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seed"

STRIKE = "Russian missiles struck Kyiv on Monday, killing 12 civilians."
PLEDGE = "Germany pledged 14 Leopard 2 tanks to Ukraine on Tuesday."
ARTICLE_TEXT = f"Missiles hit Kyiv as Germany pledges tanks\n\n{STRIKE}\n\n{PLEDGE}\n"
ARTICLE_BYTES = ARTICLE_TEXT.encode()
FAKE_VERSION = "fake-1"


def fake_extract(text: str, published: datetime.date | None, title: str | None) -> tuple[Extraction, str]:
    result = Extraction(published=published, published_source="supplied" if published else None, title=title)
    if (start := text.find(STRIKE)) >= 0:
        span = (start, start + len(STRIKE))
        result.events.append(Event(datetime.date(2023, 1, 2), "day", "strike", STRIKE, ["Kyiv"], ["RU", "UA"], span))
        result.losses.append(Loss("UA", "civilians_killed", 12, 12, "incident", span=span, event=0))
    if (start := text.find(PLEDGE)) >= 0:
        span = (start, start + len(PLEDGE))
        result.events.append(Event(datetime.date(2023, 1, 3), "day", "aid", PLEDGE, [], ["DE", "UA"], span))
        result.pledges.append(
            Pledge("DE", "UA", "Leopard 2", "tank", quantity=14, span=span, event=len(result.events) - 1)
        )
    return result, FAKE_VERSION


def is_orphaned(article_id: int) -> bool:
    return Article.objects.filter(pk=article_id).orphaned().exists()


@pytest.fixture
def fake_extraction(monkeypatch):
    """Replace the extractor; the list records the texts it was called with."""
    calls: list[str] = []

    def extract(text, published, title):
        calls.append(text)
        return fake_extract(text, published, title)

    monkeypatch.setattr(processing, "run_extraction", extract)
    return calls


@pytest.fixture
def make_article(db):
    """A stored (queued) article, with `ARTICLE_TEXT` or the given text as its upload."""

    def make(text: str = ARTICLE_TEXT, *, enqueue: bool = False, **fields) -> Article:
        upload = uploads.Upload(
            raw=text.encode(), filename=fields.pop("filename", "article.txt"), content_type="text/plain"
        )
        return uploads.create_article(upload, enqueue=enqueue, **fields).article

    return make


@pytest.fixture
def done_article(make_article, fake_extraction) -> Article:
    article = make_article(published=datetime.date(2023, 1, 5))
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    return article


@pytest.fixture
def live_worker(db):
    """Hold articles' locks from a connection of its own, as a worker processing them does.

    `live_worker(article)` takes the article's lock; `live_worker.die()` ends the
    connection the way a killed worker's ends, which drops its locks (PostgreSQL
    does so as the server process exits, a moment after the client hangs up).
    """
    other = connections.create_connection("default")

    def hold(article: Article) -> None:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [models.LOCK_NAMESPACE, article.pk])

    def die() -> None:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            [pid] = cursor.fetchone()
        other.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM pg_locks WHERE pid = %s", [pid])
                if cursor.fetchone()[0] == 0:
                    return
            time.sleep(0.01)
        pytest.fail("the worker's connection kept its locks")

    hold.die = die
    yield hold
    other.close()
