"""Each token's text and the flags our rules read, as plain Python lists, read once per doc.

Why: `doc[i]` builds a new spaCy `Token` on every call, and the rules and the typer read each
token many times (trimming, splitting, sentence starts, context words): about 3,500 `Token`s
per article, a third of the entity work. `Doc.to_array` reads every attribute of every token in
one C call; lists of str and int are what Python reads fastest.

The table is cached in `doc.user_data` and holds no spaCy object (no reference cycle back to the
doc). Our components change only `doc.ents`, never the tokens, so it stays valid for the doc's life.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, IS_BRACKET, IS_LOWER, IS_PUNCT, IS_QUOTE, IS_SPACE, IS_TITLE, LENGTH
from spacy.tokens import Doc

_CACHE_KEY = "news_token_table"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc: spaCy builds it anew from every token on each call."""
    cached = doc.user_data.get("news_text")
    if cached is None:
        cached = doc.user_data["news_text"] = doc.text
    return cached


@dataclass(frozen=True, slots=True)
class TokenTable:
    text: list[str]       # Token.text
    lower: list[str]      # Token.lower_
    punct: list[int]      # Token.is_punct (1/0)
    space: list[int]      # Token.is_space
    is_lower: list[int]   # Token.is_lower: every cased character lowercase
    title: list[int]      # Token.is_title
    quote: list[int]      # Token.is_quote
    bracket: list[int]    # Token.is_bracket
    idx: list[int]        # Token.idx: character offset in the doc's text
    doc_text: str

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` without building the span."""
        if start >= end:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


def token_table(doc: Doc) -> TokenTable:
    """The doc's token table, built on first use."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        columns = doc.to_array([LENGTH, IS_PUNCT, IS_SPACE, IS_LOWER, IS_TITLE, IS_QUOTE, IS_BRACKET, IDX]).T.tolist() \
            if len(doc) else [[] for _ in range(8)]
        body = doc_text(doc)
        text = [body[start:start + length] for start, length in zip(columns[7], columns[0])]   # faster than StringStore
        cached = TokenTable(text, [word.lower() for word in text], *columns[1:], body)
        doc.user_data[_CACHE_KEY] = cached
    return cached
