"""Pages at scale (issue 10): the timeline's order indexes, stored search vectors, stored sentences,
the data version the dashboard's snapshots are keyed on, and the CSV cell function of the exports."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.conf import settings
from django.db import migrations, models

import articles.querysets

# The stored search vectors (Event.search_vector, Article.title_vector), written by a
# trigger rather than a GeneratedField: Django's check of a GeneratedField opens a
# database connection, and `check --deploy` must pass without one.
SEARCH_SQL = """
CREATE FUNCTION articles_event_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := to_tsvector('english'::regconfig, coalesce(NEW.summary, ''));
    RETURN NEW;
END $$;
CREATE TRIGGER articles_event_search_vector BEFORE INSERT OR UPDATE OF summary, search_vector ON articles_event
    FOR EACH ROW EXECUTE FUNCTION articles_event_search_vector();
UPDATE articles_event SET search_vector = to_tsvector('english'::regconfig, coalesce(summary, ''));
CREATE FUNCTION articles_article_title_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.title_vector := to_tsvector('english'::regconfig, coalesce(NEW.title, ''));
    RETURN NEW;
END $$;
CREATE TRIGGER articles_article_title_vector BEFORE INSERT OR UPDATE OF title, title_vector ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_title_vector();
UPDATE articles_article SET title_vector = to_tsvector('english'::regconfig, coalesce(title, ''));
"""
SEARCH_REVERSE = (
    "DROP TRIGGER articles_event_search_vector ON articles_event; DROP FUNCTION articles_event_search_vector();"
    "DROP TRIGGER articles_article_title_vector ON articles_article; DROP FUNCTION articles_article_title_vector();"
)
RECORD_TABLES = ("articles_event", "articles_lossreport", "articles_aidpledge")
VERSIONED_TABLES = ("articles_article", *RECORD_TABLES, "articles_place")

# Each record's sentence, cut once when it is written (not per row of every export).
SENTENCE_SQL = """
CREATE FUNCTION articles_record_sentence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.sentence_text := coalesce(substr(
        (SELECT text FROM articles_article WHERE id = NEW.article_id),
        NEW.span_start + 1, NEW.span_end - NEW.span_start), '');
    RETURN NEW;
END $$;
CREATE FUNCTION articles_article_sentences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_event SET sentence_text = substr(NEW.text, span_start + 1, span_end - span_start)
        WHERE article_id = NEW.id;
    UPDATE articles_lossreport SET sentence_text = substr(NEW.text, span_start + 1, span_end - span_start)
        WHERE article_id = NEW.id;
    UPDATE articles_aidpledge SET sentence_text = substr(NEW.text, span_start + 1, span_end - span_start)
        WHERE article_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_article_sentences AFTER UPDATE OF text ON articles_article
    FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION articles_article_sentences();
""" + "".join(
    f"""
CREATE TRIGGER {table}_sentence BEFORE INSERT OR UPDATE OF span_start, span_end, article_id ON {table}
    FOR EACH ROW EXECUTE FUNCTION articles_record_sentence();
UPDATE {table} r SET sentence_text = substr(a.text, r.span_start + 1, r.span_end - r.span_start)
    FROM articles_article a WHERE a.id = r.article_id;
"""
    for table in RECORD_TABLES
)
SENTENCE_REVERSE = "".join(f"DROP TRIGGER {table}_sentence ON {table};" for table in RECORD_TABLES) + (
    "DROP TRIGGER articles_article_sentences ON articles_article;"
    "DROP FUNCTION articles_article_sentences(); DROP FUNCTION articles_record_sentence();"
)

# Any statement that writes records, articles or places moves the data version on; a
# snapshot (chart numbers, filter suggestions) computed at an older version is not served
# as current (dashboard/snapshots.py). Statement-level: one nextval per statement, not per row.
VERSION_SQL = """
CREATE SEQUENCE warboard_data_version;
CREATE FUNCTION warboard_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('warboard_data_version');
    RETURN NULL;
END $$;
CREATE TABLE warboard_snapshot (
    key text PRIMARY KEY,
    version bigint NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    body text NOT NULL
);
""" + "".join(
    f"""
