"""Settings from command-line arguments, then environment variables, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from warehouse.paths import SAMPLE_INBOX

DEFAULT_DB = "warehouse.duckdb"
DEFAULT_BATCH_SIZE = 64
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
DEFAULT_CRON = "*/15 * * * *"


@dataclass(frozen=True)
class Settings:
    db_path: Path
    inbox: Path
    batch_size: int = DEFAULT_BATCH_SIZE          # articles per extraction task
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES  # larger files are rejected, not read


def settings_from(db: str | None = None, inbox: str | None = None, batch_size: int | None = None,
                  max_file_bytes: int | None = None, env: dict[str, str] | None = None) -> Settings:
    """Arguments win over NEWS_WAREHOUSE_* variables, which win over the defaults."""
    env = os.environ if env is None else env
    return Settings(
        db_path=Path(db or env.get("NEWS_WAREHOUSE_DB") or DEFAULT_DB).expanduser(),
        inbox=Path(inbox or env.get("NEWS_WAREHOUSE_INBOX") or SAMPLE_INBOX).expanduser(),
        batch_size=batch_size or int(env.get("NEWS_WAREHOUSE_BATCH_SIZE") or DEFAULT_BATCH_SIZE),
        max_file_bytes=max_file_bytes or int(env.get("NEWS_WAREHOUSE_MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES),
    )
