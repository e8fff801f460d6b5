"""Losses: one record per number reported for a side and a category.

Two kinds of text give losses:

- tally lines, the Ukrainian General Staff's and MoD's daily count, one line a
  category ("tanks ‒ 1251 (+16),", "personnel ‒ about 28300 (+400) persons
  were liquidated,"): `find_tally` reads them from the article text, each line
  a cumulative record and, with its "(+N)", a day record;
- sentences: "an estimated 800 Russian troops were killed in the past day",
  "At least 55 people were killed and 170 injured", "the death toll in Kyiv
  has risen to 32", "Russia has lost between 3,000-4,000 armored vehicles":
  `find_losses(ctx)` pairs every count with the noun it counts and the nearest
  loss cue (killed, wounded, destroyed, captured ...), then decides side,
  period and claimant.

The words these rules read are data in patterns/en/: the cues (losses.jsonl), what a count counts
(loss_kinds.jsonl, loss_people.jsonl), a figure's period, side and clause (loss_periods.jsonl,
loss_sides.jsonl, matched once per sentence by `loss_marks`), the tally's words (loss_tally.jsonl)
and the party that destroys (loss_agents.jsonl).

Counts that are no losses are skipped: vague amounts, percentages, money,
subsets ("including 745 children"), people released in exchanges, missing
or detained people, deaths from cold or disease, other wars' dead. Those
guards, and the words that tell what a count counts, are rows of token
patterns in patterns/en/loss_context.jsonl, read by `Guards` on the
sentence's tokens around the count.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from articles.extraction import attribution, gazetteer, numbers
from articles.extraction.records import LOSS_CATEGORY_OF_ITEM, Loss
from articles.extraction.rules import SentenceContext, relative_pronoun, written_forms
from articles.extraction.word_patterns import WordPatterns, word_patterns
from articles.jsonl import read_jsonl

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from spacy.tokens import Span, Token

    from articles.extraction.rules import DateMention

# --- cue patterns (data for the "warboard_cues" Matcher) ----------------------

PATTERNS_FILE = Path(__file__).resolve().parent.parent / "patterns" / "en" / "losses.jsonl"


def load_cues(path: Path = PATTERNS_FILE) -> list[dict]:
    """The loss cue patterns of patterns/en/losses.jsonl, LEMMA tokens as their written forms."""
    return [{"label": row["label"], "pattern": [written_forms(t) for t in row["pattern"]]} for row in read_jsonl(path)]


CUE_PATTERNS: list[dict] = load_cues()

# --- what a count counts -------------------------------------------------------

# Equipment nouns: rows of patterns/en/loss_kinds.jsonl, read in order on the tokens after the count.
KINDS_FILE = PATTERNS_FILE.parent / "loss_kinds.jsonl"
PEOPLE_FILE = PATTERNS_FILE.parent / "loss_people.jsonl"  # whom a count of people counts, in the same format
# The most tokens a kinds' row reads (its words, the word it forbids next or the words glued onto it).
KIND_TOKENS = 8


@dataclass(frozen=True)
class LossKind:
    """One row of loss_kinds.jsonl: its words (each a set of written forms) and its category."""

    category: str
    words: tuple[frozenset[str], ...]
    not_next: frozenset[str]
    not_glued_next: tuple[frozenset[str], ...]


@cache
def loss_kinds(path: Path = KINDS_FILE) -> tuple[LossKind, ...]:
    return tuple(
        LossKind(
            category=row["category"],
            words=_forms(row["words"]),
            not_next=frozenset(row.get("not_next", ())),
            not_glued_next=_forms(row.get("not_glued_next", ())),
        )
        for row in read_jsonl(path)
        if "category" in row
    )


def _forms(words: list) -> tuple[frozenset[str], ...]:
    """A row's words, each a set of written forms ("tank" or ["tank", "tanks"])."""
    return tuple(frozenset([word] if isinstance(word, str) else word) for word in words)


def equipment_kind(words: str | Span) -> str | None:
    """The loss category of the equipment `words` open with ("16 tanks" -> "tanks" on "tanks were
    destroyed", "APV ‒ 2475" -> "armored_vehicles"): the first row of loss_kinds.jsonl whose words open them.
    `words` is a sentence's tokens from the word after the count (sent[at:]) or a text read alone."""
    return kind_of(_tokens_of(words), loss_kinds())


def people_kind(words: str | Span) -> str | None:
    """Whom the words `words` open with count: "soldiers", "civilians" or "people" (loss_people.jsonl)."""
    return kind_of(_tokens_of(words), loss_kinds(PEOPLE_FILE))


def _tokens_of(words: str | Span) -> Sequence[Token] | Span:
    return _opening_tokens(words) if isinstance(words, str) else words


def kind_of(tokens: Sequence[Token] | Span, kinds: tuple[LossKind, ...]) -> str | None:
    """The category of the first row whose words open `tokens` (spaCy tokens, a sentence's or a text's)."""
    words = [(token.lower_, not token.whitespace_) for token in islice(tokens, KIND_TOKENS)]
    for kind in kinds:
        if _opens_with(kind, words):
            return kind.category
    return None


@cache
def english_tokenizer():
    """spaCy's English tokenizer, for the words of a text read without its sentence (a tally's label)."""
    import spacy  # noqa: PLC0415 (loaded once, on the first text read alone)

    return spacy.blank("en").tokenizer


@lru_cache(maxsize=16)
def _opening_tokens(text: str) -> tuple[Token, ...]:
    """The first tokens of `text`; none when it opens with a space ("\\ntanks": the words must open it)."""
    if not text or text[0].isspace():
        return ()
    if len(text) > 80:  # the words a row can read, cut at a space
        cut = text.rfind(" ", 0, 80)
        text = text[: cut if cut > 0 else 80]
    return tuple(islice(english_tokenizer()(text), KIND_TOKENS))


