"""What kind of source a speaker is, read on its tokens (patterns/en/attribution.jsonl, the bodies of
countries.jsonl, outlets.jsonl): rule tests on a blank English tokenizer, without the statistical model."""

import pytest
import spacy

from articles.extraction import attribution

NLP = spacy.blank("en")


def labels_of(speaker: str) -> dict[str, list]:
    doc = NLP(speaker)
    return attribution._words(doc[:])


@pytest.mark.parametrize(
    ("speaker", "label", "found"),
    [
        # "two men ... have appealed against their sentences, Russian state media reported" (p055)
        ("Russian state media", "MEDIA", True),
        # "the Interfax news agency reported on Tuesday" (p041, dev p061)
        ("the Interfax news agency", "MEDIA", True),
        ("the news", "MEDIA", False),  # made up: "news" alone is no outlet
        # "Russian-installed authorities in the city" (p055), "The Moscow-installed mayor of Enerhodar" (p046)
        ("Russian-installed authorities in the city", "RUSSIAN_INSTALLED", True),
        ("The Moscow-installed mayor of Enerhodar", "RUSSIAN_INSTALLED", True),
        # "Pro-Russian authorities in Mariupol said on Thursday" (dev p036)
        ("Pro-Russian authorities in Mariupol", "RUSSIAN_INSTALLED", True),
        ("The occupation authorities", "RUSSIAN_INSTALLED", True),  # p146 (Ukrinform)
        ("Russian authorities", "RUSSIAN_INSTALLED", False),  # made up: Russia's own speak as Russia
        # "said the Kremlin spokesperson, Dmitry Peskov" (p019), "Ukraine’s air force said" (p188)
        ("the Kremlin spokesperson", "OFFICIAL", True),
        ("Ukraine's air force", "OFFICIAL", True),
        ("the emergence of a new class", "OFFICIAL", False),  # p186: a word that only begins like one
        # "Shells and rockets also hit Kharkiv, ..., local officials said" (p051, dev p061);
        # "Luhansk’s regional governor, Serhiy Haidai said" (p054)
        ("local officials", "LOCAL_OFFICIAL", True),
        ("Luhansk's regional governor", "LOCAL_OFFICIAL", True),
        ("the national police", "LOCAL_OFFICIAL", False),  # made up
    ],
)
def test_it_reads_the_kind_of_source_on_the_speakers_tokens(speaker, label, found):
    assert (label in labels_of(speaker)) is found


@pytest.mark.parametrize(
    ("speaker", "unnamed"),
    [
        # "Western officials believe Putin wants to ..." (p019), "Western officials said" (p019)
        ("Western officials", True),
        ("the international monitors", True),  # made up
        ("officials in Western Ukraine", False),  # made up: only the speaker's first words name no government
    ],
)
def test_a_speaker_that_opens_on_an_unnamed_source_names_no_government(speaker, unnamed):
    assert any(start == 0 for start, _end, _code in labels_of(speaker).get("UNNAMED", ())) is unnamed


@pytest.mark.parametrize(
    ("speaker", "described"),
    [
        # "..., the ministry said" (p044, p051, p055), "the defence ministry" (made up)
        ("the ministry", True),
        ("the defence ministry", True),
        ("the British defence ministry", False),  # two words before the head: a speaker of its own
        ("the ministry's spokesman", False),
    ],
)
def test_a_definite_description_is_the_whole_speaker(speaker, described):
    doc = NLP(speaker)
    assert ((0, len(doc), None) in labels_of(speaker).get("DESCRIPTION", ())) is described


@pytest.mark.parametrize(
    ("speaker", "bodies"),
    [
        # "the WHO said" (dev p028), "The World Health Organization on Thursday said" (dev p036): a UN agency
        ("the WHO", ["UN"]),
        ("The World Health Organization", ["UN"]),
        ("United Nations officials", ["UN"]),  # countries.jsonl's "the United Nations", without its article
        ("U.N. spokesman Stephane Dujarric", ["UN"]),  # p154
        ("Nato officials", ["NATO"]),
        ("officials in Brussels", []),  # a city that stands for the EU is no body's own name
        ("the alliance", ["NATO"]),
        ("an alliance", []),  # made up
    ],
)
def test_the_bodies_a_speaker_names_come_from_the_gazetteer(speaker, bodies):
    assert [code for _start, _end, code in labels_of(speaker).get("BODY", ())] == bodies


@pytest.mark.parametrize(
    ("speaker", "outlets"),
    [
        # "A joint estimate by the BBC Russian Service ... and Mediazona" (p202), "Agence France-Presse"
        ("the BBC Russian Service and Mediazona", ["GB", "GB", None]),
        ("Agence France-Presse", ["FR"]),
        ("the Guardian's Lorenzo Tondo", ["GB"]),  # p041
        ("the guardian", []),  # made up: names are matched as written
    ],
)
def test_outlets_are_read_by_their_names(speaker, outlets):
    assert [code for _start, _end, code in labels_of(speaker).get("OUTLET", ())] == outlets
