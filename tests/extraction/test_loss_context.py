"""What around a count says it is no loss: the rows of patterns/en/loss_context.jsonl read on the sentence's
tokens (rules/losses.py, `Guards`), one test per guard category on a blank English pipeline."""

from __future__ import annotations

import datetime

import pytest

from articles.extraction.rules import losses


@pytest.fixture(scope="module")
def nlp():
    import spacy  # noqa: PLC0415

    return spacy.blank("en")


def holds(nlp, sentence: str, category: str, number: str) -> bool:
    """Whether the guard `category` holds for the (last) count written `number` in the sentence."""
    return losses.Guards(nlp(sentence)[:]).holds(category, last_count(sentence, number))


def last_count(sentence: str, number: str) -> losses.Count:
    return [count for count in losses.find_counts(sentence) if count.text == number][-1]


def in_sentence(nlp, sentence: str, category: str) -> bool:
    return losses.Guards(nlp(sentence)[:]).in_sentence(category)


def test_every_row_names_a_place_a_guard_can_sit():
    rows = losses.guard_rows()
    assert {guard.where for guard, _ in rows} <= set(losses.GUARD_PLACES)
    assert all(pattern for _, pattern in rows)


@pytest.mark.parametrize(
    ("sentence", "number", "category", "expected"),
    [
        # NO_COUNT: p212 (Mezha), p084 (unidentified PL outlet), p164 (The Economist); made up
        ("One of the battles is still ongoing.", "One", "NO_COUNT", True),
        ("One of Ukrainian journalists was wounded.", "One", "NO_COUNT", True),
        ("He was nodding to one of Mr Putin’s favourite tsars.", "one", "NO_COUNT", True),
        ("ONE OF THE most important questions is about guarantees.", "ONE", "NO_COUNT", True),
        ("One soldier was killed.", "One", "NO_COUNT", False),
        # PERCENT: p174 (The Economist), p210 (Al Jazeera), p186 (CSIS); made up
        ("In Lviv it rose from 14% to 18%.", "14", "PERCENT", True),
        ("Ukraine neutralised 90 percent of the drones and 30 missiles.", "90", "PERCENT", True),
        ("Putin's approval dropped by roughly six percentage points.", "roughly six", "PERCENT", True),
        ("Turnout fell 20 per cent.", "20", "PERCENT", True),
        ("Ukraine neutralised 90 percent of the drones and 30 missiles.", "30", "PERCENT", False),
        # MEASURE: p211 (Euromaidan Press), p167 (The Economist), p208 (KTEN), p215 (UNITED24 Media); made up
        ("Ads will be hidden for 6 months.", "6", "MEASURE", True),
        ("One fell 300km deep into Polish territory.", "300", "MEASURE", True),
        ("Winds SSE at 5 to 10 mph.", "5 to 10", "MEASURE", True),
        ("operations decreasing by\xa011\xa0times,", "11", "MEASURE", True),
        ("Russia repelled 12 combat engagements near Pokrovsk.", "12", "MEASURE", True),
        ("Ukraine destroyed 12 tanks near Pokrovsk.", "12", "MEASURE", False),
        # SUBSET: p084 (unidentified PL outlet), p048, p182 (BBC News), p190 (OSV News), p041 (The Guardian); made up
        ("In Ukraine, 28 journalists were killed in Ukraine, including seven foreigners.", "seven", "SUBSET", True),
        ("More than 500 civilians, including 40 children, are trapped.", "40", "SUBSET", True),
        ("More than 14,500 civilians — including 745 children — have been killed.", "745", "SUBSET", True),
        ("8 million people left for Russia, of which 16,000 were foreign citizens.", "16,000", "SUBSET", True),
        ("12 soldiers were killed, among them 3 officers.", "3", "SUBSET", True),
        ("40 were wounded, incl. 5 children.", "5", "SUBSET", True),
        ("40 were wounded, incl . 5 children.", "5", "SUBSET", False),
        ("In Ukraine, 28 journalists were killed in Ukraine, including seven foreigners.", "28", "SUBSET", False),
        # CAPACITY: p071 (Daily Mail); made up
        ("The graves seen in the photos released Thursday could hold 9,000 bodies.", "9,000", "CAPACITY", True),
        ("The shelter has a capacity of 300 people.", "300", "CAPACITY", True),
        ("The shelter was hit and 300 people were hurt.", "300", "CAPACITY", False),
        # ALL_BUT: p210 (Al Jazeera): both counts of the list; made up
        ("Ukraine downed all but 26 drones and 31 missiles.", "26", "ALL_BUT", True),
        ("Ukraine downed all but 26 drones and 31 missiles.", "31", "ALL_BUT", True),
        ("Air defences shot down all but 4 of the missiles.", "4", "ALL_BUT", True),
        ("Ukraine downed all but 26 drones, and 31 missiles were destroyed.", "31", "ALL_BUT", False),
        # GROWTH: p178 (The Economist), p159 (CNN), p134; made up
        ("Russia’s army grew by an average of 8,000–9,000 soldiers a month.", "8,000–9,000", "GROWTH", True),
        ("Russia has recruited as many as 15,000 Nepalis to fight its war.", "as many as 15,000", "GROWTH", True),
        ("Exports increased by 69% to Russia.", "69", "GROWTH", True),
        ("The brigade mobilised 3,000 reservists.", "3,000", "GROWTH", True),
        ("The brigade lost 3,000 reservists.", "3,000", "GROWTH", False),
        # WHOLE and OF_WHOLE: p179 (BBC News), p115 (Fox News), p214 (CNBC); made up
        ("They believed at least 1,000 of the 11,000 troops sent had been killed.", "11,000", "WHOLE", True),
        ("They believed at least 1,000 of the 11,000 troops sent had been killed.", "at least 1,000", "OF_WHOLE", True),
        ("Air defences disabled 16 of the 36 launched Thursday.", "36", "WHOLE", True),
        ("The plant houses six of its 15 operational reactors.", "six", "OF_WHOLE", True),
        ("Ukraine lost 12 out of 40 tanks.", "40", "WHOLE", True),
        ("Ukraine lost 12 of its tanks.", "12", "OF_WHOLE", False),
        # CASUALTIES_AT: p202 (Northeastern Global News), p200 (Fortune), p186 (CSIS); made up
        ("The two organizations put Ukrainian losses at around 200,000.", "around 200,000", "CASUALTIES_AT", True),
        ("CSIS has estimated Russian military casualties at 1.2 million.", "1.2 million", "CASUALTIES_AT", True),
        ("Total Russian casualties nearing 1 million are told.", "1 million", "CASUALTIES_AT", True),
        ("Losses stood at 4,000 by May.", "4,000", "CASUALTIES_AT", True),
        ("The UN puts civilian casualties at 30,000.", "30,000", "CASUALTIES_AT", False),
        # OTHERS: p043 (The Guardian), p180 (BBC News), p178 (The Economist); made up
        ("Unfortunately, three people died and five others were injured.", "five", "OTHERS", True),
        ("Three people were killed and 10 others were injured.", "10", "OTHERS", True),
        ("His unit went in only after two others refused.", "two", "OTHERS", True),
        ("Two died and 4 more others were hurt.", "4", "OTHERS", True),
        ("Two died and 4 were otherwise unharmed.", "4", "OTHERS", False),
        # DEAD_OR_MISSING: p218 (The European Sting); made up
        ("At least 7,667 people died or went missing while migrating.", "At least 7,667", "DEAD_OR_MISSING", True),
        ("Some 40 soldiers have been killed or missing.", "Some 40", "DEAD_OR_MISSING", True),
        ("Some 40 soldiers were killed or wounded.", "Some 40", "DEAD_OR_MISSING", False),
        # NOT_COUNTED: p206 (House of Commons Library), p190 (OSV News), p168 (The Economist), p071; made up
        ("Around 264,000 refugees are in the UK.", "Around 264,000", "NOT_COUNTED", True),
        ("In Kyiv, about 60,000 residents have already left the city.", "about 60,000", "NOT_COUNTED", True),
        ("The UN estimates that more than 5m people have fled from Ukraine.", "more than 5m", "NOT_COUNTED", True),
        ("The official said 200 residents of Mariupol had gathered to be evacuated.", "200", "NOT_COUNTED", True),
        ("12 people were killed, and 40 remain in hospital.", "12", "NOT_COUNTED", False),
        # BODIES: p149 (unidentified GB outlet), p041 (The Guardian); made up
        ("Three Russian bodies linked to the weapons programme were sanctioned.", "Three", "BODIES", True),
        ("Since the withdrawal, 900 bodies had been uncovered in mass graves.", "900", "BODIES", True),
        ("Police said 12 soldiers guarded the bodies.", "12", "BODIES", False),
        # INSTRUMENT: p025 (The Guardian), p100; made up
        ("Each battery consists of two firing platoons with two launchers.", "two", "INSTRUMENT", True),
        ("The ship is loaded with 23,000 tonnes of wheat.", "23,000", "INSTRUMENT", True),
        ("The bridge was hit by 3 missiles.", "3", "INSTRUMENT", True),
        ("Ukraine hit 3 missiles.", "3", "INSTRUMENT", False),
        # LAUNCHED: p210 (Al Jazeera), p019 (The Guardian); a word of downing cuts it off (made up)
        ("On Sunday, Russia launched 197 drones and 50 missiles.", "50", "LAUNCHED", True),
        ("A US defence official said Russia had fired more than 350 missiles.", "more than 350", "LAUNCHED", True),
        ("Russia launched 40 drones; air defences shot down 30 missiles.", "30", "LAUNCHED", False),
        ("Russia fired 40 missiles, of which 30 were intercepted.", "30", "LAUNCHED", False),
        ("Russia fired 40 drones, and air defences downed 30 missiles.", "30", "LAUNCHED", False),
    ],
)
def test_a_guard_holds_where_its_row_sits_around_the_count(nlp, sentence, number, category, expected):
    assert holds(nlp, sentence, category, number) is bool(expected)