def _opens_with(kind: LossKind, words: list[tuple[str, bool]]) -> bool:
    """Whether `words` ((lower case, glued to the next)) open with the kind's words (a "-" glued to its
    neighbours) and no word it forbids next."""
    size = len(kind.words)
    if len(words) < size:
        return False
    for index, forms in enumerate(kind.words):
        word, _glued = words[index]
        if word not in forms:
            return False
        if word == "-" and (index == 0 or not words[index - 1][1] or index + 1 >= size or not words[index][1]):
            return False
    rest = words[size:]
    if rest and rest[0][0] in kind.not_next:
        return False
    # the kind's last word and the words glued onto it: "jet-type"
    forbidden = kind.not_glued_next
    run = words[size - 1 : size + len(forbidden)]
    return not (
        forbidden
        and len(run) == len(forbidden) + 1
        and all(glued for _word, glued in run[:-1])
        and all(word in forms for (word, _), forms in zip(run[1:], forbidden, strict=True))
    )


# --- contexts that make a count no loss ---------------------------------------

# Guards: rows of patterns/en/loss_context.jsonl, token patterns matched once over a sentence with a count.
CONTEXT_FILE = PATTERNS_FILE.parent / "loss_context.jsonl"
GUARD_PLACES = ("before", "after", "end", "sentence")


@dataclass(frozen=True)
class Guard:
    """One row of loss_context.jsonl without its pattern: what it answers and where it must sit."""

    category: str
    where: str
    within: int = 0
    stop: bool = False


@cache
def guard_rows(path: Path = CONTEXT_FILE) -> tuple[tuple[Guard, list[dict]], ...]:
    rows = []
    for row in read_jsonl(path):
        guard = Guard(row["category"], row["where"], row.get("within", 0), row.get("stop", False))
        if guard.where not in GUARD_PLACES:
            raise ValueError(f"{path}: {row}: where must be one of {GUARD_PLACES}")
        rows.append((guard, row["pattern"]))
    return tuple(rows)


def _guard_patterns(vocab) -> WordPatterns:
    """The guards' Matcher for a pipeline's vocabulary, built once per process; its row numbers are guard_rows'."""
    return word_patterns(
        vocab, CONTEXT_FILE, lambda: [{"label": guard.category, "pattern": pattern} for guard, pattern in guard_rows()]
    )


class Guards:
    """The guards matched in one sentence, asked by a count's tokens: `guards.holds("PERCENT", count)`.

    The Matcher runs once, when the first guard is asked; offsets are the sentence's token offsets.
    """

    def __init__(self, sent: Span, start_char: int = 0):
        self.sent = sent
        self.start_char = start_char  # the sentence's offset in the article text
        self._found: dict[str, list[tuple[Guard, int, int]]] | None = None
        self._tokens: dict[tuple[int, int], tuple[int, int]] = {}

    @property
    def found(self) -> dict[str, list[tuple[Guard, int, int]]]:
        if self._found is None:
            rows = guard_rows()
            self._found = {}
            for number, start, end in _guard_patterns(self.sent.doc.vocab).matches(self.sent):
                guard = rows[number][0]
                self._found.setdefault(guard.category, []).append((guard, start, end))
        return self._found

    def tokens(self, count: Count) -> tuple[int, int]:
        """The sentence's tokens (start, end) a count is written on."""
        key = (count.start, count.end)
        if key not in self._tokens:
            start, end = self.start_char + count.start, self.start_char + count.end
            span = self.sent.doc.char_span(start, end, alignment_mode="expand")
            if span is None:  # a count in the whitespace between tokens, never met
                raise ValueError(f"no tokens at {count}")
            self._tokens[key] = (span.start - self.sent.start, span.end - self.sent.start)
        return self._tokens[key]

    def holds(self, category: str, count: Count | tuple[int, int]) -> bool:
        """Whether a row of `category` matches where it must sit around the count (or the tokens start, end)."""
        return self.match(category, count) is not None

    def match(self, category: str, count: Count | tuple[int, int]) -> tuple[int, int] | None:
        """The (start, end) of the first match of `category` sitting where its row says around the count."""
        first, last = self._apart(count if isinstance(count, tuple) else self.tokens(count))
        for guard, start, end in self.found.get(category, ()):
            if guard.stop:
                continue
            if guard.where == "sentence":
                return start, end
            if guard.where == "end" and start == last - 1:
                return start, end
            if (
                guard.where == "before"
                and first - guard.within <= end <= first
                and not self._stopped(category, end, first)
            ):
                return start, end
            if (
                guard.where == "after"
                and last <= start <= last + guard.within
                and not self._stopped(category, last, start)
            ):
                return start, end
        return None

    def _apart(self, tokens: tuple[int, int]) -> tuple[int, int]:
        """A count's tokens widened over the whitespace tokens around it ("by\xa011\xa0times")."""
        first, last = tokens
        while first > 0 and self.sent[first - 1].is_space:
            first -= 1
        while last < len(self.sent) and self.sent[last].is_space:
            last += 1
        return first, last

    @cached_property
    def text(self) -> str:
        return self.sent.text

    def starting(self, category: str, token: int) -> int | None:
        """The end of the longest match of `category` that starts at the token, None when none does."""
        ends = [end for guard, start, end in self.found.get(category, ()) if start == token and not guard.stop]
        return max(ends) if ends else None

    def next_word(self, token: int) -> int:
        """The first token from `token` on that is no comma or run of spaces ("800, Russian")."""
        while token < len(self.sent) and (self.sent[token].text == "," or self.sent[token].text.strip(" ") == ""):
            token += 1
        return token

    def in_sentence(self, category: str) -> bool:
        """Whether a row of `category` matches anywhere in the sentence: "hypothermia", "a prisoner swap"."""
        return any(not guard.stop for guard, _, _ in self.found.get(category, ()))

    def at(self, category: str, token: int) -> bool:
        """Whether one token (a sentence offset) alone is a match of `category`: "struck", "launched"."""
        return any(
            not guard.stop and start == token and end == token + 1 for guard, start, end in self.found.get(category, ())
        )

    def _stopped(self, category: str, start: int, end: int) -> bool:
        return any(guard.stop and start <= s and e <= end for guard, s, e in self.found.get(category, ()))


