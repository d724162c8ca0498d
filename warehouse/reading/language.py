"""Is this article Spanish? A function-word vote, so non-Spanish text is flagged, not mined.

Every extractor of the pipeline (the Spanish spaCy model, the Spanish figure grammar, the
Spanish cue words) reads nonsense into an English, Portuguese or Catalan article. This module
tells them apart before extraction, in plain Python, with no model: the most frequent words of a
language (articles, prepositions, conjunctions, pronouns, auxiliaries) make up 40 to 50 % of any
running text in it, and the lists of the languages that matter here overlap little enough to
vote. The lists are reference data, in `seeds/language_function_words.csv` (`language,word`,
ISO 639-1 codes), so a word or a language is added without touching the code.

How a guess is made, over the first `SAMPLE_CHARS` characters (plenty for a vote, and it keeps
the cost flat whatever the article's length):
1. Words are lowercased, accents kept (`más`/`mais`/`més` are the evidence); an elided article
   or preposition keeps its apostrophe (`l'`, `d'`, `dell'`), as the lists write it.
2. Each language scores the number of words in its list; the leader is the guess.
3. The leader is weighed against one rival: its closest runner-up when Spanish leads, Spanish
   itself when another language leads (the pipeline's only question is "Spanish or not", and
   close relatives such as Galician and Portuguese may not part in a short text that is
   plainly neither Spanish). Words in both lists (`de`, `que`) cannot tell the two apart and
   are set aside; of the rest, `a` are the leader's and `b` the rival's.
   `confidence = (a - b) / (a + b)`: 1.0 when no word speaks for the rival, 0.0 for a tie.
   (`a - b` is the difference of the two scores, so a tie for the lead is never a decision.)
4. The guess stands only when the lead is well beyond chance: `a - b >= MIN_LEAD_Z * sqrt(a + b)`
   (a coin-flip between the two would rarely lead by that much). Otherwise the text is
   undecidable: `language=None`, `confidence=0.0`. So a headline, a caption, a list of figures
   or a text half in one language and half in another is never judged.

A list holds a language's frequent function words, not every word it shares with another:
Spanish `e` (only before `i-`) is left out, so that it keeps its weight as Galician, Portuguese
and Italian `and`. A word that is a function word in several languages is in each of their
lists (`dos`: Spanish and Catalan `two`, Galician and Portuguese `of the`).

Spanish news quotes English names, titles and tweets: those add English words, but the Spanish
around them outvotes them by far (a third of the sample in English still reads as Spanish).
Galician shares most of its function words with Portuguese and many with Spanish. It is told
from Spanish by `o`/`os`/`as` as articles, `e`, `do`/`da`, `unha`, `non`, `xa`, `tamén`, `polo`;
from Portuguese only by fewer words (`unha`, `non`, `en`, `con`, `xa`), so a short Galician text
can come out labelled Portuguese, though never Spanish.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warehouse.paths import SEEDS_DIR
from warehouse.seeds import read_seed

SPANISH = "es"
# About 300 words: many times the lead a decision needs, and a flat cost per article.
SAMPLE_CHARS = 2000
# Two standard deviations of the lead a fair coin would give over the same a + b words.
MIN_LEAD_Z = 2.0

# A word and the apostrophe of an elision (`l'Ajuntament` -> `l'`, `ajuntament`). Digits need no
# filtering: no list holds a number, so a table of figures has no language. (`\w+'?` is also the
# fastest of the patterns tried: tokenising is most of the cost.)
_WORD = re.compile(r"\w+'?")
# Typographic apostrophes, as newsrooms type them, written as the lists write them.
_APOSTROPHES = ("\u2019", "\u02bc", "`")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}")


@dataclass(frozen=True)
class LanguageGuess:
    """The language of a text, or None when it gives too little evidence to judge.

    `confidence` is the margin the decision rests on, over the words that tell the guess from
    its rival: `(a - b) / (a + b)`, where `a` counts the guess's function words that are not the
    rival's and `b` the rival's that are not the guess's. The rival is the runner-up when the
    guess is Spanish and Spanish when it is not (see the module docstring), so for a non-Spanish
    text it says how sure "not Spanish" is; between close relatives (Galician and Portuguese)
    the label itself is a best guess. 1.0: no word spoke for the rival. 0.0 whenever
    `language` is None.
    """

    language: str | None   # ISO 639-1 code ('es', 'en', 'pt', 'fr', 'it', 'ca', 'gl', 'de', ...)
    confidence: float      # 0..1


UNDECIDABLE = LanguageGuess(language=None, confidence=0.0)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per seeds folder
class FunctionWords:
    """The seed's word lists as one lookup: word -> bit set of the languages that list it."""

    languages: tuple[str, ...]  # bit i of a mask is languages[i]
    masks: dict[str, int]


