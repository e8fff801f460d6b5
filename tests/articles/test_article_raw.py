"""The raw upload: /articles/<id>/raw/."""

import pytest
from django.urls import reverse

from tests.articles.conftest import ARTICLE_TEXT


def test_it_redirects_anonymous_users_to_log_in(client, make_article):
    response = client.get(reverse("articles:raw", args=[make_article().pk]))
    assert response.status_code == 302


@pytest.mark.parametrize("who", ["viewer_client", "editor_client"])
def test_it_downloads_the_file_as_uploaded(who, request, make_article):
    article = make_article(filename="kyiv report.html")
    article.content_type = "text/html"
    article.save()
    response = request.getfixturevalue(who).get(reverse("articles:raw", args=[article.pk]))
    assert response.status_code == 200
    assert response.content == ARTICLE_TEXT.encode()
    assert response["Content-Type"] == "text/html"
    assert response["Content-Disposition"] == 'attachment; filename="kyiv report.html"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_answers_404_for_an_unknown_article(viewer_client):
    assert viewer_client.get(reverse("articles:raw", args=[999999])).status_code == 404
