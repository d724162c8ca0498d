"""Extraction: an article's text -> entities and figures, as plain records.

The spaCy pipeline and our components (`pipeline`, `entity_rules`), sentence starts from rules
(`sentences`), the learned entity typer (`learned_typer`) over its features (`span_features`) and
the place gazetteers (`gazetteer`), each token's text and flags read once per doc
(`token_table`), canonical names (`canonical`) with their keys (`keys`) and the
article's acronyms and handles (`short_forms`), the figure grammar (`amounts/`), money in euros
and dollars at the ECB rates of a day (`currency_conversion`), place mentions resolved to real
places with coordinates (`place_resolution`), the per-paragraph tag cache
(`paragraph_tags`), batches through the pipeline (`extract`), the worker processes (`pool`), the extractor's version
(`version`) and the `news-warehouse extract` contract (`contract`). Nothing here touches the
warehouse."""
