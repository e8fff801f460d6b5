"""The timeline at /: days, figures in words, every filter, keyset pages, fixed query count."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from articles.models import Event
from tests.pages import parse_page

D = datetime.date
HTMX = {"HX-Request": "true"}


def rendered(response) -> list[str]:
    return [template.name for template in response.templates]


def event_ids(response) -> list[int]:
    return parse_page(response).card_ids()


def get(client, **params):
    """The timeline report by report (`view=reports`), the behaviour these tests are about."""
    return client.get(reverse("timeline"), {"view": "reports", **params})


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get(reverse("timeline"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_renders_the_full_page(viewer_client, make_event):
    make_event()
    response = get(viewer_client)
    assert response.status_code == 200
    assert "dashboard/timeline.html" in rendered(response)
    assert 'id="filters"' in response.content.decode()
    assert 'id="timeline-list"' in response.content.decode()


def test_it_renders_only_the_list_for_an_htmx_filter_change(viewer_client, make_event):
    make_event()
    response = viewer_client.get(reverse("timeline"), headers={**HTMX, "HX-Target": "timeline-list"})
    assert "timeline-list" in rendered(response)
    assert "dashboard/timeline.html" not in rendered(response)
    assert 'id="filters"' not in response.content.decode()
    assert "HX-Target" in response["Vary"]


def test_it_renders_the_full_page_for_an_htmx_history_restore(viewer_client, make_event):
    make_event()
    headers = {**HTMX, "HX-Target": "timeline-list", "HX-History-Restore-Request": "true"}
    response = viewer_client.get(reverse("timeline"), headers=headers)
    assert "dashboard/timeline.html" in rendered(response)


def test_it_shows_losses_and_pledges_in_words(viewer_client, make_event, make_loss, make_pledge):
    tally = make_event()
    make_loss(tally, min=800, max=800)
    make_loss(tally, category="tanks", min=3, max=3)
    aid = make_event(type="aid")
    make_pledge(aid, donor="DE", item="Leopard 2", quantity=14)
    html = get(viewer_client).content.decode()
    assert "RU: 800 soldiers killed (past day), 3 tanks" in html
    assert "DE → UA: 14 Leopard 2, pledged" in html


def test_it_links_each_event_to_its_sentence_in_the_article(viewer_client, make_article, make_event):
    article = make_article(title="Shelling of Kherson", outlet="Reuters", published=D(2024, 1, 4))
    event = make_event(article=article, type="strike")
    html = get(viewer_client).content.decode()
    card = parse_page(html).one("li", id=f"card-{event.pk}")
    assert card.select("a", href=f"/articles/{article.pk}/#s-{event.span_start}")
    assert "Reuters" in card.text
    assert "2024-01-04" in html


def test_it_groups_events_by_day_newest_first(viewer_client, make_event):
    old = make_event(date=D(2024, 1, 1))
    new = make_event(date=D(2024, 1, 3))
    middle = make_event(date=D(2024, 1, 2))
    response = get(viewer_client)
    assert event_ids(response) == [new.pk, middle.pk, old.pk]
    html = response.content.decode()
    assert html.index(">2024-01-03</time>") < html.index(">2024-01-02</time>") < html.index(">2024-01-01</time>")


def test_it_lists_oldest_first_on_request(viewer_client, make_event):
    old = make_event(date=D(2024, 1, 1))
    new = make_event(date=D(2024, 1, 3))
    assert event_ids(get(viewer_client, order="oldest")) == [old.pk, new.pk]


def test_it_shows_the_precision_of_a_date(viewer_client, make_event):
    make_event(date=D(2024, 1, 1), precision="week")
    assert "week of 2024-01-01" in get(viewer_client).content.decode()


def test_it_keeps_events_it_cannot_place_at_the_end(viewer_client, make_event, make_article):
    # No day in the text and no publication date: nothing to place it by.
    undated = make_event(date=None, article=make_article(published=None))
    dated = make_event(date=D(2024, 1, 3))
    response = get(viewer_client)
    assert event_ids(response) == [dated.pk, undated.pk]
    assert "No day given" in response.content.decode()


def test_it_shows_only_events_without_a_day_with_undated(viewer_client, make_event):
    undated = make_event(date=None)
    make_event(date=D(2024, 1, 3))
    assert event_ids(get(viewer_client, undated="1")) == [undated.pk]


def test_it_filters_by_precision(viewer_client, make_event):
    week = make_event(date=D(2024, 1, 1), precision="week")
    make_event(date=D(2024, 1, 3), precision="day")
    assert event_ids(get(viewer_client, precision="week")) == [week.pk]


def test_it_filters_by_date_range(viewer_client, make_event, make_article):
    make_event(date=D(2024, 1, 1))
    inside = make_event(date=D(2024, 1, 5))
    make_event(date=D(2024, 1, 9))
    make_event(date=None, article=make_article(published=None))
    make_event(date=None, article=make_article(published=D(2024, 1, 10)))
    assert event_ids(get(viewer_client, **{"from": "2024-01-02", "to": "2024-01-08"})) == [inside.pk]


def test_it_filters_by_several_types(viewer_client, make_event):
    strike = make_event(type="strike", date=D(2024, 1, 2))
    battle = make_event(type="battle", date=D(2024, 1, 1))
    make_event(type="diplomacy")
    response = viewer_client.get(reverse("timeline"), {"view": "reports", "type": ["strike", "battle"]})
    assert event_ids(response) == [strike.pk, battle.pk]


@pytest.mark.parametrize("role", ["event", "side", "reported_by", "donor", "recipient"])
def test_it_filters_by_a_country_in_any_role(viewer_client, make_event, make_loss, make_pledge, role):
    event = make_event(countries=["PL"] if role == "event" else [])
    if role == "side":
        make_loss(event, side="PL")
    elif role == "reported_by":
        make_loss(event, side="RU", reported_by="PL")
    elif role == "donor":
        make_pledge(event, donor="PL")
    elif role == "recipient":
        make_pledge(event, donor="US", recipient="PL")
    other = make_event(countries=["UA"])
    make_loss(other, side="RU", reported_by="UA")
    assert event_ids(get(viewer_client, country="pl")) == [event.pk]


def test_it_does_not_find_a_country_through_a_rejected_record(viewer_client, make_event, make_loss, make_pledge):
    event = make_event(countries=[])
    make_loss(event, side="PL", review_state="rejected")
    make_pledge(event, donor="PL", review_state="rejected")
    assert event_ids(get(viewer_client, country="PL")) == []
    assert event_ids(get(viewer_client, country="PL", review="all")) == [event.pk]
    assert event_ids(get(viewer_client, country="PL", review="rejected")) == [event.pk]


def test_it_filters_by_several_countries(viewer_client, make_event):
    poland = make_event(countries=["PL"], date=D(2024, 1, 2))
    germany = make_event(countries=["DE"], date=D(2024, 1, 1))
    make_event(countries=["FR"])
    response = viewer_client.get(reverse("timeline"), {"view": "reports", "country": ["PL", "DE"]})
    assert event_ids(response) == [poland.pk, germany.pk]


def test_it_filters_by_place(viewer_client, make_event):
    bakhmut = make_event(places=["Bakhmut", "Donetsk Oblast"])
    make_event(places=["Kyiv"])
    assert event_ids(get(viewer_client, place="Bakhmut")) == [bakhmut.pk]


def test_it_filters_by_outlet(viewer_client, make_article, make_event):
    reuters = make_event(article=make_article(outlet="Reuters"))
    make_event(article=make_article(outlet="BBC"))
    assert event_ids(get(viewer_client, outlet="Reuters")) == [reuters.pk]


def test_it_filters_by_article(viewer_client, make_article, make_event):
    article = make_article(title="Counteroffensive near Robotyne")
    mine = make_event(article=article)
    make_event()
    response = get(viewer_client, article=article.pk)
    assert event_ids(response) == [mine.pk]
    assert "Counteroffensive near Robotyne" in response.content.decode()


def test_it_searches_the_sentences(viewer_client, make_article, make_event):
    text = "Ukraine said it shot down 18 drones over Odesa overnight. Other news."
    drones = make_event(article=make_article(title="Overnight attack", text=text), summary=text[:57])
    make_event(summary="Germany will send 14 Leopard 2 tanks.")
    # "drone" finds "drones": the English configuration stems both.
    assert event_ids(get(viewer_client, q="drone")) == [drones.pk]


def test_it_searches_the_article_titles(viewer_client, make_article, make_event):
    titled = make_event(article=make_article(title="Prisoner exchange brings 230 home"))
    make_event(article=make_article(title="Shelling of Kherson"))
    assert event_ids(get(viewer_client, q="prisoner")) == [titled.pk]


def test_it_hides_rejected_events_unless_asked(viewer_client, make_event):
    kept = make_event()
    rejected = make_event(review_state="rejected")
    assert event_ids(get(viewer_client)) == [kept.pk]
    assert event_ids(get(viewer_client, review="rejected")) == [rejected.pk]
    assert set(event_ids(get(viewer_client, review="all"))) == {kept.pk, rejected.pk}


def test_it_filters_by_review_state_of_the_event_or_its_figures(viewer_client, make_event, make_loss):
    confirmed = make_event(review_state="confirmed", date=D(2024, 1, 3))
    with_confirmed_loss = make_event(date=D(2024, 1, 2))
    make_loss(with_confirmed_loss, review_state="confirmed")
    make_event(date=D(2024, 1, 1))
    assert event_ids(get(viewer_client, review="confirmed")) == [confirmed.pk, with_confirmed_loss.pk]


def test_it_hides_rejected_figures_under_an_event(viewer_client, make_event, make_loss):
    event = make_event()
    make_loss(event, min=800, max=800)
    make_loss(event, category="tanks", min=3, max=3, review_state="rejected")
    html = get(viewer_client).content.decode()
    assert "RU: 800 soldiers killed (past day)" in html
    assert "3 tanks" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"from": "yesterday"},
        {"to": "2024-13-01"},
        {"from": "2024-02-01", "to": "2024-01-01"},
        {"type": "massacre"},
        {"country": "Ukraine"},
        {"review": "maybe"},
        {"after": "garbage"},
        {"article": "abc"},
        {"precision": "century"},
    ],
)
def test_it_answers_a_bad_filter_with_400(viewer_client, db, params):
    response = get(viewer_client, **params)
    assert response.status_code == 400
    assert "dashboard/bad_filters.html" in rendered(response)


def test_it_pages_with_a_keyset_cursor(viewer_client, make_event, make_article):
    article = make_article()
    # Ties on the date: the id breaks them, so no event is shown twice or skipped.
    events = [make_event(article=article, date=D(2024, 1, 1 + i // 3)) for i in range(30)]
    first = get(viewer_client)
    first_ids = event_ids(first)
    assert len(first_ids) == 25
    more = parse_page(first).one(id="timeline-more").one("a", hx_get=True)
    assert "OFFSET" not in str(first.context["groups"])
    [after] = parse_qs(urlsplit(str(more.get("hx-get"))).query)["after"]
    second = viewer_client.get(
        reverse("timeline"), {"view": "reports", "after": after}, headers={**HTMX, "HX-Target": "timeline-more"}
    )
    assert "timeline-more" in rendered(second)
    second_ids = event_ids(second)
    assert len(second_ids) == 5
    expected = sorted(events, key=lambda e: (e.date, e.pk), reverse=True)
    assert first_ids + second_ids == [e.pk for e in expected]
    assert 'id="timeline-more"' not in second.content.decode()


def test_it_continues_a_day_across_pages_without_repeating_its_heading(viewer_client, make_event, make_article):
    article = make_article()
    for _ in range(26):
        make_event(article=article, date=D(2024, 1, 1))
    first = get(viewer_client)
    last_on_page = Event.objects.get(pk=event_ids(first)[-1])
    second = viewer_client.get(
        reverse("timeline"),
        {"view": "reports", "after": f"2024-01-01.{last_on_page.pk}"},
        headers={**HTMX, "HX-Target": "timeline-more"},
    )
    assert len(event_ids(second)) == 1
    assert "day-heading" not in second.content.decode()


def test_it_continues_the_events_without_a_day_without_repeating_their_heading(viewer_client, make_event, make_article):
    undated = [make_event(date=None, article=make_article(published=None)) for _ in range(3)]
    second = viewer_client.get(
        reverse("timeline"),
        {"view": "reports", "after": f"none.{undated[2].pk}"},
        headers={**HTMX, "HX-Target": "timeline-more"},
    )
    assert event_ids(second) == [undated[1].pk, undated[0].pk]
    assert "day-heading" not in second.content.decode()


def test_it_pages_into_the_events_without_a_day(viewer_client, make_event, make_article):
    article = make_article(published=None)
    undated = [make_event(article=article, date=None) for _ in range(3)]
    response = get(viewer_client, after=f"none.{undated[2].pk}")
    assert event_ids(response) == [undated[1].pk, undated[0].pk]


def _populate(make_event, make_loss, make_pledge, make_article, count):
    article = make_article()
    for i in range(count):
        event = make_event(article=article, date=D(2024, 1, 1) + datetime.timedelta(days=i % 20))
        make_loss(event)
        make_loss(event, category="tanks", min=3, max=3)
        make_pledge(event)


@pytest.mark.parametrize("count", [5, 50])
def test_it_uses_a_fixed_number_of_queries(
    editor_client, make_event, make_loss, make_pledge, make_article, django_assert_num_queries, count
):
    _populate(make_event, make_loss, make_pledge, make_article, count)
    editor_client.get(
        reverse("timeline") + "?view=reports"
    )  # session, permission caches and the filter lists warmed alike
    # session, user, permissions (2), events, losses, pledges, count, the filter lists' snapshot
    with django_assert_num_queries(9):
        response = editor_client.get(reverse("timeline") + "?view=reports")
    assert response.status_code == 200


def test_it_says_what_to_do_when_there_are_no_events(editor_client, db):
    html = editor_client.get(reverse("timeline")).content.decode()
    assert "No events yet" in html
    assert "Upload an article" in html


def test_it_says_how_to_widen_filters_when_nothing_matches(viewer_client, make_event):
    make_event(type="battle")
    html = get(viewer_client, type="sanctions").content.decode()
    assert "No events match these filters" in html
    assert "clear all filters" in html


def _review_controls(response) -> list[str]:
    return [
        control.text
        for controls in parse_page(response).select(cls="review-controls")
        for control in controls.walk()
        if control.tag in ("a", "button")
    ]


def test_it_shows_no_review_controls_to_a_viewer(viewer_client, make_event):
    make_event()
    assert _review_controls(get(viewer_client)) == []


def test_it_shows_review_controls_to_an_editor(editor_client, make_event):
    make_event()
    assert _review_controls(editor_client.get(reverse("timeline") + "?view=reports")) == ["Edit", "Confirm", "Reject"]


def test_it_links_the_exports_with_the_current_filters(viewer_client, make_event):
    make_event(countries=["UA"])
    page = parse_page(get(viewer_client, country="UA", type="losses"))
    for name in ("events", "losses", "pledges"):
        assert page.one("a", id=f"export-{name}").get("href") == f"/export/{name}.csv?country=UA&type=losses"


def test_it_keeps_the_filters_in_a_plain_get_form_that_pushes_the_url(viewer_client, make_event):
    make_event()
    page = parse_page(get(viewer_client, q="tanks"))
    form = page.one("form", id="filters")
    assert form.get("method") == "get"
    assert form.get("action") == "/"
    assert form.get("hx-push-url") == "true"
    assert form.get("hx-target") == "#timeline-list"
    assert form.get("hx-indicator") == "#htmx-indicator"
    assert form.one("input", name="q").get("value") == "tanks"


def test_it_heads_a_month_without_naming_a_day(viewer_client, make_event):
    make_event(date=D(2026, 5, 1), precision="month", type="diplomacy")
    make_event(date=D(2026, 2, 23), precision="week")
    html = get(viewer_client).content.decode()
    headings = parse_page(html).select("h3", cls="day-heading")
    assert [heading.text for heading in headings] == [
        "2026-05 no day given",
        "week of 2026-02-23 no day given",
    ]
    assert "Friday" not in html


def test_it_links_to_the_sentence_even_when_it_begins_where_the_last_one_ends(viewer_client, make_article, make_event):
    first, second = "Russia lost 800 soldiers in the past day. ", "Germany will send 14 Leopard 2 tanks."
    article = make_article(title="Two sentences", text=first + second)
    make_event(article=article, summary=first)
    event = make_event(article=article, summary=second, type="aid")
    assert event.span_start == len(first)
    link = f'href="/articles/{article.pk}/#s-{event.span_start}"'
    assert link in get(viewer_client).content.decode()
    page = viewer_client.get(f"/articles/{article.pk}/").content.decode()
    assert f'id="s-{event.span_start}"' in page


def test_it_shows_nothing_to_an_account_in_no_group(client, make_event, make_loss):
    from django.contrib.auth.models import User

    loss = make_loss(make_event())
    client.force_login(User.objects.create_user("stranger", password="stranger-password-1"))
    urls = [
        reverse("timeline"),
        reverse("charts"),
        reverse("charts_json"),
        reverse("export_events"),
        reverse("export_losses"),
        reverse("export_pledges"),
        reverse("event_figures", args=[loss.event_id]),
        reverse("review_record", args=["loss", loss.pk]),
        reverse("review_history", args=["loss", loss.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Soldiers killed" not in response.content and b"800" not in response.content


def test_it_pushes_the_filters_without_empty_fields_to_the_address_bar(viewer_client, make_event):
    make_event(countries=["UA"])
    query = "q=&from=2024-01-01&to=&country=UA&place=&review=&order=newest"
    headers = {**HTMX, "HX-Target": "timeline-list"}
    response = viewer_client.get(f"{reverse('timeline')}?{query}&view=reports", headers=headers)
    assert response["HX-Push-Url"] == "/?from=2024-01-01&country=UA&order=newest&view=reports"
    # A copied link reproduces the view: the pushed address renders the same list as a full page.
    fragment_ids = event_ids(response)
    assert event_ids(viewer_client.get(response["HX-Push-Url"])) == fragment_ids != []
    charts = viewer_client.get(f"{reverse('charts')}?{query}", headers={**HTMX, "HX-Target": "charts-body"})
    assert charts["HX-Push-Url"] == "/charts/?from=2024-01-01&country=UA&order=newest"


def test_it_does_not_push_an_address_for_load_more(viewer_client, make_event, make_article):
    article = make_article()
    events = [make_event(article=article) for _ in range(3)]
    headers = {**HTMX, "HX-Target": "timeline-more"}
    response = viewer_client.get(
        reverse("timeline"), {"view": "reports", "after": f"2024-01-05.{events[2].pk}"}, headers=headers
    )
    assert "HX-Push-Url" not in response
    assert event_ids(response) == [events[1].pk, events[0].pk]


def test_it_finds_a_place_whatever_its_case_or_by_its_other_name(viewer_client, make_event):
    from articles.models import Place

    Place.objects.create(name="Bakhmut", alt_names=["Artemivsk", "Artemovsk"], country="UA")
    bakhmut = make_event(places=["Bakhmut"])
    make_event(places=["Kyiv"])
    for typed in ("Bakhmut", "bakhmut", "Artemivsk"):
        assert event_ids(get(viewer_client, place=typed)) == [bakhmut.pk], typed
    assert event_ids(get(viewer_client, place="Nowhere")) == []


def test_it_finds_an_outlet_whatever_its_case(viewer_client, make_article, make_event):
    reuters = make_event(article=make_article(outlet="Reuters"))
    make_event(article=make_article(outlet="BBC"))
    assert event_ids(get(viewer_client, outlet="reuters")) == [reuters.pk]


def test_it_asks_for_dates_in_iso_form_whatever_the_browser_locale(viewer_client, db):
    """<input type="date"> would show mm/dd/yyyy in an en-US browser; the filters show what the URL says."""
    form = parse_page(viewer_client.get(reverse("timeline"), {"from": "2024-01-05"})).one("form", id="filters")
    date_inputs = [form.one("input", name="from"), form.one("input", name="to")]
    for field in date_inputs:
        assert field.get("type") == "text" and field.get("placeholder") == "YYYY-MM-DD"
    assert date_inputs[0].get("value") == "2024-01-05"
