"""The data version moves only on article writes the dashboard reads (issue 10).

Migration 0002 moved it on every statement that wrote articles_article, so each status
change of an ingest (queued, processing, done or failed) made the charts' snapshot stale.
No chart or filter list reads an article's status: they read its records (whose own
triggers move the version), its title (`q=`) and outlet (`outlet=`, the outlet list),
and which articles exist. Changing the text re-cuts the records' sentences, which moves
the version through the records' triggers.
"""

from django.db import migrations

FORWARD = """
DROP TRIGGER articles_article_version ON articles_article;
CREATE TRIGGER articles_article_version
    AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF title, outlet, title_vector ON articles_article
    FOR EACH STATEMENT EXECUTE FUNCTION warboard_data_changed();
"""
REVERSE = """
DROP TRIGGER articles_article_version ON articles_article;
CREATE TRIGGER articles_article_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles_article
    FOR EACH STATEMENT EXECUTE FUNCTION warboard_data_changed();
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_article_search_trigrams")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
