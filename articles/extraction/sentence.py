"""What one sentence tells the rules: its dates, places, countries and claimant.

`sentence_context` reads them off the parse (the entities and the sentence's text) into a
`rules.SentenceContext`; `ArticleState` is what the article walk carries from one sentence to
the next (the people named so far, the last claimant, the last day told).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from articles.extraction import countries, dates, numbers
from articles.extraction.attribution import SPEECH_LEMMAS, find_claimant
from articles.extraction.components import place_names
from articles.extraction.records import DateValue
from articles.extraction.rules import CountryMention, DateMention, PlaceMention, SentenceContext
from articles.extraction.rules.event_words import load_words
from articles.extraction.tense import is_future


@dataclass
class ArticleState:
    """What the walk remembers from sentence to sentence."""

    published: datetime.date | None
    people: dict[str, str] = field(default_factory=dict)
    last_claimant: str | None = None
    last_day: datetime.date | None = None
    last_incident: tuple[int, int] | None = None  # (event index, sentence number)
    last_loss_claimant: tuple[str | None, int] | None = None  # (claimant, sentence number)


def sentence_context(
    sent,
    number: int,
    published: datetime.date | None,
    state: ArticleState,
    doc_text: str | None = None,
    ents: list | None = None,
    cues: list | None = None,
) -> SentenceContext:
    """The context the rules read for sentence `number`; it moves `state.last_day` to its last day."""
    if doc_text is None:
        doc_text = sent.doc.text
    if ents is None:
        ents = list(sent.ents)
    sent_text = doc_text[sent.start_char : sent.end_char]
    countries_found, places = _countries_and_places(ents, doc_text)
    mentions = _dates(sent, sent_text, published, state)
    claimant, _attributed = find_claimant(sent, places, state, ents)

    def resolve(expression: str, future: bool | None = None) -> DateValue | None:
        return dates.resolve_expression(expression, published, bool(future), state.last_day)

    return SentenceContext(
        sent=sent,
        text=sent_text,
        start=sent.start_char,
        end=sent.end_char,
        index=number,
        published=published,
        date=mentions[0].value if mentions else None,
        dates=mentions,
        countries=countries_found,
        places=places,
        reported_by=claimant,
        parse_number=numbers.parse_quantity,
        parse_money=numbers.parse_money,
        resolve_date=resolve,
        country_code=countries.country_code,
        doc_text=doc_text,
        ents=ents,
        cues=cues,
    )


def _countries_and_places(ents: list, doc_text: str) -> tuple[list[CountryMention], list[PlaceMention]]:
    """The countries (by name, demonym or capital) and the places the entities of a sentence name."""
    countries_found: list[CountryMention] = []
    places: list[PlaceMention] = []
    for ent in ents:
        if ent.label_ == "COUNTRY":
            code, kind = ent.ent_id_.split(":", 1)
            countries_found.append(CountryMention(code, ent.text, ent.start_char, ent.end_char, kind))
            if (
                kind == "capital"
                and (place_country := _place_country(ent.text)) is not None
                and doc_text[ent.end_char : ent.end_char + 1] != "-"
                and not _government_named(ent)
            ):
                # "Brussels", "Moscow": the government and the city.
                name = _place_name(ent.text)
                places.append(PlaceMention(name, ent.text, ent.start_char, ent.end_char, place_country))
        elif ent.label_ == "PLACE":
            if _is_first_name(ent) or _is_surname(ent):
                continue
            if doc_text[ent.end_char : ent.end_char + 1] == "-":
                continue  # "Moscow-installed authorities", "Kyiv-based": an attribute, not where it happened
            code = countries.country_code(ent.text)
            if code and _government_named(ent):
                countries_found.append(CountryMention(code, ent.text, ent.start_char, ent.end_char, "capital"))
                continue
            name = _oblast_of_regions(ent) or ent.ent_id_ or ent.text
            places.append(PlaceMention(name, ent.text, ent.start_char, ent.end_char, _place_country(ent.text)))
            if code:
                countries_found.append(CountryMention(code, ent.text, ent.start_char, ent.end_char, "capital"))
        elif ent.label_ in ("NORP", "GPE"):
            code = countries.country_code(ent.text)
            if code:
                countries_found.append(CountryMention(code, ent.text, ent.start_char, ent.end_char, "demonym"))
    return countries_found, places


def _dates(sent, sent_text: str, published, state: ArticleState) -> list[DateMention]:
    """The sentence's date expressions resolved against the publication day and the last day told
    before (a weekday in the future tense points ahead); the last exact day becomes `state.last_day`."""
    found = dates.find_dates(
        sent_text,
        published,
        future=lambda s, e: is_future(sent, s + sent.start_char, e + sent.start_char),
        previous=state.last_day,
        offset=sent.start_char,
        tokens=sent,
    )
    mentions = [DateMention(f.value, f.text, f.start, f.end) for f in found]
    for mention in mentions:
        if mention.value.precision == "day":
            state.last_day = mention.value.date
    return mentions


# Capitals named for their governments (patterns/en/place_words.jsonl).
PLACE_WORDS = load_words(file="place_words.jsonl")
GOVERNMENT_HOLDINGS = PLACE_WORDS["GOVERNMENT_HOLDINGS"]
GOVERNMENT_DEEDS = PLACE_WORDS["GOVERNMENT_DEEDS"] | SPEECH_LEMMAS
GOVERNMENT_GIFTS = PLACE_WORDS["GOVERNMENT_GIFTS"]
GOVERNMENT_PARTNER_LINKS = PLACE_WORDS["GOVERNMENT_PARTNER_LINKS"]


def _government_named(ent) -> bool:
    """ "as Moscow's forces intensified their devastating campaign" (p020, The Guardian), "Moscow is fighting for
    Ukraine to give up parts of the Donbas region" (p205, TIME), "Kyiv blamed damage to the pipeline on a Russian
    strike" (p201, Reuters): a capital that owns troops or officials, or acts as a government does, is a metonym for
    its country (SPEC.md), no place; "missiles hit Kyiv", "Kyiv came under attack", "Moscow's airports" keep theirs."""
    token = ent.root
    if token.dep_ == "conj" and token.head.dep_ in ("nsubj", "poss"):
        token = token.head  # "Kyiv and Moscow have not held face-to-face talks"
    if token.dep_ == "poss":
        return token.head.lemma_.lower() in GOVERNMENT_HOLDINGS
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        link = token.head
        # "peace agreement with Moscow", "military aid to Kyiv", "backing to Kyiv"
        return link.lower_ in GOVERNMENT_PARTNER_LINKS or (
            link.lower_ in ("to", "for") and link.head.lemma_.lower() in GOVERNMENT_GIFTS
        )
    verb = token.head
    return (
        token.dep_ == "nsubj"
        and verb.pos_ in ("VERB", "AUX")
        and verb.lemma_ in GOVERNMENT_DEEDS
        and not any(child.dep_ == "auxpass" for child in verb.children)
    )


def _is_first_name(ent) -> bool:
    """ "Volodymyr Zelenskyy": a one-word place followed by a name is a person's first name."""
    doc = ent.doc
    if len(ent) != 1 or ent.end >= len(doc):
        return False
    following = doc[ent.end]
    return following.is_title and following.ent_type_ in ("PERSON", "") and following.pos_ == "PROPN"


