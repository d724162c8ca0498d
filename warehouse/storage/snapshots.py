"""What readers open: for a DuckDB file, its copy published whole after each successful run; for a
DuckLake, the lake itself at its last published snapshot (`lake.py`: nothing is copied).

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

from warehouse.config import Lake
from warehouse.storage import lake
from warehouse.storage.db import read_sql


def snapshot_path(db_path: str | Path) -> Path:
    """`warehouse.duckdb` -> `warehouse.snapshot.duckdb`, beside it."""
    path = Path(db_path)
    return path.with_name(f"{path.stem}.snapshot{path.suffix}")


def reader_path(db_path: str | Path | Lake) -> Path | Lake:
    """What readers open: the published snapshot, or the warehouse itself when none was published
    yet (a warehouse built before snapshots existed; its next run publishes one). A lake is
    opened as itself: its readers attach at the published snapshot."""
    if isinstance(db_path, Lake):
        return db_path
    snapshot = snapshot_path(db_path)
    return snapshot if snapshot.exists() else Path(db_path)


def has_readers_copy(db_path: str | Path | Lake) -> bool:
    """Whether readers have something to open: a lake publishes its schema when it creates it."""
    return isinstance(db_path, Lake) or snapshot_path(db_path).exists()


def publish_snapshot(db_path: str | Path | Lake, run_id: str | None = None, *, record: bool = True) -> Path | Lake:
    """Publish the warehouse's present state to readers, recorded in `publications` (with the run
    it ends, if any). A DuckDB file (closed by its writer, which still holds the writer lock) is
    copied to its snapshot, atomically; a lake commits the record as its published snapshot.
    `record=False` copies a new file's empty schema while its writer has it open (a new lake's
    schema is published when it is created). Returns what readers open."""
    if isinstance(db_path, Lake):
        engine = lake.connect(db_path)
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql(read_sql("load/record_publication.sql"), (run_id,))
                lake.mark_published(conn)
        finally:
            engine.dispose()
        return db_path
    source = Path(db_path)
    target = snapshot_path(source)
    if record:
        # The record goes in first; then changes still in the write-ahead log are folded into the file.
        connection = duckdb.connect(str(source))
        try:
            lake.in_utc(connection)
            connection.execute(read_sql("load/record_publication.sql"), [run_id])
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
