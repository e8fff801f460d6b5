"""articles.processing: claiming an article, reading and extracting it, one transaction for its outcome."""

from django.utils import timezone

from articles import models, processing
from articles.models import AidPledge, Article, Event, LossReport
from tests.articles.conftest import PLEDGE, STRIKE, is_orphaned


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


def test_it_fails_an_article_whose_bytes_cannot_be_read(db, fake_extraction):
    article = Article.objects.create(raw=b"\x00\x01binary", filename="x.txt", sha256="0" * 64)
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.failure_reason == "This looks like a binary file, not text or HTML."


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
    seen: list[object] = []

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
