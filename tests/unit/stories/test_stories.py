"""Stories: paragraph identities, sketches, lookup keys and story assignment (pure, no model)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from warehouse.paths import PROJECT_ROOT
from warehouse.reading.paragraphs import paragraph_spans
from warehouse.stories.matching import (StoryCandidate, assign_stories, containment, similarity,
                                        story_similarity)
from warehouse.stories.settings import StorySettings
from warehouse.stories.sketches import (StorySketch, article_paragraphs, band_keys, normalise_paragraph,
                                        paragraph_identity, shingles, signature, signature_from_bytes,
                                        signature_to_bytes, sketch, story_keys)

DATA = PROJECT_ROOT / "tests" / "data"
PAIRS = [json.loads(line) for line in
         (DATA / "story_pairs.jsonl").read_text(encoding="utf-8").splitlines()]
SETTINGS = StorySettings()


def pair_named(name: str) -> dict:
    return next(pair for pair in PAIRS if pair["name"] == name)


def candidates_through_keys(earlier, new_sketch, stories=None) -> list[StoryCandidate]:
    """What the warehouse will do: a (key, article_id) table, looked up by the new article's keys."""
    table = {}
    for one in earlier:
        for key in story_keys(one.signature, one.distinctive_paragraphs):
            table.setdefault(key, set()).add(one.article_id)
    found = set().union(*(table.get(key, set()) for key in story_keys(new_sketch.signature, new_sketch.distinctive_paragraphs)))
    stories = stories or {}
    return [StoryCandidate(one.article_id, stories.get(one.article_id, one.article_id), one.signature,
                           one.shingle_count, one.distinctive_paragraphs)
            for one in earlier if one.article_id in found]


# --- paragraphs ------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    '"El punto clave de mi visita a Moscú será la firma", adelantó en el diario \'Rossískaya Gazeta\'.',
    "«El punto clave de mi visita a Moscú será la firma» adelantó en el diario “Rossískaya Gazeta”.",
    "El punto  clave de mi visita a Moscú será la firma,   adelantó en el diario Rossískaya Gazeta",
    "EL PUNTO CLAVE DE MI VISITA A MOSCÚ SERÁ LA FIRMA, ADELANTÓ EN EL DIARIO ROSSÍSKAYA GAZETA.",
    "El punto clave de mi visita a Moscu sera la firma, adelanto en el diario Rossiskaya Gazeta.",
])
def test_quote_spacing_case_punctuation_and_accent_variants_are_one_paragraph(variant):
    reference = "«El punto clave de mi visita a Moscú será la firma», adelantó en el diario 'Rossískaya Gazeta'."
    assert paragraph_identity(variant) == paragraph_identity(reference)


@pytest.mark.parametrize("one, other", [
    ("Rusia invirtió 4.000 millones de dólares.", "Rusia invirtió 3.000 millones de dólares."),
    ("La inflación fue de 1,5 puntos.", "La inflación fue de 15 puntos."),
    ("Cove Capital (70 %) y Tau-Ken Samruk.", "Cove Capital (70) y Tau-Ken Samruk."),
    ("Putin recibió a Tokáyev en el Kremlin.", "Tokáyev recibió a Putin en el Kremlin."),
])
def test_different_paragraphs_have_different_identities(one, other):
    assert paragraph_identity(one) != paragraph_identity(other)


@pytest.mark.parametrize("text, normalised", [
    ("casi 30.000 millones", "casi 30.000 millones"),
    ("casi 30,000 millones", "casi 30.000 millones"),
    ("casi 30\u00a0000 millones", "casi 30.000 millones"),
    ("el 19,74% de los votos", "el 19.74 % de los votos"),
    ("¿Qué dijo EE.UU.?", "que dijo ee uu"),
])
def test_normalised_figures_keep_their_digits_and_symbols(text, normalised):
    assert normalise_paragraph(text) == normalised


def test_the_samples_share_their_repeated_paragraphs(sample_articles):
    # Trade volume, 4.000 millones (`esta`/`ésta última`) and Rosatom are sent twice.
    second = {p.identity for p in article_paragraphs(sample_articles[1].body)}
    shared = [article.body[p.start_char:p.end_char] for article in sample_articles[:1]
              for p in article_paragraphs(article.body) if p.identity in second]
    assert any("casi 30.000 millones de dólares" in text for text in shared)
    assert any("4.000 millones de dólares" in text for text in shared)
    assert any("Rosatom" in text for text in shared)


@pytest.mark.parametrize("body", [
    "Uno dos.\n\nTres  cuatro.\n \n\nCinco.",
    "Una sola línea\nque sigue sin blanco.",
    "Al final hay un salto.\n\nÚltimo.",
])
def test_paragraph_offsets_cover_the_body(body):
    paragraphs = article_paragraphs(body)
    assert [p.paragraph_no for p in paragraphs] == list(range(len(paragraphs)))
    assert paragraphs[0].start_char == 0 and paragraphs[-1].end_char == len(body)
    for before, after in zip(paragraphs, paragraphs[1:]):
        assert body[before.end_char:after.start_char].strip() == ""      # only the blank-line break
    for p in paragraphs:
        assert p.identity == paragraph_identity(body[p.start_char:p.end_char])


