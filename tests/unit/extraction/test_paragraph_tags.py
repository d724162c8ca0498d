"""The model's output per paragraph: hashes, JSON round trip, the in-memory cache."""

from warehouse.extraction.paragraph_tags import ParagraphTags, RecentTags, paragraph_hash


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
