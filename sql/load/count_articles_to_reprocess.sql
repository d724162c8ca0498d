select count(*)
from articles
where (? or extractor_version <> ?)
