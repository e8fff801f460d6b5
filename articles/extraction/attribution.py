"""Attribution: who claims a figure, read off the clause that reports it.

    code, attributed = find_claimant(sent, places, state, ents)
    claimant_of(token, default)  # the claimant of the clause a count stands in

The claimant is the speaker or source of the reporting clause: the subject
of a reporting verb ("the Ukrainian military said", "Ukraine believes"),
the object of "according to", the agent of a passive ("was confirmed by").
Its code comes from the countries, places and people the speaker names
(people.jsonl, and people the article itself introduces); a bare "the
ministry" or "he" takes the code of the speaker last described that way.
What kind of source a speaker is (media, an official, a Russian-installed
authority, a body such as the UN) is read on its tokens: the token patterns of
patterns/en/attribution.jsonl and the bodies' names in countries.jsonl.

Outlets (outlets.jsonl) are read by what they do: an outlet that counts,
confirms or verifies a figure itself ("the BBC and Mediazona identified the
names of 186,102 soldiers") claims it for its country; an outlet that relays
a figure ("Reuters reports", "according to CNN") claims nothing, and the
clause it quotes keeps its own speaker; an outlet's journalist who confirmed
a figure with an official passes it to that official.

A sentence may carry two claims ("the British defence ministry announced the
death of 10 generals, and according to Japanese intelligence, 20 generals
were killed"): `find_claimant` records each reporting clause on the Doc, and
`claimant_of` gives a count the claimant of the clause that governs it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol

import spacy
from spacy.strings import get_string_id

from articles.extraction import countries
from articles.extraction.components import place_names
from articles.extraction.word_patterns import word_patterns
from articles.jsonl import read_jsonl

GAZETTEERS = Path(__file__).resolve().parent / "gazetteers"

# Verbs that attribute what their clause says to their subject. Events read them too:
# a "would" under one of them is reported speech, not a forecast.
# The verbs of speech: a clause headed by one reports what someone said ("the ministry said on
# Monday"); rules/events.py dates a statement by them, not the happening it tells.
SPEECH_LEMMAS = frozenset(
    ["say", "tell", "announce", "report", "claim", "state", "add", "confirm", "write", "warn", "acknowledge", "accuse"]
)
# Every verb whose subject is the source of a figure: speech, and the verbs of counting, finding
# and showing ("the UN has verified 10,000 deaths", "a BBC count found").
REPORTING_LEMMAS = SPEECH_LEMMAS | frozenset(
    [
        "estimate",
        "document",
        "post",
        "find",
        "show",
        "record",
        "put",
        "reveal",
        "cite",
        "boast",
        "believe",
        "verify",
        "count",
        "tally",
        "identify",
        "assess",
        "disclose",
    ]
)
# What an outlet does when the figure is its own count rather than someone else's it relays.
OWN_COUNT_LEMMAS = frozenset(
    ["count", "tally", "confirm", "verify", "identify", "document", "estimate", "calculate", "compile", "establish"]
)
PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i"])
# The words that say what kind of source a speaker is (MEDIA, OFFICIAL, ...), as token patterns.
SOURCE_WORDS = Path(__file__).resolve().parent / "patterns" / "en" / "attribution.jsonl"
# The international bodies a speaker may name (countries.jsonl's COUNTRY entities of kind "body"), in the
# order they win over each other and over a country named beside them ("the UN mission in Ukraine said").
BODIES = ("UN", "NATO", "EU", "OSCE", "IAEA")
CLAIMS_KEY = "warboard_claims"
SOURCES_KEY = "warboard_sources"
TEXT_KEY = "warboard_text"


class Speakers(Protocol):
    """What attribution reads from the article walk's state."""

    people: dict[str, str]  # surname, or the lowercase head of a description ("ministry") -> code
    last_claimant: str | None


@lru_cache(maxsize=1)
def known_people() -> dict[str, str]:
    """Surname -> country for the people the coverage quotes most (people.jsonl)."""
    rows = read_jsonl(GAZETTEERS / "people.jsonl")
    return {surname: row["country"] for row in rows for surname in row["surnames"]}


