"""benchmarks/story_cost.py: its stream is what it claims, and a tiny run prints every figure."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "benchmarks"))

import story_cost  # noqa: E402


def test_the_stream_is_dated_per_day_and_its_copies_share_no_shingle():
    texts = story_cost.corpus_texts()
    # The corpus in ../shared (286 texts), or the sample in tests/data (20) where there is none.
    stream = story_cost.articles(texts, 0, max(101, len(texts) + 1), per_day=100)
    assert (stream[99].published - stream[0].published).days == 0
    assert (stream[100].published - stream[0].published).days == 1
    original, copy = stream[0], stream[len(texts)]
    words = lambda text: text.split()                                        # noqa: E731
    shingles = lambda text: {tuple(words(text)[i:i + 3]) for i in range(len(words(text)) - 2)}  # noqa: E731
    assert not shingles(original.body) & shingles(copy.body)
    assert story_cost.articles(texts, 5, 1, per_day=None)[0].published is None


def test_a_tiny_run_prints_a_row_per_size_and_the_ratios():
    # Its own process, as `make bench` runs it (it starts further processes with spawn).
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "story_cost.py"), "--sizes", "10,30",
                           "--single", "3", "--batch", "4", "--per-day", "10", "--repeats", "2"],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr
    rows = re.findall(r"^\s+(\d+)\s+([\d,]+)\s+([\d,]+)\s+([\d.]+)\s+([\d.]+)-([\d.]+)\s+([\d.]+)\s+([\d.]+)$",
                      done.stdout, re.M)
    assert [r[0] for r in rows] == ["10", "30"]
    assert all(float(value) > 0 for r in rows for value in r[3:])
    assert all(float(low) <= float(median) <= float(high) for _, _, _, median, low, high, *_ in rows)
    assert done.stdout.count("measured") == 2
    assert re.search(r"N=30 vs N=10: one article [\d.]+x, one undated article [\d.]+x, in a batch [\d.]+x", done.stdout)
