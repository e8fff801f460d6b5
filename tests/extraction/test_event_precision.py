"""Timeline round six (precision, issue 8): statements, analysis, plans and history give no event.

Each rule (patterns/en/context.jsonl, rules/events.py) is shown on real sentences of two outlets
and on one of our own; the rule tests on a given parse are in test_context.py.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # the subject of "appear to be" judged (p017, The New York Times)
        (
            "The strikes appear to have been the most intense since President Trump announced a new plan last week "
            "to send weapons to Ukraine.",
            D(2025, 7, 21),
        ),
        # what must be done (p043 and p023, The Guardian; made up)
        (
            "British foreign secretary Liz Truss said it was vital to keep up the pressure on Russia by supplying more "
            "weapons to Ukraine and imposing further sanctions.",
            D(2022, 5, 12),
        ),
        (
            "The humanitarian situation in the southern Ukrainian port of Mariupol is “catastrophic” and it is vital "
            "that civilians be evacuated, a senior official from the NGO Doctors Without Borders warned.",
            D(2022, 3, 1),
        ),
        ("Officials said on Friday it was essential to impose sanctions on Russian banks.", D(2023, 1, 5)),
        # weighed or assumed (p066, AP; p195, Al Jazeera)
        (
            "European Commission President Ursula von der Leyen said European nations have considered diverting their "
            "payments for Russian oil and gas into escrow accounts, similar to deals forced on Iran and Iraq as part "
            "of sanctions.",
            D(2022, 4, 28),
        ),
        (
            "But a rough extrapolation – considering that about 6 million people have fled Ukraine since 2022 and "
            "almost 6 million live in Russia-occupied regions – suggests that the number of “white deaths” may be "
            "close to 200.",
            D(2026, 1, 20),
        ),
        # a habit (p151, CNN; made up)
        (
            "Russia has tended to raise the nuclear specter when its invasion of Ukraine has hit obstacles or when "
            "other countries make new pledges of support for Ukraine.",
            D(2024, 5, 7),
        ),
        ("Moscow tends to launch drone attacks on Kyiv at night.", D(2023, 1, 5)),
        # a judgement of what the clause names (p121, CNN; p165, The Economist)
        (
            "For the US and much of Europe, the Chinese leader’s presence in Moscow is seen as a ringing endorsement "
            "for Putin at a time when his military is running out of supplies and Russia’s economy is struggling "
            "under Western sanctions.",
            D(2023, 3, 21),
        ),
        (
            "Article 5, the clause enshrining nato’s mutual defence, specifies that an attack on one member is seen as "
            "an attack on all, and that each ally will help with “such action as it deems necessary”.",
            D(2025, 8, 21),
        ),
        # a century ago (p101, Kyiv Post; made up)
        (
            "Once on the fringes of the Ottoman Empire, the diamond-shaped trading hub of Crimea was captured by "
            "Russian imperialist forces in the 18th century.",
            D(2022, 8, 10),
        ),
        ("Cossack troops seized the fortress in the 17th century.", D(2023, 1, 5)),
        # a need (p138, TVN24; p066, AP)
        (
            "The President of Ukraine Wołodymyr Zelanski said on Sunday that his country needs help from allies to "
            "repel Russian air attacks, just as Israel can rely on his allies to destroy hostile threats.",
            D(2024, 4, 15),
        ),
        (
            "Doing so would tie up Ukrainian fighters in training on unfamiliar weapons when they’re needed for "
            "fighting, by the Pentagon’s reasoning.",
            D(2022, 6, 1),
        ),
        # an expectation (p095, Kyiv Post)
        (
            "Ukraine expects the first grain shipments under a UN-Turkey brokered deal to leave its ports “this "
            "week”, its infrastructure minister says, despite Russian strikes on the Black Sea port of Odesa, which "
            "is crucial for grain exports.",
            D(2022, 7, 25),
        ),
        # cited as an example (p033, The Guardian)
        (
            "It cited the attacks on a landing ship and ammunition storage depots at Berdyansk as examples of "
            "valuable targets.",
            D(2022, 3, 24),
        ),
        # the subject of a future clause (p119, TVN24; p158, The Guardian)
        (
            "She added that Ukraine also faces many challenges, and the success of the spring offensive will depend "
            "on many factors.",
            D(2023, 4, 20),
        ),
        (
            "But the success of any future Ukrainian counteroffensive will depend primarily on how much support it "
            "receives from its Western allies going forward.",
            D(2024, 9, 1),
        ),
        # an aim (p142; p113)
        (
            "The legislation includes $60.8bn to replenish Ukraine’s war chest as it seeks to repel Russia from its "
            "territory.",
            D(2024, 4, 24),
        ),
        # a reaction (p050, The Guardian; p160, CNN)
        (
            "The leaders of the G7 said Russian president Vladimir Putin’s attacks aimed at civilians were a “war "
            "crime” and condemned the “abominable attack” in Kremenchuk.",
            D(2022, 6, 28),
        ),
        (
            "Beijing has repeatedly decried “unilateral sanctions” and what it calls “long-arm jurisdiction” by "
            "Western countries.",
            D(2024, 7, 25),
        ),
        # a feeling voiced (made up after p020, The Guardian: "Western leaders expressed outrage at the incident at
        # Zaporizhzhia"; p154, Fox News)
        ("Western leaders expressed outrage at the shelling of the plant.", D(2023, 1, 5)),
        (
            "U.N. spokesman Stephane Dujarric expressed concern that various parties have been talking about "
            "issues regarding nuclear weapons more and more recently, including the shelling of the plant.",
            D(2024, 5, 7),
        ),
        # the subject of a plan or a schedule (p048, The Guardian; p071, Daily Mail; made up)
        (
            "The evacuation planned to bring civilians from the Azot plant to Svatove, a city north of "
            "Sievierodonetsk controlled by pro-Russian forces, and Ukraine had not publicly commented on Moscow’s "
            "proposal.",
            D(2022, 6, 10),
        ),
        (
            "He said an evacuation train for residents of the Donetsk and Luhansk areas was expected to leave "
            "Saturday from the eastern city of Pokrovsk bound for the western city of Chop.",
            D(2022, 4, 22),
        ),
        ("The offensive is expected to begin on Monday.", D(2023, 1, 5)),
        # a view stated (p190, OSV News; p092; made up)
        ("The prelate’s concern was that such international negotiations failed to slow the violence.", D(2026, 1, 5)),
        (
            '"Our assessment is that the Russians will increasingly find it difficult to find manpower and materiel '
            'over the next few weeks," Mr Moore told the conference in Colorado.',
            D(2022, 7, 22),
        ),
        ("Their fear is that the attacks continued on Monday.", D(2023, 1, 5)),
        # a habit (p129; p046, The Guardian; made up)
        (
            "More than half of those detained by Ukrainian forces also reported being tortured or mistreated, "
            "usually while being interrogated or immediately after arrest, said Bogner.",
            D(2023, 6, 27),
        ),
        ("Russian forces have regularly shelled the town.", D(2023, 1, 5)),
        # a place named by what was done to it (p180, BBC News; p202, Northeastern Global News; made up)
        ("This includes Crimea - Ukraine's southern peninsula annexed by Russia in 2014.", D(2025, 3, 19)),
        (
            "Today, Russian forces occupy significant swaths of eastern and southern Ukraine — including large parts "
            "of Donetsk, Luhansk, Zaporizhzhia and Kherson oblasts, as well as the Crimean Peninsula annexed in 2014.",
            D(2026, 2, 23),
        ),
        ("Crimea, annexed by Russia in 2014, lies to the south.", D(2023, 1, 5)),
    ],
)
def test_it_gives_no_event_for_a_judgement_a_need_a_habit_or_history(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p036 (The Guardian), p121 (CNN), made up
        (
            "The prime minister will hold talks with Olaf Scholz at Downing Street, with a press conference planned "
            "for the afternoon, PA Media reported.",
            D(2022, 4, 8),
        ),
        (
            "It will also be the first visit to Ukraine by an Asian member of the G7 grouping and the first by a US "
            "ally in the region.",
            D(2023, 3, 21),
        ),
        ("The foreign ministers will hold talks in Geneva.", D(2023, 1, 5)),
    ],
)
def test_a_meeting_ahead_with_no_day_is_a_plan(run, text, published):
    assert events_of(run(text, published)) == []


def test_a_meeting_ahead_on_a_day_or_beside_another_meeting_keeps_its_card(run):
    assert events_of(
        run("Guterres will meet the Ukrainian president, Volodymyr Zelenskiy, on Thursday.", D(2022, 4, 26))
    ) == [("diplomacy", D(2022, 4, 28))]
    # p029 (The Guardian): the meeting ahead is a clause of the talks told
    text = (
        "The talks with Nato and G7 leaders, which will be followed by a European Council meeting to which Johnson "
        "has not been invited, mark one month since the Russian invasion."
    )
    assert events_of(run(text, D(2022, 3, 24))) == [("diplomacy", None)]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p113; made up (the construction is also p170's, The Economist: "Article 5, which treats an attack on one
        # as an attack on all", which gives no card for other reasons)
        (
            "Throughout the war in Ukraine, Mr Putin has falsely sought to present Russia's invasion as a battle "
            "against nationalists and Nazis - who he says are leading the Kyiv government.",
            D(2023, 2, 2),
        ),
        ("Moscow portrays the invasion as a battle against Nazis.", D(2023, 1, 5)),
    ],
)
def test_what_a_happening_is_named_as_is_no_happening(run, text, published):
    assert events_of(run(text, published)) == []


def test_an_as_that_names_nothing_keeps_the_happening(run):
    # pool p142: the parser reads "as" as a preposition after "made"
    text = (
        "Russian forces have made significant advances in a narrow corridor in eastern Ukraine, as an offensive to "
        "take territory before a fresh injection of western military aid arrives appears to be gathering pace, Dan "
        "Sabbagh in Kyiv and Luke Harding report."
    )
    assert events_of(run(text, D(2024, 4, 24))) == [("battle", None)]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p046 (The Guardian), p159 (CNN), made up
        (
            "Olena Zelenska has given a rare interview with Volodymyr Zelenskiy, only their second public appearance "
            "together since Russia launched its invasion.",
            D(2022, 7, 25),
        ),
        (
            "That equates to boosting the Russian army’s size by 15% and marks the second such expansion of the army "
            "since Putin launched its invasion.",
            D(2024, 9, 17),
        ),
        ("Bread prices have doubled since the Russian offensive began.", D(2023, 1, 5)),
    ],
)
def test_a_clause_of_since_with_no_day_is_the_point_counted_from(run, text, published):
    assert events_of(run(text, published)) == []


def test_a_habit_ends_at_the_dated_clause_of_since_it_counts_from(run):
    # p046 (The Guardian): the talks held as a rule give no card, the invasion's day does
    text = (
        "Talks between Russian and Ukrainian delegations have been held regularly both in person and via video link "
        "since the Russian invasion began on 24 February."
    )
    assert events_of(run(text, D(2022, 5, 17))) == [("battle", D(2022, 2, 24))]


def test_a_dated_clause_of_since_still_gives_its_happening(run):
    # p126 (Kyiv Post), round five
    text = (
        "Since Russia invaded Ukraine in February 2022, more than six million people have fled the country and more "
        "than five million are internally displaced."
    )
    assert [kind for kind, _day in events_of(run(text, D(2024, 3, 1)))] == ["battle", "other"]


def test_a_range_is_dated_by_its_first_day(run):
    # p146 (TVN24): one explosion, on the Saturday night
    text = (
        "In the region of the Russian Military Airport in Dżankoj, a powerful explosion was heard from Saturday to "
        "Sunday at night from Saturday to Sunday - the channels on the telegram said."
    )
    assert events_of(run(text, D(2024, 4, 28))) == [("strike", D(2024, 4, 27))]
    # p129: a report's period is no battle of May 2023
    assert (
        events_of(
            run(
                "The report covers a 15-month period from the start of the Russian invasion to May 2023.",
                D(2023, 6, 27),
            )
        )
        == []
    )
    # made up after p206 (House of Commons Library): a range that starts before the war is history
    assert (
        events_of(run("From January 2010 to March 2021, Russian forces shelled the border region.", D(2023, 1, 5)))
        == []
    )


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a meeting as the subject of a plan or an aim (p209; p176, The Economist; made up)
        ("The next round of talks between the U.S., Russia and Ukraine is planned for March.", D(2026, 2, 20)),
        ("The talks aim at reconciling Russian demands with Ukrainian concessions.", D(2025, 11, 27)),
        ("The summit is scheduled for the autumn.", D(2023, 1, 5)),
        # what sends a signal or a message is judged (p216; p171, The Economist; made up)
        (
            "Zelenskyy said sanctions targeting Russia’s political elite and their families would send a clear "
            "signal, while additional military support would strengthen Ukraine’s position.",
            D(2026, 2, 24),
        ),
        (
            "Commodore Värk says the Kremlin was sending a message with the jets: Russia’s shadow fleet is a "
            "“critical national interest” to be protected at all costs.",
            D(2025, 5, 20),
        ),
        ("The new sanctions send a strong message to Moscow.", D(2023, 1, 5)),
    ],
)
def test_a_meeting_planned_or_a_signal_sent_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


def test_a_meeting_planned_for_a_day_keeps_its_card(run):
    # p188 (Reuters): the round set on a day is shown on that day
    assert [
        kind for kind, day in events_of(run("Another round of talks is planned for Friday.", D(2026, 2, 2))) if day
    ] == ["diplomacy"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # where a thing lies, no troops closing in (p165, The Economist; p199, CNN; made up)
        (
            "ONE OF THE most important unresolved questions surrounding any peace deal for Ukraine is about security "
            "guarantees—how to ensure that Russia will not break its word and invade again.",
            D(2025, 8, 21),
        ),
        (
            "Likewise, the reputation of invincibility surrounding Russia’s vast military has also been dented.",
            D(2026, 2, 21),
        ),
        ("The secrecy surrounding the deal was lifted on Monday.", D(2023, 1, 5)),
    ],
)
def test_a_participle_of_surrounding_on_no_troops_gives_no_battle(run, text, published):
    assert events_of(run(text, published)) == []


def test_troops_surrounding_a_town_keep_their_battle(run):
    # made up after p024 (“the Russian army surrounding Ukraine’s biggest atomic plant”)
    assert [
        kind for kind, _day in events_of(run("Russian troops surrounding the plant on Monday.", D(2023, 1, 5)))
    ] == ["battle"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a reckoning or a speculation is an opinion (p171, The Economist; made up after p033, The Guardian)
        (
            "Windward reckons that more than half (measured by tonnage) of ships that have been placed under sanctions "
            "worldwide are sailing using false or unknown flags.",
            D(2025, 10, 2),
        ),
        ("Officials speculated that Russia had launched the offensive to distract from its losses.", D(2023, 1, 5)),
    ],
)
def test_a_reckoning_or_a_speculation_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a cue word that modifies the next word of a name names another thing (p179, BBC News; p050, The Guardian;
        # made up)
        (
            "Military experts have said that the North Korean troops, reportedly from an “elite” unit called the "
            "Storm Corps, are unprepared for the realities of modern warfare.",
            D(2024, 10, 24),
        ),
        (
            "The leaked request, first reported by Talk TV, emerged on the eve of the Nato summit in Madrid, which "
            "will discuss the renewed threat posed by Russia.",
            D(2022, 6, 27),
        ),
        ("A Storm Shadow missile flies low to avoid radar.", D(2023, 1, 5)),
    ],
)
def test_a_cue_word_inside_a_name_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


def test_a_unit_named_for_its_fighting_keeps_its_battle(run):
    # p212, p213 (Mezha): the troops of the name are told doing it
    text = (
        "Syrskyi stated that on the Oleksandrivsk direction, since the end of January, the Air Assault Forces and "
        "adjacent units had regained control over 400 square kilometers of territory."
    )
    assert [kind for kind, _day in events_of(run(text, D(2026, 2, 24)))] == ["battle"]