def _source_rows() -> list[dict]:
    """The rows of attribution.jsonl, and one row for each name of a body of `BODIES` and of an outlet, as the
    tokenizer splits it ("Agence France-Presse": Agence France - Presse), matched as written; its id is the
    body, or the outlet's country."""
    tokenize = spacy.blank("en").tokenizer
    names = [("BODY", code, name) for code, aliases in _body_names().items() for name in aliases]
    outlets = read_jsonl(GAZETTEERS / "outlets.jsonl")
    names += [("OUTLET", row["country"], alias) for row in outlets for alias in row["aliases"]]
    return [
        *read_jsonl(SOURCE_WORDS),
        *(
            {"label": label, "id": code, "pattern": [{"ORTH": token.text} for token in tokenize(name)]}
            for label, code, name in names
        ),
    ]


def _words(span) -> dict[str, list[tuple[int, int, str | None]]]:
    """What kind of source a speaker is: label ("OFFICIAL", "BODY", "OUTLET", ...) -> the (start, end, id) of
    its matches within the span, in reading order. Kept on the Doc: a speaker is read by `outlet_speaker` and
    `speaker_code` in turn."""
    doc = span.doc
    key = (SOURCES_KEY, span.start, span.end)
    found = doc.user_data.get(key)
    if found is None:
        found = {}
        for label, start, end, code in word_patterns(doc.vocab, SOURCE_WORDS, _source_rows)(span):
            found.setdefault(label, []).append((start, end, code))
        doc.user_data[key] = found
    return found


def _body_names() -> dict[str, list[str]]:
    """The names of each body of `BODIES` in countries.jsonl, also without their article ("the United Nations",
    "United Nations"; not "the alliance"); not a city that stands for it ("Brussels" is Belgium's capital too)."""
    names: dict[str, list[str]] = {}
    for country in countries.load_countries():
        if country.code not in BODIES:
            continue
        for alias in country.aliases:
            if alias in place_names():
                continue
            names.setdefault(country.code, []).append(alias)
            if alias.startswith("the ") and alias[4:5].isupper():
                names[country.code].append(alias[4:])
    return names


def outlet_speaker(speaker) -> tuple[bool, str | None]:
    """(the speaker is an outlet, the country of the first named outlet that has one).

    "A joint estimate by the BBC Russian Service ... and Mediazona", "The Guardian's Lorenzo
    Tondo", "the BBC Russian service" speak as outlets; "Russia's defence ministry, cited by
    TASS" is the ministry: an official word heading the speaker, outside the outlet's name.
    """
    words = _words(speaker)
    found = words.get("OUTLET")
    if not found:
        return False, None
    at = speaker.root.i - speaker.start
    in_name = any(start <= at < end for start, end, _country in found)
    if not in_name and (at, at + 1, None) in words.get("OFFICIAL", ()):
        return False, None
    return True, next((country for _start, _end, country in found if country), None)


@lru_cache(maxsize=1)
def _research_names() -> frozenset[str]:
    """The names of the research bodies of outlets.jsonl (`"kind": "research"`)."""
    rows = read_jsonl(GAZETTEERS / "outlets.jsonl")
    return frozenset(alias for row in rows if row.get("kind") == "research" for alias in row["aliases"])


def research_speaker(speaker) -> bool:
    """The speaker is a research body (the Center for Strategic and International Studies): it publishes its own
    estimates and relays no one's, so a figure it says or "puts at" is its own count."""
    names = _research_names()
    return any(speaker[start:end].text in names for start, end, _country in _words(speaker).get("OUTLET", ()))


