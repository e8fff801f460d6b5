"""Uploads: validate a file (or pasted text), store its bytes once as a queued article.

`create_article` validates an upload, stores its raw bytes once (SHA-256 dedupe) and
queues it for a worker (articles.tasks, after the transaction commits); the worker's
side is articles.processing.
"""

from __future__ import annotations

import datetime
import hashlib
import mimetypes
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles import tasks
from articles.extraction.cleaning import (
    EARLIEST_PUBLICATION,
    Document,
    UnreadableDocument,
    check_document,
    opening_line,
)
from articles.models import Article
from articles.processing import MAX_TEXT_CHARS, TEXT_TOO_LONG

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm")

TOO_LARGE = "The file is larger than {limit}; upload articles of at most {limit}."
UNSUPPORTED_TYPE = "Only .txt, .md, .html and .htm files can be read, not {extension}."
NO_CONTENT = "Paste the article text or choose one or more files."
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

    published_value, published_source = Article.publication(published, document.published)
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
        tasks.queue_processing(article.pk)
    return Created(article, created=True)
