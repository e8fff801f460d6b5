"""Ingestion, the one multi-step workflow: store an upload, then read, clean, extract, write.

`create_article` validates an upload, stores its raw bytes once (SHA-256 dedupe) and
queues it. In a worker, `process_queued` claims the article with up to BATCH_SIZE - 1
other queued ones, reads, cleans and extracts them together in a child process under
a time limit (articles.time_limit), then writes each one's cleaned text, records and
final status in ONE transaction of its own. A worker killed before that transaction
commits leaves no records; the article it held is queued again by the next worker
that starts or looks for orphans between tasks (`requeue_stuck`).
`reextract_article` runs the same steps again for an article already processed,
replacing the machine's records and keeping those an analyst reviewed.

How a dead worker is told from a slow one: while it processes an article, a worker
holds a PostgreSQL advisory lock on it (session level). PostgreSQL drops the lock
when the worker's connection ends, however the worker ends (Ctrl-C, SIGKILL, a lost
machine), so "processing, and nobody holds its lock" means the worker died.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import mimetypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.extraction.cleaning import (
    EARLIEST_PUBLICATION,
    Document,
    UnreadableDocument,
    check_document,
    opening_line,
    read_document,
)
from articles.models import AidPledge, Article, Equipment, Event, LossReport, ReviewState, Revision
from articles.time_limit import ChildDied, TimeLimitExceeded, run_in_child

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from articles.extraction.records import Extraction

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm")
MAX_REASON_LENGTH = 2000
# The first key of the advisory locks workers hold on articles (the second is the article id).
LOCK_NAMESPACE = 0x57415242  # "WARB"
WORKER_DIED = (
    "The worker processing this article stopped before it finished (it was stopped or crashed); "
    "nothing was stored. The next worker to start queues it again."
)

TOO_LARGE = "The file is larger than {limit}; upload articles of at most {limit}."
UNSUPPORTED_TYPE = "Only .txt, .md, .html and .htm files can be read, not {extension}."
NO_CONTENT = "Paste the article text or choose one or more files."
TEXT_TOO_LONG = (
    "Once cleaned, this article is {length:,} characters long; Warboard reads articles of at most "
    "{limit:,} characters. Split it into parts."
)
# The longest cleaned text extraction is given (a 5 MB file can hold five times spaCy's own
# limit of 1,000,000). Measured here: 200,000 characters take about 12 s and 1 GB of memory
# in one worker, and memory grows with length; the longest article of the pool is about
# 30,000 characters.
MAX_TEXT_CHARS = 200_000
FUTURE_DATE = "The publication date cannot be in the future."
EARLY_DATE = (
    f"The publication date cannot be before {EARLIEST_PUBLICATION:%-d %B %Y}: Warboard follows the war from 2014 on. "
    "Check the year."
)
TEXT_TOO_LARGE = "The pasted text is larger than {limit}; paste articles of at most {limit}, or upload them as files."
REQUEST_TOO_LARGE = (
    "This upload is {size}, more than one upload can carry ({limit}); nothing was stored. Upload fewer files at a time."
)
TOO_MANY_FILES = "At most {limit} files can be uploaded at a time; nothing was stored. Upload fewer files at a time."
BROKEN_REQUEST = "The upload arrived incomplete or garbled; nothing was stored. Try again."
# One upload carries at most this many files at the size limit (more, smaller files are fine).
FULL_SIZE_FILES_PER_REQUEST = 10


class InvalidUpload(ValueError):
    """An upload that cannot become an article; the message is shown to the user as is."""


@dataclass(frozen=True)
class Upload:
    """One file (or the pasted text) as received, before anything is stored."""

    raw: bytes
    filename: str = ""
    content_type: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class Created:
    article: Article
    created: bool  # False: the same bytes were uploaded before, `article` is that upload


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.3g} MB"
    return f"{size / 1024:.3g} KB"


def max_upload_size() -> str:
    return human_size(settings.WARBOARD_MAX_UPLOAD_BYTES)


def max_request_bytes() -> int:
    """The largest upload request read at all: several files at the limit, and the form's fields."""
    return FULL_SIZE_FILES_PER_REQUEST * settings.WARBOARD_MAX_UPLOAD_BYTES + 1024 * 1024


def max_request_size() -> str:
    return human_size(max_request_bytes())


# type/subtype and parameters, printable ASCII only: the raw download sends it back as a header.
MEDIA_TYPE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(?:\s*;[\x20-\x7e]*)?$")


