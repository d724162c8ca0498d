"""Where the flow's extraction batches run: this machine's worker processes, or Dask.

`local` (the default): Prefect's thread pool runs the flow's tasks; each extraction batch is
tagged by this machine's worker processes (`warehouse/extraction/pool.py`), one per core.
`dask`: extraction batches are submitted to a Dask cluster through prefect-dask's
`DaskTaskRunner`: a temporary `LocalCluster` of `extract_processes` single-threaded worker
processes, or the existing scheduler at `dask_address`. Either way the flow itself, the one
writer, reads files and loads every result into DuckDB; only extraction is fanned out.
"""

from __future__ import annotations

from typing import Any

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from warehouse.config import Settings


def task_runner_for(settings: Settings) -> TaskRunner:
    if settings.task_runner != "dask":
        return ThreadPoolTaskRunner()
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    # One single-threaded process per worker: the model is CPU-bound Python (threads would share
    # one core) and each worker process loads it once.
    return DaskTaskRunner(cluster_kwargs={"n_workers": settings.extract_processes, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


def processes_per_batch(settings: Settings) -> int:
    """Worker processes one extraction batch uses: on Dask a batch is one worker's task."""
    return 1 if settings.task_runner == "dask" else settings.extract_processes


def batches_in_flight(settings: Settings) -> int:
    """Extraction batches submitted ahead of the one being loaded: enough to keep every worker
    busy while the flow loads, few enough that memory stays flat whatever the inbox size."""
    return 2 * settings.extract_processes if settings.task_runner == "dask" else 2


def submitted_input(settings: Settings, value: Any) -> Any:
    """A large input of a submitted task, quoted so Prefect does not visit each of its elements
    (see `flows/ingest.py`), except on Dask: Dask rebuilds `quote` (a tuple subclass) as a plain
    tuple on its way to the worker, so the task would get the wrapper instead of the value
    (found by tests/flows/test_task_runners.py). There, extraction dominates anyway."""
    return value if settings.task_runner == "dask" else quote(value)
