"""What the dashboard reads: the published state of the warehouse, reopened when a run publishes
a new one, and the dashboard's queries (`sql/dashboard/`) run on it into DataFrames.

Readers never open the writer's file (`storage/snapshots.py`): a DuckDB file's readers open its
snapshot, which each successful run replaces by an atomic rename; a lake's readers attach at its
last published snapshot. Either way a reader sees a whole run or none of it. A long-lived reader
must still notice that a newer state exists: `Reader.state()` is cheap (a `stat` of the snapshot,
or the lake catalog's last published snapshot id) and `Reader.query` reopens when it changed.

DuckDB keeps one database instance per path and process: a connection opened on the snapshot's
path while another connection to the old file is still open gets the old file again. So the old
engine is closed only once no query is using it, and only then is the new one opened.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Engine

from warehouse.config import Lake
from warehouse.storage import db, lake, snapshots


STATE_REUSE_SECONDS = 1.0


class NothingPublished(Exception):
    """No state was published yet: the dashboard says how to make one."""


class StateChanged(Exception):
    """The state asked for is no longer the published one: draw the page again from the new one."""


@dataclass(frozen=True)
class State:
    """One published state: what it is and a token that changes with every publication."""

    where: Path | Lake
    token: tuple


def published_state(db_path: Path | Lake) -> State:
    """The state a reader opening now would get (raises NothingPublished when there is none)."""
    if isinstance(db_path, Lake):
        try:
            version = lake.latest_published_version(db_path)
        except Exception as error:   # no catalog yet, or a catalog without the lake's tables
            raise NothingPublished(f"cannot read {db_path}: {str(error).strip().splitlines()[0]}") from error
        if version is None:
            raise NothingPublished(f"{db_path} has no published snapshot yet")
        return State(db_path, ("lake", version))
    if not snapshots.has_readers_copy(db_path):
        raise NothingPublished(f"no published snapshot of {db_path} yet ({snapshots.snapshot_path(db_path)})")
    path = snapshots.snapshot_path(db_path)
    try:
        info = os.stat(path)
    except FileNotFoundError as error:
        raise NothingPublished(f"no published snapshot of {db_path} yet ({path})") from error
    # A publication renames a new file over the old one: a new inode, whatever the clock says.
    return State(path, ("file", info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size))


def sql_text(name: str) -> str:
    """The text of `sql/dashboard/<name>.sql`, or of `sql/<name>.sql` for a name with a folder
    (`queries/files_needing_attention`: the same query `news-warehouse status` runs)."""
    return db.read_sql(f"{name}.sql" if "/" in name else f"dashboard/{name}.sql")


def _nulls_as_none(frame: pd.DataFrame) -> pd.DataFrame:
    # pandas holds a null text as NaN, which is truthy: `title or "(no title)"` would print `nan`.
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


class Reader:
    """The warehouse as the dashboard reads it: one engine on the newest published state,
    shared by every browser session (thread-safe)."""

    def __init__(self, db_path: Path | Lake):
        self.db_path = db_path
        self._lock = threading.Condition()
        self._state: State | None = None
        self._engine: Engine | None = None
        self._in_use = 0
        self._asked: tuple[float, State] | None = None

    def state(self) -> State:
        """The newest published state (raises NothingPublished). A lake's costs a catalog read
        (0.14-0.21 s measured on the samples' lake), so an answer younger than a second is reused:
        every page start and every session's watch ask."""
        now = time.monotonic()
        if self._asked is not None and now - self._asked[0] < STATE_REUSE_SECONDS:
            return self._asked[1]
        newest = published_state(self.db_path)
        self._asked = (now, newest)
        return newest

    @contextmanager
    def _engine_for(self, state: State) -> Iterator[Engine]:
        with self._lock:
            # Wait for queries on the old state to finish (they are short), then swap, unless
            # another session swapped to this state meanwhile.
            while self._state != state and self._in_use:
                self._lock.wait()
            if self._state != state:
                if published_state(self.db_path) != state:   # uncached, after the wait: a swap is rare
                    # Replaced while a page was drawn from it: the page starts again, so it never
                    # mixes two publications (a snapshot file replaced is gone for new opens).
                    raise StateChanged(f"{self.db_path} was published again")
                if self._engine is not None:
                    self._engine.dispose()
                # A lake's every connection attaches at the state's own snapshot, whenever it opens.
                version = state.token[1] if isinstance(state.where, Lake) else None
                self._engine, self._state = db.connect(state.where, read_only=True, lake_version=version), state
            self._in_use += 1
            engine = self._engine
        try:
            yield engine
        finally:
            with self._lock:
                self._in_use -= 1
                self._lock.notify_all()

    def query(self, state: State, name: str, **parameters) -> pd.DataFrame:
        """Run `sql/dashboard/<name>.sql` with its `$name` parameters on `state`."""
        with self._engine_for(state) as engine, engine.connect() as conn:
            raw = conn.connection.driver_connection
            # Through Arrow, whose dates stay dates (`.df()` makes every DATE a midnight timestamp).
            return _nulls_as_none(raw.execute(sql_text(name), parameters).to_arrow_table().to_pandas())

    def engine(self, state: State):
        """The engine on `state`, for library functions that take one (`search.results.search`)."""
        return self._engine_for(state)

    def close(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine, self._state = None, None
