-- `new_words`: (word, stem) seen in articles just indexed; kept folded as queries are, once each.
insert into search_words (word, stem)
select distinct fold_search_word(n.word) as word, n.stem
from new_words n
where not exists (
    select 1 from search_words w where w.word = fold_search_word(n.word) and w.stem = n.stem
)
