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


class SettingsError(ValueError):
    """A setting that cannot work (e.g. `NEWS_WAREHOUSE_BATCH_SIZE=abc`): a user error."""


def positive_int(text: str | int, name: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {text!r}") from None
    if value < 1:
        raise SettingsError(f"{name} must be at least 1, got {value}")
    return value


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

    def number(value: int | None, variable: str, default: int) -> int:
        if value is not None:
            return positive_int(value, variable.removeprefix("NEWS_WAREHOUSE_").lower())
        return positive_int(env.get(variable) or default, variable)

    return Settings(
        db_path=Path(db or env.get("NEWS_WAREHOUSE_DB") or DEFAULT_DB).expanduser(),
        inbox=Path(inbox or env.get("NEWS_WAREHOUSE_INBOX") or SAMPLE_INBOX).expanduser(),
        batch_size=number(batch_size, "NEWS_WAREHOUSE_BATCH_SIZE", DEFAULT_BATCH_SIZE),
        max_file_bytes=number(max_file_bytes, "NEWS_WAREHOUSE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
    )