def test_a_body_without_blank_lines_is_one_paragraph():
    assert len(article_paragraphs("Primera línea.\nSegunda línea.")) == 1


def test_article_paragraphs_are_the_reading_stage_paragraph_spans():
    body = "Uno dos.\n\nTres cuatro.\n \n\nCinco."
    assert [(p.start_char, p.end_char) for p in article_paragraphs(body)] == paragraph_spans(body)


# --- sketches and keys -----------------------------------------------------------------------

def test_signature_bytes_round_trip(sample_articles):
    values = signature(sample_articles[0].body)
    data = signature_to_bytes(values)
    assert len(data) == 4 * SETTINGS.num_perm
    assert np.array_equal(signature_from_bytes(data), values)


def test_signature_depends_only_on_the_normalised_text(sample_articles):
    body = sample_articles[0].body
    assert np.array_equal(signature(body), signature(body.replace("«", '"').replace("»", '"').upper()))
    assert not np.array_equal(signature(body), signature(sample_articles[1].body))


def test_band_keys_are_identical_for_identical_text_and_numbered_per_band(sample_articles):
    keys = band_keys(signature(sample_articles[0].body))
    assert keys == band_keys(signature(sample_articles[0].body))
    assert len(keys) == SETTINGS.bands[0]
    assert len({key.split(":")[0] for key in keys}) == len(keys)


def test_the_samples_share_a_band_key_at_default_settings(sample_articles):
    first, second = (band_keys(signature(article.body)) for article in sample_articles)
    assert set(first) & set(second)


def test_an_empty_text_has_no_keys_and_no_story():
    empty = sketch("empty", "")
    assert band_keys(empty.signature) == []
    assert story_similarity(empty, sketch("also-empty", "  ")) == 0.0


# --- stories ---------------------------------------------------------------------------------

@pytest.mark.parametrize("pair", PAIRS, ids=[pair["name"] for pair in PAIRS])
def test_labelled_pairs_are_grouped_as_labelled(pair):
    a, b = sketch("a", pair["a"]["text"]), sketch("b", pair["b"]["text"])
    [assignment] = assign_stories([b], candidates_through_keys([a], b))
    assert (assignment.story_id == "a") == pair["same_story"], pair["why"]


@pytest.mark.parametrize("pair", [pair for pair in PAIRS if not pair["same_story"]],
                         ids=[pair["name"] for pair in PAIRS if not pair["same_story"]])
def test_unrelated_pairs_stay_apart_even_when_compared(pair):
    a, b = sketch("a", pair["a"]["text"]), sketch("b", pair["b"]["text"])
    assert story_similarity(a, b) < SETTINGS.min_containment


def test_a_containment_resting_on_few_agreeing_positions_is_no_story():
    # A 20-shingle brief against a 2,000-shingle article agreeing in 3 of 256 positions
    # (Jaccard 0.012, what chance gives) would estimate containment 1.0.
    small = np.arange(SETTINGS.num_perm, dtype=np.uint32)
    large = small + np.uint32(1_000)
    large[:3] = small[:3]
    brief = StorySketch("brief", small, 20)
    article = StorySketch("article", large, 2_000)
    assert containment(similarity(small, large), 20, 2_000) == 1.0
    assert story_similarity(brief, article) == 0.0


def test_a_brief_of_a_long_article_shares_a_paragraph_key_and_joins_by_containment():
    pair = pair_named("brief_of_a_long_article")
    article, brief = sketch("a", pair["a"]["text"]), sketch("b", pair["b"]["text"])
    # Its Jaccard is under the bands' threshold, so the bands alone would often miss it ...
    assert similarity(article.signature, brief.signature) < SETTINGS.lsh_threshold
    # ... but a paragraph kept word for word is a lookup key, and the containment joins it.
    assert set(article.distinctive_paragraphs) & set(brief.distinctive_paragraphs)
    assert story_similarity(article, brief) >= SETTINGS.min_containment


def test_an_article_with_no_match_starts_its_own_story():
    lone = sketch("lone", pair_named("fauci_two_statements_same_outlet")["a"]["text"])
    [assignment] = assign_stories([lone], [])
    assert (assignment.story_id, assignment.closest_article_id, assignment.similarity) == ("lone", None, None)


def test_an_article_joins_the_story_of_its_closest_earlier_article(sample_articles):
    first, second = (sketch(f"id-{n}", article.body) for n, article in enumerate(sample_articles))
    earlier = StoryCandidate(first.article_id, "story-of-first", first.signature, first.shingle_count,
                             first.distinctive_paragraphs)
    [assignment] = assign_stories([second], [earlier])
    assert (assignment.story_id, assignment.closest_article_id) == ("story-of-first", "id-0")
    assert assignment.similarity >= SETTINGS.min_containment


def test_a_new_article_matches_an_article_earlier_in_the_same_batch(sample_articles):
    unrelated = pair_named("amlo_two_subjects_same_outlet")["a"]["text"]
    batch = [sketch("1", sample_articles[0].body), sketch("2", unrelated), sketch("3", sample_articles[1].body)]
    assignments = assign_stories(batch, [])
    assert [(a.story_id, a.closest_article_id) for a in assignments] == [("1", None), ("2", None), ("1", "1")]


