-- The cached model output of the batch's paragraphs, for this extractor version.
select t.paragraph_hash, t.tags
from batch_paragraph_hashes as b
join paragraph_tags as t on t.paragraph_hash = b.paragraph_hash and t.extractor_version = ?
