"""Losses: one record per number reported for a side and a category (SPEC.md, "losses").

Sentences are from the seed articles, from real articles of the pool (named by their pool id),
or written to the same pattern.
"""

import datetime
from typing import cast

import pytest

from articles.extraction.records import LOSS_CATEGORY_OF_ITEM
from tests.extraction.conftest import losses_of

THU = datetime.date(2023, 1, 5)


def test_a_system_counts_in_the_loss_category_of_its_kind():
    assert LOSS_CATEGORY_OF_ITEM["tank"] == "tanks"
    assert LOSS_CATEGORY_OF_ITEM["artillery"] == "artillery"
    assert LOSS_CATEGORY_OF_ITEM["helicopter"] == "helicopters"
    assert "ammunition" not in LOSS_CATEGORY_OF_ITEM and "anti_tank" not in LOSS_CATEGORY_OF_ITEM
    assert len(LOSS_CATEGORY_OF_ITEM) == 11


def full(result):
    return [(r.side, r.category, r.min, r.max, r.period, r.date, r.place, r.reported_by) for r in result.losses]


def test_it_reads_a_daily_toll_with_qualifier_side_period_and_claimant(run):
    text = (
        "The Ukrainian military on Thursday said an estimated 800 Russian troops were killed in the past day "
        "in the eastern Donetsk region."
    )
    assert full(run(text, THU)) == [("RU", "personnel_killed", 800, 800, "day", THU, "Donetsk Oblast", "UA")]


def test_it_reads_a_range(run):
    result = run("Russia has lost between 3,000-4,000 armored vehicles, Kahl said.", datetime.date(2022, 8, 8))
    assert losses_of(result) == [("RU", "armored_vehicles", 3000, 4000)]
    assert result.losses[0].period == "cumulative"


def test_a_qualifier_covers_only_the_number_it_stands_before(run):
    text = "At least 55 people were killed and 170 injured across Ukraine as a result of the Russian attacks."
    assert losses_of(run(text, datetime.date(2024, 1, 4))) == [
        ("UA", "civilians_killed", 55, None),
        ("UA", "civilians_wounded", 170, 170),
    ]


def test_it_reads_numbers_written_in_words_and_equipment_categories(run):
    text = "Ukrainian forces shot down three Russian helicopters and destroyed eighteen tanks on Monday."
    assert losses_of(run(text, THU)) == [("RU", "helicopters", 3, 3), ("RU", "tanks", 18, 18)]


def test_it_counts_captured_soldiers(run):
    text = "More than 2,800 Russian soldiers were taken prisoner, the Ukrainian military said."
    assert full(run(text, THU)) == [("RU", "personnel_captured", 2800, None, None, None, None, "UA")]


def test_it_counts_named_systems_in_their_category(run):
    text = (
        "Russia last week lost three Su-25 jets, two Ka-52 helicopters, a warship, four Buk air defence "
        "systems and 11 fuel tanks."
    )
    assert losses_of(run(text, THU)) == [
        ("RU", "aircraft", 3, 3),
        ("RU", "helicopters", 2, 2),
        ("RU", "air_defense", 4, 4),
        ("RU", "vehicles", 11, 11),
    ]


def test_a_claim_by_the_other_side_names_the_loser_by_its_demonym(run):
    text = "The Russian defence ministry said its forces had destroyed five Ukrainian tanks and two HIMARS launchers."
    result = run(text, THU)
    assert losses_of(result) == [("UA", "tanks", 5, 5), ("UA", "mlrs", 2, 2)]
    assert {r.reported_by for r in result.losses} == {"RU"}


def test_a_claimant_from_according_to(run):
    text = "According to the British defence ministry, Russia has suffered up to 40 casualties in the battle."
    assert full(run(text, THU)) == [("RU", "personnel_casualties", None, 40, "incident", None, None, "GB")]


