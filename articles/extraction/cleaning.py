"""Read an uploaded article: decode the bytes, reduce HTML to its text, drop boilerplate, find its date.

Everything downstream (extraction, the article page) works on `Document.text`, the
cleaned text, and record spans are offsets into it. Cleaning drops whole lines, markup,
and the credits, teasers and time stamps that sit between two sentences; it never
rewrites a sentence.

The publication date is looked for in the decoded text before cleaning, because the
lines that carry it (bylines, time stamps) are boilerplate that cleaning drops.

Everything here reads what an uploader chose, hostile or not: every pattern runs in
time linear in the text (tests/extraction/test_cleaning.py feeds it the lines that once
took minutes), and a page over check_html's bounds is refused before trafilatura,
whose time grows much faster than the page, ever parses it.
"""

from __future__ import annotations

import collections
import datetime
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import charset_normalizer
import trafilatura
from trafilatura.settings import Document as TrafilaturaDocument


class UnreadableDocument(ValueError):
    """The upload cannot be read as an article; the message is shown to the user as is."""


@dataclass(frozen=True)
class Document:
    text: str
    title: str | None
    published: datetime.date | None
    outlet: str | None
    url: str | None
    is_html: bool


# --- decoding -----------------------------------------------------------------

EMPTY_FILE = "The file is empty."
BINARY_FILE = "This looks like a binary file, not text or HTML."
NUL_CHARACTERS = (
    "This file contains null characters, which no text or HTML article holds. "
    "Save the article again as text (UTF-8) and upload that."
)
UNKNOWN_ENCODING = (
    "The characters of this file could not be read: it is not UTF-8 nor a Western or Cyrillic encoding "
    "Warboard knows. Save it as UTF-8 text and upload that."
)
NO_TEXT_IN_HTML = "No article text could be found in this HTML page."

# Formats people upload by mistake; their first bytes say what they are.
BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0")
# The UTF-32 marks come first: the little-endian one begins with UTF-16's.
BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
CONTROL_CHARACTERS = frozenset(map(chr, range(0x20))) - {"\t", "\n", "\x0c", "\r"}
HTML_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
# The encodings an article without a byte-order mark or a declared charset may come in:
# Western text, and Russian and Ukrainian text in every legacy Cyrillic encoding still
# met (Windows, KOI8-R and KOI8-U, DOS cp866 and its Ukrainian cp1125, Mac). Offering
# charset-normalizer only these keeps it from reading a short Western text as Polish
# cp1250, and a file none of them reads cleanly (EBCDIC, say) is refused, not garbled.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "koi8_u", "koi8_r", "cp866", "cp1125", "mac_cyrillic")


def decode(raw: bytes) -> str:
    """Turn uploaded bytes into text with `\\n` newlines, or raise UnreadableDocument."""
    if not raw.strip():
        raise UnreadableDocument(EMPTY_FILE)
    text = _decode_bytes(raw)
    # PostgreSQL stores no NUL in text, whatever encoding carried it.
    if "\x00" in text:
        raise UnreadableDocument(NUL_CHARACTERS)
    head = text[:4096]
    if sum(ch in CONTROL_CHARACTERS for ch in head) > 0.05 * len(head):
        raise UnreadableDocument(BINARY_FILE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocument(EMPTY_FILE)
    return text


def _decode_bytes(raw: bytes) -> str:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableDocument(BINARY_FILE) from None
    if raw.startswith(BINARY_SIGNATURES) or b"\x00" in raw:
        raise UnreadableDocument(BINARY_FILE)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a stray byte or two (text pasted together from two sources) reads
    # better as UTF-8 with those bytes replaced than as cp1252 mojibake throughout.
    lenient = raw.decode("utf-8", errors="replace")
    errors = lenient.count("\ufffd")
    if sum(ord(ch) > 0x7F for ch in lenient) - errors > 2 * errors:
        return lenient
    declared = HTML_CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(raw, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise UnreadableDocument(UNKNOWN_ENCODING)
    try:
        return raw.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        raise UnreadableDocument(UNKNOWN_ENCODING) from None


# --- publication date -----------------------------------------------------------

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A live blog glues the entry's time to the year ("6 Mar 202205.07"), hence the look-ahead.
YEAR = r"(?:19|20)\d\d(?:(?=\d\d[.:]\d\d)|(?!\d))"
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
TIME = (
    r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|et|zulu|z)(?:[+-]\d{1,2}(?::?\d\d)?)?)?"
)
DATE = (
    rf"(?:(?P<d1>{DAY})\s+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s+(?P<y2>{YEAR})"
    rf"|(?P<y3>(?:19|20)\d\d)[-/.](?P<m3>\d\d)[-/.](?P<d3>\d\d)(?!\d)"
    rf"|(?<!\d)(?P<d4>\d{{1,2}})(?P<sep>[./-])(?P<m4>\d{{1,2}})(?P=sep)(?P<y4>(?:19|20)\d\d)(?!\d))"
)
LABEL = (
    r"(?:(?:^|(?<=[|·•.!?”]))[ \t]*(?P<label>first\s+published|published|posted|date|dated"
    r"|last\s+updated|updated?|(?:page\s+)?last\s+modified)\b(?:\s+on\b)?"
    r"|\bthis\s+(?:article|story|report|page|post)\b[^.\n]{0,60}?\b(?:was|is)\s+(?:first\s+|last\s+)?"
    r"(?P<phrase>published|updated|modified|posted)\b(?:\s+on\b)?)"
)

