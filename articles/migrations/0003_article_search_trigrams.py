"""Trigram indexes for the article list's search, where the server has pg_trgm.

The list searches titles, outlets and file names for a substring (`icontains`, which Django
writes as `UPPER(col::text) LIKE UPPER('%q%')`); without an index every search reads the whole
table twice (the page and its count). A GIN trigram index on the same expressions answers a
rare word from the index. pg_trgm is a contrib extension: PostgreSQL servers from packages and
the official images have it, the embedded development server (pgserver) does not, so there the
indexes are skipped and the search works as before, only slower.
"""

from django.db import migrations

COLUMNS = ("title", "outlet", "filename")


def create_indexes(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in COLUMNS:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS article_{column}_trgm ON articles_article "
                f"USING gin (UPPER({column}::text) gin_trgm_ops)"
            )


def drop_indexes(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for column in COLUMNS:
            cursor.execute(f"DROP INDEX IF EXISTS article_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_timeline_at_scale")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
