"""The readers' copy of the warehouse, published whole after each successful run.

DuckDB lets one process open a file read-write or many open it read-only, never both at once, so
a dashboard reading the warehouse file itself would fail (or block the next run) while a run
writes. Readers therefore open `<name>.snapshot.duckdb`, a copy the writer publishes at the end of
each successful run: the closed, checkpointed warehouse file is copied to a temporary name in the
same directory, flushed to disk, and renamed over the previous snapshot. `rename` is atomic on
POSIX file systems, so a reader opens either the previous snapshot or the new one, never half of
a run; a reader that has the old one open keeps reading it (its open file outlives the rename).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb


def snapshot_path(db_path: str | Path) -> Path:
    """`warehouse.duckdb` -> `warehouse.snapshot.duckdb`, beside it."""
    path = Path(db_path)
    return path.with_name(f"{path.stem}.snapshot{path.suffix}")


def reader_path(db_path: str | Path) -> Path:
    """What readers open: the published snapshot, or the warehouse itself when none was published
    yet (a warehouse built before snapshots existed; its next run publishes one)."""
    snapshot = snapshot_path(db_path)
    return snapshot if snapshot.exists() else Path(db_path)


def publish_snapshot(db_path: str | Path) -> Path:
    """Copy the warehouse (closed by its writer, which still holds the writer lock) to its snapshot,
    atomically. Returns the snapshot's path."""
    source = Path(db_path)
    target = snapshot_path(source)
    if source.with_name(source.name + ".wal").exists():
        # Changes still in the write-ahead log are not in the file yet: fold them in first.
        connection = duckdb.connect(str(source))
        try:
            connection.execute("checkpoint")
        finally:
            connection.close()
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(source, temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    # The rename itself is durable once the directory entry is on disk.
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return target
