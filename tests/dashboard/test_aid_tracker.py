"""The aid tracker at /aid/: each donor's systems from request to delivery, totals in euros, the CSV."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from articles.models import AidPledge
from dashboard import fx
from tests.pages import parse_page

day = datetime.date
# What a pledge of money is: no item, no quantity.
FUNDING = {"item": "", "category": "funding", "quantity": None}
US_PACKAGE = {"donor": "US", "amount": Decimal(800_000_000), "currency": "USD", **FUNDING}


def get(client, **params):
    return client.get(reverse("aid"), params)


def rendered(response) -> list[str]:
    return [template.name for template in response.templates]


def rows(response) -> list:
    assert response.status_code == 200, response.content
    return parse_page(response).select("tr", cls="aid-row")


def record_link(pledge) -> str:
    return reverse("review_record", kwargs={"kind": "pledge", "pk": pledge.pk})


def step_cell(row, status: str):
    return row.one("td", cls=f"step-{status}")


def csv_rows(client, **params) -> list[dict]:
    response = client.get(reverse("aid_csv"), params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def report(make_article, make_event, make_pledge):
    """One article telling one pledge: report(outlet, published, status, date=..., **pledge fields)."""

    def make(outlet, published, status, date=None, **fields):
        article = make_article(title=f"{outlet} on aid for Ukraine", outlet=outlet, published=published)
        event = make_event(article=article, date=date, type="aid")
        return make_pledge(event, status=status, date=date, **fields)

    return make


@pytest.fixture
def leopards(report):
    """Germany's Leopard 2: requested (no day given), pledged by two outlets, then delivered."""
    return {
        "requested": report("Kyiv Independent", day(2023, 1, 10), "requested", quantity=None),
        "pledged": report("Reuters", day(2023, 1, 30), "pledged", date=day(2023, 1, 25), quantity=14),
        "pledged again": report("BBC", day(2023, 2, 2), "pledged", date=day(2023, 2, 1), item="leopard 2", quantity=18),
        "delivered": report("Der Spiegel", day(2023, 3, 28), "delivered", date=day(2023, 3, 27), quantity=18),
    }


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get(reverse("aid"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_a_system_from_request_to_delivery_with_days_and_sources(viewer_client, leopards):
    (row,) = rows(get(viewer_client))
    assert row.one("th").text == "DE"
    assert row.one("span", cls="aid-system").text == "Leopard 2"

    requested = step_cell(row, "requested")
    assert requested.one("span", cls="reported-day").text == "reported 2023-01-10"
    assert requested.one("span", cls="aid-sources").text == "1 report: Kyiv Independent"
    assert requested.one("a").get("href") == record_link(leopards["requested"])

    pledged = step_cell(row, "pledged")
    assert pledged.one("time").text == "2023-01-25"
    assert pledged.one("span", cls="aid-quantity").text == "× 18"  # the largest any report gives
    assert pledged.one("span", cls="aid-sources").text == "2 reports: Reuters, BBC"
    assert [link.get("href") for link in pledged.select("a")] == [
        record_link(leopards["pledged"]),
        record_link(leopards["pledged again"]),
    ]

    delivered = step_cell(row, "delivered")
    assert delivered.one("time").text == "2023-03-27"
    assert delivered.one("span", cls="aid-sources").text == "1 report: Der Spiegel"
    assert "step-none" in step_cell(row, "considering").classes


def test_it_takes_the_stated_day_over_an_earlier_report_date(viewer_client, report):
    report("Reuters", day(2023, 1, 20), "pledged", date=None)
    report("BBC", day(2023, 1, 30), "pledged", date=day(2023, 1, 18))
    (row,) = rows(get(viewer_client))
    assert step_cell(row, "pledged").one("time").text == "2023-01-18"


def test_it_does_not_count_rejected_records(viewer_client, leopards):
    AidPledge.objects.filter(pk=leopards["delivered"].pk).update(review_state="rejected")
    (row,) = rows(get(viewer_client))
    assert "step-none" in step_cell(row, "delivered").classes
    (row,) = rows(get(viewer_client, review="all"))
    assert step_cell(row, "delivered").one("time").text == "2023-03-27"


def test_it_keeps_donors_and_systems_apart(viewer_client, report):
    report("Reuters", day(2023, 1, 25), "pledged", donor="DE", item="Leopard 2")
    report("Reuters", day(2023, 1, 25), "pledged", donor="PL", item="Leopard 2", quantity=14)
    report("Reuters", day(2023, 1, 25), "pledged", donor="DE", item="", category="air_defense", quantity=None)
    shown = [(row.one("th").text, row.one("span", cls="aid-system").text) for row in rows(get(viewer_client))]
    assert shown == [("DE", "Air defence"), ("DE", "Leopard 2"), ("PL", "Leopard 2")]


def test_it_converts_money_at_the_ecb_rate_of_the_announcement_month(viewer_client, report):
    report("Reuters", day(2023, 1, 30), "pledged", date=day(2023, 1, 25), **US_PACKAGE)
    response = get(viewer_client)
    (row,) = rows(response)
    assert row.one("span", cls="aid-system").text == "Funding: USD 800,000,000"
    # January 2023's ECB reference rates average 1.0769 dollars per euro.
    assert row.one("span", cls="aid-eur").text == "€742,873,062 at 2023-01's rate 1.0769"
    (total,) = parse_page(response).one("table", cls="aid-totals").select("tr")[1:]
    cells = [cell.text for cell in total.select("td")]
    assert cells[:3] == ["€742,873,062", "€0", "pledged USD 800,000,000"]


def test_it_shows_a_currency_the_ecb_does_not_quote_unconverted(viewer_client, report):
    hryvnias = {"donor": "UA", "amount": Decimal(1_500_000_000), "currency": "UAH", **FUNDING}
    report("Ukrinform", day(2023, 5, 2), "pledged", date=day(2023, 5, 2), **hryvnias)
    response = get(viewer_client)
    (row,) = rows(response)
    assert "not converted: UAH: not among the ECB's reference rates" in row.one("td", cls="aid-amount").text
    (total,) = parse_page(response).one("table", cls="aid-totals").select("tr")[1:]
    cells = [cell.text for cell in total.select("td")]
    assert cells[0] == "€0"
    assert cells[3] == "UAH 1,500,000,000 pledged (UAH: not among the ECB's reference rates)"


def test_it_adds_each_package_once_per_donor_in_euros(viewer_client, report):
    money = {"donor": "GB", "currency": "GBP", **FUNDING}
    # One package told twice, another package, and a delivery.
    report("BBC", day(2024, 1, 12), "pledged", date=day(2024, 1, 12), amount=Decimal("2500000000"), **money)
    report("Reuters", day(2024, 1, 13), "pledged", date=day(2024, 1, 12), amount=Decimal("2500000000"), **money)
    report("BBC", day(2024, 2, 20), "pledged", date=day(2024, 2, 20), amount=Decimal("245000000"), **money)
    report("BBC", day(2024, 3, 1), "delivered", date=day(2024, 3, 1), amount=Decimal("245000000"), **money)
    response = get(viewer_client)
    (total,) = parse_page(response).one("table", cls="aid-totals").select("tr")[1:]

    def euros(amount: int, on: datetime.date) -> Decimal:
        return fx.to_eur(Decimal(amount), "GBP", on).eur or Decimal("NaN")

    pledged = euros(2_500_000_000, day(2024, 1, 12)) + euros(245_000_000, day(2024, 2, 20))
    # Delivered in March, the package is converted at the rate of February, when it was announced.
    delivered = euros(245_000_000, day(2024, 2, 20))
    assert delivered != euros(245_000_000, day(2024, 3, 1))
    cells = [cell.text for cell in total.select("td")]
    assert cells[:2] == [f"€{pledged:,.0f}", f"€{delivered:,.0f}"]
    assert cells[2] == "pledged GBP 2,745,000,000; delivered GBP 245,000,000"


def test_it_draws_cumulative_lines_over_every_month(viewer_client, report):
    money = {"donor": "US", "currency": "EUR", **FUNDING}
    report("Reuters", day(2023, 1, 5), "pledged", date=day(2023, 1, 5), amount=Decimal("100"), **money)
    report("Reuters", day(2023, 4, 5), "pledged", date=day(2023, 4, 5), amount=Decimal("50"), **money)
    report("Reuters", day(2023, 3, 5), "delivered", date=day(2023, 3, 5), amount=Decimal("100"), **money)
    html = get(viewer_client).content.decode()
    start = html.index('<script id="aid-chart-data" type="application/json">')
    chart = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    assert chart["months"] == ["2023-01", "2023-02", "2023-03", "2023-04"]
    assert chart["donors"] == [{"donor": "US", "pledged": [100, 100, 100, 150], "delivered": [0, 0, 100, 100]}]
    assert 'id="chart-aid"' in html
    table = parse_page(html).one("table", cls="aid-chart-table")
    assert [cell.text for cell in table.select("th")[:3]] == ["Month", "US pledged", "US delivered"]
    assert [[cell.text for cell in row.select()] for row in table.one("tbody").select("tr")] == [
        ["2023-01", "€100", "€0"],
        ["2023-02", "€100", "€0"],
        ["2023-03", "€100", "€100"],
        ["2023-04", "€150", "€100"],
    ]
    assert "static/js/aid.js" in html
    assert "<script>" not in html


def test_it_groups_donors_beyond_the_ninth_as_others(viewer_client, report):
    for rank, donor in enumerate(["AT", "BE", "CA", "DE", "DK", "ES", "FI", "FR", "GB", "IT", "NL"]):
        money = {"amount": Decimal(1000 - rank), "currency": "EUR", **FUNDING}
        report("Reuters", day(2023, 1, 5), "pledged", date=day(2023, 1, 5), donor=donor, **money)
    html = get(viewer_client).content.decode()
    start = html.index('<script id="aid-chart-data" type="application/json">')
    chart = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    names = [line["donor"] for line in chart["donors"]]
    assert names == ["AT", "BE", "CA", "DE", "DK", "ES", "FI", "FR", "GB", "Other donors (2)"]
    assert chart["donors"][-1]["pledged"] == [990 + 991]


def test_it_exports_the_table_with_original_and_euro_amounts(viewer_client, leopards, report):
    report("Reuters", day(2023, 1, 30), "pledged", date=day(2023, 1, 25), **US_PACKAGE)
    leopard, money = csv_rows(viewer_client)
    assert (leopard["donor"], leopard["system"], leopard["category"]) == ("DE", "Leopard 2", "tank")
    assert (leopard["requested_day"], leopard["requested_day_from"]) == ("2023-01-10", "reported")
    assert (leopard["pledged_day"], leopard["pledged_day_from"], leopard["pledged_quantity"]) == (
        "2023-01-25",
        "stated",
        "18",
    )
    assert (leopard["pledged_reports"], leopard["pledged_outlets"]) == ("2", "BBC; Reuters")
    assert (leopard["delivered_day"], leopard["delivered_outlets"], leopard["considering_reports"]) == (
        "2023-03-27",
        "Der Spiegel",
        "0",
    )
    assert (money["amount"], money["currency"], money["amount_eur"]) == ("800000000.00", "USD", "742873061.57")
    assert (money["eur_rate_month"], money["eur_rate"]) == ("2023-01", "1.076900")


def test_it_exports_under_the_same_filters(viewer_client, leopards, report):
    report("Reuters", day(2023, 1, 25), "pledged", date=day(2023, 1, 25), donor="PL", quantity=14)
    assert [row["donor"] for row in csv_rows(viewer_client, country="PL")] == ["PL"]
    assert [row["donor"] for row in csv_rows(viewer_client, step="delivered")] == ["DE"]


def test_it_keeps_a_country_filter_to_that_country_s_pledges(viewer_client, make_event, make_pledge):
    event = make_event(type="aid", countries=["DE", "US", "UA"])
    make_pledge(event, donor="DE", item="Leopard 2")
    make_pledge(event, donor="US", item="M1 Abrams", quantity=31)
    assert [row.one("th").text for row in rows(get(viewer_client, country="DE"))] == ["DE"]
    assert [row.one("th").text for row in rows(get(viewer_client, country="UA"))] == ["DE", "US"]


def test_it_filters_by_the_step_a_path_reached(viewer_client, leopards, report):
    report("Reuters", day(2023, 1, 25), "pledged", date=day(2023, 1, 25), donor="PL", quantity=14)
    fighters = {"donor": "US", "item": "F-16", "category": "aircraft"}
    report("Reuters", day(2023, 1, 25), "considering", date=day(2023, 1, 25), **fighters)
    donors = lambda **params: [row.one("th").text for row in rows(get(viewer_client, **params))]  # noqa: E731
    assert donors() == ["DE", "PL", "US"]
    assert donors(step="delivered") == ["DE"]
    assert donors(step="undelivered") == ["PL"]
    assert donors(step="considering") == ["US"]


def test_it_filters_like_the_timeline(viewer_client, leopards, report):
    report("Reuters", day(2024, 5, 2), "pledged", date=day(2024, 5, 2), donor="PL", quantity=14)
    assert [row.one("th").text for row in rows(get(viewer_client, **{"from": "2024-01-01"}))] == ["PL"]
    assert [row.one("th").text for row in rows(get(viewer_client, outlet="der spiegel"))] == ["DE"]


@pytest.mark.parametrize(
    "params",
    [{"from": "last year"}, {"step": "shipped"}, {"start": "DE"}, {"start": "de.-1"}, {"country": "Germany"}],
)
def test_it_answers_bad_filters_with_400(viewer_client, db, params):
    response = get(viewer_client, **params)
    assert response.status_code == 400
    assert "These filters are not understood" in response.content.decode()
    assert viewer_client.get(reverse("aid_csv"), params).status_code == 400


def test_it_answers_a_start_past_the_end_with_404(viewer_client, leopards):
    assert get(viewer_client, start="DE.1").status_code == 404
    assert get(viewer_client, start="ZZ.0").status_code == 404


def test_it_pages_the_table_from_donor_to_donor(viewer_client, report, monkeypatch):
    from dashboard import aid

    monkeypatch.setattr(aid, "PAGE_ROWS", 2)
    for donor, item in (("AT", "Pandur"), ("BE", "F-16"), ("BE", "Leopard 1"), ("BE", "Piranha"), ("CA", "NASAMS")):
        report("Reuters", day(2023, 1, 25), "pledged", date=day(2023, 1, 25), donor=donor, item=item)

    def page(response) -> tuple[list[tuple[str, str]], str | None]:
        shown = [(row.one("th").text, row.one("span", cls="aid-system").text) for row in rows(response)]
        found = parse_page(response).select("a", rel="next")
        return shown, found[0].get("href") if found else None

    shown, after = page(get(viewer_client, step="pledged"))
    assert shown == [("AT", "Pandur"), ("BE", "F-16")]
    assert after == reverse("aid") + "?step=pledged&start=BE.1"
    shown, after = page(viewer_client.get(after))
    assert shown == [("BE", "Leopard 1"), ("BE", "Piranha")]
    assert after == reverse("aid") + "?step=pledged&start=BE.3"
    shown, after = page(viewer_client.get(after))
    assert (shown, after) == ([("CA", "NASAMS")], None)
    assert "1 row from CA's on" in viewer_client.get(reverse("aid"), {"start": "BE.3"}).content.decode()


def test_it_renders_only_the_tracker_for_an_htmx_filter_change(viewer_client, leopards):
    response = viewer_client.get(
        reverse("aid"), {"step": "delivered"}, headers={"HX-Request": "true", "HX-Target": "aid-body"}
    )
    assert "aid-body" in rendered(response)
    assert "dashboard/aid.html" not in rendered(response)
    assert response["HX-Push-Url"] == reverse("aid") + "?step=delivered"
    assert len(rows(response)) == 1


def test_it_is_in_the_site_navigation(viewer_client, db):
    nav = parse_page(viewer_client.get(reverse("timeline"))).one("nav", cls="site-nav")
    assert reverse("aid") in [link.get("href") for link in nav.select("a")]


def _populate(report, count: int) -> None:
    for number in range(count):
        published = day(2023, 1, 1) + datetime.timedelta(days=number)
        pledge = {"donor": ["DE", "US", "GB"][number % 3], "item": f"System {number % 7}", "currency": "USD"}
        status = ["requested", "pledged"][number % 2]
        date = published if number % 3 else None
        report(f"Outlet {number % 4}", published, status, date=date, amount=Decimal(number + 1), **pledge)


@pytest.mark.parametrize("count", [4, 40])
def test_it_uses_a_fixed_number_of_queries(viewer_client, report, django_assert_num_queries, count):
    _populate(report, count)
    get(viewer_client)  # session, permission caches and the filter lists warmed alike
    # session, user, permissions (2), rows, their sources, the money by month, the filter lists
    with django_assert_num_queries(8):
        response = get(viewer_client)
    assert len(rows(response)) > 1


def test_it_lists_the_first_sources_of_a_step_and_counts_the_rest(viewer_client, report):
    for number in range(8):
        report(f"Outlet {number}", day(2023, 1, 10 + number), "pledged", date=day(2023, 1, 10 + number))
    (row,) = rows(get(viewer_client))
    sources = step_cell(row, "pledged").one("span", cls="aid-sources")
    assert sources.text == "8 reports: Outlet 0, Outlet 1, Outlet 2, Outlet 3, Outlet 4, Outlet 5 and 2 more"
