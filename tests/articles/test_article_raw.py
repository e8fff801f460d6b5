"""The raw upload: /articles/<id>/raw/."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from tests.articles.conftest import ARTICLE_TEXT


def test_it_redirects_anonymous_users_to_log_in(client, make_article):
    response = client.get(reverse("articles:raw", args=[make_article().pk]))
    assert response.status_code == 302


@pytest.mark.parametrize("who", ["viewer_client", "editor_client"])
def test_it_downloads_the_file_as_uploaded_as_plain_text(who, request, make_article):
    article = make_article(filename="kyiv report.html")
    article.content_type = "text/html"
    article.save()
    response = request.getfixturevalue(who).get(reverse("articles:raw", args=[article.pk]))
    assert response.status_code == 200
    assert response.content == ARTICLE_TEXT.encode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"  # never rendered as a page
    assert response["Content-Disposition"] == 'attachment; filename="kyiv report.html"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_never_serves_the_content_type_the_uploader_sent(editor_client):
    script = SimpleUploadedFile("notes.txt", b"Kyiv was shelled on Monday, officials said.\n", "text/javascript")
    editor_client.post(reverse("articles:upload"), {"files": [script]})
    article = Article.objects.get()
    assert article.content_type == "text/javascript"  # what the browser said, kept as a fact

    response = editor_client.get(reverse("articles:raw", args=[article.pk]))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="notes.txt"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_serves_bytes_that_are_not_utf8_as_a_binary_download(viewer_client, make_article):
    article = make_article()
    article.raw = "Київ обстріляли в понеділок.\n".encode("cp1251")
    article.save()
    response = viewer_client.get(reverse("articles:raw", args=[article.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response.content == article.raw


def test_it_leaves_control_characters_out_of_the_file_name(viewer_client, make_article):
    article = make_article(filename="kyiv\nreport.txt")
    response = viewer_client.get(reverse("articles:raw", args=[article.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="kyivreport.txt"'


def test_it_answers_404_for_an_unknown_article(viewer_client):
    assert viewer_client.get(reverse("articles:raw", args=[999999])).status_code == 404
