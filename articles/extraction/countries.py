"""Countries and international bodies: names, demonyms and metonyms to codes.

The data is gazetteers/countries.jsonl (one country or body per line, lines
starting with "#" are comments). `country_code("the Kremlin")` -> "RU";
`ruler_patterns()` gives the EntityRuler patterns (label COUNTRY, id
"<code>:<kind>") the pipeline builder feeds to the ruler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from articles.jsonl import read_jsonl

GAZETTEER = Path(__file__).resolve().parent / "gazetteers" / "countries.jsonl"

# Country names GeoNames spells formally that news copy never uses, or that
# collide with ordinary words and names ("Jordan", "Chad" are people's names
# far more often in this corpus than countries).
SKIP_NAMES = {"Jordan", "Chad", "Georgia", "Guinea", "Niger", "Turkey"}
# ...except the forms that are unambiguous anyway.
KEEP_ANYWAY = {"Turkey"}


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    kind: str  # "country" | "body"
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]
    dollar: str | None = None  # what a bare "$" means in the country's own money ("AUD"), if it has dollars


@lru_cache(maxsize=1)
def load_countries(path: Path = GAZETTEER) -> tuple[Country, ...]:
    return tuple(
        Country(
            code=row["code"],
            name=row["name"],
            kind=row.get("kind", "country"),
            aliases=tuple(row.get("aliases") or [row["name"]]),
            demonyms=tuple(row.get("demonyms") or ()),
            metonyms=tuple(row.get("metonyms") or ()),
            dollar=row.get("dollar"),
        )
        for row in read_jsonl(path)
    )


def _variants(form: str) -> list[str]:
    """ "the Kremlin" also as "The Kremlin" and "Kremlin's"; "Ukraine" also "Ukraine's"."""
    forms = [form]
    if form.startswith("the "):
        forms.append("The " + form[4:])
    return forms


@lru_cache(maxsize=1)
def surface_forms() -> dict[str, tuple[str, str]]:
    """Every surface form (case as written) -> (code, kind)."""
    forms: dict[str, tuple[str, str]] = {}
    for country in load_countries():
        kind_of_name = "body" if country.kind == "body" else "name"
        for alias in country.aliases:
            if alias in SKIP_NAMES and alias not in KEEP_ANYWAY:
                continue
            for form in _variants(alias):
                forms.setdefault(form, (country.code, kind_of_name))
        for demonym in country.demonyms:
            forms.setdefault(demonym, (country.code, "demonym"))
        for metonym in country.metonyms:
            for form in _variants(metonym):
                forms.setdefault(form, (country.code, "capital"))
    return forms


@lru_cache(maxsize=1)
def _lowercase_forms() -> dict[str, str]:
    table: dict[str, str] = {}
    for form, (code, _kind) in surface_forms().items():
        # Short all-capital codes ("US", "UN") only match as written.
        if len(form) <= 3 and form.isupper():
            continue
        table.setdefault(form.lower(), code)
    return table


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def country_code(text: str) -> str | None:
    """The code for a country, body, demonym or metonym; None if unknown.

    >>> country_code("Ukrainian"), country_code("the Pentagon"), country_code("Nato")
    ('UA', 'US', 'NATO')
    """
    text = _POSSESSIVE.sub("", text.strip())
    if not text:
        return None
    forms = surface_forms()
    if text in forms:
        return forms[text][0]
    lowered = text.lower()
    if lowered.startswith("the "):
        found = _lowercase_forms().get(lowered[4:])
        if found:
            return found
    return _lowercase_forms().get(lowered)


@lru_cache(maxsize=1)
def _dollars() -> dict[str, str]:
    return {country.code: country.dollar for country in load_countries() if country.dollar}


def own_dollar(code: str) -> str | None:
    """The currency a bare "$" means when a country spends its own money (SPEC.md): "AU" -> "AUD", "US" -> None."""
    return _dollars().get(code)


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns: label COUNTRY, id "<code>:<kind>", exact text."""
    return [
        {"label": "COUNTRY", "pattern": form, "id": f"{code}:{kind}"}
        for form, (code, kind) in sorted(surface_forms().items())
    ]
