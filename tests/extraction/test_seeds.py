"""The three seed articles end to end, against their hand-made gold: every required gold record is found, in every
field, and nothing the gold lacks (no article's output is pinned record by record).

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
def test_every_seed_record_points_at_the_text_it_came_from(name):
    text, result, _gold = run_seed(name)
    got = result.to_dict(id=name)
    for kind in ("events", "losses", "pledges"):
        for record in got[kind]:
            start, end = record["span"]
            assert 0 <= start < end <= len(text), record
            if kind == "events":
                assert text[start:end] == record["summary"]
            else:
                # a loss hangs under the tally or the attack that caused it, a pledge under its aid event
                hosts = {"losses": {"losses", "strike", "battle"}, "pledges": {"aid"}}[kind]
                assert got["events"][record["event"]]["type"] in hosts, record


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
    return (r["side"], r["category"], r["min"], r["max"], r["period"], r["date"], r["place"], r["reported_by"])


def _key_pledge(r):
    return (
        r["donor"],
        r["recipient"],
        r["item"],
        r["category"],
        r["quantity"],
        r["amount"],
        r["currency"],
        r["status"],
        r["date"],
    )


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
