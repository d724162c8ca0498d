"""The Spanish figure grammar: text -> Amount records (`extract_amounts`).

A figure is `[qualifier] [currency sign] number [scale] [de] [unit | currency | counted noun]
[denominator]`, or a range `entre|de <figure> y|a <figure>`. A number is digits, words or both,
spelled decimals (`tres coma dos`) and fractions (`dos quintos`, `7 1/2`, `¾`) included. The grammar runs over a light token list (numbers,
words, single symbols, with their offsets) rather than one giant regex: Spanish numbers mix
digits and words (`mil 200 millones`, `322 mil 400 pesos`, `un millón y medio`), and every
vocabulary (currencies, units, scale and number words, qualifiers, nouns that are not counted)
comes from `seeds/*.csv`, so it can be extended without touching the code.

The modules, in the order a figure is read:
- `tokens`: the token list and phrase lookups; `vocabulary`: the seeds' words and their lookups;
- `digits`: digit strings -> Decimals (the `.`/`,` ambiguity rules); `numbers`: where a number
  in digits and words starts and ends;
- `suffixes`: the unit, currency or counted noun after it, with `counts` (counted nouns and
  objects); `qualifiers`; `ranges`; `figures`: one figure at a token;
- `rates`: the denominator of a rate (`284 casos por 100.000 habitantes`, `al año`);
- `context`: bare numbers that take a neighbour's unit, bare `puntos`; `currencies`: an
  ambiguous `$` or `pesos` resolved from the whole text;
- `scan`: `extract_amounts`, the scan over a text that calls all of the above;
- `records`: `Amount` (the public record) and the grammar's working `Figure`.

Choices a reader of the output should know:
- Amount.text covers qualifier, number, scale and unit or counted noun; the object of a quantity
  (`de wolframio` in `410.000 toneladas de wolframio`) is reported in `object`, not in `text`.
- A counted noun is the lowercase plural word after the number (skipping listed adjectives):
  Spanish plurals end in -s, which keeps verbs and most function words out without a tagger.
- A rate keeps the span and value of its figure (`284 casos`); the denominator is reported in
  `per_value` and `per_unit` (100000, `habitantes`) and is not read again as a count.
- A `$` or `pesos` names several currencies; they are resolved after the whole text is read
  (currencies written elsewhere, the outlet's country, country words), and flagged `unit_inferred`.

What is deliberately not a figure:
- a bare number with nothing that says what it measures (`en 2020`, `la 99.9`);
- numbers glued to `-`, `/`, `:` (`787-9`, `Covid-19`, `1-0`, `Ley 5/2020`, `10:30`), to `+`
  (phones) or to letters that are not a unit (`1º`, `3er`, `5G`);
- vague magnitudes (`decenas de miles`, `cientos de`, `miles de`): they have no exact value,
  and `miles`/`cientos` are simply not number words here, so nothing starts at them;
- `un`/`una` alone (`una reunión`): an article, not a count;
- nouns listed in `seeds/count_exclusions.csv` (durations, calendar words, `veces`...).
"""

from warehouse.extraction.amounts.scan import extract_amounts
from warehouse.extraction.amounts.records import KINDS, QUALIFIERS, Amount
from warehouse.extraction.amounts.vocabulary import load_figure_grammar

__all__ = ["KINDS", "QUALIFIERS", "Amount", "extract_amounts", "load_figure_grammar"]
