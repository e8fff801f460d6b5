"""articles.writing: an article's records written, machine ones replaced, reviewed ones kept."""

from articles import processing
from articles.models import AidPledge, Article, Equipment, Event, LossReport, ReviewState


def test_it_links_a_pledge_to_its_equipment_by_name_or_alias(make_article, fake_extraction):
    leopard = Equipment.objects.create(name="Leopard 2A6", aliases=["Leopard 2", "Leo 2"], category="tank")
    article = make_article()
    processing.process_article(article.pk)
    assert AidPledge.objects.get(article=article).equipment == leopard


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
