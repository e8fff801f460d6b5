"""Reading uploads: decoding, HTML reduction, boilerplate removal and publication dates."""

import contextlib
import datetime
import re
import time
from pathlib import Path

import pytest

from articles.extraction.cleaning import (
    NUL_CHARACTERS,
    UNKNOWN_ENCODING,
    UnreadableDocument,
    check_document,
    check_html,
    clean_text,
    decode,
    find_published,
    opening_line,
    read_document,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def seed(name: str) -> bytes:
    return (FIXTURES / "seed" / name).read_bytes()


def html_fixture(name: str) -> bytes:
    return (FIXTURES / "html" / name).read_bytes()


# --- decoding -------------------------------------------------------------------


def test_it_rejects_an_empty_file():
    with pytest.raises(UnreadableDocument, match="^The file is empty.$"):
        decode(b"")


def test_it_rejects_a_whitespace_only_file():
    with pytest.raises(UnreadableDocument, match="^The file is empty.$"):
        read_document(b" \n\r\n\t  \n", filename="blank.txt")


def test_it_rejects_a_binary_file():
    with pytest.raises(UnreadableDocument, match="binary file"):
        decode(b"\x00\x01\x02\x03ELF\x00\x00" * 20)


def test_it_rejects_a_pdf():
    with pytest.raises(UnreadableDocument, match="binary file"):
        read_document(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", filename="article.pdf")


def test_it_rejects_text_full_of_control_characters():
    with pytest.raises(UnreadableDocument, match="binary file"):
        decode(bytes(range(1, 32)) * 10 + b"some text")


def test_it_decodes_utf8_with_a_byte_order_mark():
    assert decode("Kyiv said on Monday.".encode("utf-8-sig")) == "Kyiv said on Monday."


def test_it_decodes_utf16_with_a_byte_order_mark():
    assert decode("Kharkiv was shelled.".encode("utf-16")) == "Kharkiv was shelled."


def test_it_decodes_cp1252_text():
    raw = "Zelensky\u2019s \u201cwinter plan\u201d costs \u20ac5bn \u2013 officials.".encode("cp1252")
    assert decode(raw) == "Zelensky\u2019s \u201cwinter plan\u201d costs \u20ac5bn \u2013 officials."


def test_it_keeps_utf8_with_a_stray_byte_as_utf8():
    raw = "Zelensky\u2019s \u201cwinter plan\u201d \u2013 ".encode() + b"caf\xe9 " + "Kyiv\u2019s mayor.".encode()
    assert decode(raw) == "Zelensky\u2019s \u201cwinter plan\u201d \u2013 caf\ufffd Kyiv\u2019s mayor."


def test_it_decodes_cyrillic_cp1251_text():
    text = "Україна отримала нові танки від Німеччини. Міністерство оборони повідомило про це."
    assert decode(text.encode("cp1251")) == text


def test_it_normalises_newlines():
    assert decode(b"First line.\r\nSecond line.\rThird line.") == "First line.\nSecond line.\nThird line."


def test_it_decodes_utf32_with_a_byte_order_mark():
    # UTF-32's little-endian mark begins with UTF-16's: read as UTF-16 it would be NULs.
    assert decode("Kharkiv was shelled.".encode("utf-32")) == "Kharkiv was shelled."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_it_rejects_null_characters_in_a_file_with_a_byte_order_mark(encoding):
    raw = "Kharkiv was shelled.\x00\x00\x00".encode(encoding)
    if encoding.endswith("-be"):
        raw = ("\ufeff" + "Kharkiv was shelled.\x00").encode(encoding)
    with pytest.raises(UnreadableDocument, match=f"^{re.escape(NUL_CHARACTERS)}$"):
        decode(raw)


UKRAINIAN = "Російські війська обстріляли Харків у понеділок; є загиблі, їхні родини чекають. Ґанок зруйновано."
RUSSIAN = "Российские войска обстреляли Харьков в понедельник, сообщил глава областной администрации."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (UKRAINIAN, "cp1251"),
        (UKRAINIAN, "koi8_u"),
        (UKRAINIAN, "cp1125"),
        (UKRAINIAN, "mac_cyrillic"),
        (RUSSIAN, "koi8_r"),
        (RUSSIAN, "cp866"),
        (RUSSIAN, "mac_cyrillic"),
    ],
)
def test_it_decodes_legacy_cyrillic_encodings(text, encoding):
    assert decode(f"{text}\n{text}\n".encode(encoding)) == f"{text}\n{text}\n"


