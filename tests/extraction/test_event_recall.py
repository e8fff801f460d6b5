"""Timeline round six (recall): happenings told by constructions the cue words missed (issue 8, point 2)."""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p036 (The Guardian): a clause of time tells the retreat the ambassador's return follows
        (
            "Lithuania's ambassador to Ukraine on Thursday returned to Kyiv after Russian forces withdrew from the "
            "Ukrainian capital, becoming one of the few diplomats to return to the city.",
            [("diplomacy", D(2023, 1, 5)), ("battle", None)],
        ),
        # p101 (Kyiv Post): two verbs joined, two happenings
        (
            "Ukraine says it has recaptured dozens of villages on the southern front and struck strategic targets "
            "including bridges in recent weeks.",
            [("battle", None), ("strike", None)],
        ),
        # p017 (The New York Times): "even as cease-fire talks began in the spring"
        (
            "Russia overnight Sunday to Monday fired the latest in a series of huge missile and exploding drone "
            "barrages in Ukraine that have steadily escalated in recent months even as cease-fire talks began in "
            "the spring.",
            [("strike", D(2023, 1, 2)), ("diplomacy", None)],
        ),
        # made up
        (
            "Ukrainian troops recaptured three villages and shelled a Russian depot near Tokmak.",
            [("battle", None), ("strike", None)],
        ),
        (
            "Russian troops shelled Kharkiv again as peace talks began in Istanbul.",
            [("strike", None), ("diplomacy", None)],
        ),
    ],
)
def test_it_reads_a_second_happening_told_in_a_clause_of_its_own(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p143 (CSIS): the war's start beside the news is background
        (
            "Russian forces notably struck a TV tower in Kyiv City on March 1, 2022, shortly after Russian forces "
            "launched the full-scale invasion of Ukraine.",
            [("strike", D(2022, 3, 1))],
        ),
        # pool p095 (Kyiv Post): "a day after the agreement was signed" retells the agreement
        (
            "The future of the agreement had appeared in jeopardy after Russian forces launched strikes on Odessa a "
            "day after the agreement was signed.",
            [("strike", None)],
        ),
        # made up: "the attacks" told before
        (
            "Biden said he had spoken to the Ukrainian president on the phone shortly after the attacks began.",
            [("strike", None)],
        ),
    ],
)
def test_it_reads_a_clause_retelling_a_happening_or_the_war_start_as_no_second_one(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # seed-001: parties discussing aid is their talk, not the aid
        (
            "The United States and Ukraine discussed further military aid as the war is approaching its first year.",
            [("diplomacy", None)],
        ),
        # pool p050 (The Guardian)
        (
            "Putin and his Brazilian counterpart, Jair Bolsonaro, discussed global food security and confirmed their "
            "intention to strengthen their strategic partnership, the Kremlin said on Monday.",
            [("diplomacy", D(2023, 1, 2))],
        ),
        # p062 (AP live updates): a gerund of time with the party talked with
        (
            "After conferring with U.S. President Joe Biden and other Western leaders on Tuesday, Scholz said all of "
            "us will continue to support Ukraine.",
            [("diplomacy", D(2023, 1, 3))],
        ),
        # made up
        (
            "The Polish and Lithuanian defence ministers discussed air defence for the Baltic states in Vilnius.",
            [("diplomacy", None)],
        ),
    ],
)
def test_it_reads_parties_discussing_as_diplomacy(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # pool p169 (The Economist): nobody named as talking
        "How to make such a reparation loan work is currently being discussed in European Union circles.",
        # pool p120 (Fox News): a habit, not a talk
        "Putin has repeatedly discussed his desire to rebuild the Soviet Union.",
        # pool p184 (Reuters): a readiness to talk
        "Reuters reported that Putin is open to discussing a Ukraine peace deal with Trump.",
        # p100 (Kyiv Post): a talk ahead, told of the meeting already told
        "They will discuss the need for a political solution to this conflict, the UN spokesman says.",
    ],
)
def test_it_reads_no_talk_in_a_discussion_without_parties_or_not_yet_held(run, text):
    assert events_of(run(text)) == []


