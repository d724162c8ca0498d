"""`make train` from the repo's files gives the committed model, byte for byte: training is
deterministic, and the model in `models/` matches the code and gold that made it (change a rule
or the gold, and this fails until `make train` is run again)."""

from warehouse.extraction.learned_typer import MODEL_PATH
from warehouse.training.entity_typer import train


def test_training_reproduces_the_committed_model(tmp_path):
    out = tmp_path / "entity_typer.json"
    metrics = train(out=out, log=lambda *_: None)
    assert out.read_bytes() == MODEL_PATH.read_bytes()
    assert out.with_suffix(".metrics.json").read_bytes() == MODEL_PATH.with_suffix(".metrics.json").read_bytes()
    assert metrics["train_articles"] >= 250 and metrics["dev_articles"] >= 40