DATE_RE = re.compile(DATE, re.IGNORECASE)
LABEL_RE = re.compile(LABEL, re.IGNORECASE | re.MULTILINE)
# One piece of what may stand between a label and its date: "Updated: 4:52 AM EST, Thu January 5, 2023".
GAP_PIECE_RE = re.compile(rf"\s*+(?:[:,|·•–—-]|\bat\b|\bon\b|{TIME}|{WEEKDAY})", re.IGNORECASE)
GAP_DATE_RE = re.compile(rf"\s*+{DATE}", re.IGNORECASE)
TIME_RE = re.compile(rf"\b{TIME}", re.IGNORECASE)
# Words a time stamp or byline line may carry besides its date.
STAMP_WORDS_RE = re.compile(
    rf"\b(?:{WEEKDAY}|published|posted|updated?|last|modified|page|on|at|date|first|ago|id)\b", re.IGNORECASE
)
DIGIT_RE = re.compile(r"\d")
LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")
BYLINE_START_RE = re.compile(r"^\W*(?:[Ww]ritten\s+)?[Bb]y\s+[A-Z]")
# "· 2 mins ago": the time stamp of a teaser for another story, not of this page.
RELATIVE_TIME_RE = re.compile(r"\b(?:mins?|minutes?|hours?|hrs?|days?)\s+ago\b", re.IGNORECASE)
LIVE_ENTRY_RE = re.compile(rf"(?P<d1>{DAY})\s+(?P<m1>{MONTH})\s+(?P<y1>(?:19|20)\d\d)(?=\d\d[.:]\d\d)", re.IGNORECASE)
MIN_LIVE_ENTRIES = 3
MAX_STAMP_LINE = 100
# "United States", "Russia-Ukraine war": the section a teaser's stamp may name.
MAX_SECTION_WORDS = 3
# Page chrome has short sentences too ("Welcome,", "Don't have an account?"); paragraphs
# of the article are longer.
MAX_PARAGRAPHS_BEFORE_STAMP = 5
MIN_PARAGRAPH_WORDS = 12
# A date found in the text outside these bounds is not the article's publication date: the
# war Warboard follows began in 2014, and a date after tomorrow (a day's slack for time zones)
# is a typo or a forecast.
EARLIEST_PUBLICATION = datetime.date(2014, 1, 1)


def plausible_publication(day: datetime.date, today: datetime.date | None = None) -> bool:
    """Whether a date can be an article's publication date: from 2014 to tomorrow."""
    today = today or datetime.date.today()
    return EARLIEST_PUBLICATION <= day <= today + datetime.timedelta(days=1)


def labeled_dates(text: str) -> Iterator[tuple[re.Match, re.Match]]:
    """Each "Published", "Updated on" or "This article was published" label with the date after it.

    Times, weekdays and punctuation may stand between them. The text is walked piece by
    piece rather than matched with one regex: the pieces overlap ("1:00:00" is a time, or
    a time, a colon and a time), and a backtracking regex tries every way to cut a line
    such as "Published 1" followed by ":00" sixty times, exponentially many. Here a date
    wins wherever one starts, otherwise the longest piece is taken: one pass.
    """
    position = 0
    while label := LABEL_RE.search(text, position):
        position = label.end()
        while True:
            date = GAP_DATE_RE.match(text, position)
            if date is not None:
                yield label, date
                position = date.end()
                break
            piece = GAP_PIECE_RE.match(text, position)
            if piece is None:
                break
            position = piece.end()


def find_published(text: str) -> datetime.date | None:
    """The publication date the text states in a byline, date line or "Published ..." label.

    A "published" label wins over a bare date line, which wins over an "updated" label:
    an update is later than the publication. A dateline without a year ("MINSK, 21 July")
    and dates inside sentences ("on February 24, 2022") are not publication dates.
    """
    updated = None
    for label_match, date_match in labeled_dates(text):
        day = _date_of(date_match)
        if day is None or not plausible_publication(day):
            continue
        label = (label_match.group("label") or label_match.group("phrase") or "").lower()
        if "updat" in label or "modified" in label:
            updated = updated or day
        else:
            return day
    # A date line belongs to the article's header: one deep in the body heads a section
    # of a timeline or a teaser for another story.
    paragraphs = 0
    for line in text.split("\n"):
        day = _stamp_date(line)
        if day is not None and plausible_publication(day):
            return day
        if len(line.split()) >= MIN_PARAGRAPH_WORDS and _is_sentence(line) and not _is_junk_line(line):
            paragraphs += 1
            if paragraphs > MAX_PARAGRAPHS_BEFORE_STAMP:
                break
    # A live blog's first "Updated at" is its latest update; its oldest entry is nearer
    # the day it opened.
    entries = [_date_of(match) for match in LIVE_ENTRY_RE.finditer(text)]
    days = [day for day in entries if day is not None and plausible_publication(day)]
    if len(days) >= MIN_LIVE_ENTRIES:
        return min(days)
    return updated