def test_a_running_total_is_dated_as_of_publication_and_keeps_no_subset(run):
    text = (
        "In total, 14,500 civilians, including 745 children, have been killed since the start of the war, the UN said."
    )
    assert full(run(text, THU)) == [("UA", "civilians_killed", 14500, 14500, "cumulative", THU, None, "UN")]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Russian troops were killed, the Ukrainian military said.",  # vague
        "Dozens of civilians died in the strike on Kramatorsk.",  # vague
        "A woman was killed in the shelling.",  # "a"
        "Three people died of hypothermia in Kharkiv.",  # not caused by fighting
        "More than 4,000 people remain missing, officials said.",  # missing
        "Ukraine released 230 Russian prisoners of war in the exchange.",  # an exchange
        "Russian forces fired 20 missiles and 30 drones at Kyiv overnight.",  # weapons used
        "More than 60,000 soldiers died at Stalingrad in the Second World War.",  # another war
        "Ukraine's economy shrank by 30 percent after 300 days of war.",  # percent and days
    ],
)
def test_it_gives_no_record_for_counts_that_are_no_losses(run, text):
    assert run(text, THU).losses == []


# --- regressions found on the pool of unseen articles ---------------------------------------------


def test_an_early_ministry_tally_without_daily_figures_gives_its_running_totals(run):
    # pool p001: the Ministry of Defence's tallies of April 2022 carry no "(+N)"
    text = (
        "The total combat losses of the enemy from 24.02 to 12.04 were approximately:\n"
        "personnel ‒ about 19600 осіб,\ntanks ‒ 732 од,\nAPV ‒ 1946 од,\nartillery systems – 349 од,\n"
        "MLRS ‒ 111 од,\nAnti-aircraft warfare systems ‒ 63 од,\naircraft – 157 од,\nhelicopters – 140 од,\n"
        "vehicles ‒ 1406 од,\nboats / cutters ‒ 7 од,\nfuel tanks ‒ 76,\nUAV operational-tactical level ‒ 124.\n"
        "special equipment ‒ 25.\nmobile SRBM system ‒ 4.\n"
    )
    day = datetime.date(2022, 4, 12)
    result = run(text, day)
    assert losses_of(result) == [
        ("RU", "personnel_casualties", 19600, 19600),
        ("RU", "tanks", 732, 732),
        ("RU", "armored_vehicles", 1946, 1946),
        ("RU", "artillery", 349, 349),
        ("RU", "mlrs", 111, 111),
        ("RU", "air_defense", 63, 63),
        ("RU", "aircraft", 157, 157),
        ("RU", "helicopters", 140, 140),
        ("RU", "vehicles", 1406, 1406),
        ("RU", "ships", 7, 7),
        ("RU", "vehicles", 76, 76),
        ("RU", "drones", 124, 124),
        ("RU", "special_equipment", 25, 25),
        ("RU", "special_equipment", 4, 4),
    ]
    assert {(r.period, r.date, r.reported_by) for r in result.losses} == {("cumulative", day, "UA")}


def test_a_lone_dash_line_is_no_tally(run):
    assert run("Tanks – 12\nKyiv – 3\n", THU).losses == []


def test_a_running_total_since_a_day_is_dated_as_of_publication(run):
    # pool p020: "since the invasion began on 24 February" opens the span; it is no as-of day
    text = (
        "The UN human rights office said it had confirmed 331 civilians, including 19 children, had been killed "
        "and 675 injured since the invasion began on 24 February, adding that the real toll would be much higher."
    )
    day = datetime.date(2022, 3, 4)
    assert full(run(text, day)) == [
        ("UA", "civilians_killed", 331, 331, "cumulative", day, None, "UN"),
        ("UA", "civilians_wounded", 675, 675, "cumulative", day, None, "UN"),
    ]


def test_a_death_toll_raised_after_a_long_phrase_is_read_with_the_nearest_place(run):
    # pool p020
    text = (
        "Kyiv came under fresh heavy attack and local authorities in the northern city of Chernihiv raised the "
        "death toll from a missile strike on residential buildings on Thursday to 47."
    )
    result = run(text, datetime.date(2022, 3, 4))
    assert full(result) == [
        ("UA", "civilians_killed", 47, 47, "incident", datetime.date(2022, 3, 3), "Chernihiv", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # pool p064: people trapped are no dead
        "Zelensky said that about 120,000 people remain trapped In Mariupol and the crimes that are happening "
        "there are far more scary than in Borodianka, a town where dozens were killed.",
        # pool p071: a grave's capacity is no count of the dead
        "The Ukrainians estimated that the graves seen in the photos released Thursday could hold 9,000 bodies.",
    ],
)
def test_trapped_people_and_graves_capacity_give_no_record(run, text):
    assert run(text, datetime.date(2022, 4, 23)).losses == []


