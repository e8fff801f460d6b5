"""django-tasks-db's worker, with the spaCy pipeline loaded before the first task.

Loading the model takes seconds; done here, the first article of a fresh worker
is not slower than the rest, and a worker whose model is missing stops at once
with the reason instead of failing every article it takes. `articles` comes
before `django_tasks_db` in INSTALLED_APPS so that this command is the one
`manage.py db_worker` runs.
"""

import os

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from articles.extraction.pipeline import ModelMissing, get_pipeline


class Command(DBWorkerCommand):
    help = DBWorkerCommand.help + " Loads the extraction pipeline before taking tasks."

    def handle(self, *args, **options):
        # With autoreload the parent process only watches files; the child runs the tasks.
        watching_only = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if not watching_only:
            try:
                get_pipeline(settings.WARBOARD_SPACY_MODEL)
            except ModelMissing as error:
                raise CommandError(str(error)) from error
            except KeyboardInterrupt:
                return None  # Ctrl-C while loading: nothing was taken from the queue yet
        return super().handle(*args, **options)
