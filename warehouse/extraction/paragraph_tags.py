"""The model's output per paragraph, so text the wire sends again is not tagged again.

News wire re-sends paragraphs (updates, rewrites, another outlet's copy): the two samples share
whole paragraphs. The model (tokenizer, sentence rules, ner) tags each paragraph on its own,
and its output, as plain data (`ParagraphTags`: words, spaces, sentence starts, IOB entity
tags), is kept by the exact text's hash, within a run and, in the warehouse's `paragraph_tags`
table, across runs (keyed by extractor version too, so a new model or tokenizer rule starts
afresh). An article's Doc is the concatenation of its paragraphs' tags, cached or new, with the
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

from spacy.language import Language
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


def separator_tags(nlp: Language, text: str) -> ParagraphTags:
    """The blank lines between paragraphs as tokens: a sentence of their own (as `Doc.from_docs`
    made them, which starts a sentence at each piece: `sentence_no` stays what it was), no
    entity (unset)."""
    doc = nlp.make_doc(text)
    return ParagraphTags(words=tuple(token.text for token in doc),
                         spaces=tuple(bool(token.whitespace_) for token in doc),
                         sent_starts=((True,) + (None,) * (len(doc) - 1)) if len(doc) else (), ents=(None,) * len(doc))


def doc_of_pieces(vocab: Vocab, pieces: list[ParagraphTags]) -> Doc:
    """One Doc of the pieces' tags, character for character (no space added between them).

    Built in one go from the concatenated tags rather than as a Doc per piece joined by
    `Doc.from_docs`, which walks every token in Python: that join took 28 % of the time our
    rules, names and figures took on 150 corpus articles (cProfile)."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool | None] = []
    ents: list[str | None] = []
    for piece in pieces:
        words += piece.words
        spaces += piece.spaces
        sent_starts += piece.sent_starts
        ents += piece.ents
    return Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts, ents=ents)


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