def _is_surname(ent) -> bool:
    """ "said Oleksiy Danilov, secretary of Ukraine's National Security and Defense Council" (pool p071, Daily Mail),
    "Russia's negotiator Kirill Dmitriev told state media" (pool p193, Al Jazeera), "Timur Ivanov, a deputy defence
    minister" (pool p142, a GB outlet), "General Kirov said" (made up): a one-word place after a first name or a title
    is a person's surname (SPEC.md: a person's name is never a place); "on Monday Kharkiv had been fired on" (p019,
    The Guardian: a day before it) and "Russian Belgorod" keep theirs."""
    if len(ent) != 1 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.is_title and before.pos_ == "PROPN" and before.ent_type_ in ("PERSON", "")


# The plural of a kind of region after places joined by commas and "and": "the Donetsk and Luhansk regions".
REGIONS = frozenset({"regions", "oblasts", "provinces"})
# The most tokens a list of regions may run over after a place before its plural noun.
REGIONS_REACH = 12


def _oblast_of_regions(ent) -> str | None:
    """The oblast a place names in a list of regions written with one plural noun: "were killed in Russian shelling
    in the Donetsk and Luhansk regions" (p044, The Guardian), "along almost the entire front line of the Donetsk,
    Luhansk, and Kharkiv regions" (p057, RFE/RL), "Russian forces attacked in Kursk and Sumy oblasts" (p192, ISW), "the
    Zaporizhzhia and Kherson oblasts" (made up); the gazetteer knows "Donetsk region", so "Donetsk" alone would be
    the city."""
    doc = ent.doc
    at = ent.end
    while at < min(len(doc), ent.end + REGIONS_REACH):
        token = doc[at]
        if token.lower_ in REGIONS:
            break
        if token.text != "," and token.lower_ != "and" and token.ent_type_ != "PLACE":
            return None
        at += 1
    else:
        return None
    found = place_names().get(f"{ent.text} Oblast") or place_names().get(f"{ent.text} region")
    return found[0] if found else None


def _place_name(text: str) -> str:
    found = place_names().get(text)
    return found[0] if found else text


def _place_country(text: str) -> str | None:
    found = place_names().get(text)
    return found[1] if found else None
