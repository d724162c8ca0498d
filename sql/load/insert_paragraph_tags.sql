insert or ignore into paragraph_tags (paragraph_hash, extractor_version, tags)
select paragraph_hash, extractor_version, tags
from batch_paragraph_tags