@pytest.mark.parametrize(
    ("sentence", "category", "expected"),
    [
        # NO_LOSS_TOPIC: p195 (Al Jazeera), p167 (The Economist), p218 (The European Sting); made up
        ("Descriptions of “white deaths” are gruesome with no names and few details.", "NO_LOSS_TOPIC", True),
        ("Poland was at its “closest to open conflict since the second world war”.", "NO_LOSS_TOPIC", True),
        ("At least 7,667 people died while attempting to migrate last year.", "NO_LOSS_TOPIC", True),
        ("Five soldiers died of cold-related illness.", "NO_LOSS_TOPIC", True),
        ("Five soldiers died in the war.", "NO_LOSS_TOPIC", False),
        # EXCHANGE: seed-004, p033 (The Guardian), p193; made up
        ("248 Russian prisoners also returned home.", "EXCHANGE", True),
        ("Ten captured occupiers were exchanged for 10 Ukrainian servicemen.", "EXCHANGE", True),
        ("The two sides agreed to each hand over 157 prisoners of war after the exchange.", "EXCHANGE", True),
        ("Kyiv said 40 soldiers were freed in a swap.", "EXCHANGE", True),
        ("Ukrainian forces captured 12 Russian soldiers who returned to their home base.", "EXCHANGE", False),
        # BODIES_FOUND: p041 (The Guardian), p105 (unidentified GB outlet); made up
        ("Since the withdrawal, 900 bodies had been uncovered in mass graves.", "BODIES_FOUND", True),
        ("Authorities said they had found a mass grave containing more than 440 bodies.", "BODIES_FOUND", True),
        ("Three Russian bodies linked to the weapons programme were sanctioned.", "BODIES_FOUND", False),
    ],
)
def test_a_sentence_guard_holds_anywhere_in_the_sentence(nlp, sentence, category, expected):
    assert in_sentence(nlp, sentence, category) is expected


