"""Date expressions in news copy, resolved against the publication date.

SPEC.md's rules, in short: a weekday or a day-month without a year is the
latest such day on or before publication, unless the sentence is about the
future (then the next one after it); the publication's own weekday is the
publication day; a day and month named with their weekday ("Wednesday, July 27") are in
the year where that weekday falls; an overnight attack is dated by the morning it ended; "last
week" is the Monday of the week before publication (precision "week"); "at
the weekend" is that weekend's Saturday (precision "week"); "in December" is
the month (precision "month"). "This year", "recent weeks", "last winter"
give no date, nor do counts ("1,461 days since").

`find_dates(text, published, ...)` finds the expressions in one sentence with
one compiled regex; an explicit calendar date ("24 February 2022") is read
from its parts, and only one whose parts make no day goes to dateparser,
always with RELATIVE_BASE set, each (expression, base) pair once per process.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy

from articles.extraction.records import DateValue
from articles.extraction.word_patterns import word_patterns

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_LAST_YEAR = r"\s+(?:of\s+)?last\s+year\b"
_YEARS_END = r"[-–](?:19|20)?\d\d\b"  # "1999-2000", "2019-20"
_YEARS_TO = r"\s+(?:to|until|till)\s+(?:19|20)\d\d\b"  # "from 2010 to 2021"

# Each alternative is a named group; the first that matches at a position wins. Spaces
# before a year are taken once (`*+`): two optional runs of spaces split a long run in
# quadratically many ways. The lookahead after `\b` holds every letter and digit an alternative can begin with
# (DATE_STARTS; a new alternative beginning with another must add it, tests/extraction/test_speed.py checks): at
# a word's end, or a word no alternative begins with, it fails at once instead of trying each alternative in turn,
# which halves the time of the search and finds the same matches.
DATE_STARTS = "0-9abcdefijlmnostuwy"
DATE_RE = re.compile(
    r"\b(?=[" + DATE_STARTS + r"])(?:"
    # "overnight Saturday into Sunday", "overnight Sunday to Monday"
    r"(?P<overnight_pair>overnight\s+(?:on\s+|from\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+night)?\s+(?:into|to|and)\s+(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    # "24 February 2022", "February 24, 2022", "Feb. 24, 2022"
    r"|(?P<dmy>" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r")"
    r"|(?P<mdy>" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r")"
    r"|(?P<iso>" + _YEAR + r"-[01]\d-[0-3]\d)"
    # "24 February", "December 28", "Jan. 26" (no year)
    r"|(?P<dm>" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r")(?!\s*+,?\s*+" + _YEAR + r")"
    r"|(?P<md>" + _MONTH + r"\s+" + _DAY + r")(?![\d,]*\s*" + _YEAR + r")(?![\d:])"
    # "in December", "in February 2022", "February 2022"; the history a report looks back on: "May of 2023",
    # "February last year", "in late 2022", "mid-2023" (a part of a year is that year; a span of parts, "in late
    # 2025–early 2026", stays undated: p186, CSIS, tells it of strikes foreseen)
    r"|(?P<month_year>" + _MONTH + r"\s+(?:of\s+)?" + _YEAR + r")"
    r"|(?P<month_last_year>" + _MONTH + _LAST_YEAR + r")"
    r"|(?<![-–])(?:early|late|mid)[-\s]+(?P<part_year>" + _YEAR + r")\b(?![-/]\d|\s*[-–]\s*(?:early|late|mid))"
    # (a month's abbreviation is read with its full stop: "since Feb. 24" is the day, not the month)
    r"|(?:in|since|until|by|of|late|early|mid-?)\s+(?P<month>"
    + _MONTH
    + r")\b(?!\.?\s+\d|\s+of\s+\d|"
    + _LAST_YEAR
    + r")"
    # "last Friday", "next Tuesday", "on Thursday", "late on Sunday", "Monday"
    r"|(?P<rel>last|next|this|this\s+coming|coming)\s+" + _WEEKDAY + r"\b"
    r"|" + _WEEKDAY.replace("wd", "wd_plain") + r"(?:'s)?\b"
    r"|(?P<yesterday>yesterday)|(?P<today>today|tonight|this\s+morning|this\s+evening|this\s+afternoon)"
    r"|(?P<tomorrow>tomorrow)"
    r"|(?P<day_before>the\s+(?:previous|preceding)\s+day|the\s+day\s+before|a\s+day\s+earlier|one\s+day\s+earlier)"
    r"|(?P<day_after>a\s+day\s+later|the\s+next\s+day|the\s+following\s+day|one\s+day\s+later)"
    r"|(?P<last_week>last\s+week|the\s+previous\s+week|the\s+week\s+before)"
    r"|(?P<this_week>(?:earlier\s+|later\s+)?this\s+week)"
    r"|(?P<next_week>next\s+week)"
    r"|(?P<weekend>(?:at|over|during)\s+the\s+weekend|last\s+weekend|this\s+weekend)"
    r"|(?P<last_month>last\s+month)|(?P<this_month>(?:earlier\s+|later\s+)?this\s+month)"
    r"|(?P<overnight>overnight|last\s+night)"
    r"|(?P<past_day>(?:in|over|during)\s+the\s+(?:past|last)\s+(?:day|24\s+hours)|over\s+the\s+day)"
    # "in 2014", "in 1999-2000", "from 2010 to 2021": a span of years is dated by its first year (SPEC dates a span
    # by its first day); "from" only where the span's end follows
    r"|(?:in|since|during|of)\s+(?P<year>" + _YEAR + r")\b(?:" + _YEARS_END + r")?(?![-/]\d)"
    r"|from\s+(?P<from_year>" + _YEAR + r")(?:" + _YEARS_END + r"(?![-/]\d)|(?=" + _YEARS_TO + r"))"
    r")",
    re.IGNORECASE,
)
# Every alternative of DATE_RE holds one of these (a digit, a weekday's or a relative word's "day",
# "week", "month", "night", a month's first three letters, ...): a sentence with none has no date,
# and this search is many times cheaper than DATE_RE's alternation at every word.
DATE_HINT = re.compile(
    r"\d|day|night|week|month|tomorrow|morning|evening|afternoon|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I
)
# DATE_HINT without IGNORECASE, searched in the lowercased text: three times cheaper, and the same answer on an
# ASCII text (on another, a letter may match an ASCII one under IGNORECASE that lowercasing does not give: "ſ").
_DATE_HINT_LOWER = re.compile(DATE_HINT.pattern)


def has_date_hint(text: str) -> bool:
    """Whether `text` holds one of DATE_HINT's words (or a digit): without one, it has no date expression."""
    if text.isascii():
        return _DATE_HINT_LOWER.search(text.lower()) is not None
    return DATE_HINT.search(text) is not None


