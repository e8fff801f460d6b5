"""manage.py bootstrap_demo: groups, the analyst, gazetteers and the seed articles, once."""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from articles.models import Article


def bootstrap():
    out = io.StringIO()
    call_command("bootstrap_demo", stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_it_sets_up_the_demo_once(monkeypatch):
    monkeypatch.delenv("WARBOARD_ADMIN_PASSWORD", raising=False)
    out = bootstrap()

    analyst = User.objects.get(username="analyst")
    assert analyst.is_staff and analyst.has_perm("articles.add_article")
    password = out.split("with password ")[1].split()[0]
    assert analyst.check_password(password)

    seeds = {a.filename: a for a in Article.objects.all()}
    assert sorted(seeds) == ["seed-000.txt", "seed-001.txt", "seed-004.txt"]
    assert {a.status for a in seeds.values()} == {"done"}
    assert (seeds["seed-000.txt"].published, seeds["seed-000.txt"].published_source) == (
        datetime.date(2023, 1, 5),
        "supplied",
    )
    assert seeds["seed-001.txt"].published == datetime.date(2023, 2, 13)
    assert (seeds["seed-004.txt"].published, seeds["seed-004.txt"].published_source) == (
        datetime.date(2024, 1, 4),
        "text",
    )
    assert all(a.events.exists() for a in seeds.values())

    again = bootstrap()
    assert password not in again  # never printed twice
    assert Article.objects.count() == 3
    assert "already there" in again
    assert User.objects.get(username="analyst").check_password(password)


@pytest.mark.django_db
def test_it_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("WARBOARD_ADMIN_PASSWORD", "a-long-demo-password-7")
    monkeypatch.setattr("articles.management.commands.bootstrap_demo.Command.ingest_seeds", lambda self: None)
    out = bootstrap()
    assert "a-long-demo-password-7" not in out
    assert User.objects.get(username="analyst").check_password("a-long-demo-password-7")


@pytest.mark.django_db
def test_it_queues_again_what_a_killed_worker_left_processing(monkeypatch, make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status="processing")  # no worker holds it
    monkeypatch.setattr("articles.management.commands.bootstrap_demo.seed_articles", lambda: [])
    out = bootstrap()
    assert f"Queued again article(s) {article.pk}: their worker stopped while processing them." in out
    assert Article.objects.get(pk=article.pk).status == "queued"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("1", "This password is too short. It must contain at least 8 characters."),
        ("password123", "This password is too common."),
        ("analyst-1", "The password is too similar to the username."),
    ],
)
def test_it_refuses_a_weak_password_from_the_environment(monkeypatch, password, reason):
    monkeypatch.setenv("WARBOARD_ADMIN_PASSWORD", password)
    monkeypatch.setattr("articles.management.commands.bootstrap_demo.Command.ingest_seeds", lambda self: None)
    with pytest.raises(CommandError) as refused:
        bootstrap()
    assert str(refused.value).startswith("WARBOARD_ADMIN_PASSWORD is not accepted: ")
    assert reason in str(refused.value)
    assert "unset it for a generated password" in str(refused.value)
    assert not User.objects.filter(username="analyst").exists()
