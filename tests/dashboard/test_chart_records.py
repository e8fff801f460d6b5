"""What the charts count and the records behind each bar (/records/losses/, /records/pledges/).

A single incident counts once per incident; claimants stand side by side; at most ten
colours; pledges named without a number are counted as such; a bar opens exactly the
reports it was counted from; and on real articles the chart's numbers are what its CSV
and its records pages give.
"""

import csv
import datetime
import io
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Incident, LossReport
from dashboard.charts import EQUIPMENT_GROUPS, equipment_group
from tests.pages import parse_page

D = datetime.date
SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed"


def chart_json(client, **params):
    response = client.get(reverse("charts_json"), params)
    assert response.status_code == 200, response.content
    return response.json()


def bar_url(base: str, bar: dict, **extra) -> str:
    """The address charts.js opens for a bar: the chart's records page plus the bar's options."""
    pairs = []
    for name, value in [*bar.items(), *extra.items()]:
        for one in value if isinstance(value, list) else [value]:
            pairs.append((name, one))
    return base + "&" + urlencode(pairs)


def record_ids(client, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [int(str(item.get("id")).rsplit("-", 1)[1]) for item in parse_page(response).select("article", cls="record")]


def strike_told_twice(make_article, make_event, make_loss, incident=True):
    """One night strike on Odesa: one outlet tells it under the 14th, another under the 15th."""
    shared = Incident.objects.create(type="strike", date=D(2024, 3, 14)) if incident else None
    losses = []
    for day, killed, place in ((D(2024, 3, 14), 12, "Odesa"), (D(2024, 3, 15), 14, "Odesa port")):
        event = make_event(article=make_article(title=f"Strike on {place}"), type="strike", date=day, incident=shared)
        losses.append(
            make_loss(event, side="UA", category="civilians_killed", min=killed, max=killed, period="incident")
        )
    return losses


def test_it_counts_a_strike_told_under_two_days_once_per_incident(viewer_client, make_article, make_event, make_loss):
    strike_told_twice(make_article, make_event, make_loss)
    losses = chart_json(viewer_client, side="UA", group="civilians")["losses"]
    # On the incident's day, with the largest figure any report gives; not 12 and 14 on two days.
    assert losses["labels"] == ["2024-03-14"]
    assert [d["data"] for d in losses["datasets"]] == [[14]]
    assert (losses["figures"], losses["reports"]) == (1, 2)
    html = viewer_client.get(reverse("charts"), {"side": "UA", "group": "civilians"}).content.decode()
    assert "a single incident counts once per incident" in html


def test_it_tells_incidents_without_an_incident_apart_by_place_and_day(
    viewer_client, make_article, make_event, make_loss
):
    strike_told_twice(make_article, make_event, make_loss, incident=False)
    losses = chart_json(viewer_client, side="UA", group="civilians")["losses"]
    assert losses["labels"] == ["2024-03-14", "2024-03-15"]
    assert losses["figures"] == 2


def test_it_counts_incidents_per_week_once_however_many_reports(viewer_client, make_article, make_event):
    # One strike told by three outlets, the night of Sunday 7 to Monday 8 January: one
    # incident, in the week of its first day; a battle no one else reported counts on its own.
    incident = Incident.objects.create(type="strike", date=D(2024, 1, 7))
    for day in (D(2024, 1, 7), D(2024, 1, 8), D(2024, 1, 8)):
        make_event(article=make_article(), type="strike", date=day, incident=incident)
    make_event(type="battle", date=D(2024, 1, 9))
    weekly = chart_json(viewer_client)["weekly"]
    assert weekly["labels"] == ["2024-01-01", "2024-01-08"]
    assert {d["type"]: d["data"] for d in weekly["datasets"]} == {"battle": [None, 1], "strike": [1, None]}
    assert (weekly["incidents"], weekly["events"]) == (2, 4)
    html = viewer_client.get(reverse("charts")).content.decode()
    assert "2 incidents from 4 reports" in html


def test_it_keeps_the_claimants_of_one_incident_apart(viewer_client, make_article, make_event, make_loss):
    incident = Incident.objects.create(type="strike", date=D(2024, 3, 14))
    for claimant, killed in (("UA", 20), ("RU", 3)):
        event = make_event(article=make_article(), type="strike", date=D(2024, 3, 14), incident=incident)
        make_loss(
            event,
            side="UA",
            category="civilians_killed",
            min=killed,
            max=killed,
            period="incident",
            reported_by=claimant,
        )
    losses = chart_json(viewer_client, side="UA", group="civilians")["losses"]
    assert sorted((d["claimant"], d["data"]) for d in losses["datasets"]) == [("RU", [3]), ("UA", [20])]


def test_it_shows_each_claimants_figure_side_by_side_in_the_table(viewer_client, make_event, make_loss):
    event = make_event(date=D(2024, 1, 5))
    make_loss(event, side="RU", min=800, max=800, period="day", reported_by="UA")
    make_loss(event, side="RU", min=300, max=300, period="day", reported_by="RU")
    make_loss(make_event(date=D(2024, 1, 6)), side="RU", min=750, max=750, period="day", reported_by="UA")
    table = chart_json(viewer_client)["losses"]["table"]
    assert table["claimants"] == ["RU", "UA"]
    # Newest day first, as on the timeline.
    assert [(row["day"], [cell["figure"] for cell in row["figures"]]) for row in table["rows"]] == [
        ("2024-01-06", [None, 750]),
        ("2024-01-05", [300, 800]),
    ]
    page = parse_page(viewer_client.get(reverse("charts")))
    rendered = page.select("table")[0]
    assert rendered.one("caption").text.startswith("Losses of RU by day, kind and category")
    assert [cell.text for cell in rendered.select("th", scope="col")] == [
        "Day",
        "Figure",
        "Category",
        "per RU",
        "per UA",
    ]
    rows = [[cell.text for cell in row.select("td")] for row in rendered.select("tr")[1:]]
    assert rows == [["daily", "soldiers killed", "—", "750"], ["daily", "soldiers killed", "300", "800"]]


def test_it_bounds_the_loss_table_to_the_latest_days_and_says_so(viewer_client, make_event, make_loss, monkeypatch):
    from dashboard import charts

    monkeypatch.setattr(charts, "TABLE_ROWS", 2)
    for day in (1, 2, 3):
        event = make_event(date=D(2024, 1, day))
        make_loss(event, min=800 + day, max=800 + day, period="day", reported_by="UA")
        make_loss(event, min=300 + day, max=300 + day, period="day", reported_by="RU")
    table = chart_json(viewer_client)["losses"]["table"]
    # One row a day (the two claimants side by side in it), the newest first.
    assert [row["day"] for row in table["rows"]] == ["2024-01-03", "2024-01-02"]
    assert (table["days_shown"], table["days"]) == (2, 3)
    caption = parse_page(viewer_client.get(reverse("charts"))).select("caption")[0].text
    assert caption.endswith("the latest 2 days of 3 (narrow the dates to see others; the CSV has them all)")


def test_it_draws_at_most_ten_colours_and_folds_the_smallest_into_other(viewer_client, make_event, make_loss):
    event = make_event(date=D(2024, 1, 5))
    categories = [
        "tanks", "armored_vehicles", "artillery", "mlrs", "air_defense", "aircraft",
        "helicopters", "drones", "missiles", "ships", "vehicles",
    ]  # fmt: skip
    for number, category in enumerate(categories, start=1):
        make_loss(event, category=category, min=number * 10, max=number * 10, period="day")
    losses = chart_json(viewer_client, group="equipment")["losses"]
    assert len(losses["datasets"]) == 10
    assert sorted({d["colour"] for d in losses["datasets"]}) == list(range(10))
    other = next(d for d in losses["datasets"] if d["category"] == "other")
    # The two smallest (20 armoured vehicles, 10 tanks) are one "other" bar of 30.
    assert other["data"] == [30]
    assert other["bar"]["category"] == ["armored_vehicles", "tanks"]
    assert losses["folded"] == ["armoured vehicles", "tanks"]
    assert sorted(record_ids(viewer_client, bar_url(losses["records"], other["bar"], day="2024-01-05"))) == sorted(
        loss.pk for loss in event.losses.filter(category__in=["tanks", "armored_vehicles"])
    )


def test_a_loss_bar_opens_exactly_the_records_behind_it(viewer_client, make_article, make_event, make_loss):
    first, second = strike_told_twice(make_article, make_event, make_loss)
    other_day = make_event(date=D(2024, 3, 15), type="strike")
    make_loss(other_day, side="UA", category="civilians_killed", min=5, max=5, period="incident", place="Kharkiv")
    make_loss(other_day, side="UA", category="civilians_killed", min=90, max=90, period="day", reported_by="UA")
    make_loss(other_day, side="UA", category="civilians_wounded", min=9, max=9, period="incident")
    losses = chart_json(viewer_client, side="UA", group="civilians")["losses"]
    incident_bar = next(
        d for d in losses["datasets"] if d["kind"] == "incident" and d["category"] == "civilians_killed"
    )
    # The strike's two reports stand on the incident's day, though one gives the next day.
    opened = record_ids(viewer_client, bar_url(losses["records"], incident_bar["bar"], day="2024-03-14"))
    assert sorted(opened) == sorted([first.pk, second.pk])
    page = parse_page(viewer_client.get(bar_url(losses["records"], incident_bar["bar"], day="2024-03-14")))
    links = {str(a.get("href")) for a in page.select("a") if a.text == "the incident it reports"}
    assert links == {reverse("incident", args=[first.event.incident_id])}
    kharkiv = record_ids(viewer_client, bar_url(losses["records"], incident_bar["bar"], day="2024-03-15"))
    assert kharkiv == [other_day.losses.get(place="Kharkiv").pk]


@pytest.fixture
def donor_pledges(make_event, make_pledge):
    aid = make_event(type="aid")
    return {
        "leopard": make_pledge(aid, donor="DE", item="Leopard 2", category="tank", quantity=14),
        "leopard_again": make_pledge(
            make_event(type="aid"), donor="DE", item="Leopard 2", category="tank", quantity=None
        ),
        "marder": make_pledge(aid, donor="DE", item="Marder", category="armored_vehicle", quantity=None),
        "iris": make_pledge(aid, donor="DE", item="IRIS-T", category="air_defense", quantity=None),
        "money": make_pledge(
            aid, donor="DE", item="", category="funding", quantity=None, amount=Decimal(2e9), currency="EUR"
        ),
        "money_unsaid": make_pledge(aid, donor="DE", item="", category="funding", quantity=None),
        "abrams": make_pledge(aid, donor="US", item="M1 Abrams", category="tank", quantity=31),
    }


def test_it_counts_the_pledges_named_without_a_number_per_donor(viewer_client, donor_pledges):
    equipment = chart_json(viewer_client)["pledges"]["equipment"]
    groups = {group["group"]: group for group in equipment["groups"]}
    assert list(groups) == ["armour", "air_defence"]
    armour = groups["armour"]
    assert armour["labels"] == ["US", "DE"]
    # "Leopard 2" without a number is a report of the pledge of 14; the Marder names none.
    assert [d["data"] for d in armour["datasets"]] == [[31, 14]]
    assert armour["unnumbered"]["data"] == [0, 1]
    assert groups["air_defence"]["datasets"] == []
    assert groups["air_defence"]["unnumbered"]["data"] == [1]
    assert equipment["without_quantity"] == 2
    funding = chart_json(viewer_client)["pledges"]["funding"]
    assert funding["unnumbered"]["data"] == [1]
    html = viewer_client.get(reverse("charts")).content.decode()
    assert "of which 2 named without a number" in html
    tables = [t for t in parse_page(html).select("table") if t.one("caption").text == "Armour and vehicles by donor"]
    assert [[cell.text for cell in row.select("td")] for row in tables[0].select("tr")[1:]] == [
        ["31", "—"],
        ["14", "1"],
    ]


def test_a_pledge_bar_opens_that_donors_pledges_not_all_its_events(viewer_client, donor_pledges):
    numbers = chart_json(viewer_client)
    equipment = numbers["pledges"]["equipment"]
    armour = next(group for group in equipment["groups"] if group["group"] == "armour")
    tanks = armour["datasets"][0]
    assert sorted(record_ids(viewer_client, bar_url(equipment["records"], tanks["bar"], donor="DE"))) == sorted(
        [donor_pledges["leopard"].pk, donor_pledges["leopard_again"].pk]
    )
    marker = bar_url(equipment["records"], armour["unnumbered"]["bar"], donor="DE")
    assert record_ids(viewer_client, marker) == [donor_pledges["marder"].pk]
    funding = numbers["pledges"]["funding"]
    euros = bar_url(funding["records"], funding["datasets"][0]["bar"], donor="DE")
    assert record_ids(viewer_client, euros) == [donor_pledges["money"].pk]
    unsaid = bar_url(funding["records"], funding["unnumbered"]["bar"], donor="DE")
    assert record_ids(viewer_client, unsaid) == [donor_pledges["money_unsaid"].pk]


def test_the_records_page_shows_each_record_with_its_sentence_and_article(viewer_client, donor_pledges):
    pledge = donor_pledges["abrams"]
    pledge.refresh_from_db()
    response = viewer_client.get(reverse("chart_records", args=["pledges"]), {"donor": "US", "status": "pledged"})
    assert "dashboard/records.html" in [template.name for template in response.templates]
    page = parse_page(response)
    [item] = page.select("li", cls="chart-record")
    assert item.one("blockquote").text == (pledge.sentence_text or "(no sentence kept)")
    link = item.one("p", cls="record-source").one("a")
    assert link.get("href") == f"/articles/{pledge.article_id}/#s-{pledge.span_start}"
    assert "from US (United States) · pledged" in page.one("p", cls="lede").text


def test_the_records_page_reads_in_a_fixed_number_of_queries(
    viewer_client, make_event, make_loss, django_assert_num_queries
):
    def queries(count: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for _ in range(count):
            make_loss(make_event(date=D(2024, 1, 5)))
        with CaptureQueriesContext(connection) as captured:
            assert viewer_client.get(reverse("chart_records", args=["losses"]), {"side": "RU"}).status_code == 200
        return len(captured)

    few = queries(3)
    many = queries(30)
    assert few == many


def test_the_records_page_pages_by_keyset(viewer_client, make_event, make_loss):
    event = make_event(date=D(2024, 1, 5))
    losses = [make_loss(event) for _ in range(55)]
    undated = [make_loss(event) for _ in range(3)]
    LossReport.objects.filter(pk__in=[loss.pk for loss in undated]).update(date=None)  # no day: last
    losses += undated
    url = reverse("chart_records", args=["losses"])
    page = parse_page(viewer_client.get(url, {"side": "RU"}))
    first = [int(str(a.get("id")).rsplit("-", 1)[1]) for a in page.select("article", cls="record")]
    assert len(first) == 50
    more = str(page.one("li", id="records-more").one("a").get("href"))
    fragment = viewer_client.get(more, headers={"HX-Request": "true", "HX-Target": "records-more"})
    rest = [int(str(a.get("id")).rsplit("-", 1)[1]) for a in parse_page(fragment).select("article", cls="record")]
    assert sorted(first + rest) == sorted(loss.pk for loss in losses)
    assert rest[-3:] == sorted((loss.pk for loss in losses[-3:]), reverse=True)


@pytest.mark.parametrize(
    "params",
    [{"day": "2024-13-01"}, {"claimant": "Russia!"}, {"category": "bridges"}, {"quantity": "some"}, {"after": "x"}],
)
def test_the_records_page_refuses_bad_options_with_400(viewer_client, db, params):
    response = viewer_client.get(reverse("chart_records", args=["losses"]), params)
    assert response.status_code == 400
    assert "These filters are not understood" in response.content.decode()


def test_the_records_page_answers_404_for_an_unknown_kind_and_sends_visitors_to_log_in(viewer_client, db):
    assert viewer_client.get("/records/tanks/").status_code == 404
    assert Client().get(reverse("chart_records", args=["losses"])).status_code == 302


# On real articles ---------------------------------------------------------------------------


@pytest.fixture
def seed_articles(db):
    """The three seed articles, read by the real pipeline (incidents grouped as they are written)."""
    from articles import processing, uploads

    for name, published in (("seed-000", D(2023, 1, 5)), ("seed-001", D(2023, 1, 24)), ("seed-004", D(2024, 1, 4))):
        raw = (SEED / f"{name}.txt").read_bytes()
        upload = uploads.Upload(raw=raw, filename=f"{name}.txt", content_type="text/plain")
        article = uploads.create_article(upload, enqueue=False, published=published).article
        assert processing.process_article(article.pk)


def csv_rows(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def _number(row: dict, low: str, high: str) -> int:
    return int(row[low] or row[high])


def _loss_points(rows: list[dict]) -> dict[tuple, int]:
    """The losses chart's points, worked out from its CSV rows by the rule the page states."""
    from articles.models import Event

    incidents = {
        event["pk"]: event
        for event in Event.objects.filter(pk__in={int(row["event_id"]) for row in rows}).values(
            "pk", "incident_id", "incident__date"
        )
    }
    figures: dict[tuple, int] = {}
    for row in rows:
        event = incidents[int(row["event_id"])]
        single = row["period"] == "incident"
        day = str(event["incident__date"]) if single and event["incident__date"] else row["date"]
        where = (f"#{event['incident_id']}" if event["incident_id"] else row["place"].lower()) if single else ""
        key = (row["category"], day, row["period"] or "day", row["reported_by"], where)
        figures[key] = max(figures.get(key, 0), _number(row, "min", "max"))
    points: dict[tuple, int] = defaultdict(int)
    for (category, day, period, claimant, _where), figure in figures.items():
        if day:
            kind = {"day": "daily"}.get(period, period)
            points[(kind, claimant, category, day)] += figure
    return dict(points)


@pytest.mark.parametrize(("side", "group"), [("RU", "personnel"), ("RU", "equipment"), ("UA", "civilians")])
def test_on_real_articles_the_loss_chart_counts_what_its_csv_and_records_give(
    viewer_client, seed_articles, side, group
):
    losses = chart_json(viewer_client, side=side, group=group)["losses"]
    assert losses["datasets"]
    rows = csv_rows(viewer_client, losses["csv"])
    charted = {
        (d["kind"], d["claimant"], d["category"], day): value
        for d in losses["datasets"]
        for day, value in zip(losses["labels"], d["data"], strict=True)
        if value is not None
    }
    assert charted == _loss_points(rows)
    behind = 0
    for dataset in losses["datasets"]:
        for day, value in zip(losses["labels"], dataset["data"], strict=True):
            if value is not None:
                opened = record_ids(viewer_client, bar_url(losses["records"], dataset["bar"], day=day))
                assert opened and set(opened) <= {int(row["loss_id"]) for row in rows}
                behind += len(opened)
    assert behind == losses["reports"] == len([row for row in rows if row["date"]])


def test_on_real_articles_the_aid_charts_count_what_their_csv_and_records_give(viewer_client, seed_articles):
    pledges = chart_json(viewer_client, status="both")["pledges"]
    equipment, funding = pledges["equipment"], pledges["funding"]

    rows = csv_rows(viewer_client, equipment["csv"])
    largest: dict[tuple, int | None] = {}
    for row in rows:
        key = (row["donor"], row["item"].lower() or row["category"], row["category"], row["status"])
        quantity = int(row["quantity"]) if row["quantity"] else None
        largest[key] = max(filter(None, [largest.get(key), quantity]), default=None)
    expected_bars: dict[tuple, int] = defaultdict(int)
    expected_unnumbered: dict[tuple, int] = defaultdict(int)
    for (donor, _item, category, status), quantity in largest.items():
        if quantity:
            expected_bars[(equipment_group(category), donor, category, status)] += quantity
        else:
            expected_unnumbered[(equipment_group(category), donor)] += 1
    charted_bars = {
        (group["group"], donor, d["category"], d["status"]): value
        for group in equipment["groups"]
        for d in group["datasets"]
        for donor, value in zip(group["labels"], d["data"], strict=True)
        if value is not None
    }
    charted_unnumbered = {
        (group["group"], donor): count
        for group in equipment["groups"]
        for donor, count in zip(group["labels"], group["unnumbered"]["data"], strict=True)
        if count
    }
    assert charted_bars and charted_unnumbered
    assert charted_bars == dict(expected_bars)
    assert charted_unnumbered == dict(expected_unnumbered)
    assert equipment["pledges"] == len(largest)
    opened = []
    for group in equipment["groups"]:
        assert group["group"] in EQUIPMENT_GROUPS
        for donor in group["labels"]:
            for dataset in group["datasets"]:
                if dataset["data"][group["labels"].index(donor)] is not None:
                    opened += record_ids(viewer_client, bar_url(equipment["records"], dataset["bar"], donor=donor))
            if group["unnumbered"]["data"][group["labels"].index(donor)]:
                opened += record_ids(
                    viewer_client, bar_url(equipment["records"], group["unnumbered"]["bar"], donor=donor)
                )
    assert sorted(opened) == sorted(int(row["pledge_id"]) for row in rows)

    money_rows = csv_rows(viewer_client, funding["csv"])
    assert money_rows
    packages = {(row["donor"], row["currency"], row["status"], row["amount"]) for row in money_rows}
    expected_money: dict[tuple, float] = defaultdict(float)
    for donor, currency, status, amount in packages:
        if amount:
            expected_money[(donor, currency, status)] += float(amount)
    charted_money = {
        (donor, d["currency"], d["status"]): value
        for d in funding["datasets"]
        for donor, value in zip(funding["labels"], d["data"], strict=True)
        if value is not None
    }
    assert charted_money == dict(expected_money)
    money_opened = []
    for d in funding["datasets"]:
        for donor, value in zip(funding["labels"], d["data"], strict=True):
            if value is not None:
                money_opened += record_ids(viewer_client, bar_url(funding["records"], d["bar"], donor=donor))
    assert sorted(money_opened) == sorted(int(row["pledge_id"]) for row in money_rows if row["amount"])


def test_the_table_links_keep_the_filters_escaped(viewer_client, make_article, make_event, make_loss):
    article = make_article(title='Losses "near" <Bakhmut> & Soledar')
    make_loss(make_event(article=article, date=D(2024, 1, 5)), reported_by="UA")
    query = 'near "<Bakhmut>" & Soledar'
    page = parse_page(viewer_client.get(reverse("charts"), {"q": query}))
    [link] = page.select("table")[0].select("a")
    href = str(link.get("href"))
    assert href.startswith("/records/losses/?q=near+%22%3CBakhmut%3E%22+%26+Soledar&side=RU&group=personnel&")
    assert record_ids(viewer_client, href) == [article.lossreports.get().pk]


def test_it_draws_a_loss_figure_without_a_day_at_its_report_date(viewer_client, make_article, make_event, make_loss):
    told = make_article(published=D(2024, 2, 9))
    placed = make_loss(make_event(article=told, date=None), date=None, min=300, max=300)
    losses = chart_json(viewer_client)["losses"]
    assert losses["labels"] == ["2024-02-09"]
    assert losses["undated"] == {"figures": 0, "reports": 0}
    assert [value for row in losses["datasets"] for value in row["data"] if value] == [300]
    assert record_ids(viewer_client, reverse("chart_records", args=["losses"]) + "?side=RU&day=2024-02-09") == [
        placed.pk
    ]


def test_it_counts_the_loss_figures_without_a_day_and_opens_their_records(
    viewer_client, make_article, make_event, make_loss
):
    make_loss(make_event(date=D(2024, 1, 5)))
    # Neither a day in the text nor a publication date: counted, not drawn.
    undated = make_loss(make_event(article=make_article(published=None), date=None), date=None, min=300, max=300)
    losses = chart_json(viewer_client)["losses"]
    assert losses["undated"] == {"figures": 1, "reports": 1}
    assert losses["figures"] == 1
    page = parse_page(viewer_client.get(reverse("charts")))
    [link] = [a for a in page.select("a") if a.text == "their records"]
    assert record_ids(viewer_client, str(link.get("href"))) == [undated.pk]
