"""Print the records extracted from articles, one JSON object a line (SPEC.md).

    python manage.py extract --manifest manifest.jsonl
    python manage.py extract article.txt other.html --published 2023-01-05

Nothing is written to the database, and none is needed: the command reads
files, cleans them with `cleaning.read_document`, and extracts. A file that
cannot be read prints {"id": ..., "error": "..."} and the run goes on.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.extraction.pipeline import ModelMissing
from articles.manifests import ManifestLine, read_manifest


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as err:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from err


class Command(BaseCommand):
    help = "Extract events, losses and pledges from article files and print them as JSON lines."
    # The command must run with no database: no checks, no model queries.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="article files (.txt or .html); id = file stem")
        parser.add_argument("--manifest", help="JSON lines {id, path, published, title?}; paths relative to it")
        parser.add_argument("--published", help="publication date YYYY-MM-DD for the FILES given")
        parser.add_argument("--batch-size", type=int, default=16)

    def handle(self, *args, **options):
        jobs: list[tuple] = []
        if options["manifest"]:
            jobs.extend(self._manifest_jobs(Path(options["manifest"])))
        published = _date(options["published"])
        for name in options["files"]:
            path = Path(name)
            jobs.append((path.stem, path, published, None, None))
        if not jobs:
            raise CommandError("Give article files or --manifest FILE.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            for line in self._run(jobs, options["batch_size"]):
                self.stdout.write(json.dumps(line, ensure_ascii=False))
        except ModelMissing as err:
            raise CommandError(str(err)) from err

    def _manifest_jobs(self, manifest: Path) -> list[tuple]:
        """One job per manifest line: (id, path, published, title, error); a bad line is an error job."""
        try:
            lines = read_manifest(manifest)
        except (OSError, UnicodeDecodeError) as err:
            raise CommandError(f"Cannot read the manifest {manifest}: {err}") from err
        return [_manifest_job(line) for line in lines]

    def _run(self, jobs, batch_size: int):
        """Yield one JSON object per job, in order; documents are parsed in batches."""
        from articles.extraction import extract_many  # noqa: PLC0415 - loads spaCy only when needed

        batch: list[tuple[str, str, tuple, str | None]] = []
        for article_id, path, supplied, title, error in jobs:
            if error is None:
                try:
                    document = _read(path)
                except OSError as err:
                    error = f"cannot read {path}: {err.strerror or err}"
                except ValueError as err:
                    error = str(err) or err.__class__.__name__
            if error is not None:
                yield from self._extract(batch, extract_many)
                batch = []
                yield {"id": article_id, "error": error}
                continue
            published, source = (supplied, "supplied") if supplied else (document.published, None)
            if source is None and published is not None:
                source = "text"
            batch.append((article_id, document.text, (published, source), title or document.title))
            if len(batch) >= batch_size:
                yield from self._extract(batch, extract_many)
                batch = []
        yield from self._extract(batch, extract_many)

    def _extract(self, batch, extract_many):
        if not batch:
            return
        try:
            results = extract_many(
                [text for _id, text, _p, _t in batch],
                [published for _id, _text, (published, _s), _t in batch],
                [title for _id, _text, _p, title in batch],
                model=settings.WARBOARD_SPACY_MODEL,
            )
        except ModelMissing:
            raise
        except Exception:  # noqa: BLE001 - one bad article must not stop the run: retry one by one
            if len(batch) == 1:
                article_id = batch[0][0]
                yield {"id": article_id, "error": "extraction failed on this article (an engine error)"}
                return
            for single in batch:
                yield from self._extract([single], extract_many)
            return
        for (article_id, _text, (_published, source), _title), result in zip(batch, results, strict=True):
            result.published_source = source if result.published else None
            yield result.to_dict(id=article_id)


def _manifest_job(line: ManifestLine) -> tuple:
    name = Path(line.written_path).stem if line.written_path else f"line {line.number}"
    if line.error or line.path is None:
        return (line.id or name, None, None, None, f"manifest line {line.number}: {line.error}")
    return (line.id or name, line.path, line.published, line.title or None, None)


def _read(path: Path):
    from articles.extraction import cleaning  # noqa: PLC0415

    raw = path.read_bytes()
    return cleaning.read_document(raw, filename=path.name)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("Run it through manage.py: python manage.py extract --help")
