"""Review of one record by an editor: confirm, edit, reject, restore, and its history."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Equipment, Event, LossReport, Revision
from tests.pages import parse_page

D = datetime.date
HTMX = {"HX-Request": "true", "HX-Current-URL": "http://testserver/?country=UA"}


def rendered(response) -> list[str]:
    return [template.name for template in response.templates]


@pytest.fixture
def loss(make_event, make_loss):
    return make_loss(make_event(), min=800, max=800)


@pytest.mark.parametrize("action", ["confirm", "reject", "restore", "edit"])
def test_it_forbids_viewers_to_review(viewer_client, loss, action):
    response = viewer_client.post(reverse(f"review_{action}", args=["loss", loss.pk]), {"side": "UA"})
    assert response.status_code == 403
    loss.refresh_from_db()
    assert loss.review_state == "machine"
    assert not Revision.objects.exists()


def test_it_forbids_viewers_the_edit_form(viewer_client, loss):
    assert viewer_client.get(reverse("review_edit", args=["loss", loss.pk])).status_code == 403


def test_it_sends_anonymous_visitors_to_the_login_page(client, loss):
    response = client.post(reverse("review_confirm", args=["loss", loss.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_get_on_an_action(editor_client, loss):
    assert editor_client.get(reverse("review_confirm", args=["loss", loss.pk])).status_code == 405


def test_it_answers_404_for_an_unknown_record(editor_client, db):
    assert editor_client.post(reverse("review_confirm", args=["event", 999999])).status_code == 404
    assert editor_client.get("/review/article/1/").status_code == 404


def test_it_confirms_a_record_and_records_who_and_when(editor_client, editor, loss):
    response = editor_client.post(reverse("review_confirm", args=["loss", loss.pk]), headers=HTMX)
    assert response.status_code == 200
    assert rendered(response) == ["components/record.html"]
    assert f'id="loss-{loss.pk}"' in response.content.decode()
    assert "Confirmed by editor" in response.content.decode()
    loss.refresh_from_db()
    assert loss.review_state == "confirmed"
    assert loss.reviewed_by == editor
    assert loss.reviewed_at is not None
    revision = Revision.objects.get()
    assert (revision.kind, revision.record_id, revision.action, revision.user) == ("loss", loss.pk, "confirm", editor)
    assert revision.before["review_state"] == "machine"
    assert revision.after["review_state"] == "confirmed"
    assert revision.after["min"] == 800


def test_it_rejects_a_record_which_leaves_the_timeline(editor_client, make_event):
    event = make_event(summary="Russia lost 800 soldiers in a day.")
    editor_client.post(reverse("review_reject", args=["event", event.pk]), headers=HTMX)
    event.refresh_from_db()
    assert event.review_state == "rejected"
    assert f'id="card-{event.pk}"' not in editor_client.get(reverse("timeline") + "?view=reports").content.decode()
    assert Revision.objects.get().action == "reject"


def test_it_restores_a_rejected_record(editor_client, loss):
    editor_client.post(reverse("review_reject", args=["loss", loss.pk]), headers=HTMX)
    response = editor_client.post(reverse("review_restore", args=["loss", loss.pk]), headers=HTMX)
    assert ">Reject</button>" in response.content.decode()
    loss.refresh_from_db()
    assert loss.review_state == "confirmed"
    assert list(Revision.objects.order_by("id").values_list("action", flat=True)) == ["reject", "restore"]


def test_it_serves_the_edit_form_in_place(editor_client, loss):
    response = editor_client.get(reverse("review_edit", args=["loss", loss.pk]), headers=HTMX)
    assert rendered(response)[0] == "components/record_form.html"
    html = response.content.decode()
    assert f'id="loss-{loss.pk}"' in html
    assert f'hx-post="/review/loss/{loss.pk}/edit/"' in html
    assert f'hx-target="#loss-{loss.pk}"' in html
    assert 'name="min" value="800"' in html


def test_it_serves_the_edit_form_as_a_page_without_javascript(editor_client, loss):
    response = editor_client.get(reverse("review_edit", args=["loss", loss.pk]), {"next": "/?country=UA"})
    assert "dashboard/record_edit.html" in rendered(response)
    assert 'name="next" value="/?country=UA"' in response.content.decode()


def test_it_edits_a_record_and_keeps_the_old_values(editor_client, editor, loss):
    data = {
        "side": "ru",
        "category": "personnel_killed",
        "min": "810",
        "max": "810",
        "period": "day",
        "date": "2024-01-05",
        "place": "",
        "reported_by": "ua",
    }
    response = editor_client.post(reverse("review_edit", args=["loss", loss.pk]), data, headers=HTMX)
    assert rendered(response) == ["components/record.html"]
    assert "RU: 810 soldiers killed (past day)" in response.content.decode()
    loss.refresh_from_db()
    assert (loss.min, loss.max, loss.reported_by, loss.review_state) == (810, 810, "UA", "edited")
    assert loss.reviewed_by == editor
    revision = Revision.objects.get()
    assert revision.action == "edit"
    assert (revision.before["min"], revision.after["min"]) == (800, 810)
    assert (revision.before["reported_by"], revision.after["reported_by"]) == ("", "UA")
    assert (revision.before["review_state"], revision.after["review_state"]) == ("machine", "edited")


def test_it_edits_an_event_with_its_places_and_countries(editor_client, make_event):
    event = make_event(type="strike", countries=["UA"])
    data = {
        "type": "battle",
        "date": "2024-01-04",
        "precision": "day",
        "summary": "Fighting near Bakhmut.",
        "places": "Bakhmut, Donetsk Oblast",
        "countries": "ua, ru",
    }
    editor_client.post(reverse("review_edit", args=["event", event.pk]), data, headers=HTMX)
    event.refresh_from_db()
    assert (event.type, event.date, event.places, event.countries) == (
        "battle",
        D(2024, 1, 4),
        ["Bakhmut", "Donetsk Oblast"],
        ["UA", "RU"],
    )
    revision = Revision.objects.get()
    assert revision.before["countries"] == ["UA"]
    assert revision.before["date"] == "2024-01-05"


def test_it_refuses_a_place_name_with_a_null_character(editor_client, make_event):
    event = make_event(places=["Kyiv"])
    data = {"type": "battle", "summary": "Fighting.", "places": "Bakhmut, Kyiv\x00", "countries": "UA"}
    response = editor_client.post(reverse("review_edit", args=["event", event.pk]), data, headers=HTMX)
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    event.refresh_from_db()
    assert event.places == ["Kyiv"]
    assert not Revision.objects.exists()


def test_it_edits_a_pledge(editor_client, make_event, make_pledge):
    pledge = make_pledge(make_event(type="aid"))
    data = {
        "donor": "de",
        "recipient": "UA",
        "item": "Leopard 2A6",
        "category": "tank",
        "quantity": "18",
        "amount": "",
        "currency": "",
        "status": "delivered",
        "date": "",
    }
    editor_client.post(reverse("review_edit", args=["pledge", pledge.pk]), data, headers=HTMX)
    pledge.refresh_from_db()
    assert (pledge.item, pledge.quantity, pledge.status, pledge.date) == ("Leopard 2A6", 18, "delivered", None)


def test_it_links_an_edited_pledge_to_the_equipment_its_item_now_names(editor_client, make_event, make_pledge):
    leopard = Equipment.objects.create(name="Leopard 2", category="tank", origin="DE")
    abrams = Equipment.objects.create(name="M1 Abrams", aliases=["Abrams"], category="tank", origin="US")
    pledge = make_pledge(make_event(type="aid"), item="Leopard 2", equipment=leopard)
    data = {
        "donor": "US",
        "recipient": "UA",
        "item": "abrams",
        "category": "tank",
        "quantity": "31",
        "status": "pledged",
    }
    editor_client.post(reverse("review_edit", args=["pledge", pledge.pk]), data, headers=HTMX)
    pledge.refresh_from_db()
    assert (pledge.item, pledge.equipment) == ("abrams", abrams)
    data["item"] = "Some new drone"
    editor_client.post(reverse("review_edit", args=["pledge", pledge.pk]), data, headers=HTMX)
    pledge.refresh_from_db()
    assert pledge.equipment is None


def test_it_shows_the_form_again_with_errors(editor_client, loss):
    data = {"side": "Russia", "category": "personnel_killed", "min": "900", "max": "800", "period": "day"}
    response = editor_client.post(reverse("review_edit", args=["loss", loss.pk]), data, headers=HTMX)
    assert response.status_code == 200
    assert rendered(response)[0] == "components/record_form.html"
    html = response.content.decode()
    assert "Not a country code." in html
    assert "The maximum is below the minimum." in html
    loss.refresh_from_db()
    assert (loss.min, loss.review_state) == (800, "machine")
    assert not Revision.objects.exists()


def test_it_goes_back_to_the_page_without_javascript(editor_client, loss):
    response = editor_client.post(reverse("review_confirm", args=["loss", loss.pk]), {"next": "/?country=UA"})
    assert response.status_code == 302
    assert response["Location"] == f"/?country=UA#loss-{loss.pk}"


def test_it_never_goes_back_to_another_site(editor_client, loss):
    response = editor_client.post(reverse("review_reject", args=["loss", loss.pk]), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("review_record", args=["loss", loss.pk])


@pytest.mark.parametrize("target", ["https://evil.example/", "javascript:alert(1)", "//evil.example/"])
def test_it_offers_no_cancel_link_to_another_site(editor_client, loss, target):
    response = editor_client.get(reverse("review_edit", args=["loss", loss.pk]), {"next": target})
    html = response.content.decode()
    assert response.status_code == 200
    assert target not in html
    assert f'href="{reverse("review_record", args=["loss", loss.pk])}"' in html


def test_it_keeps_its_own_page_as_the_cancel_link(editor_client, loss):
    response = editor_client.get(reverse("review_edit", args=["loss", loss.pk]), {"next": "/?country=UA"})
    assert 'href="/?country=UA"' in response.content.decode()


def test_it_shows_the_history_of_a_record(editor, viewer_client, loss):
    editor_client = Client()
    editor_client.force_login(editor)
    data = {"side": "RU", "category": "personnel_killed", "min": "810", "max": "810", "period": "day"}
    editor_client.post(reverse("review_edit", args=["loss", loss.pk]), data, headers=HTMX)
    response = viewer_client.get(reverse("review_history", args=["loss", loss.pk]), headers=HTMX)
    assert rendered(response) == ["components/record_history.html"]
    html = response.content.decode()
    assert "Edited by editor" in html
    assert "<del>800</del> → <ins>810</ins>" in html


def test_it_shows_a_record_page_with_its_history_without_javascript(viewer_client, loss):
    response = viewer_client.get(reverse("review_history", args=["loss", loss.pk]))
    assert "dashboard/record.html" in rendered(response)
    assert "No review yet" in response.content.decode()
    assert f'href="/articles/{loss.article_id}/#s-{loss.span_start}"' in response.content.decode()


def test_it_cancels_an_edit_by_fetching_the_record(editor_client, loss):
    response = editor_client.get(reverse("review_record", args=["loss", loss.pk]), headers=HTMX)
    assert rendered(response) == ["components/record.html"]


def test_it_marks_reviewed_records_so_reextraction_keeps_them(editor_client, make_event, make_loss, make_pledge):
    event = make_event()
    loss = make_loss(event)
    pledge = make_pledge(event)
    editor_client.post(reverse("review_confirm", args=["event", event.pk]), headers=HTMX)
    editor_client.post(reverse("review_reject", args=["loss", loss.pk]), headers=HTMX)
    data = {
        "donor": "DE",
        "recipient": "UA",
        "item": "Leopard 2",
        "category": "tank",
        "quantity": "18",
        "status": "pledged",
    }
    editor_client.post(reverse("review_edit", args=["pledge", pledge.pk]), data, headers=HTMX)
    assert Event.objects.get().review_state == "confirmed"
    assert LossReport.objects.get().review_state == "rejected"
    pledge.refresh_from_db()
    assert pledge.review_state == "edited"
    assert Event.objects.exclude(review_state="machine").count() == 1


def test_it_renders_the_component_on_its_own_for_the_article_page(rf, editor, make_event, make_loss):
    from django.template.loader import render_to_string

    loss = make_loss(make_event())
    request = rf.get("/articles/1/")
    request.user = editor
    html = render_to_string("components/record.html", {"record": loss, "kind": "loss"}, request=request)
    assert f'id="loss-{loss.pk}"' in html
    assert ">Edit</a>" in html
    assert 'name="next" value="/articles/1/"' in html


def test_it_redraws_the_figures_of_the_event_after_a_review(editor_client, make_event, make_loss, make_pledge):
    event = make_event()
    make_loss(event, min=800, max=800)
    tanks = make_loss(event, category="tanks", min=3, max=3)
    pledge = make_pledge(event)
    figures = parse_page(editor_client.get(reverse("timeline") + "?view=reports")).one("ul", id=f"figures-{event.pk}")
    assert figures.get("hx-get") == f"/review/event/{event.pk}/figures/"
    assert figures.get("hx-trigger") == f"figures-changed-{event.pk} from:body"

    response = editor_client.post(reverse("review_reject", args=["loss", tanks.pk]), headers=HTMX)
    assert response["HX-Trigger"] == f"figures-changed-{event.pk}"
    data = {"donor": "DE", "recipient": "UA", "item": "Leopard 2", "category": "tank", "quantity": "18"}
    response = editor_client.post(
        reverse("review_edit", args=["pledge", pledge.pk]), {**data, "status": "pledged"}, headers=HTMX
    )
    assert response["HX-Trigger"] == f"figures-changed-{event.pk}"

    response = editor_client.get(reverse("event_figures", args=[event.pk]), headers=HTMX)
    assert rendered(response) == ["figures"]
    html = response.content.decode()
    assert "RU: 800 soldiers killed (past day)</li>" in html
    assert "3 tanks" not in html
    assert "DE → UA: 18 Leopard 2, pledged" in html
    shown = editor_client.get(reverse("event_figures", args=[event.pk]), {"review": "rejected"}).content.decode()
    assert "RU: 3 tanks (past day)</li>" in shown
    assert "800" not in shown


def test_it_does_not_redraw_the_figures_when_an_edit_is_refused(editor_client, loss):
    data = {"side": "Russia", "category": "personnel_killed", "min": "800", "max": "800", "period": "day"}
    response = editor_client.post(reverse("review_edit", args=["loss", loss.pk]), data, headers=HTMX)
    assert "HX-Trigger" not in response


def test_it_shows_a_loading_indicator_for_every_htmx_request(editor_client, make_event, make_loss, make_pledge):
    event = make_event()
    loss = make_loss(event)
    make_pledge(event)
    pages = [
        editor_client.get(reverse("timeline")),
        editor_client.get(reverse("charts")),
        editor_client.get(reverse("review_edit", args=["loss", loss.pk]), headers=HTMX),
    ]
    for response in pages:
        page = parse_page(response)
        requesting = page.select(hx_get=True) + page.select(hx_post=True)
        assert requesting
        for element in requesting:
            assert element.get("hx-indicator"), element.attrs


def _extracted_article():
    """An article read by the real pipeline: one pledge sentence, one loss sentence."""
    from articles import processing, uploads

    text = (
        "Germany will send 14 Leopard 2 tanks to Ukraine, Chancellor Olaf Scholz said on Wednesday. "
        "Ukraine's General Staff said 1,100 Russian soldiers were killed near Bakhmut in the past day.\n"
    )
    upload = uploads.Upload(raw=text.encode(), filename="tanks.txt", content_type="text/plain")
    article = uploads.create_article(upload, enqueue=False, published=D(2023, 1, 25)).article
    assert processing.process_article(article.pk)
    return article


def test_it_keeps_reviewed_records_through_a_real_reextraction(editor_client, editor):
    """Review through the pages, then extract the article again with the real pipeline."""
    import csv
    import io

    from articles import processing
    from articles.models import AidPledge

    article = _extracted_article()
    pledge = AidPledge.objects.get(article=article, item__icontains="Leopard")
    loss = LossReport.objects.get(article=article, category="personnel_killed")
    data = {"donor": "DE", "recipient": "UA", "item": pledge.item, "category": "tank", "quantity": "18"}
    editor_client.post(reverse("review_edit", args=["pledge", pledge.pk]), {**data, "status": "pledged"}, headers=HTMX)
    editor_client.post(reverse("review_reject", args=["loss", loss.pk]), headers=HTMX)
    editor_client.post(reverse("review_confirm", args=["event", pledge.event_id]), headers=HTMX)

    assert processing.reextract_article(article.pk)

    pledges = AidPledge.objects.filter(article=article, category="tank")
    assert [(p.pk, p.quantity, p.review_state) for p in pledges] == [(pledge.pk, 18, "edited")]
    assert Event.objects.get(pk=pledge.event_id).review_state == "confirmed"
    losses = LossReport.objects.filter(article=article, category="personnel_killed")
    assert [(x.pk, x.review_state) for x in losses] == [(loss.pk, "rejected")]
    html = editor_client.get(reverse("timeline") + "?view=reports").content.decode()
    assert f"DE → UA: 18 {pledge.item}, pledged" in html
    assert "1,100 soldiers killed" not in html
    response = editor_client.get(reverse("export_losses"))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row for row in rows if row["category"] == "personnel_killed"] == []


def test_it_does_not_bring_back_the_machine_s_version_of_an_edited_pledge(editor_client):
    from articles import processing
    from articles.models import AidPledge

    article = _extracted_article()
    pledge = AidPledge.objects.get(article=article, item__icontains="Leopard")
    data = {"donor": "DE", "recipient": "UA", "item": "Leopard 2A6", "category": "tank", "quantity": "14"}
    editor_client.post(reverse("review_edit", args=["pledge", pledge.pk]), {**data, "status": "pledged"}, headers=HTMX)
    assert processing.reextract_article(article.pk)
    pledges = AidPledge.objects.filter(article=article, category="tank")
    assert [(p.pk, p.item) for p in pledges] == [(pledge.pk, "Leopard 2A6")]


def test_it_does_not_bring_back_the_machine_s_version_of_an_edited_loss_or_event(editor_client):
    """An analyst moves a loss to another category and its event to another type; re-extraction
    must recognise the machine's originals and not add them again."""
    from articles import processing

    article = _extracted_article()
    loss = LossReport.objects.get(article=article, category="personnel_killed")
    data = {
        "side": "RU",
        "category": "personnel_casualties",
        "min": "1100",
        "max": "1100",
        "period": "day",
        "date": str(loss.date),
        "place": loss.place,
        "reported_by": loss.reported_by,
    }
    editor_client.post(reverse("review_edit", args=["loss", loss.pk]), data, headers=HTMX)
    event = loss.event
    data = {
        "type": "battle" if event.type != "battle" else "strike",
        "date": event.date.isoformat() if event.date else "",
        "precision": event.precision,
        "summary": event.summary,
        "places": ", ".join(event.places),
        "countries": ", ".join(event.countries),
    }
    editor_client.post(reverse("review_edit", args=["event", event.pk]), data, headers=HTMX)
    events_before = Event.objects.filter(article=article).count()

    assert processing.reextract_article(article.pk)

    losses = LossReport.objects.filter(article=article, side="RU")
    assert [(x.pk, x.category) for x in losses] == [(loss.pk, "personnel_casualties")]
    assert Event.objects.filter(article=article).count() == events_before


