"""Timeline precision, analysis round three (issue 8): analysis told in the present or the perfect gives no event; a
happening told beside it keeps its card.

Constructions (patterns/en/context.jsonl): a failing named by a noun ("its inability to counter the shelling"); what is
done "rather than" or "instead of" another thing; a happening or measure as the subject of a verb of effect in the
perfect or the present progressive ("sanctions have forced Russia to pivot east", "by making advances, Russia is
forcing Ukraine to ..."); what a thing is said to explain ("helps explain why offers of sanctions relief have
failed"). Each on real sentences of the pool and on one of our own.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    "text",
    [
        # p034 (The Guardian)
        "Ukraine’s most obvious military problem is its inability to counter the ceaseless Russian shelling that has "
        "caused so many civilian casualties in Mariupol.",
        # made up
        "Kyiv’s failure to stop the drone attacks on its refineries worries its allies.",
    ],
)
def test_a_failing_named_by_a_noun_gives_no_event(run, text):
    assert events_of(run(text, D(2022, 3, 31))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p162 (CNN)
        "By pushing ahead and making these gradual, seemingly incremental advances along the more than 600-mile-long "
        "(1,000-kilometer) front line, Russia is forcing Ukraine to commit to defensive operations rather than gear up "
        "for a counteroffensive.",
        # p198 (Al Jazeera)
        "Instead of ceding land now, Zelenskyy favours freezing the current line of contact as a pretext for a "
        "ceasefire and territorial negotiations.",
        # made up
        "Ukraine is digging in rather than launching an offensive.",
    ],
)
def test_what_is_left_undone_rather_than_done_gives_no_event(run, text):
    assert events_of(run(text, D(2026, 2, 20))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p199 (CNN)
        "What’s more, Western sanctions and political isolation have forced Russia to pivot east, especially to China, "
        "on which it is now increasingly reliant for essential trade, from energy exports to imports of cars and "
        "electronics, all giving Beijing a whip hand over Moscow.",
        # p162 (CNN), without its "rather than": the advances are the means of the forcing
        "By pushing ahead and making these gradual advances along the front line, Russia is forcing Ukraine to stay on "
        "the defensive.",
        # made up
        "Russian drone strikes have weakened Kyiv’s resolve.",
    ],
)
def test_a_happening_told_for_its_effect_gives_no_event(run, text):
    assert events_of(run(text, D(2026, 2, 21))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p186 (CSIS)
        "This limited expected payoff helps explain why U.S. offers of sanctions relief for a peace settlement have "
        "failed to change Moscow’s calculus.",
        # made up
        "The shortage of shells explains why Russian attacks near Pokrovsk have slowed.",
    ],
)
def test_what_is_explained_gives_no_event(run, text):
    assert events_of(run(text, D(2025, 9, 30))) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p064 (CNN): the clause of "as" after the failing tells the collapse of the evacuation
        (
            "But they looked feeble against the backdrop of Putin’s provocative test launch of Russia’s new "
            "intercontinental ballistic missile and the allies’ inability to save civilians as the latest evacuation "
            "attempts from Mariupol collapsed Wednesday.",
            D(2022, 4, 21),
            [("other", D(2022, 4, 20))],
        ),
        # made up: the strike is told before "instead of", the offensive after it is not
        (
            "Kyiv shelled the bridges on Monday instead of launching an offensive.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # made up: a clause after a comma and "and" tells its own
        (
            "Russia chose to negotiate rather than retreat, and its missiles struck Kyiv on Monday.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # made up: the simple past of one happening keeps it
        (
            "A Russian missile strike on Monday forced the power plant in Kharkiv to shut down.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # made up: a clause of "after" in the simple past before the perfect tells its own
        (
            "After Russian missiles struck Kyiv on Monday, officials have forced residents to stay in shelters.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # made up: what is explained by a happening does not hide the happening
        (
            "Russian missiles struck Kyiv on Monday, which explains why the power is out.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # p048 (The Guardian): a verb of physical harm in the perfect keeps the bombardment, as the gold does
        (
            "Weeks of Russia’s relentless bombardment of Sievierodonetsk, including its industrial area, have reduced "
            "much of the city to rubble.",
            D(2022, 6, 15),
            [("strike", None)],
        ),
    ],
)
def test_a_happening_told_beside_the_analysis_keeps_its_event(run, text, published, expected):
    assert events_of(run(text, published)) == expected
