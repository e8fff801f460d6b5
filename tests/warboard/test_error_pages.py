"""Error pages: a clear page in the house style, never Django's bare one or a stack trace."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.views import defaults


def test_it_explains_a_missing_page(viewer_client):
    response = viewer_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Nothing here" in response.content.decode()
    assert "Go to the timeline" in response.content.decode()


def test_it_explains_a_missing_article(viewer_client):
    response = viewer_client.get("/articles/999999/")
    assert response.status_code == 404
    assert "Nothing here" in response.content.decode()


@pytest.mark.django_db
def test_it_explains_a_server_error_without_a_request_context():
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert "Traceback" not in body


@pytest.mark.django_db
def test_it_explains_a_bad_request():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = defaults.bad_request(request, Exception("bad"))
    assert response.status_code == 400
    assert "could not read that request" in response.content.decode()
