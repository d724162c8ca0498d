-- Function words per language (seeds/language_function_words.csv): how an article that is not
-- Spanish is recognised and flagged instead of being extracted (warehouse/reading/language.py).
create table ref_language_function_words (
    language  varchar not null,   -- ISO 639-1
    word      varchar not null,
    primary key (language, word)
);
