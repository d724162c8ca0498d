"""Extraction across worker processes: the model tags in parallel on every core.

spaCy's small model is CPU-bound Python and numpy under the GIL: threads do not add throughput,
processes do. A pool of worker processes, each with the pipeline loaded once, takes a batch of
articles in chunks and returns plain `Extraction`s in input order; the caller (the flow, the one
writer) loads them. The pool lives as long as the process (a `serve` process reuses it across
scheduled runs, so the model is loaded once per worker, not once per run).

Workers start from a fresh interpreter (`forkserver`), not `fork`: the flow's process has
threads (Prefect's event loop, its API client), and forking a process with threads can copy a
lock held by another thread into the child, where nothing will ever release it.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from warehouse.extraction.extract import Extraction, StageSeconds, extract_texts
from warehouse.extraction.paragraph_tags import ParagraphTags, RecentTags, paragraph_hash
from warehouse.reading.paragraphs import split_paragraphs

# Articles per task sent to a worker: small enough to balance two workers over a batch of 64,
# large enough that pickling a chunk costs nothing next to tagging it.
CHUNK_ARTICLES = 8
# How often a worker checks that the process owning its pool is still alive.
OWNER_CHECK_SECONDS = 1.0

_pools: dict[int, ProcessPoolExecutor] = {}
# Paragraphs tagged lately in this process, for the batches extracted next or at the same time.
_recent_tags = RecentTags()
_pools_lock = threading.Lock()
_in_process_lock = threading.Lock()


def _start_worker(owner_pid: int) -> None:
    """Load the model, and leave when the process that owns the pool is gone: killed (SIGKILL,
    SIGTERM), it cannot shut the pool down, and a worker left behind would hold its memory and
    its stdout (a `| tee` or a supervisor reading the output would never see the end)."""
    threading.Thread(target=_exit_without_owner, args=(owner_pid,), daemon=True).start()
    from threadpoolctl import threadpool_limits

    from warehouse.extraction.gazetteer import places
    from warehouse.extraction.learned_typer import load_model
    from warehouse.extraction.pipeline import load_pipeline
    from warehouse.extraction.place_resolution import place_index

    load_pipeline()
    # The data our components read on their first doc, now rather than inside the first batch's
    # entity or place stage (GeoNames' cities, the place index and the typer's weights).
    places()
    place_index()
    load_model()
    # One worker per core, so one BLAS thread per worker: OpenBLAS's default of a thread per core
    # in each worker runs 4 threads on 2 cores, and tagged 1.3-1.9 x slower here. (After the
    # model's load: the limit applies to the BLAS libraries loaded by then, numpy's included.)
    threadpool_limits(limits=1, user_api="blas")


def _exit_without_owner(owner_pid: int) -> None:
    while True:
        time.sleep(OWNER_CHECK_SECONDS)
        try:
            os.kill(owner_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:   # alive, under another user: keep working
            pass


@dataclass
class ExtractedBatch:
    extractions: list[Extraction]
    seconds: StageSeconds = field(default_factory=StageSeconds)
    new_tags: dict[str, ParagraphTags] = field(default_factory=dict)   # paragraphs tagged here
    paragraphs_tagged: int = 0   # by the model (the rest came from known tags or repeats)


def _extract_chunk(items: list[tuple[Any, str, str | None]], known_tags: Mapping[str, ParagraphTags],
                   return_new_tags: bool = True) -> ExtractedBatch:
    batch = ExtractedBatch([])
    batch.extractions = list(extract_texts(((key, text) for key, text, _ in items),
                                           countries={key: country for key, _, country in items},
                                           seconds=batch.seconds, known_tags=known_tags, new_tags=batch.new_tags))
    batch.paragraphs_tagged = len(batch.new_tags)
    if not return_new_tags:
        batch.new_tags = {}   # not worth pickling back to a caller that keeps no cache
    return batch


def _pool(processes: int) -> ProcessPoolExecutor:
    with _pools_lock:
        if processes not in _pools:
            _pools[processes] = ProcessPoolExecutor(
                max_workers=processes, mp_context=multiprocessing.get_context("forkserver"),
                initializer=_start_worker, initargs=(os.getpid(),))
        return _pools[processes]


def _loaded() -> None:
    """A task that only makes the pool start a worker (its initializer loads the model)."""


def warm_up(processes: int) -> None:
    """Load the model before the first batch, while the caller waits on something else (Prefect's
    server booting): with one process, here, now; with a pool, in its first worker, without
    waiting. The other workers start with the first batch: all of them loading while the server
    boots slowed a no-op rerun by 1.8 s on 2 cores, one by 0.3 s (alternating runs)."""
    if processes <= 1:
        from warehouse.extraction.pipeline import load_pipeline

        load_pipeline()
    else:
        _pool(processes).submit(_loaded)


@atexit.register
def _shut_down_pools() -> None:
    for pool in _pools.values():
        pool.shutdown(cancel_futures=True)


def extract_in_processes(items: Sequence[tuple[Any, str]], *, processes: int,
                         countries: Mapping[Any, str | None] | None = None,
                         known_tags: Mapping[str, ParagraphTags] | None = None,
                         reuse_tags: bool = True) -> ExtractedBatch:
    """`extract_texts` over `items` ((id, text) pairs) on `processes` worker processes, in input
    order, with the seconds each stage took and the paragraphs newly tagged (`known_tags`: those
    tagged before). With `reuse_tags` off (no paragraph cache) a chunk's tags are neither shared
    with later chunks nor returned. With one process it runs here, without a pool (one batch at a
    time: the pipeline is not shared between threads)."""
    countries, known_tags = countries or {}, known_tags or {}
    triples = [(key, text, countries.get(key)) for key, text in items]
    if processes <= 1:
        with _in_process_lock:
            return _extract_chunk(triples, known_tags, reuse_tags)
    chunks = [triples[start:start + CHUNK_ARTICLES] for start in range(0, len(triples), CHUNK_ARTICLES)]
    parts: list[ExtractedBatch | None] = [None] * len(chunks)
    waiting, running = deque(enumerate(chunks)), {}
    try:
        pool = _pool(processes)
        while waiting or running:
            # A chunk is sent when a worker is about to need it, not all at once: then it gets the
            # paragraphs the chunks finished before it tagged (a rewrite a few articles after its
            # original is not tagged twice), and one chunk in reserve keeps every worker busy.
            while waiting and len(running) <= processes:
                number, chunk = waiting.popleft()
                # Each worker gets the known tags of its own chunk's paragraphs only.
                hashes = chunk_paragraph_hashes(chunk)
                known = {key: known_tags[key] for key in hashes if key in known_tags}
                if reuse_tags:
                    known |= _recent_tags.known(hashes - known.keys())
                running[pool.submit(_extract_chunk, chunk, known, reuse_tags)] = number
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                part = parts[running.pop(future)] = future.result()
                _recent_tags.add(part.new_tags)
    except BrokenProcessPool:
        # A worker died (out of memory, killed): this run fails, the next one (in `serve`, the
        # same process) gets a fresh pool instead of this broken one.
        with _pools_lock:
            _pools.pop(processes, None)
        raise
    batch = ExtractedBatch([])
    for part in parts:
        batch.extractions += part.extractions
        batch.seconds.add(part.seconds)
        batch.new_tags.update(part.new_tags)
        batch.paragraphs_tagged += part.paragraphs_tagged
    return batch


def forget_recent_tags() -> None:
    """Drop the tags kept in memory (a new run may run another extractor version)."""
    _recent_tags.clear()


def chunk_paragraph_hashes(items: Sequence[tuple]) -> set[str]:
    """Hashes of the paragraphs of (id, text, ...) items."""
    return {paragraph_hash(text) for _, body, *_ in items
            for text, is_paragraph in split_paragraphs(body) if is_paragraph}
