"""Fixtures shared by the whole suite: the fixed cast of users for permission tests."""

import pytest
from django.contrib.auth.models import User


@pytest.fixture
def groups(db):
    from articles.roles import ensure_groups

    return ensure_groups()


@pytest.fixture
def viewer(groups):
    user = User.objects.create_user("viewer", password="viewer-password-1")
    user.groups.add(groups["viewer"])
    return user


@pytest.fixture
def editor(groups):
    user = User.objects.create_user("editor", password="editor-password-1")
    user.groups.add(groups["editor"])
    return user


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
