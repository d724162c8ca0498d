"""One writer per warehouse: an advisory lock held for a whole run.

DuckDB already refuses a second read-write process, but only while the first has the file open,
and it refuses at once. A run also works on the warehouse with the file closed (publishing the
reader snapshot, `snapshots.py`), and a scheduled run that finds another still going
should wait a while rather than fail. So every writer (ingest and reprocess flows) takes an
exclusive `flock` on `<warehouse>.lock` first, waiting up to a bounded time.

Why `flock` on a side file: the kernel releases it when the process dies, even by SIGKILL, so a
crashed run never leaves a stale lock behind (no pid files to clean up). The file itself is never
deleted (deleting a lock file others may be waiting on would let two writers in). Its content,
who holds it, is only for messages.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from warehouse.config import Lake, SettingsError
from warehouse.storage.db import WarehouseError

_POLL_SECONDS = 0.2


class WarehouseBusy(WarehouseError):
    """Another run holds the warehouse and did not finish within the wait."""


def lock_path(db_path: str | Path | Lake) -> Path:
    if isinstance(db_path, Lake):
        return db_path.lock_path()
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


def lock_holder(db_path: str | Path) -> dict | None:
    """Who holds the writer lock now ({"pid", "run_id", "started_at"}), or None when it is free
    (or cannot be known here: a reader of a PostgreSQL-catalog lake without its data folder)."""
    try:
        path = lock_path(db_path)
    except SettingsError:
        return None
    if not path.exists():
        return None
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            return _holder(handle.read())
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None


def wait_until_free(db_path: str | Path, *, wait_seconds: float) -> None:
    """Wait up to `wait_seconds` for no run to hold the lock (without taking it); raise
    WarehouseBusy otherwise. Lets a command fail in one line before it starts a flow; the flow
    still takes the lock itself, so a run that slips in between only makes it wait."""
    deadline = time.monotonic() + wait_seconds
    while (holder := lock_holder(db_path)) is not None:
        if time.monotonic() >= deadline:
            raise _busy(db_path, holder, wait_seconds)
        time.sleep(_POLL_SECONDS)


def _busy(db_path: str | Path, holder: dict | None, wait_seconds: float) -> WarehouseBusy:
    return WarehouseBusy(f"warehouse {db_path} is being written by {describe_holder(holder)}; waited "
                         f"{wait_seconds:g} s (NEWS_WAREHOUSE_LOCK_WAIT_SECONDS): try again when it finishes")


def _holder(text: str) -> dict:
    try:
        holder = json.loads(text)
    except ValueError:
        return {}
    return holder if isinstance(holder, dict) else {}


def describe_holder(holder: dict | None) -> str:
    if not holder:
        return "another run"
    return f"run {holder.get('run_id', '?')} (pid {holder.get('pid', '?')}, started {holder.get('started_at', '?')})"


@contextmanager
def writer_lock(db_path: str | Path, *, wait_seconds: float, run_id: str) -> Iterator[None]:
    """Hold the warehouse's writer lock for the block; wait up to `wait_seconds` for it.

    Raises WarehouseBusy (a user-facing one-line error) when another run keeps it longer."""
    path = lock_path(db_path)
    if isinstance(db_path, Lake) and db_path.backend == "postgres" and db_path.data_path is not None:
        # The data folder of a new PostgreSQL-catalog lake, where its lock lives (`Lake.lock_path`).
        path.parent.mkdir(parents=True, exist_ok=True)
    if not path.parent.is_dir():
        raise WarehouseError(f"cannot create warehouse {db_path}: directory {path.parent} does not exist")
    handle = open(path, "a+")
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    raise _busy(db_path, _holder(handle.read()), wait_seconds) from None
                time.sleep(_POLL_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "run_id": run_id,
                                 "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()
