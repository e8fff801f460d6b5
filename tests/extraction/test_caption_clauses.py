"""Agency captions on new text (issue 8): a caption tells its scene in the present and dates it ("in City, Country, on
DATE"); an attack in a participle or a passive clause of "which" hung on a noun of the scene says what was done to
that noun before, and neither types nor dates the caption's card (rules/event_background.py, _done_to_it). A clause
with its own day, a past main verb, or an attack in a clause of time keeps its happening."""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # pool p046 (The Guardian): the shelling in the participle of the caption's subject
        (
            "A woman displaced by Russian shelling leaves a metro station where people had been living underground "
            "for months, on 22 May in Kharkiv, Ukraine.",
            D(2022, 5, 22),
        ),
        # pool p198 (Al Jazeera): the strikes in a passive clause of "which"; "cut" is read as a past by the tagger
        (
            "Workers cut a pipe at Darnytsia Thermal Power Plant, which was heavily damaged by Russian missile and "
            "drone strikes, in Kyiv, Ukraine, on February 4, 2026.",
            D(2026, 2, 20),
        ),
        # pool p051 (The Guardian): the day after the place and its country is the caption's, though the parser
        # hangs it inside the participle
        (
            "Debris removal works continue at Amstor shopping mall targeted by a Russian missile strike in "
            "Kremenchuk, Ukraine, June 29th, 2022.",
            D(2022, 6, 29),
        ),
        # pool p058 (AP): the fighting in a phrase of the participle
        (
            "Ukrainian sappers carry a Russian military drone backdropped by the Antonov An-225, world's biggest cargo "
            "aircraft destroyed by the Russian troops during recent fighting, at the Antonov airport in Hostomel, on "
            "the outskirts of Kyiv, Ukraine, Monday, April 18, 2022.",
            D(2022, 4, 19),
        ),
        # made up: a clause of "which", a participle, a present passive as AP's captions have it ("are seen")
        (
            "Burned cars are seen near a bridge destroyed by Russian shelling in Irpin, Ukraine, on March 3, 2022.",
            D(2022, 3, 4),
        ),
        (
            "Firefighters work at a school, which was destroyed by a Russian drone attack, in Kharkiv, Ukraine, on "
            "March 3, 2023.",
            D(2023, 3, 4),
        ),
        (
            "A man walks past a school destroyed by a Russian drone attack, in Kharkiv, Ukraine, on March 3, 2023.",
            D(2023, 3, 4),
        ),
    ],
)
def test_an_attack_done_to_a_noun_of_a_caption_gives_no_card(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # (pool p044's undated siege in a clause of "which" describes the plant: test_cues_describing_participants.py)
        # pool p178 (The Economist): an assault unit in the participle of a subject whose verb is past
        (
            "On September 21st a task group led by Khartiia, the 92nd brigade and the Code 9.2 regiment, an elite "
            "assault unit, began the full counter-charge.",
            D(2025, 12, 18),
            [("battle", D(2025, 9, 21))],
        ),
        # dev p201 (Reuters): the strike in a clause of time of the caption's scene is the scene's (as the gold has it)
        (
            "Water vapour rises from residential buildings' autonomous heating systems during a power blackout and "
            "freezing temperatures, after critical civil infrastructure was hit by recent Russian missile and drone "
            "attacks, amid Russia's attack on Ukraine, in Kyiv, Ukraine January 19, 2026.",
            D(2026, 2, 23),
            [("strike", D(2026, 1, 19))],
        ),
        # made up: the clause holds its own day
        (
            "Rescuers search a school, which was hit by a Russian missile on March 6, 2023.",
            D(2023, 3, 9),
            [("strike", D(2023, 3, 6))],
        ),
        # made up: the scene itself is the attack
        (
            "Russian missiles hit a power plant, which was damaged by drones, in Kyiv, Ukraine, on February 4, 2026.",
            D(2026, 2, 20),
            [("strike", D(2026, 2, 4))],
        ),
    ],
)
def test_a_caption_keeps_an_attack_told_in_its_own_clause(run, text, published, expected):
    assert events_of(run(text, published)) == expected
