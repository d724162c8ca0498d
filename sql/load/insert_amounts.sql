-- Only rows of articles inserted by this transaction are staged (warehouse/storage/load.py): no key to check.
insert into amounts (
    article_id, amount_no, start_char, end_char, text, kind, value, value_high, unit, object,
    qualifier, unit_inferred, sentence_no, extractor_version, paragraph_no
)
select
    article_id, amount_no, start_char, end_char, text, kind, value, value_high, unit, object,
    qualifier, unit_inferred, sentence_no, extractor_version, paragraph_no
from batch_amounts
