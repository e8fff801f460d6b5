"""The places and equipment gazetteers: loaders and spaCy ruler patterns.

The data are JSON lines in `gazetteers/` (SOURCES.md there says where each
list comes from); this module only reads them, once per process. No Django
here: `manage.py load_gazetteers` copies the same records into the Place and
Equipment tables.

    places()[0]            -> Place(name="Bakhmut", alt_names=("Artemivsk", ...), country="UA", ...)
    place_named("Kiev")    -> Place(name="Kyiv", ...)
    equipment_named("Panzerhaubitze 2000") -> EquipmentItem(name="PzH 2000", category="artillery", ...)
    place_patterns()       -> [{"label": "PLACE", "pattern": "Artemivsk", "id": "Bakhmut"}, ...]
    equipment_patterns()   -> [{"label": "EQUIPMENT", "pattern": "Leopard 2A6", "id": "Leopard 2"}, ...]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from articles.extraction.records import PLEDGE_CATEGORIES
from articles.jsonl import read_jsonl

GAZETTEERS = Path(__file__).resolve().parent / "gazetteers"

PLACE_KINDS = ("oblast", "region", "city", "town", "village", "other")
# A weapon system is any pledge category but money.
EQUIPMENT_CATEGORIES = tuple(category for category in PLEDGE_CATEGORIES if category != "funding")


@dataclass(frozen=True)
class Place:
    name: str
    alt_names: tuple[str, ...]
    country: str
    kind: str
    latitude: float | None
    longitude: float | None
    region: str | None = None  # the oblast (or Russian region) it lies in, when known
    population: int | None = None


@dataclass(frozen=True)
class EquipmentItem:
    name: str
    aliases: tuple[str, ...]
    category: str
    origin: str
    # The name alone is also an ordinary word or a person's name ("Archer",
    # "Hawk", "Milan"): only the aliases, which carry a qualifier, are matched.
    ambiguous: bool = False


@cache
def places() -> tuple[Place, ...]:
    return tuple(
        Place(
            name=row["name"],
            alt_names=tuple(row.get("alt_names") or ()),
            country=row["country"],
            kind=row["kind"],
            latitude=row.get("latitude"),
            longitude=row.get("longitude"),
            region=row.get("region"),
            population=row.get("population"),
        )
        for row in read_jsonl(GAZETTEERS / "places.jsonl")
    )


@cache
def equipment() -> tuple[EquipmentItem, ...]:
    return tuple(
        EquipmentItem(
            name=row["name"],
            aliases=tuple(row.get("aliases") or ()),
            category=row["category"],
            origin=row.get("origin") or "",
            ambiguous=bool(row.get("ambiguous")),
        )
        for row in read_jsonl(GAZETTEERS / "equipment.jsonl")
    )


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@cache
def _places_by_key() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for place in places():
        for name in place.alt_names:
            index.setdefault(_key(name), place)
    # A canonical name wins over another place's alternate spelling.
    for place in places():
        index[_key(place.name)] = place
    return index


@cache
def _equipment_by_key() -> dict[str, EquipmentItem]:
    index: dict[str, EquipmentItem] = {}
    for item in equipment():
        for name in item.aliases:
            index.setdefault(_key(name), item)
    for item in equipment():
        index[_key(item.name)] = item
    return index


def place_named(text: str) -> Place | None:
    """The place a name or spelling stands for ("Kiev" -> Kyiv), ignoring case and punctuation."""
    return _places_by_key().get(_key(text))


def equipment_named(text: str) -> EquipmentItem | None:
    """The system a name stands for ("Panzerhaubitze 2000" -> PzH 2000), with plural "s" allowed."""
    index = _equipment_by_key()
    key = _key(text)
    return index.get(key) or (index.get(key[:-1]) if key.endswith("s") else None)


def place_patterns(label: str = "PLACE") -> list[dict]:
    """EntityRuler phrase patterns for every spelling of every place; `id` is the canonical name."""
    patterns = []
    for place in places():
        for spelling in dict.fromkeys((place.name, *place.alt_names)):
            patterns.append({"label": label, "pattern": spelling, "id": place.name})
    return patterns


def _plural(name: str) -> str | None:
    if name.endswith(("s", "S")) or not name[-1].isalnum():
        return None
    # "F-16s", "Leopard 2s", "Javelins"; all-caps acronyms take a lowercase s too ("HIMARSs" never)
    return name + "s"


def equipment_patterns(label: str = "EQUIPMENT") -> list[dict]:
    """EntityRuler phrase patterns for every system's names and their plurals; `id` is the canonical name."""
    patterns = []
    for item in equipment():
        spellings = list(item.aliases) if item.ambiguous else [item.name, *item.aliases]
        for spelling in dict.fromkeys(spellings):
            for form in (spelling, _plural(spelling)):
                if form:
                    patterns.append({"label": label, "pattern": form, "id": item.name})
    return patterns
