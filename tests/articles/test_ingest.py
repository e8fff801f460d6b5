"""articles.ingest: storing an upload, processing it in one transaction, re-extraction."""

import datetime

import pytest
from django.utils import timezone

from articles import models, processing, tasks, uploads
from articles.models import AidPledge, Article, Equipment, Event, LossReport, ReviewState
from tests.articles.conftest import ARTICLE_TEXT, PLEDGE, STRIKE, is_orphaned


def test_it_stores_raw_bytes_and_queues_the_article(make_article):
    article = make_article(outlet="Reuters")
    assert bytes(article.raw) == ARTICLE_TEXT.encode()
    assert article.status == Article.Status.QUEUED
    assert article.filename == "article.txt"
    assert article.content_type == "text/plain"
    assert article.title == "Missiles hit Kyiv as Germany pledges tanks"  # the document's headline
    assert article.outlet == "Reuters"


def test_it_queues_processing_after_commit(db, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        created = uploads.create_article(uploads.Upload(ARTICLE_TEXT.encode(), "a.txt", "text/plain"))
        assert DBTaskResult.objects.count() == 0  # nothing queued before the commit
    assert len(callbacks) == 1
    task = DBTaskResult.objects.get()
    assert task.task_path == "articles.tasks.process_article_task"
    assert task.args_kwargs["args"] == [created.article.pk]


def test_it_returns_the_existing_article_for_the_same_bytes(make_article):
    first = make_article()
    again = uploads.create_article(uploads.Upload(ARTICLE_TEXT.encode(), "other-name.txt", "text/plain"))
    assert again.created is False
    assert again.article.pk == first.pk
    assert Article.objects.count() == 1


def test_it_lets_supplied_metadata_win_over_the_document(make_article):
    article = make_article(title="My title", published=datetime.date(2023, 1, 5))
    assert article.title == "My title"
    assert article.published == datetime.date(2023, 1, 5)
    assert article.published_source == Article.PublishedSource.SUPPLIED


def test_it_takes_the_date_the_text_states_when_none_is_supplied(make_article):
    article = make_article("date 2024-01-04 This article was last updated on January 4, 2024\n\n" + ARTICLE_TEXT)
    assert article.published == datetime.date(2024, 1, 4)
    assert article.published_source == Article.PublishedSource.TEXT


def test_it_marks_the_date_unknown_when_nobody_states_it(make_article):
    article = make_article()
    assert article.published is None
    assert article.published_source == Article.PublishedSource.UNKNOWN


def test_it_refuses_a_future_publication_date(db):
    with pytest.raises(uploads.InvalidUpload, match="future"):
        uploads.create_article(
            uploads.Upload(b"Some text that is an article.", "a.txt"),
            published=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert not Article.objects.exists()


@pytest.mark.parametrize("published", [datetime.date(2013, 12, 31), datetime.date(1, 1, 1)])
def test_it_refuses_a_publication_date_before_2014(db, published):
    with pytest.raises(uploads.InvalidUpload, match="^The publication date cannot be before 1 January 2014: "):
        uploads.create_article(uploads.Upload(b"Some text that is an article.", "a.txt"), published=published)
    assert not Article.objects.exists()


@pytest.mark.parametrize("stated", ["Published 4 March 2099", "Published 4 March 2013"])
def test_it_ignores_a_date_the_text_states_outside_the_war(make_article, stated):
    article = make_article(f"{stated}\n\n{ARTICLE_TEXT}")
    assert (article.published, article.published_source) == (None, Article.PublishedSource.UNKNOWN)


def test_it_names_an_untitled_text_by_its_first_line(make_article):
    article = make_article(f"{STRIKE}\n\n{PLEDGE}\n")
    assert article.title == STRIKE


def test_it_stores_an_html_page_checked_but_not_yet_read(db):
    page = b"<html><head><title>Kyiv hit</title></head><body><p>" + STRIKE.encode() + b"</p></body></html>"
    article = uploads.create_article(uploads.Upload(page, "kyiv.html", "text/html"), enqueue=False).article
    # The worker reduces the page and takes its title, date and outlet.
    assert (article.title, article.published_source, article.status) == ("", "unknown", Article.Status.QUEUED)


def test_it_writes_text_records_and_status_together(done_article, fake_extraction):
    article = done_article
    assert article.text.startswith("Missiles hit Kyiv")
    assert article.extractor_version == "fake-1"
    assert article.processed_at is not None
    strike = Event.objects.get(article=article, type="strike")
    assert article.text[strike.span_start : strike.span_end] == STRIKE
    assert strike.places == ["Kyiv"] and strike.countries == ["RU", "UA"]
    loss = LossReport.objects.get(article=article)
    assert (loss.event, loss.side, loss.category, loss.min, loss.max) == (strike, "UA", "civilians_killed", 12, 12)
    pledge = AidPledge.objects.get(article=article)
    assert pledge.event.type == "aid"
    assert article.text[pledge.span_start : pledge.span_end] == PLEDGE
    assert (pledge.donor, pledge.quantity, pledge.item) == ("DE", 14, "Leopard 2")


def test_it_links_a_pledge_to_its_equipment_by_name_or_alias(make_article, fake_extraction):
    leopard = Equipment.objects.create(name="Leopard 2A6", aliases=["Leopard 2", "Leo 2"], category="tank")
    article = make_article()
    processing.process_article(article.pk)
    assert AidPledge.objects.get(article=article).equipment == leopard


def test_it_processes_an_article_once(make_article, fake_extraction):
    article = make_article()
    assert processing.process_article(article.pk) is True
    assert processing.process_article(article.pk) is False  # a second task for the same article
    assert len(fake_extraction) == 1
    assert Event.objects.filter(article=article).count() == 2


def test_it_does_not_process_an_article_another_worker_claimed(make_article, fake_extraction):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, processed_at=timezone.now())
    assert processing.process_article(article.pk) is False
    assert fake_extraction == []


def test_it_fails_with_a_reason_and_no_records_when_extraction_breaks(make_article, monkeypatch):
    def broken(text, published, title):
        raise RuntimeError("the pipeline fell over")

    monkeypatch.setattr(processing, "run_extraction", broken)
    article = make_article()
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.failure_reason == "Extraction failed: RuntimeError: the pipeline fell over"
    assert not Event.objects.filter(article=article).exists()


def test_it_loads_the_spacy_model_the_setting_names(make_article, settings):
    """A deployment names its model in settings; a missing one fails the article with the reason."""
    settings.WARBOARD_SPACY_MODEL = "no_such_model_for_warboard"
    article = make_article()
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "'no_such_model_for_warboard' (WARBOARD_SPACY_MODEL) is not installed" in article.failure_reason


def test_it_writes_nothing_when_a_record_breaks_the_transaction(make_article, monkeypatch, fake_extraction):
    """The losses insert fails after the events were written: the events go too."""

    def broken_bulk_create(objs, *args, **kwargs):
        raise ValueError("disk full")

    monkeypatch.setattr(LossReport.objects, "bulk_create", broken_bulk_create)
    article = make_article()
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.text == ""
    assert not Event.objects.filter(article=article).exists()


def test_it_leaves_out_a_loss_without_a_number(make_article, monkeypatch):
    from articles.extraction.records import Event as FoundEvent
    from articles.extraction.records import Extraction, Loss

    def extract(text, published, title):
        result = Extraction(events=[FoundEvent(None, None, "losses", "Many died.", span=(0, 10))])
        result.losses = [Loss("UA", "personnel_killed", None, None, span=(0, 10), event=0)]
        return result, "v"

    monkeypatch.setattr(processing, "run_extraction", extract)
    article = make_article()
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert not LossReport.objects.filter(article=article).exists()
    assert Event.objects.get(article=article).precision == ""


def test_it_fails_an_article_whose_bytes_cannot_be_read(db, fake_extraction):
    article = Article.objects.create(raw=b"\x00\x01binary", filename="x.txt", sha256="0" * 64)
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.failure_reason == "This looks like a binary file, not text or HTML."


def test_it_requeues_a_failed_article(make_article, django_capture_on_commit_callbacks):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FAILED, failure_reason="boom")
    with django_capture_on_commit_callbacks() as callbacks:
        assert tasks.requeue_article(article.pk) is True
    article.refresh_from_db()
    assert (article.status, article.failure_reason) == (Article.Status.QUEUED, "")
    assert len(callbacks) == 1


