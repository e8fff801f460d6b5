"""Incidents: one happening told by several articles is one incident (articles.incidents).

The articles go through the real processing path with a stand-in extractor that knows
the sentences below and what extraction makes of each (a strike on Kharkiv, a tank
package, ...), so grouping runs in the worker's transaction as it does in production.
"""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction

from articles import incidents, processing
from articles.extraction import records
from articles.models import Article, Event, Incident, IncidentDecision, ReviewState

DAY = datetime.date(2024, 5, 17)
NEXT_DAY = DAY + datetime.timedelta(days=1)


def told(type_, date, places=(), countries=("RU", "UA"), losses=(), pledges=()):
    return records.Event(date, "day" if date else None, type_, "", list(places), list(countries)), losses, pledges


def killed(number, side="UA", category="civilians_killed"):
    return records.Loss(side, category, number, number, "incident")


SENTENCES = {
    # One night strike on Kharkiv, told under the evening's day and the morning's.
    "Russian missiles struck Kharkiv late on Friday, killing three people, the regional governor said.": told(
        "strike", DAY, ["Kharkiv"], losses=[killed(3)]
    ),
    "Kharkiv was hit by a missile attack overnight that killed three civilians, Ukraine's air force said.": told(
        "strike", NEXT_DAY, ["Kharkiv"], losses=[killed(3)]
    ),
    "A Russian strike on the Saltivskyi district of Kharkiv on Friday killed three people.": told(
        "strike", DAY, ["Kharkiv", "Saltivskyi district"], losses=[killed(3)]
    ),
    # Another strike on Kharkiv the same day, in another district.
    "A guided bomb hit the Kholodnohirskyi district of Kharkiv on Friday, wounding seven.": told(
        "strike", DAY, ["Kharkiv", "Kholodnohirskyi district"]
    ),
    # Fighting near Kharkiv the same day: a battle, never the strike.
    "Ukrainian forces repelled Russian assaults near Kharkiv on Friday.": told("battle", DAY, ["Kharkiv"]),
    # Kharkiv struck again three days later: beyond the window.
    "Russia struck Kharkiv again on Monday.": told("strike", DAY + datetime.timedelta(days=3), ["Kharkiv"]),
    # A drone attack told without places: countries and figures.
    "Russia launched 40 drones at Ukraine on Friday, 35 of which were shot down.": told(
        "strike", DAY, losses=[killed(35, "RU", "drones")]
    ),
    "Ukraine's air defences downed 35 Russian drones on Friday night.": told(
        "strike", NEXT_DAY, losses=[killed(35, "RU", "drones")]
    ),
    "Ukraine shot down 12 Russian drones on Friday.": told("strike", DAY, losses=[killed(12, "RU", "drones")]),
    # One donor's package, and another donor's on the same day.
    "Germany pledged 14 Leopard 2 tanks to Ukraine on Friday.": told(
        "aid", DAY, countries=["DE", "UA"], pledges=[records.Pledge("DE", "UA", "Leopard 2", "tank", 14)]
    ),
    "Berlin will send Kyiv 14 Leopard 2 tanks, the German defence ministry said on Saturday.": told(
        "aid", NEXT_DAY, countries=["DE", "UA"], pledges=[records.Pledge("DE", "UA", "Leopard 2", "tank", 14)]
    ),
    "Poland pledged 14 Leopard 2 tanks to Ukraine on Friday.": told(
        "aid", DAY, countries=["PL", "UA"], pledges=[records.Pledge("PL", "UA", "Leopard 2", "tank", 14)]
    ),
    "The United States announced a $400 million military aid package for Ukraine on Friday.": told(
        "aid",
        DAY,
        countries=["US", "UA"],
        pledges=[records.Pledge("US", "UA", None, "funding", amount=Decimal("400000000"), currency="USD")],
    ),
    "Washington unveiled $400m in new weapons for Kyiv on Friday.": told(
        "aid",
        DAY,
        countries=["US", "UA"],
        pledges=[records.Pledge("US", "UA", None, "funding", amount=Decimal("400000000.00"), currency="USD")],
    ),
    # No day given.
    "Russian forces have repeatedly shelled Kharkiv in recent months.": told("strike", None, ["Kharkiv"]),
    "Kharkiv has been shelled by Russia for months.": told("strike", None, ["Kharkiv"]),
}
STRIKE_FRIDAY, STRIKE_OVERNIGHT, STRIKE_SALTIVKA, STRIKE_KHOLODNA, BATTLE, STRIKE_MONDAY = list(SENTENCES)[:6]
DRONES_40, DRONES_35, DRONES_12, LEOPARDS_DE, LEOPARDS_BERLIN, LEOPARDS_PL, US_400M, US_400M_AGAIN = list(SENTENCES)[
    6:14
]
SHELLED_FOR_MONTHS, SHELLED_AGAIN = list(SENTENCES)[14:]


