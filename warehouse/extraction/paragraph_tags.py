"""The model's output per paragraph, so text the wire sends again is not tagged again.

News wire re-sends paragraphs (updates, rewrites, another outlet's copy): the two samples share
whole paragraphs. The model (tokenizer, sentence rules, ner) tags each paragraph on its own,
and its output, as plain data (`ParagraphTags`: words, spaces, sentence starts, IOB entity
tags), is kept by the exact text's hash, within a run and, in the warehouse's `paragraph_tags`
table, across runs (keyed by extractor version too, so a new model or tokenizer rule starts
afresh). An article's Doc is the concatenation of its paragraphs' Docs, cached or new, with the
blank lines between them; the rest of the pipeline (our entity rules, canonical names,
figures) then runs on the whole article as before, so it still sees the article's context.

Tagging paragraph by paragraph is also how the pipeline tags when nothing is cached, so a
cached and an uncached article give the same rows. (The model's context window is a few tokens;
a paragraph break is a sentence break either way.)
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab


def paragraph_hash(text: str) -> str:
    """Identity of a paragraph's exact text (the model's output depends on every character)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ParagraphTags:
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    sent_starts: tuple[bool, ...]
    ents: tuple[str, ...]          # IOB: "B-PER", "I-PER", "O"

    def to_json(self) -> str:
        return json.dumps([self.words, self.spaces, self.sent_starts, self.ents], ensure_ascii=False,
                          separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ParagraphTags:
        words, spaces, sent_starts, ents = json.loads(text)
        return cls(tuple(words), tuple(spaces), tuple(sent_starts), tuple(ents))


def tags_of(doc: Doc) -> ParagraphTags:
    return ParagraphTags(
        words=tuple(token.text for token in doc),
        spaces=tuple(bool(token.whitespace_) for token in doc),
        sent_starts=tuple(bool(token.is_sent_start) for token in doc),
        ents=tuple(f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I") else "O" for token in doc),
    )


def doc_of(vocab: Vocab, tags: ParagraphTags) -> Doc:
    return Doc(vocab, words=list(tags.words), spaces=list(tags.spaces),
               sent_starts=list(tags.sent_starts), ents=list(tags.ents))


def join_docs(vocab: Vocab, docs: list[Doc]) -> Doc:
    """One Doc of the pieces, character for character (no space added between them)."""
    if not docs:
        return Doc(vocab, words=[])
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])


class RecentTags:
    """The tags of the last `limit` paragraphs tagged, shared by the threads of one process (the
    extraction batches in flight): a rewrite sent soon after its original is usually in a batch
    still being tagged, before the original's tags reach the warehouse. Bounded: a paragraph's
    tags take about 10 KB of Python objects, so 4,000 of them about 40 MB."""

    def __init__(self, limit: int = 4_000) -> None:
        self.limit = limit
        self._tags: OrderedDict[str, ParagraphTags] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, tags: dict[str, ParagraphTags]) -> None:
        with self._lock:
            self._tags.update(tags)
            while len(self._tags) > self.limit:
                self._tags.popitem(last=False)

    def known(self, hashes: set[str]) -> dict[str, ParagraphTags]:
        with self._lock:
            return {key: self._tags[key] for key in hashes if key in self._tags}

    def clear(self) -> None:
        with self._lock:
            self._tags.clear()
