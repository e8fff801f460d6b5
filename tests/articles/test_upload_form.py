"""Every message of the upload form: nothing is stored when one shows."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from articles.forms import BOTH_CONTENTS, ONE_ARTICLE_FIELDS, UploadForm
from tests.articles.conftest import ARTICLE_BYTES, ARTICLE_TEXT


def form_with(files=(), **data):
    files = [SimpleUploadedFile(name, content, content_type=ctype) for name, content, ctype in files]
    return UploadForm(data, {"files": files} if files else {})


def text_file(name="a.txt", content=ARTICLE_BYTES, ctype="text/plain"):
    return (name, content, ctype)


def test_it_accepts_pasted_text():
    form = form_with(text=ARTICLE_TEXT)
    assert form.is_valid(), form.errors
    [(upload, document)] = form.uploads
    assert upload.raw == ARTICLE_TEXT.encode() and upload.filename == "pasted.txt"
    assert document.title == "Missiles hit Kyiv as Germany pledges tanks"


def test_it_accepts_several_files():
    form = form_with(files=[text_file("a.txt"), text_file("b.md", b"Second article, with a sentence.\n")])
    assert form.is_valid(), form.errors
    assert [upload.filename for upload, _ in form.uploads] == ["a.txt", "b.md"]


def test_it_asks_for_content():
    form = form_with(text="  \n ")
    assert not form.is_valid()
    assert form.non_field_errors() == ["Paste the article text or choose one or more files."]


def test_it_refuses_text_and_files_together():
    form = form_with(files=[text_file()], text=ARTICLE_TEXT)
    assert not form.is_valid()
    assert form.non_field_errors() == [BOTH_CONTENTS]


def test_it_refuses_an_empty_file():
    form = form_with(files=[text_file("empty.txt", b"")])
    assert not form.is_valid()
    assert form.errors["files"] == ["empty.txt: The file is empty."]


def test_it_refuses_a_whitespace_only_file():
    form = form_with(files=[text_file("blank.txt", b"  \n\t\n  ")])
    assert not form.is_valid()
    assert form.errors["files"] == ["blank.txt: The file is empty."]


def test_it_refuses_a_binary_file():
    form = form_with(files=[text_file("scan.txt", b"%PDF-1.7\n\x00\x01\x02 binary")])
    assert not form.is_valid()
    assert form.errors["files"] == ["scan.txt: This looks like a binary file, not text or HTML."]


class UnreadableUpload(SimpleUploadedFile):
    def read(self, *args):
        pytest.fail("the file was read")


@override_settings(WARBOARD_MAX_UPLOAD_BYTES=1024)
def test_it_refuses_a_file_over_the_limit_without_reading_it():
    big = UnreadableUpload("big.txt", b"a" * 2000, content_type="text/plain")
    form = UploadForm({}, {"files": [big]})
    assert not form.is_valid()
    assert form.errors["files"] == ["big.txt: The file is larger than 1 KB; upload articles of at most 1 KB."]


def test_it_states_the_default_limit_in_megabytes():
    form = form_with(files=[text_file("big.txt", b"a" * (5 * 1024 * 1024 + 1))])
    assert not form.is_valid()
    assert form.errors["files"] == ["big.txt: The file is larger than 5 MB; upload articles of at most 5 MB."]


def test_it_refuses_an_unsupported_type():
    form = form_with(files=[text_file("report.pdf", b"%PDF-1.4", "application/pdf")])
    assert not form.is_valid()
    assert form.errors["files"] == ["report.pdf: Only .txt, .md, .html and .htm files can be read, not .pdf."]


def test_it_reads_legacy_encodings_instead_of_refusing_them():
    cp1252 = "Zelensky’s “appeal” to allies, a café in Kyiv, was heard.\n".encode("cp1252")
    form = form_with(files=[text_file("legacy.txt", cp1252)])
    assert form.is_valid(), form.errors
    assert "Zelensky’s “appeal”" in form.uploads[0][1].text


def test_it_refuses_an_html_page_without_article_text():
    page = (
        b"<!doctype html><html><head><title>x</title><script src=a.js></script></head>"
        b"<body><img src=a.png alt=''></body></html>"
    )
    form = form_with(files=[text_file("empty.html", page, "text/html")])
    assert not form.is_valid()
    assert form.errors["files"] == ["empty.html: No article text could be found in this HTML page."]


def test_it_refuses_a_future_publication_date():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    form = form_with(text=ARTICLE_TEXT, published=tomorrow.isoformat())
    assert not form.is_valid()
    assert form.errors["published"] == ["The publication date cannot be in the future."]


def test_it_accepts_todays_date():
    form = form_with(text=ARTICLE_TEXT, published=timezone.localdate().isoformat())
    assert form.is_valid(), form.errors


def test_it_names_each_failing_file_and_keeps_none():
    form = form_with(files=[text_file("good.txt"), text_file("empty.txt", b""), text_file("x.docx", b"PK")])
    assert not form.is_valid()
    assert form.errors["files"] == [
        "empty.txt: The file is empty.",
        "x.docx: Only .txt, .md, .html and .htm files can be read, not .docx.",
    ]
    assert form.uploads == []


def test_it_refuses_one_title_for_several_files():
    form = form_with(files=[text_file("a.txt"), text_file("b.txt", b"Another article, a sentence.\n")], title="T")
    assert not form.is_valid()
    assert form.non_field_errors() == [ONE_ARTICLE_FIELDS]


def test_it_refuses_a_bad_url():
    form = form_with(text=ARTICLE_TEXT, url="not a url")
    assert not form.is_valid()
    assert form.errors["url"] == ["Enter a valid URL."]


def test_it_refuses_a_text_longer_than_the_extractor_reads():
    paragraph = "Russian forces shelled Kharkiv on Monday, the regional governor said in a statement.\n"
    body = "".join(f"{n}. {paragraph}" for n in range(2_500)).encode()  # about 220 KB, under the 5 MB limit
    form = form_with(files=[text_file("long.txt", body)])
    assert not form.is_valid()
    [message] = form.errors["files"]
    assert message.startswith("long.txt: Once cleaned, this article is 2")
    assert message.endswith(
        "characters long; Warboard reads articles of at most 200,000 characters. Split it into parts."
    )
