"""Numbers as news articles write them: digits, words, qualifiers, money.

parse_quantity("2,800")          -> Quantity(2800, 2800)
parse_quantity("eighteen")       -> Quantity(18, 18)
parse_quantity("at least 55")    -> Quantity(55, None)
parse_quantity("up to 40")       -> Quantity(None, 40)
parse_quantity("70,000-80,000")  -> Quantity(70000, 80000)
parse_quantity("dozens")         -> None (vague amounts give no record)
parse_money("$1.2bn")            -> Money(Decimal("1200000000"), "USD")
parse_money("five million euro") -> Money(Decimal("5000000"), "EUR")
millions_after_billions(Decimal(2_000_000_000), "$ 2 billion $ 980 million", 11)
                                 -> (Decimal("2980000000"), 25)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Quantity:
    min: int | None
    max: int | None


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str


UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
}  # fmt: skip
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "k": 1_000,
}
# Words that stand for no exact count: "hundreds", "dozens", "thousands", "scores".
VAGUE = re.compile(r"^(?:hundreds|dozens|thousands|scores|tens|millions|several|many|a few|few|some)$", re.I)

_WORDS = sorted((re.escape(w) for w in UNITS if w != "a dozen"), key=len, reverse=True)
WORD_NUMBER = r"(?:{})\b".format("|".join(_WORDS))
# One number: "2,800", "21.3", "1 200", "twenty-two", "a dozen", "three hundred".
NUMBER = (
    r"(?:\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?:a\s+)?" + WORD_NUMBER + r"(?:[-\s]" + WORD_NUMBER + r")?(?:\s+(?:hundred|thousand))?)"
)
SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion|mln|mn|bn|tn|m|b|k)\b)?"
QUALIFIER_MIN = (
    r"at\s+least|more\s+than|over|in\s+excess\s+of|upwards\s+of|above|no\s+fewer\s+than|no\s+less\s+than"
    r"|exceeding|exceeded|surpassed|topped|passed"
)
QUALIFIER_MAX = r"up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|at\s+most|no\s+more\s+than|under|below"
QUALIFIER_EXACT = (
    r"an\s+estimated|estimated|about|around|roughly|approximately|some|nearly|almost|close\s+to|"
    r"just\s+under|just\s+over|at\s+about|a\s+total\s+of|a\s+further|another|only|just"
)
# QUANTITY_RE has no anchor, so a search tries it at every character: a lookahead of the characters its
# alternatives begin with (QUANTITY_STARTS; a new alternative beginning with another must add it,
# tests/extraction/test_speed2.py checks) fails at once at any other, and finds the same matches.
QUANTITY_STARTS = r"\dabcdefijlmnoprstuz"
QUANTITY_RE = re.compile(
    r"(?=[" + QUANTITY_STARTS + r"])"
    r"(?:(?P<qual>" + QUALIFIER_MIN + "|" + QUALIFIER_MAX + "|" + QUALIFIER_EXACT + r")\s+)?"
    r"(?:between\s+)?(?P<first>" + NUMBER + ")" + r"(?P<firstscale>" + SCALE + ")"
    r"(?:\s*(?:-|–|—|to|and|or)\s*(?P<second>" + NUMBER + r")(?P<secondscale>" + SCALE + "))?",
    re.I,
)
# Every count holds a digit or a number word: a text with neither has none.
_NUMBER_HINT = re.compile(r"\d|" + WORD_NUMBER)
# QUANTITY_RE without IGNORECASE (its letters are all lower case), searched in the lowercased text: four times
# cheaper, and the same matches but on a text holding a letter IGNORECASE reads as an ASCII one that lowercasing
# does not give ("ſ", "ı") or one lowercased to two characters ("İ"); tests/extraction/test_speed2.py derives them.
_QUANTITY_LOWER = re.compile(QUANTITY_RE.pattern)
_CASE_UNSAFE = re.compile("[\u0130\u0131\u017f]")
_MIN_RE = re.compile(r"^(?:" + QUALIFIER_MIN + r")$", re.I)
_MAX_RE = re.compile(r"^(?:" + QUALIFIER_MAX + r")$", re.I)
_EXACT_JUST = re.compile(r"^just\s+(under|over)$", re.I)

CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "A$": "AUD", "C$": "CAD"}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "pounds": "GBP", "pound": "GBP", "gbp": "GBP", "sterling": "GBP", "yen": "JPY", "jpy": "JPY",
    "kroner": "NOK", "krone": "NOK", "nok": "NOK", "kronor": "SEK", "sek": "SEK",
    "hryvnias": "UAH", "hryvnia": "UAH", "uah": "UAH", "roubles": "RUB", "rubles": "RUB",
    "francs": "CHF", "chf": "CHF", "zlotys": "PLN", "zloty": "PLN", "pln": "PLN",
    "cad": "CAD", "aud": "AUD", "dkk": "DKK", "czk": "CZK",
}  # fmt: skip
# "five", "twenty-five", "two hundred and fifty": the words of a number below a thousand
_TENS_AND_UNITS = WORD_NUMBER + r"(?:[-\s]" + WORD_NUMBER + r")?"
_WORDS_BELOW_THOUSAND = _TENS_AND_UNITS + r"(?:\s+hundred(?:\s+(?:and\s+)?" + _TENS_AND_UNITS + r")?)?"
_CURRENCY_WORD = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
MONEY_RE = re.compile(
    r"(?P<sym>US\$|A\$|C\$|\$|€|£|¥)\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<scale>"
    + SCALE
    + r")"
    + r"|(?P<num2>\d[\d,]*(?:\.\d+)?)(?P<scale2>"
    + SCALE
    + r")\s*(?P<word>"
    + _CURRENCY_WORD
    + r")\b"
    # "five million euro", "almost three billion dollars": a number in words takes a scale before its currency
    + r"|\b(?P<words>"
    + _WORDS_BELOW_THOUSAND
    + r")\s+(?P<wordscale>thousand|million|billion|trillion)\s+(?P<wordcurrency>"
    + _CURRENCY_WORD
    + r")\b",
    re.I,
)

# The millions written after the billions of one amount ("$ 2 billion $ 980 million", "$ 11 billion 700 million"):
# a layout of a number; MONEY_RE reads "$ 2 billion" alone.
MILLIONS_AFTER_BILLIONS = re.compile(r"\s*(?:[$€£]\s?)?(?P<millions>\d{1,3})\s+million\b")
BILLION = Decimal(1_000_000_000)


def word_value(text: str) -> int | None:
    """The value of one number written in digits or words, without qualifier."""
    text = text.strip().lower().replace("\u00a0", " ")
    if not text:
        return None
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+", text):
        return int(re.sub(r"[, ]", "", text))
    if re.fullmatch(r"\d+", text):
        return int(text)
    if text.startswith("a "):
        text = text[2:]
    total = 0
    current = 0
    seen = False
    for part in re.split(r"[-\s]+", text):
        if part in ("and", ""):
            continue
        if part in UNITS:
            current += UNITS[part]
            seen = True
        elif part in ("hundred",):
            current = (current or 1) * 100
            seen = True
        elif part in ("thousand", "million", "billion"):
            total += (current or 1) * SCALES[part]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _value(number: str, scale: str) -> int | None:
    number = number.strip()
    scale = (scale or "").strip().lower()
    if re.fullmatch(r"[\d,\u00a0 ]*\.\d+", number):
        try:
            base = Decimal(re.sub(r"[,\u00a0 ]", "", number))
        except InvalidOperation:
            return None
        if not scale:
            return None
        return int(base * SCALES[scale])
    value = word_value(number)
    if value is None:
        return None
    if scale:
        value *= SCALES[scale]
    return value


def parse_quantity(text: str) -> Quantity | None:
    """The count in `text` (a qualifier and a number, or a range), or None."""
    text = text.strip()
    if not text or VAGUE.match(text):
        return None
    match = QUANTITY_RE.search(text)
    if not match:
        return None
    return quantity_from_match(match)


def find_quantities(text: str) -> Iterator[re.Match[str]]:
    """The matches of QUANTITY_RE.finditer(text), found in the lowercased text where that gives the same."""
    if _CASE_UNSAFE.search(text):
        yield from QUANTITY_RE.finditer(text)
        return
    lowered = text.lower()
    if not _NUMBER_HINT.search(lowered):
        return
    for found in _QUANTITY_LOWER.finditer(lowered):
        match = QUANTITY_RE.match(text, found.start())
        assert match is not None and match.end() == found.end()
        yield match


def quantity_from_match(match: re.Match[str]) -> Quantity | None:
    first = _value(match.group("first"), match.group("firstscale"))
    if first is None:
        return None
    if match.group("second"):
        second = _value(match.group("second"), match.group("secondscale") or match.group("firstscale"))
        if second is not None and second > first:
            # "between 40 and 50", "70,000-80,000"; scale shared: "20 to 30 thousand"
            if not match.group("firstscale") and match.group("secondscale"):
                first *= SCALES[match.group("secondscale").strip().lower()]
            elif first < 1000 <= second and second % 1000 == 0 and first * 1000 < second <= first * 2000:
                first *= 1000  # "70 or 80,000": the thousands are shared
            return Quantity(first, second)
    qual = (match.group("qual") or "").lower()
    if qual and not _EXACT_JUST.match(qual):
        if _MIN_RE.match(qual):
            return Quantity(first, None)
        if _MAX_RE.match(qual):
            return Quantity(None, first)
    return Quantity(first, first)


def parse_money(text: str) -> Money | None:
    """The first amount of money in `text`: "$1.2bn" -> 1200000000 USD."""
    match = MONEY_RE.search(text)
    if not match:
        return None
    if match.group("words"):
        value = word_value(match.group("words"))
        if value is None:
            return None
        currency = CURRENCY_WORDS[match.group("wordcurrency").lower()]
        return Money(Decimal(value * SCALES[match.group("wordscale").lower()]), currency)
    if match.group("sym"):
        number, scale, currency = match.group("num"), match.group("scale"), CURRENCY_SYMBOLS[match.group("sym")]
    else:
        number, scale = match.group("num2"), match.group("scale2")
        currency = CURRENCY_WORDS[match.group("word").lower()]
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    scale = (scale or "").strip().lower()
    if scale:
        amount *= SCALES[scale]
    return Money(amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount, currency)


def millions_after_billions(amount: Decimal, text: str, at: int) -> tuple[Decimal, int] | None:
    """An amount of whole billions that ends at `at` in `text` joined to the millions written right after it
    ("$ 2 billion $ 980 million": 2,980 million), and the end of those; None when no millions follow."""
    if amount % BILLION != 0:
        return None
    match = MILLIONS_AFTER_BILLIONS.match(text, at)
    if not match:
        return None
    return amount + Decimal(match.group("millions")) * 1_000_000, match.end()