def test_it_requeues_a_processing_article_only_when_its_worker_died(make_article, live_worker):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, processed_at=timezone.now())
    live_worker(article)
    assert tasks.requeue_article(article.pk) is False
    assert tasks.requeue_stuck() == []
    live_worker.die()
    assert tasks.requeue_stuck() == [article.pk]
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED


def test_it_tells_an_article_whose_worker_died_from_one_being_processed(make_article, live_worker):
    article, queued = make_article(), make_article("Another article about Kharkiv, one sentence.\n")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING)
    live_worker(article)
    assert (
        is_orphaned(article.pk),
        is_orphaned(queued.pk),
    ) == (False, False)
    live_worker.die()
    assert (
        is_orphaned(article.pk),
        is_orphaned(queued.pk),
    ) == (True, False)
    assert Article.objects.get(pk=article.pk).status == Article.Status.PROCESSING  # asking changes nothing


def test_it_holds_the_article_s_lock_while_processing_it(make_article, monkeypatch):
    article = make_article()
    seen = []

    def extract(text, published, title):
        seen.append(is_orphaned(article.pk))
        seen.append(Article.objects.get(pk=article.pk).status)
        from tests.articles.conftest import fake_extract

        return fake_extract(text, published, title)

    monkeypatch.setattr(processing, "run_extraction", extract)
    assert processing.process_article(article.pk) is True
    assert seen == [False, Article.Status.PROCESSING]  # processing, and held: not taken for dead
    held = Article.objects.filter(pk__in=models._held_article_ids())
    assert not held.exists()  # released once done


