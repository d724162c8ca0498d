"""An article body's paragraphs: pieces that join back to the text, spans, the paragraph of an offset."""

import pytest

from warehouse.reading.paragraphs import paragraph_at, paragraph_spans, split_paragraphs


@pytest.mark.parametrize("text, paragraphs", [
    ("Uno.\n\nDos.", ["Uno.", "Dos."]),
    ("Uno.\n \n\nDos.\nsigue.", ["Uno.", "Dos.\nsigue."]),
    ("Solo uno.", ["Solo uno."]),
    ("", []),
])
def test_pieces_join_back_to_the_text(text, paragraphs):
    pieces = split_paragraphs(text)
    assert "".join(piece for piece, _ in pieces) == text
    assert [piece for piece, is_paragraph in pieces if is_paragraph] == paragraphs


def test_paragraph_at_maps_offsets_to_their_paragraph():
    body = "Uno dos.\n\nTres cuatro.\n\nCinco."
    paragraphs = paragraph_spans(body)
    assert [paragraph_at(paragraphs, offset) for offset in (0, 7, body.index("Tres"), body.index("Cinco"), len(body) - 1)] \
        == [0, 0, 1, 2, 2]
    # In a break or past the end: no paragraph, as the SQL that places older facts decides.
    assert paragraph_at(paragraphs, 8) is None and paragraph_at(paragraphs, len(body)) is None
    assert paragraph_at([], 0) is None