def extract_known(text: str, published, title) -> tuple[records.Extraction, str]:
    """What extraction gives for the known sentences of `text`, in their order."""
    result = records.Extraction(published=published, published_source="supplied", title=title)
    for sentence, (event, losses, pledges) in sorted(SENTENCES.items(), key=lambda item: text.find(item[0])):
        start = text.find(sentence)
        if start < 0:
            continue
        span = (start, start + len(sentence))
        result.events.append(dataclasses.replace(event, summary=sentence, span=span))
        index = len(result.events) - 1
        result.losses += [dataclasses.replace(loss, span=span, event=index) for loss in losses]
        result.pledges += [dataclasses.replace(pledge, span=span, event=index) for pledge in pledges]
    return result, "fake-incidents"


@pytest.fixture
def publish(db, monkeypatch, make_article):
    """`publish(outlet, *sentences)`: an article of those sentences, processed by the worker's path."""
    monkeypatch.setattr(processing, "run_extraction", extract_known)

    def publish_(outlet: str, *sentences: str) -> Article:
        text = f"{outlet} report\n\n" + "\n\n".join(sentences) + "\n"
        article = make_article(text, outlet=outlet, published=NEXT_DAY)
        assert processing.process_article(article.pk)
        return article

    return publish_


def incident_of(article: Article, sentence: str) -> int:
    incident = Event.objects.get(article=article, summary=sentence).incident_id
    assert incident is not None, "every report is in an incident"
    return incident


def grouping() -> set[frozenset[tuple]]:
    """The incidents as sets of reports named by content (article bytes, sentence offsets), not ids."""
    groups: dict[int, set[tuple]] = {}
    for incident, sha, start, type_ in Event.objects.values_list(
        "incident_id", "article__sha256", "span_start", "type"
    ):
        groups.setdefault(incident, set()).add((sha, start, type_))
    return {frozenset(members) for members in groups.values()}


def assert_no_empty_incidents():
    assert not Incident.objects.filter(reports__isnull=True).exists()
    assert not Event.objects.filter(incident__isnull=True).exists()


# The rule: what is one incident --------------------------------------------------


def test_it_groups_a_night_strike_told_by_three_outlets_under_either_day(publish):
    reuters = publish("Reuters", STRIKE_FRIDAY)
    ukrinform = publish("Ukrinform", STRIKE_OVERNIGHT)
    kyiv = publish("Kyiv Independent", STRIKE_SALTIVKA)

    incident = incident_of(reuters, STRIKE_FRIDAY)
    assert incident_of(ukrinform, STRIKE_OVERNIGHT) == incident
    assert incident_of(kyiv, STRIKE_SALTIVKA) == incident
    assert Incident.objects.get(pk=incident).date == DAY
    assert Incident.objects.count() == 1


def test_it_keeps_apart_two_strikes_on_kharkiv_in_different_districts(publish):
    saltivka = publish("Reuters", STRIKE_SALTIVKA)
    kholodna = publish("Ukrinform", STRIKE_KHOLODNA)

    assert incident_of(saltivka, STRIKE_SALTIVKA) != incident_of(kholodna, STRIKE_KHOLODNA)


def test_it_never_merges_a_strike_and_a_battle(publish):
    strike = publish("Reuters", STRIKE_FRIDAY)
    battle = publish("Ukrinform", BATTLE)

    assert incident_of(strike, STRIKE_FRIDAY) != incident_of(battle, BATTLE)
    assert set(Incident.objects.values_list("type", flat=True)) == {"strike", "battle"}


def test_it_keeps_apart_the_same_place_beyond_a_day(publish):
    friday = publish("Reuters", STRIKE_FRIDAY)
    monday = publish("Ukrinform", STRIKE_MONDAY)

    assert incident_of(friday, STRIKE_FRIDAY) != incident_of(monday, STRIKE_MONDAY)


def test_it_groups_reports_without_places_by_countries_and_figures(publish):
    first = publish("Reuters", DRONES_40)
    second = publish("Ukrinform", DRONES_35)
    other = publish("Kyiv Independent", DRONES_12)

    assert incident_of(first, DRONES_40) == incident_of(second, DRONES_35)
    assert incident_of(other, DRONES_12) != incident_of(first, DRONES_40)


def test_it_groups_one_donors_package_by_items_or_amount(publish):
    de = publish("Reuters", LEOPARDS_DE, US_400M)
    berlin = publish("Deutsche Welle", LEOPARDS_BERLIN, US_400M_AGAIN)

    assert incident_of(de, LEOPARDS_DE) == incident_of(berlin, LEOPARDS_BERLIN)
    assert incident_of(de, US_400M) == incident_of(berlin, US_400M_AGAIN)
    assert incident_of(de, LEOPARDS_DE) != incident_of(de, US_400M)