def test_it_does_not_write_when_the_article_was_taken_over_meanwhile(make_article, monkeypatch):
    """A slow worker finishing after its article was requeued as stuck must not write."""
    article = make_article()

    def slow(text, published, title):
        Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)
        from tests.articles.conftest import fake_extract

        return fake_extract(text, published, title)

    monkeypatch.setattr(processing, "run_extraction", slow)
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert not Event.objects.filter(article=article).exists()


def test_it_keeps_reviewed_records_on_reextraction(done_article, editor):
    article = done_article
    strike = Event.objects.get(article=article, type="strike")
    strike.review_state, strike.summary, strike.reviewed_by = ReviewState.EDITED, "Edited summary", editor
    strike.save()
    pledge = AidPledge.objects.get(article=article)
    pledge.review_state = ReviewState.REJECTED
    pledge.save()
    machine_aid = Event.objects.get(article=article, type="aid")

    assert processing.reextract_article(article.pk) is True

    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    events = Event.objects.filter(article=article)
    # The edited strike stays and is not duplicated; the aid event is kept (it holds the rejected pledge).
    assert events.filter(type="strike").get().summary == "Edited summary"
    assert events.filter(type="aid").get().pk == machine_aid.pk
    assert AidPledge.objects.filter(article=article).get().review_state == ReviewState.REJECTED
    # The machine loss under the edited strike was replaced, and hangs under the kept event.
    loss = LossReport.objects.get(article=article)
    assert loss.event_id == strike.pk and loss.review_state == ReviewState.MACHINE


def test_it_replaces_machine_records_on_reextraction(done_article):
    before = set(Event.objects.filter(article=done_article).values_list("pk", flat=True))
    processing.reextract_article(done_article.pk)
    after = set(Event.objects.filter(article=done_article).values_list("pk", flat=True))
    assert len(after) == 2 and not before & after


def test_it_does_not_reextract_an_article_a_worker_holds(make_article, fake_extraction, live_worker):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, processed_at=timezone.now())
    live_worker(article)
    assert processing.reextract_article(article.pk) is False
    assert processing.reextract_article(article.pk, stuck_too=True) is False
    live_worker.die()
    assert processing.reextract_article(article.pk) is False
    assert processing.reextract_article(article.pk, stuck_too=True) is True
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE


def test_it_fails_a_stored_article_too_long_to_extract_with_a_reason(make_article, fake_extraction, monkeypatch):
    article = make_article()
    monkeypatch.setattr(processing, "MAX_TEXT_CHARS", 50)
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.failure_reason.startswith("Once cleaned, this article is ")
    assert fake_extraction == []  # never handed to the extractor
