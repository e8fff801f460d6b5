"""The charts page and its JSON: losses over time, aid by donor, events per week.

The de-duplication rule: each real-world figure counts once however many
articles repeat it, with the largest number any of them gives.
"""

import datetime
import json
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from tests.pages import parse_page

D = datetime.date


def chart_json(client, **params):
    response = client.get(reverse("charts_json"), params)
    assert response.status_code == 200, response.content
    return response.json()


def rendered(response) -> list[str]:
    return [template.name for template in response.templates]


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get(reverse("charts"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_renders_the_page_with_the_numbers_in_json_script(viewer_client, make_event, make_loss):
    make_loss(make_event())
    response = viewer_client.get(reverse("charts"))
    assert response.status_code == 200
    assert "dashboard/charts.html" in rendered(response)
    html = response.content.decode()
    assert '<script id="chart-data" type="application/json">' in html
    for canvas in ("chart-losses", "chart-weekly"):
        assert f'id="{canvas}"' in html
    assert "static/js/charts.js" in html
    # No inline script: the CSP allows scripts from 'self' only.
    assert "<script>" not in html


def test_it_renders_only_the_charts_for_an_htmx_filter_change(viewer_client, make_event):
    make_event()
    response = viewer_client.get(reverse("charts"), headers={"HX-Request": "true", "HX-Target": "charts-body"})
    assert "charts-body" in rendered(response)
    assert "dashboard/charts.html" not in rendered(response)
    assert 'id="chart-data"' in response.content.decode()


def test_it_draws_daily_figures_as_bars_and_cumulative_totals_as_a_line(
    viewer_client, make_event, make_loss, make_article
):
    day1, day2 = make_event(date=D(2024, 1, 4)), make_event(date=D(2024, 1, 5))
    make_loss(day1, min=700, max=700, period="day")
    make_loss(day1, min=360_000, max=360_000, period="cumulative")
    make_loss(day2, min=800, max=800, period="day")
    make_loss(day2, min=360_800, max=360_800, period="cumulative")
    losses = chart_json(viewer_client)["losses"]
    assert losses["labels"] == ["2024-01-04", "2024-01-05"]
    by_kind = {(d["kind"], d["category"]): d["data"] for d in losses["datasets"]}
    assert by_kind[("daily", "personnel_killed")] == [700, 800]
    # Never a daily figure added to a cumulative total.
    assert by_kind[("cumulative", "personnel_killed")] == [360_000, 360_800]


def test_it_counts_a_daily_tally_repeated_by_several_articles_once(viewer_client, make_event, make_loss):
    for number in (800, 800, 790):
        make_loss(make_event(date=D(2024, 1, 5)), min=number, max=number, period="day", reported_by="UA")
    losses = chart_json(viewer_client)["losses"]
    assert losses["datasets"][0]["data"] == [800]
    assert losses["figures"] == 1
    assert losses["reports"] == 3


def test_it_keeps_figures_from_different_claimants_apart(viewer_client, make_event, make_loss):
    event = make_event(date=D(2024, 1, 5))
    make_loss(event, category="civilians_killed", side="UA", min=10, max=10, period="incident", reported_by="UA")
    make_loss(event, category="civilians_killed", side="UA", min=12, max=12, period="incident", reported_by="UN")
    losses = chart_json(viewer_client, side="UA", group="civilians")["losses"]
    assert losses["figures"] == 2
    # Two estimates of the same deaths: side by side in two stacks, never added up to 22.
    assert [(d["claimant"], d["stack"], d["data"]) for d in losses["datasets"]] == [
        ("UA", "incident UA", [10]),
        ("UN", "incident UN", [12]),
    ]
    assert [d["label"] for d in losses["datasets"]] == [
        "civilians killed, incidents (per UA)",
        "civilians killed, incidents (per UN)",
    ]


def test_it_stacks_incidents_apart_from_the_daily_tally(viewer_client, make_event, make_loss):
    event = make_event(date=D(2024, 2, 17))
    make_loss(event, category="tanks", min=47, max=47, period="incident", reported_by="UA", place="Avdiivka")
    make_loss(event, category="tanks", min=50, max=50, period="day", reported_by="UA")
    losses = chart_json(viewer_client, group="equipment")["losses"]
    assert sorted((d["kind"], d["stack"], d["data"]) for d in losses["datasets"]) == [
        ("daily", "daily UA", [50]),
        ("incident", "incident UA", [47]),
    ]


def test_it_counts_incidents_in_different_places_on_one_day_once_each(
    viewer_client, make_article, make_event, make_loss
):
    # Three articles: two repeat the Odesa strike, one reports Kharkiv's the same day.
    for place, killed in (("Odesa", 20), ("odesa", 20), ("Kharkiv", 5)):
        event = make_event(article=make_article(title=f"Strike on {place}"), date=D(2024, 3, 15))
        make_loss(event, side="UA", category="civilians_killed", min=killed, max=killed, period="incident", place=place)
    losses = chart_json(viewer_client, side="UA", group="civilians")["losses"]
    assert losses["figures"] == 2
    assert losses["reports"] == 3
    assert [d["data"] for d in losses["datasets"]] == [[25]]


def test_it_counts_the_lower_bound_of_a_range(viewer_client, make_event, make_loss):
    make_loss(make_event(), min=70_000, max=80_000, period="cumulative")
    make_loss(make_event(), category="personnel_wounded", min=None, max=40, period="day")
    losses = chart_json(viewer_client)["losses"]
    by_category = {d["category"]: d["data"] for d in losses["datasets"]}
    assert by_category == {"personnel_killed": [70_000], "personnel_wounded": [40]}


def test_it_charts_the_chosen_side_and_category_group(viewer_client, make_event, make_loss):
    event = make_event()
    make_loss(event, side="RU", category="tanks", min=3, max=3)
    make_loss(event, side="RU", category="personnel_killed")
    make_loss(event, side="UA", category="tanks", min=1, max=1)
    losses = chart_json(viewer_client, side="ru", group="equipment")["losses"]
    assert [(d["category"], d["data"]) for d in losses["datasets"]] == [("tanks", [3])]


def test_it_links_each_bar_of_losses_to_its_records(viewer_client, make_event, make_loss):
    make_loss(make_event(date=D(2024, 1, 5)), reported_by="UA")
    losses = chart_json(viewer_client, type="losses")["losses"]
    assert losses["records"] == "/records/losses/?type=losses&side=RU&group=personnel"
    assert losses["datasets"][0]["bar"] == {"kind": "daily", "claimant": "UA", "category": ["personnel_killed"]}


def test_it_counts_a_pledge_repeated_by_ten_articles_once_with_the_largest_quantity(
    viewer_client, make_event, make_pledge
):
    for quantity in (14, 14, 14, 14, 14, 14, 14, 12, 14, 14):
        make_pledge(make_event(type="aid"), donor="DE", item="Leopard 2", quantity=quantity)
    make_pledge(make_event(type="aid"), donor="DE", item="leopard 2", quantity=18)  # same item, other case
    make_pledge(make_event(type="aid"), donor="PL", item="Leopard 2", quantity=14)
    equipment = chart_json(viewer_client)["pledges"]["equipment"]
    [armour] = equipment["groups"]
    assert armour["labels"] == ["DE", "PL"]
    assert armour["datasets"] == [
        {
            "category": "tank",
            "status": "pledged",
            "colour": 0,
            "stack": "pledged",
            "label": "tanks",
            "data": [18, 14],
            "bar": {"category": ["tank"], "status": "pledged", "quantity": "given"},
        }
    ]
    assert equipment["pledges"] == 2


def test_it_tells_pledges_without_an_item_apart_by_category(viewer_client, make_event, make_pledge):
    event = make_event(type="aid")
    make_pledge(event, donor="US", item="", category="armored_vehicle", quantity=40)
    make_pledge(event, donor="US", item="", category="armored_vehicle", quantity=40)
    make_pledge(event, donor="US", item="", category="artillery", quantity=20)
    groups = chart_json(viewer_client)["pledges"]["equipment"]["groups"]
    assert {g["group"]: {d["category"]: d["data"] for d in g["datasets"]} for g in groups} == {
        "armour": {"armored_vehicle": [40]},
        "artillery": {"artillery": [20]},
    }


def _checked_status(page) -> list[str | None]:
    return [radio.get("value") for radio in page.select("input", type="radio", name="status", checked=True)]


def test_it_renders_the_aid_status_as_radio_buttons_with_one_label_each(viewer_client, make_event):
    make_event()
    html = viewer_client.get(reverse("charts")).content.decode()
    page = parse_page(html)
    # Pledged is what the chart shows when the address does not say: its button says so too.
    assert _checked_status(page) == ["pledged"]
    for value, label in (("pledged", "Pledged"), ("delivered", "Delivered"), ("both", "Both")):
        [radio] = page.select("input", type="radio", name="status", value=value)
        assert radio.parent is not None and radio.parent.tag == "label" and radio.parent.text == label
    assert not page.select("option", value="pledged")
    assert html.count("Pledged") == 1
    assert _checked_status(parse_page(viewer_client.get(reverse("charts"), {"status": "both"}))) == ["both"]


def test_it_switches_the_aid_status(viewer_client, make_event, make_pledge):
    event = make_event(type="aid")
    make_pledge(event, donor="DE", quantity=14, status="pledged")
    make_pledge(event, donor="DE", quantity=4, status="delivered")
    make_pledge(event, donor="DE", quantity=99, status="considering")
    pledged = chart_json(viewer_client, status="pledged")["pledges"]["equipment"]["groups"][0]["datasets"]
    delivered = chart_json(viewer_client, status="delivered")["pledges"]["equipment"]["groups"][0]["datasets"]
    both = chart_json(viewer_client, status="both")["pledges"]["equipment"]["groups"][0]["datasets"]
    assert [d["data"] for d in pledged] == [[14]]
    assert [d["data"] for d in delivered] == [[4]]
    # Side by side in two stacks, never added together.
    assert sorted((d["stack"], d["data"][0]) for d in both) == [("delivered", 4), ("pledged", 14)]


def test_it_charts_money_by_donor_and_currency(viewer_client, make_event, make_pledge):
    event = make_event(type="aid")
    for _ in range(3):
        make_pledge(event, donor="US", item="", category="funding", quantity=None, amount=800_000_000, currency="USD")
    make_pledge(event, donor="DE", item="", category="funding", quantity=None, amount=2_000_000_000, currency="EUR")
    funding = chart_json(viewer_client)["pledges"]["funding"]
    assert funding["labels"] == ["DE", "US"]
    assert {d["currency"]: d["data"] for d in funding["datasets"]} == {
        "EUR": [2_000_000_000.0, None],
        "USD": [None, 800_000_000.0],
    }


def test_it_counts_each_funding_package_of_a_donor_once(viewer_client, make_event, make_pledge):
    event = make_event(type="aid")
    for _ in range(3):  # one package told by three articles
        make_pledge(event, donor="US", item="", category="funding", quantity=None, amount=800_000_000, currency="USD")
    make_pledge(event, donor="US", item="", category="funding", quantity=None, amount=1_200_000_000, currency="USD")
    funding = chart_json(viewer_client)["pledges"]["funding"]
    assert funding["labels"] == ["US"]
    assert {d["currency"]: d["data"] for d in funding["datasets"]} == {"USD": [2_000_000_000.0]}


def test_it_counts_events_per_week_by_type(viewer_client, make_event, make_article):
    make_event(type="strike", date=D(2024, 1, 1))  # a Monday
    make_event(type="strike", date=D(2024, 1, 7))  # the Sunday of that week
    make_event(type="battle", date=D(2024, 1, 8))
    make_event(type="battle", date=None)  # counted at its article's publication date, 2024-01-05
    make_event(type="battle", date=None, article=make_article(published=None))  # nowhere to place it
    weekly = chart_json(viewer_client)["weekly"]
    assert weekly["labels"] == ["2024-01-01", "2024-01-08"]
    data = {d["type"]: d["data"] for d in weekly["datasets"]}
    assert data == {"battle": [1, 1], "strike": [2, None]}
    strike = next(d for d in weekly["datasets"] if d["type"] == "strike")
    assert strike["links"][0] == "/?from=2024-01-01&to=2024-01-07&type=strike"


def test_it_charts_a_week_at_the_end_of_the_calendar(viewer_client, make_event):
    # An editor's typo can date an event in the year 9999; its week ends where dates end.
    make_event(type="strike", date=D(9999, 12, 30))
    response = viewer_client.get(reverse("charts"))
    assert response.status_code == 200
    strike = chart_json(viewer_client)["weekly"]["datasets"][0]
    assert strike["links"] == ["/?from=9999-12-27&to=9999-12-31&type=strike"]


def _timeline_ids(client, link: str) -> list[int]:
    separator = "&" if "?" in link else "?"
    return parse_page(client.get(f"{link}{separator}view=reports")).card_ids()


def test_it_opens_the_timeline_at_the_events_behind_a_weekly_bar(viewer_client, make_event, make_loss, make_pledge):
    day = make_event(date=D(2024, 1, 5), countries=["UA", "RU"])
    make_loss(day)
    make_event(date=D(2024, 1, 6), countries=["UA", "RU"])
    sanctions = make_event(type="sanctions", date=D(2024, 1, 3), countries=["DE", "RU"])
    make_pledge(sanctions, donor="DE")  # a pledge under an event that is not typed "aid"
    make_event(type="strike", date=D(2024, 1, 2))
    numbers = chart_json(viewer_client, **{"from": "2024-01-03"})
    weekly = {d["type"]: d["links"] for d in numbers["weekly"]["datasets"]}
    # The week of Monday 2024-01-01, but no earlier than the page's own "from".
    assert weekly["sanctions"] == ["/?from=2024-01-03&to=2024-01-07&type=sanctions"]
    assert _timeline_ids(viewer_client, weekly["sanctions"][0]) == [sanctions.pk]


def test_it_leaves_rejected_records_out_unless_asked(viewer_client, make_event, make_loss, make_pledge):
    event = make_event(date=D(2024, 1, 5))
    make_loss(event, min=800, max=800, review_state="rejected")
    make_loss(event, category="personnel_wounded", min=100, max=100)
    make_pledge(event, review_state="rejected")
    rejected_event = make_event(date=D(2024, 1, 5))
    make_loss(rejected_event, min=5, max=5)
    rejected_event.review_state = "rejected"
    rejected_event.save()
    numbers = chart_json(viewer_client)
    assert [(d["category"], d["data"]) for d in numbers["losses"]["datasets"]] == [("personnel_wounded", [100])]
    assert numbers["pledges"]["equipment"]["groups"] == []
    shown = chart_json(viewer_client, review="rejected")
    assert {d["category"]: d["data"] for d in shown["losses"]["datasets"]} == {"personnel_killed": [800]}
    assert shown["pledges"]["equipment"]["groups"][0]["datasets"][0]["data"] == [14]


def test_it_honours_the_timeline_filters(viewer_client, make_event, make_loss):
    make_loss(make_event(date=D(2024, 1, 5), places=["Avdiivka"]), min=800, max=800)
    make_loss(make_event(date=D(2024, 1, 6), places=["Kupiansk"]), min=900, max=900)
    losses = chart_json(viewer_client, place="Avdiivka")["losses"]
    assert losses["labels"] == ["2024-01-05"]
    losses = chart_json(viewer_client, **{"from": "2024-01-06"})["losses"]
    assert losses["datasets"][0]["data"] == [900]


def test_it_says_what_each_chart_counts_and_links_its_records(viewer_client, make_event, make_loss):
    make_loss(make_event())
    html = viewer_client.get(reverse("charts"), {"type": "losses"}).content.decode()
    assert "counts once" in html
    assert "never added to a cumulative total" in html
    assert 'href="/export/losses.csv?type=losses&amp;side=RU&amp;group=personnel"' in html
    assert 'href="/?type=losses"' in html


def test_it_keeps_its_numbers_in_the_page_and_the_json_view_alike(viewer_client, make_event, make_loss):
    make_loss(make_event())
    page = viewer_client.get(reverse("charts"))
    html = page.content.decode()
    start = html.index('<script id="chart-data" type="application/json">') + len(
        '<script id="chart-data" type="application/json">'
    )
    embedded = json.loads(html[start : html.index("</script>", start)])
    assert embedded == chart_json(viewer_client)


def test_it_answers_a_bad_chart_option_with_400(viewer_client, db):
    assert viewer_client.get(reverse("charts"), {"side": "Russia"}).status_code == 400
    assert viewer_client.get(reverse("charts"), {"status": "sent"}).status_code == 400
    assert viewer_client.get(reverse("charts_json"), {"group": "ships"}).status_code == 400


def test_it_says_what_to_do_when_there_is_nothing_to_chart(editor_client, db):
    html = editor_client.get(reverse("charts")).content.decode()
    assert "Nothing to chart yet" in html
    assert "Upload an article" in html


def test_it_links_bars_to_their_records_with_the_chart_options_and_without_empty_fields(
    viewer_client, make_event, make_loss
):
    make_loss(make_event(date=D(2024, 1, 5)))
    params = {"side": "RU", "group": "personnel", "status": "both", "q": "", "from": "", "outlet": "Kyiv Independent"}
    numbers = chart_json(viewer_client, **params)
    assert numbers["losses"]["records"] == "/records/losses/?outlet=Kyiv+Independent&side=RU&group=personnel"
    assert (
        numbers["pledges"]["equipment"]["records"]
        == "/records/pledges/?outlet=Kyiv+Independent&status=both&aid=equipment"
    )


def test_it_links_every_chart_to_the_records_behind_it(viewer_client, make_event, make_loss, make_pledge):
    event = make_event(type="battle", places=["Bakhmut"])
    make_loss(event)
    make_pledge(event)
    make_pledge(event, donor="US", item="", category="funding", quantity=None, amount=1_000_000, currency="USD")
    html = viewer_client.get(reverse("charts"), {"type": "battle"}).content.decode()
    panels = parse_page(html).select("section", cls="chart-panel")
    assert len(panels) == 4
    for panel in panels:
        csv_links = [urlsplit(str(link.get("href"))) for link in panel.select("a", download=True)]
        assert any(
            link.path in ("/export/events.csv", "/export/losses.csv", "/export/pledges.csv")
            and parse_qs(link.query).get("type") == ["battle"]
            for link in csv_links
        ), panel.text
    # The pledges under a battle are counted, so their records are not narrowed to "aid" events.
    assert "type=aid" not in html


def test_it_links_each_chart_to_a_csv_of_exactly_the_records_it_counts(
    viewer_client, make_event, make_loss, make_pledge
):
    import csv
    import io

    event = make_event(type="battle")
    ru_killed = make_loss(event, side="RU", category="personnel_killed")
    make_loss(event, side="RU", category="tanks", min=3, max=3)  # another category group
    make_loss(event, side="UA", category="personnel_killed", min=50, max=50)  # another side
    tanks = make_pledge(event, donor="DE", status="pledged")
    make_pledge(event, donor="US", item="Bradley", category="armored_vehicle", quantity=50, status="delivered")
    money = make_pledge(event, donor="US", item="", category="funding", quantity=None, amount=1_000_000, currency="USD")
    page = viewer_client.get(reverse("charts"), {"side": "RU", "group": "personnel", "status": "pledged"})
    hrefs = [
        str(link.get("href"))
        for link in parse_page(page).select("a", download=True)
        if link.text in ("The loss records (CSV)", "The pledge records (CSV)")
    ]
    assert len(hrefs) == 3

    def ids(href):
        rows = list(csv.DictReader(io.StringIO(b"".join(viewer_client.get(href).streaming_content).decode())))
        return sorted(int(row.get("loss_id") or row["pledge_id"]) for row in rows)

    losses_csv, equipment_csv, funding_csv = hrefs
    assert ids(losses_csv) == [ru_killed.pk]
    assert ids(equipment_csv) == [tanks.pk]
    assert ids(funding_csv) == [money.pk]
    # Without the chart options an export keeps every record under the events.
    assert len(ids(reverse("export_losses"))) == 3


def test_it_refuses_a_bad_chart_option_on_an_export(viewer_client, db):
    assert viewer_client.get(reverse("export_losses"), {"side": "Russia!"}).status_code == 400
    assert viewer_client.get(reverse("export_pledges"), {"aid": "tanks"}).status_code == 400


def test_it_charts_a_loss_category_without_nouns_under_its_name(viewer_client, make_event, make_loss, monkeypatch):
    from dashboard import forms

    # A category added to the model joins its group by name before anyone writes its nouns.
    monkeypatch.setitem(forms.LOSS_GROUPS, "equipment", [*forms.LOSS_GROUPS["equipment"], "bridges"])
    make_loss(make_event(date=D(2024, 1, 5)), category="bridges", min=2, max=2, period="day")
    losses = chart_json(viewer_client, group="equipment")["losses"]
    assert [(d["category"], d["label"], d["data"]) for d in losses["datasets"]] == [("bridges", "bridges, daily", [2])]


def test_it_escapes_the_charts_json_as_json_script_does():
    from django.utils.html import json_script

    from dashboard import charts

    value = {"place": "</script><script>alert(1)</script> & more", "n": [1, 2]}
    expected = json_script(value, "chart-data")
    inner = expected.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert charts.script_safe(json.dumps(value)) == inner
