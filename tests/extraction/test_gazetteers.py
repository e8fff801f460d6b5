"""The places and equipment gazetteers: valid files, spellings that resolve, the DB load."""

import pytest
from django.core.management import call_command

from articles.extraction import countries, gazetteer
from articles.extraction.records import PLEDGE_CATEGORIES
from articles.jsonl import JsonLinesError, read_jsonl

UA_OBLASTS = [
    "Cherkasy", "Chernihiv", "Chernivtsi", "Dnipropetrovsk", "Donetsk", "Ivano-Frankivsk", "Kharkiv",
    "Kherson", "Khmelnytskyi", "Kirovohrad", "Kyiv", "Luhansk", "Lviv", "Mykolaiv", "Odesa", "Poltava",
    "Rivne", "Sumy", "Ternopil", "Vinnytsia", "Volyn", "Zakarpattia", "Zaporizhzhia", "Zhytomyr",
]  # fmt: skip


def _lines(name):
    path = gazetteer.GAZETTEERS / name
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _named(spelling: str) -> gazetteer.Place:
    place = gazetteer.place_named(spelling)
    assert place is not None, spelling
    return place


def test_it_parses_every_line_of_both_files():
    for name in ("places.jsonl", "equipment.jsonl"):
        assert len(read_jsonl(gazetteer.GAZETTEERS / name)) == len(_lines(name))


def test_a_malformed_countries_file_names_its_line(tmp_path):
    path = tmp_path / "countries.jsonl"
    path.write_text('# a comment\n{"code": "NO", "name": "Norway"}\n\n{"code": "SE", "name": \n', encoding="utf-8")
    with pytest.raises(JsonLinesError, match=r"countries\.jsonl:4: not JSON"):
        countries.load_countries.__wrapped__(path)
    path.write_text('# a comment\n{"code": "NO", "name": "Norway"}\n', encoding="utf-8")
    [norway] = countries.load_countries.__wrapped__(path)
    assert (norway.code, norway.aliases) == ("NO", ("Norway",))


def test_it_gives_every_place_a_known_kind_country_and_coordinates():
    for place in gazetteer.places():
        assert place.kind in gazetteer.PLACE_KINDS, place
        assert len(place.country) == 2 and place.country.isupper(), place
        assert place.latitude is not None and place.longitude is not None, place
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180, place


def test_it_names_each_place_once():
    names = [p.name for p in gazetteer.places()]
    assert len(names) == len(set(names))


def test_it_lists_every_ukrainian_oblast_under_all_its_spellings():
    for base in UA_OBLASTS:
        oblast = gazetteer.place_named(f"{base} Oblast")
        assert oblast is not None and oblast.kind == "oblast" and oblast.country == "UA", base
        assert gazetteer.place_named(f"{base} region") == oblast
    assert _named("Donetska oblast").name == "Donetsk Oblast"
    assert _named("Kharkov region").name == "Kharkiv Oblast"


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Kiev", "Kyiv"),
        ("Kharkov", "Kharkiv"),
        ("Zaporozhye", "Zaporizhzhia"),
        ("Kostyantynivka", "Kostiantynivka"),
        ("Konstantinovka", "Kostiantynivka"),
        ("Kupyansk", "Kupiansk"),
        ("Artemivsk", "Bakhmut"),
        ("Avdeyevka", "Avdiivka"),
        ("Gulyaypole", "Huliaipole"),
        ("Myrnograd", "Myrnohrad"),
        ("Dorozhne", "Dorozhnie"),
        ("Severodonetsk", "Sievierodonetsk"),
        ("Odessa", "Odesa"),
        ("Rabotino", "Robotyne"),
    ],
)
def test_it_resolves_transliteration_variants(spelling, name):
    assert _named(spelling).name == name


@pytest.mark.parametrize(
    "name",
    ["Soledar", "Vuhledar", "Pokrovsk", "Chasiv Yar", "Toretsk", "Kurakhove", "Marinka", "Siversk",
     "Lyman", "Kreminna", "Orikhiv", "Vovchansk", "Krynky", "Mariupol", "Melitopol", "Berdiansk",
     "Enerhodar", "Nova Kakhovka", "Crimea", "Sevastopol"],
)  # fmt: skip
def test_it_holds_the_frontline_towns_in_ukraine(name):
    assert _named(name).country == "UA"


