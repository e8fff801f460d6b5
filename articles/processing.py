"""Processing, in a worker: claim queued articles, read, clean and extract them, write each.

`process_queued` claims the article with up to BATCH_SIZE - 1 other queued ones,
reads, cleans and extracts them together in a child process under a time limit
(articles.time_limit), then writes each one's cleaned text, records and final
status in ONE transaction of its own (the records through articles.writing). A
worker killed before that transaction commits leaves no records; the article it
held is queued again by the next worker that starts or looks for orphans between
tasks (articles.tasks.requeue_stuck). `reextract_article` runs the same steps again
for an article already processed, replacing the machine's records and keeping those
an analyst reviewed.

How a dead worker is told from a slow one: while it processes an article, a worker
holds a PostgreSQL advisory lock on it (session level). PostgreSQL drops the lock
when the worker's connection ends, however the worker ends (Ctrl-C, SIGKILL, a lost
machine), so "processing, and nobody holds its lock" means the worker died
(ArticleQuerySet.orphaned).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils.module_loading import import_string

from articles import incidents
from articles.extraction.cleaning import Document, UnreadableDocument, read_document
from articles.models import LOCK_NAMESPACE, Article, ArticleQuerySet
from articles.time_limit import ChildDied, TimeLimitExceeded, run_in_child
from articles.writing import write_records

if TYPE_CHECKING:
    from articles.extraction.records import Extraction

logger = logging.getLogger(__name__)

MAX_REASON_LENGTH = 2000
TEXT_TOO_LONG = (
    "Once cleaned, this article is {length:,} characters long; Warboard reads articles of at most "
    "{limit:,} characters. Split it into parts."
)
# The longest cleaned text extraction is given (a 5 MB file can hold five times spaCy's own
# limit of 1,000,000). Measured here: 200,000 characters take about 12 s and 1 GB of memory
# in one worker, and memory grows with length; the longest article of the pool is about
# 30,000 characters.
MAX_TEXT_CHARS = 200_000

# How many queued articles one worker claims at once and parses together (nlp.pipe).
BATCH_SIZE = 8
TIMED_OUT = (
    "Processing took longer than {seconds} s (WARBOARD_PROCESSING_TIMEOUT) and was stopped; nothing was stored. "
    "The file may be malformed or too complex to read."
)
PROCESS_DIED = "The process reading this article stopped ({how}); nothing was stored."


def _lock(article_ids: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, id) FROM unnest(%s::int[]) AS id", [LOCK_NAMESPACE, article_ids])


def _unlock(article_id: int) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s::int)", [LOCK_NAMESPACE, article_id])
    except DatabaseError:
        # The connection is gone, and the lock with it.
        logger.warning("Could not unlock article %s: its connection is gone.", article_id)


def _claim(article_id: int, candidates: ArticleQuerySet) -> bool:
    """Move the article to processing if it is among `candidates` (the states it may be taken from),
    and lock it for this worker.

    One conditional UPDATE: of two workers handed the same article (a task queued
    twice, a retry racing the first run) only one sees a row updated, so no article
    is processed by two workers at once. The advisory lock is taken in the same
    transaction, so the article never shows as processing without a worker's lock.
    The only session that can hold that lock already is a worker finishing this
    article a moment ago (its status is committed, its unlock is next): waiting is short.
    """
    with transaction.atomic():
        claimed = candidates.filter(pk=article_id).claim()
        if claimed:
            _lock([article_id])
    return bool(claimed)


def _claim_batch(article_id: int, size: int) -> list[int]:
    """Claim the queued article and up to `size - 1` other queued ones, oldest first; [] when it is not queued.

    FOR UPDATE SKIP LOCKED: two workers claiming at once take different articles
    instead of waiting for each other; the rows they lock stay queued until the UPDATE,
    so every id returned was moved to processing by this worker.
    """
    with transaction.atomic():
        queued = Article.objects.queued().select_for_update(skip_locked=True)
        ids = list(queued.filter(pk=article_id).values_list("pk", flat=True))
        if not ids:
            return []
        others = queued.exclude(pk=article_id).order_by("uploaded_at", "id").values_list("pk", flat=True)
        ids += list(others[: size - 1])
        Article.objects.filter(pk__in=ids).claim()
        _lock(ids)
    return ids


def process_article(article_id: int) -> bool:
    """Read, clean and extract a queued article here, without a time limit (`ingest --sync`, the demo);
    False when another worker has it (or did). Workers run `process_queued` instead.
    """
    if not _claim(article_id, Article.objects.queued()):
        logger.info("Article %s is not queued; another worker has it or it is finished.", article_id)
        return False
    _process([article_id], isolated=False)
    return True


def process_queued(article_id: int) -> bool:
    """The worker's task: the article and up to BATCH_SIZE - 1 other queued ones, extracted together.

    The other articles' own tasks then find them taken and end at once. Each article
    is still written in its own transaction and fails alone.
    """
    ids = _claim_batch(article_id, BATCH_SIZE)
    if not ids:
        logger.info("Article %s is not queued; another worker has it or it is finished.", article_id)
        return False
    _process(ids, isolated=True)
    return True


def reextract_article(article_id: int, *, stuck_too: bool = False) -> bool:
    """Extract a processed article again, here (`manage.py reextract`): machine records are replaced,
    reviewed ones kept.

    False when a worker is processing it right now, so re-extraction never runs beside
    a worker. With `stuck_too`, an article whose worker died is taken over.
    """
    if not _claim(article_id, Article.objects.unheld() if stuck_too else Article.objects.idle()):
        return False
    _process([article_id], isolated=False)
    return True


def run_extraction(text: str, published: datetime.date | None, title: str | None) -> tuple[Extraction, str]:
    """The extraction result and the extractor's version (imported here: spaCy loads late)."""
    from articles.extraction import EXTRACTOR_VERSION, extract

    return extract(text, published=published, title=title, model=settings.WARBOARD_SPACY_MODEL), EXTRACTOR_VERSION


