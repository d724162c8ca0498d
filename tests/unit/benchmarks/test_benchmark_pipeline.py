"""`make bench` on a tiny N: the script runs end to end and reports every figure."""

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "benchmarks" / "pipeline.py"


def load_script():
    spec = importlib.util.spec_from_file_location("bench_pipeline", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_inbox_cycles_the_corpus_without_exact_duplicates(tmp_path):
    bench = load_script()
    records = [{"id": "a", "title": "Uno", "text": "Texto uno."}, {"id": "b", "title": "Dos", "text": "Texto dos."}]
    bodies = bench.build_inbox(tmp_path / "inbox", 5, records)
    lines = [json.loads(line) for path in sorted((tmp_path / "inbox").iterdir()) for line in open(path)]
    assert bodies == ["Texto uno.", "Texto dos."] * 2 + ["Texto uno."]
    assert len({(r["id"], r["title"]) for r in lines}) == 5
    assert [r["title"] for r in lines[:3]] == ["Uno", "Dos", "Uno (2)"]


@pytest.mark.slow
def test_a_tiny_benchmark_prints_and_records_every_figure(tmp_path, capsys):
    bench = load_script()
    assert bench.main(["--sizes", "12", "--articles", "12", "--rewrites", "9", "--results-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "news-warehouse run / the user's spaCy script (2 processes, whole processes) =" in out
    assert "flow / NER alone =" in out and "seconds per stage" in out
    [record] = [json.loads(p.read_text()) for p in tmp_path.glob("pipeline-*.json")]
    [result] = record["results"]
    assert result["articles"] == 12 and result["words"] > 0
    for figure in ("user_script_words_per_second", "ner_alone_words_per_second", "run_words_per_second",
                   "flow_words_per_second", "run_to_user_script", "flow_to_ner_alone", "figures_share_of_ner",
                   "entity_post_share_of_ner", "load_rows_per_second", "insert_rows_per_second", "peak_rss_mb",
                   "noop_rerun_seconds", "noop_rerun_command_seconds"):
        assert result[figure] > 0, figure
    # The whole command includes the flow; the user's script includes loading the model.
    assert result["run_seconds"] > result["flow_seconds"] and result["user_script_seconds"] > 0
    assert {"read", "ner", "figures", "canonicalisation", "load", "finish"} <= set(result["stages"])
    rewrites = record["rewrites"]
    assert 0 < rewrites["paragraphs_tagged"] < rewrites["paragraphs"] and rewrites["cache_on_words_per_second"] > 0
    assert rewrites["ner_alone_words_per_second"] > 0 and rewrites["cache_on_to_ner_alone"] > 0
