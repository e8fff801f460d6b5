"""Read an uploaded article: decode the bytes, reduce HTML to its text, drop boilerplate, find its date.

Everything downstream (extraction, the article page) works on `Document.text`, the
cleaned text, and record spans are offsets into it. Cleaning drops whole lines, markup,
and the credits, teasers and time stamps that sit between two sentences; it never
rewrites a sentence.

The publication date is looked for in the decoded text before cleaning, because the
lines that carry it (bylines, time stamps) are boilerplate that cleaning drops.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

import trafilatura


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
NO_TEXT_IN_HTML = "No article text could be found in this HTML page."

# Formats people upload by mistake; their first bytes say what they are.
BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0")
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
HTML_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


def decode(raw: bytes) -> str:
    """Turn uploaded bytes into text with `\\n` newlines, or raise UnreadableDocument."""
    if not raw.strip():
        raise UnreadableDocument(EMPTY_FILE)
    text = _decode_bytes(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocument(EMPTY_FILE)
    return text


def _decode_bytes(raw: bytes) -> str:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableDocument(BINARY_FILE) from None
    if raw.startswith(BINARY_SIGNATURES) or b"\x00" in raw:
        raise UnreadableDocument(BINARY_FILE)
    head = raw[:4096]
    if sum(byte in CONTROL_BYTES for byte in head) > 0.05 * len(head):
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
    declared = HTML_CHARSET.search(head)
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    cyrillic = _cyrillic_encoding(raw)
    if cyrillic:
        return raw.decode(cyrillic)
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it is the last resort.
        return raw.decode("latin-1")


def _cyrillic_encoding(raw: bytes) -> str | None:
    """Guess cp1251 or KOI8-R when most letters are 8-bit, as in Russian or Ukrainian text.

    Western text in cp1252 has a few accented letters among ASCII ones; Cyrillic text
    has almost all its letters above 0xC0. In cp1251 lower-case letters (the common
    ones) are 0xE0-0xFF, in KOI8-R they are 0xC0-0xDF.
    """
    ascii_letters = sum(65 <= b <= 90 or 97 <= b <= 122 for b in raw)
    lower_cp1251 = sum(b >= 0xE0 for b in raw)
    lower_koi8 = sum(0xC0 <= b < 0xE0 for b in raw)
    high = lower_cp1251 + lower_koi8
    if high < 20 or high < ascii_letters:
        return None
    return "cp1251" if lower_cp1251 >= lower_koi8 else "koi8_r"


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
# What may stand between a label and its date: "Updated: 4:52 AM EST, Thu January 5, 2023".
GAP = rf"(?:\s*(?:[:,|·•–—-]|\bat\b|\bon\b|{TIME}|{WEEKDAY}))*\s*"
LABEL = (
    r"(?:(?:^|(?<=[|·•.!?”]))[ \t]*(?P<label>first\s+published|published|posted|date|dated"
    r"|last\s+updated|updated?|(?:page\s+)?last\s+modified)\b(?:\s+on\b)?"
    r"|\bthis\s+(?:article|story|report|page|post)\b[^.\n]{0,60}?\b(?:was|is)\s+(?:first\s+|last\s+)?"
    r"(?P<phrase>published|updated|modified|posted)\b(?:\s+on\b)?)"
)

DATE_RE = re.compile(DATE, re.IGNORECASE)
LABELED_DATE_RE = re.compile(LABEL + GAP + DATE, re.IGNORECASE | re.MULTILINE)
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
# Page chrome has short sentences too ("Welcome,", "Don't have an account?"); paragraphs
# of the article are longer.
MAX_PARAGRAPHS_BEFORE_STAMP = 5
MIN_PARAGRAPH_WORDS = 12


def find_published(text: str) -> datetime.date | None:
    """The publication date the text states in a byline, date line or "Published ..." label.

    A "published" label wins over a bare date line, which wins over an "updated" label:
    an update is later than the publication. A dateline without a year ("MINSK, 21 July")
    and dates inside sentences ("on February 24, 2022") are not publication dates.
    """
    updated = None
    for match in LABELED_DATE_RE.finditer(text):
        day = _date_of(match)
        if day is None:
            continue
        label = (match.group("label") or match.group("phrase") or "").lower()
        if "updat" in label or "modified" in label:
            updated = updated or day
        else:
            return day
    # A date line belongs to the article's header: one deep in the body heads a section
    # of a timeline or a teaser for another story.
    paragraphs = 0
    for line in text.split("\n"):
        day = _stamp_date(line)
        if day is not None:
            return day
        if len(line.split()) >= MIN_PARAGRAPH_WORDS and _is_sentence(line) and not _is_junk_line(line):
            paragraphs += 1
            if paragraphs > MAX_PARAGRAPHS_BEFORE_STAMP:
                break
    # A live blog's first "Updated at" is its latest update; its oldest entry is nearer
    # the day it opened.
    entries = [_date_of(match) for match in LIVE_ENTRY_RE.finditer(text)]
    entries = [day for day in entries if day is not None]
    if len(entries) >= MIN_LIVE_ENTRIES:
        return min(entries)
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

MARKDOWN_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
MARKDOWN_LINK_RE = re.compile(r"\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
INLINE_TAG_RE = re.compile(r"</?(?:span|b|i|em|strong|u|a|font|sup|sub|small|br)\b[^>\n]*>", re.IGNORECASE)
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
    r"|\bwrites for\b|\bis a (?:correspondent|reporter)\b|\bsigning up\b|\bemail address\b|delivered to your inbox"
    r"|premium support|daily roundup|^follow \S+ coverage\b|mailing list|available to subscribers|click here"
    r"|does not support the (?:audio|video) element",
    re.IGNORECASE,
)
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
# of spaces is scanned again from each of its positions.
INLINE_CREDIT_RE = re.compile(
    rf"(?<![ \t])[ \t]*\bPhotograph: (?:[^/\n.!?“”]{{1,60}}/)*{PHOTO_AGENCY}(?=[A-Z“‘\"'\s\d]|$)"
)
# "... reserves. 01:50Zelenskiy says Russia continued to bomb Ukrainian cities – video In a further ..."
INLINE_VIDEO_RE = re.compile(r"(?<![ \t])[ \t]*(?<!\d)\d{1,2}:\d\d(?=[A-Z‘“'\"])[^\n]{1,200}? – video(?: report)?\b")
# "... economic sanctions. ‘The damage is done’: Russians face economic point of no returnRead more Panicked ..."
INLINE_READ_MORE_RE = re.compile(r"([.!?”\"’])[ \t]*[^.!?\n]{5,160}?Read more\b")
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
    for i in range(len(lines) - 1):
        # "World · February 23, 2026 · 2 mins ago" heads a teaser for another story.
        if RELATIVE_TIME_RE.search(lines[i]) and DATE_RE.search(lines[i]):
            keep[i] = keep[i + 1] = False

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
    for pattern in (INLINE_CREDIT_RE, INLINE_VIDEO_RE, INLINE_READ_MORE_RE):
        text = pattern.sub(_keep_sentences_apart, text)
    return text


def _keep_sentences_apart(match: re.Match) -> str:
    """What replaces a cut: the punctuation it kept, and a space unless one follows."""
    kept = match.group(1) if match.re.groups else ""
    following = match.string[match.end() : match.end() + 1]
    return kept if following.isspace() or not following else kept + " "


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
    if len(line.split()) > 20 or not DIGIT_RE.search(line) or not LABELED_DATE_RE.search(line):
        return False
    rest = STAMP_WORDS_RE.sub(" ", TIME_RE.sub(" ", DATE_RE.sub(" ", LABELED_DATE_RE.sub(" ", line))))
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
    for i, line in enumerate(lines):
        if not TEASER_HEADER_RE.match(line) or len(line.split()) > 6:
            continue
        if SENTENCE_END_RE.search(line) and not line.rstrip().endswith(":"):
            continue  # "Trending lower, the rouble fell." is a sentence, not a header
        keep[i] = False
        # Only a header that announces a list ("Useful reading:") takes sentences with it.
        teasers = 0 if line.rstrip().endswith(":") else MAX_TEASERS
        j = i + 1
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


# --- reading an upload ------------------------------------------------------------

HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown")
HTML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|div|p|section)\b",
    re.IGNORECASE | re.DOTALL,
)
HTML_DOCUMENT_RE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
TITLE_SUFFIX_RE = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def read_document(raw: bytes, filename: str | None = None, content_type: str | None = None) -> Document:
    """Decode an upload and return its cleaned text with the title, date and outlet it states."""
    text = decode(raw)
    if _is_html(text, filename, content_type):
        return _read_html(text)
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
    body = (extracted.text if extracted is not None else None) or ""
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
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _title_of(text: str) -> str | None:
    """The first line when it reads as a headline, without the " | Outlet" suffix."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if not first or not _is_fragment(first) or len(first.split()) < 3 or _is_list_item(first):
        return None
    return TITLE_SUFFIX_RE.sub("", first)


def _normalise_space(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(unicodedata.normalize("NFC", value).split())
    return value or None
