"""The extractor's version: which code, model and reference data decided an extracted row.

Every article, mention and amount records it; `news-warehouse reprocess` re-extracts the
articles whose rows came from another version.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from warehouse import __version__
from warehouse.extraction.gazetteer import data_version as gazetteer_data_version
from warehouse.extraction.learned_typer import MODEL_PATH as TYPER_MODEL
from warehouse.extraction.pipeline import installed_model_version, model_version
from warehouse.paths import PACKAGE_DIR
from warehouse.seeds import seed_files

# The code that decides an extracted row, relative to the `warehouse` package (a folder: every
# module in it): the figure grammar, the pipeline and its components, the sentence rules,
# canonical names, the paragraph tags and their glue, the gazetteers, the learned typer and its
# features, money conversion (with the rates package's version), place resolution, datelines, the
# language judgement, outlets' countries, the paragraph split (which also gives facts their
# `paragraph_no`) and the reading of seed cells.
# Every other module of `extraction/` and `reading/` is listed in `NOT_EXTRACTOR_CODE` (a test
# checks that each is in one list or the other).
EXTRACTOR_CODE = (
    "extraction/amounts", "extraction/pipeline.py", "extraction/sentences.py",
    "extraction/entity_rules.py", "extraction/canonical.py", "extraction/paragraph_tags.py",
    "extraction/extract.py", "extraction/gazetteer.py", "extraction/span_features.py", "extraction/learned_typer.py",
    "extraction/token_table.py", "extraction/keys.py", "extraction/short_forms.py",
    "extraction/currency_conversion.py", "extraction/place_resolution.py",
    "reading/dateline.py", "reading/language.py", "reading/outlets.py", "reading/paragraphs.py",
    "seeds.py",
)
# How rows are produced and delivered, not what they hold: changing these re-extracts nothing.
NOT_EXTRACTOR_CODE = (
    "extraction/__init__.py", "extraction/pool.py", "extraction/contract.py", "extraction/version.py",
    "reading/__init__.py", "reading/sources.py", "reading/articles.py",
)


def extractor_modules(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The files of `EXTRACTOR_CODE`, folders expanded, in a fixed order."""
    files = []
    for name in EXTRACTOR_CODE:
        path = package_dir / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


@lru_cache(maxsize=4)
def extractor_version(model: str) -> str:
    """Code version + model version + hashes of the extractor's code, of the reference data and
    of the trained typer (`models/`) + the gazetteer packages' versions:
    any change to what decides an extracted row changes this string, which every extracted row
    records and `news-warehouse reprocess` compares. The rates package's version is in it too:
    a new release of the ECB history changes value_eur."""
    code, seeds, trained = hashlib.sha256(), hashlib.sha256(), hashlib.sha256()
    for path in extractor_modules():
        code.update(path.read_bytes())
    for path in seed_files():
        seeds.update(path.name.encode())
        seeds.update(path.read_bytes())
    if TYPER_MODEL.exists():
        trained.update(TYPER_MODEL.read_bytes())
    return (f"news-warehouse-{__version__}+{model}+code-{code.hexdigest()[:10]}"
            f"+seeds-{seeds.hexdigest()[:10]}+typer-{trained.hexdigest()[:10]}+{gazetteer_data_version()}"
            f"+currencyconverter-{importlib.metadata.version('currencyconverter')}")


def current_extractor_version(nlp: Language | None = None) -> str:
    """The version the installed extractor would record (without loading the model unless given)."""
    return extractor_version(model_version(nlp) if nlp is not None else installed_model_version())
