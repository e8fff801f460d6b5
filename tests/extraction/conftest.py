"""Helpers for the extraction tests: run the engine on a text, read its records compactly."""

import datetime

import pytest

from articles.extraction import extract


@pytest.fixture(scope="session")
def run():
    """run(text, published=...) -> Extraction; the spaCy pipeline is built once for the session."""

    def _run(text: str, published: datetime.date | None = datetime.date(2023, 1, 5)):
        return extract(text, published)

    return _run


def losses_of(result):
    return [(r.side, r.category, r.min, r.max) for r in result.losses]


def pledges_of(result):
    return [(p.donor, p.recipient, p.item, p.category, p.quantity, p.status) for p in result.pledges]


def events_of(result):
    return [(e.type, e.date) for e in result.events]
