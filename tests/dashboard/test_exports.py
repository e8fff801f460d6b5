"""CSV exports of events, losses and pledges: streamed, provenance, formula-safe, same rows as the timeline."""

import csv
import datetime
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from articles.models import Event, Incident
from dashboard import exports
from tests.pages import parse_page

D = datetime.date


def read_csv(response) -> list[dict]:
    assert isinstance(response, StreamingHttpResponse)
    text = response.getvalue().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def export(client, name, **params):
    response = client.get(reverse(f"export_{name}"), params)
    assert response.status_code == 200, response
    return response


def timeline_ids(client, **params) -> list[int]:
    ids, after = [], None
    while True:
        query = {"view": "reports", **params, **({"after": after} if after else {})}
        page = parse_page(client.get(reverse("timeline"), query))
        ids += page.card_ids()
        more = page.select(id="timeline-more")
        if not more:
            return ids
        [after] = parse_qs(urlsplit(str(more[0].one("a").get("href"))).query)["after"]


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get(reverse("export_events"))
    assert response.status_code == 302


def test_it_streams_utf8_csv_with_one_header_row(viewer_client, make_article, make_event):
    make_event(article=make_article(title="Zelensky: «We will hold» — Київ"))
    response = export(viewer_client, "events")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="warboard-events.csv"'
    text = response.getvalue().decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == ",".join(exports.EVENT_HEADER)
    assert len(lines) == 2
    assert "Київ" in text


def test_it_exports_events_with_iso_dates_and_provenance(viewer_client, make_article, make_event):
    article = make_article(title="Missile attack on Kyiv", outlet="BBC", published=D(2024, 1, 2))
    event = make_event(article=article, type="strike", date=D(2024, 1, 2), places=["Kyiv"], countries=["UA", "RU"])
    (row,) = read_csv(export(viewer_client, "events"))
    assert row["event_id"] == str(event.pk)
    assert row["date"] == "2024-01-02"
    assert row["precision"] == "day"
    assert row["type"] == "strike"
    assert row["places"] == "Kyiv"
    assert row["countries"] == "UA; RU"
    assert row["article_id"] == str(article.pk)
    assert row["article_title"] == "Missile attack on Kyiv"
    assert row["outlet"] == "BBC"
    assert row["article_url"] == article.url
    assert row["published"] == "2024-01-02"
    assert row["sentence"] == article.text[event.span_start : event.span_end]
    assert row["review_state"] == "machine"


def test_it_exports_losses_with_their_sentence(viewer_client, make_article, make_event, make_loss):
    text = "Intro. Russia lost 800 soldiers in the past day, Ukraine's military said. Outro."
    article = make_article(text=text)
    event = make_event(article=article, summary="Russia lost 800 soldiers in the past day, Ukraine's military said.")
    loss = make_loss(event, reported_by="UA")
    (row,) = read_csv(export(viewer_client, "losses"))
    assert row["loss_id"] == str(loss.pk)
    assert row["event_id"] == str(event.pk)
    assert row["incident"] == ""  # an event not grouped yet
    assert (row["side"], row["category"], row["min"], row["max"]) == ("RU", "personnel_killed", "800", "800")
    assert (row["period"], row["date"], row["reported_by"]) == ("day", "2024-01-05", "UA")
    assert row["sentence"] == "Russia lost 800 soldiers in the past day, Ukraine's military said."
    assert row["published"] == "2024-01-05"


def test_it_exports_pledges_with_money(viewer_client, make_event, make_pledge):
    event = make_event(type="aid")
    make_pledge(event, donor="US", item="", category="funding", quantity=None, amount=800_000_000, currency="USD")
    (row,) = read_csv(export(viewer_client, "pledges"))
    assert (row["donor"], row["recipient"], row["category"]) == ("US", "UA", "funding")
    assert row["amount"] == "800000000.00"
    assert row["currency"] == "USD"
    assert row["quantity"] == ""


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", " =1+1", "\t-cmd"])
def test_it_neutralises_cells_a_spreadsheet_would_run(viewer_client, make_article, make_event, dangerous):
    make_event(article=make_article(title=dangerous, outlet=dangerous))
    (row,) = read_csv(export(viewer_client, "events"))
    assert row["article_title"] == "'" + dangerous.strip()
    assert row["outlet"] == "'" + dangerous.strip()


def test_it_puts_no_line_break_inside_a_cell(viewer_client, make_article, make_event):
    """A tab or a line break in a title or a sentence would split the row in some readers."""
    text = "Strikes on\r\nKharkiv  and\tOdesa,\n\nofficials said."
    make_event(article=make_article(title="\tRussia\nstrikes\r\nKharkiv", text=text), summary=text)
    response = export(viewer_client, "events")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert len(body.splitlines()) == 2  # the header and one row
    (row,) = list(csv.DictReader(io.StringIO(body)))
    assert row["article_title"] == "Russia strikes Kharkiv"
    assert row["summary"] == row["sentence"] == "Strikes on Kharkiv and Odesa, officials said."


def test_it_starts_with_a_byte_order_mark_for_excel(viewer_client, make_event):
    make_event()
    plain = b"".join(export(viewer_client, "events").streaming_content)
    excel = b"".join(export(viewer_client, "events", excel=1).streaming_content)
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel == b"\xef\xbb\xbf" + plain


