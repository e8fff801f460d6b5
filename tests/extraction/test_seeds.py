"""The three seed articles end to end: every record the engine gives, listed in full.

The fixtures are tests/fixtures/seed/seed-00{0,1,4}.txt with their hand-made gold records
(*.gold.json). seed-000 and seed-001 are dated by the uploader (the manifest's date); seed-004
carries its own date ("date 2024-01-04"). Spans are checked against the text separately: each
event's summary is exactly the text at its span.
"""

import datetime
import json
import re
from pathlib import Path

import pytest

from articles.extraction import cleaning, extract

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed"


def run_seed(name):
    gold = json.loads((SEED / f"{name}.gold.json").read_text(encoding="utf-8"))
    document = cleaning.read_document((SEED / f"{name}.txt").read_bytes(), filename=f"{name}.txt")
    if gold.get("published_in_text"):
        result = extract(document.text, document.published, title=document.title, published_source="text")
    else:
        supplied = datetime.date.fromisoformat(gold["published"])
        result = extract(document.text, supplied, title=document.title, published_source="supplied")
    return document.text, result, gold


@pytest.mark.parametrize("name", ["seed-000", "seed-001", "seed-004"])
def test_the_seed_article_gives_exactly_these_losses_and_pledges(name):
    text, result, _gold = run_seed(name)
    got = result.to_dict(id=name)
    for kind in ("events", "losses", "pledges"):
        for record in got[kind]:
            start, end = record.pop("span")
            assert 0 <= start < end <= len(text), record
            if kind == "events":
                assert text[start:end] == record["summary"]
    # A record names its event by index; the index moves whenever the timeline gains or loses
    # an event, so the records are compared by the type of the event they hang under.
    for kind in ("losses", "pledges"):
        for record in got[kind]:
            record["event"] = got["events"][record["event"]]["type"]
    assert {key: got[key] for key in ("article", "losses", "pledges")} == EXPECTED[name]


WORD = re.compile(r"[a-z0-9]{3,}")


def _tells_the_same(gold_summary, summary):
    """SPEC.md, "Scoring": most words of the shorter summary are in the other."""
    gold_words = set(WORD.findall(gold_summary.lower()))
    words = set(WORD.findall(summary.lower()))
    shared = len(gold_words & words)
    return shared >= min(4, len(gold_words), len(words)) and shared / min(len(gold_words), len(words)) >= 0.6


def _timeline_matches(gold_events, events):
    """Gold events matched one to one by type and summary, required ones first (SPEC.md, "Scoring")."""
    free = list(range(len(events)))
    matched = []
    for gold in sorted(gold_events, key=lambda e: bool(e.get("optional"))):
        hit = next(
            (i for i in free if events[i].type == gold["type"] and _tells_the_same(gold["summary"], events[i].summary)),
            None,
        )
        if hit is not None:
            free.remove(hit)
            matched.append((gold, events[hit]))
    return matched, [events[i] for i in free]


# (required gold events found at least, events no gold event tells at most) per seed: the
# timeline of SPEC.md holds happenings, not quotes or background; statements it still shows
# are counted, so that a change adding them fails here.
TIMELINE_BARS = {"seed-000": (4, 5), "seed-001": (6, 6), "seed-004": (5, 5)}


@pytest.mark.parametrize("name", ["seed-000", "seed-001", "seed-004"])
def test_the_seed_timeline_holds_the_happenings_of_the_gold(name):
    _text, result, gold = run_seed(name)
    matched, unmatched = _timeline_matches(gold["events"], result.events)
    found, extra = TIMELINE_BARS[name]
    assert sum(1 for g, _e in matched if not g.get("optional")) >= found
    assert len(unmatched) <= extra, [e.summary for e in unmatched]
    for gold_event, event in matched:
        # A day the engine gives must be the gold's; seed-004's Kyiv strike is still told undated
        # first ("the Russian missile attack almost a week ago") and its day lost.
        if gold_event["date"] and event.date and not gold_event.get("optional"):
            assert (event.date.isoformat() if event.date else None, event.precision) == (
                gold_event["date"],
                gold_event["precision"],
            )


def _key_loss(r):
    return (r["side"], r["category"], r["min"], r["max"], r["period"], r["date"], r["reported_by"])


def _key_pledge(r):
    return (r["donor"], r["recipient"], r["category"], r["quantity"], r["status"], r["date"])


@pytest.mark.parametrize("name", ["seed-000", "seed-001", "seed-004"])
def test_the_seed_records_hold_every_required_gold_record_and_nothing_the_gold_lacks(name):
    _text, result, gold = run_seed(name)
    got = result.to_dict(id=name)
    assert got["article"]["published"] == gold["published"]
    gold_losses = [_key_loss(r) for r in gold["losses"]]
    got_losses = [_key_loss(r) for r in got["losses"]]
    assert all(_key_loss(r) in got_losses for r in gold["losses"] if not r.get("optional"))
    assert all(key in gold_losses for key in got_losses)
    gold_pledges = [_key_pledge(r) for r in gold["pledges"]]
    got_pledges = [_key_pledge(r) for r in got["pledges"]]
    assert all(_key_pledge(r) in got_pledges for r in gold["pledges"] if not r.get("optional"))
    assert all(key in gold_pledges for key in got_pledges)
    gold_days = {(e["type"], e["date"]) for e in gold["events"] if e["date"] and e.get("precision", "day") == "day"}
    required_days = {
        (e["type"], e["date"])
        for e in gold["events"]
        if e["date"] and e["precision"] == "day" and not e.get("optional")
    }
    got_days = {(e["type"], e["date"]) for e in got["events"] if e["date"] and e["precision"] == "day"}
    assert required_days <= got_days <= gold_days


