"""manage.py reextract: extraction again, keeping what analysts reviewed."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article, Event, ReviewState


def reextract(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("reextract", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_keeps_confirmed_records_and_replaces_the_rest(done_article, fake_extraction):
    strike = Event.objects.get(article=done_article, type="strike")
    strike.review_state = ReviewState.CONFIRMED
    strike.save()
    aid = Event.objects.get(article=done_article, type="aid")

    out, err = reextract(done_article.pk)

    assert out.splitlines()[0] == "1 re-extracted, 0 failed, 0 skipped (being processed)."
    assert "[" + "#" * 30 + "] 1/1" in err
    events = Event.objects.filter(article=done_article)
    assert events.count() == 2  # no machine duplicate of the confirmed strike
    assert events.get(type="strike").pk == strike.pk
    assert events.get(type="aid").pk != aid.pk


def test_it_reextracts_every_article(make_article, fake_extraction):
    first, second = make_article(), make_article("Another article, with one sentence.\n")
    out, _ = reextract("--all")
    assert out.startswith("2 re-extracted")
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    assert len(fake_extraction) == 2 and first.pk != second.pk


def test_it_skips_an_article_a_worker_holds_and_takes_over_a_stuck_one(make_article, fake_extraction, live_worker):
    running, stuck = make_article(), make_article("A stuck article, with one sentence.\n")
    Article.objects.filter(pk__in=[running.pk, stuck.pk]).update(status="processing", processed_at=timezone.now())
    live_worker(running)  # the stuck one's worker died: nobody holds it
    out, _ = reextract(running.pk, stuck.pk)
    assert out.splitlines()[0] == "1 re-extracted, 0 failed, 1 skipped (being processed)."
    assert Article.objects.get(pk=stuck.pk).status == "done"
    assert Article.objects.get(pk=running.pk).status == "processing"


def test_it_refuses_unknown_ids_and_needs_ids_or_all(db):
    with pytest.raises(CommandError, match="No article with id 424242"):
        reextract(424242)
    with pytest.raises(CommandError, match="Give article ids or --all"):
        reextract()
