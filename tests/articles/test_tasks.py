"""The background task, run by the worker as `manage.py db_worker` runs it: batches, time limits, dead workers.

Workers here are real processes where it matters (killed with SIGKILL), running the
real command with the extractor replaced by the fake of conftest (WORKER_SCRIPT).
"""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from articles import processing
from articles.models import Article, Event
from tests.articles.conftest import ARTICLE_TEXT, FAKE_VERSION, fake_extract, is_orphaned

pytestmark = pytest.mark.django_db(transaction=True)

BATCH = ("db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--verbosity", "0")


@pytest.fixture
def restore_signals():
    """db_worker installs its own SIGINT/SIGTERM handlers; give the test run its own back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.fixture
def extraction_log(tmp_path, monkeypatch):
    """Both extractor seams replaced by the fake; extraction runs in a child process, so calls go to a file."""
    log = tmp_path / "extracted"
    log.touch()

    def note(texts):
        with log.open("a") as out:
            out.write(" | ".join(text.strip().splitlines()[-1] for text in texts) + "\n")

    def one(text, published, title):
        note([text])
        return fake_extract(text, published, title)

    def many(texts, published, titles):
        note(texts)
        return [fake_extract(*args)[0] for args in zip(texts, published, titles, strict=True)], FAKE_VERSION

    monkeypatch.setattr(processing, "run_extraction", one)
    monkeypatch.setattr(processing, "run_extraction_many", many)
    return log


def numbered(make_article, count):
    return [make_article(f"{ARTICLE_TEXT}\nArticle number {n}.\n", enqueue=True) for n in range(count)]


def test_it_processes_an_upload_through_the_worker(make_article, extraction_log, restore_signals):
    article = make_article(enqueue=True)  # autocommit: the task is queued at once
    assert DBTaskResult.objects.get().task_path == "articles.tasks.process_article_task"

    call_command(*BATCH)

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
        call_command(*BATCH)
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED  # the task was left for a worker that has the model
    assert DBTaskResult.objects.get().status == "READY"


def test_it_records_the_failure_on_the_article_and_as_the_task_s_result(make_article, monkeypatch, restore_signals):
    def broken(text, published, title):
        raise ValueError("no model")

    monkeypatch.setattr(processing, "run_extraction", broken)
    article = make_article(enqueue=True)
    call_command(*BATCH)
    article.refresh_from_db()
    assert (article.status, article.failure_reason) == ("failed", "Extraction failed: ValueError: no model")
    task = DBTaskResult.objects.get()
    assert (task.status, task.exception_class_path) == ("FAILED", "articles.tasks.ArticleFailed")
    assert f"Article {article.pk}: Extraction failed: ValueError: no model" in task.traceback


def test_it_extracts_the_queued_articles_together(make_article, extraction_log, restore_signals):
    articles = numbered(make_article, 3)
    call_command(*BATCH)
    # One nlp.pipe call for the three; the two other tasks found their articles taken.
    assert extraction_log.read_text() == "Article number 0. | Article number 1. | Article number 2.\n"
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    for article in articles:
        assert Event.objects.filter(article=article).count() == 2
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [(r.status, r.return_value) for r in results] == [("SUCCESSFUL", True)] + [("SUCCESSFUL", False)] * 2


def test_an_article_that_breaks_its_batch_fails_alone(make_article, extraction_log, monkeypatch, restore_signals):
    good, bad, other = numbered(make_article, 3)
    many, one = processing.run_extraction_many, processing.run_extraction

    def breaks_on_bad(text, published, title):
        if "Article number 1." in text:
            raise RuntimeError("the parser fell over")
        return one(text, published, title)

    def batch(texts, published, titles):
        if any("Article number 1." in text for text in texts):
            raise RuntimeError("the parser fell over")
        return many(texts, published, titles)

    monkeypatch.setattr(processing, "run_extraction", breaks_on_bad)
    monkeypatch.setattr(processing, "run_extraction_many", batch)
    call_command(*BATCH)
    statuses = dict(Article.objects.values_list("pk", "status"))
    assert statuses == {good.pk: "done", bad.pk: "failed", other.pk: "done"}
    assert Article.objects.get(pk=bad.pk).failure_reason == "Extraction failed: RuntimeError: the parser fell over"
    # Each article's own task tells how it ended.
    by_article = {r.args_kwargs["args"][0]: r.status for r in DBTaskResult.objects.all()}
    assert by_article == {good.pk: "SUCCESSFUL", bad.pk: "FAILED", other.pk: "SUCCESSFUL"}


def test_a_runaway_article_is_stopped_at_the_time_limit_and_the_rest_of_its_batch_is_done(
    make_article, extraction_log, monkeypatch, settings, restore_signals
):
    """Cleaning that never ends (a catastrophic regular expression: C code, deaf to signals) fails with the reason."""
    read_document = processing.read_document

    def hostile_cleaning(raw, *args):
        if b"HOSTILE" in raw:
            re.match(r"(x+x+)+y", "x" * 64)  # exponential backtracking: centuries
        return read_document(raw, *args)

    hostile = make_article("HOSTILE paste, one line.\n", enqueue=True)
    normal = make_article(enqueue=True)
    monkeypatch.setattr(processing, "read_document", hostile_cleaning)  # in the worker, not at upload
    settings.WARBOARD_PROCESSING_TIMEOUT = 2

    started = time.monotonic()
    call_command(*BATCH)
    elapsed = time.monotonic() - started

    hostile.refresh_from_db()
    assert hostile.status == "failed"
    assert hostile.failure_reason == (
        "Processing took longer than 2 s (WARBOARD_PROCESSING_TIMEOUT) and was stopped; nothing was stored. "
        "The file may be malformed or too complex to read."
    )
    assert Article.objects.get(pk=normal.pk).status == "done"
    assert Event.objects.filter(article=normal).count() == 2 and not Event.objects.filter(article=hostile).exists()
    # The batch's limit, then the hostile article alone: two limits, not the regex's centuries.
    assert elapsed < 15
    by_article = {r.args_kwargs["args"][0]: r.status for r in DBTaskResult.objects.all()}
    assert by_article == {hostile.pk: "FAILED", normal.pk: "SUCCESSFUL"}


# --- real worker processes ------------------------------------------------------------

WORKER_SCRIPT = """
import os, sys, time
import django
django.setup()
from django.core.management import call_command
from articles import processing
from articles.management.commands import db_worker
from tests.articles.conftest import FAKE_VERSION, fake_extract

