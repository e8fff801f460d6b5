"""Timeline precision, statements round four (issue 8): a claim rejected, talks at a dead end or making progress, what
is being done in general, what a person opposes and the cause a thing is driven by give no event.

Each rule (patterns/en/context.jsonl) is shown on real sentences of the pool from two outlets and on one of our own;
a sentence of the same shape that tells a happening keeps its event.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    "text",
    [
        # p055 (The Guardian)
        "The Ukrainian army has rejected claims that Russian-backed separatists and Russian forces have surrounded the "
        "key eastern city of Lysychansk.",
        # p080 (a GB outlet: BBC News, The Guardian or The Telegraph)
        "Biden rejected the accusation he was fighting a proxy war, describing the claim as part of the Kremlin’s "
        "domestic propaganda to explain the inability of Russian forces to achieve their goals.",
        # made up
        "Kyiv denied reports that its troops had shelled the border town.",
    ],
)
def test_a_claim_rejected_is_no_happening(run, text):
    assert events_of(run(text, D(2022, 7, 3))) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: a plan rejected is a diplomatic happening (p127's gold), and a clause of "after" tells its own
        ("Russia rejected the peace plan on Monday.", ("diplomacy", D(2023, 1, 2))),
        ("Ukraine denied the claims on Monday after Russian missiles struck Kyiv.", ("strike", D(2023, 1, 2))),
    ],
)
def test_a_plan_rejected_or_a_happening_beside_a_denial_keeps_its_event(run, text, expected):
    assert events_of(run(text, D(2023, 1, 5))) == [expected]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p056 (Reuters)
        (
            "President Vladimir Putin said on Tuesday peace talks with Ukraine had hit a dead end, using his first "
            "public comments on the conflict in more than a week to vow his troops would win.",
            D(2022, 4, 12),
        ),
        # p208 (AFP, via KTEN)
        (
            "Four years later -- with hundreds of thousands dead, millions forced to flee, much of eastern Ukraine "
            "destroyed and US-led peace talks still deadlocked over territory -- it conceded that it has not achieved "
            "all it wants in the country.",
            D(2026, 2, 24),
        ),
        # made up
        ("Negotiations with Moscow have reached an impasse, the minister said.", D(2023, 1, 5)),
    ],
)
def test_talks_at_a_dead_end_are_a_judgement(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p193 (Al Jazeera)
        ("Those talks have yielded little progress, with both sides sticking to opposing demands.", D(2026, 2, 7)),
        # p188 (AP, via ABC News)
        (
            "Negotiations aimed at ending Russia’s invasion of Ukraine are yielding apparent signs of progress, but "
            "major challenges remain on the path to a final settlement, a senior Kremlin official said Monday.",
            D(2026, 1, 26),
        ),
        # made up
        ("The talks are making good progress, the Kremlin said.", D(2023, 1, 5)),
    ],
)
def test_the_progress_of_talks_is_a_judgement(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    "text",
    [
        # made up: the meeting is told in its own clause, before the comma
        "Zelensky met Putin in Istanbul on Monday, but the talks hit a dead end.",
        "Zelensky met Putin in Istanbul on Monday, and the talks made progress.",
    ],
)
def test_a_meeting_beside_the_state_of_talks_keeps_its_event(run, text):
    assert events_of(run(text, D(2023, 1, 5))) == [("diplomacy", D(2023, 1, 2))]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p171 (The Economist)
        ("Undersea infrastructure is being attacked, too.", D(2025, 10, 2)),
        # p166 (The Economist, another article)
        ("Attacks are also being carried out by the heavier and costlier Lyutyi drones.", D(2025, 9, 4)),
        # p033 (The Guardian)
        (
            "The United Nations told the BBC that Ukrainians are being arbitrarily detained and subjected to enforced "
            "disappearances in Russian-controlled areas.",
            D(2022, 3, 24),
        ),
        (
            "The BBC is reporting that the UN says Ukrainians are being arbitrarily detained and subjected to enforced "
            "disappearances in Russian-controlled areas.",
            D(2022, 3, 24),
        ),
        # made up
        ("Power plants are being struck by drones across the country.", D(2023, 1, 5)),
    ],
)
def test_a_bare_noun_in_the_progressive_passive_is_a_trend(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: a place named, a definite subject, training under way
        ("Civilians are being evacuated from Mariupol.", "other"),
        ("Russian troops are being pushed back from Kyiv.", "battle"),
        ("The bridge is being shelled by Russian artillery.", "strike"),
        # seed-001: training under way is a happening of the gold
        ("Ukrainian troops are being trained by Polish, Canadian, and Norwegian instructors.", "training"),
    ],
)
def test_a_place_a_definite_subject_or_training_keeps_the_happening(run, text, expected):
    assert [kind for kind, _day in events_of(run(text, D(2023, 1, 5)))] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # p156 (CNN-style copy)
        "Alarm bells rang across Europe this week after Trump picked Senator JD Vance, who opposes military aid for "
        "Ukraine and warned Europe will have to rely less on the United States to defend the continent, as his "
        "candidate for vice president.",
        # made up (the construction in p073, TVN24: "Chinese companies that oppose American export restrictions to
        # Russia", and p137, Fox News: "China has "always opposed the use of civilian drones for military purposes"")
        "Hungary opposes new sanctions on Russian gas.",
    ],
)
def test_what_a_person_opposes_is_a_view(run, text):
    assert events_of(run(text, D(2024, 7, 20))) == []


def test_a_happening_of_the_person_who_opposes_keeps_its_event(run):
    # made up: the clause of "who" holds the view; the main clause tells the meeting
    text = "The senator, who opposes aid, met Zelensky in Kyiv on Monday."
    assert events_of(run(text, D(2023, 1, 5))) == [("diplomacy", D(2023, 1, 2))]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p186 (CSIS)
        (
            "One particular concern is rising inflation—one of Russia’s most pressing social problems—driven by "
            "sanctions and broader economic challenges.",
            D(2025, 9, 30),
        ),
        # p177 (The Economist)
        (
            "But that effort was superseded by an erratic negotiation driven by Steve Witkoff, Mr Trump’s special "
            "envoy.",
            D(2025, 12, 11),
        ),
        # made up
        ("Rising prices, driven by sanctions on Russian oil, worry households.", D(2023, 1, 5)),
    ],
)
def test_what_a_thing_is_driven_or_superseded_by_is_its_cause(run, text, published):
    assert events_of(run(text, published)) == []


def test_troops_driven_back_keep_their_battle(run):
    # made up: "driven back by" is no cause given; the troops were pushed back
    text = "Russian troops were driven back by the counter-offensive near Kharkiv on Monday."
    assert events_of(run(text, D(2023, 1, 5))) == [("battle", D(2023, 1, 2))]
