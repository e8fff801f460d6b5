"""The background task, run by django_tasks_db's worker as `manage.py db_worker` runs it."""

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from articles import ingest, tasks
from articles.models import Article, Event
from tests.articles.conftest import ARTICLE_TEXT, fake_extract

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def restore_signals():
    """db_worker installs its own SIGINT/SIGTERM handlers; give the test run its own back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_it_processes_an_upload_through_the_worker(make_article, fake_extraction, restore_signals):
    article = make_article(enqueue=True)  # autocommit: the task is queued at once
    assert DBTaskResult.objects.get().task_path == "articles.tasks.process_article_task"

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--verbosity", "0")

    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert Event.objects.filter(article=article).count() == 2
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_it_loads_the_pipeline_before_the_worker_takes_a_task(make_article, monkeypatch, restore_signals):
    from django.core.management.base import CommandError

    from articles.extraction.pipeline import ModelMissing
    from articles.management.commands import db_worker

    def missing(name):
        raise ModelMissing(f"The spaCy model {name!r} (WARBOARD_SPACY_MODEL) is not installed.")

    monkeypatch.setattr(db_worker, "get_pipeline", missing)
    monkeypatch.setattr(settings, "WARBOARD_SPACY_MODEL", "nope")
    article = make_article(enqueue=True)
    with pytest.raises(CommandError, match="'nope' \\(WARBOARD_SPACY_MODEL\\) is not installed"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--verbosity", "0")
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED  # the task was left for a worker that has the model
    assert DBTaskResult.objects.get().status == "READY"


def test_it_records_a_failure_the_worker_can_show(make_article, monkeypatch, restore_signals):
    def broken(text, published, title):
        raise ValueError("no model")

    monkeypatch.setattr(ingest, "run_extraction", broken)
    article = make_article(enqueue=True)
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--verbosity", "0")
    article.refresh_from_db()
    assert (article.status, article.failure_reason) == ("failed", "Extraction failed: ValueError: no model")


def test_it_never_processes_an_article_twice_with_two_workers(make_article, monkeypatch):
    """Each article is queued twice (a retry racing the first run); two workers share the queue."""
    started: list[int] = []
    lock = threading.Lock()

    def slow_extract(text, published, title):
        with lock:
            started.append(threading.get_ident())
        time.sleep(0.05)  # long enough for the other worker to reach the same article
        return fake_extract(text, published, title)

    monkeypatch.setattr(ingest, "run_extraction", slow_extract)
    articles = [make_article(f"{ARTICLE_TEXT}\nArticle number {n}, with a sentence.\n") for n in range(6)]
    for article in articles:
        tasks.process_article_task.enqueue(article.pk)
        tasks.process_article_task.enqueue(article.pk)

    def work(worker_id):
        try:
            Worker(
                queue_names=["default"],
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id=worker_id,
                excluded_queue_names=[],
            ).run()
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=work, args=(f"worker-{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(started) == len(articles)  # one extraction per article, not two
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    for article in articles:
        assert Event.objects.filter(article=article).count() == 2
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 12
    results = sorted(DBTaskResult.objects.values_list("return_value", flat=True), key=str)
    assert results.count(True) == 6 and results.count(False) == 6


WORKER_SCRIPT = """
import sys, time
import django
django.setup()
from articles import ingest

def hang(text, published, title):
    print("extracting", flush=True)
    time.sleep(600)

ingest.run_extraction = hang
ingest.process_article(int(sys.argv[1]))
"""


def test_a_worker_killed_in_the_middle_leaves_the_article_failed_with_a_reason(make_article, tmp_path):
    """A real process, killed with SIGKILL while it extracts: no records, and the reason shows."""
    article = make_article()
    params = connection.get_connection_params()
    url = "postgres://{user}{password}@{host}{port}/{name}".format(
        user=urllib.parse.quote(params.get("user") or "postgres", safe=""),
        password=":" + urllib.parse.quote(params["password"], safe="") if params.get("password") else "",
        host=urllib.parse.quote(params.get("host") or "", safe=""),
        port=f":{params['port']}" if params.get("port") else "",
        name=connection.settings_dict["NAME"],
    )
    env = os.environ | {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "warboard.settings"}
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER_SCRIPT, str(article.pk)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline().strip() == "extracting"
        assert Article.objects.get(pk=article.pk).status == Article.Status.PROCESSING
        assert ingest.fail_orphaned() == 0  # alive: left alone
    finally:
        worker.kill()
        worker.wait(timeout=30)

    deadline = time.monotonic() + 10
    while not ingest.fail_orphaned() and time.monotonic() < deadline:
        time.sleep(0.05)  # PostgreSQL drops the lock as the server process ends
    article.refresh_from_db()
    assert (article.status, article.failure_reason) == (Article.Status.FAILED, ingest.WORKER_DIED)
    assert not Event.objects.filter(article=article).exists()
    assert ingest.requeue_article(article.pk) is True