def test_missiles_fired_are_no_losses_even_beside_a_hit_building(run):
    # pool p071
    text = (
        "A block of flats was among the buildings hit in the strike and officials reported that Russia fired "
        "at least six cruise missiles."
    )
    assert run(text, datetime.date(2022, 4, 23)).losses == []


def test_weapons_that_struck_their_targets_are_no_losses(run):
    # pool p192: only the 382 drones and 24 missiles downed are losses
    text = (
        "The Ukrainian Air Force reported that Ukrainian air defenses downed 382 drones and 24 missiles, that "
        "13 missiles and 21 drones struck 19 locations, and that downed debris fell on three locations."
    )
    assert losses_of(run(text, datetime.date(2026, 2, 7))) == [("RU", "drones", 382, 382), ("RU", "missiles", 24, 24)]


def test_the_side_that_destroys_is_not_the_side_that_loses(run):
    # pool p185
    text = (
        "Ukrainian soldiers destroyed a tank, two BMPs, one RSV, an artillery system and 11 invaders' armored vehicles."
    )
    result = run(text, datetime.date(2025, 2, 10))
    assert losses_of(result) == [("RU", "armored_vehicles", 2, 2), ("RU", "armored_vehicles", 11, 11)]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # p185: "Ukrainian soldiers destroyed a tank ..." (the party qualifies the subject)
        ("Ukrainian soldiers destroyed a tank, two BMPs and an artillery system.", "Ukrainian"),
        # made up: the party is the subject, and a verb of loss read on its lemma ("shooting" -> shoot)
        ("Ukraine destroyed 16 tanks near Bakhmut.", "Ukraine"),
        ("Ukraine's air defences were shooting down 30 drones a night.", "Ukraine"),
        ("Ukrainian officials counted 30 drones.", None),
    ],
)
def test_the_agents_file_marks_the_party_that_destroys(run, text, party):
    from articles.extraction.pipeline import get_pipeline  # noqa: PLC0415

    doc = get_pipeline()(text)
    assert [span.text for span in doc.spans["agents"]] == ([party] if party else [])


def test_military_casualties_are_soldiers(run):
    # pool p202
    text = "The think tank noted Ukrainian military casualties at around 600,000, with roughly 140,000 killed."
    assert losses_of(run(text, datetime.date(2026, 2, 23))) == [
        ("UA", "personnel_casualties", 600000, 600000),
        ("UA", "personnel_killed", 140000, 140000),
    ]


def test_a_loss_word_of_another_clause_does_not_name_the_category(run):
    # pool p093
    text = (
        "As of this time, three people are known to have died, and more than twenty people are on the list of wounded."
    )
    assert losses_of(run(text, datetime.date(2022, 7, 22))) == [
        ("UA", "civilians_killed", 3, 3),
        ("UA", "civilians_wounded", 20, None),
    ]


def test_rockets_of_a_named_launcher_are_not_the_launcher(run):
    # pool p185
    text = (
        "Russian air defence systems have shot down three U.S-made HIMARS MLRS projectiles and one Uragan MLRS "
        "projectile."
    )
    assert losses_of(run(text, datetime.date(2025, 2, 10))) == []


def test_drones_of_aircraft_type_are_drones(run):
    # pool p180
    text = (
        '"From 20:00 Moscow time on 24 May to 00:00 on 25 May, air defence units on duty destroyed and '
        'intercepted 95 Ukrainian aircraft-type unmanned aerial vehicles," the ministry said in a statement.'
    )
    assert losses_of(run(text, datetime.date(2025, 5, 25))) == [("UA", "drones", 95, 95)]


def test_weapons_a_strike_is_made_with_are_no_losses(run):
    # pool p038: the Moskva's loss is no count; the two Neptune missiles were used, not lost
    text = (
        "However, the governor of the Odesa region, Maksym Marchenko, said the Ukrainians had struck the Moskva "
        "with two Neptune missiles."
    )
    assert run(text, datetime.date(2022, 4, 15)).losses == []


