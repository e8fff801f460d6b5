"""Django admin: every model has its pages, and they open with data in them."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from articles import ingest
from articles.models import AidPledge, Article, Equipment, Event, LossReport, Place, Revision

MODELS = [Article, Event, LossReport, AidPledge, Revision, Place, Equipment]


def test_every_model_of_the_app_is_registered():
    from django.apps import apps

    assert set(apps.get_app_config("articles").get_models()) <= set(admin.site._registry)
    assert set(MODELS) == set(apps.get_app_config("articles").get_models())


@pytest.fixture
def admin_client(client, db, done_article):
    Place.objects.create(name="Bakhmut", alt_names=["Artemivsk"], country="UA", kind="city", latitude=48.6)
    Equipment.objects.create(name="Leopard 2", aliases=["Leo 2"], category="tank", origin="DE")
    Revision.objects.create(kind="event", record_id=Event.objects.first().pk, action="confirm")
    user = User.objects.create_superuser("root", password="root-password-1")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_admin_pages_of_each_model_open(admin_client, model):
    opts = model._meta
    changelist = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count >= 1
    obj = model.objects.first()
    change = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    assert change.status_code == 200
    assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200


def test_the_article_admin_keeps_the_raw_bytes_out_of_the_form(admin_client, done_article):
    page = admin_client.get(reverse("admin:articles_article_change", args=[done_article.pk])).content.decode()
    assert 'name="raw"' not in page
    assert done_article.sha256 in page
    assert ingest.Upload(raw=bytes(Article.objects.get().raw)).sha256 == done_article.sha256


def test_viewers_and_editors_cannot_open_the_admin(viewer_client):
    response = viewer_client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
