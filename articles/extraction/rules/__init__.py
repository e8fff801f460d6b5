"""Rules that turn one parsed sentence into records.

The engine (`articles.extraction.extract`) parses the article once with the
spaCy pipeline, then walks its sentences. For each sentence it builds one
`SentenceContext` and hands it to the rule modules in turn:

    rules.events.find_events(ctx)   -> list[Event]
    rules.losses.find_losses(ctx)   -> list[Loss]
    rules.pledges.find_pledges(ctx) -> list[Pledge]

Rule functions are pure: they read the context and return records; they do
not touch other sentences' records. The engine then merges the same
happening told twice into one event and links every loss and pledge to an
event index (`Loss.event`, `Pledge.event`):

- a pledge is linked to the `aid` event of its sentence; when the sentence
  gave none, the engine makes one (type "aid", date = the pledge's date or the
  sentence's date, countries = donor and recipient). So `find_pledges` only
  returns `Pledge` records and leaves `event` as None.
- `span` may be left at (0, 0): the engine fills in the sentence span
  (`ctx.start`, `ctx.end`). Set it yourself only for a narrower clause, in
  offsets of the article text.

The context, for a sentence such as
"A French official said Wednesday that Macron told Zelenskyy that his
country will be sending light AMX-10 RC armored combat vehicles."
published 2023-01-05 (a Thursday):

    ctx.sent          the spaCy Span (tokens, .ents with labels from the
                      pipeline: COUNTRY, PLACE, EQUIPMENT from the gazetteer
                      rulers, plus the model's own GPE, ORG, DATE, CARDINAL,
                      MONEY ...); ctx.sent.doc is the whole article Doc
    ctx.text          the sentence's text (== ctx.sent.text)
    ctx.start, ctx.end  character offsets of the sentence in the article text
    ctx.index         the sentence's number in the article (0-based)
    ctx.published     datetime.date | None, the publication date (2023-01-05)
    ctx.date          DateValue | None: the date of the sentence, i.e. its
                      first date expression resolved against `published`
                      (DateValue(2023-01-04, "day") for "Wednesday"); None
                      when the sentence has no date expression. It is the
                      day of the claim when the only date is "X said on
                      Wednesday"; the engine keeps that distinction for
                      losses, a pledge simply uses it.
    ctx.dates         list[DateMention]: every date expression with its value
                      and offsets (DateMention.value, .text, .start, .end)
    ctx.countries     list[CountryMention]: every country/body mention in
                      reading order: .code ("FR"), .text ("French"), .start,
                      .end (article offsets), .kind ("name", "demonym",
                      "capital", "body"): here FR (French), FR (Macron is
                      not a country: people are not resolved), ...
    ctx.places        list[PlaceMention]: .name (gazetteer name, e.g.
                      "Donetsk Oblast"), .text, .start, .end, .country
    ctx.reported_by   str | None: the claimant named by attribution in this
                      sentence ("the Ukrainian military said" -> "UA")
    ctx.future        bool: the sentence is about the future ("will send")
    ctx.parse_number(text) -> Quantity | None
                      "2,800" -> Quantity(2800, 2800); "at least 55" ->
                      Quantity(55, None); "up to 40" -> Quantity(None, 40);
                      "eighteen" -> Quantity(18, 18); "dozens" -> None
    ctx.parse_money(text) -> Money | None
                      "$1.2bn" -> Money(Decimal("1200000000"), "USD");
                      "€3.7 million" -> Money(Decimal("3700000"), "EUR");
                      "21.3 billion dollars" -> Money(21300000000, "USD")
    ctx.resolve_date(text, future=None) -> DateValue | None
                      resolves one date expression against `published`;
                      future=True/False forces the direction of a weekday or
                      day-month without a year, None takes it from the
                      sentence's tense ("Wednesday" -> 2023-01-04)
    ctx.country_code(text) -> str | None
                      "German" -> "DE", "the Pentagon" -> "US", "NATO" ->
                      "NATO"; None when the text is no known country or body

Everything in the context is computed once per sentence before any rule
runs; rules should not call dateparser or rebuild regexes themselves.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from articles.extraction.records import DateValue

if TYPE_CHECKING:
    from spacy.tokens import Span

    from articles.extraction.numbers import Money, Quantity


@dataclass(frozen=True)
class CountryMention:
    code: str
    text: str
    start: int
    end: int
    kind: str = "name"  # "name" | "demonym" | "capital" | "body"


@dataclass(frozen=True)
class PlaceMention:
    name: str
    text: str
    start: int
    end: int
    country: str | None = None


@dataclass(frozen=True)
class DateMention:
    value: DateValue
    text: str
    start: int
    end: int


@dataclass
class SentenceContext:
    """What a rule knows about one sentence (see the module docstring)."""

    sent: Span
    text: str
    start: int
    end: int
    index: int
    published: datetime.date | None
    date: DateValue | None = None
    dates: list[DateMention] = field(default_factory=list)
    countries: list[CountryMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    reported_by: str | None = None
    parse_number: Callable[[str], Quantity | None] = field(default=lambda text: None, repr=False)
    parse_money: Callable[[str], Money | None] = field(default=lambda text: None, repr=False)
    resolve_date: Callable[..., DateValue | None] = field(default=lambda text, future=None: None, repr=False)
    country_code: Callable[[str], str | None] = field(default=lambda text: None, repr=False)
    # Filled by the engine once per article, so that no rule walks the whole Doc again per
    # sentence (Doc.text joins every token; Span.ents and doc.spans scan the whole article).
    doc_text: str | None = field(default=None, repr=False)
    ents: list[Span] | None = field(default=None, repr=False)
    cues: list[Span] | None = field(default=None, repr=False)
    modifiers: list | None = field(default=None, repr=False)

    @property
    def country_codes(self) -> list[str]:
        """The distinct country codes of the sentence, in reading order."""
        return list(dict.fromkeys(m.code for m in self.countries))

    @property
    def future(self) -> bool:
        """Whether the sentence holds a modal of the future ("will send"); read when a rule asks, not for every
        sentence."""
        from articles.extraction.tense import tells_future  # noqa: PLC0415 (tense reads the patterns, not the rules)

        return tells_future(self.sent)

    @property
    def article_text(self) -> str:
        """The whole article's text (ctx.sent.doc.text, computed once)."""
        if self.doc_text is None:
            self.doc_text = self.sent.doc.text
        return self.doc_text

    @property
    def sentence_ents(self) -> list[Span]:
        """The entities of the sentence (ctx.sent.ents)."""
        if self.ents is None:
            self.ents = list(self.sent.ents)
        return self.ents

    @property
    def sentence_modifiers(self) -> list:
        """The ConText modifiers of the sentence (context.modifiers_of), found once for all the rules."""
        if self.modifiers is None:
            from articles.extraction import context  # noqa: PLC0415 (context imports the components, not the rules)

            self.modifiers = context.modifiers_of(self.sent)
        return self.modifiers

    @property
    def sentence_cues(self) -> list[Span]:
        """The cue spans of the "warboard_cues" span_ruler that start in the sentence."""
        if self.cues is None:
            self.cues = [
                span for span in self.sent.doc.spans.get("cues", []) if self.start <= span.start_char < self.end
            ]
        return self.cues