def test_the_loser_is_the_party_named_nearest_before_the_count(run):
    # pool p083
    text = (
        "As of Monday, Ukraine's military claims that Russia has lost nearly 24,000 soldiers, more than 1,000 "
        "tanks, and around 500 artillery systems so far in the war."
    )
    assert losses_of(run(text, datetime.date(2022, 5, 2))) == [
        ("RU", "personnel_casualties", 24000, 24000),
        ("RU", "tanks", 1000, None),
        ("RU", "artillery", 500, 500),
    ]


def test_civilians_of_occupied_ukraine_count_for_ukraine_and_an_installing_capital_is_no_place(run):
    # pool p144
    text = (
        "Four people were killed in Russian-occupied parts of southern and eastern Ukraine, according to "
        "Moscow-installed authorities."
    )
    assert full(run(text, datetime.date(2024, 4, 26))) == [
        ("UA", "civilians_killed", 4, 4, "incident", None, None, "RU")
    ]


def test_regional_officials_are_ukrainian_whoever_was_quoted_before(run):
    # pool p144: the sentence before quoted a US official
    text = (
        "The US agreed to send 31 Abrams to Ukraine in January 2023, a Pentagon official said. "
        "Intense artillery, rocket and drone attacks either side of the frontline left at least 10 people dead "
        "and more than a dozen wounded, regional officials said."
    )
    result = run(text, datetime.date(2024, 4, 26))
    assert [(r.category, r.min, r.reported_by) for r in result.losses] == [
        ("civilians_killed", 10, "UA"),
        ("civilians_wounded", 12, "UA"),
    ]


def test_killed_injured_or_captured_together_are_casualties(run):
    # pool p115
    text = "Ukrainian forces repelled the offensive, however, and killed, injured or captured 5,000 Russian troops."
    assert losses_of(run(text, datetime.date(2023, 2, 16))) == [("RU", "personnel_casualties", 5000, 5000)]


def test_a_count_each_day_is_a_daily_figure(run):
    # pool p115
    text = "U.K. officials say the war is exacting a heavy toll on Russia, with 824 Russian troops dying each day."
    result = run(text, datetime.date(2023, 2, 16))
    assert [(r.side, r.category, r.min, r.period) for r in result.losses] == [("RU", "personnel_killed", 824, "day")]


def test_counts_made_by_subtraction_give_no_record(run):
    # pool p210
    assert run("Ukraine downed all but 26 drones and 31 missiles.", datetime.date(2026, 2, 27)).losses == []


def test_since_after_a_superlative_is_a_comparison_not_a_running_total(run):
    # pool p163
    text = (
        "Russia has launched one of the largest drone attacks on Ukraine since the war began, mainly targeting "
        "the region around the capital Kyiv, according to the Ukrainian military, which said all 89 drones were "
        "shot down."
    )
    result = run(text, datetime.date(2024, 1, 3))
    assert [(r.side, r.category, r.min, r.period) for r in result.losses] == [("RU", "drones", 89, "incident")]
    text = "The West has given Ukraine 300 tanks since the start of the war, while Russia has lost 3,000 tanks since."
    # "the West" is no superlative; tanks given are no losses; Russia, named after the first count, lost them
    assert [(r.side, r.min, r.period) for r in run(text, datetime.date(2024, 1, 3)).losses] == [
        ("RU", 3000, "cumulative")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p042: generals are soldiers
        (
            "Ukrainian officials said they had killed about 12 Russian generals on the battlefield.",
            [("RU", "personnel_killed", 12, 12)],
        ),
        # pool p179: "1,000 of the 11,000 troops": the part was killed, the whole is no count
        (
            "Western officials had earlier told the BBC they believed at least 1,000 of the 11,000 troops sent from "
            "North Korea had been killed over three months.",
            [("RU", "personnel_killed", 1000, None)],
        ),
        # pool p096: "70 or 80,000" shares its thousands
        (
            "I think it is safe to suggest that the Russians may have killed 70 or 80,000 victims in less than six "
            "months.",
            [("UA", "civilians_killed", 70000, 80000)],
        ),
        # pool p150: "in Ukraine" says where, "Russian" says who
        (
            "The average daily number of Russian losses in people in Ukraine is 899 soldiers - estimates the "
            "British Ministry of Defense.",
            [("RU", "personnel_casualties", 899, 899)],
        ),
    ],
)
def test_more_pool_sentences_read_right(run, text, expected):
    assert losses_of(run(text, datetime.date(2025, 1, 5))) == expected