def _normalise(text: str) -> str:
    # NFC so that a decomposed `á` matches the list's; one apostrophe so that `l’` matches `l'`.
    text = unicodedata.normalize("NFC", text).lower()
    for apostrophe in _APOSTROPHES:  # str.replace: several times faster than str.translate here
        text = text.replace(apostrophe, "'")
    return text


@lru_cache(maxsize=None)
def load_function_words(seeds_dir: Path = SEEDS_DIR) -> FunctionWords:
    """Read `seeds/language_function_words.csv` once per process."""
    languages: list[str] = []
    masks: dict[str, int] = {}
    for row in read_seed("language_function_words", seeds_dir):
        language, word = row["language"].strip(), _normalise(row["word"].strip())
        if not _LANGUAGE_CODE.fullmatch(language):
            raise ValueError(f"language_function_words.csv: {language!r} is not an ISO 639-1 code")
        if not word:
            raise ValueError(f"language_function_words.csv: empty word for {language!r}")
        if language not in languages:
            languages.append(language)
        masks[word] = masks.get(word, 0) | 1 << languages.index(language)
    if SPANISH not in languages or len(languages) < 2:
        raise ValueError("language_function_words.csv: needs Spanish and another language")
    return FunctionWords(languages=tuple(languages), masks=masks)


def detect_language(text: str) -> LanguageGuess:
    """The language of `text` by a function-word vote over its first `SAMPLE_CHARS` characters."""
    reference = load_function_words()
    masks = reference.masks
    # How many words carry each combination of languages: far fewer keys than words.
    evidence = Counter(masks[word] for word in _WORD.findall(_normalise(text[:SAMPLE_CHARS]))
                       if word in masks)
    if not evidence:
        return UNDECIDABLE

    scores = [0] * len(reference.languages)
    for mask, count in evidence.items():
        for index in range(len(scores)):
            if mask >> index & 1:
                scores[index] += count
    spanish = reference.languages.index(SPANISH)
    ranked = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
    leader = ranked[0]
    # Spanish must beat its closest rival; any other leader only has to beat Spanish, which is
    # all the pipeline asks. Close relatives (Galician and Portuguese) can tie between themselves
    # in a short text that is still plainly not Spanish.
    rival = ranked[1] if leader == spanish else spanish

    leader_bit, rival_bit = 1 << leader, 1 << rival
    own = rivals = 0
    for mask, count in evidence.items():
        if mask & leader_bit and not mask & rival_bit:
            own += count
        elif mask & rival_bit and not mask & leader_bit:
            rivals += count
    lead, telling = own - rivals, own + rivals
    if telling == 0 or lead < MIN_LEAD_Z * math.sqrt(telling):
        return UNDECIDABLE
    return LanguageGuess(language=reference.languages[leader], confidence=lead / telling)


def is_spanish(guess: LanguageGuess) -> bool:
    """True unless the text was judged to be in another language: what cannot be judged passes."""
    return is_spanish_code(guess.language)


def is_spanish_code(language: str | None) -> bool:
    """The same judgement over a stored code (`articles.language`): None means not judged."""
    return language is None or language == SPANISH