# The layout of a number that is no count: money ("$1.2bn", "US$5") and ordinals ("21st").
MONEY_BEFORE = re.compile(r"(?:[$€£¥]|US\$)\s*$")
ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)


# --- words that tell a figure's period, side and clause -------------------------

# Token patterns of patterns/en/loss_periods.jsonl and loss_sides.jsonl, matched once on each sentence
# that holds a loss cue (`loss_marks`); the rules below read the marks by their place in the sentence.
MARK_FILES = (PATTERNS_FILE.parent / "loss_periods.jsonl", PATTERNS_FILE.parent / "loss_sides.jsonl")


@dataclass(frozen=True)
class Mark:
    """A match of a period or side pattern: its label, the side it names, and where it sits (sentence offsets)."""

    label: str
    side: str
    start: int
    end: int
    opens: int  # where the clause after a CLAUSE_BREAK begins


@cache
def mark_rows(paths: tuple[Path, ...] = MARK_FILES) -> tuple[dict, ...]:
    return tuple(row for path in paths for row in read_jsonl(path))


def loss_marks(sent: Span) -> list[Mark]:
    """The marks of a sentence, in the order of their start, offsets within the sentence's text."""
    patterns = word_patterns(sent.doc.vocab, MARK_FILES, mark_rows)
    offset = sent.start_char
    marks = []
    for number, start, end in patterns.matches(sent):
        row = patterns.rows[number]
        first, last = sent[start], sent[end - 1]
        opens = sent[start + row["opens"]].idx if "opens" in row else last.idx + len(last)
        marks.append(
            Mark(row["label"], row.get("id", ""), first.idx - offset, last.idx + len(last) - offset, opens - offset)
        )
    return sorted(marks, key=lambda mark: (mark.start, mark.end))


def _marked(marks: list[Mark], label: str, start: int = 0, end: int | None = None) -> list[Mark]:
    """The marks of a label that begin within [start, end) of the sentence."""
    return [m for m in marks if m.label == label and start <= m.start and (end is None or m.start < end)]


@dataclass
class Count:
    """One count in a sentence: its quantity and where it sits (sentence offsets)."""

    quantity: numbers.Quantity
    start: int
    end: int
    text: str


def find_counts(text: str) -> list[Count]:
    """The counts of a sentence, with their qualifiers ("at least 55", "between 40 and 50"), but for numbers
    whose layout says they count nothing: years, dates, times, model names, money, ordinals."""
    counts = []
    for match in numbers.find_quantities(text):
        first = match.group("first")
        if re.fullmatch(r"(?:19|20)\d\d", first) and not match.group("second"):
            continue  # a year
        before = text[: match.start()]
        after = text[match.end() :]
        if re.search(r"[\d.,:/-]$", before) or re.match(r"[\d:/]|\.\d|-(?:[A-Za-z])", after):
            continue  # part of a date, a time, a model name ("F-16", "24.02")
        if re.search(r"[A-Za-z]-$", before) or re.search(r"\b[A-Z]{1,4}\s?$", before):
            continue  # "Su-25", "S 400", "M 777"
        if text[: match.start("first")][-1:].isalpha():
            continue  # a number inside a word: "none", "drone"
        if MONEY_BEFORE.search(before) or ORDINAL_AFTER.match(after):
            continue
        quantity = numbers.quantity_from_match(match)
        if quantity is None:
            continue
        counts.append(Count(quantity, match.start(), match.end(), match.group(0)))
    return counts


def noun_after(
    guards: Guards, at: int, equipment: dict[int, Span] | None = None
) -> tuple[str | None, str | None, str, int]:
    """What the words after a count name: ("equipment", category) or ("people", kind).

    The words are read from the sentence's token `at` on, over up to five FILLER words ("800 Russian
    troops"); `equipment` holds the gazetteer ruler's EQUIPMENT spans of the sentence by their start
    offset in it. Returns (kind, category_or_group, demonym_text, words_skipped).
    """
    sent = guards.sent
    at = guards.next_word(at)
    words_skipped = 0
    demonyms: list[str] = []
    for _ in range(5):
        if at >= len(sent):
            break
        offset = sent[at].idx - guards.start_char
        named = equipment.get(offset) if equipment else None
        if named is not None:
            # "three Su-25 jets", "two HIMARS launchers", "four Buk air defence systems"
            item = gazetteer.equipment_named(named.ent_id_ or named.text)
            category = LOSS_CATEGORY_OF_ITEM.get(item.category) if item else None
            if category and not guards.holds("AMMUNITION", (named.start - sent.start, named.end - sent.start)):
                return "equipment", category, " ".join(demonyms), words_skipped
        category = equipment_kind(sent[at:])
        if category is not None:
            return "equipment", category, " ".join(demonyms), words_skipped
        if guards.starting("CASUALTY_NOUN", at):
            return "people", None, " ".join(demonyms), words_skipped
        group = people_kind(sent[at:])
        if group == "soldiers" or guards.starting("ENEMY_PEOPLE", at):
            return "people", "soldiers", " ".join(demonyms), words_skipped  # Russians counted dead are its soldiers
        if group is not None:
            return "people", group, " ".join(demonyms), words_skipped
        end = guards.starting("FILLER", at)
        if end is None:
            break
        demonyms.append(sent[at:end].text)
        at = guards.next_word(end)
        words_skipped += 1
    return None, None, " ".join(demonyms), words_skipped


def find_tally(text: str) -> list[TallyLine]:
    """The tally lines of an article: "tanks ‒ 1251 (+16)," one per category."""
    lines: list[TallyLine] = []
    for match in tally_line().finditer(text):
        label = match.group("label").strip()
        category = tally_category(label)
        if category is None:
            continue
        total = numbers.word_value(match.group("total").replace(" ", ""))
        delta = match.group("delta")
        lines.append(
            TallyLine(
                category=category,
                total=total,
                delta=int(delta) if delta is not None else None,
                start=match.start("label"),
                end=match.end(),
            )
        )
    if sum(line.delta is not None for line in lines) == 0 and len(lines) < MIN_BARE_TALLY:
        return []
    return lines