def test_it_rejects_bytes_no_known_encoding_reads():
    ebcdic = "Russian forces shelled Kharkiv on Monday, the governor said.\n".encode("cp500") * 5
    with pytest.raises(UnreadableDocument, match=f"^{re.escape(UNKNOWN_ENCODING)}$"):
        decode(ebcdic)


# --- boilerplate ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "last_paragraph", "first_headline"),
    [
        (
            "seed-000.txt",
            "The US has so far provided a total of $21.3 billion in security assistance to Ukraine",
            "U.S.\u2013Venezuela Relations Show Signs of Thaw as Top Envoy Visits Caracas",
        ),
        (
            "seed-001.txt",
            "The ministry said that the call for a ramped-up production of Russian tanks follows",
            "Trump Orders DHS to Avoid Protests in Democratic Cities Unless Federal Assets Are Threatened",
        ),
    ],
)
def test_it_drops_the_unrelated_headlines_that_end_a_seed_article(name, last_paragraph, first_headline):
    text = read_document(seed(name), filename=name).text

    assert first_headline not in text
    assert "Israel Intensifies Gaza Airstrikes Amid Ceasefire Tensions" not in text
    assert "Christian Menefee Wins Texas Special Election" not in text
    assert last_paragraph in text
    assert text.rstrip().endswith(("global security.", "\u201cspecial military operation.\u201d"))


def test_it_keeps_every_sentence_of_a_seed_article():
    raw = seed("seed-004.txt").decode("utf-8")
    cleaned = clean_text(raw)

    paragraphs = [line.strip() for line in raw.split("\n") if line.strip().endswith(".")]
    assert paragraphs
    for paragraph in paragraphs[1:]:
        assert paragraph in cleaned


def test_it_keeps_a_heading_between_paragraphs():
    text = (
        "The largest exchange of prisoners of war to date took place on Wednesday.\n\n"
        "Death toll in Kyiv rises almost week after Russian missile attack\n\n"
        "The death toll in Kyiv has risen to 32.\n"
    )
    assert clean_text(text) == text


def test_it_drops_a_read_more_block_and_its_headlines():
    text = (
        "Russian forces shelled Kherson on Tuesday, killing two people.\n"
        "Related\n"
        "Markets Rally as Inflation Cools\n"
        "Storm Batters the Coast\n"
        "The regional governor said rescue work was continuing.\n"
    )
    assert clean_text(text) == (
        "Russian forces shelled Kherson on Tuesday, killing two people.\n"
        "\n"
        "The regional governor said rescue work was continuing.\n"
    )


def test_it_drops_one_line_teasers_under_a_useful_reading_header():
    text = (
        "Fighting was also recorded on the Kupiansk and Lyman directions.\n"
        "Useful reading:\n"
        "Russian strikes on Kherson region killed one and injured 11 as of February 25, 2026.\n"
        "Tags:\n"
        "frontline updates\n"
    )
    assert clean_text(text) == "Fighting was also recorded on the Kupiansk and Lyman directions.\n"


