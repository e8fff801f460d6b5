"""Claimants from attribution, places as the gazetteer names them, and boilerplate that gives nothing."""

import datetime

import pytest

from tests.extraction.conftest import losses_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The Ukrainian military said 800 Russian troops were killed in the past day.", "UA"),
        ("According to the British defence ministry, 800 Russian troops were killed in the past day.", "GB"),
        ("Russia's defence ministry said its forces had killed 800 Ukrainian soldiers in the past day.", "RU"),
        ("The UN human rights office said 40 civilians were killed in the past day.", "UN"),
        ("Kremlin-installed officials said 12 civilians were killed in the shelling of Donetsk.", "RU"),
        ("Zelensky said 800 Russian troops were killed in the past day.", "UA"),
        ("CNN reported that 800 Russian troops were killed in the past day.", None),  # an outlet
        ("800 Russian troops were killed in the past day.", None),  # the article's own voice
    ],
)
def test_the_claimant_comes_from_attribution(run, text, claimant):
    result = run(text, D(2023, 1, 5))
    assert [r.reported_by for r in result.losses] == [claimant]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # two claims in one sentence: each count takes the clause that governs it (pool p131 Onet,
        # p115 Fox News: "..., according to U.K. officials citing data from Ukraine")
        (
            "The British defence ministry reported the deaths of 40 Russian officers, and according to Polish "
            "intelligence, 15 Russian pilots were killed.",
            ["GB", "PL"],
        ),
        # an outlet's own count is its country's (pool p202 Northeastern on the BBC and Mediazona)
        ("The BBC and Mediazona counted 50,000 Russian soldiers killed in the war.", ["GB"]),
        ("The BBC Russian service has confirmed the deaths of 1,500 Russian soldiers.", ["GB"]),
        # an outlet that confirmed the figure with an official passes it to the official (pool p041 Guardian)
        (
            "A Reuters reporter confirmed with the regional prosecutor of Kharkiv that 120 bodies had been found.",
            ["UA"],
        ),
        # a relaying outlet is transparent (pool p044 Guardian "..., Reuters reports", p055)
        ("Ukraine's army said 30 civilians were killed in Donetsk, Reuters reports.", ["UA"]),
        # a concessive clause keeps its claim to itself (pool p019 Guardian)
        (
            "At least nine were reported to have died after rockets hit Sumy, although a Ukrainian official "
            "said dozens had been killed.",
            [None],
        ),
        # "Ukraine believes", "the UN has verified" (pool p061 Reuters/CNA, p208 AFP/KTEN)
        ("Ukraine believes more than 20,000 civilians have died in Mariupol.", ["UA"]),
        ("The UN has verified around 15,000 civilians killed in Ukraine.", ["UN"]),
        # "Russian-imposed", "Moscow-installed" (pool p105, p144)
        ("Local Russian-imposed authorities said at least four people were killed in Nova Kakhovka.", ["RU"]),
        # a governor the article names no country for (people.jsonl; pool p055 Guardian, p071 Daily Mail)
        ("Gladkov said three civilians were killed in Belgorod.", ["RU"]),
        ("Haidai said on Saturday that two people were killed in Popasna.", ["UA"]),
        # "the military claims that" read as a noun phrase by the parser (pool p083 Fox News)
        ("As of Monday, Ukraine's military claims that Russia has lost 24,000 soldiers.", ["UA"]),
        # "when it said": the sentence's own subject (pool p202)
        ("Russia last published its own toll in 2022, when it said it had lost 5,937 soldiers.", ["RU"]),
        # a count the parser took for a subject is no speaker (pool p052 Guardian, p051 Guardian)
        (
            "Two people were killed and six wounded by a Russian missile strike on Odesa on Monday, said local "
            "authorities who have launched a rescue effort.",
            ["UA", "UA"],
        ),
        # a title and a name are one speaker (pool p055 Guardian, p138 TVN24 "the governor of Serhij Lysak")
        ("The region's governor Vyacheslav Gladkov said two civilians had been killed in Belgorod.", ["RU"]),
        # "Western officials" name no government (pool p179 BBC)
        ("Western officials told reporters they believed 1,000 troops sent from North Korea had been killed.", [None]),
    ],
)
def test_the_claimant_is_the_speaker_of_the_clause_that_gives_the_figure(run, text, claimants):
    assert [r.reported_by for r in run(text, D(2023, 1, 5)).losses] == claimants