@dataclass
class TallyLine:
    category: str
    total: int | None
    delta: int | None
    start: int
    end: int


TALLY_FILE = PATTERNS_FILE.parent / "loss_tally.jsonl"


@cache
def tally_rows(path: Path = TALLY_FILE) -> tuple[dict, ...]:
    return tuple(read_jsonl(path))


@cache
def tally_line() -> re.Pattern[str]:
    """A tally line's layout, a format ("label ‒ about 1234 (+5)"); its words are data: the qualifiers of
    numbers.py and the units of loss_tally.jsonl ("tanks ‒ 732 од,": early tallies give no "(+N)")."""
    units = sorted((unit for row in tally_rows() for unit in row.get("units", ())), key=len, reverse=True)
    return re.compile(
        r"(?m)^[ \t•*-]*(?P<label>[A-Za-zА-Яа-яІіЇїЄєҐґ'’ /()-]{2,80}?)\s*[‒–—-]+\s*"
        rf"(?:(?:{numbers.QUALIFIER_MIN}|{numbers.QUALIFIER_EXACT})\s+|~)?\s*"
        r"(?P<total>\d{1,3}(?:[ ,\u00a0]?\d{3})*)\s*"
        r"(?:\(\s*\+\s*(?P<delta>\d+)\s*\)[^\n]*"
        rf"|(?:{'|'.join(re.escape(unit) for unit in units)})?\s*[,.;]?\s*)$",
        re.I,
    )


# Lines without "(+N)" count only in a block of this many: a lone "Kyiv – 12" line is no tally.
MIN_BARE_TALLY = 4


def tally_category(label: str) -> str | None:
    """ "APV" -> armored_vehicles, "personnel" -> personnel_casualties, "mobile SRBM system" -> special.

    A label in two languages ("особового складу / personnel") is read from its last part that names a
    category ("boats / cutters": boats)."""
    for part in reversed(label.split("/")):
        category = _tally_part_category(part.strip())
        if category is not None:
            return category
    return None


def _tally_part_category(label: str) -> str | None:
    tokens = tuple(english_tokenizer()(label))
    if any(kind_of(tokens[at:], loss_kinds(PEOPLE_FILE)) for at in range(len(tokens))):
        return "personnel_casualties"  # "personnel", "persons"
    category = kind_of(tokens, loss_kinds())
    if category is not None:
        return category
    for kind in loss_kinds(TALLY_FILE):  # a row of loss_tally.jsonl at any word: "UAV operational-tactical level"
        words = [(token.lower_, not token.whitespace_) for token in tokens]
        if any(_opens_with(kind, words[at:]) for at in range(len(words))):
            return kind.category
    return None


# --- sentences ----------------------------------------------------------------


@dataclass
class LossContext:
    """What a loss sentence knows of the article around it (filled by the engine)."""

    incident_date: datetime.date | None = None  # date of the strike or battle it belongs to
    incident_place: str | None = None
    incident_attacker: str | None = None  # country of the attacker, when the strike names it
    has_incident: bool = False
    own_incident: bool = False  # the sentence itself tells the strike or battle


def find_losses(ctx: SentenceContext, around: LossContext | None = None) -> list[Loss]:
    """Loss records of one sentence (see the module docstring for examples)."""
    around = around or LossContext()
    text = ctx.text
    cues = [
        (span.label_, span.start_char - ctx.start, span.end_char - ctx.start)
        for span in ctx.sentence_cues
        if span.label_.startswith("LOSS_")
    ]
    if not cues:
        return []
    counts = find_counts(text)
    guards = Guards(ctx.sent, ctx.start)
    if not counts or guards.in_sentence("NO_LOSS_TOPIC"):
        return []
    marks: list[Mark] | None = None  # matched at the first count that meets a cue
    records: list[Loss] = []
    previous_noun: tuple[str | None, str | None] = (None, None)
    previous_side: str | None = None
    previous_end = 0
    date_spans = [(d.start - ctx.start, d.end - ctx.start) for d in ctx.dates]
    equipment = {ent.start_char - ctx.start: ent for ent in ctx.sentence_ents if ent.label_ == "EQUIPMENT"}
    for count in counts:
        if any(s <= count.start < e for s, e in date_spans):
            continue
        if _counts_no_loss(guards, count):
            continue
        noun_at = _noun_at(guards, count)
        kind, group, between, _skipped = noun_after(guards, noun_at, equipment)
        if kind is None:
            kind, group = _people_told_around(guards, count, previous_noun)
            if kind is None:
                continue
        if kind == "equipment" and group is None:
            continue
        if marks is None:
            marks = loss_marks(ctx.sent)
        cue = _loss_cue(ctx, cues, count, kind, guards, marks)
        if cue is None:
            continue
        category = _category(kind, group, cue, count, marks)
        if category is None or _not_a_loss_of(ctx, guards, count, kind, category):
            continue
        whole = records[-1] if records else None
        part = guards.holds("SUBSET", count)
        joined = whole is not None and (part or guards.holds("FIGURE_JOIN", count))
        if joined and whole is not None and group != "civilians":
            # "Russian casualties at over 1.2 million, including up to 325,000 deaths": the soldiers' dead
            category = PART_CATEGORY.get((whole.category, category), category)
        if part and (whole is None or category not in CASUALTY_PARTS.get(whole.category, ())):
            continue  # "14,500 civilians, including 745 children": a part of the figure told before
        claimant = _claimant(ctx, count)
        side = _side(ctx, text, count, category, between, around, previous_side, previous_end, claimant, marks=marks)
        if side is None:
            continue
        previous_noun = (kind, group)
        previous_side = side
        previous_end = count.end
        period = _period(text, count, category, around, marks, guards, claimant)
        date = _date(ctx, period, around, marks, count)
        if joined and whole is not None and period is None:
            # "casualties at around 600,000, with roughly 140,000 killed": the whole's period and day
            period, date = whole.period, whole.date
        records.append(
            Loss(
                side=side,
                category=category,
                min=count.quantity.min,
                max=count.quantity.max,
                period=period,
                date=date,
                place=_place(ctx, period, around, count, marks, (side, category)),
                reported_by=claimant,
                span=(ctx.start, ctx.end),
            )
        )
    return records