def test_a_verb_of_hitting_is_read_on_one_token(nlp):
    # p055: "two Russian X-22 cruise missiles hit a crowded shopping centre"; made up: "struck"
    guards = losses.Guards(nlp("13 missiles and 21 drones struck 19 locations.")[:])
    assert guards.at("HITTING", 5)
    assert not guards.at("HITTING", 4)
    guards = losses.Guards(nlp("One of the two missiles launched struck the lower floors.")[:])
    assert guards.at("LAUNCHED", 5)
    # a stop row of the category is no match of it
    assert not losses.Guards(nlp("They shot down 30 missiles.")[:]).at("LAUNCHED", 1)


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        # p024 (The Guardian): "none of the major cities have yet fallen"; p178 (The Economist): "Khartiia’s drone
        # forces"; made up
        ("None of the major cities have yet fallen, with 40 soldiers killed.", ["40"]),
        ("Raikov, head of Khartiia’s drone forces, lost one drone.", ["one"]),
        # a qualifier glued onto a word before it still qualifies the count: "that about 55,000" (p191, Reuters)
        ("Zelenskiy said this week that about 55,000 Ukrainian soldiers had been killed.", ["at about 55,000"]),
    ],
)
def test_a_number_inside_a_word_is_no_count(sentence, counts):
    assert [count.text for count in losses.find_counts(sentence)] == counts