def _stamp_date(line: str) -> datetime.date | None:
    """The date of a line that is only a time stamp or a byline ("by Jane Doe 10:41 AM February 5, 2026")."""
    if not DIGIT_RE.search(line):
        return None
    line = _strip_markup(line).strip()
    if not line or len(line) > MAX_STAMP_LINE:
        return None
    match = DATE_RE.search(line)
    if match is None or RELATIVE_TIME_RE.search(line):
        return None
    if not BYLINE_START_RE.match(line):
        rest = line[: match.start()] + " " + line[match.end() :]
        rest = STAMP_WORDS_RE.sub(" ", TIME_RE.sub(" ", DATE_RE.sub(" ", rest)))
        if len(LETTER_WORD_RE.findall(rest)) > 1:
            return None
    return _date_of(match)


def _date_of(match: re.Match) -> datetime.date | None:
    groups = match.groupdict()
    for day_key, month_key, year_key in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if groups.get(year_key):
            month = groups[month_key]
            month = int(month) if month.isdigit() else MONTHS[month[:3].lower()]
            return _valid_date(groups[year_key], month, groups[day_key])
    if groups.get("y4"):
        day, month = int(groups["d4"]), int(groups["m4"])
        if month > 12 >= day:  # numeric dates are day-first unless that is impossible
            day, month = month, day
        return _valid_date(groups["y4"], month, day)
    return None


def _valid_date(year: str, month: int, day: str | int) -> datetime.date | None:
    day = int(re.sub(r"\D", "", str(day)))
    try:
        return datetime.date(int(year), month, day)
    except ValueError:
        return None


# --- boilerplate ------------------------------------------------------------------