def run_extraction_many(
    texts: list[str], published: list[datetime.date | None], titles: list[str | None]
) -> tuple[list[Extraction], str]:
    """Several articles through nlp.pipe at once: the parser works faster on batches."""
    from articles.extraction import EXTRACTOR_VERSION, extract_many

    return extract_many(texts, published, titles, model=settings.WARBOARD_SPACY_MODEL), EXTRACTOR_VERSION


@dataclass(frozen=True)
class Job:
    """What reading and extracting one article needs: plain values, so that a child process can take them."""

    article_id: int
    raw: bytes
    filename: str
    content_type: str
    title: str
    published: datetime.date | None  # the uploader's date, or None

    @classmethod
    def of(cls, article: Article) -> Job:
        supplied = article.published_source == Article.PublishedSource.SUPPLIED
        return cls(
            article.pk,
            bytes(article.raw),
            article.filename,
            article.content_type,
            article.title,
            article.published if supplied else None,
        )


@dataclass(frozen=True)
class Read:
    """One article decoded, cleaned and dated, waiting for extraction."""

    article_id: int
    document: Document
    title: str | None  # the uploader's title, else the document's
    published: datetime.date | None
    published_source: str


@dataclass(frozen=True)
class Extracted:
    """One article read and extracted, ready to be written."""

    article_id: int
    document: Document
    published: datetime.date | None
    published_source: str
    result: Extraction
    version: str


@dataclass(frozen=True)
class Failed:
    """Why one article could not be read or extracted (shown on its page)."""

    article_id: int
    failure: str


Outcome = Extracted | Failed


def _process(article_ids: list[int], *, isolated: bool) -> None:
    """Read and extract the claimed articles, then write each in its own transaction and release it."""
    articles = Article.objects.only("raw", "filename", "content_type", "title", "published", "published_source")
    held = set(article_ids)
    try:
        by_id = articles.in_bulk(article_ids)
        jobs = [Job.of(by_id[article_id]) for article_id in article_ids if article_id in by_id]
        for outcome in _isolated(jobs) if isolated else _extract_jobs(jobs):
            try:
                _write(outcome)
            finally:
                _unlock(outcome.article_id)
                held.discard(outcome.article_id)
        _after_processing(article_ids)
    finally:
        # Articles left without an outcome (the worker is stopping): unlocked, they show as
        # orphaned and the next worker requeues them.
        for article_id in held:
            _unlock(article_id)


def _after_processing(article_ids: list[int]) -> None:
    """settings.WARBOARD_AFTER_PROCESSING, each with the batch's ids (the dashboard refreshes its
    charts). One that fails is logged: the articles are written, their task did not fail."""
    for path in settings.WARBOARD_AFTER_PROCESSING:
        try:
            import_string(path)(article_ids)
        except Exception:
            logger.exception("After processing articles %s, %s failed", article_ids, path)


