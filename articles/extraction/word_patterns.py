"""Words kept as data, read on tokens: spaCy Matcher token patterns in JSON lines, one Matcher per file.

    found = word_patterns(doc.vocab, PATH)(span)  # [(label, start, end, id)], offsets within the span

Each row of a file is {"label": ..., "pattern": [token patterns], "id": optional, ...} (other keys, such as
"example", are for the reader). attribution.py, tense.py, walk.py, merging.py, dates.py and rules/losses.py read
their files through it.
The Matcher is built once per process and vocabulary; it runs only from the tokens a pattern can begin at
(`components.AnchoredMatcher`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from articles.extraction.components import AnchoredMatcher
from articles.jsonl import read_jsonl


class WordPatterns:
    """The rows of one file compiled into one Matcher."""

    def __init__(self, vocab, rows: Iterable[dict]):
        keyed = []
        self.rows: list[dict] = list(rows)
        self.number_of: dict[int, int] = {}
        for number, row in enumerate(self.rows):
            key = f"{row['label']}|{number}"
            keyed.append((key, row["pattern"]))
            self.number_of[vocab.strings.add(key)] = number
        self.matcher = AnchoredMatcher(vocab, keyed, validate=True)

    def matches(self, span) -> list[tuple[int, int, int]]:
        """(row number, start, end) of every match in the span, offsets within it, by start, end and row."""
        return [(self.number_of[key], start, end) for key, start, end in self.matcher(span)]

    def __call__(self, span) -> list[tuple[str, int, int, str | None]]:
        """(label, start, end, id) of every match in the span, offsets within it, in reading order (the longer
        first at one start)."""
        rows = self.rows
        found = [(rows[n]["label"], start, end, rows[n].get("id")) for n, start, end in self.matches(span)]
        return sorted(found, key=lambda match: (match[1], -match[2], match[0]))


def first_word(span) -> int | None:
    """The offset in the span of its first token that holds a letter, a digit or "_" (a word after any signs and
    spaces, as a sentence opens: "• Subscribe", "“The meeting ..."), None for a span of signs."""
    return next((token.i - span.start for token in span if any(c.isalnum() or c == "_" for c in token.text)), None)


# Each entry keeps its vocabulary alive: an id is never reused for another vocabulary while it is a key.
_built: dict[tuple[int, str], tuple[object, WordPatterns]] = {}


def word_patterns(
    vocab, path: Path | tuple[Path, ...], rows: Callable[[], Iterable[dict]] | None = None
) -> WordPatterns:
    """The Matcher of one file, or of several read in turn (or of the rows `rows()` builds from them), for a
    vocabulary, built once per process."""
    key = (id(vocab), str(path))
    if key not in _built:
        paths = path if isinstance(path, tuple) else (path,)
        found = rows() if rows is not None else [row for each in paths for row in read_jsonl(each)]
        _built[key] = (vocab, WordPatterns(vocab, found))
    return _built[key][1]
