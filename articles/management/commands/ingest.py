"""Ingest article files, folders of them and JSON-lines manifests.

    manage.py ingest ../shared/corpus/pool/manifest.jsonl
    manage.py ingest article.html notes/ --outlet Reuters --published 2024-02-24 --sync
    manage.py ingest --requeue-stuck

The manifest format is in MANIFEST_HELP (shown by --help). Without --sync the articles
are queued for `manage.py db_worker`; with it they are processed here, one after the other.
"""

from __future__ import annotations

import argparse
import datetime
import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.core.validators import URLValidator

from articles import processing, tasks, uploads
from articles.management.progress import ProgressBar
from articles.models import Article

MANIFEST_SUFFIXES = (".jsonl", ".ndjson")

MANIFEST_HELP = """\
A manifest (.jsonl or .ndjson) holds one JSON object per line, one line per article:

  {"id": "kyiv-0412", "path": "texts/kyiv-0412.html", "title": "Strikes on Kyiv",
   "url": "https://example.org/kyiv-0412", "outlet": "Reuters", "published": "2024-04-12"}

  path       required: the article's file, relative to the folder the manifest is in
             (not to the current folder), so a manifest and its files move together
  id         the line's name in the report (default: its path)
  title, url, outlet
             text or null; they win over what the document itself says
  published  the publication date as YYYY-MM-DD, or null for --published or else a date
             found in the text

Blank lines are skipped; a line that cannot be read is reported as failed and the others
go on. --outlet and --published fill in what a file, or a manifest line, does not give.
"""


def publication_date(value: str) -> datetime.date:
    """--published: an ISO date that an uploader could type into the upload form."""
    try:
        published = datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2024-02-24") from None
    try:
        uploads.check_published(published)
    except uploads.InvalidUpload as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return published


@dataclass
class Source:
    """One article to ingest: a file and what its manifest line (if any) says about it."""

    path: Path
    label: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: datetime.date | None = None
    error: str = ""  # a manifest line that could not be read


@dataclass
class Summary:
    new: list[tuple[str, int]] = field(default_factory=list)
    duplicate: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def _manifest_text(entry: dict, name: str) -> str:
    """A text field of a manifest line: a string or null, without the NUL PostgreSQL refuses."""
    value = entry.get(name) or ""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {type(value).__name__}")
    if "\x00" in value:
        raise ValueError(f"{name} contains a null character")
    return value


def _manifest_url(entry: dict) -> str:
    # The article page links it: only a web address, never javascript: or a local file.
    url = _manifest_text(entry, "url")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValueError(f"url is not a web address: {url[:100]!r}") from None
    return url


def read_manifest(manifest: Path) -> list[Source]:
    sources = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        label = f"{manifest.name}:{number}"
        try:
            entry = json.loads(line)
            if not isinstance(entry, dict) or not entry.get("path"):
                raise ValueError("a line needs a JSON object with a path")
            published = entry.get("published")
            sources.append(
                Source(
                    path=manifest.parent / entry["path"],
                    label=str(entry.get("id") or entry["path"]),
                    title=_manifest_text(entry, "title"),
                    url=_manifest_url(entry),
                    outlet=_manifest_text(entry, "outlet"),
                    published=datetime.date.fromisoformat(published) if published else None,
                )
            )
        except (ValueError, TypeError) as error:
            sources.append(Source(path=manifest, label=label, error=f"Bad manifest line: {error}"))
    return sources


def collect(paths: list[str]) -> list[Source]:
    """Files as given, folders' supported files (sorted, recursively), manifests' entries."""
    sources: list[Source] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            sources += [
                Source(path=file, label=str(file))
                for file in sorted(path.rglob("*"))
                if file.is_file() and file.suffix.lower() in uploads.SUPPORTED_EXTENSIONS
            ]
        elif path.suffix.lower() in MANIFEST_SUFFIXES and path.is_file():
            sources += read_manifest(path)
        elif path.exists():
            sources.append(Source(path=path, label=str(path)))
        else:
            raise CommandError(f"{name}: no such file or folder.")
    return sources


class HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    pass


class Command(BaseCommand):
    help = "Ingest article files (.txt, .md, .html), folders of them and JSON-lines manifests."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # The manifest format's example keeps its lines (Django's formatter would reflow it).
        return super().create_parser(prog_name, subcommand, formatter_class=HelpFormatter, **kwargs)

    def add_arguments(self, parser):
        parser.epilog = MANIFEST_HELP
        parser.add_argument("paths", nargs="*", help="Files, folders or manifest files (.jsonl, .ndjson).")
        parser.add_argument("--sync", action="store_true", help="Process here instead of queueing for a worker.")
        parser.add_argument("--outlet", default="", help="The outlet of files that do not name one.")
        parser.add_argument(
            "--published",
            type=publication_date,
            metavar="YYYY-MM-DD",
            help="The publication date of files that do not give one (as the upload form's date field).",
        )
        parser.add_argument(
            "--requeue-stuck",
            action="store_true",
            help="Queue again the articles whose worker died while processing them.",
        )

    def handle(
        self,
        *args,
        paths: list[str],
        sync: bool,
        outlet: str,
        published: datetime.date | None,
        requeue_stuck: bool,
        **options,
    ):
        if requeue_stuck:
            requeued = tasks.requeue_stuck()
            self.stdout.write(f"Requeued {len(requeued)} stuck article(s).")
        if not paths:
            if not requeue_stuck:
                raise CommandError("Give at least one file, folder or manifest.")
            return
        sources = collect(paths)
        summary = Summary()
        bar = ProgressBar(len(sources), self.stderr, label="Ingesting " if sync else "Queueing ")
        bar.draw()
        for source in sources:
            self.ingest_one(source, summary, sync=sync, default_outlet=outlet, default_published=published)
            bar.advance(source.label)
        bar.close()
        self.report(summary)

    def ingest_one(
        self,
        source: Source,
        summary: Summary,
        *,
        sync: bool,
        default_outlet: str,
        default_published: datetime.date | None = None,
    ) -> None:
        if source.error:
            summary.failed.append((source.label, source.error))
            return
        try:
            if not source.path.is_file():
                raise uploads.InvalidUpload(f"{source.path}: no such file.")
            uploads.check_filename(source.path.name)
            uploads.check_size(source.path.stat().st_size)
            content_type, _ = mimetypes.guess_type(source.path.name)
            upload = uploads.Upload(
                raw=source.path.read_bytes(), filename=source.path.name, content_type=content_type or ""
            )
            result = uploads.create_article(
                upload,
                title=source.title,
                url=source.url,
                outlet=source.outlet or default_outlet,
                published=source.published or default_published,
                enqueue=not sync,
            )
        except uploads.InvalidUpload as error:
            summary.failed.append((source.label, str(error)))
            return
        article = result.article
        if not result.created:
            summary.duplicate.append((source.label, article.pk))
            return
        if sync:
            processing.process_article(article.pk)
            article.refresh_from_db(fields=["status", "failure_reason"])
            if article.status == Article.Status.FAILED:
                summary.failed.append((source.label, f"article {article.pk}: {article.failure_reason}"))
                return
        summary.new.append((source.label, article.pk))

    def report(self, summary: Summary) -> None:
        self.stdout.write(f"{len(summary.new)} new, {len(summary.duplicate)} duplicate, {len(summary.failed)} failed.")
        for label, pk in summary.duplicate:
            self.stdout.write(f"  duplicate: {label} is article {pk}")
        for label, reason in summary.failed:
            self.stdout.write(self.style.ERROR(f"  failed: {label}: {reason}"))
