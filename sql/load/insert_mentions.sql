-- Only rows of articles inserted by this transaction are staged (warehouse/storage/load.py): no key to check.
insert into mentions (
    article_id, mention_no, entity_id, start_char, end_char, text, label, sentence_no, extractor_version, paragraph_no,
    place_id, place_how
)
select article_id, mention_no, entity_id, start_char, end_char, text, label, sentence_no, extractor_version, paragraph_no,
       place_id, place_how
from batch_mentions
