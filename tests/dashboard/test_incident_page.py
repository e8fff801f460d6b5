"""The incident page: its reports for everyone who reads the dashboard; merge and split for editors."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from articles import incidents
from articles.models import Event, Incident, IncidentDecision
from tests.pages import find

DAY = datetime.date(2024, 5, 17)


def page_text(response) -> str:
    return find(response.content.decode(), "main").text


@pytest.fixture
def make_report(make_article, make_event):
    """A strike report from its own outlet, grouped as the worker groups it."""

    def make(sentence: str, outlet: str, date=DAY, places=("Kharkiv",)) -> Event:
        article = make_article(title=sentence, outlet=outlet, text=f"{sentence} More to follow.")
        event = make_event(article=article, date=date, type="strike", summary=sentence, places=list(places))
        with transaction.atomic():
            incidents.group_article(article)
        event.refresh_from_db()
        return event

    return make


@pytest.fixture
def strike(make_report):
    """One strike told by two outlets: one incident of two reports."""
    first = make_report("Russian missiles struck Kharkiv on Friday, killing three.", "Reuters")
    second = make_report("Kharkiv was hit overnight by a Russian missile attack.", "Ukrinform")
    assert first.incident_id == second.incident_id
    return Incident.objects.get(pk=first.incident_id)


@pytest.fixture
def other_strike(make_report):
    return Incident.objects.get(
        pk=make_report("Russia struck Kharkiv again on Monday.", "AP", date=DAY.replace(day=20)).incident_id
    )


def test_it_shows_every_report_with_its_sentence_outlet_date_and_article(viewer_client, strike):
    response = viewer_client.get(reverse("incident", args=[strike.pk]))

    assert response.status_code == 200
    assert "dashboard/incident.html" in [template.name for template in response.templates]
    text = page_text(response)
    assert "Russian missiles struck Kharkiv on Friday, killing three." in text
    assert "Kharkiv was hit overnight by a Russian missile attack." in text
    assert "Reuters" in text and "Ukrinform" in text
    assert "2024-05-17" in text and "2 reports" in text
    for report in strike.reports.all():
        assert f'href="/articles/{report.article_id}/#s-{report.span_start}"' in response.content.decode()


def test_it_shows_the_forms_to_editors_only(viewer, editor, strike):
    pages = {}
    for user in (viewer, editor):
        client = Client()
        client.force_login(user)
        pages[user] = client.get(reverse("incident", args=[strike.pk])).content.decode()
    viewer_page, editor_page = pages[viewer], pages[editor]

    assert "Merge" not in viewer_page and "Split this report out" not in viewer_page
    assert reverse("incident_merge", args=[strike.pk]) in editor_page
    assert editor_page.count("Split this report out") == 2


def test_it_answers_404_for_an_unknown_incident(viewer_client):
    assert viewer_client.get(reverse("incident", args=[999999])).status_code == 404


def test_it_refuses_the_page_to_an_account_without_the_viewers_right(client, django_user_model, strike):
    client.force_login(django_user_model.objects.create_user("nobody", password="nobody-password-1"))
    assert client.get(reverse("incident", args=[strike.pk])).status_code == 403


def test_an_editor_merges_two_incidents(editor_client, editor, strike, other_strike):
    response = editor_client.post(reverse("incident_merge", args=[strike.pk]), {"other": other_strike.pk})

    assert response.status_code == 302
    merged = Incident.objects.get(reports__summary="Russia struck Kharkiv again on Monday.")
    assert response.url == reverse("incident", args=[merged.pk])
    assert merged.reports.count() == 3
    assert Incident.objects.count() == 1
    decision = IncidentDecision.objects.get()
    assert (decision.action, decision.made_by) == (IncidentDecision.Action.MERGE, editor)


def test_it_refuses_to_merge_with_a_missing_incident_or_itself(editor_client, strike):
    missing = editor_client.post(reverse("incident_merge", args=[strike.pk]), {"other": 999999})
    itself = editor_client.post(reverse("incident_merge", args=[strike.pk]), {"other": strike.pk})

    assert missing.status_code == itself.status_code == 400
    assert "There is no incident 999999." in page_text(missing)
    assert "That is this incident." in page_text(itself)
    assert not IncidentDecision.objects.exists()


def test_an_editor_splits_a_report_out(editor_client, strike):
    report = strike.reports.get(article__outlet="Ukrinform")

    response = editor_client.post(reverse("incident_split", args=[strike.pk, report.pk]))

    assert response.status_code == 302
    assert response.url == reverse("incident", args=[strike.pk])
    report.refresh_from_db()
    assert report.incident_id != strike.pk
    assert strike.reports.count() == 1
    assert IncidentDecision.objects.get().action == IncidentDecision.Action.APART


def test_it_splits_only_a_report_of_this_incident(editor_client, strike, other_strike):
    report = other_strike.reports.get()
    assert editor_client.post(reverse("incident_split", args=[strike.pk, report.pk])).status_code == 404


@pytest.mark.parametrize("action", ["merge", "split"])
def test_it_refuses_changes_from_viewers(viewer_client, strike, other_strike, action):
    report = strike.reports.first()
    url = (
        reverse("incident_merge", args=[strike.pk])
        if action == "merge"
        else reverse("incident_split", args=[strike.pk, report.pk])
    )
    response = viewer_client.post(url, {"other": other_strike.pk})

    assert response.status_code == 403
    assert not IncidentDecision.objects.exists()
    assert Incident.objects.count() == 2


def test_it_changes_incidents_by_post_only(editor_client, strike, other_strike):
    response = editor_client.get(reverse("incident_merge", args=[strike.pk]), {"other": other_strike.pk})

    assert response.status_code == 405
    assert Incident.objects.count() == 2


def test_it_needs_the_csrf_token(editor, strike, other_strike):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    refused = client.post(reverse("incident_merge", args=[strike.pk]), {"other": other_strike.pk})
    page = client.get(reverse("incident", args=[strike.pk]))
    token = page.context["csrf_token"]
    accepted = client.post(
        reverse("incident_merge", args=[strike.pk]), {"other": other_strike.pk, "csrfmiddlewaretoken": str(token)}
    )

    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert Incident.objects.count() == 1


def test_it_reads_the_page_in_a_fixed_number_of_queries(editor_client, make_report, django_assert_num_queries):
    first = make_report("Russian missiles struck Kharkiv on Friday.", "Reuters")
    small = first.incident_id
    for number in range(8):
        make_report(f"Kharkiv was struck on Friday, report {number}.", f"Outlet {number}")
    assert Incident.objects.get(pk=small).reports.count() == 9

    # The session, the user, the user's and the groups' permissions, the incident, its reports with their articles.
    with django_assert_num_queries(6):
        response = editor_client.get(reverse("incident", args=[small]))
    assert response.status_code == 200
    assert page_text(response).count("Split this report out") == 9