@pytest.mark.parametrize(
    "text",
    [
        # pool p062: troop concentrations are places, not troops
        "The Russian Defense Ministry spokesman said artillery hit 1,260 Ukrainian military facilities and 1,214 "
        "troops concentrations over the last 24 hours.",
        # pool p149: sanctioned "bodies" are organisations
        "Three Russian bodies linked to the country's biological and chemical weapons programme were sanctioned by "
        "the state department.",
        # pool p149: a loss word of another clause
        "The report added that at least 500 Ukrainian soldiers have been treated for exposure to toxic gases, and "
        "that one had died after suffocating.",
        # pool p178: recruits are no losses
        "A source in Ukraine's general staff said that during the first half of 2025 Russia's army grew by an "
        "average of 8,000–9,000 soldiers a month.",
        # pool p182: the missile that hit, and the drones and missiles fired, are no losses
        "It was hit by at least one missile, on a night that Russia fired almost 600 drones and more than 30 "
        "missiles, according to the Ukrainian military.",
        # pool p044: fighters transported out are evacuated, not lost
        "The evacuation of wounded Ukrainian troops from the Azovstal steelworks is under way, with more than 260 "
        "fighters transported out of the plant.",
    ],
)
def test_more_pool_counts_that_are_no_losses(run, text):
    assert run(text, datetime.date(2025, 1, 5)).losses == []


def full_of(run, text, published):
    return full(run(text, published))


def test_dead_and_injured_are_casualties_and_a_research_body_claims_its_own_figure(run):
    # pool p199: the research body (outlets.jsonl, kind "research") puts the number at: its own count, US
    text = (
        "Latest research from the US-based Center for Strategic and International Studies (CSIS), for example, "
        "puts the number at nearly 1.2 million Russian dead and injured since the full-scale invasion was launched."
    )
    day = datetime.date(2026, 2, 21)
    assert full_of(run, text, day) == [("RU", "personnel_casualties", 1200000, 1200000, "cumulative", day, None, "US")]


def test_russians_counted_dead_are_russian_soldiers(run):
    # pool p199
    text = "Of that estimate, as many as 325,000 Russians, the report adds, have been killed in the past four years."
    assert losses_of(run(text, datetime.date(2026, 2, 21))) == [("RU", "personnel_killed", None, 325000)]


def test_a_denial_is_no_claim_and_a_month_alone_is_a_span(run):
    # pool p199: the Kremlin did not confirm; Ukrainian officials boasted; "in December alone" is a span
    text = (
        "Again, the Kremlin has not confirmed the figures, but Ukrainian officials recently boasted of killing "
        "35,000 Russian troops in December alone."
    )
    assert full_of(run, text, datetime.date(2026, 2, 21)) == [
        ("RU", "personnel_killed", 35000, 35000, None, None, None, "UA")
    ]


