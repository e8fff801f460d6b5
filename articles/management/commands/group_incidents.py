"""Rebuild every incident from every report, and the editors' decisions.

    manage.py group_incidents

Workers group each article's events as they write it (articles.incidents); this
command groups the whole database again from scratch, after a change of the rule or
a bulk import. The same database always gives the same incidents, whatever order its
articles came in; an incident keeps its id when most of its reports stay in it.
"""

import time

from django.core.management.base import BaseCommand

from articles.incidents import group_all
from articles.models import Event


class Command(BaseCommand):
    help = "Group every event into incidents again (the rule, then the editors' decisions)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        incidents = group_all()
        seconds = time.perf_counter() - started
        reports = Event.objects.count()
        self.stdout.write(f"{reports:,} reports in {incidents:,} incidents ({seconds:.1f} s).")
