-- The search index is built again by the next run (it indexes every article the index lacks):
-- words are now folded keeping `ñ` (`peña` is not `pena`) and dotted abbreviations are one word
-- (`EE.UU.` = `EEUU`), which changes the words and stems stored (warehouse/search/terms.py).
delete from search_postings;
delete from search_documents;
delete from search_words;