def media_type(content_type: str, filename: str) -> str:
    """The content type the browser gave, or the one the file name implies when it gave a malformed one.

    The browser's word is the uploader's to choose: a NUL in it would fail the database
    write with a 500, and a control character would break the raw download's header.
    """
    if MEDIA_TYPE.match(content_type or ""):
        return content_type
    return mimetypes.guess_type(filename)[0] or ""


def check_size(size: int) -> None:
    """Refuse a file over the limit before its bytes are read."""
    if size > settings.WARBOARD_MAX_UPLOAD_BYTES:
        raise InvalidUpload(TOO_LARGE.format(limit=max_upload_size()))


def check_filename(filename: str) -> None:
    extension = PurePath(filename).suffix.lower()
    if filename and extension not in SUPPORTED_EXTENSIONS:
        raise InvalidUpload(UNSUPPORTED_TYPE.format(extension=extension or "a file without an extension"))


def check_published(published: datetime.date | None) -> None:
    """Refuse a typed date extraction could not use: one in the future, or one before the war began."""
    if published is None:
        return
    if published > timezone.localdate():
        raise InvalidUpload(FUTURE_DATE)
    if published < EARLIEST_PUBLICATION:
        raise InvalidUpload(EARLY_DATE)


def read_upload(upload: Upload) -> Document:
    """Validate an upload and read it: what the form checks and what create_article stores.

    An HTML page is only checked here (see cleaning.check_document): the worker reduces it.
    """
    check_filename(upload.filename)
    check_size(len(upload.raw))
    try:
        document = check_document(upload.raw, upload.filename or None, upload.content_type or None)
    except UnreadableDocument as error:
        raise InvalidUpload(str(error)) from None
    if len(document.text) > MAX_TEXT_CHARS:
        raise InvalidUpload(TEXT_TOO_LONG.format(length=len(document.text), limit=MAX_TEXT_CHARS))
    return document


def create_article(
    upload: Upload,
    *,
    title: str = "",
    url: str = "",
    outlet: str = "",
    published: datetime.date | None = None,
    uploaded_by: AbstractBaseUser | None = None,
    document: Document | None = None,
    enqueue: bool = True,
) -> Created:
    """Store an upload as a queued article, or return the article with the same bytes.

    What the uploader supplies (title, URL, outlet, date) wins over what the document
    says; a text without a title of either is named by its first line. `document` is
    the upload already read by the form (read again otherwise).
    With `enqueue`, processing is queued once the surrounding transaction commits,
    so a worker never looks for an article that is not there yet.
    """
    sha256 = upload.sha256
    existing = Article.objects.filter(sha256=sha256).first()
    if existing is not None:
        return Created(existing, created=False)
    check_published(published)
    if document is None:
        document = read_upload(upload)
    else:
        check_filename(upload.filename)
        check_size(len(upload.raw))

    published_value, published_source = _publication(published, document)
    article = Article(
        title=(title or document.title or opening_line(document.text))[:500],
        url=(url or document.url or "")[:2000],
        outlet=(outlet or document.outlet or "")[:200],
        published=published_value,
        published_source=published_source,
        raw=upload.raw,
        filename=upload.filename[:255],
        content_type=media_type(upload.content_type, upload.filename)[:100],
        sha256=sha256,
        status=Article.Status.QUEUED,
        uploaded_by=uploaded_by,
    )
    try:
        # Two uploads of the same bytes at once: the unique index lets one win.
        with transaction.atomic():
            article.save()
    except IntegrityError:
        existing = Article.objects.filter(sha256=sha256).first()
        if existing is None:
            raise
        return Created(existing, created=False)
    if enqueue:
        queue_processing(article.pk)
    return Created(article, created=True)


def queue_processing(article_id: int) -> None:
    from articles import tasks

    transaction.on_commit(lambda: tasks.process_article_task.enqueue(article_id))


def requeue_done_article(article_id: int) -> bool:
    """Queue a processed article for extraction again (reviewed records are kept)."""
    requeued = Article.objects.filter(pk=article_id, status=Article.Status.DONE).queue()
    if requeued:
        queue_processing(article_id)
    return bool(requeued)


def _publication(supplied: datetime.date | None, document: Document) -> tuple[datetime.date | None, str]:
    if supplied is not None:
        return supplied, Article.PublishedSource.SUPPLIED
    if document.published is not None:
        return document.published, Article.PublishedSource.TEXT
    return None, Article.PublishedSource.UNKNOWN


def _held_article_ids() -> RawSQL:
    """The ids of the articles some worker holds a lock on right now (pg_locks is not transactional)."""
    return RawSQL(
        "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2"
        " AND classid = %s AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        [LOCK_NAMESPACE],
    )