def test_it_drops_a_site_menu_at_the_top():
    text = "Home\nNews\nWorld\nEurope\nSport\nUkraine says it repelled 30 attacks near Pokrovsk on Friday.\n"
    assert clean_text(text) == "Ukraine says it repelled 30 attacks near Pokrovsk on Friday.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "By Anna Hirtenstein, Marwa Rashad and Timothy Gardner",
        "Reporting by Olena Harmash; Editing by Daniel Flynn",
        "Photograph: Sergey Bobok/AFP/Getty Images",
        "Image source, Reuters",
        "Read more: The historic pontificate of Pope Leo XIV",
        "This site uses cookies. Visit our cookies policy page for more information.",
        "Sign up for our weekday newsletter, packed with original analysis.",
        "Fox News\u2019 Anders Hagstrom and Caitlin McFall contributed to this report.",
        "FIVE REASONS WHY RUSSIA IS LIKELY BEHIND THE NORD STREAM INDUSTRIAL SABOTAGE",
        "JOIN US ON TELEGRAM! Follow our coverage of the war on the @Kyivpost_official.",
        "Item 1 of 2 Water vapour rises from residential buildings in Kyiv. REUTERS/Vladyslav Sodel",
        "[](https://www.osvnews.com/<#>) [](https://twitter.com/osvnews)",
        "FacebookTwitterEmail",
        "\u00a9 2026 AOL Media LLC. All rights reserved.",
    ],
)
def test_it_drops_a_boilerplate_line(line):
    before = "Russian drones struck an energy facility in Odesa overnight, the governor said."
    after = "Power was restored to most homes by the morning, officials said."
    assert clean_text(f"{before}\n{line}\n{after}\n") == f"{before}\n\n{after}\n"


def test_it_drops_tags_and_share_links_after_the_last_paragraph():
    text = (
        "Faith, the prelate said, remains central to the country\u2019s endurance.\n"
        "AnniversaryMajor Archbishop Sviatoslav Shevchukreligious beliefRussia invasion of Ukraine\n"
        "FacebookTwitterEmail\n"
    )
    assert clean_text(text) == "Faith, the prelate said, remains central to the country\u2019s endurance.\n"


def test_it_drops_a_teaser_stamped_minutes_ago_with_its_summary():
    text = (
        "Hungary accounted for 68% of Ukraine's imported power this month.\n"
        "Worldcategory \u00b7 February 23, 2026 \u00b7 7:54 PM UTC \u00b7 2 mins ago\n"
        "The U.S. ambassador to France has been banned from meeting members of the French government.\n"
    )
    assert clean_text(text) == "Hungary accounted for 68% of Ukraine's imported power this month.\n"


def test_it_keeps_an_article_in_one_line_that_stops_mid_sentence():
    text = (
        "Western leaders have responded with fury to Russia\u2019s military attacks on Ukrainian cities. "
        "Biden said he had spoken to the Ukrainian president. A joint statement issued by the EU warned\n"
    )
    assert clean_text(text) == text


def test_it_keeps_a_pasted_headline_when_nothing_else_is_there():
    headline = "Russia strikes Kyiv overnight, killing three\n"
    assert clean_text(headline) == headline


def test_it_keeps_a_photo_caption_that_reports_the_news():
    caption = (
        "Rescuers work at the site of a residential building hit by a Russian missile strike in Dnipro, "
        "Ukraine, January 15, 2023. REUTERS/Clodagh Kilcoyne"
    )
    text = f"At least 40 people were killed in Dnipro, officials said.\n{caption}\nRescue work went on.\n"
    assert caption in clean_text(text)


def test_it_keeps_a_list_the_article_introduces():
    text = (
        "The package includes:\n"
        "* 18 HIMARS launchers\n"
        "* 150,000 rounds of 155mm ammunition\n"
        "* 20 Mi-17 helicopters\n"
        "The Pentagon said deliveries would start within weeks.\n"
    )
    assert clean_text(text) == text


def test_it_keeps_a_daily_tally():
    text = (
        "The total combat losses of the enemy from 24.02 to 18.05 were approximately:\n"
        "personnel \u2012 about 28300 (+400) persons were liquidated,\n"
        "tanks \u2012 1251 (+16),\n"
        "helicopters \u2013 167 (+0),\n"
        "special equipment \u2012 43 (+0).\n"
    )
    assert clean_text(text) == text


