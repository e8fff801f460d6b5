"""Copy the places and equipment gazetteers into the Place and Equipment tables.

    python manage.py load_gazetteers

Idempotent: rows are matched by name and updated, so running it again after a
gazetteer changes brings the tables up to date without duplicates. Rows whose
name left the gazetteer are kept (an AidPledge may point at them).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.extraction import gazetteer
from articles.models import Equipment, Place


class Command(BaseCommand):
    help = "Load the places and equipment gazetteers into the database."

    def handle(self, *args, **options):
        # One transaction: the tables are never half loaded for the dashboard's map.
        with transaction.atomic():
            places = self.load_places()
            items = self.load_equipment()
        self.stdout.write(f"{places} places, {items} equipment items loaded")

    def load_places(self) -> int:
        existing = {p.name: p for p in Place.objects.all()}
        new, changed = [], []
        fields = ["alt_names", "country", "kind", "latitude", "longitude"]
        for record in gazetteer.places():
            values = {
                "alt_names": list(record.alt_names),
                "country": record.country,
                "kind": record.kind,
                "latitude": record.latitude,
                "longitude": record.longitude,
            }
            row = existing.get(record.name)
            if row is None:
                new.append(Place(name=record.name, **values))
            elif any(getattr(row, f) != v for f, v in values.items()):
                for f, v in values.items():
                    setattr(row, f, v)
                changed.append(row)
        # Bulk writes: nearly 9,000 rows, row-by-row update_or_create takes minutes.
        Place.objects.bulk_create(new, batch_size=1000)
        Place.objects.bulk_update(changed, fields, batch_size=1000)
        return len(gazetteer.places())

    def load_equipment(self) -> int:
        for record in gazetteer.equipment():
            Equipment.objects.update_or_create(
                name=record.name,
                defaults={
                    "aliases": list(record.aliases),
                    "category": record.category,
                    "origin": record.origin,
                },
            )
        return len(gazetteer.equipment())
