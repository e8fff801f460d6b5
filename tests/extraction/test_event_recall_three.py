"""Timeline recall (h-recall): happenings told without the cue words of events.jsonl's older rows."""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date
PUBLISHED = D(2022, 4, 9)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        # p035 (The Guardian)
        "Zelenskiy also said that Russia was trying to conscript troops from Crimea.",
        # pool p094 (Kyiv Post)
        "Recent reports have indicated that Russia has been actively recruiting mercenaries from within Belarus.",
        # pool p162 (CNN)
        "Ukraine has recruited thousands of new soldiers that are currently in training.",
        # made up
        "Belarus conscripted 5,000 reservists.",
    ],
)
def test_it_reads_people_recruited_for_an_army_as_mobilization(run, text):
    assert events_of(run(text, PUBLISHED)) == [("mobilization", None)]


@pytest.mark.parametrize(
    "text",
    [
        # p069 (The Guardian): the fighters are named by the word, no one is recruited in the sentence
        "The siege was prosecuted by troops from the 150th Rifle Division and 810th Naval Infantry Brigade "
        "reinforced with Chechen Rosgvardia and conscripted fighters from occupied Donetsk.",
        # made up: a text drafted, a difficulty talked about
        "The ministry drafted a resolution on the troops.",
        "Analysts say recruiting troops is getting harder for the Kremlin.",
    ],
)
def test_it_reads_no_mobilization_where_no_one_is_recruited(run, text):
    assert "mobilization" not in [kind for kind, _day in events_of(run(text, PUBLISHED))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p052 (The Guardian)
        (
            "Russia-installed officials in Ukraine's Kherson region said their security forces had detained Kherson "
            "city mayor Ihor Kolykhayev on Tuesday after he refused to follow Moscow's orders.",
            [("other", D(2022, 4, 5))],
        ),
        # pool p152 (a GB outlet)
        (
            "An American soldier was detained in Russia last week on charges of criminal misconduct, the US army said.",
            [("other", D(2022, 3, 28))],
        ),
        # pool p192 (Critical Threats)
        (
            "A source close to the investigation claimed to Russian business outlet Kommersant that authorities "
            "detained two suspects in the assassination attempt.",
            [("other", None)],
        ),
        # made up
        ("Polish police detained a Belarusian saboteur near the border.", [("other", None)]),
    ],
)
def test_it_reads_a_detention_as_an_arrest(run, text, expected):
    assert events_of(run(text, PUBLISHED)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # p129 (a GB outlet): cases a report counts
        "It interviewed hundreds of victims and witnesses for a report detailing more than 900 cases of civilians, "
        "including children and elderly people, being arbitrarily detained in the conflict, most of them by Russia.",
        # made up: the detained as a group
        "Detained civilians are often tortured, the report says.",
        "Kyiv demands the release of all detained journalists.",
    ],
)
def test_it_reads_no_arrest_in_the_detained_named_as_a_group(run, text):
    assert events_of(run(text, PUBLISHED)) == []


@pytest.mark.parametrize(
    "text",
    [
        # pool p171 (The Economist)
        "In April the Estonians detained this ship on suspicion of sailing under a fake Djibouti flag.",
        "Earlier this year the Estonian navy tried to detain the Jaguar, a tanker subject to sanctions and sailing "
        "without a national flag, as it was heading towards Russia.",
        # made up
        "Finnish border guards detained a tanker of Russia's shadow fleet.",
    ],
)
def test_it_reads_a_ship_detained_as_sanctions_enforced(run, text):
    assert [kind for kind, _day in events_of(run(text, PUBLISHED))] == ["sanctions"]


def test_it_reads_no_happening_in_an_undated_since_clause_of_a_dated_sentence(run):
    # pool p171 (The Economist): the detention is the point counted from; the year belongs to another clause
    text = (
        "Since it was previously detained it has changed its name to Boracay, just one of the five names it has "
        "used since entering the dark fleet in 2022."
    )
    assert events_of(run(text, PUBLISHED)) == []


def test_it_keeps_the_invasion_dated_in_its_since_clause(run):
    # p126 (Kyiv Post): the clause of "since" holds its own date
    text = "Since Russia invaded Ukraine in February 2022, more than six million people have fled the country."
    assert events_of(run(text, PUBLISHED)) == [("battle", D(2022, 2, 1)), ("other", None)]