def test_it_keeps_a_sentence_broken_across_lines_by_a_link():
    text = (
        "GENEVA (AP) \u2014 The latest talks between envoys from Moscow and Kyiv over\n"
        "Russia\u2019s all-out invasion\n"
        "ended on Wednesday without a breakthrough, officials said.\n"
    )
    assert clean_text(text) == text


def test_it_cuts_credits_and_teasers_out_of_an_article_in_one_line():
    text = (
        "A school destroyed not far from the centre of Kharkiv. Photograph: Sergey Bobok/AFP/Getty Images "
        "The talks ended without agreement. 01:50Zelenskiy says Russia continued to bomb Ukrainian cities "
        "during negotiation talks – video In a further blow, the US imposed sanctions on Monday. "
        "‘The damage is done’: Russians face economic point of no returnRead more Panicked Russians withdrew "
        "savings.\n"
    )
    assert clean_text(text) == (
        "A school destroyed not far from the centre of Kharkiv. The talks ended without agreement. "
        "In a further blow, the US imposed sanctions on Monday. Panicked Russians withdrew savings.\n"
    )


def test_it_splits_a_live_blog_at_its_entry_stamps():
    text = (
        "Britain will sanction more businessmen. Updated at 23.00\u00a0GMT 6 Mar 202205.07Thank you for "
        "following our live blog. 6 Mar 202204.45A C-17A delivered military equipment to Ukraine.\n"
    )
    assert clean_text(text) == (
        "Britain will sanction more businessmen.\n\nThank you for following our live blog.\n\n"
        "A C-17A delivered military equipment to Ukraine.\n"
    )


def test_it_removes_markdown_links_and_inline_tags_but_keeps_their_words():
    text = 'The <span style="color:#000">strike</span> on [Odesa](https://example.com/odesa) killed two.\n'
    assert clean_text(text) == "The strike on Odesa killed two.\n"


def test_it_collapses_blank_lines():
    assert clean_text("Kyiv was hit.\n\n\n\n\nLviv was hit.\n") == "Kyiv was hit.\n\nLviv was hit.\n"


def test_it_drops_the_date_line_it_reads_the_date_from():
    document = read_document(seed("seed-004.txt"), filename="seed-004.txt")

    assert "2024-01-04" not in document.text
    assert document.text.startswith("Ukraine expects more prisoner exchanges, more deaths after rocket attack\n")
    assert document.title == "Ukraine expects more prisoner exchanges, more deaths after rocket attack"


# A live blog stamps its entries with their date and age, over its own reporting.
LIVE_BLOG = (
    "Russia-Ukraine war live: Kharkiv shelled again\n"
    "\n"
    "Sun 6 Mar 2022 14.05 GMT \u00b7 3 days ago\n"
    "Russian forces shelled residential districts of Kharkiv overnight, the regional governor said.\n"
    "\n"
    "Sun 6 Mar 2022 11.40 GMT \u00b7 3 days ago\n"
    "Ukraine's defence ministry said 11,000 Russian troops had been killed since the invasion began.\n"
    "\n"
    "Sat 5 Mar 2022 22.10 GMT \u00b7 4 days ago\n"
    "Three days ago, on 2 March 2022, Russian forces took the southern city of Kherson, officials said.\n"
    "The mayor said humanitarian corridors were still being negotiated.\n"
)


def test_it_keeps_the_entries_of_a_live_blog_stamped_days_ago():
    cleaned = clean_text(LIVE_BLOG)

    for line in LIVE_BLOG.split("\n")[3:]:
        if line.endswith("."):
            assert line in cleaned
    assert "days ago" not in cleaned.replace("Three days ago, on 2 March 2022", "")  # the stamps go