CREATE TRIGGER {table}_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION warboard_data_changed();
"""
    for table in VERSIONED_TABLES
)
VERSION_REVERSE = "".join(f"DROP TRIGGER {table}_version ON {table};" for table in VERSIONED_TABLES) + (
    "DROP TABLE warboard_snapshot; DROP FUNCTION warboard_data_changed(); DROP SEQUENCE warboard_data_version;"
)

# One CSV text cell, as the exports write it (dashboard/exports.py; COPY quotes it):
# whitespace (line breaks included) run together into one space, and a leading ' when a
# spreadsheet would read a formula. One SQL expression (no FROM), so the planner inlines
# it; cheap tests first, the regular expression only for a cell with a line break or a
# double space. (E'\v' is no escape in PostgreSQL: chr(11) is the vertical tab.)
CSV_CELL_SQL = r"""
CREATE FUNCTION warboard_csv_cell(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN strpos(value, E'\n') > 0 OR strpos(value, E'\r') > 0 OR strpos(value, E'\t') > 0
             OR strpos(value, E'\f') > 0 OR strpos(value, chr(11)) > 0 OR strpos(value, '  ') > 0
             OR left(value, 1) = ' ' OR right(value, 1) = ' ' THEN
            CASE WHEN left(btrim(regexp_replace(value, '\s+', ' ', 'g')), 1) IN ('=', '+', '-', '@')
                 THEN '''' ELSE '' END || btrim(regexp_replace(value, '\s+', ' ', 'g'))
        WHEN left(value, 1) IN ('=', '+', '-', '@') THEN '''' || value
        ELSE value
    END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="event",
            name="event_summary_fts",
        ),
        migrations.AddField(
            model_name="aidpledge",
            name="sentence_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="title_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="event",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="event",
            name="sentence_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="lossreport",
            name="sentence_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddIndex(
            model_name="aidpledge",
            index=models.Index(fields=["event", "id"], name="pledge_event_id"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(fields=["title_vector"], name="article_title_fts"),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.OrderBy(articles.querysets.TimelineDay(newest_first=True), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                name="event_timeline_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                articles.querysets.TimelineDay(newest_first=False), models.F("id"), name="event_timeline_oldest"
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="event_search_fts"),
        ),
        migrations.AddIndex(
            model_name="lossreport",
            index=models.Index(fields=["event", "id"], name="loss_event_id"),
        ),
        migrations.AddIndex(
            model_name="aidpledge",
            index=models.Index(fields=["donor", "event"], include=["review_state"], name="pledge_donor_event"),
        ),
        migrations.AddIndex(
            model_name="aidpledge",
            index=models.Index(fields=["recipient", "event"], include=["review_state"], name="pledge_recipient_event"),
        ),
        migrations.AddIndex(
            model_name="aidpledge",
            index=models.Index(
                condition=models.Q(("review_state", "machine"), _negated=True),
                fields=["review_state", "event"],
                name="pledge_reviewed",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                condition=models.Q(("review_state", "machine"), _negated=True),
                fields=["review_state"],
                name="event_reviewed",
            ),
        ),
        migrations.AddIndex(
            model_name="lossreport",
            index=models.Index(fields=["side", "event"], include=["review_state"], name="loss_side_event"),
        ),
        migrations.AddIndex(
            model_name="lossreport",
            index=models.Index(fields=["reported_by", "event"], include=["review_state"], name="loss_claimant_event"),
        ),
        migrations.AddIndex(
            model_name="lossreport",
            index=models.Index(
                condition=models.Q(("review_state", "machine"), _negated=True),
                fields=["review_state", "event"],
                name="loss_reviewed",
            ),
        ),
        migrations.RunSQL(SEARCH_SQL, SEARCH_REVERSE),
        migrations.RunSQL(SENTENCE_SQL, SENTENCE_REVERSE),
        migrations.RunSQL(VERSION_SQL, VERSION_REVERSE),
        migrations.RunSQL(CSV_CELL_SQL, "DROP FUNCTION warboard_csv_cell(text);"),
    ]
