"""Claimants from attribution, places as the gazetteer names them, and boilerplate that gives nothing."""

import datetime

import pytest

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