def test_it_keeps_a_line_of_reporting_that_says_days_ago_and_the_line_after_it():
    text = (
        "Three days ago, on 4 March 2022, Russian forces shelled the Zaporizhzhia nuclear plant.\n"
        "The IAEA said on Sunday that the plant's safety systems were not affected.\n"
    )
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "note",
    [
        "_Katarzyna Szalajko writes for OSV News from Warsaw, Poland._",
        "Maria Ivanova is a correspondent for the Kyiv Independent.",
    ],
)
def test_it_drops_a_note_about_the_author(note):
    story = "Russian drones struck Odesa overnight, the governor said.\n"
    assert clean_text(f"{story}{note}\n") == story


@pytest.mark.parametrize(
    "line",
    [
        "Viktoriia Roshchyna, who writes for Ukrainska Pravda, died in Russian captivity, officials said.",
        "His colleague, who is a reporter for AFP, said the shelling near Bakhmut began at dawn.",
    ],
)
def test_it_keeps_news_that_says_who_writes_for_whom(line):
    story = "Russian drones struck Odesa overnight, the governor said.\n"
    assert clean_text(f"{story}{line}\n") == f"{story}{line}\n"


def test_it_drops_a_teaser_among_links_to_other_stories():
    text = (
        "Hungary accounted for 68% of Ukraine's imported power this month, the ministry said.\n"
        "* [](https://www.reuters.com/world/us-ambassador-france-banned-2026-02-23/)\n"
        "February 23, 2026 \u00b7 7:54 PM UTC \u00b7 2 mins ago\n"
        "The U.S. ambassador to France has been banned from meeting members of the French government.\n"
        "* [](https://www.reuters.com/world/canada-summons-openai-safety-team-2026-02-23/)\n"
    )
    assert clean_text(text) == "Hungary accounted for 68% of Ukraine's imported power this month, the ministry said.\n"


# --- linear time --------------------------------------------------------------------------

# Lines that once took a backtracking regex exponential or quadratic time: each must be read
# in a moment. Sizes are such that quadratic time would take minutes.
PATHOLOGICAL = {
    "a date label followed by sixty times ':00'": "Published 1" + ":00" * 60,
    "comments before the first tag": "<!--a-->" * 40 + "x",
    "image starts": "![" * 50_000,
    "link starts": "[a](" + "[a](b)" * 20_000,
    "link texts": "[" * 50_000 + "]",
    "inline tags": "<b" * 50_000,
    "photo credit parts": "Photograph: a/" * 20_000,
    "spaces after a full stop": "." + " " * 100_000 + "x",
    "spaces before a title suffix": "Kyiv shelled" + " " * 100_000 + "x",
    "spaces after a day and month": "24 February" + " " * 100_000 + "x",
    "related headers": "Related\n" * 30_000 + "x",
}


@pytest.mark.parametrize("line", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_it_reads_a_pathological_line_in_linear_time(line):
    start = time.perf_counter()
    with contextlib.suppress(UnreadableDocument):  # refusing it is fine too; taking minutes is not
        read_document(line.encode(), filename="hostile.txt")
    assert time.perf_counter() - start < 2


def test_it_reads_the_pathological_date_label_in_milliseconds():
    line = "Published 1" + ":00" * 60  # took a minute, and each ":00" more doubled it
    start = time.perf_counter()
    assert find_published(line) is None
    clean_text(line)
    assert time.perf_counter() - start < 0.1


# --- publication dates ------------------------------------------------------------


def test_it_finds_the_date_of_seed_004():
    assert read_document(seed("seed-004.txt"), filename="seed-004.txt").published == datetime.date(2024, 1, 4)


def test_it_finds_no_date_in_a_seed_article_without_one():
    assert read_document(seed("seed-000.txt"), filename="seed-000.txt").published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2024-01-04 This article was last updated on January 4, 2024\n", datetime.date(2024, 1, 4)),
        ("This article was last updated on January 4, 2024\n", datetime.date(2024, 1, 4)),
        ("Published 5 Jan 2023 12:31 GMT\n", datetime.date(2023, 1, 5)),
        ("Published 12:31 GMT 5 Jan 2023\n", datetime.date(2023, 1, 5)),
        ("Updated: 4:52 AM EST, Thu January 5, 2023\n", datetime.date(2023, 1, 5)),
        ("Mon 24 Feb 2025 06.00 GMT\n", datetime.date(2025, 2, 24)),
        ("by Katarzyna Szalajko 10:41 AM February 5, 2026\n", datetime.date(2026, 2, 5)),
        ("Friday, 27 February 2026, 22:49\n", datetime.date(2026, 2, 27)),
        ("2022-05-18 06:45:00 | ID: 67554\n", datetime.date(2022, 5, 18)),
        ("27.02.2026 - Update : 27.02.2026\n", datetime.date(2026, 2, 27)),
        ("Published On 27 Feb 2026\n", datetime.date(2026, 2, 27)),
        ('<span style="color:#808080;">August 21st 2025</span>\n', datetime.date(2025, 8, 21)),
        ("Page last modified: 10-02-2025 17:48:45 ZULU\n", datetime.date(2025, 2, 10)),
        ("This report by The Canadian Press was first published April 19, 2022.\n", datetime.date(2022, 4, 19)),
    ],
)
def test_it_finds_a_stated_publication_date(text, expected):
    article = "Russian forces shelled Kharkiv on Monday, the governor said.\n"
    assert find_published(text + article) == expected