def test_a_uk_ministry_claim_stays_british_beside_a_japanese_one(run):
    # pool p131 (Onet, machine translation): charted "per JP" when the nearest country word decided
    text = (
        "In turn, the British Ministry of Defense announced the death of 10 Russian generals in August last "
        "year, and according to the data of Japanese intelligence since February 2023, 20 generals of the "
        "Russian army were killed in the Russian war in Ukraine."
    )
    assert [(r.min, r.reported_by) for r in run(text, D(2023, 7, 11)).losses] == [(10, "GB"), (20, "JP")]


def test_a_described_speaker_refers_back_to_the_one_named(run):
    # pool p180 (BBC): "the ministry said in a statement" after Ukraine's officials spoke
    text = (
        "Russia's defence ministry said its forces shot down 20 Ukrainian drones over Belgorod. "
        "Ukraine's air force said it downed 30 Russian drones. "
        "Another 12 drones were destroyed over Kursk, the ministry said."
    )
    assert [r.reported_by for r in run(text, D(2023, 1, 5)).losses] == ["RU", "UA", "RU"]


def test_a_quotation_closing_in_a_later_sentence_keeps_its_speaker(run):
    # dev/pool p043 (Guardian): the governor's quotation runs over two sentences
    text = (
        "Kharkiv governor Oleh Synyehubov said that in Shebelinka “a Russian shell hit a hangar. "
        "Unfortunately, three people died and five others were injured.”"
    )
    assert [(r.category, r.reported_by) for r in run(text, D(2023, 1, 5)).losses] == [
        ("civilians_killed", "UA"),
        ("civilians_wounded", "UA"),
    ]


def test_troops_sent_from_north_korea_count_for_russia(run):
    # pool p179 (BBC), SPEC: foreign fighters count for the side they fought with
    text = "Officials believe 300 of the troops sent from North Korea had been killed."
    assert losses_of(run(text, D(2023, 1, 5))) == [("RU", "personnel_killed", 300, 300)]


@pytest.mark.parametrize(
    ("spelling", "place"),
    [
        ("Kostiantynivka", "Kostiantynivka"),
        ("Kostyantynivka", "Kostiantynivka"),
        ("Konstantinovka", "Kostiantynivka"),
        ("Kupiansk", "Kupiansk"),
        ("Kupyansk", "Kupiansk"),
        ("Kharkiv", "Kharkiv"),
        ("Kharkov", "Kharkiv"),
    ],
)
def test_transliteration_variants_give_the_gazetteer_name(run, spelling, place):
    result = run(f"A Russian missile strike on {spelling} killed three civilians on Monday.", D(2023, 1, 5))
    assert [e.places for e in result.events] == [[place]]
    assert [r.place for r in result.losses] == [place]


def test_a_country_is_never_a_place(run):
    result = run("A Russian missile strike on Ukraine killed three civilians on Monday.", D(2023, 1, 5))
    assert result.events[0].places == []
    assert set(result.events[0].countries) == {"RU", "UA"}


def test_metonyms_and_demonyms_resolve_to_countries(run):
    result = run("The Pentagon said on Monday that Washington will send 20 Bradley vehicles to Kyiv.", D(2023, 1, 5))
    assert [(p.donor, p.recipient, p.item, p.quantity) for p in result.pledges] == [("US", "UA", "Bradley", 20)]


def test_a_block_of_unrelated_headlines_gives_nothing(run):
    from articles.extraction import cleaning

    raw = (
        "Kyiv was quiet on Thursday.\n\n"
        "Russian missile strike kills 20 in Odesa\n"
        "Germany to send 40 Marder vehicles to Ukraine\n"
        "Ukrainian forces shoot down 30 drones over Kyiv\n"
        "Putin meets Xi in Moscow\n"
    )
    text = cleaning.clean_text(raw)
    result = run(text, D(2023, 1, 5))
    assert (result.losses, result.pledges) == ([], [])
    assert all(e.type not in ("strike", "aid") for e in result.events)


def test_soft_hyphens_do_not_glue_two_sentences(run):
    # pool p206: "grants.\u00ad UK export finance ..." was read as one sentence with a World Bank donor
    from articles.extraction import cleaning

    raw = (
        "From December 2021 to February 2024 the UK has announced £6.5 billion of fiscal support to Ukraine via "
        "World Bank loan bank guarantees and grants.\u00ad UK export finance has also had a “market risk appetite” "
        "of £3.5 billion for Ukraine, to help fund reconstruction.\n"
    )
    result = run(cleaning.clean_text(raw), D(2024, 3, 1))
    assert [(p.donor, p.category, int(p.amount), p.currency) for p in result.pledges] == [
        ("GB", "funding", 6500000000, "GBP")
    ]
