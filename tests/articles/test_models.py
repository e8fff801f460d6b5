"""Constraints the database keeps whatever the code does, and the article's state changes."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from articles.models import Article, Event, LossReport

pytestmark = pytest.mark.django_db


def article(sha="a" * 64):
    return Article.objects.create(raw=b"text", sha256=sha)


def test_it_keeps_one_article_per_sha256():
    article()
    with pytest.raises(IntegrityError), transaction.atomic():
        article()


def test_it_refuses_a_loss_without_a_number():
    a = article()
    event = Event.objects.create(article=a, type="losses", summary="s", span_start=0, span_end=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        LossReport.objects.create(article=a, event=event, side="RU", category="tanks", span_start=0, span_end=1)
    LossReport.objects.create(article=a, event=event, side="RU", category="tanks", min=3, span_start=0, span_end=1)


def test_it_refuses_a_date_without_precision():
    a = article()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(article=a, type="battle", summary="s", date="2023-01-01", span_start=0, span_end=1)


def test_the_timeline_filters_have_indexes():
    """date, type, country, place and article: what the timeline filters events on."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Event._meta.db_table)
    indexed = [tuple(c["columns"]) for c in constraints.values() if c["index"]]
    kinds = {tuple(c["columns"]): c["type"] for c in constraints.values() if c["index"]}
    assert ("date", "id") in indexed
    assert ("type", "date") in indexed
    assert ("article_id",) in indexed
    assert kinds[("countries",)] == "gin" and kinds[("places",)] == "gin"


def test_it_changes_an_articles_status_only_from_the_states_filtered():
    a = article()
    assert Article.objects.filter(pk=a.pk).done().queue() == 0  # queued, not done: nothing moves
    assert Article.objects.filter(pk=a.pk).queued().claim() == 1
    a.refresh_from_db()
    assert (a.status, a.processed_at is not None) == (Article.Status.PROCESSING, True)
    assert Article.objects.filter(pk=a.pk).idle().claim() == 0  # a second claim finds it taken
    assert Article.objects.filter(pk=a.pk).processing().fail("Broken.") == 1
    a.refresh_from_db()
    assert (a.status, a.failure_reason) == (Article.Status.FAILED, "Broken.")
    assert Article.objects.filter(pk=a.pk).retryable().queue() == 1
    a.refresh_from_db()
    assert (a.status, a.failure_reason, a.processed_at) == (Article.Status.QUEUED, "", None)


def test_it_holds_a_processing_article_as_unheld_only_when_no_worker_locks_it(live_worker):
    running, dead, queued = article("a" * 64), article("b" * 64), article("c" * 64)
    Article.objects.filter(pk__in=[running.pk, dead.pk]).claim()
    live_worker(running)
    assert set(Article.objects.unheld().values_list("pk", flat=True)) == {dead.pk, queued.pk}
    assert set(Article.objects.orphaned().values_list("pk", flat=True)) == {dead.pk}
    assert [Article.objects.get(pk=pk).is_stalled for pk in (running.pk, dead.pk, queued.pk)] == [False, True, False]


def test_it_dates_an_article_by_the_uploader_first_then_the_text():
    supplied, found = datetime.date(2023, 1, 5), datetime.date(2022, 3, 1)
    assert Article.publication(supplied, found) == (supplied, Article.PublishedSource.SUPPLIED)
    assert Article.publication(None, found) == (found, Article.PublishedSource.TEXT)
    assert Article.publication(None, None) == (None, Article.PublishedSource.UNKNOWN)
