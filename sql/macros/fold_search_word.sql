-- `fold_search_word('Moscú')` = 'moscu': how the search index keeps words and how a query's words
-- are looked up (warehouse/search/terms.py `fold` is the same in Python). Case and accents are
-- dropped, `ñ` is kept: in Spanish it is a letter of its own (`peña` is not `pena`, `año` not `ano`).
create or replace macro fold_search_word(word) as
    replace(strip_accents(replace(lower(word), 'ñ', '#')), '#', 'ñ')
