"""Paragraph pieces: the text comes back character for character."""

import pytest

from warehouse.paragraph_tags import ParagraphTags, RecentTags, paragraph_hash, split_paragraphs


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


def test_the_hash_is_of_the_exact_text():
    assert paragraph_hash("Uno.") == paragraph_hash("Uno.") != paragraph_hash("Uno. ")


def test_tags_survive_json():
    tags = ParagraphTags(("Putin", "llegó", "."), (True, False, False), (True, False, False), ("B-PER", "O", "O"))
    assert ParagraphTags.from_json(tags.to_json()) == tags


def test_recent_tags_keep_the_newest_up_to_their_limit():
    tags = ParagraphTags(("Uno",), (False,), (True,), ("O",))
    recent = RecentTags(limit=2)
    recent.add({"a": tags, "b": tags})
    recent.add({"c": tags})
    assert set(recent.known({"a", "b", "c", "d"})) == {"b", "c"}
    recent.clear()
    assert recent.known({"b", "c"}) == {}