def test_it_leaves_ordinary_cells_alone(viewer_client, make_article, make_event):
    article = make_article(title='a=b, and "Leopard 2"', outlet="Reuters")
    make_event(article=article, date=D(2024, 1, 5), places=["Kyiv", "Lviv"])
    (row,) = read_csv(export(viewer_client, "events"))
    assert row["article_title"] == 'a=b, and "Leopard 2"'
    assert (row["outlet"], row["date"], row["places"], row["reviewed_at"]) == (
        "Reuters",
        "2024-01-05",
        "Kyiv; Lviv",
        "",
    )


def test_it_writes_review_times_in_iso_format(viewer_client, make_event):
    reviewed = datetime.datetime(2024, 3, 1, 12, 30, 5, tzinfo=datetime.UTC)
    make_event(review_state="confirmed", reviewed_at=reviewed)
    make_event(review_state="confirmed", reviewed_at=reviewed.replace(microsecond=250))
    rows = read_csv(export(viewer_client, "events"))
    assert sorted(row["reviewed_at"] for row in rows) == [
        reviewed.isoformat(),
        reviewed.replace(microsecond=250).isoformat(),
    ]


def test_it_streams_what_postgresqls_copy_writes_in_pieces(viewer_client, make_event, monkeypatch):
    for _ in range(30):
        make_event()
    monkeypatch.setattr(exports, "CHUNK_BYTES", 1000)
    response = export(viewer_client, "events")
    pieces = list(response.streaming_content)
    assert len(pieces) > 3  # the header, then pieces of about 1,000 bytes
    assert len(list(csv.DictReader(io.StringIO(b"".join(pieces).decode())))) == 30


def test_it_exports_the_same_events_as_the_timeline(viewer_client, make_article, make_event, make_loss):
    article = make_article(outlet="Reuters")
    for day in range(40):
        event = make_event(article=article, date=D(2024, 1, 1) + datetime.timedelta(days=day % 9), countries=["UA"])
        make_loss(event)
    make_event(date=None, countries=["UA"])
    make_event(countries=["PL"])
    make_event(countries=["UA"], review_state="rejected")
    for params in ({}, {"country": "UA"}, {"order": "oldest"}, {"from": "2024-01-03", "outlet": "Reuters"}):
        rows = read_csv(export(viewer_client, "events", **params))
        assert [int(row["event_id"]) for row in rows] == timeline_ids(viewer_client, **params), params


def test_it_exports_the_losses_and_pledges_shown_under_the_timeline_events(
    viewer_client, make_event, make_loss, make_pledge
):
    kept = make_event(countries=["UA"], date=D(2024, 1, 2))
    shown_loss = make_loss(kept)
    make_loss(kept, category="tanks", review_state="rejected")
    shown_pledge = make_pledge(kept)
    other = make_event(countries=["PL"], date=D(2024, 1, 1))
    make_loss(other, side="RU")
    make_pledge(other, donor="IR", recipient="RU", item="Shahed-136", category="drone")
    losses = read_csv(export(viewer_client, "losses", country="UA"))
    pledges = read_csv(export(viewer_client, "pledges", country="UA"))
    assert [int(row["loss_id"]) for row in losses] == [shown_loss.pk]
    assert [int(row["pledge_id"]) for row in pledges] == [shown_pledge.pk]


def test_it_leaves_rejected_records_out_unless_asked(viewer_client, make_event, make_loss):
    event = make_event()
    make_loss(event, review_state="rejected")
    assert read_csv(export(viewer_client, "losses")) == []
    assert len(read_csv(export(viewer_client, "losses", review="rejected"))) == 1


def test_it_answers_a_bad_filter_with_400(viewer_client, db):
    for name in ("events", "losses", "pledges"):
        assert viewer_client.get(reverse(f"export_{name}"), {"from": "soon"}).status_code == 400


def test_it_stores_each_records_sentence_and_follows_the_articles_text(make_article, make_event, make_loss):
    article = make_article(text="Intro. Russia lost 800 soldiers. Outro.")
    event = make_event(article=article, summary="Russia lost 800 soldiers.")
    loss = make_loss(event)
    event.refresh_from_db()
    loss.refresh_from_db()
    assert event.sentence_text == loss.sentence_text == "Russia lost 800 soldiers."
    article.text = "Start. Russia lost 900 soldiers. End."
    article.save()
    event.refresh_from_db()
    assert event.sentence_text == "Russia lost 900 soldiers."


def test_it_exports_the_incident_of_each_loss_so_claims_pivot(viewer_client, make_article, make_event, make_loss):
    per_ua = make_event(article=make_article(outlet="Kyiv Independent"), type="battle")
    per_ru = make_event(article=make_article(outlet="TASS"), type="battle")
    make_loss(per_ua, reported_by="UA")
    make_loss(per_ru, min=300, max=300, reported_by="RU")
    incident = Incident.objects.create(type="battle", date=per_ua.date)
    Event.objects.filter(pk__in=[per_ua.pk, per_ru.pk]).update(incident=incident)
    response = export(viewer_client, "losses")
    rows = read_csv(response)
    assert list(rows[0])[:5] == ["loss_id", "event_id", "incident", "side", "category"]
    assert sorted((row["incident"], row["reported_by"], row["min"]) for row in rows) == [
        (str(incident.pk), "RU", "300"),
        (str(incident.pk), "UA", "800"),
    ]
