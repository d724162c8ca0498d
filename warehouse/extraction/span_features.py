"""What the entity typer (`entity_typer.py`) knows about one mention: plain features over plain
words, no spaCy.

A mention's label is its role in its sentence (`viajó a Rusia` LOC, `Rusia respondió` ORG), so
besides the name itself (its words, shape, what the gazetteers and seeds say of it) the
features hold the words around it (`en`, `dijo`, `ganó`, `presidente`), whether it opens a
sentence, what the model and the rules called it, and what a longer mention of the article that
ends with it was called (`Putin` after `Vladímir Putin`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from warehouse.extraction.canonical import cue_words, entity_key, known_entities, name_words, title_words
from warehouse.extraction.gazetteer import places

LABELS = ("PER", "ORG", "LOC", "MISC", "NONE")   # NONE: not an entity after all


@dataclass(frozen=True)
class MentionContext:
    words: tuple[str, ...]            # the mention's words, as written
    before: tuple[str, ...]           # up to two words before it, in text order
    after: tuple[str, ...]            # up to two words after it, in text order
    sentence_initial: bool            # it opens its sentence (quotes and dashes aside)
    model_label: str | None           # what the model said of this exact span (None: not found by it)
    rule_label: str                   # the label after the rules (`entity_rules.py`)
    longer_label: str | None = None   # label of a longer mention of the article ending in this one
    first_of_label: str | None = None  # label of a longer mention of the article starting with it


def _shape(word: str) -> str:
    if any(ch.isdigit() for ch in word):
        return "d"
    if word.isupper():
        return "A" if len(word) > 1 else "a"
    if word[:1].isupper():
        return "X." if word.endswith(".") else "X"
    return "x" if word.isalpha() else "p"


def _population_bucket(population: int) -> str:
    return "1M" if population >= 1_000_000 else "100k" if population >= 100_000 else "15k"


@lru_cache(maxsize=65536)
def _name_features(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What the name alone says (its shape, its words, seeds and gazetteers), computed once per
    spelling: names repeat within and across articles. Three parts, for the order of
    `mention_features` (the typer's sums run in feature order)."""
    lowered = [w.lower() for w in words]
    key = entity_key(" ".join(words))
    first_words, last_words = name_words()["first"], name_words()["last"]
    gazetteer = places()
    known = known_entities().get(key)
    shape = "".join(_shape(w) for w in words[:4])
    form = (f"n={min(len(words), 4)}", f"shape={shape}", f"first={lowered[0]}", f"last={lowered[-1]}",
            f"suffix={lowered[-1][-3:]}", f"suffix4={lowered[-1][-4:]}", f"prefix={lowered[0][:3]}")
    spelled = [f"word={w}" for w in lowered]
    if known is not None:
        spelled.append(f"known={known.label}")
    name = []
    if any(w in ("de", "del", "y", "la", "los", "las") for w in lowered[1:-1]):
        name.append("connector")
    if words[0] in first_words:
        name.append(f"head_first={first_words[words[0]]}")
    if words[-1] in last_words:
        name.append(f"head_last={last_words[words[-1]]}")
    population = gazetteer.city_population.get(key)
    if population is not None:
        name.append(f"city={_population_bucket(population)}")
    if key in gazetteer.regions:
        name.append("region")
    if key in gazetteer.countries:
        name.append("country")
    if key in gazetteer.continents:
        name.append("continent")
    if len(words) == 1 and words[0] in gazetteer.alpha3:
        name.append("alpha3")
    if len(words) > 1 and entity_key(words[0]) in gazetteer.city_population:
        name.append("first_word_city")
    return form, tuple(spelled), tuple(name)


def mention_features(mention: MentionContext) -> list[str]:
    """Feature names of one mention (each counts 1)."""
    shape, words, name = _name_features(mention.words)
    features = ["bias", f"rule={mention.rule_label}", f"model={mention.model_label}",
                f"rule+model={mention.rule_label}+{mention.model_label}", *shape,
                f"initial={mention.sentence_initial}", *words]
    if mention.longer_label:
        features.append(f"longer={mention.longer_label}")
    if mention.first_of_label:
        features.append(f"first_of={mention.first_of_label}")   # `Zahara` after `Zahara Jolie-Pitt`
    features += name
    cues, titles = cue_words(), title_words()
    before = [w.lower() for w in mention.before]
    after = [w.lower() for w in mention.after]
    if before:
        features.append(f"prev={before[-1]}")
        if before[-1] in cues:
            features.append(f"cue={cues[before[-1]]}")
        if before[-1] in titles or before[-1].rstrip(".") in titles:
            features.append("title_before")
    if len(before) > 1:
        features.append(f"prev2={before[-2]}")
        features.append(f"prev_pair={before[-2]}_{before[-1]}")
        if before[-2] in cues:
            features.append(f"cue={cues[before[-2]]}")
    if after:
        features.append(f"next={after[0]}")
        if after[0].isalpha() and after[0].islower():
            features.append(f"next_ending={after[0][-2:]}")   # `firmó`, `anunciaron`: who acts
    if len(after) > 1:
        features.append(f"next2={after[1]}")
        features.append(f"next_pair={after[0]}_{after[1]}")
    return features
