"""`news-warehouse maintain`: keep a warehouse small and fast to read as it grows.

A DuckLake gains data files with every commit (a batch writes one per table it touches; an
update or delete writes delete files) and keeps every snapshot for time travel. Maintenance, run
by the writer (it holds the writer lock), does what DuckLake's documentation recommends, in this
order: merge small adjacent data files, rewrite files with many deleted rows, expire the
snapshots older than the kept window (never the last published one, which readers attach at),
then delete the files no snapshot needs any more and that were scheduled for deletion before the
window began (a reader that attached at an older snapshot a moment ago can still read its files).
A DuckDB file has one thing to do: a checkpoint, which folds the write-ahead log in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy.engine import Engine

from warehouse.config import Lake
from warehouse.storage import lake as lakes
from warehouse.storage.db import checkpoint, execute_file


@dataclass(frozen=True)
class Maintained:
    files_before: int
    files_after: int
    bytes_before: int
    bytes_after: int
    snapshots_before: int
    snapshots_after: int
    expired: tuple[int, ...]

    def as_text(self, where: str, dry_run: bool) -> str:
        if self.snapshots_before == 0:   # a DuckDB file
            return f"{where}: checkpointed, {_mib(self.bytes_before)} -> {_mib(self.bytes_after)}"
        verb = "would expire" if dry_run else "expired"
        return (f"{where}: {self.files_before} -> {self.files_after} data files, "
                f"{_mib(self.bytes_before)} -> {_mib(self.bytes_after)}; {verb} {len(self.expired)} of "
                f"{self.snapshots_before} snapshots ({self.snapshots_after} kept)")


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def files_on_disk(folder: Path) -> tuple[int, int]:
    """Files and bytes under `folder`: what the warehouse occupies."""
    count = size = 0
    for root, _, names in os.walk(folder):
        for name in names:
            count += 1
            size += os.path.getsize(os.path.join(root, name))
    return count, size


def maintain_file(engine: Engine, path: Path) -> Maintained:
    """A checkpoint: the write-ahead log folded into the file."""
    size = path.stat().st_size if path.exists() else 0
    checkpoint(engine)
    return Maintained(1, 1, size, path.stat().st_size, 0, 0, ())


def maintain_lake(engine: Engine, where: Lake, *, keep_days: float, dry_run: bool = False) -> Maintained:
    """Compact, expire and clean up as the module says; with `dry_run`, only count."""
    data = where.data_path
    files_before, bytes_before = files_on_disk(data) if data is not None else (0, 0)
    # Aware: snapshot_time is a TIMESTAMPTZ, which a naive value would meet in the session's zone.
    cutoff = datetime.now(timezone.utc) - timedelta(days=keep_days)
    with engine.connect() as conn:
        snapshots_before = execute_file(conn, "maintain/snapshot_count.sql").scalar_one()
        expired = tuple(row[0] for row in execute_file(conn, "maintain/snapshots_to_expire.sql", (cutoff,)))
        if not dry_run:
            conn.exec_driver_sql(f"call ducklake_merge_adjacent_files('{lakes.ALIAS}')")
            conn.exec_driver_sql(f"call ducklake_rewrite_data_files('{lakes.ALIAS}')")
            if expired:
                conn.exec_driver_sql(f"call ducklake_expire_snapshots('{lakes.ALIAS}', versions => ?)", (list(expired),))
            conn.exec_driver_sql(f"call ducklake_cleanup_old_files('{lakes.ALIAS}', older_than => ?)", (cutoff,))
            conn.commit()
        snapshots_after = execute_file(conn, "maintain/snapshot_count.sql").scalar_one()
    files_after, bytes_after = files_on_disk(data) if data is not None else (0, 0)
    return Maintained(files_before, files_after, bytes_before, bytes_after, snapshots_before,
                      snapshots_after, expired)
