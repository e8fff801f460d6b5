"""Timeline precision, analysis round two (issue 8): a state of affairs told in the present or the perfect gives no
event; a happening told in the same tense, with a day, keeps its card.

Constructions (patterns/en/context.jsonl): a habit ("have generally adhered"); a perfect measured up to now or by
its extent ("have largely stalled so far", "has so far failed", "have increasingly been forced"); what holds now
("currently fill", "currently exceeds"); a share ("accounts for about 60% of"); a practice or happening as the subject
of "have led to"; a lesson ("have shown that", "has proven that"). Each on real sentences of two outlets of the pool and
on one of our own.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    "text",
    [
        # p160 (CNN)
        "However, international companies based in Hong Kong, including Chinese banks, have generally adhered to US "
        "sanctions to avoid any risk of being frozen out of the dollar dominated global financial system.",
        # made up
        "European insurers have generally complied with the oil sanctions.",
    ],
)
def test_what_is_done_as_a_rule_gives_no_event(run, text):
    assert events_of(run(text, D(2025, 10, 23))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p197 (Al Jazeera)
        "These have largely stalled so far due to Russia’s insistence on keeping territory it has seized from Ukraine.",
        # p044 (The Guardian)
        "Moscow’s armies have so far failed to achieve a breakthrough in the Donbas.",
        # p186 (CSIS)
        "From a demographic standpoint, despite a persistent labor shortage, Russia has so far retained the capacity "
        "to mobilize additional manpower for the war.",
        # p071 (Daily Mail)
        "Mariupol has been reduced largely to smoking rubble by weeks of bombardment.",
        # made up
        "Russian strikes have largely spared the west of the country.",
    ],
)
def test_a_perfect_measured_up_to_now_or_by_its_extent_gives_no_event(run, text):
    assert events_of(run(text, D(2026, 2, 5))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p186 (CSIS)
        "Western diplomatic efforts to negotiate a ceasefire with Moscow have repeatedly failed.",
        # p017 (The New York Times)
        "Kyiv has long been a target of Russian aerial assaults.",
        # made up
        "Russia has long shelled the border villages.",
    ],
)
def test_a_perfect_told_as_a_repeated_or_long_habit_gives_no_event(run, text):
    assert events_of(run(text, D(2024, 5, 7))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p168 (The Economist)
        "Western pledges currently fill at most $27.4bn of that.",
        # p150 (TVN24): a cumulative count, no battle in February 2022
        "The British Ministry of Defense announced that the total number of Russian victims from the beginning of the "
        "invasion in February 2022 currently exceeds 465,000.",
        # made up
        "Russian troops currently hold a fifth of Ukraine after the invasion.",
    ],
)
def test_what_holds_now_gives_no_event(run, text):
    assert [event for event in events_of(run(text, D(2024, 3, 4))) if event[0] != "losses"] == []


@pytest.mark.parametrize(
    "text",
    [
        # p166 (The Economist)
        "Olena Kryzhanivska, an expert on Ukrainian weapons systems, notes that the FP-1 long-range drone, which first "
        "appeared in May and now accounts for about 60% of deep strikes into Russian territory, is already being "
        "produced at a rate of 100 units a day.",
        # made up
        "Drones accounted for most of the strikes on Kharkiv last year.",
    ],
)
def test_a_share_gives_no_event(run, text):
    assert events_of(run(text, D(2025, 10, 9))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p199 (CNN)
        "In addition, military recruitment and the prioritizing of military industrial production have led to what one "
        "Russian pro-Kremlin newspaper, Nezavisimaya Gazeta, has called a “severe labor shortage” in other essential "
        "industries.",
        # p044 (The Guardian)
        "Moscow’s invasion of Ukraine, however, has led to a radical rethink of their security policies.",
        # made up
        "Western sanctions have led to shortages of spare parts.",
    ],
)
def test_what_has_led_to_an_effect_gives_no_event(run, text):
    assert events_of(run(text, D(2026, 2, 24))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p203 (Lowy Institute)
        "The past four years have instead shown that despite the influence of new era technologies, and the need to "
        "ensure national industrial capacity can work at scale over sustained periods of time, it is the human aspects "
        "of war and competition that have been at the forefront of this battle.",
        # p130 (Fox News)
        "He also said the war has proven that Russia is not the military adversary that Western nations, including the "
        "U.S., believed it to be in the lead up to its invasion of Ukraine 16 months ago.",
        # made up
        "The war has shown that drones can stop a tank offensive.",
    ],
)
def test_a_lesson_drawn_gives_no_event(run, text):
    assert events_of(run(text, D(2026, 2, 24))) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a dated happening in the perfect keeps its card
        ("Russia has struck Kyiv overnight with drones and missiles.", D(2026, 2, 5), [("strike", D(2026, 2, 5))]),
        # made up: "increasingly" of an adjective measures the targets, not the perfect
        (
            "Russian forces have struck increasingly distant targets in western Ukraine overnight.",
            D(2026, 2, 5),
            [("strike", D(2026, 2, 5))],
        ),
        # p151 (CNN): the clause opening the sentence, before the subject, is the war's start, which the gold keeps
        (
            "Since invading Ukraine in 2022, Putin has repeatedly made veiled threats to use tactical nuclear weapons "
            "against the West, but Monday marked the first time Russia has publicly announced drills.",
            D(2024, 5, 7),
            [("battle", D(2022, 1, 1))],
        ),
        # made up: "repeatedly" on the simple past tells that day's shelling
        (
            "Russian forces repeatedly shelled Kharkiv on Monday.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # p202 (Northeastern Global News): "largely" on the simple past tells the rejection
        (
            "Ukraine largely rejected the proposal on Monday as favoring Russian interests.",
            D(2025, 11, 26),
            [("diplomacy", D(2025, 11, 24))],
        ),
        # p100 (Kyiv Post): "led to" in the simple past, a relative clause, tells what happened
        (
            "Russia annexed Crimea in 2014 in the wake of massive nationwide street demonstrations in Ukraine that led "
            "to the ouster of a Kremlin-friendly president.",
            D(2022, 2, 22),
            [("other", D(2014, 1, 1))],
        ),
        # made up: the progressive with "currently" is a happening under way (dated by the statement only)
        (
            "Russian forces are currently shelling Kharkiv, the governor said on Monday.",
            D(2024, 3, 5),
            [("strike", None)],
        ),
        # made up: a lesson ends at a clause of its own
        (
            "The war has shown that drones can stop tanks, but Russian forces struck Kyiv on Monday.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # made up: the evidence of a happening in the present reports it
        (
            "Satellite images show that Russian forces struck the airbase on Monday.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
    ],
)
def test_a_happening_in_the_same_tense_keeps_its_event(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # seed-000 (a US outlet): a clause joined by "and" tells its own
        (
            "The US has so far provided a total of $21.3 billion in security assistance to Ukraine, and Zelenskyy said "
            "during his address to a joint session of Congress in December that the aid was not charity but an "
            "investment in global security.",
            D(2023, 2, 7),
            ["diplomacy"],
        ),
        # made up
        (
            "Western pledges currently fill half of the gap, and Russian drones struck Odesa on Monday.",
            D(2024, 3, 5),
            ["strike"],
        ),
        # p097 (CNN): a running count of losses so far is a losses event
        (
            "Russia, Kahl said, has had approximately 70,000-80,000 casualties of war, including killed and wounded in "
            "action, so far in the conflict.",
            D(2022, 8, 8),
            ["losses"],
        ),
    ],
)
def test_a_clause_of_its_own_or_a_count_of_losses_so_far_keeps_its_event(run, text, published, expected):
    kinds = [kind for kind, _date in events_of(run(text, published))]
    assert all(kind in kinds for kind in expected)