# The words just before an expression that make it a deadline, a holiday or a count, as token patterns.
WORDS_BEFORE = Path(__file__).resolve().parent / "patterns" / "en" / "dates.jsonl"


@dataclass(frozen=True)
class FoundDate:
    value: DateValue
    text: str
    start: int
    end: int
    relative_to_previous: bool = False  # "a day later": needs the previous date


def _weekday_index(name: str) -> int:
    return WEEKDAYS.index(name.lower())


def resolve_weekday(
    name: str, published: datetime.date, future: bool = False, which: str | None = None
) -> datetime.date:
    """The day a weekday names, seen from the publication date.

    >>> resolve_weekday("Wednesday", datetime.date(2023, 1, 5))  # a Thursday
    datetime.date(2023, 1, 4)
    """
    target = _weekday_index(name)
    delta = (published.weekday() - target) % 7
    if which == "last":
        return published - datetime.timedelta(days=delta or 7)
    if which in ("next", "coming", "this coming"):
        ahead = (target - published.weekday()) % 7
        return published + datetime.timedelta(days=ahead or 7)
    if delta == 0:
        return published
    if future:
        return published + datetime.timedelta(days=(target - published.weekday()) % 7)
    return published - datetime.timedelta(days=delta)


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


# The calendar dates DATE_RE's dmy, mdy and iso groups take (dots already removed): their parts
# name the day outright, so they are read without dateparser (about 10 ms a call).
CALENDAR_RE = re.compile(
    r"(?P<d1>\d+)(?:st|nd|rd|th)?\s+(?P<m1>[a-z]+),?\s+(?P<y1>\d{4})"
    r"|(?P<m2>[a-z]+)\s+(?P<d2>\d+)(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d\d)-(?P<d3>\d\d)",
    re.IGNORECASE,
)


