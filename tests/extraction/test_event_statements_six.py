"""Timeline precision, statements round six (issue 8): what a country or its people fight for as a cause ("fighting for
its sovereignty", "for its survival", "for their country") is no battle; fighting for ground keeps its card.

Construction: a FIGHTING_WORDS cue whose every object of "for" is one of the FOUGHT_CAUSES of
patterns/en/event_words.jsonl (rules/events.py, _fought_for_a_cause).
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p085 (a UA outlet: Kyiv Post / Ukrinform / UNIAN)
        ("Ukraine is fighting for its sovereignty and its territorial integrity, the official stressed.", D(2022, 6, 4)),
        # p056 (Reuters)
        ("Ukraine says it is fighting for its survival.", D(2022, 9, 7)),
        # p144 (a GB outlet: BBC News / The Guardian / The Telegraph)
        ("This is not fair to those citizens who are fighting for their country.", D(2024, 4, 26)),
        # made up
        ("Our soldiers are fighting for the freedom of their homeland, the president said on Monday.", D(2023, 3, 8)),
    ],
)
def test_fighting_for_a_cause_gives_no_battle(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: the ground fought over keeps the battle
        ("Ukrainian troops were fighting for Bakhmut on Monday, the official stressed.", D(2023, 3, 8), "battle"),
        ("The fighting for the plant went on all day on Monday.", D(2023, 3, 8), "battle"),
    ],
)
def test_fighting_for_ground_keeps_its_battle(run, text, published, expected):
    assert [kind for kind, _ in events_of(run(text, published))] == [expected]
