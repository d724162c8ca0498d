"""The key that makes two spellings of a name one entity: accents, case and punctuation aside."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def entity_key(name: str) -> str:
    """`Kasim-Yomart Tokáyev` -> `kasim yomart tokayev`; `EE.UU.` -> `eeuu`."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    letters = re.sub(r"[.'’´`]", "", letters)          # abbreviations: EE.UU. == EEUU
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())
