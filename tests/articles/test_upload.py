"""The upload page: /articles/upload/."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from tests.articles.conftest import ARTICLE_BYTES, ARTICLE_TEXT
from tests.pages import find

URL = reverse("articles:upload")


def txt(name, content=ARTICLE_BYTES):
    return SimpleUploadedFile(name, content, content_type="text/plain")


def test_it_redirects_anonymous_users_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_forbids_viewers_with_a_clear_page(viewer_client):
    response = viewer_client.get(URL)
    assert response.status_code == 403
    assert "need an editor account" in response.content.decode()
    assert viewer_client.post(URL, {"text": ARTICLE_TEXT}).status_code == 403
    assert not Article.objects.exists()


def test_it_shows_the_form_to_editors(editor_client):
    response = editor_client.get(URL)
    assert response.status_code == 200
    assert find(response.content.decode(), "form", enctype="multipart/form-data")
    assert "At most 5 MB each." in response.content.decode()


@pytest.mark.django_db
def test_it_stores_pasted_text_and_opens_the_article(editor_client, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = editor_client.post(URL, {"text": ARTICLE_TEXT, "outlet": "NU.nl", "published": "2023-01-05"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:detail", args=[article.pk])
    assert (article.outlet, article.published_source, article.uploaded_by) == ("NU.nl", "supplied", editor)
    assert article.filename == "pasted.txt"
    assert len(callbacks) == 1  # processing queued after the commit


def test_it_stores_one_file(editor_client):
    response = editor_client.post(URL, {"files": [txt("kyiv.txt")]}, follow=True)
    article = Article.objects.get()
    assert article.filename == "kyiv.txt"
    assert response.redirect_chain[-1][0] == reverse("articles:detail", args=[article.pk])
    assert "was uploaded; its records are being extracted" in response.content.decode()


@pytest.mark.parametrize("sent", ["text/plain\x00", "text/html\x01; charset=utf-8", ""])
def test_it_stores_a_file_whose_browser_sent_a_malformed_content_type(editor_client, sent):
    upload = SimpleUploadedFile("kyiv.txt", ARTICLE_BYTES, content_type=sent)
    response = editor_client.post(URL, {"files": [upload]})
    article = Article.objects.get()
    assert response.status_code == 302
    assert article.content_type == "text/plain"


def test_it_keeps_the_content_type_the_browser_sent(editor_client):
    upload = SimpleUploadedFile("notes.md", ARTICLE_BYTES, content_type="text/x-markdown")
    editor_client.post(URL, {"files": [upload]})
    assert Article.objects.get().content_type == "text/x-markdown"


def test_it_stores_several_files_and_lists_them(editor_client):
    response = editor_client.post(URL, {"files": [txt("a.txt"), txt("b.txt", b"Another article, one line.\n")]})
    ids = sorted(Article.objects.values_list("pk", flat=True))
    assert len(ids) == 2
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(reverse("articles:list") + "?ids=")
    assert sorted(int(i) for i in location.split("=")[1].split(",")) == ids


def test_it_stores_none_of_several_files_when_one_fails(editor_client):
    response = editor_client.post(URL, {"files": [txt("good.txt"), txt("empty.txt", b"")]})
    assert response.status_code == 400
    assert "empty.txt: The file is empty." in response.content.decode()
    assert not Article.objects.exists()


def test_it_links_a_duplicate_to_the_existing_article(editor_client):
    editor_client.post(URL, {"files": [txt("first.txt")]})
    first = Article.objects.get()
    response = editor_client.post(URL, {"files": [txt("again.txt")]}, follow=True)
    assert Article.objects.count() == 1
    assert response.redirect_chain[-1][0] == reverse("articles:detail", args=[first.pk])
    assert "This article was uploaded before" in response.content.decode()


def test_it_shows_errors_and_stores_nothing(editor_client):
    response = editor_client.post(URL, {"text": ""})
    assert response.status_code == 400
    assert "Paste the article text or choose one or more files." in response.content.decode()
    assert not Article.objects.exists()


def test_it_answers_a_pasted_text_over_django_s_limit_with_the_form(editor_client, settings):
    """Django refuses the request while reading it; the analyst still gets the form and a reason."""
    text = "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = editor_client.post(URL, {"text": text})
    assert response.status_code == 413
    assert "The pasted text is larger than 5 MB" in response.content.decode()
    assert find(response.content.decode(), "form", enctype="multipart/form-data")
    assert not Article.objects.exists()


def test_it_refuses_a_pasted_text_over_the_size_limit(editor_client, settings):
    settings.WARBOARD_MAX_UPLOAD_BYTES = 1024
    response = editor_client.post(URL, {"text": "Kyiv was shelled on Monday. " * 100})
    assert response.status_code == 400
    assert "The pasted text is larger than 1 KB" in response.content.decode()
    assert not Article.objects.exists()


def test_it_answers_too_many_files_with_the_form(editor_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    files = [txt(f"{n}.txt", f"Article {n} about Kyiv, one sentence.\n".encode()) for n in range(4)]
    response = editor_client.post(URL, {"files": files})
    assert response.status_code == 413
    assert "At most 3 files can be uploaded at a time; nothing was stored." in response.content.decode()
    assert not Article.objects.exists()


def test_it_refuses_a_request_too_large_to_read_without_reading_it(editor_client, settings):
    settings.WARBOARD_MAX_UPLOAD_BYTES = 1024  # one request carries at most 10 KB + 1 MB
    # The body is garbled: read, it would get another message.
    response = editor_client.generic(
        "POST", URL, b"garbled", content_type="multipart/form-data; boundary=B", CONTENT_LENGTH=str(2 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert (
        "This upload is 2 MB, more than one upload can carry (1.01 MB); nothing was stored."
        in response.content.decode()
    )
    assert not Article.objects.exists()


def test_it_answers_a_garbled_upload_with_the_form(editor_client):
    body = b'--BoUnDaRy\r\nContent-Disposition: form-data; name="text"\r\n\r\nKyiv'  # never ends
    response = editor_client.generic("POST", URL, body, content_type="multipart/form-data; boundary=")
    assert response.status_code == 413
    assert "The upload arrived incomplete or garbled; nothing was stored." in response.content.decode()


def test_it_still_checks_the_csrf_token(db, editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(URL, {"text": ARTICLE_TEXT})
    assert response.status_code == 403
    assert not Article.objects.exists()
    page = client.get(URL).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(URL, {"text": ARTICLE_TEXT, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Article.objects.count() == 1


def test_it_stores_the_new_files_of_several_and_names_those_uploaded_before(editor_client):
    editor_client.post(URL, {"files": [txt("first.txt")]})
    first = Article.objects.get()
    other = b"Another article, about Kharkiv, one sentence.\n"
    response = editor_client.post(URL, {"files": [txt("again.txt"), txt("new.txt", other)]}, follow=True)
    assert Article.objects.count() == 2  # the same bytes again are not stored twice
    new = Article.objects.exclude(pk=first.pk).get()
    page = response.content.decode()
    assert f"1 new article uploaded; 1 uploaded before: {first}." in page
    # The list of this upload shows both: the new one and the one stored before.
    assert {a.pk for a in response.context["page"].object_list} == {first.pk, new.pk}


# --- hostile and broken uploads: a message, a 400, nothing stored ------------------------


def refused(response, message):
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_it_refuses_null_characters_in_any_encoding(editor_client, encoding):
    content = ("\ufeffKyiv shelled\x00 overnight\nRussian forces shelled Kyiv, officials said.\n").encode(encoding)
    response = editor_client.post(URL, {"files": [txt("kyiv.txt", content)]})
    refused(response, "kyiv.txt: This file contains null characters, which no text or HTML article holds.")


def test_it_refuses_null_characters_in_pasted_text(editor_client):
    refused(editor_client.post(URL, {"text": "Kyiv shelled\x00 overnight, officials said."}), "Null characters")


def test_it_refuses_bytes_in_no_encoding_it_knows(editor_client):
    ebcdic = "Russian forces shelled Kharkiv on Monday, the governor said.\n".encode("cp500") * 5
    response = editor_client.post(URL, {"files": [txt("mainframe.txt", ebcdic)]})
    refused(response, "mainframe.txt: The characters of this file could not be read")


UKRAINIAN_TITLE = "Російські війська обстріляли Харків"
UKRAINIAN_BODY = "У понеділок російські війська обстріляли Харків; є загиблі, повідомив голова адміністрації."
RUSSIAN_TITLE = "Российские войска обстреляли Харьков"
RUSSIAN_BODY = "В понедельник российские войска обстреляли Харьков, сообщил глава областной администрации."


@pytest.mark.parametrize(
    ("title", "body", "encoding"),
    [
        (UKRAINIAN_TITLE, UKRAINIAN_BODY, "cp1125"),
        (UKRAINIAN_TITLE, UKRAINIAN_BODY, "koi8_u"),
        (UKRAINIAN_TITLE, UKRAINIAN_BODY, "mac_cyrillic"),
        (RUSSIAN_TITLE, RUSSIAN_BODY, "cp866"),
    ],
)
def test_it_stores_legacy_cyrillic_text_read_correctly(editor_client, title, body, encoding):
    response = editor_client.post(URL, {"files": [txt("kharkiv.txt", f"{title}\n\n{body}\n".encode(encoding))]})
    assert response.status_code == 302
    assert Article.objects.get().title == title


def test_it_refuses_an_html_page_too_complex_to_read_before_parsing_it(editor_client, monkeypatch):
    monkeypatch.setattr("trafilatura.bare_extraction", lambda *a, **k: pytest.fail("trafilatura ran"))
    attributes = " ".join(f"a{n}" for n in range(100_000))
    paragraph = "<p>Russian forces shelled Kharkiv on Monday, the regional governor said in a statement.</p>"
    page = f"<html><body><div {attributes}>{paragraph * 1_100}</div></body></html>".encode()  # 789 KB
    start = time.perf_counter()
    response = editor_client.post(URL, {"files": [SimpleUploadedFile("hostile.html", page, "text/html")]})
    assert time.perf_counter() - start < 2  # it held the request for 489 s
    refused(
        response,
        "hostile.html: This HTML page is too complex to read: one of its elements (&lt;div&gt;) "
        "has more than 256 attributes. Save the article as text and upload that.",
    )


def test_it_leaves_reducing_an_html_page_to_the_worker(editor_client, monkeypatch):
    monkeypatch.setattr("trafilatura.bare_extraction", lambda *a, **k: pytest.fail("trafilatura ran"))
    page = b"<html><body><p>Russian forces shelled Kharkiv on Monday, the governor said.</p></body></html>"
    response = editor_client.post(URL, {"files": [SimpleUploadedFile("kharkiv.html", page, "text/html")]})
    article = Article.objects.get()
    assert response.status_code == 302
    assert (article.title, article.status) == ("", Article.Status.QUEUED)  # the worker reads the title


def test_it_stores_a_paste_with_the_pathological_date_line_at_once(editor_client):
    text = "Published 1" + ":00" * 60 + "\n\nRussian forces shelled Kharkiv on Monday, the governor said.\n"
    start = time.perf_counter()
    response = editor_client.post(URL, {"text": text})
    assert time.perf_counter() - start < 2  # it held the request for 26 s
    assert response.status_code == 302
    assert Article.objects.get().published is None


@pytest.mark.parametrize(
    ("published", "message"),
    [
        ("2013-12-31", "The publication date cannot be before 1 January 2014"),
        ("0001-01-01", "The publication date cannot be before 1 January 2014"),
        ("2999-01-01", "The publication date cannot be in the future."),
    ],
)
def test_it_refuses_a_typed_date_outside_the_war(editor_client, published, message):
    refused(editor_client.post(URL, {"text": ARTICLE_TEXT, "published": published}), message)


def test_it_names_an_untitled_text_by_its_first_line(editor_client):
    text = "Russian forces shelled Kharkiv on Monday, the governor said.\n\nTwo people were killed.\n"
    editor_client.post(URL, {"text": text})
    assert Article.objects.get().title == "Russian forces shelled Kharkiv on Monday, the governor said."