# The cues that may tell what happened to equipment: lost, or only damaged (LOSS_DAMAGED, no record).
EQUIPMENT_CUES = frozenset(["LOSS_DESTROYED", "LOSS_CASUALTIES", "LOSS_CAPTURED", "LOSS_DAMAGED"])


def _loss_cue(
    ctx: SentenceContext, cues: list[tuple[str, int, int]], count: Count, kind: str, guards: Guards, marks: list[Mark]
) -> str | None:
    """The loss cue that tells what happened to a count: the one right after it, the verb it
    depends on, or the nearest in its clause."""
    cue = (
        _cue_right_after(ctx, cues, count, kind, marks)
        or _syntactic_cue(ctx, count, cues, kind)
        or _nearest_cue([c for c in cues if not _befell_another(ctx, c, count)], count, kind, marks)
    )
    if cue == "LOSS_DAMAGED":
        return None  # "also damaged three BMPs ... four tanks": damaged is not lost
    if cue == "LOSS_DESTROYED" and guards.holds("ENEMY_PEOPLE", count):
        return None  # "hit 14 more Russians with sanctions": people are killed, not destroyed or hit
    return cue


def _befell_another(ctx: SentenceContext, cue: tuple[str, int, int], count: Count) -> bool:
    """ "three workers at the penal colony where Navalny died" (p148, Fox News), "two guards at the prison where the
    opposition leader was killed" (made up): a relative clause with a subject of its own tells what befell that
    subject, so a count outside the clause is not its toll; "the central city of Cherkasy, where one person died"
    (p089) counts inside it."""
    span = ctx.sent.doc.char_span(ctx.start + cue[1], ctx.start + cue[2], alignment_mode="expand")
    if span is None or span.root.dep_ != "relcl":
        return False
    verb = span.root
    if not any(child.dep_ in ("nsubj", "nsubjpass") and not relative_pronoun(child) for child in verb.children):
        return False
    first, last = verb.left_edge, verb.right_edge
    return not (first.idx <= ctx.start + count.start < last.idx + len(last))


# The parts of a whole that are figures of their own after "including" (SUBSET): the killed of a casualty
# total ("casualties at 1.2 million, including 325,000 killed"); any other part repeats its whole.
CASUALTY_PARTS = {"personnel_casualties": frozenset(["personnel_killed", "personnel_wounded"])}
# A part that names no people ("325,000 deaths") counts the people of its whole: the soldiers of a casualty total.
PART_CATEGORY = {
    ("personnel_casualties", "civilians_killed"): "personnel_killed",
    ("personnel_casualties", "civilians_wounded"): "personnel_wounded",
}


def _counts_no_loss(guards: Guards, count: Count) -> bool:
    """Whether the words around a number say it is no count of losses: a share, a sum of money or another
    measure, a capacity, a difference, a growth or a whole (a part of a figure told before, SUBSET, is
    weighed once its category is known)."""
    return any(
        guards.holds(category, count)
        for category in ("NO_COUNT", "PERCENT", "MEASURE", "CAPACITY", "ALL_BUT", "GROWTH", "WHOLE")
    )


def _noun_at(guards: Guards, count: Count) -> int:
    """The token the count's noun may begin at: after the whole a part is of, "1,000 of the 11,000 troops"."""
    whole = guards.match("OF_WHOLE", count)
    return whole[1] if whole else guards.tokens(count)[1]