def test_drones_destroyed_after_missiles_used_elsewhere_are_losses(run):
    # pool p210 (Al Jazeera): "used" is the missiles' verb, far from the drones' count
    text = (
        "Ukraine’s Air Force said it had destroyed 3,855 long-range missiles used to target rear areas since "
        "the beginning of the war, as well as 67,000 long-range drones."
    )
    found = [(r.side, r.category, r.min) for r in run(text, datetime.date(2026, 2, 27)).losses]
    assert ("RU", "drones", 67000) in found


@pytest.mark.parametrize(
    ("sentence", "number", "category", "expected"),
    [
        # OF_THEM: p129, p174; made up
        (
            "Russian troops detained civilians, summarily executing more than 70 of them.",
            "more than 70",
            "OF_THEM",
            True,
        ),
        ("Today only 185 of them remain there.", "only 185", "OF_THEM", True),
        ("Some 40 of whom were children.", "Some 40", "OF_THEM", True),
        ("Some 40 soldiers of the brigade.", "Some 40", "OF_THEM", False),
        # HURT_NEXT and DIED: p061, p022; made up
        ("Four people were killed and 14 wounded, they said.", "14", "HURT_NEXT", True),
        ("Monitors recorded 351 civilians killed and 707 injured.", "707", "DIED", True),
        ("Four people were killed and 14 wounded, they said.", "14", "DIED", True),
        ("Seven were reported to have died.", "Seven", "DIED", True),
        ("4,500 had been already dead.", "4,500", "DIED", True),
        ("The February 28 deadline was extended.", "28", "HURT_NEXT", False),
        ("Four soldiers have died.", "Four", "DIED", False),
        # TOLL: p023, seed-004; made up
        ("The death toll in Kyiv has risen to 32.", "32", "TOLL", True),
        ("The number of dead stands at 40.", "40", "TOLL", True),
        ("The death toll rose. Officials said 12 were hurt.", "12", "TOLL", False),
        # HURT_BEFORE: p180, p199; made up
        ("Russian aerial attacks killing at least 13 people.", "at least 13", "HURT_BEFORE", True),
        ("Ukrainian officials recently boasted of killing 35,000 Russian troops.", "35,000", "HURT_BEFORE", True),
        ("The strike injured 9.", "9", "HURT_BEFORE", True),
        ("The strike hit 9.", "9", "HURT_BEFORE", False),
    ],
)
def test_people_are_told_by_the_words_around_a_count_with_no_noun(nlp, sentence, number, category, expected):
    assert holds(nlp, sentence, category, number) is expected


