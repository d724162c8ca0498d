-- Only rows of articles inserted by this transaction are staged (warehouse/storage/load.py): no key to check.
insert into amounts (
    article_id, amount_no, start_char, end_char, text, kind, value, value_high, unit, object,
    qualifier, unit_inferred, sentence_no, extractor_version, paragraph_no, per_value, per_unit, restates,
    value_eur, value_usd, rate_date, rate_source, rate_note, rate_at_run_date
)
select
    article_id, amount_no, start_char, end_char, text, kind, value, value_high, unit, object,
    qualifier, unit_inferred, sentence_no, extractor_version, paragraph_no, per_value, per_unit, restates,
    value_eur, value_usd, rate_date, rate_source, rate_note, rate_at_run_date
from batch_amounts