def _people_told_around(
    guards: Guards, count: Count, previous_noun: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """(kind, group) of a number with no noun after it ("170 injured", "rose to 32", "seven were
    reported to have died"): people, read off the words around it; (None, None) when they say nothing."""
    if guards.holds("OF_THEM", count):
        return "people", _people_of_sentence(guards)
    if guards.holds("CASUALTIES_AT", count):
        # "put total Russian casualties at over 1.2 million", "casualties nearing 1 million":
        # casualties are soldiers' (a civilian figure says so, and is no match here)
        return "people", "soldiers"
    if guards.holds("OTHERS", count):
        # "three people died and five others were injured": the people counted before
        return previous_noun if previous_noun[0] == "people" else ("people", _people_of_sentence(guards))
    if previous_noun[0] == "people" and guards.holds("HURT_NEXT", count):
        return previous_noun
    if any(guards.holds(category, count) for category in ("TOLL", "DIED", "HURT_BEFORE")):
        return "people", _people_of_sentence(guards)
    return None, None


def _not_a_loss_of(ctx: SentenceContext, guards: Guards, count: Count, kind: str, category: str) -> bool:
    """Whether the clause around a counted noun says it was not lost: prisoners exchanged, bodies
    that are organisations, people who fled, weapons fired or that got through."""
    if category == "personnel_captured" and guards.in_sentence("EXCHANGE"):
        return True
    if guards.holds("BODIES", count) and not guards.in_sentence("BODIES_FOUND"):
        return True  # "Three Russian bodies linked to the weapons programme were sanctioned": organisations
    if kind == "people" and (guards.holds("DEAD_OR_MISSING", count) or guards.holds("NOT_COUNTED", count)):
        # "7,667 people died or went missing": the dead are not counted apart;
        # "4 million people flee abroad", "more than 4,000 remain detained"
        return True
    if kind == "equipment" and (guards.holds("LAUNCHED", count) or guards.holds("INSTRUMENT", count)):
        return True  # "Russia fired at least six cruise missiles", "struck the Moskva with two Neptune missiles"
    # "13 missiles and 21 drones struck 19 locations": they got through
    return kind == "equipment" and _strikes_home(guards, count)


def _claimant(ctx: SentenceContext, count: Count) -> str | None:
    """Who claims this count: the reporting clause that speaks for it (see attribution)."""
    span = ctx.sent.doc.char_span(ctx.start + count.start, ctx.start + count.end, alignment_mode="expand")
    if span is None:
        return ctx.reported_by
    return attribution.claimant_of(ctx.sent, span[-1], ctx.reported_by)


def _strikes_home(guards: Guards, count: Count) -> bool:
    """Whether the counted weapons are the subject of a verb of hitting ("21 drones struck 19 locations")."""
    sent = guards.sent
    noun = sent[guards.tokens(count)[1] - 1]
    for _ in range(3):
        if noun.dep_ in ("nummod", "quantmod", "compound", "amod", "conj") and noun.head.i != noun.i:
            if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.dep_ in ("nsubj",):
                noun = noun.head
                break
            noun = noun.head
        else:
            break
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "nsubj":
        # "one of the two missiles launched struck the lower floors": the parser may hang "one"
        # on the launch verb beside the hitting one
        verb = noun.head.head.head.i - sent.start
        return guards.at("HITTING", verb) or guards.at("LAUNCHED", verb)
    return noun.dep_ == "nsubj" and guards.at("HITTING", noun.head.i - sent.start)


def _people_of_sentence(guards: Guards) -> str:
    if guards.in_sentence("SOLDIERS_TOLD"):
        return "soldiers"
    if guards.in_sentence("CIVILIANS_TOLD"):
        return "civilians"
    return "people"


def _cue_right_after(
    ctx: SentenceContext, cues: list[tuple[str, int, int]], count: Count, kind: str, marks: list[Mark]
) -> str | None:
    """ "two people injured", "55 people were killed", "4,500 were already dead": the cue follows the noun."""
    limit = _noun_words_end(ctx, count, marks) + 2
    # the longest cue first where two start together: "dead and injured" over "dead"
    for label, start, _end in sorted(cues, key=lambda cue: (cue[1], cue[1] - cue[2])):
        if count.end <= start <= limit:
            if kind == "equipment" and label not in EQUIPMENT_CUES:
                continue
            return label
    return None


def _noun_words_end(ctx: SentenceContext, count: Count, marks: list[Mark]) -> int:
    """Where the words a loss cue may follow a count by end, within 60 characters of it: up to three
    words (a LIST_JOIN or a sign stops them), then an auxiliary (CUE_AUX) and an adverb (CUE_ADVERB)."""
    text = ctx.text
    window = min(len(text), count.end + 60)
    at = _after_space(text, count.end, window)
    for skipped, (start, end) in enumerate(_word_runs(ctx.sent, at)):
        following = _after_space(text, end, window)
        if (
            skipped == 3
            or start != at
            or following == end
            or _marked(marks, "LIST_JOIN", start, start + 1)
            or not all(char.isalnum() or char in "_’'-" for char in text[start:end])
        ):
            break
        at = following
    for label in ("CUE_AUX", "CUE_ADVERB"):
        for mark in _marked(marks, label, at, at + 1):
            following = _after_space(text, mark.end, window)
            if following > mark.end:
                at = following
                break
    return at


def _after_space(text: str, at: int, window: int) -> int:
    """The offset after the spaces at `at`, within the window."""
    return at + len(text[at:window]) - len(text[at:window].lstrip())


def _word_runs(sent: Span, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the words from `start` on, a word being the tokens written without a space between
    them ("pro-Russian", "soldiers’"); offsets within the sentence."""
    offset = sent.start_char
    run: tuple[int, int] | None = None
    for token in sent:
        at = token.idx - offset
        if at < start or token.is_space:
            if run is not None:
                yield run
                run = None
            continue
        run = (run[0] if run else at, at + len(token.text))
        if token.whitespace_:
            yield run
            run = None
    if run is not None:
        yield run


LIST_REACH = 12


def _syntactic_cue(ctx: SentenceContext, count: Count, cues: list[tuple[str, int, int]], kind: str) -> str | None:
    """The cue the count's noun hangs on: "killed four people" -> killed, "three tanks were destroyed"."""
    span = ctx.sent.doc.char_span(ctx.start + count.start, ctx.start + count.end, alignment_mode="expand")
    if span is None:
        return None
    token = span[-1]
    chain = []
    # a long list hangs its last items many links below the verb: "destroyed a tank, two BMPs, ..., five
    # motorcycles and 11 invaders' armored vehicles; also damaged three BMPs" (p185): equipment climbs the
    # whole noun phrase to its verb
    for _ in range(LIST_REACH if kind == "equipment" else 3):
        if token.head is token:
            break
        token = token.head
        chain.append(token)
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            break
    for token in chain:
        start = token.idx - ctx.start
        for label, cue_start, cue_end in cues:
            if cue_start <= start < cue_end:
                if kind == "equipment" and label not in EQUIPMENT_CUES:
                    continue
                return label
    return None


def _nearest_cue(cues: list[tuple[str, int, int]], count: Count, kind: str, marks: list[Mark]) -> str | None:
    joins = _marked(marks, "CLAUSE_JOIN")
    best: tuple[int, str] | None = None
    for label, start, end in cues:
        if kind == "equipment" and label not in EQUIPMENT_CUES:
            continue
        if start >= count.end:
            distance = start - count.end
            if any(count.end <= join.start and join.end <= start for join in joins):
                distance += 100  # "500 soldiers have been treated for exposure to gases, and one had died"
        elif end <= count.start:
            distance = (count.start - end) + 15  # cues after the count read first: "55 people were killed"
            if any(end <= join.start and join.end <= count.start for join in joins):
                distance += 100  # "three people died, and more than twenty are on the list of wounded"
        else:
            continue
        if distance > 160:
            continue
        if best is None or distance < best[0]:
            best = (distance, label)
    return best[1] if best else None


def _category(kind: str, group: str | None, cue: str, count: Count, marks: list[Mark]) -> str | None:
    if kind == "equipment":
        return group
    near = [mark.label for mark in marks if mark.start >= count.start - 60 and mark.end <= count.end + 80]
    soldiers = group == "soldiers" or (group == "people" and "SOLDIERS_CUE" in near)
    if soldiers and "MIXED_LOSSES" in near:
        return "personnel_casualties"  # "killed, injured or captured 5,000 Russian troops"
    if cue == "LOSS_CAPTURED":
        return "personnel_captured" if soldiers or "PRISONERS" in near else None
    if cue == "LOSS_CASUALTIES":
        # "70,000-80,000 casualties of war, including killed and wounded": casualties are soldiers'
        return "personnel_casualties" if soldiers or group is None else None
    if cue == "LOSS_WOUNDED":
        return "personnel_wounded" if soldiers else "civilians_wounded"
    if cue in ("LOSS_KILLED", "LOSS_DESTROYED"):
        if cue == "LOSS_DESTROYED" and not soldiers:
            return None
        return "personnel_killed" if soldiers else "civilians_killed"
    return None


# Countries whose troops fight on Russia's side: their losses count for it (SPEC: foreign
# fighters count for the side they fought with).
ALLIES_OF_RUSSIA = frozenset(["KP"])


def _side(
    ctx: SentenceContext,
    text: str,
    count: Count,
    category: str,
    between: str,
    around: LossContext,
    previous_side: str | None,
    previous_end: int = 0,
    claimant: str | None = None,
    *,
    marks: list[Mark],
) -> str | None:
    # "800 Russian troops", "three tanks of the Russian army", "325,000 Russians ... have been killed"
    side = _side_named(text, count, between, marks)
    if side is not None:
        return side
    if category.startswith("civilians"):
        for place in ctx.places:
            if place.country and place.start - ctx.start < count.end + 200:
                return place.country
        if around.incident_attacker in ("UA",):
            return "RU"
        return "UA"
    if previous_side and not any(
        previous_end <= m.start - ctx.start < count.start and m.code in ("RU", "UA") for m in ctx.countries
    ):
        return previous_side  # "800 troops, one aircraft and three tanks": the side of the list
    # "Russia has lost 3,000 armoured vehicles", "Russia, Kahl said, has had 70,000 casualties"
    # The nearest party named before the count: "Ukraine's military claims that Russia has lost 24,000 soldiers"
    places = _marked(marks, "WHERE")
    for mention in reversed(ctx.countries):
        offset = mention.start - ctx.start
        if offset < count.start and mention.code in ("RU", "UA") and _is_agent(ctx, mention):
            # "Ukrainian soldiers destroyed a tank, two BMPs ...": the other side lost them
            return "RU" if mention.code == "UA" else "UA"
        if offset < count.start and mention.code in ("RU", "UA") and mention.code != claimant:
            if any(mark.start >= offset - 12 and text[mark.end : offset].isspace() for mark in places):
                continue  # "Russian losses in Ukraine": where, not who
            return mention.code
    if claimant in ("RU", "UA") and any(mark.end <= count.end + 60 for mark in _marked(marks, "OWN_SIDE")):
        return claimant  # "Russia ... when it said it had incurred its own 6,000 losses", "his country's troops"
    if category.startswith("personnel") and any(m.code in ALLIES_OF_RUSSIA for m in ctx.countries):
        return "RU"  # "1,000 of the 11,000 troops sent from North Korea": they fight for Russia
    if claimant == "UA":
        return "RU"
    if claimant == "RU":
        return "UA"
    return None


def _side_named(text: str, count: Count, between: str, marks: list[Mark]) -> str | None:
    """The side the words around a count name: a demonym among the words between the count and its
    noun ("800 Russian troops"), a party after the noun ("three tanks of the Russian army"), the
    people counted ("325,000 Russians"), or the side they fell for ("dying ... defending Ukraine")."""
    end = count.end
    for word in between.split():  # the words `noun_after` skipped, as they stand after the count
        end = text.find(word, end) + len(word)
    if between:
        named = _marked(marks, "SIDE", count.end, end)
        if named:
            return named[0].side
    for mark in _marked(marks, "SIDE_OF", count.end):
        word = text[count.end : mark.start]
        # one word between: "tanks of the Russian army"
        if (
            mark.end <= count.end + 60
            and len(word.split()) == 1
            and word.strip().replace("-", "").isalnum()
            and word[-1].isspace()
        ):
            return mark.side
    for mark in _marked(marks, "SIDE_PEOPLE", count.end):
        if mark.end <= count.end + 20 and not any(char.isalnum() for char in text[count.end : mark.start]):
            return mark.side
    # "50-100 soldiers may be dying every day defending Ukraine": the side they fell for, in the count's clause
    clause_end = _clause_of(count, marks, len(text))[1]
    for mark in _marked(marks, "SIDE_FOR", count.end, clause_end):
        if mark.end <= count.end + 80:
            return mark.side
    return None


# DependencyMatcher patterns (data for the "warboard_agents" component): the party that destroys,
# "Ukrainian soldiers destroyed ...", "Russia's air defences downed ...", "Ukraine destroyed ...".
AGENT_PATTERNS: list[dict] = list(read_jsonl(PATTERNS_FILE.parent / "loss_agents.jsonl"))


def _is_agent(ctx: SentenceContext, mention) -> bool:
    """Whether a country mention is the party of a destroying verb's subject ("Ukrainian soldiers destroyed").

    The "warboard_agents" DependencyMatcher marks those parties in doc.spans["agents"].
    """
    return any(
        span.start_char < mention.end and mention.start < span.end_char
        for span in ctx.sent.doc.spans.get("agents", [])
        if ctx.start <= span.start_char < ctx.end
    )


def _clause_of(count: Count, marks: list[Mark], length: int) -> tuple[int, int]:
    """Where the clause of a count begins and ends, between the joins of coordinated clauses around it
    (CLAUSE_BREAK marks of loss_periods.jsonl).

    "Ukrainian forces are killing nearly 1,000 Russian troops each day, and they eliminated
    5,000 troops in a single battle in late January": "each day" is the first clause's period.
    """
    start, end = 0, length
    for join in _marked(marks, "CLAUSE_BREAK"):
        if join.end <= count.start:
            start = join.opens
        elif join.start >= count.end:
            end = join.start
            break
    return start, end


# Monitors who count a war's dead as it goes: their figure with no period words and no attack of its own sentence is
# a running total.
RUNNING_COUNTERS = frozenset({"UN", "OSCE"})


def _period(
    text: str,
    count: Count,
    category: str,
    around: LossContext,
    marks: list[Mark],
    guards: Guards,
    claimant: str | None = None,
) -> str | None:
    """day ("in the past day"), cumulative ("so far", "since"), incident (one attack), or None."""
    start, end = _clause_of(count, marks, len(text))
    if _marked(marks, "PERIOD_DAY", start, end):
        return "day"
    if _marked(marks, "PERIOD_SPAN", start, end):
        return None
    if _marked(marks, "PERIOD_CUMULATIVE", start, end) or any(
        not _comparison(text, since, marks, start) for since in _marked(marks, "PERIOD_SINCE", start, end)
    ):
        return "cumulative"
    if around.has_incident and around.own_incident:
        return "incident"
    if claimant in RUNNING_COUNTERS:
        # "The UN has verified around 15,000 Ukrainian civilians killed" (p208, AFP), "The United Nations recorded 351
        # civilians killed and 707 injured in Ukraine" (p023, The Guardian), "Two health workers had been killed and
        # at least 8 injured in the attacks, the WHO said" (dev p028): the monitors' count to date
        return "cumulative"
    if guards.holds("CASUALTIES_AT", count):
        return "cumulative"  # "put total Russian casualties at over 1.2 million": an estimate to date
    if _marked(marks, "PERIOD_PERFECT"):
        return "cumulative"  # "more than 500 soldiers have been killed": a total to date
    if around.has_incident or _marked(marks, "INCIDENT"):
        return "incident"
    return "incident" if category.startswith("civilians") else None


def _comparison(text: str, since: Mark, marks: list[Mark], clause_start: int) -> bool:
    """ "one of the largest drone attacks since the war began": a superlative shortly before "since",
    in its clause and sentence, makes a comparison, no running total."""
    return any(
        mark.end <= since.start
        and since.start - mark.end <= 60
        and not any(sign in ".;" for sign in text[mark.end : since.start])
        for mark in _marked(marks, "SUPERLATIVE", clause_start, since.start)
    )


def _date(
    ctx: SentenceContext, period: str | None, around: LossContext, marks: list[Mark], count: Count
) -> datetime.date | None:
    earlier = [mark for mark in _marked(marks, "EARLIER_HAPPENING") if mark.end <= count.start]
    if earlier:
        # "The blasts on Tuesday come one week after at least one person was killed": the losses are of a
        # happening before the sentence's day, dated only by a day their own words name
        own = [d for d in ctx.dates if d.value.precision == "day" and d.start - ctx.start >= earlier[-1].end]
        return own[0].value.date if own else None
    day = ctx.date.date if ctx.date and ctx.date.precision == "day" else None
    if period == "incident":
        return around.incident_date or day
    if period == "cumulative":
        as_of = [d.value.date for d in ctx.dates if d.value.precision == "day" and not _opens_span(ctx, d, marks)]
        if as_of:
            return as_of[0]
        if any(
            d.value.precision in ("month", "year")
            and not _opens_span(ctx, d, marks)
            and not _current(d.value, ctx.published)  # "they reported this month"
            for d in ctx.dates
        ):
            # "Russia last published its own death toll in September 2022, when it said it had
            # incurred 6,000 losses": a total as of a past month gives no day, not the publication's
            return None
        return ctx.published
    if period == "day":
        return day or ctx.published
    if _marked(marks, "PERIOD_SPAN"):
        return None  # "2,514 civilians killed in 2025": a span, no day
    # "Russia's Defense Ministry said Monday that air defenses downed 40 Ukrainian drones": the
    # figure of no stated period is dated by the only day the sentence gives, the claim's.
    return day


def _opens_span(ctx: SentenceContext, date: DateMention, marks: list[Mark]) -> bool:
    """Whether a date is the start of a running total, not its as-of day: a SPAN_OPENING word shortly
    before it in its phrase ("since the invasion began on 24 February") or opening it ("since 1945")."""
    at = date.start - ctx.start
    return any(
        mark.start == at or (mark.end <= at and not any(sign in ",;." for sign in ctx.text[mark.end : at]))
        for mark in _marked(marks, "SPAN_OPENING", at - 50, at + 1)
    )


def _current(value, published: datetime.date | None) -> bool:
    """Whether a month or year is the publication's own ("this month", "this year")."""
    if published is None:
        return False
    if value.precision == "month":
        return (value.date.year, value.date.month) == (published.year, published.month)
    return value.date.year == published.year


def _place(
    ctx: SentenceContext,
    period: str | None,
    around: LossContext,
    count: Count | None,
    marks: list[Mark],
    figure: tuple[str, str] | None = None,
) -> str | None:
    if _marked(marks, "BROAD_PLACE"):
        return None  # "across Ukraine": the whole country
    if ctx.places and count is not None:
        # The place nearest the number: "Kyiv came under attack and ... Chernihiv raised the death toll ... to 47"
        at = ctx.start + count.start
        return min(ctx.places, key=lambda p: min(abs(p.start - at), abs(p.end - at))).name
    if ctx.places:
        return ctx.places[0].name
    if period == "incident" and not _hit_elsewhere(around.incident_place, figure):
        return around.incident_place
    return None


def _hit_elsewhere(place: str | None, figure: tuple[str, str] | None) -> bool:
    """Whether civilians of one country (side, category) cannot have been hit at the incident's place, which lies in
    another: civilians count for the country where they were hit. "1. Five killed as Russia hits crucial rail
    infrastructure" after "large fires erupted at two Russian fuel facilities in the city of Bryansk" (p078, a GB
    outlet), "Another five people were injured" in Mykolaiv after Russian drones shot down near Moscow (p180, BBC):
    the toll of another attack than the one told last, at no place the sentence says."""
    if place is None or figure is None or not figure[1].startswith("civilians"):
        return False
    found = gazetteer.place_named(place)
    return found is not None and found.country != figure[0]
