"""Losses on new text (helper loss4): a headline's bare toll and the body's "at least" one are one record; civilians
are not placed at an incident in another country; background dated by a month is no incident for later tolls; places
in a list of regions written with one plural noun are oblasts."""

import datetime

import pytest

APRIL_25 = datetime.date(2022, 4, 25)


def tolls(result):
    return [(r.side, r.category, r.min, r.max, r.place) for r in result.losses]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p078 (a GB outlet): the body's toll, then the numbered headline of the same strike
        (
            "Five railway stations in central and western Ukraine were targeted in the space of an hour on Monday, "
            "with at least five people killed and 18 injured when rockets fell in the Vinnytsia region.\n\n"
            "Elsewhere, large fires erupted at two Russian fuel facilities in the city of Bryansk overnight.\n\n"
            "1. Five killed as Russia hits crucial rail infrastructure\n\n",
            [
                ("UA", "civilians_killed", 5, None, "Vinnytsia Oblast"),
                ("UA", "civilians_wounded", 18, 18, "Vinnytsia Oblast"),
            ],
        ),
        # pool p057 (RFE/RL): the body's "at least seven", then a photo caption's "seven civilians"
        (
            "On April 18, a series of Russian missile strikes on military infrastructure in the western Ukrainian "
            "city of Lviv killed at least seven people.\n\nPeople look as Ukrainian rescuers put out a fire after "
            "Russian shelling in the western city of Lviv on April 18. According to authorities, seven civilians "
            "were killed.",
            [("UA", "civilians_killed", 7, None, "Lviv")],
        ),
        # made up
        (
            "At least three people were killed in a Russian drone strike on Sumy on Monday.\n\n"
            "Three killed as drones hit Sumy",
            [("UA", "civilians_killed", 3, None, "Sumy")],
        ),
    ],
)
def test_a_bare_toll_told_again_with_at_least_is_one_record(run, text, expected):
    assert sorted(tolls(run(text, APRIL_25)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        # made up: two figures, one of them "at least", in two towns
        "At least five people were killed in Kharkiv on Monday. Five people were killed in Odesa on Monday.",
        # made up: "at least five" and six are two figures
        "At least five people were killed in Kharkiv on Monday. Six people were killed in Kharkiv on Monday.",
    ],
)
def test_other_figures_stay_apart(run, text):
    assert len(run(text, APRIL_25).losses) == 2


def test_civilians_are_not_placed_at_an_incident_in_another_country():
    from articles.extraction.rules.losses import _hit_elsewhere

    # pool p078 (a GB outlet), p180 (BBC): a Russian place told last, a Ukrainian toll
    assert _hit_elsewhere("Bryansk", ("UA", "civilians_killed"))
    assert _hit_elsewhere("Moscow", ("UA", "civilians_wounded"))
    # keep: Ukrainian civilians in Kyiv, Russian soldiers in Bakhmut (soldiers fall where they fight)
    assert not _hit_elsewhere("Kyiv", ("UA", "civilians_killed"))
    assert not _hit_elsewhere("Bakhmut", ("RU", "personnel_killed"))
    assert not _hit_elsewhere(None, ("UA", "civilians_killed"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p180 (BBC): the background of the war, then the strike in Mykolaiv and its wounded
        (
            "Russian President Vladimir Putin launched a full-scale invasion of Ukraine in February 2022, and Moscow "
            "currently controls about 20% of Ukrainian territory.\n\nIn Mykolaiv, Ukraine's state emergencies "
            "service DSNS said the body of an elderly man was pulled out from a five-storey residential building "
            "hit by a drone. Another five people were injured.",
            ("UA", "civilians_wounded", 5, 5, "Mykolaiv"),
        ),
        # made up
        (
            "Russia seized Crimea in March 2014. In Kherson, a Russian drone hit a bus stop. Three people were "
            "injured.",
            ("UA", "civilians_wounded", 3, 3, "Kherson"),
        ),
    ],
)
def test_a_toll_after_background_belongs_to_the_strike_told_next(run, text, expected):
    assert expected in tolls(run(text, datetime.date(2025, 5, 25)))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # pool p044 (The Guardian)
        (
            "Ukraine's Joint Forces Task Force said on Monday that 20 civilians, including a child, were killed in "
            "Russian shelling in the Donetsk and Luhansk regions.",
            {"Donetsk Oblast", "Luhansk Oblast"},
        ),
        # pool p057 (RFE/RL): three regions, commas and "and"
        (
            "Ukrainian media reported powerful shelling in the Donetsk region in Maryinka, Slovyansk, and "
            "Kramatorsk, and officials said Russian forces were attempting to break through Ukrainian defenses "
            '"along almost the entire front line of the Donetsk, Luhansk, and Kharkiv regions."',
            {"Donetsk Oblast", "Luhansk Oblast", "Kharkiv Oblast"},
        ),
        # made up
        ("Russian forces attacked in Kursk and Sumy oblasts on Monday.", {"Kursk Oblast", "Sumy Oblast"}),
        # keep: two towns are towns
        ("Russian shelling killed four civilians in Donetsk and Kramatorsk on Monday.", {"Donetsk", "Kramatorsk"}),
    ],
)
def test_places_in_a_list_of_regions_are_oblasts(run, text, places):
    result = run(text, APRIL_25)
    assert places <= {place for event in result.events for place in event.places}


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # pool p208 (KTEN, an AFP story)
        (
            "The UN has verified around 15,000 Ukrainian civilians killed, but says the true number is likely "
            "considerably higher.",
            "cumulative",
        ),
        # pool p023 (The Guardian)
        (
            "The United Nations recorded 351 civilians killed and 707 injured in Ukraine, according to the UN high "
            "commissioner for human rights.",
            "cumulative",
        ),
        # made up
        ("The OSCE monitoring mission counted 40 civilians killed in the region, it said.", "cumulative"),
        # keep: the UN tells the toll of an attack its sentence tells
        (
            "The UN said a Russian missile strike on the railway station in Kramatorsk killed 52 people on Friday.",
            "incident",
        ),
    ],
)
def test_a_monitors_count_is_a_running_total(run, text, period):
    result = run(text, datetime.date(2022, 4, 9))
    assert result.losses
    assert {r.period for r in result.losses} == {period}


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # pool p084 (a PL outlet)
        ("In Ukraine, 28 journalists were killed in Ukraine, including seven foreigners.", "cumulative"),
        # made up
        ("40 medics have died in Ukraine.", "cumulative"),
        # keep: a day named after it
        ("Five civilians were killed in Ukraine on Monday, officials said.", "incident"),
    ],
)
def test_a_toll_of_the_whole_country_is_a_running_total(run, text, period):
    result = run(text, datetime.date(2022, 5, 31))
    assert {r.period for r in result.losses} == {period}