def test_it_dates_a_live_blog_by_its_oldest_entry():
    text = (
        "Britain will sanction more businessmen. Updated at 00.45\u00a0BST 23 May 202201.00Summary of the day. "
        "22 May 202223.46Hello, this is Helen. 22 May 202223.30Today so far. 22 May 202222.59In Staryi Krym.\n"
    )
    assert find_published(text) == datetime.date(2022, 5, 22)


def test_it_takes_no_date_line_from_deep_in_the_article():
    paragraph = "Russian forces pressed their assault on the eastern town for a third week, officials said.\n"
    text = paragraph * 6 + "24 February 2022\n" + paragraph
    assert find_published(text) is None
    assert find_published("24 February 2022\n" + paragraph * 6) == datetime.date(2022, 2, 24)


def test_it_prefers_the_publication_date_to_the_update():
    text = "Published 5 Jan 2023 12:31 GMT\nUpdated 6 Jan 2023 08:00 GMT\nKyiv was shelled.\n"
    assert find_published(text) == datetime.date(2023, 1, 5)


@pytest.mark.parametrize(
    "text",
    [
        "MINSK, 21 July (BelTA) - Belarus held talks with Russia on Thursday.\n",
        "KYIV, Feb 23 (Reuters) - Ukraine's economy is enduring its toughest period.\n",
        "Russia launched its full-scale invasion of Ukraine on February 24, 2022.\n",
        "This article was amended on 1 March 2022 to correct a name.\n",
        "Ukraine frontline update February 26 2026\n",
        "Worldcategory \u00b7 February 23, 2026 \u00b7 7:54 PM UTC \u00b7 2 mins ago\n",
    ],
)
def test_it_finds_no_publication_date_where_none_is_stated(text):
    assert find_published(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Published 4 March 2099\n\nRussian forces shelled Kharkiv, the governor said.\n",
        "Published: 12 May 2013\n\nRussian forces shelled Kharkiv, the governor said.\n",
        "12 May 2013\n\nRussian forces shelled Kharkiv, the governor said.\n",
    ],
)
def test_it_takes_no_publication_date_from_the_future_or_before_2014(text):
    assert find_published(text) is None


def test_it_passes_over_an_impossible_date_to_the_next_one():
    text = "Published 4 March 2099 | Updated 5 March 2022\n\nRussian forces shelled Kharkiv.\n"
    assert find_published(text) == datetime.date(2022, 3, 5)


# --- HTML -------------------------------------------------------------------------


