"""The learned typer's plain parts: features of a mention, the model's arithmetic, training."""

from warehouse.extraction.learned_typer import TyperModel
from warehouse.extraction.span_features import LABELS, MentionContext, mention_features
from warehouse.training.entity_typer import fit


def context(words, before=(), after=(), **kw):
    defaults = dict(sentence_initial=False, model_label="LOC", rule_label="LOC")
    return MentionContext(tuple(words), tuple(before), tuple(after), **{**defaults, **kw})


def test_features_hold_the_name_its_context_and_the_gazetteers():
    features = mention_features(context(["Moscú"], before=["viajó", "a"], after=["el", "lunes"]))
    assert {"word=moscú", "prev=a", "prev2=viajó", "next=el", "rule=LOC", "model=LOC"} <= set(features)
    assert "city=1M" in features                     # GeoNames: Moscow, alternate name `Moscú`
    assert "country" in mention_features(context(["Rusia"]))
    assert "region" in mention_features(context(["Jalisco"]))


def test_a_short_name_knows_the_longer_mention_it_belongs_to():
    features = mention_features(context(["Zahara"], longer_label=None, first_of_label="PER"))
    assert "first_of=PER" in features
    assert "longer=PER" in mention_features(context(["Putin"], longer_label="PER"))


def test_a_title_before_the_name_is_a_feature():
    assert "title_before" in mention_features(context(["Fauci"], before=["el", "Dr."]))


def test_the_model_adds_the_weights_of_the_features_it_knows():
    model = TyperModel(LABELS, {"a": (1.0, 0.0, 0.0, 0.0, 0.0), "b": (0.0, 3.0, 0.0, 0.0, 0.0)})
    assert model.scores(["a", "b", "unknown"]) == [1.0, 3.0, 0.0, 0.0, 0.0]
    label, probability = model.predict(["a", "b"])
    assert label == "ORG" and 0.5 < probability < 1
    assert model.scores(["unknown"]) == [0.0] * 5


def test_training_learns_the_examples_and_gives_the_same_weights_twice():
    examples = [(["bias", "word=pfizer"], "ORG")] * 3 + [(["bias", "word=putin"], "PER")] * 3 \
        + [(["bias", "word=noticia"], "NONE")] * 2
    first, second = fit(examples, penalty=0.3), fit(examples, penalty=0.3)
    assert first.weights == second.weights
    assert first.predict(["bias", "word=pfizer"])[0] == "ORG"
    assert first.predict(["bias", "word=putin"])[0] == "PER"
    assert first.predict(["bias", "word=noticia"])[0] == "NONE"


def test_best_labels_of_a_doc_are_those_predict_gives_one_by_one():
    model = TyperModel(LABELS, {"a": (1.0, 0.0, 0.0, 0.0, 0.0), "b": (0.0, 3.0, 0.0, 0.0, 0.0),
                                "c": (0.0, 0.0, 0.5, 0.0, 2.0)})
    mentions = [["a"], ["a", "b"], ["unknown"], ["c", "a"], [], ["c", "c"]]
    assert model.best_labels(mentions) == [model.predict(features)[0] for features in mentions]
    assert model.best_labels(mentions) == ["PER", "ORG", "PER", "NONE", "PER", "NONE"]
    assert model.best_labels([]) == []


def test_a_span_that_is_an_event_once_its_year_joins_is_taught_as_misc():
    from warehouse.evaluation.entities import GoldArticle
    from warehouse.training.entity_typer import labelled

    text = "Jugó en Rusia 2018 y vive en Rusia."
    article = GoldArticle("a", text, ((8, 18, "MISC"), (29, 34, "LOC")))
    rows = [(8, 13, 18, ["word=rusia", "next=2018"]), (29, 34, 34, ["word=rusia"]), (0, 4, 4, ["word=jugó"])]
    assert [label for _, label in labelled([(article, rows)])] == ["MISC", "LOC", "NONE"]
