"""Warboard's extraction engine: article text in, events, losses and pledges out.

    from articles.extraction import extract
    result = extract(text, published=datetime.date(2023, 1, 5), title="...")
    result.to_dict(id="seed-000")   # the JSON object of SPEC.md

No Django here. The spaCy pipeline is built once per process
(`pipeline.get_pipeline`); `extract_many` parses many texts with `nlp.pipe`.
Each parsed article goes through `read_article` (walk.py, the article walk);
the modules beside it are named for what they decide: sentence.py (what one
sentence tells), attribution.py (who claims a figure), tense.py (whether a date
points ahead), event_building.py and merging.py (the events records hang under),
tallies.py (a ministry's daily losses table), rules/ (events, losses, pledges).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

# people_of, ArticleState and sentence_context are imported here by tests/extraction/test_events.py
# (ev's), which builds one sentence's context through these names.
from articles.extraction.attribution import people_of as _people_of  # noqa: F401
from articles.extraction.records import Extraction
from articles.extraction.sentence import ArticleState  # noqa: F401
from articles.extraction.sentence import sentence_context as _context  # noqa: F401
from articles.extraction.walk import read_article

EXTRACTOR_VERSION = "2026.12.02"

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_many", "read_article"]


def extract(
    text: str,
    published: datetime.date | None = None,
    title: str | None = None,
    published_source: str | None = None,
    model: str | None = None,
) -> Extraction:
    """Extract the records of one article (its cleaned text).

    `published_source` says where `published` came from ("supplied" by the
    uploader, or "text" when cleaning found it); it defaults to "supplied".
    `model` names the spaCy model (default: WARBOARD_SPACY_MODEL, see pipeline).
    """
    result = extract_many([text], [published], [title], model=model)[0]
    if published is not None and published_source:
        result.published_source = published_source
    return result


def extract_many(
    texts: Iterable[str],
    published: Iterable[datetime.date | None] | None = None,
    titles: Iterable[str | None] | None = None,
    batch_size: int = 16,
    model: str | None = None,
) -> list[Extraction]:
    """Extract many articles, parsing them in batches with nlp.pipe."""
    from articles.extraction.pipeline import get_pipeline  # noqa: PLC0415 - loads spaCy

    texts = list(texts)
    published_list = list(published) if published is not None else [None] * len(texts)
    titles_list = list(titles) if titles is not None else [None] * len(texts)
    nlp = get_pipeline(model)
    results = []
    for doc, text, day, title in zip(
        nlp.pipe(texts, batch_size=batch_size), texts, published_list, titles_list, strict=True
    ):
        results.append(read_article(doc, text, day, title))
    return results