def test_it_folds_a_talk_retold_by_they_into_the_call_told_before(run):
    # pool p024 (The Guardian): "The pair discussed the deteriorating humanitarian situation in Ukraine"
    text = (
        "Boris Johnson spoke with Volodymyr Zelenskiy by phone on Sunday. "
        "The pair discussed the deteriorating humanitarian situation in Ukraine."
    )
    assert events_of(run(text)) == [("diplomacy", D(2023, 1, 1))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p017 (The New York Times)
        (
            "Russia has successfully stepped up its industrial-scale manufacturing of exploding drones and decoys.",
            [("mobilization", None)],
        ),
        # pool p186 (CSIS)
        (
            "It is ramping up its defense industrial production, increasing its aid to Ukraine.",
            [("mobilization", None)],
        ),
        # made up
        ("The plant has doubled its output of artillery shells since the spring.", [("mobilization", None)]),
        # pool p080 (a UK outlet): output of no arms
        ("The government will help increase US production of food crops.", []),
    ],
)
def test_it_reads_arms_output_raised_as_mobilization(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # p054 (The Guardian): "push" moving troops is no request
        "Ukrainian forces said Thursday they have pushed Russian forces from Snake Island, a strategic Black Sea "
        "outpost off the southern coast.",
        # pool p033 (The Guardian)
        "The Ukrainian defence ministry said its troops had pushed back Russian forces from some areas around the "
        "capital, Kyiv.",
        # p054 (The Guardian), without the quotation around it
        "The Russian army is approaching from different directions towards Lysychansk.",
        # p069 (The Guardian) and p116 (Kyiv Post); pool p057 (RFE/RL): "Azov Battalion is still holding out"
        "Some Ukrainian troops are holding out at the Azovstal steelworks.",
        "Around 2,000 Ukrainian fighters hold out for nearly a month in the city's sprawling Azovstal steelworks.",
        # p069 (The Guardian); pool p185 (GlobalSecurity.org, a Russian ministry's claim)
        "Ukrainian troops in infantry fighting vehicles outmanoeuvred and defeated Russian tanks.",
        "The Dnepr Group's units defeated two mechanised brigades.",
        # made up
        "A few hundred marines are still holding out in the port.",
        # made up: who moves is a word of event_words.jsonl's TROOPS, read near NEAR_MOVE on its lemma
        "Two Ukrainian battalions retreated from the village.",
    ],
)
def test_it_reads_troops_moving_holding_out_or_beating_troops_as_a_battle(run, text):
    assert [kind for kind, _day in events_of(run(text))] == ["battle"]


@pytest.mark.parametrize(
    "text",
    [
        # p088 (Fox News): "pushed for" asks
        "Zelenskyy routinely pushed for a no-fly zone to be enforced by the U.S.",
        # pool p031 (The Guardian): no troops holding out
        "Ukraine had held out for far longer than expected.",
        # pool p024 (The Guardian): no troops beaten
        "It could take months or years for Putin to be defeated in his conquest of Ukraine.",
    ],
)
def test_it_reads_no_battle_in_a_push_for_or_a_country_holding_out(run, text):
    assert events_of(run(text)) == []


def test_it_reads_intelligence_provided_as_aid(run):
    # p042 (The Guardian), which also quotes The New York Times: "the US is supplying actionable intelligence
    # in real time"; pool p204 (BBC News): "the US still provides vital intelligence"
    text = (
        "US officials have reportedly confirmed they are providing intelligence that has helped Ukrainian forces "
        "target Russian generals."
    )
    assert events_of(run(text)) == [("aid", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p034 (The Guardian)
        (
            "Russia abandoned its attempt to capture Kyiv this week after an unexpectedly chaotic campaign.",
            [("battle", D(2023, 1, 2))],
        ),
        # p042 (The Guardian)
        (
            "Moscow has pivoted from its failed attempt to take Kyiv to focus on eastern and southern regions of the "
            "country.",
            [("battle", None)],
        ),
        # made up
        ("Russian troops made a fresh attempt to take the village of Robotyne on Sunday.", [("battle", D(2023, 1, 1))]),
        ("He made an attempt to take a photo of the column.", []),
    ],
)
def test_it_reads_an_attempt_to_take_ground_as_a_battle(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p054 (The Guardian)
        (
            "A cargo ship left the Russian-occupied Ukrainian port of Berdiansk on Thursday for the first time since "
            "the start of the war.",
            [("other", D(2023, 1, 5))],
        ),
        # pool p099 (Kyiv Post)
        (
            "On the Black Sea, the UN-chartered vessel departed on Tuesday from the Ukrainian port of Pivdennyi.",
            [("other", D(2023, 1, 3))],
        ),
        # made up
        ("The first grain ship sailed from Odesa on Monday under the new deal.", [("other", D(2023, 1, 2))]),
    ],
)
def test_it_reads_a_ship_leaving_port_as_a_happening(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p042 (The Guardian)
        (
            "Boris Johnson, in an address to the Ukrainian parliament earlier this week, framed the fight in "
            "Churchillian terms.",
            [("diplomacy", D(2023, 1, 2))],
        ),
        # pool p218 (The European Sting)
        (
            "On Tuesday, Ukraine President Volodymyr Zelenskyy addressed MEPs at an extraordinary plenary session.",
            [("diplomacy", D(2023, 1, 3))],
        ),
        # pool p052 (The Guardian)
        ("In a virtual address to the UN security council, Zelenskiy urged the UN to act.", [("diplomacy", None)]),
        # made up
        ("Zelensky will address the Japanese parliament by video on Wednesday.", [("diplomacy", D(2023, 1, 11))]),
        ("The council must address the crisis in the Black Sea.", []),
    ],
)
def test_it_reads_a_leaders_address_to_an_assembly_as_diplomacy(run, text, expected):
    assert events_of(run(text)) == expected