def test_people_hit_with_sanctions_are_no_losses(run):
    # pool p060
    text = "The federal government has hit 14 more Russians with sanctions for their close ties with Putin."
    assert run(text, datetime.date(2022, 4, 19)).losses == []
    # made up: the ENEMY_PEOPLE row of loss_context.jsonl, read up to two tokens after the count
    assert run("Canada hit 9 wealthy Russians with travel bans.", datetime.date(2022, 4, 19)).losses == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "five others" are the people counted before (pool p043 Guardian, p180 BBC, p071 Daily Mail)
        (
            "A shell hit a hangar in Balakliia: three people died and five others were injured.",
            [("UA", "civilians_killed", 3, 3), ("UA", "civilians_wounded", 5, 5)],
        ),
        # "injuring more than 150 others" (pool p163 CNN, p089)
        (
            "The strike on Odesa killed two people, injuring more than 150 others.",
            [("UA", "civilians_killed", 2, 2), ("UA", "civilians_wounded", 150, None)],
        ),
        # "reported four injuries" (pool p142 Kyiv Post, p180 BBC)
        ("In Sumy, regional authorities reported four injuries.", [("UA", "civilians_wounded", 4, 4)]),
        # the figure after its noun: "put ... casualties at" (pool p200, p202, p186: three outlets)
        (
            "The institute put Russian military casualties at 900,000, with about 250,000 killed.",
            [("RU", "personnel_casualties", 900000, 900000), ("RU", "personnel_killed", 250000, 250000)],
        ),
        ("The two groups put Ukrainian losses at around 90,000.", [("UA", "personnel_casualties", 90000, 90000)]),
        # casualties "including killed and wounded" are soldiers' (pool p097 CNN, p178 Economist)
        (
            "Russia, the general said, has had about 40,000 casualties, killed and wounded, so far.",
            [("RU", "personnel_casualties", 40000, 40000)],
        ),
        # the claimant's own losses (pool p026 Guardian, p202 Northeastern)
        (
            "Zelensky disclosed that at least 900 of his country's troops have been killed so far.",
            [("UA", "personnel_killed", 900, None)],
        ),
        (
            "Moscow last gave its own toll in March, when it said it had lost 1,351 soldiers.",
            [("RU", "personnel_casualties", 1351, 1351)],
        ),
        # "long-range" qualifies the noun (pool p210 Al Jazeera, p159 CNN)
        (
            "Ukraine's air force said it had destroyed 412 long-range missiles since the start of the war.",
            [("RU", "missiles", 412, 412)],
        ),
    ],
)
def test_constructions_seen_on_unseen_articles(run, text, expected):
    assert losses_of(run(text, datetime.date(2025, 1, 5))) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the dead and the missing together are no count of the dead (pool p218 UN News, p191 Reuters)
        "At least 900 people died or went missing while trying to cross the sea last year.",
        # migrants' deaths are no losses of this war (pool p218, p159)
        "In fact, 12 migrants died every day on the route, according to the agency.",
        # people in need of aid (pool p206 House of Commons Library, p070 wire copy)
        "The UN estimated around 1.5 million people were in need of humanitarian aid after the fighting.",
    ],
)
def test_missing_migrants_and_people_in_need_give_no_record(run, text):
    assert run(text, datetime.date(2025, 1, 5)).losses == []


def test_a_figure_of_no_period_is_dated_by_the_claim(run):
    # pool p188 (ABC/AP), p180 (BBC): the ministry's day is the only day the sentence gives
    text = "Russia's defence ministry said on Monday that air defences downed 40 Ukrainian drones over Kursk."
    day = datetime.date(2026, 1, 27)  # a Tuesday
    [loss] = run(text, day).losses
    assert (loss.side, loss.category, loss.min, loss.date, loss.reported_by) == (
        "UA",
        "drones",
        40,
        datetime.date(2026, 1, 26),
        "RU",
    )


@pytest.mark.parametrize(
    "text",
    [
        # pool p019 Guardian: "claiming 4,500 were already dead"
        "The president said 3,000 Russian soldiers were already dead.",
        # pool p042 Guardian, p191 Reuters: past perfect in reported speech
        "Ukrainian officials said they had killed about 20 Russian colonels.",
        # pool p202 Northeastern ("it had incurred about 6,000"), p131 Onet: losses suffered to date
        "The British defence ministry said Russia had probably suffered 40,000 casualties.",
    ],
)
def test_already_and_had_been_are_running_totals_as_of_publication(run, text):
    day = datetime.date(2025, 1, 5)
    assert [(r.period, r.date) for r in run(text, day).losses] == [("cumulative", day)]


def test_a_period_word_covers_only_its_own_clause(run):
    # pool p115 (Fox News), p186 (CSIS): two figures, two periods in one sentence
    text = (
        "Ukrainian forces are killing about 700 Russian troops each day, and they eliminated 3,000 troops in "
        "a single battle in early March, according to British officials."
    )
    assert [(r.min, r.period) for r in run(text, datetime.date(2023, 4, 5)).losses] == [
        (700, "day"),
        (3000, "incident"),
    ]


def test_a_list_joined_by_and_keeps_its_period(run):
    # seed-000: ", and three tanks" is the next item, not a new clause
    text = "The military said that 500 Russian troops, one helicopter, and three tanks were destroyed in the past day."
    assert {r.period for r in run(text, THU).losses} == {"day"}


def test_one_of_the_missiles_launched_is_no_loss(run):
    # pool p080 (BBC/Guardian): "one of the two missiles launched struck the lower floors"; p192 (ISW)
    text = (
        "At least 12 people were injured when one of the three missiles launched struck a residential building "
        "in Kyiv, emergency officials said."
    )
    assert losses_of(run(text, THU)) == [("UA", "civilians_wounded", 12, None)]


