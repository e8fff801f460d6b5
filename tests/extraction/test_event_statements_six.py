"""Timeline precision, statements round six (issue 8): what a country or its people fight for as a cause ("fighting for
its sovereignty", "for its survival", "for their country") is no battle, and what one comments on ("commented on the
grain crisis, negotiations with Turkey") is a topic of words; fighting for ground and a meeting told beside a comment
keep their cards.

Constructions: a FIGHTING_WORDS cue whose every object of "for" is one of the FOUGHT_CAUSES of
patterns/en/event_words.jsonl (rules/event_cues.py, _fought_for_a_cause); "comment on" / "remark on" (an OPINION row of
patterns/en/context.jsonl, the phrase after the verb).
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p085 (a UA outlet: Kyiv Post / Ukrinform / UNIAN)
        (
            "Ukraine is fighting for its sovereignty and its territorial integrity, the official stressed.",
            D(2022, 6, 4),
        ),
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


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p093 (Kyiv Post, Zelensky's address)
        (
            "In Zelensky's latest address on Thursday evening, July 21, the Ukrainian President commented on the grain "
            "crisis, negotiations with Turkey, and the potential of advancing Ukrainian units on the front lines.",
            D(2022, 7, 22),
        ),
        # p105 (a GB outlet: BBC News / The Guardian / The Telegraph)
        ("Ukraine's military declined to comment on the explosions.", D(2022, 9, 16)),
        # p048 (The Guardian)
        ("Ukraine had not publicly commented on Moscow's proposal.", D(2022, 6, 15)),
        # made up
        (
            "On Monday the minister commented on the energy crisis, the talks with Russia and the harvest.",
            D(2023, 3, 8),
        ),
    ],
)
def test_what_one_comments_on_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


def test_a_meeting_told_beside_a_comment_keeps_its_card(run):
    # made up
    result = run("Zelensky met Erdogan in Istanbul on Monday and commented on the grain crisis.", D(2023, 1, 5))
    assert events_of(result) == [("diplomacy", D(2023, 1, 2))]
