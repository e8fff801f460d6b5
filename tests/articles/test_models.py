"""Constraints the database keeps whatever the code does."""

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
