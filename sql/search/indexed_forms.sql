-- The indexed words with the given folded forms or stems ($words, $stems: lists), for a query
-- whose words the index may never have seen in that form (`kazajos` when only `kazajo` occurs).
select word, stem
from search_words
where word in (select unnest($words::varchar[])) or stem in (select unnest($stems::varchar[]))
order by word
