"""A happening told again later in the article is one card (merging.merge_events): an undated sentence naming it
with "the" or a possessive ("survived the missile strike") far after it, when the article tells its kind on one day
only, and an undated sentence opening on "It follows" or "It comes as" just after a happening of its type."""

import datetime

import pytest
import spacy

from articles.extraction import merging
from articles.extraction.records import Event, Extraction

NLP = spacy.blank("en")


def event(sentence: str, kind: str, date: datetime.date | None, places: list[str], retold: bool) -> Event:
    told = Event(date=date, precision="day" if date else None, type=kind, summary=sentence, places=places, countries=[])
    told.retold = retold
    return told


def merged(events: list[Event], apart: int) -> list[str]:
    """The summaries left after merging one event per sentence, `apart` sentences apart."""
    text, start = "", 0
    for told in events:
        told.span = (start, start + len(told.summary))
        text += told.summary + " "
        start = len(text)
    result = Extraction(events=events)
    merging.merge_events(result, [apart * number for number in range(len(events))], NLP(text.strip()))
    return [told.summary for told in result.events]


MONDAY = datetime.date(2025, 8, 28)
FAR = merging.RETELLING_REACH + 1


@pytest.mark.parametrize(
    ("first", "later", "kind"),
    [
        # p182 (BBC): the block of flats hit in the night, a survivor's story 25 sentences on
        (
            "The missile ripped through the middle of the low-rise block of flats.",
            "Oksana Rumpik, 54, and her husband Mykhailo survived the missile strike on the block of flats.",
            "strike",
        ),
        # made up
        (
            "A Russian drone hit a power station in Odesa overnight.",
            "Engineers said the drone strike cut power to 40,000 homes.",
            "strike",
        ),
        # made up
        (
            "Ukrainian forces pushed Russian troops out of the village of Robotyne.",
            "Soldiers who took part in the assault described days of fighting.",
            "battle",
        ),
    ],
)
def test_a_happening_named_with_the_retells_the_one_told_far_before(first, later, kind):
    told = [event(first, kind, None, [], False), event(later, kind, None, [], True)]
    assert merged(told, apart=FAR) == [first]


def test_a_dated_happening_is_retold_far_after_when_the_article_tells_one_day():
    first = "Russia fired almost 600 drones and more than 30 missiles at Kyiv on Thursday."
    later = "Neighbours said the attack shook the whole district."
    told = [event(first, "strike", MONDAY, ["Kyiv"], False), event(later, "strike", None, [], True)]
    assert merged(told, apart=FAR) == [first]


@pytest.mark.parametrize(
    ("told", "cards"),
    [
        # made up: "a missile strike" brings in a new one
        (
            [
                event("A missile hit a block of flats in Kyiv.", "strike", None, ["Kyiv"], False),
                event("A missile strike also hit a school.", "strike", None, [], False),
            ],
            2,
        ),
        # made up: strikes of two days before it, which one "the strike" names is not known
        (
            [
                event("A missile hit Kyiv on Monday.", "strike", MONDAY, ["Kyiv"], False),
                event("Drones hit Kyiv on Tuesday.", "strike", MONDAY + datetime.timedelta(days=1), ["Kyiv"], False),
                event("Residents said the strike destroyed their homes.", "strike", None, [], True),
            ],
            3,
        ),
        # made up: the strike of another place
        (
            [
                event("A missile hit a block of flats in Kyiv.", "strike", None, ["Kyiv"], False),
                event("The strike on Odesa killed two.", "strike", None, ["Odesa"], True),
            ],
            2,
        ),
        # made up: a happening of another kind is not named by "the assault"
        (
            [
                event("A missile hit a block of flats in Kyiv.", "strike", None, ["Kyiv"], False),
                event("The assault on the village lasted days.", "battle", None, [], True),
            ],
            2,
        ),
    ],
)
def test_another_happening_stays_apart(told, cards):
    assert len(merged(told, apart=FAR)) == cards


def test_a_happening_told_too_far_back_is_not_retold():
    first = "The missile ripped through the middle of the low-rise block of flats."
    later = "Residents who survived the missile strike were rehoused."
    told = [event(first, "strike", None, [], False), event(later, "strike", None, [], True)]
    assert merged(told, apart=merging.RETOLD_FAR_REACH) == [first]
    told = [event(first, "strike", None, [], False), event(later, "strike", None, [], True)]
    assert merged(told, apart=merging.RETOLD_FAR_REACH + 1) == [first, later]


AUSTRALIA = datetime.date(2022, 4, 22)