EXPECTED = {
    "seed-000": {
        "article": {"title": None, "published": "2023-01-05", "published_source": "supplied"},
        "losses": [
            {
                "side": "RU",
                "category": "personnel_killed",
                "min": 800,
                "max": 800,
                "period": "day",
                "date": "2023-01-05",
                "place": "Donetsk Oblast",
                "reported_by": "UA",
                "event": "losses",
            },
            # "over 800 Russian troops ... were destroyed in the past day" restates the estimated 800 (the gold's
            # optional record): one record for one figure
            {
                "side": "RU",
                "category": "aircraft",
                "min": 1,
                "max": 1,
                "period": "day",
                "date": "2023-01-05",
                "place": None,
                "reported_by": "UA",
                "event": "losses",
            },
            {
                "side": "RU",
                "category": "helicopters",
                "min": 1,
                "max": 1,
                "period": "day",
                "date": "2023-01-05",
                "place": None,
                "reported_by": "UA",
                "event": "losses",
            },
            {
                "side": "RU",
                "category": "tanks",
                "min": 3,
                "max": 3,
                "period": "day",
                "date": "2023-01-05",
                "place": None,
                "reported_by": "UA",
                "event": "losses",
            },
        ],
        "pledges": [
            {
                "donor": "FR",
                "recipient": "UA",
                "item": "AMX-10 RC",
                "category": "armored_vehicle",
                "quantity": None,
                "amount": None,
                "currency": None,
                "status": "pledged",
                "date": "2023-01-04",
                "event": "aid",
            },
            {
                "donor": "US",
                "recipient": "UA",
                "item": "Bradley",
                "category": "armored_vehicle",
                "quantity": None,
                "amount": None,
                "currency": None,
                "status": "considering",
                "date": None,
                "event": "aid",
            },
            {
                "donor": "US",
                "recipient": "UA",
                "item": "Abrams",
                "category": "tank",
                "quantity": None,
                "amount": None,
                "currency": None,
                "status": "requested",
                "date": None,
                "event": "aid",
            },
            {
                "donor": "US",
                "recipient": "UA",
                "item": "Bradley",
                "category": "armored_vehicle",
                "quantity": None,
                "amount": None,
                "currency": None,
                "status": "pledged",
                "date": None,
                "event": "aid",
            },
            {
                "donor": "US",
                "recipient": "UA",
                "item": None,
                "category": "funding",
                "quantity": None,
                "amount": 21300000000,
                "currency": "USD",
                "status": "delivered",
                "date": None,
                "event": "aid",
            },
        ],
    },
    "seed-001": {
        "article": {"title": None, "published": "2023-02-13", "published_source": "supplied"},
        "losses": [],
        "pledges": [
            {
                "donor": "NATO",
                "recipient": "UA",
                "item": None,
                "category": "aircraft",
                "quantity": None,
                "amount": None,
                "currency": None,
                "status": "requested",
                "date": None,
                "event": "aid",
            },
            {
                "donor": "NATO",
                "recipient": "UA",
                "item": None,
                "category": "missile",
                "quantity": None,
                "amount": None,
                "currency": None,
                "status": "requested",
                "date": None,
                "event": "aid",
            },
            {
                "donor": "DE",
                "recipient": "UA",
                "item": "Marder",
                "category": "armored_vehicle",
                "quantity": None,
                "amount": None,
                "currency": None,
                "status": "pledged",
                "date": None,
                "event": "aid",
            },
            {
                "donor": "DE",
                "recipient": "UA",
                "item": "Leopard 2",
                "category": "tank",
                "quantity": 14,
                "amount": None,
                "currency": None,
                "status": "pledged",
                "date": None,
                "event": "aid",
            },
        ],
    },
    "seed-004": {
        "article": {
            "title": "Ukraine expects more prisoner exchanges, more deaths after rocket attack",
            "published": "2024-01-04",
            "published_source": "text",
        },
        "losses": [
            {
                "side": "UA",
                "category": "civilians_killed",
                "min": 32,
                "max": 32,
                "period": "incident",
                "date": "2023-12-28",
                "place": "Kyiv",
                "reported_by": None,
                "event": "strike",
            },
            {
                "side": "UA",
                "category": "civilians_wounded",
                "min": 30,
                "max": 30,
                "period": "incident",
                "date": "2023-12-28",
                "place": "Kyiv",
                "reported_by": "UA",
                "event": "strike",
            },
            {
                "side": "UA",
                "category": "civilians_killed",
                "min": 55,
                "max": None,
                "period": "incident",
                "date": "2023-12-28",
                "place": None,
                "reported_by": None,
                "event": "strike",
            },
            {
                "side": "UA",
                "category": "civilians_wounded",
                "min": 170,
                "max": 170,
                "period": "incident",
                "date": "2023-12-28",
                "place": None,
                "reported_by": None,
                "event": "strike",
            },
            {
                "side": "RU",
                "category": "civilians_killed",
                "min": 25,
                "max": 25,
                "period": "incident",
                "date": "2023-12-29",
                "place": "Belgorod",
                "reported_by": "RU",
                "event": "strike",
            },
        ],
        "pledges": [
            {
                "donor": "NO",
                "recipient": "UA",
                "item": "F-16",
                "category": "aircraft",
                "quantity": 2,
                "amount": None,
                "currency": None,
                "status": "pledged",
                "date": "2024-01-03",
                "event": "aid",
            },
            {
                "donor": "NL",
                "recipient": "UA",
                "item": "F-16",
                "category": "aircraft",
                "quantity": 18,
                "amount": None,
                "currency": None,
                "status": "pledged",
                "date": None,
                "event": "aid",
            },
        ],
    },
}
