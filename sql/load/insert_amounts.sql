insert or ignore into amounts (
    article_id, amount_no, start_char, end_char, text, kind, value, value_high, unit, object,
    qualifier, unit_inferred, sentence_no, extractor_version
)
select
    article_id, amount_no, start_char, end_char, text, kind, value, value_high, unit, object,
    qualifier, unit_inferred, sentence_no, extractor_version
from batch_amounts
