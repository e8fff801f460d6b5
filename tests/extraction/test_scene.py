"""Scenes and aftermaths on the timeline (issue 8): the damage, fires and rescue told a few sentences after an attack,
with no other happening told between, are that attack's aftermath, one card with it (merging.py, _aftermath_of);
another strike ("also", "Elsewhere") or a strike by other parties stays a card of its own. A caption's scene of people
in the simple present says what was done to a noun by a bare participle; the attack in it, undated, is told elsewhere
(rules/event_background.py, _done_to_it and _people_scene); a relative clause or a past main verb keeps it."""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # pool p163 (CNN): the damage told four sentences after the attack, what is said of the attack between
        (
            "Russia has launched one of the largest drone attacks on Ukraine since the war began, mainly targeting "
            "overnight the region in and around the capital Kyiv, according to the Ukrainian military. "
            "It marks the largest attack on the capital so far this year, military officials said on Wednesday. "
            "The attack lasted more than seven hours and the drones came in two waves, Kyiv officials said. "
            "There were no hits to residential or critical infrastructure and no casualties in the Kyiv region. "
            "However, 13 houses were damaged and rescuers extinguished one fire caused by the downed drones.",
            D(2024, 3, 21),
        ),
        # pool p182 (The Guardian): the missile's path through the block, after what was said of the night
        (
            "A Russian missile hit a block of flats in Kyiv overnight. "
            "It was hit by at least one missile, on a night that Russia fired almost 600 drones, the military said. "
            "Neighbours said they had heard a whistle before the blast. "
            "Rescuers searched the rubble through the morning. "
            "The missile ripped through the middle of the low-rise block of flats; the five floors had totally "
            "collapsed where it hit.",
            D(2025, 7, 31),
        ),
        # made up
        (
            "Russian drones struck the port of Izmail on Tuesday. "
            "The regional governor said the port would reopen within days. "
            "Grain exports had been expected to rise this month. "
            "Officials said no one was hurt. "
            "Two warehouses were hit by drone debris and caught fire.",
            D(2024, 8, 7),
        ),
    ],
)
def test_the_aftermath_told_a_few_sentences_on_is_the_attacks_card(run, text, published):
    assert [e.type for e in run(text, published).events] == ["strike"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # pool p180 (BBC): a strike by the other side, told after the strike on Mykolaiv
        (
            "In Mykolaiv, Ukraine's state emergencies service DSNS said the body of an elderly man was pulled out "
            "from a residential building hit by a drone. "
            "Officials said the search went on through the night. "
            "The city's mayor thanked the rescuers. "
            "In Russia, the defence ministry said that Ukrainian drones targeted eight Russian regions.",
            D(2025, 5, 25),
        ),
        # made up: another strike told a few sentences on
        (
            "Russian drones struck the port of Izmail on Tuesday. "
            "The regional governor said the port would reopen within days. "
            "Grain exports had been expected to rise this month. "
            "Officials said no one was hurt. "
            "Russia also struck a bridge with a missile.",
            D(2024, 8, 7),
        ),
    ],
)
def test_a_strike_of_its_own_a_few_sentences_on_keeps_its_card(run, text, published):
    assert [e.type for e in run(text, published).events] == ["strike", "strike"]


def test_a_strike_told_between_keeps_the_aftermath_from_the_first(run):
    # made up: the fire follows the second strike, told just before it; the first strike keeps its own card
    text = (
        "Russian drones struck the port of Izmail on Tuesday. "
        "Officials said no one was hurt. "
        "Russian missiles hit Odesa on Wednesday. "
        "Officials said the port would reopen. "
        "Grain exports had been expected to rise this month. "
        "Two warehouses were hit by drone debris and caught fire."
    )
    assert events_of(run(text, D(2024, 8, 7))) == [("strike", D(2024, 8, 6)), ("strike", D(2024, 8, 7))]


@pytest.mark.parametrize(
    "text",
    [
        # pool p071 (Daily Mail): a caption of local men at a building damaged in a shelling, no day
        "Local men look at a hole in a corridor of their residential building damaged in a shelling in Kharkiv.",
        # made up
        "Volunteers clear the debris of a school damaged in a shelling in Kherson.",
    ],
)
def test_an_undated_caption_of_people_at_what_an_attack_did_gives_no_card(run, text):
    assert run(text, D(2022, 4, 23)).events == []


@pytest.mark.parametrize(
    "text",
    [
        # the brief's keep-case: a caption that reports the strike at its site, dated
        "Rescuers work at the site of a Russian missile strike in Kyiv, Ukraine, on Monday.",
        # dev p025 (The Guardian, a training event in the gold): a relative clause with a tense of its own
        "Ukrainian pilots who were being trained in Poland to fly the planes are now grounded with no machines with "
        "which to defend their country.",
        # dev p036 (The Guardian, a strike in the gold): the main verb in the perfect is the news
        "Fox News reporter Benjamin Hall, who was injured an attack in Kyiv, has posted on Twitter about his injuries.",
        # made up: a past main verb
        "A warehouse destroyed by a drone strike in Odesa was rebuilt.",
        # made up: a relative clause of people, not a bare participle
        "Residents who were wounded in the shelling are treated in a hospital in Kherson.",
    ],
)
def test_news_and_clauses_of_their_own_keep_their_card(run, text):
    assert len(run(text, D(2022, 4, 23)).events) == 1
