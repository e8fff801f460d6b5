"""Bulk ingestion throughput with one and with two worker processes, measured in one run.

    make bench-ingest          (a scratch embedded database; nothing of yours is touched)
    manage.py bench_ingest MANIFEST [--limit N] [--workers 1,2]

Each round empties the scratch database, queues the same articles, starts that many
`manage.py db_worker --batch` processes and waits for them. Throughput is counted
from the first task a worker started to the last it finished (django-tasks-db
records both); workers load spaCy before they take a task, so those seconds do not
count. The wall-clock figure beside it includes them.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Max, Min
from django_tasks_db.models import DBTaskResult

from articles.management.commands.ingest import read_manifest
from articles.models import Article
from articles.uploads import InvalidUpload, Upload, create_article, read_upload


class Command(BaseCommand):
    help = "Measure bulk ingestion with one and with several worker processes (needs an empty database)."

    def add_arguments(self, parser):
        parser.add_argument("manifest", type=Path)
        parser.add_argument("--limit", type=int, default=None, help="how many articles of the manifest (default all)")
        parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
        parser.add_argument(
            "--scratch", action="store_true", help="the database is a scratch one: empty it between rounds"
        )

    def handle(self, manifest, limit, workers, scratch, **options):
        if not scratch:
            raise CommandError(
                "bench_ingest deletes every article between rounds: run it on a scratch database "
                "with --scratch (make bench-ingest does)."
            )
        counts = [int(n) for n in workers.split(",")]
        sources = [s for s in read_manifest(manifest) if not s.error][:limit]
        readable = []
        for source in sources:
            upload = Upload(raw=source.path.read_bytes(), filename=source.path.name)
            try:
                document = read_upload(upload)
            except InvalidUpload:
                continue
            readable.append((source, upload, document))
        words = sum(len(document.text.split()) for _, _, document in readable)
        self.stdout.write(f"{len(readable)} articles, {words} words, from {manifest}")

        rows = []
        for count in counts:
            self.empty()
            for source, upload, document in readable:
                create_article(
                    upload,
                    title=source.title,
                    url=source.url,
                    outlet=source.outlet,
                    published=source.published,
                    document=document,
                )
            started = time.perf_counter()
            procs = [
                subprocess.Popen(  # noqa: S603 - our own manage.py
                    [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.05"],
                    cwd=settings.BASE_DIR,
                    env=os.environ.copy(),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for _ in range(count)
            ]
            for proc in procs:
                proc.wait()
            wall = time.perf_counter() - started
            done = Article.objects.filter(status=Article.Status.DONE).count()
            failed = Article.objects.filter(status=Article.Status.FAILED).count()
            span = DBTaskResult.objects.aggregate(first=Min("started_at"), last=Max("finished_at"))
            busy = (span["last"] - span["first"]).total_seconds()
            rows.append((count, done, failed, busy, wall))
            if done + failed != len(readable):
                raise CommandError(f"{count} worker(s) left {len(readable) - done - failed} articles unprocessed")

        base = rows[0]
        self.stdout.write(
            f"{'workers':>8}{'done':>6}{'failed':>7}{'busy s':>9}{'art/s':>8}{'words/s':>9}{'ratio':>7}{'wall s':>9}"
        )
        for count, done, failed, busy, wall in rows:
            self.stdout.write(
                f"{count:>8}{done:>6}{failed:>7}{busy:>9.1f}{(done + failed) / busy:>8.1f}{words / busy:>9.0f}"
                f"{base[3] / busy:>7.2f}{wall:>9.1f}"
            )
        self.stdout.write("ratio: throughput against the first row, measured in this run")

    def empty(self):
        Article.objects.all().delete()
        DBTaskResult.objects.all().delete()