def people_of(doc) -> dict[str, str]:
    """Surname -> country for people the article introduces ("Ukrainian President Volodymyr Zelenskyy")."""
    people: dict[str, str] = {}
    ents = list(doc.ents)
    for index, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        surname = ent[-1].text.rstrip("’'s")
        code = None
        for other in reversed(ents[max(0, index - 2) : index]):
            between = doc[other.end : ent.start]
            # "Ukrainian President Volodymyr Zelenskyy", "Russia's deputy chairman Dmitry Medvedev";
            # not "Russia, Kahl said": a comma or a verb between breaks the title.
            if (
                other.label_ == "COUNTRY"
                and len(between) <= 5
                and not any(t.is_punct and t.text not in ("-",) or t.pos_ in ("VERB", "AUX") for t in between)
            ):
                code = other._.code
                break
        if code is None:
            after = doc[ent.end : min(len(doc), ent.end + 6)]
            if after and after[0].text == ",":
                for other in ents[index + 1 : index + 3]:
                    if other.label_ == "COUNTRY" and other.start < after.end:
                        code = other._.code
                        break
        if code and surname not in people:
            people[surname] = code
    return people


def _based(token) -> bool:
    """ "the US-based Center for Strategic and International Studies": a seat, not a government."""
    doc = token.doc
    # "US-based", "Washington, D.C.-based": the seat may carry a qualifier before the hyphen
    following = doc[token.i + 1 : token.i + 5]
    for index, word in enumerate(following):
        if word.lower_.endswith("-based") or (
            word.text == "-" and index + 1 < len(following) and following[index + 1].lower_ == "based"
        ):
            return True
        if word.is_punct and word.text not in (",", ".", "-"):
            return False
    return False


def _span(token):
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def speaker_code(speaker, sentence_places: list, state: Speakers, ents: list | None = None) -> str | None:
    """The country or body a speaker stands for ("Russia's defence ministry" -> RU), or None."""
    if ents is None:
        ents = list(speaker.ents)
    doc = speaker.doc
    speaker_ents = [
        ent for ent in ents if speaker.start <= ent.start and ent.end <= speaker.end and not _based(doc[ent.end - 1])
    ]
    words = _words(speaker)
    official = bool(words.get("OFFICIAL"))
    if not speaker.text.strip() or "MEDIA" in words and not official:
        return None
    if "RUSSIAN_INSTALLED" in words:
        return "RU"
    bodies = {code for _start, _end, code in words.get("BODY", ())}
    for body in BODIES:
        if body in bodies:
            return body
    for ent in speaker_ents:
        if ent.label_ == "COUNTRY":
            return _remember(state, speaker, ent._.code)
        if ent.label_ == "PLACE":
            code = countries.country_code(ent.text)
            if code:
                return _remember(state, speaker, code)
    for ent in speaker_ents:
        if ent.label_ == "PERSON":
            surname = ent[-1].text.rstrip("’'s")
            code = state.people.get(surname) or known_people().get(surname)
            if code:
                return code
            if not official:
                return state.last_claimant
    for token in speaker:
        if _based(token):
            continue
        code = countries.country_code(token.text) if token.text[:1].isupper() else None
        if code:
            return _remember(state, speaker, code)
    if any(start == 0 for start, _end, _code in words.get("UNNAMED", ())):
        return None  # "Western officials", "international monitors": no government named
    if (0, len(speaker), None) in words.get("DESCRIPTION", ()):
        head = speaker[-1].lower_
        if head in state.people:
            return state.people[head]
    if speaker.text.strip().lower() in PRONOUNS:
        return state.last_claimant
    if official:
        for place in sentence_places:
            if place.country:
                return place.country
        if "LOCAL_OFFICIAL" in words:
            return "UA"  # "regional officials said": local authorities, Ukrainian unless a place says otherwise
        # An official the article names no country for speaks for a warring side: the one quoted
        # last, else Ukraine (a mediator quoted before, "the UAE said", lends no official).
        return state.last_claimant if state.last_claimant in ("UA", "RU") else "UA"
    known = known_people()
    if speaker.root.ent_type_ == "PERSON" or (speaker.root.pos_ == "PROPN" and speaker.root.text in known):
        return known.get(speaker.root.text) or state.people.get(speaker.root.text) or state.last_claimant
    return None


def _remember(state: Speakers, speaker, code: str) -> str:
    """ "Russia's defence ministry said ...": a later "the ministry" is Russia's too."""
    heads = _words(speaker).get("OFFICIAL")
    if heads:
        start, end, _code = max(heads)
        state.people[" ".join(token.lower_ for token in speaker[start:end])] = code
    return code