# Fixed query counts: a record's pages cost the same with one revision or many, an event's
# figures the same with one loss or many.


def _queries_for(client, method: str, url: str, headers: dict | None = None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    send = client.post if method == "post" else client.get
    send(url, headers=headers or {})  # session and permission caches warmed alike
    with CaptureQueriesContext(connection) as captured:
        response = send(url, headers=headers or {})
    assert response.status_code == 200, response
    return len(captured)


REVIEW_PAGES = [
    ("get", "review_record", None),
    ("get", "review_record", HTMX),
    ("get", "review_history", HTMX),
    ("get", "review_edit", None),
    ("get", "review_edit", HTMX),
    ("post", "review_confirm", HTMX),
    ("post", "review_reject", HTMX),
    ("post", "review_restore", HTMX),
]


@pytest.mark.parametrize("kind", ["event", "loss", "pledge"])
@pytest.mark.parametrize(("method", "name", "headers"), REVIEW_PAGES, ids=lambda value: str(value)[:14])
def test_it_reads_a_review_page_in_the_same_number_of_queries_for_1_or_6_revisions(
    editor_client, make_event, make_loss, make_pledge, kind, method, name, headers
):
    def measure(revisions: int) -> int:
        event = make_event()
        record = {"event": event, "loss": make_loss(event), "pledge": make_pledge(event)}[kind]
        for _ in range(revisions):
            editor_client.post(reverse("review_confirm", args=[kind, record.pk]), headers=HTMX)
        return _queries_for(editor_client, method, reverse(name, args=[kind, record.pk]), headers)

    assert measure(1) == measure(6)


def test_it_reads_an_events_figures_in_the_same_number_of_queries_for_1_or_10(
    editor_client, make_event, make_loss, make_pledge
):
    def measure(figures: int) -> int:
        event = make_event()
        for number in range(figures):
            make_loss(event, min=number, max=number)
            make_pledge(event, quantity=number + 1)
        return _queries_for(editor_client, "get", reverse("event_figures", args=[event.pk]), HTMX)

    assert measure(1) == measure(10)
