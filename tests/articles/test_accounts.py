"""Log in, log out and the 403 page."""

from django.urls import reverse


def test_it_shows_the_login_page_to_anonymous_users(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "registration/login.html"
    assert 'name="password"' in response.content.decode()


def test_it_logs_in_and_sends_the_analyst_on(client, editor):
    response = client.post(
        reverse("login"),
        {"username": "editor", "password": "editor-password-1", "next": reverse("articles:list")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:list")


def test_it_refuses_a_wrong_password(client, editor):
    response = client.post(reverse("login"), {"username": "editor", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_it_logs_out_by_post_only(editor_client):
    assert editor_client.get(reverse("logout")).status_code == 405
    response = editor_client.post(reverse("logout"))
    assert response.status_code == 302
    assert editor_client.get(reverse("articles:list")).status_code == 302  # logged out now


def test_it_explains_a_forbidden_action(viewer_client):
    response = viewer_client.get(reverse("articles:upload"))
    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "403.html"
    assert "You cannot do that" in response.content.decode()


def test_it_hides_the_upload_link_from_viewers(viewer_client):
    assert f'href="{reverse("articles:upload")}"' not in viewer_client.get(reverse("articles:list")).content.decode()


def test_it_shows_the_upload_link_to_editors(editor_client):
    assert f'href="{reverse("articles:upload")}"' in editor_client.get(reverse("articles:list")).content.decode()


def test_it_explains_an_expired_form(db, editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("articles:upload"), {"text": "Kyiv was shelled on Monday."})
    assert response.status_code == 403
    page = response.content.decode()
    assert "This form has expired" in page and "Nothing was changed." in page


def test_it_offers_no_password_reset_by_email(client, db):
    # Warboard sends no mail: the reset pages would promise an email that never comes.
    for path in ("/accounts/password_reset/", "/accounts/password_reset/done/", "/accounts/reset/MQ/set-password/"):
        assert client.get(path).status_code == 404, path
    assert client.post("/accounts/password_reset/", {"email": "editor@example.org"}).status_code == 404


def test_it_lets_an_analyst_change_their_password(editor_client):
    assert editor_client.get(reverse("password_change")).status_code == 200
    data = {"old_password": "editor-password-1", "new_password1": "a-new-pass-2024", "new_password2": "a-new-pass-2024"}
    response = editor_client.post(reverse("password_change"), data)
    assert response["Location"] == reverse("password_change_done")