def test_it_keeps_apart_the_same_package_from_different_donors(publish):
    germany = publish("Reuters", LEOPARDS_DE)
    poland = publish("Notes from Poland", LEOPARDS_PL)

    assert incident_of(germany, LEOPARDS_DE) != incident_of(poland, LEOPARDS_PL)


def test_it_leaves_reports_without_a_day_alone(publish):
    first = publish("Reuters", SHELLED_FOR_MONTHS)
    second = publish("Ukrinform", SHELLED_AGAIN)

    assert incident_of(first, SHELLED_FOR_MONTHS) != incident_of(second, SHELLED_AGAIN)
    assert Incident.objects.get(pk=incident_of(first, SHELLED_FOR_MONTHS)).date is None


def test_it_never_puts_two_reports_of_one_article_together(publish):
    # The Saltivka report agrees with both of this article's Kharkiv strikes (Friday, and
    # Saturday's overnight one), which extraction kept as two events: it joins one only.
    both = publish("Reuters", STRIKE_FRIDAY, STRIKE_OVERNIGHT)
    saltivka = publish("Ukrinform", STRIKE_SALTIVKA)

    assert incident_of(both, STRIKE_FRIDAY) != incident_of(both, STRIKE_OVERNIGHT)
    assert incident_of(saltivka, STRIKE_SALTIVKA) == incident_of(both, STRIKE_FRIDAY)  # the same day first


def test_it_leaves_a_rejected_report_alone(publish):
    first = publish("Reuters", STRIKE_FRIDAY)
    Event.objects.filter(article=first).update(review_state=ReviewState.REJECTED)
    second = publish("Ukrinform", STRIKE_OVERNIGHT)

    assert incident_of(first, STRIKE_FRIDAY) != incident_of(second, STRIKE_OVERNIGHT)


# Determinism and re-extraction ------------------------------------------------------

ARTICLES = [
    ("Reuters", (STRIKE_FRIDAY, DRONES_40, LEOPARDS_DE)),
    ("Ukrinform", (STRIKE_OVERNIGHT, DRONES_35, BATTLE)),
    ("Kyiv Independent", (STRIKE_SALTIVKA, STRIKE_KHOLODNA, LEOPARDS_BERLIN)),
    ("Deutsche Welle", (STRIKE_FRIDAY, STRIKE_OVERNIGHT, LEOPARDS_PL)),
    ("AP", (STRIKE_MONDAY, DRONES_12, SHELLED_FOR_MONTHS)),
]


