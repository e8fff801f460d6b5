"""Timeline precision, statements (issue 8): a meeting announced for no day, a happening named by a verb of
naming, a deed held back, a happening of any kind give no event.

Each rule (patterns/en/context.jsonl, rules/events.py) is shown on real sentences of the pool and on one of
our own; the happenings beside them keep their events.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p183 (Reuters): the day is the statement's, the meeting has none
        ("On Sunday, Trump told reporters that he would meet with Putin at an appropriate time.", D(2025, 2, 10)),
        # p036 (The Guardian): the meeting ahead with no day the rule was made for
        ("The prime minister will hold talks with Olaf Scholz at Downing Street.", D(2022, 4, 8)),
        ("The minister said on Monday that she would visit Kyiv soon.", D(2023, 1, 5)),
    ],
)
def test_a_meeting_announced_for_no_day_of_its_own_is_a_plan(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p050 (The Guardian): the meeting has a time of its own
        (
            "Turkish president Tayyip Erdoğan said he would meet US president Joe Biden at the Nato summit this week.",
            D(2022, 6, 28),
            "diplomacy",
        ),
        ("The minister said she would visit Kyiv on Friday.", D(2023, 1, 5), "diplomacy"),
    ],
)
def test_a_meeting_announced_for_its_own_day_keeps_its_card(run, text, published, expected):
    assert [kind for kind, _day in events_of(run(text, published))] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # p020 (The Guardian), p080 (a GB outlet), made up: what a happening is called is a statement about it
        "The US embassy in Kyiv called the attack a “war crime” in a post on Twitter.",
        "Foreign minister Dmytro Kuleba called the strikes a “heinous act of barbarism” that demonstrated Russia’s "
        "attitude towards Ukraine, Europe and the world.",
        "The minister labelled the shelling an act of terror.",
    ],
)
def test_a_happening_named_by_a_verb_of_naming_is_no_happening(run, text):
    assert events_of(run(text, D(2022, 4, 29))) == []


def test_a_verb_of_naming_with_no_name_given_keeps_the_happening(run):
    # made up: "saw" with one object names nothing
    assert events_of(run("Kharkiv saw heavy shelling on Monday.", D(2023, 1, 5))) == [("strike", D(2023, 1, 2))]


@pytest.mark.parametrize(
    "text",
    [
        # p198 (Al Jazeera), p103 (Gazeta.pl), made up: a deed held back is not done
        "The US Senate has held off voting on a sanctions bill that has 85 percent support because of opposition "
        "from Trump.",
        "Until now, the US has been refrained from handing over to Ukraine missiles with a larger range.",
        "The government stopped short of new sanctions on the bank.",
        "Berlin refrained from new sanctions.",
    ],
)
def test_a_deed_held_back_is_no_happening(run, text):
    assert events_of(run(text, D(2026, 2, 20))) == []


def test_holding_off_an_attack_is_fighting(run):
    # p173 (The Economist): "holding off" with an enemy as its object resists
    text = "The Ukrainians are holding off Russian attacks near Pokrovsk."
    assert len(events_of(run(text, D(2025, 11, 20)))) == 1


@pytest.mark.parametrize(
    "text",
    [
        # p218 (UN News), p093 (Kyiv Post), p109 (Fox News), made up: any one of a kind, not one told
        "Briefing reporters in New York, UN Spokesperson Stéphane Dujarric said any strike against civilians anywhere "
        "is “unacceptable and unjustifiable.”",
        "Each of these shelling occasions only strengthens our desire to defeat the occupiers.",
        "With all its terrorist attacks against Ukrainians and our country, Russia is only burying itself.",
        "Every new sanction has weakened the Kremlin.",
    ],
)
def test_a_happening_of_any_kind_is_no_happening(run, text):
    assert events_of(run(text, D(2022, 7, 22))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p072 (TVN24), p131 (a Polish outlet), p041 (The Guardian), made up: talking of or about a thing is speech
        "The French President Emmanuel Macron, on the other hand, talked about the issue of incorporating Ukraine in "
        "the European Union.",
        '"Soldiers talked about Coków as a competent officer and a good commander," we read.',
        "The general talked about the counteroffensive in an interview.",
        "The week brought more talk of peace.",
    ],
)
def test_talking_about_a_thing_is_speech(run, text):
    assert events_of(run(text, D(2022, 3, 11))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p087, made up: parties talking, with each other or both named
        "As he explained, during the meeting they talked about the economic support of Ukraine.",
        "Biden and Xi talked about Taiwan on Monday.",
        "Scholz talked with Macron about aid on Monday.",
    ],
)
def test_parties_talking_about_a_thing_hold_talks(run, text):
    assert [kind for kind, _day in events_of(run(text, D(2023, 1, 5)))] == ["diplomacy"]


@pytest.mark.parametrize(
    "text",
    [
        # p159 (CNN), made up: speaking to an outlet or to the press is an interview
        "A Nepali soldier who spoke to CNN said many recruits were foreigners.",
        "The minister spoke to reporters after the vote.",
        "The minister spoke to the BBC on Monday.",
    ],
)
def test_speaking_to_the_press_is_no_talk(run, text):
    assert events_of(run(text, D(2023, 1, 5))) == []


def test_speaking_to_a_leader_is_a_call(run):
    # p023 (The Guardian), made up
    text = "US president Joe Biden spoke with Ukrainian president, Volodymyr Zelenskiy, to discuss sanctions."
    assert events_of(run(text, D(2022, 3, 7))) == [("diplomacy", None)]
    assert events_of(run("Macron spoke to Putin on Monday.", D(2023, 1, 5))) == [("diplomacy", D(2023, 1, 2))]


@pytest.mark.parametrize(
    "text",
    [
        # p193 (Al Jazeera), p194 (NPR), made up: words held back from print are no ban on trade
        "“The Americans are proposing the parties end the war by the beginning of this summer,” Zelenskyy told "
        "reporters in Kyiv on Friday, in comments embargoed until Saturday.",
        "Zelenskyy's comments were embargoed until Saturday morning.",
        "The report is embargoed until Monday.",
    ],
)
def test_a_press_embargo_is_no_sanction(run, text):
    assert events_of(run(text, D(2026, 2, 7))) == []


def test_an_embargo_on_goods_is_a_sanction(run):
    # made up
    assert events_of(run("The EU embargoed Russian oil on Monday.", D(2023, 1, 5))) == [("sanctions", D(2023, 1, 2))]


@pytest.mark.parametrize(
    "text",
    [
        # p018 (The Guardian), p076 (Gazeta.pl), made up: a happening reacted to is told elsewhere
        "Western leaders have responded with fury to Russia’s “barbaric” military attacks on Ukrainian cities.",
        "The USA responds to Russia's attack: the next stage will be the dismantling of the Russian war machine",
        "The ministry reacted angrily to the new sanctions.",
    ],
)
def test_a_happening_reacted_to_is_no_happening_of_the_sentence(run, text):
    assert events_of(run(text, D(2022, 2, 25))) == []


def test_a_deed_in_response_keeps_its_event(run):
    # made up: the reaction has a cue of its own
    text = "In response to the sanctions, Moscow cut gas supplies to Poland on Monday."
    assert events_of(run(text, D(2023, 1, 5))) == [("other", D(2023, 1, 2))]


@pytest.mark.parametrize(
    "text",
    [
        # p077 (CNN), p105 (a GB outlet), made up: a verb of attack on a war, a policy or words criticises
        "Russian billionaire Oleg Tinkov has blasted Russia's war in Ukraine in an Instagram post Tuesday.",
        "Putin blasted Washington’s “ugly” policies.",
        "The minister attacked the decision on Monday.",
    ],
)
def test_a_verb_of_attack_on_a_policy_is_criticism(run, text):
    assert events_of(run(text, D(2022, 4, 20))) == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p146 (TVN24, quoting Corriere della Sera), p050 (The Guardian), made up: the present under a verb of
        # speech in the past is a habit or a view
        (
            'The Russian "Fleet Ghost" transports oil and weapons in front of the west and bypassing sanctions - the '
            'Italian daily "Corriere della Sera" wrote on Saturday.',
            D(2024, 4, 28),
        ),
        (
            "Russia’s foreign minister Sergei Lavrov has said the more western countries send weapons to Ukraine, the "
            "longer the conflict will last.",
            D(2022, 6, 29),
        ),
        ("The ministry said that the country applies all EU sanctions.", D(2023, 1, 5)),
    ],
)
def test_the_present_reported_in_the_past_is_no_happening(run, text, published):
    assert events_of(run(text, published)) == []


def test_fighting_reported_in_the_present_is_the_front_as_it_stands(run):
    # p037 (The Guardian), kept by the dev gold
    text = (
        "The US-based Institute for the Study of War said that Ukrainian forces retain control of defensive positions "
        "in eastern and south-western Mariupol."
    )
    assert events_of(run(text, D(2022, 4, 9))) == [("battle", None)]