def test_drones_fired_and_shot_down_are_losses(run):
    # pool p163 (CNN): "which said all 89 drones fired were shot down"
    text = "The Ukrainian military said all 40 drones fired at Kyiv overnight were shot down."
    assert losses_of(run(text, THU)) == [("RU", "drones", 40, 40)]


def test_a_running_total_as_of_a_past_month_has_no_day(run):
    # pool p202 (Northeastern), p206 (House of Commons Library: "To January 2021, over 3,000 civilians")
    text = "Moscow last gave its own toll in March 2023, when it said it had lost 1,351 soldiers."
    assert [(r.period, r.date) for r in run(text, datetime.date(2026, 2, 23)).losses] == [("cumulative", None)]


def test_a_comparison_since_a_year_leaves_the_total_as_of_publication(run):
    # pool p199 (CNN): "since 1945" dates the wars compared, not the running total
    text = (
        "As many as 300,000 Russians have been killed so far, more than in every war Washington has fought since 1945."
    )
    day = datetime.date(2026, 2, 21)
    assert [(r.period, r.date) for r in run(text, day).losses] == [("cumulative", day)]


def test_a_running_total_reported_this_month_is_as_of_publication(run):
    # pool p202 (Northeastern on the BBC and Mediazona), p190 (OSV News, "this year")
    text = "The BBC and Mediazona identified 150,000 Russian soldiers killed in the war, they reported this month."
    day = datetime.date(2026, 2, 23)
    assert [(r.period, r.date, r.reported_by) for r in run(text, day).losses] == [("cumulative", day, "GB")]


@pytest.fixture(scope="module")
def loss_cues():
    """A blank English pipeline with only the cue span_ruler and the loss cues of patterns/en/losses.jsonl."""
    import spacy  # noqa: PLC0415

    from articles.extraction import components  # noqa: PLC0415
    from articles.extraction.rules import losses  # noqa: PLC0415

    nlp = spacy.blank("en")
    components.add_cue_ruler(nlp, losses.load_cues())

    def cues(text):
        doc = nlp(text)
        return [(span.text, span.label_, span.start_char) for span in doc.spans["cues"]]

    return cues


def test_the_loss_cues_file_marks_written_forms_of_its_lemmas_and_its_phrases(loss_cues):
    # a made-up sentence: a lemma's inflected form, a phrase of three words (and the cues inside it:
    # the loss rules choose among overlapping cues), a captured cue
    assert loss_cues("Shelling killed two men; the others lost their lives or were taken prisoner.") == [
        ("killed", "LOSS_KILLED", 9),
        ("lost", "LOSS_CASUALTIES", 36),
        ("lost their lives", "LOSS_KILLED", 36),
        ("lives", "LOSS_KILLED", 47),
        ("taken prisoner", "LOSS_CAPTURED", 61),
    ]
    # "air defences shot down 20 drones" (made up): the phrase and the lemma "down" both mark
    assert sorted(loss_cues("Air defences shot down 20 drones.")) == [
        ("down", "LOSS_DESTROYED", 18),
        ("shot down", "LOSS_DESTROYED", 13),
    ]


def test_a_sentence_with_no_loss_word_has_no_loss_cue(loss_cues):
    assert loss_cues("The ministers met in Brussels to talk about ammunition.") == []


def test_a_system_after_a_count_is_read_from_the_gazetteer_rulers_equipment_spans():
    import spacy  # noqa: PLC0415

    from articles.extraction import components, gazetteer  # noqa: PLC0415
    from articles.extraction.rules import losses  # noqa: PLC0415

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("warboard_gazetteer_ruler")
    cast(components.GazetteerRuler, ruler).add_patterns(gazetteer.equipment_patterns())
    # made up: a system named after the count, and the same words with no span where the ruler found none
    text = "Ukrainian forces downed four Buk launchers."
    doc = nlp(text)
    equipment = {ent.start_char: ent for ent in doc.ents if ent.label_ == "EQUIPMENT"}
    guards = losses.Guards(doc[:])
    at = 4  # "Buk"
    assert losses.noun_after(guards, at, equipment)[:2] == ("equipment", "air_defense")
    assert losses.noun_after(guards, at, {})[:2] == (None, None)