def test_it_groups_the_same_whatever_order_the_articles_came_in(publish):
    for outlet, sentences in ARTICLES:
        publish(outlet, *sentences)
    forward = grouping()
    call_command("group_incidents", stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process
    rebuilt_forward = grouping()

    Article.objects.all().delete()
    Incident.objects.all().delete()
    for outlet, sentences in reversed(ARTICLES):
        publish(outlet, *sentences)
    backward = grouping()
    incidents.group_all()

    assert grouping() == rebuilt_forward == backward == forward
    assert len(forward) < Event.objects.count()  # something was grouped
    assert_no_empty_incidents()


def test_it_keeps_incidents_consistent_when_an_article_is_extracted_again(publish, monkeypatch):
    first = publish("Reuters", STRIKE_FRIDAY, DRONES_40)
    second = publish("Ukrinform", STRIKE_OVERNIGHT)
    alone = incident_of(first, DRONES_40)
    shared = incident_of(first, STRIKE_FRIDAY)

    # The rule changes: the drones sentence is no longer an event, the strike moves a week.
    changed = dict(SENTENCES)
    del changed[DRONES_40]
    event, losses, pledges = changed[STRIKE_FRIDAY]
    changed[STRIKE_FRIDAY] = (dataclasses.replace(event, date=DAY + datetime.timedelta(days=7)), losses, pledges)
    monkeypatch.setattr(f"{__name__}.SENTENCES", changed)
    assert processing.reextract_article(first.pk)

    assert not Incident.objects.filter(pk=alone).exists()
    assert incident_of(second, STRIKE_OVERNIGHT) == shared  # the remaining report keeps the incident's id
    assert incident_of(first, STRIKE_FRIDAY) != shared
    assert_no_empty_incidents()


def test_it_groups_an_article_in_a_few_queries_however_many_incidents_there_are(publish, django_assert_max_num_queries):
    for outlet, sentences in ARTICLES:
        publish(outlet, *sentences)
    article = publish("BBC", STRIKE_FRIDAY, DRONES_35, LEOPARDS_BERLIN)

    with django_assert_max_num_queries(16), transaction.atomic():
        incidents.group_article(article)
    assert incident_of(article, STRIKE_FRIDAY) == Event.objects.filter(summary=STRIKE_SALTIVKA).get().incident_id


# Editors' decisions ---------------------------------------------------------------


def test_a_merge_survives_regrouping_and_reextraction(publish, editor):
    friday = publish("Reuters", STRIKE_FRIDAY)
    monday = publish("Ukrinform", STRIKE_MONDAY)

    merged = incidents.merge_incidents(incident_of(friday, STRIKE_FRIDAY), incident_of(monday, STRIKE_MONDAY), editor)

    assert incident_of(friday, STRIKE_FRIDAY) == incident_of(monday, STRIKE_MONDAY) == merged
    decision = IncidentDecision.objects.get()
    assert (decision.action, decision.made_by) == ("merge", editor)
    incidents.group_all()
    assert incident_of(friday, STRIKE_FRIDAY) == incident_of(monday, STRIKE_MONDAY)
    # A machine record is replaced by a new row on re-extraction: the decision finds it by its sentence.
    old_id = Event.objects.get(article=monday).pk
    assert processing.reextract_article(monday.pk)
    assert Event.objects.get(article=monday).pk != old_id
    assert incident_of(friday, STRIKE_FRIDAY) == incident_of(monday, STRIKE_MONDAY)
    incidents.group_all()
    assert incident_of(friday, STRIKE_FRIDAY) == incident_of(monday, STRIKE_MONDAY)


def test_a_split_survives_regrouping_reextraction_and_new_articles(publish, editor):
    reuters = publish("Reuters", STRIKE_FRIDAY)
    ukrinform = publish("Ukrinform", STRIKE_OVERNIGHT)
    shared = incident_of(reuters, STRIKE_FRIDAY)
    assert incident_of(ukrinform, STRIKE_OVERNIGHT) == shared

    alone = incidents.keep_apart(Event.objects.get(article=ukrinform), editor)

    assert alone != shared
    assert incident_of(ukrinform, STRIKE_OVERNIGHT) == alone
    assert incident_of(reuters, STRIKE_FRIDAY) == shared
    incidents.group_all()
    assert incident_of(ukrinform, STRIKE_OVERNIGHT) != incident_of(reuters, STRIKE_FRIDAY)
    assert processing.reextract_article(ukrinform.pk)
    assert incident_of(ukrinform, STRIKE_OVERNIGHT) != incident_of(reuters, STRIKE_FRIDAY)
    kyiv = publish("Kyiv Independent", STRIKE_SALTIVKA)
    assert incident_of(kyiv, STRIKE_SALTIVKA) == incident_of(reuters, STRIKE_FRIDAY)
    assert incident_of(ukrinform, STRIKE_OVERNIGHT) != incident_of(reuters, STRIKE_FRIDAY)
    assert_no_empty_incidents()


@pytest.mark.parametrize("split", ["Reuters", "Ukrinform"])
def test_a_split_leaves_the_incident_its_id_whichever_report_is_taken_out(publish, editor, split):
    reuters = publish("Reuters", STRIKE_FRIDAY)
    ukrinform = publish("Ukrinform", STRIKE_OVERNIGHT)
    publish("Kyiv Independent", STRIKE_SALTIVKA)
    shared = incident_of(reuters, STRIKE_FRIDAY)
    taken_out = Event.objects.get(article=reuters if split == "Reuters" else ukrinform)
    kept = ukrinform if split == "Reuters" else reuters

    alone = incidents.keep_apart(taken_out, editor)

    assert alone != shared
    assert Event.objects.get(article=kept).incident_id == shared
    incidents.group_all()
    assert Event.objects.get(pk=taken_out.pk).incident_id == alone
    assert Event.objects.get(article=kept).incident_id == shared


def test_a_decision_finds_an_edited_report_by_its_id(publish, editor):
    friday = publish("Reuters", STRIKE_FRIDAY)
    monday = publish("Ukrinform", STRIKE_MONDAY)
    incidents.merge_incidents(incident_of(friday, STRIKE_FRIDAY), incident_of(monday, STRIKE_MONDAY), editor)
    # An editor corrects the Monday report's type: its key changes, its id stays.
    Event.objects.filter(article=monday).update(type="battle", review_state=ReviewState.EDITED)

    incidents.group_all()

    assert incident_of(friday, STRIKE_FRIDAY) == incident_of(monday, STRIKE_MONDAY)


# The command ------------------------------------------------------------------------


def test_group_incidents_rebuilds_every_incident(publish, capsys):
    publish("Reuters", STRIKE_FRIDAY)
    publish("Ukrinform", STRIKE_OVERNIGHT)
    Event.objects.update(incident=None)
    Incident.objects.all().delete()

    call_command("group_incidents")

    assert "2 reports in 1 incidents" in capsys.readouterr().out
    assert Incident.objects.count() == 1
    assert_no_empty_incidents()
