"""The warehouse's catalog (`sql/catalog.toml`): one description of every table, view and column,
and its two outputs, so the database and the docs cannot drift apart:

- `apply_comments`: `COMMENT ON` every table, view and column, run at the end of `db.prepare`
  and after views are refreshed (a `create or replace view` drops its comments); only comments that
  differ are written, so a run whose catalog did not change writes none;
- `readme_tables`, `readme_views`, `catalog_markdown`: the README's "Tables" and "Views" tables and
  CATALOG.md, written by `make docs` (`python -m warehouse.storage.catalog`) and checked by a test.
"""

from __future__ import annotations

import re
import sys
import tomllib
from functools import lru_cache
from pathlib import Path

from sqlalchemy.engine import Connection

from warehouse.paths import SQL_DIR

CATALOG_FILE = SQL_DIR / "catalog.toml"
PROJECT_ROOT = SQL_DIR.parent
README = PROJECT_ROOT / "README.md"
CATALOG_MARKDOWN = PROJECT_ROOT / "CATALOG.md"


@lru_cache(maxsize=1)
def load_catalog(path: Path = CATALOG_FILE) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def wanted_comments(catalog: dict | None = None) -> dict[tuple[str, str, str | None], str]:
    """(kind, relation, column or None) -> the comment it should carry."""
    catalog = catalog or load_catalog()
    wanted = {}
    for section, kind in (("tables", "table"), ("views", "view")):
        for name, entry in catalog[section].items():
            about = entry["about"]
            if kind == "view":
                about = f"{about} Answers: {entry['answers']}"
            wanted[(kind, name, None)] = about
            for column, meaning in entry["columns"].items():
                wanted[(kind, name, column)] = meaning
    return wanted


def apply_comments(conn: Connection, *, view_columns: bool = True) -> int:
    """Comment every table, view and column the catalog describes and the warehouse has, where the
    comment differs. Returns how many were written. `view_columns=False` leaves out the columns
    of views: a DuckLake cannot comment them ("Cannot comment on columns for entry … it is not
    a table"); CATALOG.md still describes them."""
    present = {}
    for kind, name, comment in conn.exec_driver_sql(_read("queries/relation_comments.sql")):
        present[(kind, name, None)] = comment
    for kind, name, column, comment in conn.exec_driver_sql(_read("queries/column_comments.sql")):
        present[(kind, name, column)] = comment
    written = 0
    for key, comment in wanted_comments().items():
        if key not in present or present[key] == comment:
            continue
        kind, name, column = key
        if column and kind == "view" and not view_columns:
            continue
        target = f'column "{name}"."{column}"' if column else f'{kind} "{name}"'
        conn.exec_driver_sql(f"comment on {target} is {_literal(comment)}")
        written += 1
    return written


def _read(relative: str) -> str:
    return (SQL_DIR / relative).read_text(encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def readme_tables(catalog: dict | None = None) -> str:
    catalog = catalog or load_catalog()
    lines = ["| table | one row per | columns (every one described in CATALOG.md and in the database) |",
             "| --- | --- | --- |"]
    for name, entry in catalog["tables"].items():
        columns = ", ".join(f"`{c}`" for c in entry["columns"])
        lines.append(f"| `{name}` | {_cell(entry['row'])} | {columns} |")
    return "\n".join(lines)


def readme_views(catalog: dict | None = None) -> str:
    catalog = catalog or load_catalog()
    lines = ["| view | answers | example |", "| --- | --- | --- |"]
    for name, entry in catalog["views"].items():
        note = f" ({entry['note']})" if entry.get("note") else ""
        lines.append(f"| `{name}` | {_cell(entry['answers'])} | `{_cell(entry['example'])}`{note} |")
    return "\n".join(lines)


def catalog_markdown(catalog: dict | None = None) -> str:
    catalog = catalog or load_catalog()
    out = ["# Catalog", "",
           "Every table, view and column of the warehouse. Generated from `sql/catalog.toml` by "
           "`make docs`: edit that file, not this one. The same text is each relation's and column's "
           "`COMMENT` in the database (`select table_name, column_name, comment from duckdb_columns()`).",
           "", "## Tables", ""]
    for name, entry in catalog["tables"].items():
        out += [f"### `{name}`", "", f"One row per {entry['row']}. {entry['about']}", "",
                "| column | meaning |", "| --- | --- |"]
        out += [f"| `{c}` | {_cell(m)} |" for c, m in entry["columns"].items()]
        out.append("")
    out += ["## Views", ""]
    for name, entry in catalog["views"].items():
        out += [f"### `{name}`", "", f"{entry['about']} Answers: {entry['answers']}", "",
                "```sql", entry["example"], "```", "", "| column | meaning |", "| --- | --- |"]
        out += [f"| `{c}` | {_cell(m)} |" for c, m in entry["columns"].items()]
        out.append("")
    return "\n".join(out)


_BLOCK = "<!-- catalog:{name} (generated from sql/catalog.toml by `make docs`) -->"
_END = "<!-- /catalog:{name} -->"


def with_generated_blocks(readme: str, catalog: dict | None = None) -> str:
    """The README with its generated blocks (`tables`, `views`) written from the catalog."""
    for name, render in (("tables", readme_tables), ("views", readme_views)):
        start, end = _BLOCK.format(name=name), _END.format(name=name)
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        if not pattern.search(readme):
            raise ValueError(f"README.md has no generated block {start!r} ... {end!r}")
        readme = pattern.sub(lambda _: f"{start}\n{render(catalog)}\n{end}", readme)
    return readme


def write_docs() -> list[Path]:
    """Write the README's generated blocks and CATALOG.md; returns the files changed."""
    changed = []
    for path, text in ((README, with_generated_blocks(README.read_text(encoding="utf-8"))),
                       (CATALOG_MARKDOWN, catalog_markdown() + "\n")):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":
    for path in write_docs():
        print(f"wrote {path.relative_to(PROJECT_ROOT)}", file=sys.stderr)
