"""Log in, log out, the 403 page and the lockout after too many wrong passwords."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.pages import find


def test_it_shows_the_login_page_to_anonymous_users(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "registration/login.html"
    assert find(response.content.decode(), "input", name="password").attrs["type"] == "password"


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


LOCKED = "Too many wrong passwords"


@pytest.fixture
def fast_hashing(settings):
    # Each login hashes a password; the default hasher takes a good part of a second here.
    # Asked for before the users, so that their passwords are hashed with it too.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(client, username, password, address="127.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_it_locks_an_account_after_five_wrong_passwords(fast_hashing, client, editor):
    for _ in range(4):
        assert log_in(client, "editor", "wrong-guess").status_code == 200
    assert LOCKED in log_in(client, "editor", "wrong-guess").content.decode()  # the fifth locks at once
    response = log_in(client, "editor", "editor-password-1")
    assert response.status_code == 429
    assert "registration/lockout.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert LOCKED in page and "after 5 wrong passwords in a row" in page and "Try again in 15 minutes" in page
    assert "_auth_user_id" not in client.session
    # From another address the account stays locked: the lock is on the account too.
    assert log_in(Client(), "editor", "editor-password-1", address="192.0.2.7").status_code == 429


def test_it_lets_another_account_in_from_another_address(fast_hashing, client, editor, viewer):
    for _ in range(6):
        log_in(client, "editor", "wrong-guess")
    other = Client()
    response = log_in(other, "viewer", "viewer-password-1", address="192.0.2.7")
    assert response.status_code == 302
    assert other.session["_auth_user_id"] == str(viewer.pk)


def test_it_locks_an_address_that_tries_many_accounts(fast_hashing, client, editor, viewer):
    for name in ("alice", "bob", "carol", "dave", "erin"):
        log_in(client, name, "wrong-guess", address="198.51.100.9")
    assert LOCKED in log_in(client, "viewer", "viewer-password-1", address="198.51.100.9").content.decode()
    assert log_in(Client(), "viewer", "viewer-password-1", address="192.0.2.7").status_code == 302


def test_it_counts_the_address_behind_the_proxy(fast_hashing, client, editor, viewer, settings):
    settings.WARBOARD_TRUSTED_PROXIES = 1
    for name in ("alice", "bob", "carol", "dave", "erin"):
        # The client may write anything on the left of X-Forwarded-For; the proxy appends the address it saw.
        client.post(
            reverse("login"),
            {"username": name, "password": "wrong-guess"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{len(name)}, 198.51.100.9",
        )
    behind_proxy = "10.0.0.2"
    data = {"username": "viewer", "password": "viewer-password-1"}
    login = reverse("login")
    assert client.post(login, data, HTTP_X_FORWARDED_FOR="198.51.100.9", REMOTE_ADDR=behind_proxy).status_code == 429
    assert Client().post(login, data, HTTP_X_FORWARDED_FOR="192.0.2.7", REMOTE_ADDR=behind_proxy).status_code == 302


def test_it_unlocks_an_account_with_the_reset_command(fast_hashing, client, editor):
    for _ in range(6):
        log_in(client, "editor", "wrong-guess")
    assert log_in(client, "editor", "editor-password-1").status_code == 429
    out = io.StringIO()
    call_command("axes_reset_username", "editor", stdout=out)
    assert log_in(client, "editor", "editor-password-1").status_code == 302


def test_it_throttles_the_admin_login_too(fast_hashing, client, editor):
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "editor", "password": "wrong-guess"})
    assert log_in(client, "editor", "editor-password-1").status_code == 429
