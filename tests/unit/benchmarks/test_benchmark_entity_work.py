"""benchmarks/entity_work.py: a tiny run prints each round and the median ratio."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_a_tiny_run_prints_each_round_and_the_median():
    out = subprocess.run([sys.executable, str(REPO / "benchmarks" / "entity_work.py"), "--rounds", "2",
                          "--articles", "5"], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert len(re.findall(r"^round \d: .*entity work / NER = \d+\.\d%$", out, re.M)) == 2
    assert re.search(r"median of 2: \d+\.\d% \(target < 15 %\)", out)
