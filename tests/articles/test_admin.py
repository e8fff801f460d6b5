"""Django admin: every model has its pages, and none of them goes around review."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from articles import incidents, uploads
from articles.models import (
    AidPledge,
    Article,
    Equipment,
    Event,
    Incident,
    IncidentDecision,
    LossReport,
    Place,
    Revision,
)
from tests.pages import find, find_all

MODELS = [Article, Event, LossReport, AidPledge, Revision, Place, Equipment, Incident, IncidentDecision]


def test_every_model_of_the_app_is_registered():
    from django.apps import apps

    assert set(apps.get_app_config("articles").get_models()) <= set(admin.site._registry)
    assert set(MODELS) == set(apps.get_app_config("articles").get_models())


@pytest.fixture
def admin_client(client, db, done_article):
    Place.objects.create(name="Bakhmut", alt_names=["Artemivsk"], country="UA", kind="city", latitude=48.6)
    Equipment.objects.create(name="Leopard 2", aliases=["Leo 2"], category="tank", origin="DE")
    Revision.objects.create(kind="event", record_id=Event.objects.all()[0].pk, action="confirm")
    incidents.keep_apart(Event.objects.all()[0])
    user = User.objects.create_superuser("root", password="root-password-1")
    client.force_login(user)
    return client


# Only the gazetteers are added in the admin: articles come through the upload form or
# `manage.py ingest`, records through extraction, revisions through review.
ADDABLE = {Place, Equipment}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_admin_pages_of_each_model_open(admin_client, model):
    opts = model._meta
    changelist = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count >= 1
    obj = model.objects.first()
    change = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    assert change.status_code == 200
    add = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert add.status_code == (200 if model in ADDABLE else 403)


def test_the_article_admin_keeps_the_raw_bytes_out_of_the_form(admin_client, done_article):
    page = admin_client.get(reverse("admin:articles_article_change", args=[done_article.pk])).content.decode()
    assert 'name="raw"' not in page
    assert done_article.sha256 in page
    assert uploads.Upload(raw=bytes(Article.objects.get().raw)).sha256 == done_article.sha256


def test_viewers_and_editors_cannot_open_the_admin(viewer_client):
    response = viewer_client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.fixture
def staff_editor_client(client, editor):
    # The analyst account `make run` creates: an editor who may open the admin.
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    return client


RECORDS = [
    (Event, {"summary": "Changed in the admin.", "type": "battle"}),
    (LossReport, {"min": 999, "max": 999}),
    (AidPledge, {"quantity": 999}),
]


@pytest.mark.parametrize(("model", "change"), RECORDS, ids=[model.__name__ for model, _ in RECORDS])
def test_it_shows_extracted_records_read_only_to_a_staff_editor(staff_editor_client, done_article, model, change):
    record = model.objects.filter(article=done_article).first()
    before = model.objects.values().get(pk=record.pk)
    url = reverse(f"admin:articles_{model._meta.model_name}_change", args=[record.pk])

    page = staff_editor_client.get(url)
    assert page.status_code == 200
    assert find_all(page.content.decode(), "form", id=f"{model._meta.model_name}_form")
    assert find_all(page.content.decode(), "input", name="_save") == []
    assert page.context["has_change_permission"] is False
    data = {name: value for name, value in before.items() if value is not None} | change | {"_save": "Save"}
    assert staff_editor_client.post(url, data).status_code == 403
    assert staff_editor_client.get(reverse(f"admin:articles_{model._meta.model_name}_add")).status_code == 403
    delete = reverse(f"admin:articles_{model._meta.model_name}_delete", args=[record.pk])
    assert staff_editor_client.post(delete, {"post": "yes"}).status_code == 403

    assert model.objects.values().get(pk=record.pk) == before
    assert not Revision.objects.exists()


def test_it_keeps_records_read_only_for_a_superuser_too(admin_client, done_article):
    event = Event.objects.filter(article=done_article)[0]
    url = reverse("admin:articles_event_change", args=[event.pk])
    assert admin_client.post(url, {"summary": "Changed in the admin.", "_save": "Save"}).status_code == 403
    changelist = reverse("admin:articles_event_changelist")
    admin_client.post(changelist, {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"})
    assert Event.objects.get(pk=event.pk).summary == event.summary
    assert 'value="delete_selected"' not in admin_client.get(changelist).content.decode()


def test_it_lets_no_one_rewrite_the_review_history(admin_client):
    revision = Revision.objects.get()
    url = reverse("admin:articles_revision_change", args=[revision.pk])
    assert admin_client.post(url, {"kind": "event", "action": "reject", "_save": "Save"}).status_code == 403
    assert Revision.objects.get().action == "confirm"


def test_it_lets_a_staff_editor_relabel_an_article_but_not_change_its_text_or_status(staff_editor_client, done_article):
    url = reverse("admin:articles_article_change", args=[done_article.pk])
    page = staff_editor_client.get(url).content.decode()
    assert find(page, "input", name="title")
    assert [find_all(page, name=name) for name in ("text", "status", "published")] == [[], [], []]
    assert done_article.text.splitlines()[0] in page  # shown, read-only

    response = staff_editor_client.post(
        url,
        {
            "title": "A better title",
            "outlet": "Reuters",
            "url": "",
            "text": "Russian troops captured Kyiv on Monday.",
            "status": "queued",
            "published": "2024-02-24",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(pk=done_article.pk)
    assert (article.title, article.outlet) == ("A better title", "Reuters")
    assert (article.text, article.status, article.published) == (
        done_article.text,
        "done",
        done_article.published,
    )


def test_it_lets_no_one_add_an_article_in_the_admin(staff_editor_client, client, db):
    add = reverse("admin:articles_article_add")
    assert staff_editor_client.get(add).status_code == 403
    data = {"title": "Made up", "text": "Russia surrendered on Monday.", "status": "done", "sha256": "0" * 64}
    assert staff_editor_client.post(add, data).status_code == 403
    root = User.objects.create_superuser("root", password="root-password-1")
    client.force_login(root)
    assert client.post(add, data).status_code == 403
    assert not Article.objects.exists()