def test_it_reads_the_title_date_outlet_and_text_of_an_html_page():
    document = read_document(html_fixture("article-with-metadata.html"), filename="leopards.html")

    assert document.is_html
    assert document.title == "Ukraine receives first Leopard tanks"
    assert document.published == datetime.date(2023, 3, 27)
    assert document.outlet == "Example News"
    assert document.url == "https://news.example.com/2023/03/27/ukraine-leopard-tanks"
    assert "Germany has delivered the first 18 Leopard 2 tanks to Ukraine" in document.text
    assert "Markets rally as inflation cools" not in document.text
    assert "All rights reserved" not in document.text


def test_it_reads_the_date_line_of_a_saved_ministry_page():
    document = read_document(html_fixture("mod-losses-2022-05-18.html"), filename="mod.html")

    assert document.published == datetime.date(2022, 5, 18)
    assert document.outlet == "Ministry of Defence of Ukraine"
    assert "tanks \u2012 1251 (+16)," in document.text
    assert "special equipment \u2012 43 (+0)." in document.text


def test_it_sniffs_html_without_a_filename():
    raw = (
        b"<!doctype html><html><body><article>"
        b"<p>Russian drones hit Odesa port overnight, officials said on Monday.</p>"
        b"</article></body></html>"
    )
    document = read_document(raw)

    assert document.is_html
    assert "Russian drones hit Odesa port overnight" in document.text


def test_it_treats_html_by_content_type():
    raw = b"<div><p>Ukraine received 14 Leopard 2 tanks from Germany, the ministry said.</p></div>"
    assert read_document(raw, content_type="text/html; charset=utf-8").is_html


def test_it_reads_a_txt_file_as_text_even_when_it_holds_tags():
    raw = b'<span style="font-weight:bold;">Europe</span>\nKyiv was shelled on Monday, officials said.\n'
    document = read_document(raw, filename="economist.txt")

    assert not document.is_html
    assert "Kyiv was shelled on Monday, officials said." in document.text


@pytest.mark.parametrize(
    "raw",
    [
        b"<html><head><title>Nothing here</title></head><body></body></html>",
        b"<html><body><script>var x = 1;</script><div><",
    ],
)
def test_it_rejects_a_broken_html_page(raw):
    with pytest.raises(UnreadableDocument, match="^No article text could be found in this HTML page.$"):
        read_document(raw, filename="broken.html")


def test_it_takes_no_date_from_html_metadata_in_the_future():
    raw = (
        b'<html><head><meta property="article:published_time" content="2099-01-01T10:00:00Z"></head>'
        b"<body><article><p>Ukraine received 14 Leopard 2 tanks from Germany on Monday, the ministry said.</p>"
        b"</article></body></html>"
    )
    assert read_document(raw, filename="future.html").published is None


# --- HTML bounds ------------------------------------------------------------------------

PARAGRAPH = "<p>Russian forces shelled Kharkiv on Monday, the regional governor said in a statement.</p>"


def test_it_refuses_a_tag_with_100000_attributes_before_parsing_it():
    attributes = " ".join(f"a{n}" for n in range(100_000))
    page = f"<html><body><div {attributes}>{PARAGRAPH * 1_100}</div></body></html>".encode()
    assert 750_000 < len(page) < 850_000  # the 789 KB page that held trafilatura for 489 s
    start = time.perf_counter()
    with pytest.raises(
        UnreadableDocument, match=r"^This HTML page is too complex to read: one of its elements \(<div>\)"
    ):
        read_document(page, filename="hostile.html")
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize(
    ("page", "detail"),
    [
        ("<div>" * 600 + PARAGRAPH, "its elements are nested more than 512 deep"),
        ("<span>x</span>" * 50_001 + PARAGRAPH, "it has more than 50,000 elements"),
        ("</span>" * 100_001 + PARAGRAPH, "it has more than 100,000 tags"),
    ],
)
def test_it_refuses_a_page_too_deep_or_too_large(page, detail):
    with pytest.raises(UnreadableDocument, match=f"^This HTML page is too complex to read: {detail}. "):
        check_html(f"<html><body>{page}</body></html>")


