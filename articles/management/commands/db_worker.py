"""django-tasks-db's worker, with the spaCy pipeline loaded first and articles of dead workers queued again.

Loading the model takes seconds; done here, the first article of a fresh worker
is not slower than the rest, and a worker whose model is missing stops at once
with the reason instead of failing every article it takes. `articles` comes
before `django_tasks_db` in INSTALLED_APPS so that this command is the one
`manage.py db_worker` runs.

A worker that dies (SIGKILL, a lost machine) leaves its articles processing with
nobody holding their advisory locks (see articles.processing). Every worker looks for
such articles as it starts, between tasks and while it waits for work, and queues
them again, so no page view and no restart is needed.
"""

import logging
import math
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.tasks import TaskResultStatus
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from articles import tasks
from articles.extraction.pipeline import ModelMissing, get_pipeline

logger = logging.getLogger("django_tasks_db")

# How often a running worker looks for articles whose worker died (a cheap indexed query).
RECOVERY_SECONDS = 10.0


class _QuietRounds(logging.Filter):
    """Drop the start and stop lines django-tasks-db logs for each of the idle rounds below."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(("Starting worker", "No more tasks to run"))


class RecoveringWorker(Worker):
    def __init__(self, *, ready_file: str = "", **options):
        super().__init__(**options)
        self.recovered_at = -math.inf
        self.ready_file = ready_file

    def recover(self, *, now: bool = False) -> list[int]:
        """Queue again the articles of workers that died; at most every RECOVERY_SECONDS unless `now`."""
        if not now and time.monotonic() - self.recovered_at < RECOVERY_SECONDS:
            return []
        self.recovered_at = time.monotonic()
        try:
            requeued = tasks.requeue_stuck()
        except DatabaseError:
            logger.exception("Could not look for articles whose worker died; trying again later.")
            return []
        if requeued:
            logger.warning(
                "Queued again %s article(s) whose worker stopped before finishing: %s",
                len(requeued),
                ", ".join(map(str, requeued)),
            )
            self.fail_tasks_of_dead_workers(requeued)
        return requeued

    @staticmethod
    def fail_tasks_of_dead_workers(article_ids: list[int]) -> None:
        """The task each dead worker was running would show as running forever: record it as failed."""
        stale = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING,
            task_path__in=[tasks.process_article_task.module_path, tasks.reextract_article_task.module_path],
            args_kwargs__args__0__in=article_ids,
        )
        for result in stale:
            result.set_failed(tasks.WorkerDied(f"Article {result.args_kwargs['args'][0]}: {tasks.WORKER_DIED}"))

    def run_task(self, db_task_result) -> None:
        self.recover()
        super().run_task(db_task_result)

    def run(self) -> None:
        self.recover(now=True)
        if self.batch:
            return super().run()
        # django-tasks-db's loop sleeps between polls with no hook for other work, so it
        # runs in batch mode (until the queue is empty) and orphans are looked for between rounds.
        self.batch = True
        logger.info("Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names))
        if self.ready_file:
            Path(self.ready_file).touch()  # scripts/run-dev prints the URL once this exists
        quiet = _QuietRounds()
        logger.addFilter(quiet)
        try:
            super().run()
            self.startup_delay = False
            while self.running and (self.max_tasks is None or self._run_tasks < self.max_tasks):
                time.sleep(self.interval)  # SIGINT and SIGTERM end the worker here, as in the library's loop
                self.recover()
                super().run()
        finally:
            logger.removeFilter(quiet)
        return None


class Command(DBWorkerCommand):
    help = DBWorkerCommand.help + (
        ". Loads the extraction pipeline before taking tasks, and queues again the articles of workers that died."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--ready-file", default="", help="A file to create once the worker takes tasks.")

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
        return self._run_worker(**options)

    def _run_worker(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        ready_file: str,
        **options,
    ) -> None:
        """django-tasks-db's handle(), with this module's worker in place of its own."""
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("Warning: --reload and --batch cannot be specified together. Disabling autoreload.")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = RecoveringWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
            ready_file=ready_file,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the child, which runs the tasks
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