def orphaned() -> Q:
    """Articles left processing by a worker that died: no worker holds their lock."""
    return Q(status=Article.Status.PROCESSING) & ~Q(pk__in=_held_article_ids())


def is_orphaned(article_id: int) -> bool:
    return Article.objects.filter(orphaned(), pk=article_id).exists()


def requeue_article(article_id: int) -> bool:
    """Queue a failed article, or one whose worker died, again; False when it is queued, running or done."""
    requeued = Article.objects.filter(pk=article_id).filter(Q(status=Article.Status.FAILED) | orphaned()).queue()
    if requeued:
        queue_processing(article_id)
    return bool(requeued)


def requeue_stuck() -> list[int]:
    """Queue again every article whose worker died while processing it (workers call this as they run)."""
    ids = list(Article.objects.filter(orphaned()).values_list("pk", flat=True))
    return [article_id for article_id in ids if requeue_article(article_id)]


# --- processing, in a worker ---------------------------------------------------------

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


def _claim(article_id: int, statuses: list[str], *, stuck_too: bool = False) -> bool:
    """Move the article to processing if it is in one of `statuses`, and lock it for this worker.

    One conditional UPDATE: of two workers handed the same article (a task queued
    twice, a retry racing the first run) only one sees a row updated, so no article
    is processed by two workers at once. The advisory lock is taken in the same
    transaction, so the article never shows as processing without a worker's lock.
    The only session that can hold that lock already is a worker finishing this
    article a moment ago (its status is committed, its unlock is next): waiting is short.
    With `stuck_too`, an article whose worker died is taken over.
    """
    condition = Q(status__in=statuses)
    if stuck_too:
        condition |= orphaned()
    with transaction.atomic():
        claimed = Article.objects.filter(condition, pk=article_id).start_processing()
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
        queued = Article.objects.filter(status=Article.Status.QUEUED).select_for_update(skip_locked=True)
        ids = list(queued.filter(pk=article_id).values_list("pk", flat=True))
        if not ids:
            return []
        others = queued.exclude(pk=article_id).order_by("uploaded_at", "id").values_list("pk", flat=True)
        ids += list(others[: size - 1])
        Article.objects.filter(pk__in=ids).start_processing()
        _lock(ids)
    return ids


def process_article(article_id: int, *, isolated: bool = False) -> bool:
    """Read, clean and extract a queued article; False when another worker has it (or did).

    `isolated`: in a child process under WARBOARD_PROCESSING_TIMEOUT, as workers do;
    otherwise in this process, without a limit (`ingest --sync`).
    """
    if not _claim(article_id, [Article.Status.QUEUED]):
        logger.info("Article %s is not queued; another worker has it or it is finished.", article_id)
        return False
    _process([article_id], isolated=isolated)
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


def reextract_article(article_id: int, *, stuck_too: bool = False, isolated: bool = False) -> bool:
    """Extract a processed article again: machine records are replaced, reviewed ones kept.

    False when a worker is processing it right now, so re-extraction never runs beside
    a worker. With `stuck_too`, an article whose worker died is taken over.
    """
    statuses = [Article.Status.QUEUED, Article.Status.DONE, Article.Status.FAILED]
    if not _claim(article_id, statuses, stuck_too=stuck_too):
        return False
    _process([article_id], isolated=isolated)
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
class Outcome:
    """One article read and extracted (`result`), or why it could not be (`failure`)."""

    article_id: int
    document: Document | None = None
    published: datetime.date | None = None
    published_source: str = ""
    result: Extraction | None = None
    version: str = ""
    failure: str = ""


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
        # The charts and filter lists, ready before the next visitor (once the queue is empty).
        from dashboard import snapshots  # noqa: PLC0415 - the dashboard reads articles, not the reverse

        snapshots.refresh()
    finally:
        # Articles left without an outcome (the worker is stopping): unlocked, they show as
        # orphaned and the next worker requeues them.
        for article_id in held:
            _unlock(article_id)


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
            yield Outcome(jobs[0].article_id, failure=_stopped(problem, seconds))
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

    read: list[Outcome] = []
    for job in jobs:
        try:
            read.append(_read(job))
        except Exception as error:
            logger.exception("Reading article %s failed", job.article_id)
            emit(Outcome(job.article_id, failure=failure_reason(error)))
    if not read:
        return outcomes
    try:
        if len(read) == 1:
            only = read[0]
            result, version = run_extraction(only.document.text, only.published, _title(jobs, only))
            results = [result]
        else:
            results, version = run_extraction_many(
                [outcome.document.text for outcome in read],
                [outcome.published for outcome in read],
                [_title(jobs, outcome) for outcome in read],
            )
    except Exception as error:
        if len(read) == 1:
            logger.exception("Extracting article %s failed", read[0].article_id)
            emit(replace(read[0], failure=failure_reason(error)))
            return outcomes
        logger.warning("A batch of %s articles failed (%r); extracting them one by one.", len(read), error)
        results = []
    if not results:
        # One article broke the batch: each alone, so that only it fails.
        for outcome in read:
            _extract_jobs([job for job in jobs if job.article_id == outcome.article_id], emit)
        return outcomes
    for outcome, result in zip(read, results, strict=True):
        published, source = outcome.published, outcome.published_source
        if source != Article.PublishedSource.SUPPLIED and result.published and result.published_source == "text":
            published, source = result.published, Article.PublishedSource.TEXT
        emit(replace(outcome, result=result, version=version, published=published, published_source=source))
    return outcomes


