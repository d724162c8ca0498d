-- Only rows of articles inserted by this transaction are staged (warehouse/load.py): no key to check.
insert into amounts (
    article_id, amount_no, start_char, end_char, text, kind, value, value_high, unit, object,
    qualifier, unit_inferred, sentence_no, extractor_version
)
select
    article_id, amount_no, start_char, end_char, text, kind, value, value_high, unit, object,
    qualifier, unit_inferred, sentence_no, extractor_version
from batch_amounts
