"""Reading: inbox files -> Article records. Pure Python: no model, no database.

`sources` finds inbox files, fingerprints and decodes them (UTF-8, or plainly Windows-1252);
`articles` parses raw text and JSON Lines into Articles and gives them ids; `dateline` finds an
agency dateline (`Moscú, 11 nov (EFE).-`); `language` judges whether a text is Spanish;
`outlets` gives an outlet's country; `paragraphs` splits a body into its paragraphs, the one rule
every later stage uses.
"""
