"""Tallies: the daily losses table of a ministry ("personnel - about 180,900 (+650)").

`add_tally` makes one `losses` event for the table and two loss records a line (the running
total and the day's "+N"); `describes_tally` tells the sentences around the table that only
describe it, which give no records of their own. The words of both are token patterns of
patterns/en/loss_tally.jsonl (TALLY_DESCRIPTION, UKRAINE_LOSSES).
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import Matcher

from articles.extraction.records import Event, Extraction, Loss
from articles.extraction.rules.losses import english_tokenizer, tally_rows


@cache
def _tally_matcher() -> Matcher:
    matcher = Matcher(english_tokenizer().vocab)
    for row in tally_rows():
        if "label" in row:
            matcher.add(row["label"], [row["pattern"]])
    return matcher


def _says(text: str, label: str) -> bool:
    """Whether a pattern of `label` matches the words of `text`."""
    strings = english_tokenizer().vocab.strings
    return any(strings[key] == label for key, _, _ in _tally_matcher()(english_tokenizer()(text)))


def describes_tally(text: str) -> bool:
    """ "The greatest losses of the enemy were in the Bakhmut direction": about the table, no figures of its own."""
    return _says(text, "TALLY_DESCRIPTION")


def add_tally(result: Extraction, doc, text: str, tally, published, sentence_of_event: list[int]) -> int:
    """One losses event for the tally, two records a line (running total and the day's "+N")."""
    first = tally[0]
    line_start = text.rfind("\n", 0, first.start) + 1
    heading_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    heading = text[heading_start:line_start].strip()
    summary_start = heading_start if heading else line_start
    summary_end = first.end
    countries_found = ["UA", "RU"]
    result.events.append(
        Event(
            date=published,
            precision="day" if published else None,
            type="losses",
            summary=text[summary_start:summary_end].strip(),
            places=[],
            countries=countries_found,
            span=(summary_start, summary_end),
        )
    )
    sentence_of_event.append(-1)
    index = len(result.events) - 1
    side = "UA" if _says(text[: first.start], "UKRAINE_LOSSES") else "RU"  # "the losses of the Ukrainian army"
    claimant = "RU" if side == "UA" else "UA"
    for line in tally:
        records = [("cumulative", line.total)]
        if line.delta is not None:
            records.append(("day", line.delta))
        for period, value in records:
            if value is None:
                continue
            result.losses.append(
                Loss(
                    side=side,
                    category=line.category,
                    min=value,
                    max=value,
                    period=period,
                    date=published,
                    place=None,
                    reported_by=claimant,
                    span=(line.start, line.end),
                    event=index,
                )
            )
    return index
