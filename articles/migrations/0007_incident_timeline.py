from django.db import migrations, models

import articles.querysets

# An incident with a day stands at it, however it is written (grouping, an editor's merge, a
# test's create()); one without stands at its earliest report date, which grouping sets
# (Incident.place_from_reports) and 0006's article trigger keeps.
TRIGGER_SQL = """
CREATE FUNCTION articles_incident_placed_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.date IS NOT NULL THEN
        NEW.placed_on := NEW.date;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER articles_incident_placed_on BEFORE INSERT OR UPDATE OF date, placed_on ON articles_incident
    FOR EACH ROW EXECUTE FUNCTION articles_incident_placed_on();
"""
TRIGGER_REVERSE = (
    "DROP TRIGGER articles_incident_placed_on ON articles_incident; DROP FUNCTION articles_incident_placed_on();"
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_placed_on"),
    ]

    operations = [
        migrations.RunSQL(TRIGGER_SQL, TRIGGER_REVERSE),
        migrations.AlterField(
            model_name="incident",
            name="placed_on",
            field=models.DateField(blank=True, db_default=None, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(
                models.OrderBy(articles.querysets.TimelineDay(field="placed_on", newest_first=True), descending=True),
                models.OrderBy(articles.querysets.Reported()),
                models.OrderBy(models.F("id"), descending=True),
                name="incident_timeline_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(
                articles.querysets.TimelineDay(field="placed_on", newest_first=False),
                articles.querysets.Reported(),
                models.F("id"),
                name="incident_timeline_oldest",
            ),
        ),
    ]