# Irregular forms the cue patterns need; regular ones are made by `inflections`.
IRREGULAR = {
    "hit": ["hit", "hits", "hitting"],
    "strike": ["strike", "strikes", "struck", "striking", "stricken"],
    "sink": ["sink", "sinks", "sank", "sunk", "sinking"],
    "die": ["die", "dies", "died", "dying"],
    "send": ["send", "sends", "sent", "sending"],
    "give": ["give", "gives", "gave", "given", "giving"],
    "meet": ["meet", "meets", "met", "meeting"],
    "shoot": ["shoot", "shoots", "shot", "shooting"],
    "fight": ["fight", "fights", "fought", "fighting"],
    "lose": ["lose", "loses", "lost", "losing"],
    "slay": ["slay", "slays", "slew", "slain", "slaying"],
    "hurt": ["hurt", "hurts", "hurting"],
    "withdraw": ["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"],
    "begin": ["begin", "begins", "began", "begun", "beginning"],
    "leave": ["leave", "leaves", "left", "leaving"],
    "shell": ["shell", "shells", "shelled", "shelling"],
    "train": ["train", "trains", "trained", "training"],
    "talk": ["talk", "talks", "talked", "talking"],
    "visit": ["visit", "visits", "visited", "visiting"],
    "down": ["down", "downs", "downed", "downing"],
}


def inflections(*lemmas: str) -> list[str]:
    """The written forms of English words, for LOWER patterns: "kill" -> kill, kills, killed, killing.

    The cue Matcher matches on LOWER rather than LEMMA: it needs no lemmatizer and runs
    several times faster on this model.
    """
    forms: list[str] = []
    for lemma in lemmas:
        if lemma in IRREGULAR:
            forms.extend(IRREGULAR[lemma])
            continue
        forms.append(lemma)
        if lemma.endswith("e"):
            forms += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
        elif lemma.endswith(("s", "sh", "ch", "x", "z")):
            forms += [lemma + "es", lemma + "ed", lemma + "ing"]
        else:
            forms += [lemma + "s", lemma + "ed", lemma + "ing"]
    return list(dict.fromkeys(forms))


def written_forms(token: dict) -> dict:
    """A LEMMA token pattern as the LOWER forms the cue span_ruler's PhraseMatcher matches ({"LEMMA": "kill"} ->
    {"LOWER": {"IN": ["kill", "kills", "killed", "killing"]}}); any other token pattern as it is."""
    lemma = token.get("LEMMA")
    if lemma is None:
        return token
    return {"LOWER": {"IN": inflections(*(lemma["IN"] if isinstance(lemma, dict) else [lemma]))}}


def relative_pronoun(token) -> bool:
    """ "who", "which", "that" opening a relative clause: it stands for the noun the clause hangs on, and is no
    subject of its own ("aid workers who were captured", "the colony where Navalny died" has one: Navalny)."""
    return token.tag_ in ("WP", "WDT")
