"""placed_on: a record's day on the timeline, its own date or else its article's publication date.

Kept by the database (migration 0006) whatever writes the record or the article's date:
extraction's writing, an editor's review, the article page's publication date, grouping.
"""

import datetime

import pytest
from django.db import connection

from articles import incidents, processing
from articles.extraction.records import Event as FoundEvent
from articles.extraction.records import Extraction, Loss, Pledge
from articles.models import AidPledge, Article, Event, Incident, LossReport, Revision
from dashboard import review

D = datetime.date
UNDATED = "Russia has lost more tanks than it admits."
DATED = "On 2 March Russian missiles struck Odesa."


@pytest.fixture
def undated_extraction(monkeypatch):
    """One event without a day (with a loss and a pledge without one) and one dated event."""

    def extract(text, published, title):
        undated, dated = text.find(UNDATED), text.find(DATED)
        result = Extraction(published=published)
        result.events = [
            FoundEvent(None, None, "losses", UNDATED, [], ["RU"], span=(undated, undated + len(UNDATED))),
            FoundEvent(D(2024, 3, 2), "day", "strike", DATED, ["Odesa"], ["RU"], span=(dated, dated + len(DATED))),
        ]
        result.losses = [Loss("RU", "tanks", 40, 40, span=(undated, undated + len(UNDATED)), event=0)]
        result.pledges = [Pledge("DE", "UA", "Leopard 2", "tank", 14, span=(undated, undated + len(UNDATED)), event=0)]
        return result, "test-1"

    monkeypatch.setattr(processing, "run_extraction", extract)


@pytest.fixture
def placed_article(make_article, undated_extraction) -> Article:
    article = make_article(f"Tanks and missiles\n\n{UNDATED}\n\n{DATED}\n", published=D(2024, 3, 5))
    processing.process_article(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    return article


def _placed(model, article) -> set:
    return set(model.objects.filter(article=article).values_list("date", "placed_on"))


def test_it_places_written_records_at_their_day_or_the_publication_date(placed_article):
    assert _placed(Event, placed_article) == {(None, D(2024, 3, 5)), (D(2024, 3, 2), D(2024, 3, 2))}
    assert _placed(LossReport, placed_article) == {(None, D(2024, 3, 5))}
    assert _placed(AidPledge, placed_article) == {(None, D(2024, 3, 5))}


def test_it_leaves_records_unplaced_without_a_day_or_a_publication_date(make_article, undated_extraction):
    article = make_article(f"Tanks\n\n{UNDATED}\n\n{DATED}\n")
    processing.process_article(article.pk)
    assert _placed(Event, article) == {(None, None), (D(2024, 3, 2), D(2024, 3, 2))}
    assert _placed(LossReport, article) == {(None, None)}


def test_it_reads_the_place_back_on_create(placed_article):
    event = Event.objects.create(article=placed_article, type="other", summary="x", span_start=0, span_end=1)
    assert event.placed_on == D(2024, 3, 5)


def test_it_moves_undated_records_with_the_publication_date(placed_article):
    Article.objects.filter(pk=placed_article.pk).set_published(D(2024, 3, 9))
    placed_article.refresh_from_db()
    assert placed_article.published == D(2024, 3, 9)
    assert placed_article.published_source == Article.PublishedSource.SUPPLIED
    assert _placed(Event, placed_article) == {(None, D(2024, 3, 9)), (D(2024, 3, 2), D(2024, 3, 2))}
    assert _placed(LossReport, placed_article) == {(None, D(2024, 3, 9))}
    assert _placed(AidPledge, placed_article) == {(None, D(2024, 3, 9))}


def test_it_places_an_undated_incident_at_its_reports_report_date(placed_article):
    undated = Event.objects.get(article=placed_article, date__isnull=True)
    dated = Event.objects.get(article=placed_article, date__isnull=False)
    assert Incident.objects.get(reports=undated).placed_on == D(2024, 3, 5)
    assert Incident.objects.get(reports=dated).placed_on == D(2024, 3, 2)
    Article.objects.filter(pk=placed_article.pk).set_published(D(2024, 3, 9))
    assert Incident.objects.get(reports=undated).placed_on == D(2024, 3, 9)
    assert Incident.objects.get(reports=dated).placed_on == D(2024, 3, 2)


def test_it_keeps_the_incident_place_after_regrouping(placed_article):
    Incident.objects.update(placed_on=None)
    incidents.group_all()
    undated = Event.objects.get(article=placed_article, date__isnull=True)
    assert Incident.objects.get(reports=undated).placed_on == D(2024, 3, 5)


def test_it_moves_a_record_whose_date_an_editor_edits(placed_article, editor):
    event = Event.objects.get(article=placed_article, date__isnull=False)
    data = {"type": "strike", "date": "", "precision": "", "summary": DATED, "places": "Odesa", "countries": "RU"}
    review.apply_review("event", event.pk, Revision.Action.EDIT, editor, data)
    event.refresh_from_db()
    assert (event.date, event.placed_on) == (None, D(2024, 3, 5))
    data.update(date="2024-02-28", precision="day")
    review.apply_review("event", event.pk, Revision.Action.EDIT, editor, data)
    event.refresh_from_db()
    assert event.placed_on == D(2024, 2, 28)


def test_it_keeps_reviewed_undated_records_at_the_new_date_on_reextraction(placed_article, editor):
    loss = LossReport.objects.get(article=placed_article)
    review.apply_review("loss", loss.pk, Revision.Action.CONFIRM, editor)
    Article.objects.filter(pk=placed_article.pk).update(published=D(2024, 3, 7))
    assert processing.reextract_article(placed_article.pk) is True
    loss.refresh_from_db()
    assert loss.placed_on == D(2024, 3, 7)


def test_the_migration_fills_the_column_from_the_articles(placed_article):
    from importlib import import_module

    migration = import_module("articles.migrations.0006_placed_on")
    with connection.cursor() as cursor:
        # Triggers off, as when the migration runs on a database that had no placed_on.
        cursor.execute("SET session_replication_role = replica")
        for table in migration.RECORD_TABLES:
            cursor.execute(f"UPDATE {table} SET placed_on = NULL")
        cursor.execute("UPDATE articles_incident SET placed_on = NULL")
        assert _placed(Event, placed_article) == {(None, None), (D(2024, 3, 2), None)}
        cursor.execute(migration.FILL_SQL)
        cursor.execute("SET session_replication_role = DEFAULT")
    assert _placed(Event, placed_article) == {(None, D(2024, 3, 5)), (D(2024, 3, 2), D(2024, 3, 2))}
    assert _placed(AidPledge, placed_article) == {(None, D(2024, 3, 5))}
    assert set(Incident.objects.values_list("placed_on", flat=True)) == {D(2024, 3, 5), D(2024, 3, 2)}
