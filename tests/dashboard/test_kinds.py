"""The record-kind registry: every entry resolves, and the URLs, review, views and tags read it."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.urls import Resolver404, resolve, reverse

from articles.models import Revision
from dashboard import exports, review, views
from dashboard.kinds import KINDS, RecordKind
from dashboard.templatetags.records import record_kinds

ACTIONS = ("record", "history", "edit", "confirm", "reject", "restore")


@pytest.fixture
def one_of_each(make_event, make_loss, make_pledge):
    event = make_event()
    return {"event": event, "loss": make_loss(event), "pledge": make_pledge(event)}


def test_it_names_each_kind_once_with_its_own_model_and_form():
    assert list(KINDS) == ["event", "loss", "pledge"]
    for name, kind in KINDS.items():
        assert kind.name == name
        assert kind.review_form._meta.model is kind.model


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_it_reverses_and_resolves_every_url_of_each_kind(kind: RecordKind):
    for action in ACTIONS:
        url = reverse(f"review_{action}", args=[kind.name, 7])
        assert url.startswith(f"/review/{kind.name}/7/")
        assert resolve(url).kwargs == {"kind": kind.name, "pk": 7}
    export = resolve(reverse(kind.export_url_name))
    assert export.func is views.export_records
    assert export.kwargs == {"plural": kind.plural}
    assert kind.plural in exports.EXPORTS


def test_it_refuses_a_kind_the_registry_does_not_have():
    assert resolve("/review/loss/1/").kwargs["kind"] == "loss"
    with pytest.raises(Resolver404):
        resolve("/review/incident/1/")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_it_names_a_permission_that_exists(kind: RecordKind, groups):
    app_label, codename = kind.permission.split(".")
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    assert permission.content_type.model_class() is kind.model
    # Editors review every kind; viewers none.
    assert groups["editor"].permissions.filter(pk=permission.pk).exists()
    assert not groups["viewer"].permissions.filter(pk=permission.pk).exists()


@pytest.mark.parametrize("name", list(KINDS))
def test_it_binds_each_review_form_to_a_record_of_its_kind(name, one_of_each):
    kind = KINDS[name]
    record = one_of_each[name]
    unbound = kind.review_form(instance=record)
    data = {field: unbound[field].value() for field in kind.reviewed_fields}
    data = {field: "" if value is None else value for field, value in data.items()}
    form = kind.review_form(data, instance=record)
    assert form.is_valid(), form.errors
    assert set(kind.reviewed_fields) <= {field.name for field in kind.model._meta.get_fields()}


@pytest.mark.parametrize("name", list(KINDS))
def test_it_records_in_a_revision_the_fields_the_registry_names(name, one_of_each, editor):
    record = one_of_each[name]
    review.apply_review(name, record.pk, Revision.Action.CONFIRM, editor)
    revision = Revision.objects.get(kind=name, record_id=record.pk)
    assert set(revision.after) == {*KINDS[name].reviewed_fields, "review_state"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, dict[str, str | None]] = {}
        self.labels: dict[str, str | None] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.by_id[str(attributes["id"])] = attributes
        if tag == "article" and attributes.get("class", "").startswith("record "):
            self.labels[str(attributes["id"])] = attributes.get("aria-label")


def test_it_links_one_export_per_kind_on_the_timeline_and_labels_each_card(viewer_client, one_of_each):
    assert [kind.name for kind in record_kinds()] == list(KINDS)
    page = _Links()
    page.feed(viewer_client.get(reverse("timeline") + "?view=reports").content.decode())
    for kind in KINDS.values():
        assert page.by_id[f"export-{kind.plural}"]["href"] == reverse(kind.export_url_name)
    assert page.labels[f"loss-{one_of_each['loss'].pk}"] == f"{KINDS['loss'].label} {one_of_each['loss'].pk}"
    assert page.labels[f"pledge-{one_of_each['pledge'].pk}"] == f"{KINDS['pledge'].label} {one_of_each['pledge'].pk}"