# No "[" inside a link or image, nor "<" inside a tag: each attempt then stops where the next
# one starts, so a line of ten thousand "![" or "<b" is read once, not once per start.
MARKDOWN_IMAGE_RE = re.compile(r"!\[[^\[\]\n]*\]\([^)\[\n]*\)")
MARKDOWN_LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\((?:[^()\[\n]|\([^()\[\n]*\))*\)")
INLINE_TAG_RE = re.compile(r"</?(?:span|b|i|em|strong|u|a|font|sup|sub|small|br)\b[^<>\n]*>", re.IGNORECASE)
BOLD_RE = re.compile(r"\*\*")
BLANK_RUN_RE = re.compile(r"\n{3,}")
# "■" closes an Economist article.
# "…" is left out: a headline cut short for a teaser ends in it.
SENTENCE_END_RE = re.compile(r"(?:[.!?:;,][\"”’'»)\]]*|■)\s*$")
# A photo caption ends in its credit: "... in Kyiv, February 24, 2026 [Gleb Garanich/Reuters]".
CAPTION_END_RE = re.compile(r"[)\]]\s*$")
MIN_CAPTION_WORDS = 12
# Crawled pages break a sentence where a link was: "... attributed Kyiv's successes to the\n".
BROKEN_END_WORDS = frozenset(
    {
        "the", "a", "an", "of", "to", "in", "on", "over", "and", "or", "but", "with", "by", "for", "from",
        "at", "that", "as", "into", "than", "its", "their", "his", "her", "was", "were", "is", "are",
    }
)  # fmt: skip
SHARE_BUTTON = r"(?:facebook|twitter|x|email|whatsapp|linkedin|telegram|reddit|copy\ link|print)"
# Whole lines that are never article content, whatever follows them.
JUNK_LINE_RE = re.compile(
    r"""^(?:
        advertisement|advertising|ad|sponsored|skip\ to\ (?:main\ )?content|skip\ links|menu|close|share
        |share\ this(?:\ article|\ story)?|copy\ link|save(?:\ to\ read\ later)?|print|email|comments?
        |read\ more|read\ next|more\ on\ this\ story|related(?:\ (?:stories|articles|topics|content))?
        |most\ read|most\ popular|recommended|you\ may\ also\ like|top\ stories|latest(?:\ news)?|trending
        |sign\ in|log\ in|sign\ up|subscribe|back\ to\ top|data\ are\ being\ updated|map|click\ here.*
        |{share}(?:\W*{share})*
        )\W*$""".replace("{share}", SHARE_BUTTON),
    re.IGNORECASE | re.VERBOSE,
)
# Lines that start a teaser, a credit or a notice; the whole line goes.
JUNK_START_RE = re.compile(
    r"""^\W*(?:
        read\ (?:more|also|next)\b|see\ also\b|also\ read\b|related\s*:|useful\ reading\b
        |other\ topics\ of\ interest\b|more\ on\ this\ story\b|join\ us\ on\b|follow\ (?:us|our\ coverage)\b
        |(?:watch|listen|video)\s*:|(?:photograph|photo|image|picture)(?:\ source)?\s*[:,]|image\ copyright\b
        |(?:additional\ )?(?:reporting|writing|editing)\ by\b|item\ \d+\ of\ \d+\b|\[\d+/\d+\]
        |©|copyright\b|\(c\)\ \d{4}
        |exclusive\ news,\ data\ and\ analytics
        )""",
    re.IGNORECASE | re.VERBOSE,
)
# Reuters' teaser list ("Worldcategory · ...", "categoryPentagon raises ...") and the Guardian's
# video links ("04:14Inside Ukraine: life in a bunker ...") glue a label to the headline.
GLUED_TEASER_RE = re.compile(r"^(?:[A-Z][a-z]+)?category(?=[A-Z ·])|^\d{1,2}:\d\d(?=[A-Z])")
# Notices that may sit anywhere in a line: cookie banners, newsletters, licensing, credits.
JUNK_ANYWHERE_RE = re.compile(
    r"\bcookies?\b|\bnewsletters?\b|purchase licensing rights"
    r"|all rights reserved|\bprivacy policy\b|\bterms of (?:use|service)\b|contributed to this report"
    r"|\bsigning up\b|\bemail address\b|delivered to your inbox"
    r"|premium support|daily roundup|^follow \S+ coverage\b|mailing list|available to subscribers|click here"
    r"|does not support the (?:audio|video) element",
    re.IGNORECASE,
)
# "_Katarzyna Szalajko writes for OSV News from Warsaw, Poland._": a line about its author,
# whose name opens it. The news may say the same in a clause ("Viktoriia Roshchyna, who
# writes for Ukrainska Pravda, ..."), and that line stays.
AUTHOR_NOTE_RE = re.compile(r"^[\W_]*(?:[A-Z][\w'’.-]*\s+){1,4}(?:writes\s+for|is\s+a\s+(?:correspondent|reporter))\b")
MAX_AUTHOR_NOTE_WORDS = 30
BYLINE_RE = re.compile(
    r"^\W*(?:(?:[Ww]ritten\s+)?[Bb]y|[Ww]ords\s+by)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|,|de|van|von))*"
    r"(?:\s*[,|–—-].{0,60})?$"
)
# "Home :: Military :: World ::", "Home > News > Europe": where the page sits in its site.
BREADCRUMB_RE = re.compile(r"^\W*home\s*(?:::|›|»|>|/|\|)", re.IGNORECASE)
# "Anadolu | Anadolu | Getty Images", "REUTERS/Vladyslav Sodel": a photo credit on its own line.
CREDIT_LINE_RE = re.compile(r"\b(?:Getty Images|Reuters|REUTERS|AFP|AP Photo|Associated Press|Shutterstock|EPA)\b")
MAX_CREDIT_WORDS = 8
# Headers after which a list of other stories follows: the list goes with them.
TEASER_HEADER_RE = re.compile(
    r"^\W*(?:related|read more|more on this story|most read|most popular|recommended|you may also like"
    r"|top stories|latest news|trending|useful reading|what to read next|read next|more from \w+|tags)\b",
    re.IGNORECASE,
)
MAX_TEASERS = 5
MAX_TEASER_WORDS = 40
MIN_HEADLINE_RUN = 3
MAX_FRAGMENT_WORDS = 25
MAX_NOTICE_WORDS = 60

# Texts copied from a page in one line (a CSV field, say) keep their furniture inline,
# between two sentences. The Guardian's is regular enough to cut out:
# "... in Kharkiv. Photograph: Sergey Bobok/AFP/Getty Images The talks ..."
PHOTO_AGENCY = (
    r"(?:Getty Images|Getty|AFP|Reuters|EPA-EFE|EPA|AP|PA|Shutterstock|Rex Features|Rex|Sipa USA|Sipa"
    r"|SOPA Images|LightRocket|NurPhoto|Anadolu Agency|Anadolu|Bloomberg|Tass|TASS|Sputnik|Ukrinform|Alamy"
    r"|UPI|DPA|dpa|Zuma Press|ZUMA|Xinhua|Abaca|Handout|Pool|Maxar Technologies|MaxarTech|Planet Labs"
    r"|The Observer|The Guardian|Twitter|Telegram|Facebook|[A-Z]{2,}(?:-[A-Z]+)?(?![A-Z]))(?!/)"
)
# The look-behind makes a cut start at the first of a run of spaces: without it, a long run
# of spaces is scanned again from each of its positions. A credit has a few parts
# ("Sergey Bobok/AFP/Getty Images"); bounding them bounds what each "Photograph:" reads.
INLINE_CREDIT_RE = re.compile(
    rf"(?<![ \t])[ \t]*\bPhotograph: (?:[^/\n.!?“”]{{1,60}}/){{0,6}}{PHOTO_AGENCY}(?=[A-Z“‘\"'\s\d]|$)"
)
# "... reserves. 01:50Zelenskiy says Russia continued to bomb Ukrainian cities – video In a further ..."
INLINE_VIDEO_RE = re.compile(r"(?<![ \t])[ \t]*(?<!\d)\d{1,2}:\d\d(?=[A-Z‘“'\"])[^\n]{1,200}? – video(?: report)?\b")
# "... economic sanctions. ‘The damage is done’: Russians face economic point of no returnRead more Panicked ..."
# The spaces are taken once (`*+`): the teaser's own characters may be spaces too, and
# otherwise every split of a long run of spaces between the two is tried.
INLINE_READ_MORE_RE = re.compile(r"([.!?”\"’])[ \t]*+[^.!?\n]{5,160}?Read more\b")
# "... of its hinterland to retaliation. Sign up to First Edition, our free daily newsletter – every
# weekday morning at 7am BST Ukraine began the war ...": a newsletter promo between two sentences,
# whose last words (a delivery time) close no sentence, so the tokenizer would glue it to the next
# one. The promo needs its imperative "Sign up" after a sentence's end (or at a line's start) and
# "newsletter" in its first clause; a sentence that mentions signing up ("Finland signed up to
# the coalition") has neither. The time after the dash is cut only as a time ("7am", "7am BST").
INLINE_PROMO_RE = re.compile(
    r"(?:([.!?”\"’])[ \t]++|^)Sign up (?:to|for) [^.!?\n]{1,80}?\bnewsletter\b"
    r"(?:[ \t]*[–—-][ \t]*[^.!?\n]{1,60}?\b\d{1,2}(?:[.:]\d\d)?[ \t]?[ap]m\b"
    r"(?:[ \t]+(?:BST|GMT|UTC|CET|CEST|EST|EDT|ET|AEST|AEDT)\b)?)?[ \t]*+(?=[A-Z“‘\"']|$)",
    re.MULTILINE,
)
# A live blog's entry stamps, "Updated at 23.00 GMT 6 Mar 202205.07Thank you for ...": each
# entry becomes its own paragraph.
LIVE_STAMP_RE = re.compile(
    r"Updated at \d{1,2}[.:]\d\d\s*(?:[A-Z]{2,4}\s*)?\d{1,2} [A-Z][a-z]{2} (?:19|20)\d\d(?:\d{1,2}[.:]\d\d)?"
    r"|\b\d{1,2} [A-Z][a-z]{2} (?:19|20)\d\d\d{1,2}[.:]\d\d"
    r"|\A\d{1,2}\.\d\d(?=[A-Z][a-z])"
)


INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u2060\ufeff]")


def clean_text(text: str) -> str:
    """Drop the lines that are not the article: headline lists, teasers, navigation, credits, notices.

    Whole lines go, with inline markup and the credits and teasers that sit between two
    sentences; a sentence that stays reads as it did. A run of three or more lines that
    are not sentences (no closing punctuation) is a list of other headlines or a menu:
    seed articles end in such a block of unrelated headlines, and crawled pages open with
    their site menu. The lines of an article end in punctuation; a lone heading between
    paragraphs stays. After the last paragraph, such lines (tags, share buttons) go too.
    """
    # Soft hyphens and zero-width spaces are invisible but glue words and sentences together
    # for the tokenizer ("grants.\u00ad UK export finance" read as one sentence).
    text = INVISIBLE_RE.sub("", text)
    text = _cut_inline_furniture(text.replace("\r\n", "\n"))
    lines = [_strip_markup(line).rstrip() for line in text.split("\n")]
    keep = [bool(line.strip()) and not _is_junk_line(line) for line in lines]
    _drop_stamped_teasers(lines, keep)

    # A paste of nothing but a headline is all the user has; keep it rather than nothing.
    kept_lines = [line for line, kept in zip(lines, keep, strict=True) if kept]
    if len(kept_lines) < MIN_HEADLINE_RUN and not any(_is_sentence(line) for line in kept_lines):
        return _join_kept(lines, keep)

    fragment = [keep[i] and _is_fragment(lines[i]) for i in range(len(lines))]
    for i in range(1, len(lines)):
        # The line after a broken sentence is its continuation, not a headline.
        if fragment[i] and keep[i - 1] and _ends_broken(lines[i - 1]):
            fragment[i] = False
    _drop_fragment_runs(lines, keep, fragment)
    _drop_teaser_blocks(lines, keep, fragment)
    _drop_trailing_fragments(lines, keep)

    return _join_kept(lines, keep)


def _join_kept(lines: list[str], keep: list[bool]) -> str:
    # Dropped lines leave blank lines behind; a paragraph break stays one blank line.
    out = "\n".join(line if keep[i] else "" for i, line in enumerate(lines))
    out = BLANK_RUN_RE.sub("\n\n", out).strip()
    return out + "\n" if out else ""


def _is_sentence(line: str) -> bool:
    return bool(line.strip()) and not _is_fragment(line)


def _cut_inline_furniture(text: str) -> str:
    text = LIVE_STAMP_RE.sub("\n\n", text)
    for pattern in (INLINE_CREDIT_RE, INLINE_VIDEO_RE, INLINE_READ_MORE_RE, INLINE_PROMO_RE):
        text = pattern.sub(_keep_sentences_apart, text)
    return text


def _keep_sentences_apart(match: re.Match) -> str:
    """What replaces a cut: the punctuation it kept, and a space unless one follows or the line starts."""
    kept = (match.group(1) or "") if match.re.groups else ""
    following = match.string[match.end() : match.end() + 1]
    at_line_start = match.start() == 0 or match.string[match.start() - 1] == "\n"
    return kept if following.isspace() or not following or (at_line_start and not kept) else kept + " "


def _strip_markup(line: str) -> str:
    line = MARKDOWN_IMAGE_RE.sub("", line)
    line = MARKDOWN_LINK_RE.sub(r"\1", line)
    line = INLINE_TAG_RE.sub("", line)
    return BOLD_RE.sub("", line)


def _is_junk_line(line: str) -> bool:
    stripped = line.strip()
    if not any(ch.isalnum() for ch in stripped):
        return True
    if JUNK_LINE_RE.match(stripped) or JUNK_START_RE.match(stripped) or GLUED_TEASER_RE.match(stripped):
        return True
    if BREADCRUMB_RE.match(stripped) or not any(ch.isalpha() for ch in stripped):
        return True  # a breadcrumb, or a line of page numbers, times or phone numbers
    words = len(stripped.split())
    if words <= MAX_CREDIT_WORDS and not SENTENCE_END_RE.search(stripped) and CREDIT_LINE_RE.search(stripped):
        return True
    if words <= MAX_NOTICE_WORDS and JUNK_ANYWHERE_RE.search(stripped):
        # An article may mention a newsletter; a notice asks you to sign up for it.
        lowered = stripped.lower()
        if "newsletter" not in lowered or "sign up" in lowered or "subscribe" in lowered:
            return True
    if words <= MAX_AUTHOR_NOTE_WORDS and AUTHOR_NOTE_RE.match(stripped):
        return True
    if words <= 12 and not SENTENCE_END_RE.search(stripped) and BYLINE_RE.match(stripped):
        return True
    if words <= 5 and stripped.startswith("(") and stripped.endswith(")"):
        return True  # "(ASSOCIATED PRESS)", "(AFP Photo)": a credit on its own line
    if words >= 3 and stripped.isupper() and not SENTENCE_END_RE.search(stripped):
        # "FIVE REASONS WHY RUSSIA IS LIKELY BEHIND ...": a link to another story.
        return True
    return _stamp_date(stripped) is not None or _is_date_notice(stripped)


def _is_date_notice(line: str) -> bool:
    """A line that only says when the article was published or updated."""
    if len(line.split()) > 20 or not DIGIT_RE.search(line):
        return False
    spans = [(label.start(), date.end()) for label, date in labeled_dates(line)]
    if not spans:
        return False
    rest = line
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    rest = STAMP_WORDS_RE.sub(" ", TIME_RE.sub(" ", DATE_RE.sub(" ", rest)))
    return len(LETTER_WORD_RE.findall(rest)) <= 3


def _is_fragment(line: str) -> bool:
    """A line that is not a sentence: a headline, a menu item, a time, a tag."""
    stripped = line.strip()
    words = len(stripped.split())
    if SENTENCE_END_RE.search(stripped) or _ends_broken(stripped):
        return False
    if words >= MIN_CAPTION_WORDS and CAPTION_END_RE.search(stripped):
        return False
    return words <= MAX_FRAGMENT_WORDS


def _ends_broken(line: str) -> bool:
    words = line.split()
    return bool(words) and words[-1] in BROKEN_END_WORDS


def _stamp_section(line: str) -> str | None:
    """The section a date-and-age stamp names ("" for none), or None when the line is no such stamp.

    "World · February 23, 2026 · 7:54 PM UTC · 2 mins ago" names "World"; "6 Mar 2022
    14.05 GMT · 3 days ago" names none; "Three days ago, on 3 March, Russian forces
    shelled Kharkiv." is a sentence, no stamp.
    """
    if len(line) > MAX_STAMP_LINE or not RELATIVE_TIME_RE.search(line) or SENTENCE_END_RE.search(line):
        return None
    if not DATE_RE.search(line):
        return None
    rest = STAMP_WORDS_RE.sub(" ", TIME_RE.sub(" ", DATE_RE.sub(" ", RELATIVE_TIME_RE.sub(" ", line))))
    words = LETTER_WORD_RE.findall(rest)
    return " ".join(words) if len(words) <= MAX_SECTION_WORDS else None


def _drop_stamped_teasers(lines: list[str], keep: list[bool]) -> None:
    """Drop each date-and-age stamp, and the summary under it when it teases another story.

    A site's list of other stories stamps each with its section, date and age over a
    one-paragraph summary, between links to those stories (lines dropped already). A
    live blog stamps its entries with their date and age too, over its own reporting:
    the line under a stamp goes only when the stamp names a section or the lines around
    are dropped ones. A line of reporting that mentions "three days ago" and a date is a
    sentence, not a stamp, and stays with the line after it.
    """
    previous = None  # the last non-blank line before the one looked at
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        section = _stamp_section(line)
        if section is not None:
            keep[i] = False
            summary = _next_filled(lines, i + 1)
            after = _next_filled(lines, summary + 1) if summary is not None else None
            among_links = previous is not None and not keep[previous] and (after is None or not keep[after])
            if summary is not None and (section or among_links):
                keep[summary] = False
        previous = i


def _next_filled(lines: list[str], start: int) -> int | None:
    return next((k for k in range(start, len(lines)) if lines[k].strip()), None)


def _is_list_item(line: str) -> bool:
    """An item of a list the article itself gives ("* 1,000 Javelin missiles")."""
    stripped = line.strip()
    return bool(re.match(r"^(?:[-*•·–]|\d+[.)])\s", stripped)) and any(ch.isdigit() for ch in stripped[2:])


def _drop_fragment_runs(lines: list[str], keep: list[bool], fragment: list[bool]) -> None:
    """Drop runs of MIN_HEADLINE_RUN+ fragment lines (blank lines do not break a run).

    A run that follows a line ending in ":" and is made of list items is the article's
    own list (an aid package, say), not a menu.
    """
    i = 0
    n = len(lines)
    while i < n:
        if not fragment[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and (not lines[j].strip() or not keep[j] or fragment[j]):
            if fragment[j]:
                run.append(j)
            j += 1
        if len(run) >= MIN_HEADLINE_RUN and not _is_article_list(lines, keep, run):
            for k in run:
                keep[k] = False
                fragment[k] = False
        i = j


def _is_article_list(lines: list[str], keep: list[bool], run: list[int]) -> bool:
    before = next((lines[k] for k in range(run[0] - 1, -1, -1) if keep[k] and lines[k].strip()), "")
    items = sum(_is_list_item(lines[k]) for k in run)
    return before.rstrip().endswith(":") and items * 2 >= len(run)


def _drop_teaser_blocks(lines: list[str], keep: list[bool], fragment: list[bool]) -> None:
    """Drop a "Related" / "Useful reading:" header with the headlines or one-line teasers under it.

    Teasers are cut at the next blank line, and only short lines up to MAX_TEASERS
    of them, so that a paragraph after a stray header survives.
    """
    walked_to = 0
    for i, line in enumerate(lines):
        if not TEASER_HEADER_RE.match(line) or len(line.split()) > 6:
            continue
        if SENTENCE_END_RE.search(line) and not line.rstrip().endswith(":"):
            continue  # "Trending lower, the rouble fell." is a sentence, not a header
        keep[i] = False
        # Only a header that announces a list ("Useful reading:") takes sentences with it.
        teasers = 0 if line.rstrip().endswith(":") else MAX_TEASERS
        # A header inside the block of the one before goes on where that block stopped: the
        # lines between are dropped already, and walking them again for each of ten thousand
        # "Related" lines would take quadratic time.
        j = max(i + 1, walked_to)
        while j < len(lines) and lines[j].strip():
            if fragment[j] or not keep[j]:
                pass
            elif teasers < MAX_TEASERS and len(lines[j].split()) <= MAX_TEASER_WORDS:
                teasers += 1
            else:
                break
            keep[j] = False
            fragment[j] = False
            j += 1
        walked_to = j


def _drop_trailing_fragments(lines: list[str], keep: list[bool]) -> None:
    """After the last sentence of the article only tags, share links, teasers and labels remain."""
    for i in range(len(lines) - 1, -1, -1):
        if not keep[i] or not lines[i].strip():
            continue
        words = len(lines[i].split())
        label = lines[i].rstrip().endswith(":") and words <= 4  # "Business Line:"
        # Also "You must be / logged in", a short line that only seems to go on.
        unfinished = not SENTENCE_END_RE.search(lines[i]) and words <= MAX_FRAGMENT_WORDS
        if not (label or unfinished):
            return
        keep[i] = False


# --- HTML bounds ----------------------------------------------------------------------

# What trafilatura (lxml, then its own walks over the tree) can read in reasonable time.
# Its time grows faster than the page: measured here, 8,000 attributes on one tag take
# 1.3 s and 100,000 took 489 s; 80,000 elements take 9 s. Saved news pages stay far
# below (a 1.8 MB page has 24,500 elements, 11 attributes at most, nesting 14 deep).
MAX_HTML_ELEMENTS = 50_000
# Start and end tags and comments: each costs this pass a step, so there is a bound on all of them.
MAX_HTML_TAGS = 2 * MAX_HTML_ELEMENTS
MAX_HTML_ATTRIBUTES = 256
MAX_HTML_DEPTH = 512
HTML_TOO_COMPLEX = "This HTML page is too complex to read: {detail}. Save the article as text and upload that."

# One token of a page: a comment, a declaration (<!doctype html>), or a tag with its
# attributes. Every part is taken once (`*+`, `++`) and may run to the end of the page
# (`\Z`), so an unclosed quote or tag is read once instead of again from each "<" inside it.
HTML_TOKEN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<[!?][^>]*+(?:>|\Z)"
    r"|<(?P<end>/?)(?P<name>[A-Za-z][^\s/>]*+)"
    r"(?P<attributes>(?:[^>\"']++|\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z))*+)(?:>|\Z)",
    re.DOTALL,
)
HTML_ATTRIBUTE_RE = re.compile(r"""[^\s/>"'=][^\s/>"'=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+))?""")
LETTER_RE = re.compile(r"[^\W\d_]")
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements whose content is not markup: a script's "a<b" is no tag.
RAW_TEXT_END_RE = {
    name: re.compile(rf"</{name}(?=[\s/>]|\Z)", re.IGNORECASE)
    for name in ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
}
# An open element that a new one of these closes (an unclosed <p> or <li> is not nested in the next).
IMPLIED_END = {
    "p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"},
    "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"},
}  # fmt: skip


