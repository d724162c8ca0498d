"""A benchmark script imported as a module, for its tests (benchmarks/ is not a package)."""

import importlib.util
import sys
from contextlib import contextmanager
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"


@contextmanager
def benchmark_module(name: str):
    """`benchmarks/<name>.py`, loaded under its own name for the duration."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)