def test_it_holds_the_russian_border_regions():
    for name in ("Belgorod Oblast", "Kursk Oblast", "Bryansk Oblast", "Rostov Oblast", "Voronezh Oblast"):
        assert _named(name).country == "RU"
    assert _named("Krasnodar region").name == "Krasnodar Krai"
    assert _named("Shebekino").region == "Belgorod Oblast"


def test_it_holds_no_country_as_a_place():
    names = {p.name for p in gazetteer.places()}
    assert not names & {"Ukraine", "Russia", "Poland", "Luxembourg", "Singapore"}


def test_it_lists_at_least_150_weapon_systems_in_spec_categories():
    items = gazetteer.equipment()
    assert len(items) >= 150
    for item in items:
        assert item.category in PLEDGE_CATEGORIES and item.category != "funding", item
        assert item.origin, item


@pytest.mark.parametrize(
    ("spelling", "name", "category"),
    [
        ("Panzerhaubitze 2000", "PzH 2000", "artillery"),
        ("Leopard 2A6", "Leopard 2", "tank"),
        ("M2 Bradley", "Bradley", "armored_vehicle"),
        ("Bradley Fighting Vehicle", "Bradley", "armored_vehicle"),
        ("AMX-10RC", "AMX-10 RC", "armored_vehicle"),
        ("AGM-88", "HARM", "missile"),
        ("M142", "HIMARS", "mlrs"),
        ("FIM-92", "Stinger", "air_defense"),
        ("Javelins", "Javelin", "anti_tank"),
        ("F-16s", "F-16", "aircraft"),
        ("HMMWV", "Humvee", "vehicle"),
        ("Shahed-136", "Shahed", "drone"),
    ],
)
def test_it_resolves_equipment_aliases(spelling, name, category):
    item = gazetteer.equipment_named(spelling)
    assert item is not None, spelling
    assert (item.name, item.category) == (name, category)


def test_it_gives_ruler_patterns_with_the_canonical_name_as_id():
    places = {(p["pattern"], p["id"]) for p in gazetteer.place_patterns()}
    assert ("Artemivsk", "Bakhmut") in places
    assert {p["label"] for p in gazetteer.place_patterns()} == {"PLACE"}
    weapons = {(p["pattern"], p["id"]) for p in gazetteer.equipment_patterns(label="WEAPON")}
    assert ("Leopard 2s", "Leopard 2") in weapons
    assert ("Panzerhaubitze 2000", "PzH 2000") in weapons


def test_it_matches_an_ambiguous_name_only_through_its_qualified_aliases():
    patterns = {p["pattern"] for p in gazetteer.equipment_patterns()}
    assert "Archer" not in patterns and "Milan" not in patterns
    assert "Archer howitzer" in patterns


@pytest.mark.django_db
def test_it_loads_the_gazetteers_into_the_database_idempotently():
    from articles.models import Equipment, Place

    call_command("load_gazetteers")
    call_command("load_gazetteers")
    assert Place.objects.count() == len(gazetteer.places())
    assert Equipment.objects.count() == len(gazetteer.equipment())
    bakhmut = Place.objects.get(name="Bakhmut")
    assert "Artemivsk" in bakhmut.alt_names and bakhmut.country == "UA"
    assert Equipment.objects.get(name="PzH 2000").aliases[0] == "Panzerhaubitze 2000"


def test_every_weapon_system_has_aliases_a_category_and_an_origin():
    for item in gazetteer.equipment():
        assert item.aliases, item
        assert item.category in PLEDGE_CATEGORIES and item.origin, item
    # an ambiguous name matches only through its qualified aliases, so those must exist
    patterns = {p["id"] for p in gazetteer.equipment_patterns()}
    assert {item.name for item in gazetteer.equipment()} <= patterns