def test_it_accepts_what_real_pages_hold():
    icons = "<svg>" + '<path d="M0 0"/>' * 2_000 + "</svg>"  # self-closed, not nested
    paragraphs = "<p>One<p>Two<ul><li>Three<li>Four</ul>" * 1_000  # unclosed, not nested either
    script = "<script>if (a<b && c<d) { x = '<div>'; }</script>" * 100  # no tags inside
    check_html(f"<!doctype html><html><head>{script}</head><body>{icons}{paragraphs}{PARAGRAPH}</body></html>")


def test_it_checks_an_html_upload_without_reducing_it(monkeypatch):
    def fail(*args, **kwargs):
        pytest.fail("trafilatura ran")

    monkeypatch.setattr("articles.extraction.cleaning.trafilatura.bare_extraction", fail)
    document = check_document(f"<html><body>{PARAGRAPH}</body></html>".encode(), filename="a.html")

    assert document.is_html
    assert (document.text, document.title, document.published) == ("", None, None)


def test_it_reads_a_text_upload_wholly_when_checking_it():
    document = check_document(b"Kharkiv shelled overnight\n\nRussian forces shelled Kharkiv, officials said.\n")
    assert document.title == "Kharkiv shelled overnight"
    assert "Russian forces shelled Kharkiv, officials said." in document.text


# --- titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n  Kyiv\nRussian forces shelled Kyiv.", "Kyiv"),
        ("Russian forces shelled Kharkiv on Monday.\nMore.", "Russian forces shelled Kharkiv on Monday."),
        (
            "In a war that has been taking place for more than 10 months, both Russia and Ukraine have sustained "
            "thousands of casualties, the military said.",
            "In a war that has been taking place for more than 10 months, both Russia and Ukraine have sustained "
            "thousands of\u2026",
        ),
    ],
)
def test_it_names_an_untitled_text_by_its_first_line(text, title):
    assert opening_line(text) == title


# --- newsletter promos between two sentences (issue 8) ---------------------------------------

# The Guardian's promo as it sits in articles copied in one line (dev p047, p053; pool p042, p049).
FIRST_EDITION = "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am"


@pytest.mark.parametrize("zone", [" BST", ""])
def test_it_cuts_a_newsletter_promo_out_of_an_article_in_one_line(zone):
    text = (
        "Using them could expose its hinterland to retaliation. "
        f"{FIRST_EDITION}{zone} Ukraine began the war with Soviet-standard howitzers, before the US "
        "agreed to send 90 M777 artillery pieces to Ukraine.\n"
    )
    assert clean_text(text) == (
        "Using them could expose its hinterland to retaliation. Ukraine began the war with "
        "Soviet-standard howitzers, before the US agreed to send 90 M777 artillery pieces to Ukraine.\n"
    )


def test_it_cuts_a_newsletter_promo_that_opens_a_paragraph():
    text = f"Kyiv was hit.\n{FIRST_EDITION} BST A division would represent a far larger commitment.\n"
    assert clean_text(text) == "Kyiv was hit.\nA division would represent a far larger commitment.\n"


@pytest.mark.parametrize(
    "line",
    [
        # Sentences of the promo's shape that are news: signing up to something, a time after a dash.
        "Thousands of men queued to sign up for the territorial defence, the ministry said. "
        "Sign up for the reserve is open to men aged 18 to 60 – every weekday from 7am at city halls.",
        "Ukraine began the war with Soviet howitzers. The Kremlin's weekly newsletter said on Friday that "
        "90 M777 howitzers had reached Ukraine – every one of them before 7am.",
        "Finland signed up to the drone coalition on Monday, its defence minister said.",
    ],
)
def test_it_keeps_news_lines_shaped_like_a_newsletter_promo(line):
    assert clean_text(f"{line}\n") == f"{line}\n"


def test_it_reads_a_line_of_promo_starts_in_linear_time():
    line = ". Sign up to a newsletter – at " * 20_000 + "x"
    start = time.perf_counter()
    clean_text(line)
    assert time.perf_counter() - start < 2