_REPORTING_IDS = frozenset(get_string_id(lemma) for lemma in REPORTING_LEMMAS)
_ACCORDING = get_string_id("according")


def _reporting_verbs(sent):
    """The reporting verbs of a sentence with their speakers, the main clause's first.

    Yields (verb, speaker span). "Ukraine's military claims that ..." is often tagged as a
    noun phrase: a plural "claims"/"says" followed by "that" is read as the verb it is.
    """
    doc = sent.doc
    found = []
    for token in sent:
        # Compared as string ids: most tokens are neither, and their strings are never built.
        lemma = token.lemma
        if lemma not in _REPORTING_IDS and token.lower != _ACCORDING:
            continue
        if token.lower_ == "according" and token.i + 1 < sent.end and doc[token.i + 1].lower_ == "to":
            objects = [child for child in doc[token.i + 1].children if child.dep_ == "pobj"]
            if objects:
                found.append((token, _span(objects[0]), token.head))
            continue
        if token.lemma_ not in REPORTING_LEMMAS:
            continue
        if token.pos_ == "NOUN" and token.lower_ in ("claims", "says", "reports", "estimates"):
            if token.i + 1 < sent.end and doc[token.i + 1].lower_ == "that" and token.left_edge.i < token.i:
                found.append((token, doc[token.left_edge.i : token.i], token))
            continue
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if any(child.dep_ == "neg" for child in token.children):
            continue  # "the Kremlin has not confirmed the figures": no claim
        # a count the parser took for a second subject is none ("..., five wounded ..., said local
        # authorities"); "The region's governor Vyacheslav Gladkov said": two subjects, one speaker
        subjects = [child for child in token.children if child.dep_ == "nsubj" and not child.like_num]
        if not subjects and any(child.dep_ in ("nsubjpass", "auxpass") for child in token.children):
            # "... were confirmed by the UN": the agent speaks; "20 were confirmed killed" names no one
            agents = [
                grandchild
                for child in token.children
                if child.dep_ == "agent"
                for grandchild in child.children
                if grandchild.dep_ == "pobj"
            ]
            if agents:
                found.append((token, _span(agents[0]), token))
            continue
        if not subjects and token.dep_ in ("advcl", "xcomp", "conj") and token.tag_ == "VBG":
            # "Zelenskiy urged Russian troops to leave ..., claiming 4,500 were already dead"
            subjects = [child for child in token.head.children if child.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].lower_ in ("which", "who", "that") and token.dep_ == "relcl":
            # "according to the Ukrainian military, which said all 89 drones were shot down"
            noun = token.head
            found.append((token, doc[noun.left_edge.i : noun.i + 1], token))
        elif subjects:
            speaker = _span(subjects[0])
            if len(subjects) > 1 and subjects[1].left_edge.i == speaker.end:
                speaker = doc[speaker.start : subjects[1].right_edge.i + 1]
            found.append((token, speaker, token))
    return sorted(found, key=lambda item: (_depth(item[2]), item[0].i))


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 40:
        token = token.head
        depth += 1
    return depth


def _cited(verb, places, state: Speakers, ents) -> str | None:
    """ "The Guardian's reporter confirmed with the deputy prosecutor that ...": the official cited."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "from", "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    code = speaker_code(_span(obj), places, state, ents)
                    if code:
                        return code
        if child.lemma_ == "cite":
            for obj in child.children:
                if obj.dep_ == "dobj":
                    code = speaker_code(_span(obj), places, state, ents)
                    if code:
                        return code
    return None


def _claim(verb, speaker, places, state: Speakers, ents) -> tuple[str | None, bool]:
    """(code, transparent): a relaying outlet is transparent, the clause it quotes speaks."""
    named, country = outlet_speaker(speaker)
    if named:
        cited = _cited(verb, places, state, ents)
        if cited:
            return cited, False
        if verb.lemma_ in OWN_COUNT_LEMMAS or research_speaker(speaker):
            return country, False
        return None, True
    return speaker_code(speaker, places, state, ents), False


def _resolve_pronoun(verb, speaker, claims: dict[int, str | None]) -> str | None:
    """ "Western officials told the BBC they believed ...": "they" is the speaker of the clause above."""
    head = verb
    while head.head.i != head.i:
        head = head.head
        if head.i in claims:
            return claims[head.i]
    return "unresolved"


def _main_subject(sent, pronoun):
    """The subject of the sentence's main verb, when it stands before the pronoun and is no pronoun."""
    root = sent.root
    for child in root.children:
        if child.dep_ == "nsubj" and child.i < pronoun.start and child.lower_ not in PRONOUNS:
            return _span(child)
    return None


