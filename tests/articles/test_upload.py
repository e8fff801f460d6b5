"""The upload page: /articles/upload/."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from tests.articles.conftest import ARTICLE_BYTES, ARTICLE_TEXT

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
    assert 'enctype="multipart/form-data"' in response.content.decode()
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