def test_ties_go_to_the_smaller_article_id_whatever_the_order(sample_articles):
    twin = sketch("x", sample_articles[0].body)
    candidates = [StoryCandidate(article_id, f"story-{article_id}", twin.signature, twin.shingle_count)
                  for article_id in ("b", "a", "c")]
    new = sketch("new", sample_articles[0].body)
    for order in (candidates, candidates[::-1]):
        [assignment] = assign_stories([new], order)
        assert (assignment.story_id, assignment.closest_article_id) == ("story-a", "a")


def test_assignment_is_deterministic(sample_articles):
    batch = [sketch(str(n), text) for n, text in enumerate(
        [sample_articles[0].body, sample_articles[1].body] + [pair["b"]["text"] for pair in PAIRS])]
    assert assign_stories(batch, []) == assign_stories(batch, [])


def test_an_article_is_never_its_own_closest(sample_articles):
    same = sketch("same", sample_articles[0].body)
    itself = StoryCandidate("same", "same", same.signature, same.shingle_count, same.distinctive_paragraphs)
    [assignment] = assign_stories([same], [itself])
    assert assignment.closest_article_id is None


# --- time window and thresholds ----------------------------------------------------------------

SAMPLE = pair_named("samples_one_event_told_twice")["a"]["text"]
# Background paragraphs wire copy repeats for months, around a new event (a made-up one).
BACKGROUND = [p for p in SAMPLE.split("\n\n") if p.startswith(("Según datos oficiales", "Rusia es también"))]
NEW_EVENT = ("Astaná, 20 dic (EFE).- Kazajistán y Rusia abrieron hoy un nuevo paso fronterizo para camiones "
             "en la región de Kostanái, que según el Gobierno kazajo reducirá a la mitad las esperas de los "
             "transportistas de cereales durante el invierno.\n\n" + "\n\n".join(BACKGROUND))


def placed(earlier_date, later_date, settings=SETTINGS, later_text=NEW_EVENT):
    from datetime import date

    first = sketch("a", SAMPLE, settings, date.fromisoformat(earlier_date) if earlier_date else None)
    later = sketch("b", later_text, settings, date.fromisoformat(later_date) if later_date else None)
    return assign_stories([first, later], [], settings)[1]


def test_the_background_case_is_built_as_the_review_found_it():
    assert len(BACKGROUND) == 2
    assert placed("2025-11-11", "2025-11-12").story_id == "a"   # within the window: the known limit


def test_a_new_event_a_month_later_with_old_background_starts_its_own_story():
    assert placed("2025-11-11", "2025-12-20").story_id == "b"


def test_an_unknown_date_does_not_rule_a_story_out():
    assert placed("2025-11-11", None, later_text=SAMPLE).story_id == "a"


def test_the_window_is_a_setting():
    wide = StorySettings(max_days=60)
    assert placed("2025-11-11", "2025-12-20", wide).story_id == "a"


def test_a_zero_containment_threshold_still_needs_something_in_common():
    # Under the Jaccard floor the similarity is 0: a threshold of 0 must not take it.
    long_unrelated = pair_named("amlo_two_subjects_same_outlet")["a"]["text"]
    text = long_unrelated + "\n\n" + BACKGROUND[0]           # shares one long paragraph: one lookup key
    result = placed(None, None, StorySettings(min_containment=0.0), later_text=text)
    assert result.story_id == "b"


# --- the dates a lookup reads ------------------------------------------------------------------

def test_candidate_dates_widen_the_page_by_the_story_window():
    from datetime import date

    from warehouse.stories.placement import candidate_dates

    page = [("a", "", date(2025, 11, 11)), ("b", "", date(2025, 11, 3))]
    assert candidate_dates(page, StorySettings(max_days=7)) == (date(2025, 10, 27), date(2025, 11, 18))
    assert candidate_dates(page, StorySettings(max_days=0)) == (date(2025, 11, 3), date(2025, 11, 11))
    # An undated article is compared with every date; dates at the calendar's ends do not overflow.
    assert candidate_dates(page + [("c", "", None)], SETTINGS) == (date.min, date.max)
    assert candidate_dates([("d", "", date.min), ("e", "", date.max)], SETTINGS) == (date.min, date.max)


def test_a_sketch_from_paragraphs_is_the_sketch_of_the_whole_body(sample_articles):
    # Sketches are made from the paragraphs' normalised words (normalised once); stored sketches
    # stay comparable only if that is exactly the shingle set of the whole normalised body.
    corpus = DATA / "corpus_sample.jsonl"
    bodies = [a.body for a in sample_articles] + [json.loads(line)["text"] for line in
                                                   corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    bodies += ["Uno.\n\n\n«Dos» tres,\n  \n1\u00a0000 %", "", "   "]
    for body in bodies:
        made = sketch("x", body)
        whole = shingles(body, SETTINGS.shingle_size)
        assert made.shingle_count == len(whole)
        assert np.array_equal(made.signature, signature(body)), body[:60]
