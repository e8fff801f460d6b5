"""The words that tell a loss figure's period, side and clause: patterns/en/loss_periods.jsonl and
loss_sides.jsonl, matched on a blank English pipeline's tokens (`losses.loss_marks`)."""

from __future__ import annotations

import pytest

from articles.extraction.rules import losses


@pytest.fixture(scope="module")
def marked():
    """marked(text, label) -> [(the words marked, the side they name)] in reading order."""
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")

    def _marked(text: str, label: str) -> list[tuple[str, str]]:
        doc = nlp(text)
        return [(text[m.start : m.end], m.side) for m in losses.loss_marks(doc[:]) if m.label == label]

    return _marked


@pytest.mark.parametrize(
    ("text", "label", "words"),
    [
        # seed-000 (AP): "an estimated 800 Russian troops were killed in the past day"
        ("An estimated 800 Russian troops were killed in the past day.", "PERIOD_DAY", ["in the past day"]),
        # p062 (Reuters): "1,214 troops concentrations over the last 24 hours"; p115 (Fox News): "dying each day"
        ("Artillery hit 1,214 troops concentrations over the last 24 hours.", "PERIOD_DAY", ["last 24 hours"]),
        ("With 824 Russian troops dying each day.", "PERIOD_DAY", ["each day"]),
        # made up: "a day" of a rate, and "a day later", which is no period
        ("Russia loses 1,000 soldiers a day.", "PERIOD_DAY", ["a day."]),
        ("A day later 12 soldiers were killed.", "PERIOD_DAY", []),
        # p096 (Newsweek): "about 70 to 80,000 losses ... so far in the conflict"; made up: "a total of"
        (
            "Russia has about 70 to 80,000 losses so far in the conflict.",
            "PERIOD_CUMULATIVE",
            ["so far", "in the conflict"],
        ),
        ("Ukraine has downed a total of 3,000 drones.", "PERIOD_CUMULATIVE", ["total"]),
        # p163 (CNN): "one of the largest drone attacks on Ukraine since the war began"
        ("One of the largest drone attacks on Ukraine since the war began.", "SUPERLATIVE", ["largest"]),
        ("One of the largest drone attacks on Ukraine since the war began.", "PERIOD_SINCE", ["since"]),
        # p190 (OSV News): "2025 was the deadliest year for civilians"; p201 (AP): "in January alone"
        ("2025 was the deadliest year for civilians.", "PERIOD_SPAN", ["deadliest year"]),
        ("Revenues fell by 12 billion hryvnias in January alone.", "PERIOD_SPAN", ["in January alone"]),
        # made up: a year is read as a format, a number of another shape is no year
        ("2,514 civilians were killed in 2025 and 40 in 300 raids.", "PERIOD_SPAN", ["in 2025"]),
        # p019 (Guardian): "claiming 4,500 were already dead"; p202: "it had incurred about 6,000 military losses"
        ("It said it had incurred about 6,000 military losses.", "PERIOD_PERFECT", ["had incurred"]),
        ("Some 300 soldiers have now been confirmed killed.", "PERIOD_PERFECT", ["have now been confirmed killed"]),
        # p055: "two Russian X-22 cruise missiles hit a crowded shopping centre"
        ("Two missiles hit a crowded shopping centre.", "INCIDENT", ["hit"]),
        # p116 (AP): "since World War II"; made up: "from March"
        ("Putin launched the biggest attack since World War II.", "SPAN_OPENING", ["since"]),
        ("Losses from March to May.", "SPAN_OPENING", ["from"]),
        # p115 (Fox News): "..., and they eliminated 5,000 troops"; made up: a list item, no clause
        ("They kill 700 troops each day, and they eliminated 3,000.", "CLAUSE_BREAK", [", and they"]),
        ("500 Russian troops, one helicopter, and three tanks were destroyed.", "CLAUSE_BREAK", []),
        ("Three people died; 20 were wounded.", "CLAUSE_BREAK", [";"]),
        ("Three people died, and more than twenty are on the list.", "CLAUSE_JOIN", [", and"]),
        # seed-004 (AP): "At least 55 people were killed"; p019 (Guardian): "claiming 4,500 were already dead"
        ("At least 55 people were killed and 170 injured.", "CUE_AUX", ["were"]),
        ("Claiming 4,500 were already dead.", "CUE_ADVERB", ["already"]),
        # made up: "had been", and a join that ends the words of a count's noun
        ("Ten soldiers had been wounded or killed.", "CUE_AUX", ["had been"]),
        ("Ten soldiers had been wounded or killed.", "LIST_JOIN", ["or"]),
    ],
)
def test_the_periods_file_marks_its_words(marked, text, label, words):
    assert [words for words, _side in marked(text, label)] == words