@pytest.mark.parametrize(
    ("first", "later", "kind"),
    [
        # p067 (New York Post): the Australian sanctions, then the measures they follow
        (
            "The Australian government has imposed sanctions and travel bans on two daughters of Russian President "
            "Vladimir Putin.",
            "It follows similar measures undertaken by other Western nations including the United States and Britain.",
            "sanctions",
        ),
        # made up
        (
            "Germany will send four more Patriot launchers to Ukraine.",
            "It comes after the Netherlands pledged two launchers of its own.",
            "aid",
        ),
        # made up
        (
            "Canada imposed sanctions on 14 Russian banks.",
            "The move follows sanctions by the European Union.",
            "sanctions",
        ),
    ],
)
def test_it_follows_sets_the_happening_told_just_before_beside_others(first, later, kind):
    told = [event(first, kind, AUSTRALIA, [], False), event(later, kind, None, [], False)]
    assert merged(told, apart=1) == [first]


@pytest.mark.parametrize(
    ("told", "apart"),
    [
        # made up after p071 (Daily Mail) "It comes as Russia resumed its assault on the last Ukrainian defenders
        # holed up in a giant steel works in Mariupol": a happening of another type than the one before
        (
            [
                event("Britain imposed sanctions on Russian oligarchs.", "sanctions", AUSTRALIA, [], False),
                event("It comes as Russia resumed its assault on Mariupol.", "battle", None, ["Mariupol"], False),
            ],
            1,
        ),
        # made up: a day of its own
        (
            [
                event("Canada imposed sanctions on 14 Russian banks.", "sanctions", AUSTRALIA, [], False),
                event("It follows sanctions the EU imposed on Monday.", "sanctions", MONDAY, [], False),
            ],
            1,
        ),
        # made up: not the sentence just before
        (
            [
                event("Canada imposed sanctions on 14 Russian banks.", "sanctions", AUSTRALIA, [], False),
                event("It follows similar measures by other nations.", "sanctions", None, [], False),
            ],
            2,
        ),
        # made up: "It" does not open the sentence
        (
            [
                event("Canada imposed sanctions on 14 Russian banks.", "sanctions", AUSTRALIA, [], False),
                event("Japan said it follows the EU and froze Russian assets.", "sanctions", None, [], False),
            ],
            1,
        ),
    ],
)
def test_a_sentence_not_following_on_stays_apart(told, apart):
    assert len(merged(told, apart=apart)) == 2


def test_the_noun_used_between_names_what_it_was_used_for():
    # made up after p028 (The Guardian): "There have been 43 attacks on Ukrainian healthcare facilities ... Two health
    # workers had been killed and at least 8 injured in the attacks, the WHO said", paragraphs after the theatre hit
    first = event("A Russian bomb hit the theatre in Mariupol.", "strike", None, ["Mariupol"], False)
    between = event("There have been 43 attacks on hospitals, the WHO said.", "other", None, [], False)
    later = event("Two health workers were killed in the attacks.", "strike", None, [], True)
    assert len(merged([first, between, later], apart=FAR)) == 3


def test_a_follow_up_meeting_is_another_one():
    # p164 (The Economist): "During the follow-up summit in Washington with Volodymyr Zelensky and seven European
    # leaders ...", after the summit with Putin
    first = event("Putin met Trump at a summit in Alaska.", "diplomacy", None, [], False)
    later = event("During the follow-up summit, Trump spoke to Macron.", "diplomacy", None, [], True)
    assert len(merged([first, later], apart=FAR)) == 2


@pytest.mark.parametrize(
    "told",
    [
        # made up after p053 (The Guardian): "During the summit, the UK said it would make available a further £1bn
        # of lethal aid": another donor's aid, which the same-donor rule links, not "the"
        [
            event("The US president announced another $800m of military aid to Kyiv.", "aid", None, [], False),
            event("During the summit, the UK said it would send a further £1bn.", "aid", None, [], True),
        ],
        # made up after p061 (CNA, Reuters): "Reuters journalists saw the bodies of three people apparently killed by
        # shrapnel", paragraphs after a toll in another city
        [
            event("Ukraine believes more than 20,000 civilians have died in Mariupol.", "losses", None, [], False),
            event("Reporters saw the bodies of three people killed by shrapnel.", "losses", None, [], True),
        ],
    ],
)
def test_aid_and_tallies_are_not_retold_far(told):
    assert len(merged(told, apart=FAR)) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        # p066 (AP): the body Russia was suspended from, not a happening told before
        "Russia has already been suspended from the U.N. Human Rights Council and is facing a push at the world body's "
        "educational, scientific and cultural organization to strip it of its UNESCO presidency.",
        # made up
        "Russia was expelled from the Council of Europe.",
    ],
)
def test_a_body_named_with_the_is_no_retelling(run, sentence):
    told = [event for event in run(sentence).events if event.type == "diplomacy"]
    assert told
    assert not any(event.retold for event in told)


@pytest.mark.parametrize(
    "sentence",
    [
        # p020 (The Guardian): the meeting told before
        "At the Nato foreign ministers's meeting Stoltenberg described the Russian invasion of Ukraine as the worst "
        "military aggression in Europe for decades.",
        # made up
        "The summit ended without a deal.",
    ],
)
def test_a_happening_named_with_the_is_a_retelling(run, sentence):
    told = [event for event in run(sentence).events if event.type == "diplomacy"]
    assert told
    assert all(event.retold for event in told)
