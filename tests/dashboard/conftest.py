"""Records for the dashboard tests, made directly with the ORM (no extraction)."""

import datetime
import hashlib
import itertools

import pytest

from articles.models import AidPledge, Article, Event, LossReport

_numbers = itertools.count(1)


@pytest.fixture
def make_article(db):
    def make(
        title="Russia loses 800 soldiers in a day",
        outlet="Kyiv Independent",
        published: datetime.date | None = datetime.date(2024, 1, 5),
        text=None,
        **fields,
    ):
        number = next(_numbers)
        text = text if text is not None else f"{title}. The general staff gave its daily tally. Article {number}."
        return Article.objects.create(
            title=title,
            outlet=outlet,
            url=f"https://example.org/news/{number}",
            published=published,
            raw=text.encode(),
            sha256=hashlib.sha256(f"{number}{text}".encode()).hexdigest(),
            text=text,
            status=Article.Status.DONE,
            **fields,
        )

    return make


@pytest.fixture
def make_event(make_article):
    def make(article=None, date=datetime.date(2024, 1, 5), type="losses", summary=None, **fields):
        article = article or make_article()
        summary = summary if summary is not None else article.text[: len(article.title) + 1]
        start = article.text.find(summary)
        start = max(start, 0)
        fields.setdefault("precision", "day" if date else "")
        return Event.objects.create(
            article=article,
            date=date,
            type=type,
            summary=summary,
            span_start=start,
            span_end=start + len(summary),
            **fields,
        )

    return make


@pytest.fixture
def make_loss():
    def make(event, side="RU", category="personnel_killed", min=800, max=800, period="day", date=None, **fields):
        return LossReport.objects.create(
            article=event.article,
            event=event,
            side=side,
            category=category,
            min=min,
            max=max,
            period=period,
            date=date if date is not None else event.date,
            span_start=event.span_start,
            span_end=event.span_end,
            **fields,
        )

    return make


@pytest.fixture
def make_pledge():
    def make(event, donor="DE", item="Leopard 2", category="tank", quantity=14, status="pledged", **fields):
        return AidPledge.objects.create(
            article=event.article,
            event=event,
            donor=donor,
            item=item,
            category=category,
            quantity=quantity,
            status=status,
            date=fields.pop("date", event.date),
            span_start=event.span_start,
            span_end=event.span_end,
            **fields,
        )

    return make
