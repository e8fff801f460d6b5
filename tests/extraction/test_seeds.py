"""The three seed articles end to end: every record the engine gives, listed in full.

The fixtures are tests/fixtures/seed/seed-00{0,1,4}.txt with their hand-made gold records
(*.gold.json). seed-000 and seed-001 are dated by the uploader (the manifest's date); seed-004
carries its own date ("date 2024-01-04"). Spans are checked against the text separately: each
event's summary is exactly the text at its span.
"""

import datetime
import json
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
def test_the_seed_article_gives_exactly_these_records(name):
    text, result, _gold = run_seed(name)
    got = result.to_dict(id=name)
    for kind in ("events", "losses", "pledges"):
        for record in got[kind]:
            start, end = record.pop("span")
            assert 0 <= start < end <= len(text), record
            if kind == "events":
                assert text[start:end] == record["summary"]
    assert {key: got[key] for key in ("article", "events", "losses", "pledges")} == EXPECTED[name]


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
        "events": [
            {
                "date": None,
                "precision": None,
                "type": "strike",
                "summary": "The Ukrainian military said it has killed hundreds of Russian troops, with "
                "Ukrainian President Volodymyr Zelenskyy echoing the numerous losses Russia "
                "has sustained from Ukraine’s attacks.\n",
                "places": [],
                "countries": ["UA", "RU"],
            },
            {
                "date": "2023-01-05",
                "precision": "day",
                "type": "losses",
                "summary": "The Ukrainian military on Thursday said an estimated 800 Russian troops "
                "were killed in the past day, mostly in the eastern Donetsk region, where "
                "heavy fighting has been taking place.",
                "places": ["Donetsk Oblast"],
                "countries": ["UA", "RU"],
            },
            {
                "date": None,
                "precision": None,
                "type": "strike",
                "summary": "The military said Russian forces have been more focused on the offensive in "
                "the Bakhmut area and that Russian attempts to attack in Avdiivka and "
                "Kupiansk were not successful.\n",
                "places": ["Bakhmut", "Avdiivka", "Kupiansk"],
                "countries": ["RU"],
            },
            {
                "date": None,
                "precision": None,
                "type": "strike",
                "summary": "The military also cited the civilian casualties from the recent Russian "
                "air, missile, and rocket attacks in Bakhmut as well as Kostianynivka and "
                "Kurakhove in Donetsk.\n",
                "places": ["Bakhmut", "Kurakhove", "Donetsk"],
                "countries": ["RU"],
            },
            {
                "date": None,
                "precision": None,
                "type": "mobilization",
                "summary": "In a post on the Telegram messaging platform, Ukrainian deputy defense "
                "minister Hanna Malyar said the significant losses sustained by Russia means "
                "Moscow may have to announce another partial mobilization of reserve troops "
                "in the first quarter of the year.\n",
                "places": ["Moscow"],
                "countries": ["UA", "RU"],
            },
            {
                "date": "2023-01-02",
                "precision": "week",
                "type": "aid",
                "summary": "Western leaders have also pledged to send more military assistance to Ukraine this week.",
                "places": [],
                "countries": ["UA"],
            },
            {
                "date": "2023-01-04",
                "precision": "day",
                "type": "aid",
                "summary": "A French official said Wednesday that French President Emmanuel Macron told "
                "Zelenskyy that his country will be sending light AMX-10 RC armored combat "
                "vehicles during their phone conversation.",
                "places": [],
                "countries": ["FR"],
            },
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "US President Joe Biden said Washington was also considering sending Bradley "
                "armored fighting vehicles to Ukraine.\n",
                "places": [],
                "countries": ["US", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "However, the decision falls short of Ukraine’s request for Abrams tanks.",
                "places": [],
                "countries": ["US", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "It remains to be determined how many Bradley vehicles the United States is "
                "sending to Ukraine, but Washington is preparing another weapons aid package "
                "that may be announced in the coming days.\n",
                "places": [],
                "countries": ["US", "UA"],
            },
            {
                "date": "2022-12-01",
                "precision": "month",
                "type": "aid",
                "summary": "The US has so far provided a total of $21.3 billion in security assistance "
                "to Ukraine, and Zelenskyy said during his address to a joint session of "
                "Congress in December that the aid was not charity but an investment in "
                "global security.\n",
                "places": [],
                "countries": ["US", "UA"],
            },
        ],
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
                "event": 1,
            },
            {
                "side": "RU",
                "category": "personnel_killed",
                "min": 800,
                "max": None,
                "period": "day",
                "date": "2023-01-05",
                "place": None,
                "reported_by": "UA",
                "event": 1,
            },
            {
                "side": "RU",
                "category": "aircraft",
                "min": 1,
                "max": 1,
                "period": "day",
                "date": "2023-01-05",
                "place": None,
                "reported_by": "UA",
                "event": 1,
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
                "event": 1,
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
                "event": 1,
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
                "event": 6,
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
                "event": 7,
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
                "event": 8,
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
                "event": 9,
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
                "event": 10,
            },
        ],
    },
    "seed-001": {
        "article": {"title": None, "published": "2023-02-13", "published_source": "supplied"},
        "events": [
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "The United States and Ukraine discussed further military aid as the war is "
                "approaching its first year.",
                "places": [],
                "countries": ["US", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "training",
                "summary": "The discussions also come as Ukrainian troops are set to begin training on "
                "the German-made Leopard 2 and other battle tanks that would be used on the "
                "ground.\n",
                "places": [],
                "countries": ["UA", "DE"],
            },
            {
                "date": "2023-02-14",
                "precision": "day",
                "type": "diplomacy",
                "summary": "Ukraine’s armed forces commander in chief Valeriy Zaluzhnyi spoke with US "
                "General Christopher Cavoli who is leading Europe’s combined NATO forces "
                "ahead of an upcoming US-led conference of defense heads from NATO countries "
                "on Tuesday.",
                "places": ["Ramstein"],
                "countries": ["UA", "US", "NATO", "DE"],
            },
            {
                "date": "2023-01-20",
                "precision": "day",
                "type": "diplomacy",
                "summary": "The meeting on Tuesday follows the January 20 conference at the Ramstein "
                "Air Base in Germany which was a key meeting to score pledges of sending "
                "battle tanks to Ukraine.\n",
                "places": ["Ramstein"],
                "countries": ["DE", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "training",
                "summary": "“We discussed the issue of supplying international military aid to Ukraine "
                "and training our units on the territory of partner countries,” said "
                "Zaluzhnyi, according to the Ukrainian defense ministry.\n",
                "places": [],
                "countries": ["UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "Since winning pledges of modern battle tanks, Ukrainian President Volodymyr "
                "Zelenskyy and other officials in Kyiv have been urging allies to provide "
                "modern fighter jets and long-range missiles to bolster defenses and reclaim "
                "captured territories, pressuring the NATO alliance to support Ukraine.\n",
                "places": ["Kyiv"],
                "countries": ["UA", "NATO"],
            },
            {
                "date": "2023-02-13",
                "precision": "day",
                "type": "training",
                "summary": "Germany has begun training Ukrainian troops on the use of the Leopard 2 "
                "tanks on Monday at an army base in the northern town of Munster.",
                "places": ["Munster"],
                "countries": ["DE", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "At the base, Ukrainian troops are already exercising on Marder infantry "
                "fighting vehicles that would also be provided to Kyiv.",
                "places": [],
                "countries": ["DE", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "training",
                "summary": "German defense minister Boris Pistorius previously said the 14 Leopard 2 "
                "tanks and the trained Ukrainian crews would be in Ukraine around March or "
                "April.\n",
                "places": [],
                "countries": ["DE", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "German defense minister Boris Pistorius previously said the 14 Leopard 2 "
                "tanks and the trained Ukrainian crews would be in Ukraine around March or "
                "April.\n",
                "places": [],
                "countries": ["DE", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "training",
                "summary": "Polish President Andrzej Duda oversaw a demonstration of Leopard 2 training "
                "at a military base in Swietoszow in southwestern Poland.",
                "places": ["Swietoszow"],
                "countries": ["PL"],
            },
            {
                "date": None,
                "precision": None,
                "type": "training",
                "summary": "Ukrainian troops are being trained by Polish, Canadian, and Norwegian instructors.",
                "places": [],
                "countries": ["UA", "PL", "CA", "NO"],
            },
            {
                "date": None,
                "precision": None,
                "type": "training",
                "summary": "Another group of Ukrainian troops is being trained to use the British "
                "Challenger 2 tanks.\n",
                "places": [],
                "countries": ["UA", "GB"],
            },
            {
                "date": "2023-02-06",
                "precision": "week",
                "type": "mobilization",
                "summary": "Russia’s deputy security council chairman Dmitry Medvedev last week called "
                "for increased production of Russian tanks during a visit to the Omsk "
                "Transport Machine Construction facility, according to the British defense "
                "ministry on Wednesday.",
                "places": [],
                "countries": ["RU", "GB"],
            },
            {
                "date": None,
                "precision": None,
                "type": "mobilization",
                "summary": "The ministry said that the call for a ramped-up production of Russian tanks "
                "follows the comments by Russian leader Vladimir Putin to the country’s "
                "defense industry for increased support for what Moscow calls the war a "
                "“special military operation.”\n",
                "places": ["Moscow"],
                "countries": ["RU"],
            },
        ],
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
                "event": 5,
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
                "event": 5,
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
                "event": 7,
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
                "event": 9,
            },
        ],
    },
    "seed-004": {
        "article": {
            "title": "Ukraine expects more prisoner exchanges, more deaths after rocket attack",
            "published": "2024-01-04",
            "published_source": "text",
        },
        "events": [
            {
                "date": None,
                "precision": None,
                "type": "prisoner_exchange",
                "summary": "Ukraine expects more prisoner exchanges, more deaths after rocket attack\n\n",
                "places": [],
                "countries": ["UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "prisoner_exchange",
                "summary": "This time: Ukraine expects to exchange prisoners of war with Russia again "
                "in the coming weeks.",
                "places": [],
                "countries": ["UA", "RU"],
            },
            {
                "date": None,
                "precision": None,
                "type": "strike",
                "summary": "In Kyiv, the death toll after the Russian missile attack almost a week ago "
                "has risen to 32.\n"
                "\n",
                "places": ["Kyiv"],
                "countries": ["UA", "RU"],
            },
            {
                "date": "2024-01-03",
                "precision": "day",
                "type": "prisoner_exchange",
                "summary": "The largest exchange of prisoners of war to date took place on Wednesday "
                "and the first since last summer.",
                "places": [],
                "countries": [],
            },
            {
                "date": None,
                "precision": None,
                "type": "prisoner_exchange",
                "summary": "230 Ukrainians were released from Russian captivity.",
                "places": [],
                "countries": ["UA", "RU"],
            },
            {
                "date": None,
                "precision": None,
                "type": "prisoner_exchange",
                "summary": "Ukraine and Russia have exchanged prisoners dozens of times, but not in the "
                "past five months.",
                "places": [],
                "countries": ["UA", "RU"],
            },
            {
                "date": "2023-12-28",
                "precision": "day",
                "type": "strike",
                "summary": "The major Russian missile attack of December 28 is still being felt in Ukraine.",
                "places": ["Kyiv"],
                "countries": ["RU", "UA"],
            },
            {
                "date": "2023-12-29",
                "precision": "day",
                "type": "strike",
                "summary": "A day later, the Russian border region of Belgorod was hit by a Ukrainian "
                "retaliatory attack that local authorities said killed 25 people.\n"
                "\n",
                "places": ["Belgorod"],
                "countries": ["RU", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "strike",
                "summary": "The British Ministry of Defense says in its… intelligence update about the "
                "war in Ukraine that Russia seems to be paying more attention to attacks "
                "with long-range missiles.",
                "places": [],
                "countries": ["GB", "UA", "RU"],
            },
            {
                "date": None,
                "precision": None,
                "type": "strike",
                "summary": "The ballistic missiles would improve Russia’s ability to attack Ukrainian targets.\n\n",
                "places": [],
                "countries": ["RU", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "training",
                "summary": "Norway sends F-16s and instructors\n\n",
                "places": [],
                "countries": ["NO"],
            },
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "Norway sends F-16s and instructors\n\n",
                "places": [],
                "countries": ["NO", "UA"],
            },
            {
                "date": "2024-01-03",
                "precision": "day",
                "type": "mobilization",
                "summary": "Ukrainian Prime Minister Denys Shmyhal said on Wednesday that the "
                "government wants domestic defense production to increase this year "
                "sextuple.",
                "places": [],
                "countries": ["UA"],
            },
            {
                "date": "2024-01-03",
                "precision": "day",
                "type": "aid",
                "summary": "It was also announced on Wednesday that Norway will supply two F-16 fighter "
                "jets to Ukraine.",
                "places": [],
                "countries": ["NO", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "training",
                "summary": "In addition, ten instructors are being sent to Denmark, where Ukrainian "
                "pilots are being prepared to fly the aircraft.",
                "places": [],
                "countries": ["DK", "UA"],
            },
            {
                "date": None,
                "precision": None,
                "type": "aid",
                "summary": "The Netherlands is sending eighteen F-16s.\n",
                "places": [],
                "countries": ["NL"],
            },
        ],
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
                "event": 2,
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
                "event": 6,
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
                "event": 6,
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
                "event": 6,
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
                "event": 7,
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
                "event": 11,
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
                "event": 15,
            },
        ],
    },
}
