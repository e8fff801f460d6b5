"""The one reader of JSON-lines files: the data files of extraction (gazetteers, patterns) and the
manifests the commands take.

A blank line or a line starting with ``#`` is skipped. A line that is not a JSON object raises
``JsonLinesError`` naming the file and the line, so a malformed data file is an installation error
that says where it is, never a silently shorter list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


class JsonLinesError(ValueError):
    """A line that is not a JSON object; the message names where it is."""

    def __init__(self, where: str, number: int, reason: str) -> None:
        super().__init__(f"{where}:{number}: {reason}")
        self.where = where
        self.number = number
        self.reason = reason


def iter_jsonl(lines: Iterable[str], where: str = "<lines>") -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for every object line of `lines`, numbered from 1."""
    for number, line in enumerate(lines, 1):
        row = parse_line(line, where, number)
        if row is not None:
            yield number, row


def parse_line(line: str, where: str, number: int) -> dict[str, Any] | None:
    """The object on one line, None for a blank or comment line; JsonLinesError otherwise.

    For readers that report a bad line and read on (the manifests, articles.manifests).
    """
    text = line.strip()
    if not text or text.startswith("#"):
        return None
    try:
        row = json.loads(text)
    except ValueError as error:
        raise JsonLinesError(where, number, f"not JSON ({error})") from None
    if not isinstance(row, dict):
        raise JsonLinesError(where, number, "not a JSON object")
    return row


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every object of a JSON-lines file; a missing file raises FileNotFoundError."""
    with path.open(encoding="utf-8") as lines:
        return [row for _, row in iter_jsonl(lines, str(path))]
