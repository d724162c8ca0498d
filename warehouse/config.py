"""Settings from command-line arguments, then environment variables, then defaults."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from warehouse.paths import SAMPLE_INBOX

DEFAULT_DB = "warehouse.duckdb"
# Articles per extraction batch and per load transaction. Measured here (2 cores, N = 1,000 and
# 2,000): the inserts of a 64-article batch ran at 44,000 rows/s, of 512 at 270,000-390,000
# rows/s (per-statement costs spread over more rows), with the flow 3-6 % faster overall; 1,024
# gained little more and doubles what a killed run has to do again.
DEFAULT_BATCH_SIZE = 512
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
DEFAULT_CRON = "*/15 * * * *"
# A run started while another writes waits this long for it, then gives up with a clear message.
DEFAULT_LOCK_WAIT_SECONDS = 60
# A file modified this recently may still be being written (a copy, an upload): left for the next run.
DEFAULT_SETTLE_SECONDS = 5
# Worker processes that tag articles in parallel: one per core (the model is CPU-bound).
DEFAULT_EXTRACT_PROCESSES = os.cpu_count() or 1
# Two articles tell the same story when the estimated containment of the shorter in the longer
# reaches this, and their Jaccard the second (how they were chosen: warehouse/stories/settings.py).
DEFAULT_STORY_MIN_CONTAINMENT = 0.3
DEFAULT_STORY_MIN_JACCARD = 0.05
# Articles published further apart than this are never one story.
DEFAULT_STORY_MAX_DAYS = 7
# `maintain` keeps this many days of DuckLake snapshots (time travel, readers still attached).
DEFAULT_KEEP_DAYS = 7.0
# Where extraction batches run: `local` (worker processes of this machine) or `dask`.
TASK_RUNNERS = ("local", "dask")


class SettingsError(ValueError):
    """A setting that cannot work (e.g. `NEWS_WAREHOUSE_BATCH_SIZE=abc`): a user error."""


LAKE_PREFIX = "ducklake:"
# A password in a PostgreSQL connection string: `password=…` (quoted or not) or a URI's `user:…@`.
_SECRET = re.compile(r"(password\s*=\s*)('[^']*'|\"[^\"]*\"|[^\s\"']+)|(postgres(?:ql)?://[^:/@\s]+:)[^@\s]+(@)",
                     re.IGNORECASE)


def redact(text: str) -> str:
    """`text` with any connection-string password masked (DuckDB's errors repeat the string)."""
    return _SECRET.sub(lambda m: f"{m[1]}***" if m[1] else f"{m[3]}***{m[4]}", text)
LAKE_BACKENDS = ("sqlite", "postgres")


def positive_int(text: str | int, name: str, *, minimum: int = 1) -> int:
    try:
        value = int(text)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {text!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, got {value}")
    return value


def fraction(text: str | float, name: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise SettingsError(f"{name} must be a number between 0 and 1, got {text!r}") from None
    if not 0 <= value <= 1:
        raise SettingsError(f"{name} must be between 0 and 1, got {value}")
    return value


@dataclass(frozen=True)
class Settings:
    db_path: Path | Lake   # a DuckDB file, or a DuckLake (`warehouse/storage/lake.py`)
    inbox: Path
    batch_size: int = DEFAULT_BATCH_SIZE          # articles per extraction task
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES  # larger files are rejected, not read
    lock_wait_seconds: int = DEFAULT_LOCK_WAIT_SECONDS
    settle_seconds: int = DEFAULT_SETTLE_SECONDS
    extract_processes: int = DEFAULT_EXTRACT_PROCESSES  # local workers, or a local Dask cluster's
    task_runner: str = "local"
    dask_address: str | None = None   # an existing Dask scheduler (`tcp://host:8786`); implies dask
    paragraph_cache: bool = True      # reuse the model's output for paragraphs tagged before
    story_min_containment: float = DEFAULT_STORY_MIN_CONTAINMENT
    story_min_jaccard: float = DEFAULT_STORY_MIN_JACCARD
    story_max_days: int = DEFAULT_STORY_MAX_DAYS


@dataclass(frozen=True)
class Lake:
    """Where a DuckLake warehouse is: its catalog, and where new data files go."""
    backend: str              # "sqlite" or "postgres"
    catalog: str              # the SQLite file's absolute path, or a libpq connection string
    data_path: Path | None    # where a new lake puts its data files; an existing lake knows its own

    def __str__(self) -> str:
        """For messages: a password is masked (`location` is the text to connect with)."""
        return redact(self.location)

    @property
    def location(self) -> str:
        """What `--db` takes, password included: what a flow run is given."""
        return f"{LAKE_PREFIX}{self.backend}:{self.catalog}"

    def exists(self) -> bool:
        """As `Path.exists` for a file: a SQLite catalog's file exists (a PostgreSQL catalog is
        found out by connecting)."""
        return self.backend == "postgres" or Path(self.catalog).exists()

    def resolve(self) -> Lake:
        return self   # already absolute (`parse_lake`)

    @property
    def attach_target(self) -> str:
        return f"ducklake:{self.backend}:{self.catalog}"

    def lock_path(self) -> Path:
        """The writer lock (`writer_lock.py`): beside a SQLite catalog; in the data folder of a
        PostgreSQL one, which every writing machine shares."""
        if self.backend == "sqlite":
            return Path(self.catalog + ".lock")
        if self.data_path is None:
            raise SettingsError(f"a writer of {self} needs NEWS_WAREHOUSE_LAKE_DATA_PATH (the data folder; "
                                f"the writer lock lives there)")
        return self.data_path / ".news-warehouse.lock"


def is_lake(text: str | Path | Lake | None) -> bool:
    return isinstance(text, Lake) or (isinstance(text, str) and text.startswith(LAKE_PREFIX))


def parse_lake(text: str, data_path: str | None = None) -> Lake:
    """`ducklake:sqlite:PATH`, `ducklake:PATH` (a SQLite catalog) or `ducklake:postgres:CONNINFO`."""
    rest = text[len(LAKE_PREFIX):]
    backend, _, target = rest.partition(":")
    backend = {"postgresql": "postgres"}.get(backend, backend)
    if backend not in LAKE_BACKENDS:
        if re.fullmatch(r"[A-Za-z]+", backend) and target:
            raise SettingsError(f"unknown DuckLake catalog {backend!r} in --db: expected ducklake:sqlite:PATH "
                                f"or ducklake:postgres:CONNINFO")
        backend, target = "sqlite", rest
    if not target.strip():
        raise SettingsError(f"{text!r}: expected ducklake:sqlite:PATH or ducklake:postgres:CONNINFO")
    data = Path(data_path).expanduser().resolve() if data_path else None
    if backend == "sqlite":
        catalog = Path(target).expanduser().resolve()
        if catalog.is_dir():
            raise SettingsError(f"DuckLake catalog {catalog} is a directory, expected a SQLite file")
        return Lake("sqlite", str(catalog), data or catalog.with_name(f"{catalog.stem}.files"))
    return Lake("postgres", target.strip(), data)


def location_text(where: Path | Lake) -> str:
    """The `--db` text that opens `where` again (a flow's parameter)."""
    return where.location if isinstance(where, Lake) else str(where)


def warehouse_location(text: str | Path, env: dict[str, str] | None = None) -> Path | Lake:
    """A DuckDB file's path, or `ducklake:…` (its data folder from NEWS_WAREHOUSE_LAKE_DATA_PATH)."""
    env = os.environ if env is None else env
    if is_lake(text):
        return parse_lake(str(text), env.get("NEWS_WAREHOUSE_LAKE_DATA_PATH") or None)
    return Path(text).expanduser()


def settings_from(db: str | None = None, inbox: str | None = None, batch_size: int | None = None,
                  max_file_bytes: int | None = None, lock_wait_seconds: int | None = None,
                  settle_seconds: int | None = None, extract_processes: int | None = None,
                  task_runner: str | None = None, dask_address: str | None = None,
                  env: dict[str, str] | None = None) -> Settings:
    """Arguments win over NEWS_WAREHOUSE_* variables, which win over the defaults."""
    env = os.environ if env is None else env

    def number(value: int | None, variable: str, default: int, minimum: int = 1) -> int:
        if value is not None:
            return positive_int(value, variable.removeprefix("NEWS_WAREHOUSE_").lower(), minimum=minimum)
        text = env.get(variable)
        return positive_int(default if text in (None, "") else text, variable, minimum=minimum)

    dask_address = dask_address or env.get("NEWS_WAREHOUSE_DASK_ADDRESS") or None
    runner = task_runner or env.get("NEWS_WAREHOUSE_TASK_RUNNER") or ("dask" if dask_address else "local")
    if runner not in TASK_RUNNERS:
        raise SettingsError(f"task runner must be one of {', '.join(TASK_RUNNERS)}, got {runner!r}")
    if dask_address and runner != "dask":
        raise SettingsError(f"a Dask scheduler address ({dask_address}) needs the dask task runner")
    cache = (env.get("NEWS_WAREHOUSE_PARAGRAPH_CACHE") or "on").lower()
    if cache not in ("on", "off"):
        raise SettingsError(f"NEWS_WAREHOUSE_PARAGRAPH_CACHE must be on or off, got {cache!r}")
    def share(variable: str, default: float) -> float:
        text = env.get(variable)
        return fraction(default if text in (None, "") else text, variable)

    return Settings(
        paragraph_cache=cache == "on",
        story_min_containment=share("NEWS_WAREHOUSE_STORY_MIN_CONTAINMENT", DEFAULT_STORY_MIN_CONTAINMENT),
        story_min_jaccard=share("NEWS_WAREHOUSE_STORY_MIN_JACCARD", DEFAULT_STORY_MIN_JACCARD),
        story_max_days=number(None, "NEWS_WAREHOUSE_STORY_MAX_DAYS", DEFAULT_STORY_MAX_DAYS, minimum=0),
        task_runner=runner,
        dask_address=dask_address,
        db_path=warehouse_location(db or env.get("NEWS_WAREHOUSE_DB") or DEFAULT_DB, env),
        inbox=Path(inbox or env.get("NEWS_WAREHOUSE_INBOX") or SAMPLE_INBOX).expanduser(),
        batch_size=number(batch_size, "NEWS_WAREHOUSE_BATCH_SIZE", DEFAULT_BATCH_SIZE),
        max_file_bytes=number(max_file_bytes, "NEWS_WAREHOUSE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
        lock_wait_seconds=number(lock_wait_seconds, "NEWS_WAREHOUSE_LOCK_WAIT_SECONDS",
                                 DEFAULT_LOCK_WAIT_SECONDS, minimum=0),
        settle_seconds=number(settle_seconds, "NEWS_WAREHOUSE_SETTLE_SECONDS", DEFAULT_SETTLE_SECONDS, minimum=0),
        extract_processes=number(extract_processes, "NEWS_WAREHOUSE_EXTRACT_PROCESSES", DEFAULT_EXTRACT_PROCESSES),
    )
