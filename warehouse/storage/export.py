"""`news-warehouse export`: every table and view of the published snapshot as Parquet files in a
folder, with `manifest.json` saying what each file holds (rows, columns, types, comments,
SHA-256) and what the export was taken from (schema version, last run), so a user of another tool
(pandas, Spark, R, a BI tool) gets the warehouse without DuckDB.

The files are written into a hidden folder beside the target and moved in whole by renames: a
reader of the target finds the previous export or the new one, never a mix of the two; an
interrupted export leaves the previous one.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import Engine

from warehouse import __version__
from warehouse.storage.db import WarehouseError, execute_file
from warehouse.storage.output_formats import json_value, write_parquet

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Exported:
    name: str
    kind: str      # table | view
    rows: int
    file: str


def export_parquet(engine: Engine, target: Path, *, source: Path, only: list[str] | None = None,
                   replace: bool = False, progress: Callable[[Exported], None] | None = None) -> list[Exported]:
    """Write the relations (all, or those named in `only`) to `target/<name>.parquet` and the
    manifest. `target` must not exist, be empty, or (with `replace`) hold an earlier export."""
    _check_target(target, replace)
    staging = target.with_name(f".{target.name}.export-partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    done: list[Exported] = []
    relations: list[dict] = []
    try:
        with engine.connect() as conn:
            available = [tuple(row) for row in execute_file(conn, "queries/relations.sql")]
            chosen = _chosen(available, only)
            raw = conn.connection.driver_connection
            for name, kind in chosen:
                file_name = f"{name}.parquet"
                # `name` comes from the catalog (information_schema), never from the user.
                rows = write_parquet(raw.execute(f'select * from "{name}"').fetch_record_batch(), staging / file_name)
                columns = [{"name": c, "type": t, "comment": comment}
                           for c, t, comment in execute_file(conn, "queries/relation_columns.sql", (name,))]
                relations.append({"name": name, "kind": kind, "file": file_name, "rows": rows,
                                  "bytes": (staging / file_name).stat().st_size,
                                  "sha256": _sha256(staging / file_name), "columns": columns})
                done.append(Exported(name, kind, rows, file_name))
                if progress is not None:
                    progress(done[-1])
            provenance = execute_file(conn, "queries/export_provenance.sql").mappings().one()
        manifest = {
            "format": "parquet",
            "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "exported_by": f"news-warehouse {__version__}",
            "source": str(source),
            "schema_version": provenance["schema_version"],
            "last_run": {key: _utc(provenance[key]) for key in ("run_id", "kind", "finished_at", "extractor_version")},
            "relations": relations,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return done


def _utc(value):
    """Timestamps are stored as UTC without a zone (migration 025): say so in the manifest."""
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc).isoformat()
    return json_value(value)


def _check_target(target: Path, replace: bool) -> None:
    if not target.parent.is_dir():
        raise WarehouseError(f"cannot export to {target}: directory {target.parent} does not exist")
    if target.exists() and not target.is_dir():
        raise WarehouseError(f"cannot export to {target}: it is a file, expected a folder")
    if target.is_dir() and any(target.iterdir()):
        if not (target / MANIFEST).exists():
            raise WarehouseError(f"{target} is not empty and holds no earlier export: choose an empty or new folder")
        if not replace:
            raise WarehouseError(f"{target} holds an earlier export: --replace to replace it")


def _chosen(available: list[tuple[str, str]], only: list[str] | None) -> list[tuple[str, str]]:
    if not only:
        return available
    by_name = {name.lower(): (name, kind) for name, kind in available}
    unknown = [name for name in only if name.lower() not in by_name]
    if unknown:
        raise WarehouseError(f"no table or view named {', '.join(map(repr, unknown))} (see README, 'Tables' and 'Views')")
    return [by_name[name.lower()] for name in dict.fromkeys(only)]


def _swap_in(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` with renames only (same file system)."""
    if not target.exists():
        staging.rename(target)
        return
    old = target.with_name(f".{target.name}.export-old")
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