log = os.environ["EXTRACTION_LOG"]


def note(texts):
    with open(log, "a") as out:
        out.write(f"{os.getpid()} " + " | ".join(t.strip().splitlines()[-1] for t in texts) + "\\n")
    if os.environ.get("HANG_ON") and any(os.environ["HANG_ON"] in t for t in texts):
        time.sleep(600)


def one(text, published, title):
    note([text])
    return fake_extract(text, published, title)


def many(texts, published, titles):
    note(texts)
    return [fake_extract(*args)[0] for args in zip(texts, published, titles)], FAKE_VERSION


processing.run_extraction, processing.run_extraction_many = one, many
db_worker.get_pipeline = lambda name: None  # the fake needs no spaCy model
db_worker.RECOVERY_SECONDS = 0.2
call_command("db_worker", "--no-reload", "--no-startup-delay", *sys.argv[1:])
"""


@pytest.fixture
def spawn_worker(tmp_path):
    """Start `manage.py db_worker ARGS` as a process of its own on the test database."""
    params = connection.get_connection_params()
    url = "postgres://{user}{password}@{host}{port}/{name}".format(
        user=urllib.parse.quote(params.get("user") or "postgres", safe=""),
        password=":" + urllib.parse.quote(params["password"], safe="") if params.get("password") else "",
        host=urllib.parse.quote(params.get("host") or "", safe=""),
        port=f":{params['port']}" if params.get("port") else "",
        name=connection.settings_dict["NAME"],
    )
    log = tmp_path / "extracted"
    log.touch()
    started = []

    def spawn(*args, hang_on=""):
        env = os.environ | {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "warboard.settings",
            "EXTRACTION_LOG": str(log),
            "HANG_ON": hang_on,
        }
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER_SCRIPT, *args],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        return process

    spawn.log = log
    yield spawn
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def wait_until(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail("timed out")


def status(article):
    return Article.objects.get(pk=article.pk).status


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has ended; only its parent has not collected it yet.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(") ")[-1][0] != "Z"


def test_it_never_processes_an_article_twice_with_two_workers(make_article, spawn_worker):
    """Each article is queued twice (a retry racing the first run); two workers share the queue."""
    articles = [make_article(f"{ARTICLE_TEXT}\nArticle number {n}.\n") for n in range(12)]
    from articles import tasks

    for article in articles:
        tasks.process_article_task.enqueue(article.pk)
        tasks.process_article_task.enqueue(article.pk)
    workers = [spawn_worker("--batch", "--interval", "0") for _ in range(2)]
    for worker in workers:
        output, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0, output

    extracted = [
        name for line in spawn_worker.log.read_text().splitlines() for name in line.split(" ", 1)[1].split(" | ")
    ]
    assert sorted(extracted) == sorted(f"Article number {n}." for n in range(12))  # each once
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    for article in articles:
        assert Event.objects.filter(article=article).count() == 2
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 24


def test_a_worker_that_starts_requeues_the_article_of_a_worker_killed_in_the_middle(make_article, spawn_worker):
    """SIGKILL while extracting: no records, no page view, and the next worker to start does the article."""
    article = make_article(f"{ARTICLE_TEXT}\nArticle HANG.\n", enqueue=True)
    doomed = spawn_worker(hang_on="HANG")
    wait_until(lambda: "Article HANG." in spawn_worker.log.read_text())
    child = int(spawn_worker.log.read_text().split()[0])  # the extraction's own process
    assert status(article) == Article.Status.PROCESSING
    assert not is_orphaned(article.pk)  # alive: left alone

    doomed.kill()
    doomed.wait(timeout=30)
    wait_until(lambda: not pid_alive(child))  # the extraction dies with its worker
    wait_until(lambda: is_orphaned(article.pk))  # PostgreSQL drops the lock as the connection ends
    assert status(article) == Article.Status.PROCESSING
    assert not Event.objects.filter(article=article).exists()

    restarted = spawn_worker("--batch", "--interval", "0")
    output, _ = restarted.communicate(timeout=60)
    assert f"Queued again 1 article(s) whose worker stopped before finishing: {article.pk}" in output
    assert status(article) == Article.Status.DONE
    assert Event.objects.filter(article=article).count() == 2
    # The killed worker's task is recorded as failed, the one queued again as done.
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [(r.status, r.exception_class_path) for r in results] == [
        ("FAILED", "articles.tasks.WorkerDied"),
        ("SUCCESSFUL", ""),
    ]


def test_a_running_worker_takes_over_the_article_of_a_worker_killed_beside_it(make_article, spawn_worker):
    """Two workers; one is killed mid-article; the other, waiting for work, queues it again and does it."""
    article = make_article(f"{ARTICLE_TEXT}\nArticle HANG.\n", enqueue=True)
    doomed = spawn_worker("--interval", "0.1", hang_on="HANG")
    wait_until(lambda: "Article HANG." in spawn_worker.log.read_text())
    survivor = spawn_worker("--interval", "0.1")
    try:
        time.sleep(1)  # the survivor is up and idle: the article is held by a live worker
        assert status(article) == Article.Status.PROCESSING
        doomed.kill()
        wait_until(lambda: status(article) == Article.Status.DONE)
        assert Event.objects.filter(article=article).count() == 2
    finally:
        survivor.send_signal(signal.SIGINT)
        output, _ = survivor.communicate(timeout=30)
    assert survivor.returncode == 0, output
    assert f"Queued again 1 article(s) whose worker stopped before finishing: {article.pk}" in output
