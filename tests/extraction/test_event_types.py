"""Event types on new text (issue 8): the type a happening takes, its week, and capitals that name governments.

Each rule (rules/events.py, patterns/en/event_words.jsonl, context.jsonl, place_words.jsonl, sentence.py) is shown
on real sentences of the pool and on one of our own.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


def places_of(result):
    return [(e.type, e.places) for e in result.events]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an arms word in the subject of an active verb names who acts (p026, The Guardian; p195, Al Jazeera; made up)
        (
            "In several areas around the capital artillery barrages sent residents scurrying for shelter and air raid "
            "sirens wailed.",
            D(2022, 3, 12),
            [("strike", None)],
        ),
        (
            "Some military units have sent their medics and rescue teams to pitch army tents with simple wood stoves "
            "where dozens of civilians sleep on bunk beds.",
            D(2026, 2, 10),
            [],
        ),
        ("Russian drones and missiles sent thousands of people into shelters on Tuesday.", D(2022, 3, 1), []),
        (
            "The Ukrainian military announced on Monday that its forces had shot down a plane.",
            D(2022, 3, 1),
            [("strike", None)],
        ),
        # what is given keeps its word, before or after the verb
        (
            "The US sent weapons including Javelin missiles to Ukraine on Tuesday.",
            D(2022, 3, 1),
            [("aid", D(2022, 3, 1))],
        ),
        ("Heavy weapons were delivered to Ukraine on Tuesday.", D(2022, 3, 1), [("aid", D(2022, 3, 1))]),
    ],
)
def test_it_reads_the_giver_apart_from_what_is_given(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p078 and p166 (The Economist): an attack on plants and depots is a strike, however near the front
        (
            "Russia unleashed a string of attacks against Ukrainian rail and fuel installations on Monday, striking "
            "crucial infrastructure far from the front line of its eastern offensive.",
            D(2022, 4, 25),
            [("strike", D(2022, 4, 25))],
        ),
        (
            "Russian forces attacked fuel depots behind the front line on Monday.",
            D(2022, 4, 25),
            [("strike", D(2022, 4, 25))],
        ),
        # attacks on positions stay fighting
        (
            "Russian forces attacked Ukrainian positions along the front line on Monday.",
            D(2022, 4, 25),
            [("battle", D(2022, 4, 25))],
        ),
    ],
)
def test_an_attack_on_installations_is_a_strike(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p171 (The Economist), p149: what is allowed is not done
        (
            "Estonia has also passed a law authorising the navy to attack civilian vessels if they are damaging its "
            "critical infrastructure.",
            D(2025, 10, 2),
        ),
        ("Parliament authorised the army to attack the bridge.", D(2023, 1, 5)),
    ],
)
def test_an_attack_allowed_is_no_strike(run, text, published):
    assert events_of(run(text, published)) == []


def test_an_allowed_attack_leaves_the_happening_after_and_alone(run):
    text = "Parliament authorised the army to attack the bridge, and on Monday a Russian missile strike hit Kyiv."
    assert events_of(run(text, D(2022, 5, 3))) == [("strike", D(2022, 5, 2))]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p065 (Al Jazeera): the talks are the happening, the sanctions what was said in them
        (
            "Michel said he had stressed the EU's “condemnation” of Russia's invasion during his talks with Putin and "
            "laid out the sanctions the bloc is imposing on Moscow in response.",
            D(2022, 4, 22),
            [("diplomacy", None)],
        ),
        (
            "In talks with Biden on the phone, Scholz outlined the new sanctions the EU has imposed on Russian banks.",
            D(2022, 4, 11),
            [("diplomacy", None)],
        ),
        # sanctions told with no talk as their setting stay sanctions
        ("Scholz outlined new sanctions on Russian banks.", D(2022, 4, 11), [("sanctions", None)]),
    ],
)
def test_what_is_said_in_talks_is_their_content(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p189 (European Commission), p148 (Fox News): the week an aid delivery or decision is dated by
        (
            "Alongside this humanitarian aid allocation, the EU has reinforced emergency energy assistance. This week, "
            "447 power generators, worth €3.7 million, have been delivered to restore electricity to hospitals, "
            "shelters and other critical services.",
            D(2026, 1, 29),
            [("aid", D(2026, 1, 26), "week")],
        ),
        (
            "Last week, Germany delivered 20 Marder vehicles to Ukraine.",
            D(2026, 1, 29),
            [("aid", D(2026, 1, 19), "week")],
        ),
    ],
)
def test_aid_of_a_week_is_dated_by_its_week(run, text, published, expected):
    assert [(e.type, e.date, e.precision) for e in run(text, published).events] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a capital that owns troops or acts as a government is its country (p020, The Guardian; p205, TIME;
        # p201, Reuters)
        (
            "Moscow's forces intensified their devastating campaign of artillery and airstrikes on Thursday.",
            D(2022, 3, 4),
            [("strike", [])],
        ),
        (
            "Moscow is fighting for Ukraine to give up parts of the Donbas region that Ukrainian forces still control.",
            D(2026, 2, 19),
            [("battle", ["Donbas"])],
        ),
        (
            "Kyiv blamed damage to the pipeline on a Russian strike and by Monday had given no timeframe for repairs.",
            D(2026, 2, 23),
            [("strike", [])],
        ),
        # a capital given aid or named as a party (p053, The Guardian; p188, AP)
        (
            "The US president also announced another $800m (£660m) of military aid to Kyiv on Thursday.",
            D(2022, 6, 30),
            [("aid", [])],
        ),
        (
            "Ukraine signed a peace agreement with Moscow on Monday.",
            D(2026, 1, 30),
            [("diplomacy", [])],
        ),
        # a capital struck, or owning an airport, is a place
        ("Drones attacked Moscow's Vnukovo airport on Sunday.", D(2023, 7, 31), [("strike", ["Moscow", "Vnukovo"])]),
        ("A Russian missile strike hit Kyiv on Monday.", D(2022, 10, 11), [("strike", ["Kyiv"])]),
    ],
)
def test_a_capital_named_for_its_government_is_no_place(run, text, published, expected):
    assert places_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weapon fired from afar as the subject of the deed (p058 and p207, AP; p061, Reuters; p180, BBC News)
        (
            "Russian missiles hit the city of Lviv in western Ukraine on Monday, killing at least six people, "
            "Ukrainian officials said.",
            D(2022, 4, 19),
            [("strike", D(2022, 4, 18))],
        ),
        (
            "Shells and rockets also hit Kharkiv, Ukraine's second city, local officials said, wrecking apartment "
            "blocks and other buildings.",
            D(2022, 4, 19),
            [("strike", None)],
        ),
        (
            "In Russia, the defence ministry said that Ukrainian drones targeted eight Russian regions.",
            D(2025, 5, 25),
            [("strike", None)],
        ),
        ("Russian missiles hit Kyiv on Monday.", D(2022, 10, 11), [("strike", D(2022, 10, 10))]),
        # an assault named by its weapons (p194, NPR; made up)
        (
            "Russia launched a massive drone and missile assault on Ukraine's energy grid on Tuesday.",
            D(2024, 3, 27),
            [("strike", D(2024, 3, 26))],
        ),
    ],
)
def test_a_weapon_fired_from_afar_that_does_the_deed_is_a_strike(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a weapon in a clause on the subject does no deed (after p101, Kyiv Post: "the explosions, which he believes
        # might have been caused by ballistic missiles, were hitting morale"); a weapon as the object is hit
        ("The sanctions, which ban the export of missiles to Russia, are hitting its economy hard.", D(2022, 8, 18)),
        ("Ukrainian air defences destroyed 20 drones.", D(2022, 8, 18)),
        # a moment of a story in a clause of time (p195, Al Jazeera)
        (
            "Kyiv, Ukraine – No one was hurt when the first Russian drone hit Taira Sluisarenko’s apartment building "
            "in the Ukrainian capital.",
            D(2026, 2, 10),
        ),
    ],
)
def test_a_weapon_beside_the_deed_is_no_strike(run, text, published):
    assert [e for e in events_of(run(text, published)) if e[0] == "strike"] == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # to blast is to criticise or to lift off (p077, CNN; p105; p056, Reuters)
        (
            "Russian billionaire Oleg Tinkov has blasted Russia's war in Ukraine, calling on the West to do more to "
            "“stop this massacre” in an Instagram post Tuesday.",
            D(2022, 4, 20),
            [],
        ),
        (
            "Vladimir Putin thanked the Chinese leader, Xi Jinping, for his “balanced” approach to the Ukraine crisis "
            "and blasted Washington’s “ugly” policies, at a meeting that followed the recent setbacks for Moscow "
            "on the battlefield.",
            D(2022, 9, 16),
            [("diplomacy", None)],
        ),
        ("Blasts were heard in Mariupol on Tuesday.", D(2022, 4, 20), [("strike", D(2022, 4, 19))]),
        # a picture or a trophy named by its capture (p132; p147, in translation from Polish)
        (
            "Inside the building he was shown an exhibition of images of the graphic scenes captured during the "
            "exhumation process.",
            D(2023, 7, 19),
            [],
        ),
        ("Russia will show Western equipment captured in Ukraine at the parade on May 9.", D(2023, 5, 1), []),
        ("Russian forces captured the town of Izium on Friday.", D(2022, 4, 2), [("battle", D(2022, 4, 1))]),
    ],
)
def test_a_word_of_fighting_in_another_sense_tells_no_fighting(run, text, published, expected):
    assert events_of(run(text, published)) == expected


def test_a_leader_touring_a_place_is_a_visit(run):
    # p080 (The Guardian): the day of the tour is the visit's, not the withdrawal's the clause on the town tells
    text = (
        "Guterres was touring Borodianka on Thursday, where Russian forces are accused of massacring civilians before "
        "their withdrawal, on his first visit to Ukraine since the start of the invasion on 24 February."
    )
    assert ("diplomacy", D(2022, 4, 28)) in events_of(run(text, D(2022, 4, 29)))
    assert events_of(run("Scholz toured Irpin on Monday.", D(2022, 6, 14))) == [("diplomacy", D(2022, 6, 13))]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a clause of "where" describes a place by its history (p132; p077, CNN)
        (
            "In Bucha, Mr Varadkar visited the Church of St Andrew where a mass grave was discovered after Russian "
            "soldiers retreated from the area.",
            D(2023, 7, 19),
            [("diplomacy", None)],
        ),
        # a clause of time on the main verb tells its own happening (p036, The Guardian)
        (
            "Lithuania's ambassador to Ukraine on Thursday returned to Kyiv after Russian forces withdrew from the "
            "Ukrainian capital.",
            D(2022, 4, 8),
            [("diplomacy", D(2022, 4, 7)), ("battle", None)],
        ),
    ],
)
def test_a_place_described_by_its_history_gives_no_second_event(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # people handed over are prisoners exchanged (p180, BBC News; made up after p193, Al Jazeera)
        (
            "On Friday, Ukraine and Russia each handed over 390 soldiers and civilians in the biggest prisoner "
            "exchange since Russia launched its full-scale assault in February 2022.",
            D(2025, 5, 25),
            [("prisoner_exchange", D(2025, 5, 23))],
        ),
        (
            "Russia handed over 157 prisoners of war to Ukraine on Thursday.",
            D(2026, 2, 6),
            [("prisoner_exchange", D(2026, 2, 5))],
        ),
        ("Germany handed over 14 Leopard tanks to Ukraine on Monday.", D(2023, 3, 28), [("aid", D(2023, 3, 27))]),
    ],
)
def test_people_handed_over_are_an_exchange(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the subject of the verb an infinitive completes acts (p098, Onet in translation; made up)
        ("Russia is currently striving to freeze war.", D(2022, 8, 9), []),
        ("The EU decided to freeze Russian assets on Monday.", D(2022, 3, 1), [("sanctions", D(2022, 2, 28))]),
        ("Russian assets were frozen on Monday.", D(2022, 3, 1), [("sanctions", D(2022, 2, 28))]),
    ],
)
def test_who_freezes_is_no_target_of_sanctions(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # refuge, responsibility, effect taken is no ground taken (p168, The Economist; p053, The Guardian; p214, CNBC)
        (
            "Russia’s warships have taken refuge in distant Novorossiysk, shut out of the Black Sea by Ukraine’s naval "
            "drones.",
            D(2025, 9, 25),
        ),
        ("Germany has taken responsibility for Lithuania.", D(2022, 6, 30)),
    ],
)
def test_refuge_taken_is_no_ground_taken(run, text, published):
    assert [e for e in events_of(run(text, published)) if e[0] == "battle"] == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # troops as the subject of "attack" fight on the ground, whatever place follows (p192, Critical Threats;
        # p058, AP via Pantagraph; p185, GlobalSecurity.org; made up)
        (
            "Russian forces attacked southeast of Velykyi Burluk near Dvorichanske on February 7.",
            D(2026, 2, 8),
            [("battle", D(2026, 2, 7))],
        ),
        (
            "Ukrainian troops attacked near the village of Robotyne on Monday.",
            D(2023, 8, 22),
            [("battle", D(2023, 8, 21))],
        ),
        # what troops attack from afar stays a strike
        ("Russian forces attacked Odesa with drones on Monday.", D(2023, 8, 22), [("strike", D(2023, 8, 21))]),
    ],
)
def test_troops_attacking_fight_on_the_ground(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # people captured are no ground taken but another happening (p051, The Guardian; made up)
        (
            "The U.S. State Department said it was looking into reports that Russian or Russian-backed separatist "
            "forces in Ukraine had captured at least two American citizens.",
            D(2022, 6, 29),
            [],
        ),
        (
            "Russian soldiers captured three volunteers near Kherson on Monday.",
            D(2022, 6, 29),
            [("other", D(2022, 6, 27))],
        ),
    ],
)
def test_people_captured_are_no_ground_taken(run, text, published, expected):
    assert events_of(run(text, published)) == expected
