"""One happening told again: a repeated dated sentence, a strike elsewhere on the same day (merging.py)."""

import datetime

import pytest

D = datetime.date

FILLER = "Officials gave no further details. The weather in the capital stayed mild and dry. "


@pytest.mark.parametrize(
    ("text", "published", "kind"),
    [
        # pool p187 (Foreign Policy): a newsletter repeats its lead paragraph
        (
            "Officials from Russia, Ukraine, and the United States began talks in Abu Dhabi, United Arab Emirates, "
            "on Friday and are set to continue for two days. " + FILLER + "Officials from Russia, Ukraine, and the "
            "United States began talks in Abu Dhabi, United Arab Emirates, on Friday and are set to continue for two "
            "days.",
            D(2026, 1, 24),
            "diplomacy",
        ),
        # pool p046 (The Guardian live page): a summary line and its post
        (
            "Boris Johnson, prime minister of the UK, spoke with Volodymyr Zelenskiy on Sunday evening about "
            "Russia's blockade of Odesa, Ukraine's largest shipping port. " + FILLER + "Boris Johnson, prime "
            "minister of the UK, spoke with Volodymyr Zelenskiy on Sunday evening about Russia's blockade of Odesa, "
            "Ukraine's largest shipping port.",
            D(2022, 5, 23),
            "diplomacy",
        ),
        # made up
        (
            "The foreign ministers of Poland and Lithuania met in Vilnius on Tuesday to discuss air defence for "
            "the Baltic region. " + FILLER + "The foreign ministers of Poland and Lithuania met in Vilnius on Tuesday "
            "to discuss air defence for the Baltic region.",
            D(2024, 3, 6),
            "diplomacy",
        ),
    ],
)
def test_a_dated_sentence_repeated_far_on_is_one_event(run, text, published, kind):
    assert [e.type for e in run(text, published).events].count(kind) == 1


def test_a_sentence_repeated_with_its_day_gives_the_day(run):
    # pool p046 (The Guardian live page): the summary line without the day, the post with it
    text = (
        "UK prime minister Boris Johnson spoke with Zelenskiy about Russia's blockade of Odesa, Ukraine's largest "
        "shipping port. " + FILLER + "Boris Johnson, prime minister of the UK, spoke with Volodymyr Zelenskiy on "
        "Sunday evening about Russia's blockade of Odesa, Ukraine's largest shipping port."
    )
    events = [e for e in run(text, D(2022, 5, 23)).events if e.type == "diplomacy"]
    assert [(e.date, e.precision) for e in events] == [(D(2022, 5, 22), "day")]


def test_nearly_the_same_words_of_another_day_stay_two(run):
    # pool p218 (made shorter): one session held, another to come
    text = (
        "On Tuesday, Ukraine President Volodymyr Zelenskyy addressed MEPs at an extraordinary plenary session of "
        "the European Parliament in Brussels. " + FILLER + "On March 3, Ukraine President Volodymyr Zelenskyy will "
        "address MEPs at an extraordinary plenary session of the European Parliament in Brussels."
    )
    assert [e.type for e in run(text, D(2026, 2, 25)).events].count("diplomacy") == 2