def calendar_date(expression: str, base: datetime.date) -> datetime.date | None:
    """The day an explicit calendar date names ("24 February 2022", "Feb 24, 2022", "2022-02-24").

    Read from its parts when they make a real day; anything else (no such day) goes to
    dateparser as before, so the result is dateparser's in every case.
    """
    match = CALENDAR_RE.fullmatch(expression)
    if match:
        year, month = match["y1"] or match["y2"] or match["y3"], match["m1"] or match["m2"]
        day = match["d1"] or match["d2"] or match["d3"]
        number = int(match["m3"]) if match["m3"] else MONTHS.get((month or "").lower())
        if number is not None:
            try:
                return datetime.date(int(year), number, int(day))
            except ValueError:
                pass
    return _dateparser(expression, base, "past")


@lru_cache(maxsize=4096)
def _dateparser(expression: str, base: datetime.date, prefer: str) -> datetime.date | None:
    import dateparser  # noqa: PLC0415 - slow import, only when a calendar date is seen

    parsed = dateparser.parse(
        expression,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": prefer,
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return parsed.date() if parsed else None


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day_month(text: str, published: datetime.date | None, future: bool) -> datetime.date | None:
    """ "December 28" or "28 December": the latest such day on or before publication (or the first on or after it)."""
    parts = re.findall(r"[A-Za-z]+|\d+", text)
    month = next((_month_number(p) for p in parts if p.isalpha() and p.lower().rstrip(".") in MONTHS), None)
    day = next((int(p) for p in parts if p.isdigit()), None)
    if month is None or day is None or published is None:
        return None
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(datetime.date(year, month, day))
        except ValueError:
            continue
    if future:
        after = [c for c in candidates if c >= published]
        return min(after) if after else None
    before = [c for c in candidates if c <= published]
    return max(before) if before else None


def resolve_match(
    match: re.Match[str], published: datetime.date | None, future: bool, previous: datetime.date | None
) -> tuple[DateValue | None, bool]:
    """The value of one DATE_RE match; the flag says it was relative to `previous`."""
    groups = match.groupdict()
    expression = groups.get("dmy") or groups.get("mdy") or groups.get("iso")
    if expression:
        base = published or datetime.date.today()
        day = calendar_date(expression.replace(".", ""), base)
        return (DateValue(day, "day") if day else None), False
    if groups.get("month_year"):
        parts = groups["month_year"].split()
        return DateValue(datetime.date(int(parts[-1]), _month_number(parts[0]), 1), "month"), False
    if groups.get("part_year"):
        return DateValue(datetime.date(int(groups["part_year"]), 1, 1), "year"), False
    if published is None:
        return None, False
    if groups.get("month_last_year"):
        return DateValue(
            datetime.date(published.year - 1, _month_number(groups["month_last_year"].split()[0]), 1), "month"
        ), False
    named, value = _named_day_or_month(groups, published, future)
    if named:
        return value, False
    return _relative_value(groups, match.group(0), published, future, previous)


def _named_day_or_month(groups: dict, published: datetime.date, future: bool) -> tuple[bool, DateValue | None]:
    """(the match names one, its value) for a day and month without a year, a month, or a weekday:
    the nearest one before the publication day, or after it in the future tense."""
    day_month = groups.get("dm") or groups.get("md")
    if day_month:
        day = _day_month(day_month, published, future)
        return True, (DateValue(day, "day") if day else None)
    if groups.get("month"):
        month = _month_number(groups["month"])
        year = published.year
        if (month > published.month and not future) or (future and month < published.month):
            year += -1 if not future else 1
        return True, DateValue(datetime.date(year, month, 1), "month")
    if groups.get("overnight_pair"):
        return True, DateValue(resolve_weekday(groups["wd2"], published, future), "day")
    if groups.get("rel"):
        which = groups["rel"].lower()
        if which == "this":
            which = None
        return True, DateValue(resolve_weekday(groups["wd"], published, future, which), "day")
    if groups.get("wd_plain"):
        return True, DateValue(resolve_weekday(groups["wd_plain"], published, future), "day")
    return False, None


def _relative_value(
    groups: dict, text: str, published: datetime.date, future: bool, previous: datetime.date | None
) -> tuple[DateValue | None, bool]:
    """ "yesterday", "last week", "this month", "the day before" (relative to `previous`: the flag)."""
    one_day = datetime.timedelta(days=1)
    if groups.get("yesterday"):
        return DateValue(published - one_day, "day"), False
    if groups.get("today") or groups.get("overnight") or groups.get("past_day"):
        return DateValue(published, "day"), False
    if groups.get("tomorrow"):
        return DateValue(published + one_day, "day"), False
    if groups.get("day_before"):
        return (DateValue(previous - one_day, "day") if previous else None), True
    if groups.get("day_after"):
        return (DateValue(previous + one_day, "day") if previous else None), True
    if groups.get("last_week"):
        return DateValue(monday_of(published) - datetime.timedelta(days=7), "week"), False
    if groups.get("this_week"):
        return DateValue(monday_of(published), "week"), False
    if groups.get("next_week"):
        return DateValue(monday_of(published) + datetime.timedelta(days=7), "week"), False
    if groups.get("weekend"):
        saturday = published - datetime.timedelta(days=(published.weekday() - 5) % 7)
        if "this" in text.lower() and future:
            saturday = published + datetime.timedelta(days=(5 - published.weekday()) % 7)
        return DateValue(saturday, "week"), False
    if groups.get("last_month"):
        first = published.replace(day=1) - one_day
        return DateValue(first.replace(day=1), "month"), False
    if groups.get("this_month"):
        return DateValue(published.replace(day=1), "month"), False
    if groups.get("year") or groups.get("from_year"):
        return DateValue(datetime.date(int(groups["year"] or groups["from_year"]), 1, 1), "year"), False
    return None, False


def find_dates(
    text: str,
    published: datetime.date | None,
    future: Callable[[int, int], bool] | bool = False,
    previous: datetime.date | None = None,
    offset: int = 0,
    tokens=None,
) -> list[FoundDate]:
    """Every date expression in `text` (one sentence), resolved.

    `future(start, end)` (or a plain bool) says whether the expression at
    those offsets of `text` is about the future; `previous` is the last day
    named before this sentence, for "a day later" and "the day before";
    `offset` is added to the returned positions. `tokens` are the parsed
    tokens of `text` (a Span starting at `offset` in its Doc); without them the
    words before an expression are read on the tokenizer's tokens of `text`.
    """
    found: list[FoundDate] = []
    if not has_date_hint(text):
        return found
    matches = list(DATE_RE.finditer(text))
    before = _WordsBefore(text, tokens, offset)
    weekday: int | None = None  # the weekday that names the calendar date after it
    for index, match in enumerate(matches):
        if match.group("wd_plain") and before.ends("NOT_A_DAY", match.start()):
            continue
        if match.group("overnight") and _night_of_next(text, match, matches[index + 1 : index + 2]):
            continue  # "overnight on Tuesday", "overnight on February 6 to 7": the day named next dates the night
        if match.group("wd_plain") and _named_by_next(text, match, matches[index + 1 : index + 2]):
            weekday = _weekday_index(match.group("wd_plain"))
            continue  # "on Friday, February 28, 2025": the calendar date says which Friday
        named_weekday, weekday = weekday, None
        if before.ends("COUNT", match.start()):  # "1,461 days since 24 February" is arithmetic
            continue
        is_future = future(match.start(), match.end()) if callable(future) else future
        if (match.group("dm") or match.group("md")) and before.ends("DEADLINE", match.start()):
            is_future = True  # "told to leave by 7 March"
        value, relative = resolve_match(match, published, is_future, previous)
        if value is None:
            continue
        if named_weekday is not None and (match.group("dm") or match.group("md")):
            value = _on_weekday(value, named_weekday)
        start, end = match.span()
        found.append(FoundDate(value, match.group(0), start + offset, end + offset, relative))
        if value.precision == "day":
            previous = value.date
    return found


@lru_cache(maxsize=1)
def _tokenizer():
    return spacy.blank("en").tokenizer


class _WordsBefore:
    """The labels of dates.jsonl whose words end just before a place in one sentence's text (only spaces
    between), found on its tokens once, when an expression first asks."""

    def __init__(self, text: str, tokens, offset: int):
        self.text, self.tokens, self.offset = text, tokens, offset
        self.ending: dict[int, set[str]] | None = None

    def _ends(self) -> dict[int, set[str]]:
        if self.ending is None:
            tokens, base = self.tokens, self.offset
            if tokens is None:
                tokens, base = _tokenizer()(self.text)[:], 0
            self.ending = {}
            for label, _start, end, _id in word_patterns(tokens.doc.vocab, WORDS_BEFORE)(tokens):
                last = tokens[end - 1]
                self.ending.setdefault(last.idx + len(last) - base, set()).add(label)
        return self.ending

    def ends(self, label: str, at: int) -> bool:
        """Whether words of `label` end before the text's position `at`, one space or more between."""
        end = at
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return end < at and label in self._ends().get(end, ())


def _named_by_next(text: str, match: re.Match[str], following: list[re.Match[str]]) -> bool:
    """Whether a weekday is followed at once by the calendar date it names ("Monday, April 18")."""
    if not following:
        return False
    after = following[0]
    calendar = any(after.group(name) for name in ("dmy", "mdy", "iso", "dm", "md"))
    return calendar and re.fullmatch(r"(?:'s)?,?\s*(?:the\s+)?", text[match.end() : after.start()]) is not None


# "overnight on Tuesday", "last night, Saturday": only these stand between a night and the day that names it
NIGHT_TO_DAY = re.compile(r"[\s,]*(?:on|of|from|into)?\s*")


def _night_of_next(text: str, match: re.Match[str], following: list[re.Match[str]]) -> bool:
    """Whether an overnight expression is followed at once by the day or date of that night."""
    return bool(following) and NIGHT_TO_DAY.fullmatch(text, match.end(), following[0].start()) is not None


def _on_weekday(value: DateValue, weekday: int) -> DateValue:
    """A day and month without a year named with its weekday ("from Wednesday, July 27", Kyiv Post, published
    on Tuesday 26 July 2022) is in the year, next to the one chosen by tense, where it falls on that weekday:
    a date keeps its weekday for at least five years, so within three years one at most fits."""
    for years in (0, 1, -1):
        try:
            day = value.date.replace(year=value.date.year + years)
        except ValueError:  # 29 February
            continue
        if day.weekday() == weekday:
            return DateValue(day, value.precision)
    return value


def resolve_expression(
    expression: str, published: datetime.date | None, future: bool = False, previous: datetime.date | None = None
) -> DateValue | None:
    """Resolve a single expression ("Wednesday", "December 28", "last week")."""
    found = find_dates(expression, published, future, previous)
    return found[0].value if found else None