def find_claimant(sent, places: list, state: Speakers, ents: list | None = None) -> tuple[str | None, bool]:
    """The claimant named by attribution in one sentence: (code, attribution found).

    `ents` are the sentence's entities when the caller has them (else read from the Doc).
    Every reporting clause's claimant is also kept on the Doc for `claimant_of`.
    """
    if ents is None:
        ents = list(sent.ents)
    claims: dict[int, str | None] = {}
    result: tuple[str | None, bool] | None = None
    for verb, speaker, clause in _reporting_verbs(sent):
        code, transparent = _claim(verb, speaker, places, state, ents)
        if speaker.text.lower() in PRONOUNS:
            above = _resolve_pronoun(clause, speaker, claims)
            if above != "unresolved":
                code = above
            else:
                # "Russia last published its own death toll in 2022, when it said ...": the
                # sentence's own subject, named before the pronoun
                subject = _main_subject(sent, speaker)
                if subject is not None:
                    code = speaker_code(subject, places, state, ents)
        if transparent:
            continue
        claims.setdefault(clause.i, code)
        if result is None:
            result = (code, True)
    sent.doc.user_data[(CLAIMS_KEY, sent.start)] = claims
    if result is None and _inside_quotation(sent):
        # "... a Russian shell hit a hangar. Unfortunately, three people died.”": the quotation
        # opened in an earlier sentence of the paragraph still speaks for its speaker.
        return state.last_claimant, state.last_claimant is not None
    return result if result is not None else (None, False)


def _inside_quotation(sent) -> bool:
    """Whether a sentence starts inside a quotation opened earlier in its paragraph."""
    doc = sent.doc
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text  # Doc.text joins every token: once per article
    paragraph = text.rfind("\n", 0, sent.start_char) + 1
    before = text[paragraph : sent.start_char]
    own = text[sent.start_char : sent.end_char]
    # The quotation must close in this sentence: an unbalanced mark far back proves little.
    closes = own.find("”") != -1 and own.find("”") < (own.find("“") if "“" in own else len(own))
    return closes and before.count("“") > before.count("”")


# Clauses whose claim stays inside them: "..., although an official said 'dozens' had been killed"
# does not attribute the main clause's figure; nor does a relative clause "which officials said".
ENCLOSING = frozenset(["advcl", "relcl", "acl", "pcomp", "xcomp", "csubj", "amod", "npadvmod"])


def _ancestors(token) -> list:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _covers(clause, ancestors: set[int]) -> bool:
    """Whether a reporting clause speaks for a token: it governs it, or hangs beside it ("..., they said")."""
    node = clause
    for _ in range(40):
        if node.i in ancestors:
            return True
        if node.dep_ in ENCLOSING or node.head.i == node.i:
            return False
        node = node.head
    return False


def claimant_of(sent, token, default: str | None) -> str | None:
    """The claimant of the reporting clause that speaks for a token (a count).

    With no reporting clause in the sentence, `default` (the walk's own guess: the
    quotation or the claimant before). With one or more, the nearest that governs the
    token, or one that hangs beside its clause; None when all sit in other clauses.
    """
    claims = sent.doc.user_data.get((CLAIMS_KEY, sent.start))
    if not claims:
        return default
    chain = _ancestors(token)
    for node in chain:
        if node.i in claims:
            return claims[node.i]
    ancestors = {node.i for node in chain}
    doc = sent.doc
    for index, code in claims.items():
        if _covers(doc[index], ancestors):
            return code
    return None