@pytest.fixture(scope="module")
def ruled():
    """A blank English pipeline with the gazetteer ruler's COUNTRY and EQUIPMENT spans."""
    import spacy  # noqa: PLC0415

    from articles.extraction import countries, gazetteer  # noqa: PLC0415

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("warboard_gazetteer_ruler")
    ruler.add_patterns([*countries.ruler_patterns(), *gazetteer.equipment_patterns()])  # type: ignore[attr-defined]
    return nlp


def noun(ruled, sentence: str, number: str):
    doc = ruled(sentence)
    guards = losses.Guards(doc[:])
    count = last_count(sentence, number)
    equipment = {ent.start_char: ent for ent in doc.ents if ent.label_ == "EQUIPMENT"}
    return losses.noun_after(guards, losses._noun_at(guards, count), equipment)[:3]


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        # FILLER: a country's demonym or name, a kind word, a hyphened compound: seed-000 "an estimated
        # 800 Russian troops", p179 (BBC News) "1,000 of the 11,000 troops"; made up
        ("An estimated 800 Russian troops were killed.", "An estimated 800", ("people", "soldiers", "Russian")),
        ("At least 1,000 of the 11,000 troops sent had been killed.", "At least 1,000", ("people", "soldiers", "")),
        ("Ukraine killed 12 North Korean soldiers.", "12", ("people", "soldiers", "North Korean")),
        ("Ukraine killed 30 pro-Russian separatist fighters.", "30", ("people", "soldiers", "pro-Russian separatist")),
        ("Ukraine destroyed 3 Soviet-made tanks.", "3", ("equipment", "tanks", "Soviet-made")),
        ("Ukraine destroyed 3 old tanks.", "3", (None, None, "")),
        # CASUALTY_NOUN: p097 "70,000-80,000 casualties of war", p195 "At least 18 deaths"; made up
        (
            "Russia has had approximately 70,000-80,000 casualties of war.",
            "approximately 70,000-80,000",
            ("people", None, ""),
        ),
        ("At least 18 deaths were reported.", "At least 18", ("people", None, "")),
        # ENEMY_PEOPLE: p199 "as many as 325,000 Russians ... have been killed"; made up
        ("As many as 325,000 Russians have been killed.", "As many as 325,000", ("people", "soldiers", "")),
        ("As many as 325,000 Ukrainians have left.", "As many as 325,000", ("people", "people", "")),
    ],
)
def test_the_noun_a_count_counts_is_read_over_filler_words(ruled, sentence, number, expected):
    assert noun(ruled, sentence, number) == expected


def test_what_a_named_system_fires_is_not_the_system(ruled):
    # p185: "three U.S-made HIMARS MLRS projectiles and one Uragan MLRS projectile"; made up
    doc = ruled("Air defences shot down three HIMARS MLRS projectiles and four HIMARS launchers.")
    guards = losses.Guards(doc[:])
    systems = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "EQUIPMENT"]
    assert [guards.holds("AMMUNITION", span) for span in systems] == [True, False]
    assert losses.Guards(ruled("Ukraine fired 20 HIMARS rockets.")[:]).holds("AMMUNITION", (3, 4))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # p200 (Fortune): "estimated Russian military casualties at 1.2 million"; p026 (The Guardian): "the first
        # estimate of Ukraine’s combat losses"; p022: "351 civilians killed and 707 injured"; made up
        ("CSIS estimated Russian military casualties at 1.2 million, 325,000 of them killed.", "soldiers"),
        ("It is the first estimate of Ukraine’s combat losses, 40 of them in one week.", "soldiers"),
        ("The UN recorded 351 civilians killed and 707 injured.", "civilians"),
        ("Troops and civilians fled; 40 of them were hurt.", "soldiers"),
        ("The strike hit a market; 40 of them were hurt.", "people"),
    ],
)
def test_whom_a_bare_count_counts_is_told_in_its_sentence(nlp, sentence, expected):
    assert losses._people_of_sentence(losses.Guards(nlp(sentence)[:])) == expected