def check_html(html: str) -> None:
    """Refuse, in one linear pass, a page too complex for trafilatura or one without any text.

    Elements and their attributes are counted, and nesting followed as a browser would
    roughly: void and self-closed elements hold nothing, an end tag closes what it names.
    """
    elements = tags = 0
    open_elements: list[str] = []
    open_names: collections.Counter[str] = collections.Counter()  # so an end tag is looked up at once
    in_head = has_text = False
    position = 0
    while (token := HTML_TOKEN_RE.search(html, position)) is not None:
        if not has_text and not in_head:
            has_text = LETTER_RE.search(html, position, token.start()) is not None
        position = token.end()
        tags += 1
        if tags > MAX_HTML_TAGS:
            raise UnreadableDocument(HTML_TOO_COMPLEX.format(detail=f"it has more than {MAX_HTML_TAGS:,} tags"))
        name = (token.group("name") or "").lower()
        if not name:
            continue  # a comment
        if token.group("end"):
            if open_names[name]:
                while (closed := open_elements.pop()) != name:
                    open_names[closed] -= 1
                open_names[name] -= 1
            in_head = in_head and name != "head"
            continue
        elements += 1
        if elements > MAX_HTML_ELEMENTS:
            raise UnreadableDocument(HTML_TOO_COMPLEX.format(detail=f"it has more than {MAX_HTML_ELEMENTS:,} elements"))
        attributes = token.group("attributes")
        # Counted up to one past the bound: 100,000 attributes are not all read.
        found = itertools.islice(HTML_ATTRIBUTE_RE.finditer(attributes), MAX_HTML_ATTRIBUTES + 1)
        if sum(1 for _ in found) > MAX_HTML_ATTRIBUTES:
            detail = f"one of its elements (<{name[:20]}>) has more than {MAX_HTML_ATTRIBUTES} attributes"
            raise UnreadableDocument(HTML_TOO_COMPLEX.format(detail=detail))
        in_head = name == "head" or (in_head and name != "body")
        if name in RAW_TEXT_END_RE:
            end = RAW_TEXT_END_RE[name].search(html, position)
            position = end.start() if end else len(html)
        if name in VOID_ELEMENTS or attributes.rstrip().endswith("/"):
            continue
        if open_elements and open_elements[-1] in IMPLIED_END.get(name, ()):
            open_names[open_elements.pop()] -= 1
        open_elements.append(name)
        open_names[name] += 1
        if len(open_elements) > MAX_HTML_DEPTH:
            detail = f"its elements are nested more than {MAX_HTML_DEPTH} deep"
            raise UnreadableDocument(HTML_TOO_COMPLEX.format(detail=detail))
    if not has_text and not in_head:
        has_text = LETTER_RE.search(html, position) is not None
    if not has_text:
        raise UnreadableDocument(NO_TEXT_IN_HTML)