@pytest.mark.parametrize(
    ("text", "label", "marks"),
    [
        # seed-000 (AP): "an estimated 800 Russian troops"; p115: "Ukrainian forces repelled the offensive"
        ("An estimated 800 Russian troops were killed.", "SIDE", [("Russian", "RU")]),
        ("Ukrainian forces repelled the offensive.", "SIDE", [("Ukrainian", "UA")]),
        # made up: "pro-Russian" names Russia's side as its own token; "occupiers"
        ("12 pro-Russian fighters and 30 occupiers died.", "SIDE", [("Russian", "RU"), ("occupiers", "RU")]),
        ("Three tanks of the Russian army.", "SIDE_OF", [("of the Russian", "RU")]),
        ("Two tanks from Ukraine's army.", "SIDE_OF", [("from Ukraine's", "UA")]),
        # p199 (CNN): "As many as 300,000 Russians have been killed so far"
        ("As many as 300,000 Russians have been killed so far.", "SIDE_PEOPLE", [("Russians", "RU")]),
        # made up: "Russian losses in Ukraine"
        ("Russian losses in Ukraine.", "WHERE", [("in", "")]),
        # p202 (Northeastern): "Russia last published its own death toll"; made up: "our soldiers"
        ("Russia last published its own death toll in 2022.", "OWN_SIDE", [("its own", "")]),
        (
            "We lost 40 of our soldiers and his country's ships.",
            "OWN_SIDE",
            [("our soldiers", ""), ("his country's", "")],
        ),
        # seed-004 (AP): "170 injured across Ukraine"; p180 (CNN): "more than 30 injured across Ukraine"
        ("At least 55 people were killed and 170 injured across Ukraine.", "BROAD_PLACE", [("across Ukraine", "")]),
        ("Shelling hit towns all over the country.", "BROAD_PLACE", [("all over the country", "")]),
        # p115 (Fox News): "killed, injured or captured 5,000 Russian troops"; made up: "killed or taken prisoner"
        ("They killed, injured or captured 5,000 troops.", "MIXED_LOSSES", [("killed, injured or captured", "")]),
        ("200 were killed or taken prisoner.", "MIXED_LOSSES", [("killed or taken prisoner", "")]),
        ("200 were killed and injured.", "MIXED_LOSSES", []),
        # p001 (Ministry of Defence of Ukraine): "personnel ‒ about 28300 (+400) persons were liquidated"
        ("About 28300 persons were liquidated.", "SOLDIERS_CUE", [("liquidated", "")]),
        # seed-004: "248 Russian prisoners also returned home."
        ("248 Russian prisoners also returned home.", "PRISONERS", [("prisoners", "")]),
    ],
)
def test_the_sides_file_marks_its_words_and_their_side(marked, text, label, marks):
    assert marked(text, label) == marks


def test_every_mark_label_is_read_by_the_rules():
    labels = {row["label"] for row in losses.mark_rows()}
    assert labels == {
        *("PERIOD_DAY", "PERIOD_CUMULATIVE", "PERIOD_SINCE", "SUPERLATIVE", "PERIOD_PERFECT", "PERIOD_SPAN"),
        *("INCIDENT", "SPAN_OPENING", "CLAUSE_BREAK", "CLAUSE_JOIN", "LIST_JOIN", "CUE_AUX", "CUE_ADVERB"),
        "EARLIER_HAPPENING",
        *("SIDE", "SIDE_OF", "SIDE_PEOPLE", "SIDE_FOR", "WHERE", "OWN_SIDE", "BROAD_PLACE", "MIXED_LOSSES"),
        *("SOLDIERS_CUE", "PRISONERS"),
    }


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # seed-004 (AP), p019 (Guardian): the loss word right after the count's words
        ("At least 55 people were killed and 170 injured across Ukraine.", "killed"),
        ("The president said 4,500 were already dead.", "dead"),
        # made up: a join or a fourth word ends the words a cue may follow the count by
        ("He said 12 soldiers and a general died.", None),
        ("He said 12 very tired young soldiers died.", None),
        ("Officials said 12 pro-Russian fighters were reportedly killed.", "killed"),
    ],
)
def test_a_loss_word_right_after_a_count_is_read_on_the_words_between(text, cue):
    import spacy  # noqa: PLC0415

    from articles.extraction.rules import SentenceContext  # noqa: PLC0415

    doc = spacy.blank("en")(text)
    ctx = SentenceContext(sent=doc[:], text=text, start=0, end=len(text), index=0, published=None)
    count = losses.find_counts(text)[0]
    cues = [
        (word, text.index(word), text.index(word) + len(word)) for word in ("killed", "dead", "died") if word in text
    ]
    label = losses._cue_right_after(ctx, cues, count, "people", losses.loss_marks(doc[:]))
    assert label == cue
