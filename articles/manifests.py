"""The one parser of article manifests, for `manage.py ingest`, `extract`, `bench_ingest` and the
extraction benchmark: a JSON-lines file (read through articles.jsonl), one article a line:

    {"id": "kyiv-0412", "path": "texts/kyiv-0412.html", "title": "Strikes on Kyiv",
     "url": "https://example.org/kyiv-0412", "outlet": "Reuters", "published": "2024-04-12"}

`path` is required and relative to the manifest's folder (an absolute path stays as it is);
the other fields are text or null. A line that cannot be used becomes a ManifestLine with
its `error`, and the lines after it are read on: each command reports it in its own way.
No Django here: the extraction benchmark runs without it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.jsonl import JsonLinesError, parse_line


@dataclass(frozen=True)
class ManifestLine:
    """One article of a manifest, or why its line cannot be used (`error`)."""

    number: int
    id: str = ""  # the line's own id, "" when it gives none
    path: Path | None = None
    written_path: str = ""  # `path` as the line gives it
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: datetime.date | None = None
    error: str = ""


def read_manifest(manifest: Path) -> list[ManifestLine]:
    """Every article line of the manifest, in order; OSError or UnicodeDecodeError when it cannot be read."""
    lines = []
    for number, text in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            entry = parse_line(text, str(manifest), number)
        except JsonLinesError as error:
            lines.append(ManifestLine(number, error=error.reason))
            continue
        if entry is not None:
            lines.append(_manifest_line(manifest.parent, number, entry))
    return lines


def _manifest_line(folder: Path, number: int, entry: dict[str, Any]) -> ManifestLine:
    article_id = str(entry.get("id") or "")
    path = entry.get("path")
    try:
        if not isinstance(path, str) or not path:
            raise ValueError('no "path" (the article\'s file)')
        return ManifestLine(
            number,
            id=article_id,
            path=folder / path,
            written_path=path,
            title=_text(entry, "title"),
            url=_text(entry, "url"),
            outlet=_text(entry, "outlet"),
            published=_date(entry.get("published")),
        )
    except ValueError as error:
        written_path = path if isinstance(path, str) else ""
        return ManifestLine(number, id=article_id, written_path=written_path, error=str(error))


def _text(entry: dict[str, Any], name: str) -> str:
    """A text field: a string or null, without the NUL PostgreSQL refuses."""
    value = entry.get(name) or ""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {type(value).__name__}")
    if "\x00" in value:
        raise ValueError(f"{name} contains a null character")
    return value


def _date(value: object) -> datetime.date | None:
    if not value:
        return None
    try:
        if not isinstance(value, str):
            raise TypeError(value)
        return datetime.date.fromisoformat(value)
    except (ValueError, TypeError):
        raise ValueError(f"published is not a date (YYYY-MM-DD): {value!r}") from None