# --- reading an upload ------------------------------------------------------------

HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown")
# The comments are taken once (`*+`): a run of comments can be cut in exponentially many ways.
HTML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*+<(?:!doctype\s+html|html|head|body|article|main|div|p|section)\b",
    re.IGNORECASE | re.DOTALL,
)
HTML_DOCUMENT_RE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
# Starting at the first of a run of spaces, so a long run is not scanned from each of its positions.
TITLE_SUFFIX_RE = re.compile(r"(?<!\s)\s+[|–—-]\s++[^|–—-]{2,60}$")
# A title the article list shows in one line.
MAX_TITLE_CHARS = 120


def read_document(raw: bytes, filename: str | None = None, content_type: str | None = None) -> Document:
    """Decode an upload and return its cleaned text with the title, date and outlet it states."""
    text = decode(raw)
    if _is_html(text, filename, content_type):
        check_html(text)
        return _read_html(text)
    return _read_text(text)


def check_document(raw: bytes, filename: str | None = None, content_type: str | None = None) -> Document:
    """Read an upload as far as a web request should, or raise UnreadableDocument.

    A text is read wholly: cleaning it is linear and quick. An HTML page is decoded and
    checked (its bounds, some text) but not reduced: trafilatura takes seconds per
    megabyte, and the worker runs it anyway. The Document of a page has no text yet, nor
    a title, date or outlet; the worker finds them.
    """
    text = decode(raw)
    if _is_html(text, filename, content_type):
        check_html(text)
        return Document(text="", title=None, published=None, outlet=None, url=None, is_html=True)
    return _read_text(text)