def _isolated(jobs: list[Job]) -> Iterator[Outcome]:
    """Each job's outcome, from child processes under the time limit.

    The limit is for one article: a batch must produce a result within it too (a
    normal batch takes a second or two, its nlp.pipe a fraction of the limit). When a
    batch overruns it or its process dies, the articles it still owed are read again
    one by one, each with the whole limit, so that only the article that alone takes
    too long (or crashes) fails, and the others of its batch are done.
    """
    seconds = settings.WARBOARD_PROCESSING_TIMEOUT
    pending = {job.article_id: job for job in jobs}
    try:
        for outcome in run_in_child(lambda send: _extract_jobs(jobs, send), seconds=seconds):
            pending.pop(outcome.article_id, None)
            yield outcome
        return
    except (TimeLimitExceeded, ChildDied) as problem:
        if len(jobs) == 1:
            yield Failed(jobs[0].article_id, _stopped(problem, seconds))
            return
        logger.warning("A batch of %s articles was stopped (%s); reading them one by one.", len(jobs), problem)
    for job in list(pending.values()):
        yield from _isolated([job])


def _stopped(problem: Exception, seconds: int) -> str:
    if isinstance(problem, TimeLimitExceeded):
        return TIMED_OUT.format(seconds=seconds)
    return PROCESS_DIED.format(how=problem)


def _extract_jobs(jobs: list[Job], send: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Read, clean and extract the jobs; each outcome is sent as soon as it is known. No database here."""
    outcomes: list[Outcome] = []

    def emit(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if send is not None:
            send(outcome)

    read = _read_all(jobs, emit)
    if read:
        _extract_read(read, emit)
    return outcomes


def _read_all(jobs: list[Job], emit: Callable[[Outcome], None]) -> list[Read]:
    """The jobs that could be read; one that cannot fails at once, alone."""
    read: list[Read] = []
    for job in jobs:
        try:
            read.append(_read(job))
        except Exception as error:
            logger.exception("Reading article %s failed", job.article_id)
            emit(Failed(job.article_id, failure_reason(error)))
    return read


def _read(job: Job) -> Read:
    """Decode and clean the upload, and date it: the uploader's date, else one found in the text."""
    document = read_document(job.raw, job.filename or None, job.content_type or None)
    if len(document.text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(TEXT_TOO_LONG.format(length=len(document.text), limit=MAX_TEXT_CHARS))
    published, source = Article.publication(job.published, document.published)
    return Read(job.article_id, document, job.title or document.title, published, source)


def _extract_read(read: list[Read], emit: Callable[[Outcome], None]) -> None:
    """Extract the articles together; when the batch breaks, each alone, so that only the one at fault fails."""
    try:
        results, version = _run_extraction(read)
    except Exception as error:
        if len(read) == 1:
            logger.exception("Extracting article %s failed", read[0].article_id)
            emit(Failed(read[0].article_id, failure_reason(error)))
            return
        logger.warning("A batch of %s articles failed (%r); extracting them one by one.", len(read), error)
        for one in read:
            _extract_read([one], emit)
        return
    for one, result in zip(read, results, strict=True):
        emit(_extracted(one, result, version))


def _run_extraction(read: list[Read]) -> tuple[list[Extraction], str]:
    """One article through `run_extraction`, several through nlp.pipe (`run_extraction_many`)."""
    if len(read) == 1:
        result, version = run_extraction(read[0].document.text, read[0].published, read[0].title)
        return [result], version
    return run_extraction_many(
        [one.document.text for one in read], [one.published for one in read], [one.title for one in read]
    )


def _extracted(read: Read, result: Extraction, version: str) -> Extracted:
    """The outcome, dated by the text when extraction found a date there and the uploader gave none."""
    published, source = read.published, read.published_source
    if source != Article.PublishedSource.SUPPLIED and result.published and result.published_source == "text":
        published, source = result.published, Article.PublishedSource.TEXT
    return Extracted(read.article_id, read.document, published, source, result, version)


def _write(outcome: Outcome) -> None:
    """Store one article's outcome: its text, records and status together, or its failure."""
    article_id = outcome.article_id
    if isinstance(outcome, Failed):
        Article.objects.filter(pk=article_id).processing().fail(outcome.failure)
        return
    try:
        # Everything the article shows changes together: the text the spans point into,
        # the records and the status. A worker killed before the commit leaves none of it.
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=article_id)
            if article.status != Article.Status.PROCESSING:
                # Requeued while this worker was slow (its lock was lost): the newer run owns it.
                logger.warning("Article %s left processing while being processed; not written.", article_id)
                return
            article.fill_from(outcome.document, outcome.published, outcome.published_source)
            with incidents.grouped(article):  # its events join incidents in this same transaction
                write_records(article, outcome.result)
            article.mark_done(outcome.version)
            article.save()
    except Exception as error:
        logger.exception("Writing article %s failed", article_id)
        Article.objects.filter(pk=article_id).processing().fail(failure_reason(error))


def failure_reason(error: Exception) -> str:
    if isinstance(error, UnreadableDocument):
        return str(error)
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    reason = f"Extraction failed: {type(error).__name__}" + (f": {detail}" if detail else "")
    return reason[:MAX_REASON_LENGTH]