def _title(jobs: list[Job], outcome: Outcome) -> str | None:
    job = next(job for job in jobs if job.article_id == outcome.article_id)
    return job.title or outcome.document.title


def _read(job: Job) -> Outcome:
    """Decode and clean the upload, and date it: the uploader's date, else one found in the text."""
    document = read_document(job.raw, job.filename or None, job.content_type or None)
    if len(document.text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(TEXT_TOO_LONG.format(length=len(document.text), limit=MAX_TEXT_CHARS))
    if job.published is not None:
        published, source = job.published, Article.PublishedSource.SUPPLIED
    else:
        published, source = _publication(None, document)
    return Outcome(job.article_id, document=document, published=published, published_source=source)


def _write(outcome: Outcome) -> None:
    """Store one article's outcome: its text, records and status together, or its failure."""
    article_id = outcome.article_id
    if outcome.failure:
        Article.objects.filter(pk=article_id, status=Article.Status.PROCESSING).fail(outcome.failure)
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
            document = outcome.document
            article.text = document.text
            article.title = article.title or (document.title or "")[:500]
            article.outlet = article.outlet or (document.outlet or "")[:200]
            article.url = article.url or (document.url or "")[:2000]
            article.published, article.published_source = outcome.published, outcome.published_source
            write_records(article, outcome.result)
            article.mark_done(outcome.version)
            article.save()
    except Exception as error:
        logger.exception("Writing article %s failed", article_id)
        Article.objects.filter(pk=article_id, status=Article.Status.PROCESSING).fail(failure_reason(error))


def failure_reason(error: Exception) -> str:
    if isinstance(error, UnreadableDocument):
        return str(error)
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    reason = f"Extraction failed: {type(error).__name__}" + (f": {detail}" if detail else "")
    return reason[:MAX_REASON_LENGTH]


# --- writing records -------------------------------------------------------------------


def _event_key(type_: str, span_start: int, span_end: int) -> tuple:
    return (span_start, span_end, type_)


def _loss_key(side, category, span_start, span_end) -> tuple:
    return (span_start, span_end, side or "", category)


def _pledge_key(donor, category, item, span_start, span_end) -> tuple:
    return (span_start, span_end, donor or "", category, (item or "").lower())


def _first_values(kind: str, records) -> dict[int, dict]:
    """What each reviewed record held before its first review: the values extraction gave it.

    An analyst may have edited the very fields a record is matched on (a
    pledge's item, a loss's side); re-extraction must recognise the machine's
    version of such a record, or it would stand again beside the edited one
    and be counted twice.
    """
    ids = [record.pk for record in records if record.review_state != ReviewState.MACHINE]
    if not ids:
        return {}
    first = (
        Revision.objects.filter(kind=kind, record_id__in=ids)
        .order_by("record_id", "at", "id")
        .distinct("record_id")  # PostgreSQL's DISTINCT ON: the earliest revision of each record
        .values_list("record_id", "before")
    )
    return dict(first)


def _keys(records, kind: str, key, fields: tuple[str, ...]) -> dict[tuple, object]:
    """Each record under its key (`key` of `fields`) as it stands and as extraction first gave it."""
    first = _first_values(kind, records)
    keyed = {}
    for record in records:
        now = [getattr(record, name) for name in fields]
        keyed[key(*now)] = record
        before = first.get(record.pk)
        if before:
            keyed[key(*(before.get(name, value) for name, value in zip(fields, now, strict=True)))] = record
    return keyed


def write_records(article: Article, result: Extraction) -> None:
    """Replace the article's machine records with `result`; keep what analysts reviewed.

    Records an analyst confirmed, edited or rejected stay, and so do the events
    they hang under. A new record that matches a kept one on its key fields (its
    sentence and what it is about) is not created again: the analyst has already
    judged it. Call inside a transaction.
    """
    reviewed = ~Q(review_state=ReviewState.MACHINE)
    LossReport.objects.filter(article=article, review_state=ReviewState.MACHINE).delete()
    AidPledge.objects.filter(article=article, review_state=ReviewState.MACHINE).delete()
    kept_losses = list(LossReport.objects.filter(reviewed, article=article))
    kept_pledges = list(AidPledge.objects.filter(reviewed, article=article))
    parent_ids = {loss.event_id for loss in kept_losses} | {pledge.event_id for pledge in kept_pledges}
    Event.objects.filter(article=article, review_state=ReviewState.MACHINE).exclude(pk__in=parent_ids).delete()
    kept_events = _keys(
        Event.objects.filter(article=article), Revision.Kind.EVENT, _event_key, ("type", "span_start", "span_end")
    )
    loss_keys = _keys(kept_losses, Revision.Kind.LOSS, _loss_key, ("side", "category", "span_start", "span_end"))
    pledge_keys = _keys(
        kept_pledges, Revision.Kind.PLEDGE, _pledge_key, ("donor", "category", "item", "span_start", "span_end")
    )

    events: list[Event] = []
    for found in result.events:
        start, end = found.span
        existing = kept_events.get(_event_key(found.type, start, end))
        if existing is not None:
            events.append(existing)
            continue
        event = Event(
            article=article,
            date=found.date,
            precision=(found.precision or "day") if found.date else "",
            type=found.type,
            summary=found.summary,
            places=[place[:120] for place in found.places],
            countries=[code[:8] for code in found.countries],
            span_start=start,
            span_end=end,
        )
        events.append(event)
    Event.objects.bulk_create([e for e in events if e.pk is None])

    losses = []
    for found in result.losses:
        start, end = found.span
        if found.min is None and found.max is None:
            logger.warning("Article %s: a %s loss without a number was left out.", article.pk, found.category)
            continue
        if _loss_key(found.side, found.category, start, end) in loss_keys:
            continue
        low, high = found.min, found.max
        if low is not None and high is not None and high < low:
            low, high = high, low
        losses.append(
            LossReport(
                article=article,
                event=_event_for(article, events, found.event, start, end, Event.Type.LOSSES, found.date),
                side=found.side or "",
                category=found.category,
                min=low,
                max=high,
                period=found.period or "",
                date=found.date,
                place=(found.place or "")[:120],
                reported_by=found.reported_by or "",
                span_start=start,
                span_end=end,
            )
        )
    LossReport.objects.bulk_create(losses)

    equipment = _equipment_by_name() if result.pledges else {}
    pledges = []
    for found in result.pledges:
        start, end = found.span
        if _pledge_key(found.donor, found.category, found.item, start, end) in pledge_keys:
            continue
        # A sum without its currency cannot be shown or added up; the pledge stays without it.
        amount = found.amount if found.currency else None
        pledges.append(
            AidPledge(
                article=article,
                event=_event_for(article, events, found.event, start, end, Event.Type.AID, found.date),
                donor=found.donor or "",
                recipient=found.recipient or "",
                item=(found.item or "")[:120],
                equipment=equipment.get((found.item or "").strip().lower()),
                category=found.category,
                quantity=found.quantity,
                amount=amount,
                currency=found.currency or "",
                status=found.status,
                date=found.date,
                span_start=start,
                span_end=end,
            )
        )
    AidPledge.objects.bulk_create(pledges)


def _event_for(article, events: list[Event], index, start, end, type_, date) -> Event:
    """The event a loss or pledge hangs under; extraction always links one, this is the fallback."""
    if index is not None and 0 <= index < len(events):
        return events[index]
    event = Event.objects.create(
        article=article,
        date=date,
        precision="day" if date else "",
        type=type_,
        summary=article.text[start:end] or "(no sentence)",
        span_start=start,
        span_end=end,
    )
    events.append(event)
    return event


def equipment_named(name: str) -> Equipment | None:
    """The gazetteer's equipment a pledge's item names (by its name or an alias, in any case)."""
    return _equipment_by_name().get(name.strip().lower()) if name.strip() else None


def _equipment_by_name() -> dict[str, Equipment]:
    """Every equipment name and alias, lower-cased: the gazetteer is small, one query reads it."""
    by_name: dict[str, Equipment] = {}
    for equipment in Equipment.objects.all():
        for name in [*equipment.aliases, equipment.name]:
            by_name[name.strip().lower()] = equipment
    return by_name