def _strikes(result):
    return [e for e in result.events if e.type == "strike"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # pool p058 (AP captions): two attacks of one Monday in two cities
        (
            "Firefighters work to extinguish a fire after an airstrike hit a tire shop in Lviv, Ukraine, Monday, "
            "April 18, 2022. " + FILLER + "A woman cries next to the body of her father lying on the ground after a "
            "Russian attack in Kharkiv, Ukraine, Monday, April 18, 2022.",
            D(2022, 4, 19),
        ),
        # pool p071 (Daily Mail)
        (
            "Shocking footage shows the moment a Russian missile struck an apartment block in Odessa today. "
            + FILLER
            + "It comes as all the Ukrainian-controlled cities in the eastern region of Luhansk were constantly "
            "being shelled by Russian forces on Saturday.",
            D(2022, 4, 23),
        ),
        # made up
        (
            "A Russian drone hit a power station in Sumy on Tuesday. " + FILLER + "Russian artillery shelled the "
            "centre of Nikopol on Tuesday, the governor said.",
            D(2024, 5, 8),
        ),
    ],
)
def test_strikes_of_one_day_in_other_places_far_apart_stay_two(run, text, published):
    assert len(_strikes(run(text, published))) == 2


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # pool p017 (The New York Times): "the attacks" of that day, in another city than the lead named
        (
            "Russia overnight Sunday to Monday fired the latest in a series of huge missile and drone barrages on "
            "Kyiv. " + FILLER + "The attacks early Monday in Ivano-Frankivsk were the first large volleys since "
            "that announcement.",
            D(2025, 7, 21),
        ),
        # made up
        (
            "Russian missiles hit Dnipro on Friday. " + FILLER + "The strikes on Friday also reached Pavlohrad.",
            D(2024, 5, 11),
        ),
    ],
)
def test_the_attacks_of_that_day_retell_them_elsewhere(run, text, published):
    assert len(_strikes(run(text, published))) == 1


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # pool p078 (The Guardian)
        (
            "Five railway stations were targeted in the space of an hour on Monday. Elsewhere, large fires erupted "
            "at two Russian fuel facilities in the city of Bryansk overnight, leading to speculation they had been "
            "caused by Ukrainian missile strikes. " + FILLER + "Russia unleashed a string of attacks against "
            "Ukrainian rail and fuel installations on Monday, striking crucial infrastructure far from the front "
            "line.",
            D(2022, 4, 26),
        ),
        # made up
        (
            "Officials counted the damage. Meanwhile, a drone hit a fuel depot in Kursk on Friday. "
            + FILLER
            + "Russia launched twenty missiles at Ukrainian cities on Friday.",
            D(2024, 5, 11),
        ),
    ],
)
def test_a_strike_told_elsewhere_takes_no_unplaced_strike_of_its_day(run, text, published):
    strikes = _strikes(run(text, published))
    assert not any(
        ("Bryansk" in e.places or "Kursk" in e.places) and ("unleashed" in e.summary or "twenty" in e.summary)
        for e in strikes
    )
    # the day's strike stays, told by its own words or by the sites targeted earlier that day ("Five railway stations
    # were targeted ... on Monday" is a strike of its own since h-type4, and the later sentence retells it)
    assert any(word in e.summary for e in strikes for word in ("unleashed", "twenty", "railway stations"))


@pytest.mark.parametrize(
    "text",
    [
        # pool p157 (CNN)
        "In April, it said its drones hit the Niznekamsk oil refinery in Tatarstan region, more than 1,100 km from "
        "the border. And last month, the Ukrainian military said it had destroyed one of Russia's newest and most "
        "advanced fighter jets, the Sukhoi Su-57 fighter, with a drone strike.",
        # made up
        "Ukrainian drones hit an oil depot in Rostov. Last week, a drone strike destroyed a radar station.",
    ],
)
def test_a_strike_opening_on_a_time_of_its_own_is_another(run, text):
    assert len(_strikes(run(text, D(2024, 7, 1)))) == 2


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # dev p019 (The Guardian): the toll of the Kharkiv strike of that Monday
        (
            "A projectile struck the regional state administration building in Kharkiv on Monday. "
            + FILLER
            + "At least seven were reported to have died after what appeared to be indiscriminate rocket strikes "
            "on Kharkiv on Monday.",
            D(2022, 3, 1),
        ),
        # made up
        (
            "A Russian missile hit a shopping centre in Odesa on Sunday. " + FILLER + "Nine people were killed in "
            "the missile attack on Odesa on Sunday, officials said.",
            D(2024, 5, 13),
        ),
    ],
)
def test_a_toll_caused_by_the_strike_of_its_day_and_place_is_that_strike(run, text, published):
    result = run(text, published)
    assert [e.type for e in result.events] == ["strike"]
    assert all(loss.event == 0 for loss in result.losses)


def test_a_discovery_of_bodies_at_the_place_of_a_strike_stays_a_tally(run):
    # dev p028 (The Guardian)
    text = (
        "Russian shelling hit the centre of Chernihiv today. " + FILLER + "The bodies of five people, including "
        "three children, were recovered today during searches in Chernihiv."
    )
    assert sorted(e.type for e in run(text, D(2022, 3, 16)).events) == ["losses", "strike"]
