"""Which currency an ambiguous `$` or `pesos` means, from the evidence of the whole text."""

from __future__ import annotations

from collections import Counter

from warehouse.extraction.amounts.records import Figure
from warehouse.extraction.amounts.vocabulary import FigureGrammar, fold


class CurrencyEvidence:
    """What the whole text says about which currency an ambiguous `$` or `pesos` means."""

    def __init__(self, text: str, figures: list[Figure], g: FigureGrammar) -> None:
        self.text = text
        self.g = g
        self.exact: Counter[str] = Counter()
        self.family: Counter[tuple[str, ...]] = Counter()
        for f in figures:
            if f.kind != "money" or not f.candidates:
                continue
            if len(f.candidates) == 1:
                self.exact[f.candidates[0]] += 1
            else:
                self.family[f.candidates] += 1
        self._folded: str | None = None

    def stem_hits(self, code: str) -> int:
        pattern = self.g.demonym_stems.get(code)
        if pattern is None:
            return 0
        if self._folded is None:
            self._folded = fold(self.text)
        return sum(1 for _ in pattern.finditer(self._folded))

    def resolve(self, candidates: tuple[str, ...], country: str | None) -> str:
        """Currencies written elsewhere in the text (a `pesos` elsewhere votes for every peso),
        then the country hint (the outlet's country), then country words (`México`,
        `colombiano`), then the file's first row. The text's own words come first: measured on
        the gold set, a Mexican paper's `16 centavos` of a US company's share is USD, and an
        Argentine-owned site's `$2.3 billones` in a story on Colombia is COP."""
        votes = {c: self.exact[c] for c in candidates}
        for family, n in self.family.items():
            if family != candidates and set(family) <= set(candidates):
                for c in family:
                    votes[c] += n
        best = max(votes.values())
        pool = [c for c in candidates if votes[c] == best]
        if country and len(pool) > 1:
            pool = [c for c in pool if c[:2] == country] or pool
        if len(pool) > 1:
            hits = {c: self.stem_hits(c) for c in pool}
            top = max(hits.values())
            if top:
                pool = [c for c in pool if hits[c] == top]
        return pool[0]