def _read_text(text: str) -> Document:
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise UnreadableDocument("No article text was left once page furniture was removed.")
    return Document(
        text=cleaned,
        title=_title_of(cleaned),
        published=find_published(text),
        outlet=None,
        url=None,
        is_html=False,
    )


def _is_html(text: str, filename: str | None, content_type: str | None) -> bool:
    name = (filename or "").lower()
    if name.endswith(HTML_EXTENSIONS):
        return True
    if name.endswith(TEXT_EXTENSIONS):
        return False
    if content_type and "html" in content_type.lower():
        return True
    return bool(HTML_START_RE.match(text[:4096]))


def _read_html(html: str) -> Document:
    if not HTML_DOCUMENT_RE.search(html[:4096]):
        # A bare fragment ("<div><p>...") is one element to trafilatura, which it discards.
        html = f"<html><body>{html}</body></html>"
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        # The extensive search reads dates out of links and image paths, which are not the page's date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # A dict comes back only with as_dict=True; None when trafilatura found no page.
    if not isinstance(extracted, TrafilaturaDocument):
        raise UnreadableDocument(NO_TEXT_IN_HTML)
    body = extracted.text or ""
    if not any(ch.isalpha() for ch in body):
        raise UnreadableDocument(NO_TEXT_IN_HTML)
    cleaned = clean_text(body)
    if not cleaned.strip():
        raise UnreadableDocument(NO_TEXT_IN_HTML)
    published = find_published(body) or _metadata_date(extracted.date)
    title = _normalise_space(extracted.title) or _title_of(cleaned)
    return Document(
        text=cleaned,
        title=title,
        published=published,
        outlet=_normalise_space(extracted.sitename),
        url=extracted.url or None,
        is_html=True,
    )


def _metadata_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        day = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day if plausible_publication(day) else None


def _title_of(text: str) -> str | None:
    """The first line when it reads as a headline, without the " | Outlet" suffix."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if not first or not _is_fragment(first) or len(first.split()) < 3 or _is_list_item(first):
        return None
    return TITLE_SUFFIX_RE.sub("", first)


def opening_line(text: str) -> str:
    """The first line of a text, cut at a word to at most MAX_TITLE_CHARS: what names an untitled article."""
    first = " ".join(next((line for line in text.split("\n") if line.strip()), "").split())
    if len(first) <= MAX_TITLE_CHARS:
        return first
    return first[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + "…"


def _normalise_space(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(unicodedata.normalize("NFC", value).split())
    return value or None
