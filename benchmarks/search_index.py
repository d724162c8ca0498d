"""Search index cost: our incremental index against DuckDB's `fts` extension, on one warehouse.

    .venv/bin/python benchmarks/search_index.py WAREHOUSE.duckdb          # ours (project venv)
    python benchmarks/search_index.py WAREHOUSE.duckdb --fts               # the extension

`--fts` needs a separate venv with `duckdb==1.5.5 duckdb-extension-fts==1.5.5 pyarrow` (the
extension's Python packages stop at 1.5.5; the project pins 1.5.6), e.g.
`python3.11 -m venv /tmp/fts && /tmp/fts/bin/pip install duckdb==1.5.5 duckdb-extension-fts==1.5.5 pyarrow`.
Both copy the warehouse's articles into a temporary file, build the index three times from nothing
and print the median, then say whether a reader without the extension can search (`--fts`).
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def ours(warehouse: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from warehouse.search import index
    from warehouse.storage import db

    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(3):
            copy = Path(folder) / "w.duckdb"
            shutil.copyfile(warehouse, copy)
            engine = db.connect(copy)
            db.prepare(engine)
            with engine.begin() as conn:
                for table in ("search_documents", "search_postings", "search_words"):
                    conn.exec_driver_sql(f"delete from {table}")
            started = time.perf_counter()
            count = index.index_pending_articles(engine)
            times.append(time.perf_counter() - started)
            engine.dispose()
            copy.unlink()
    print(f"ours: {count} articles indexed from nothing, median {statistics.median(times):.2f} s "
          f"({', '.join(f'{t:.2f}' for t in times)}); a run indexes only its new articles")


def fts(warehouse: Path) -> None:
    import duckdb
    import duckdb_extension_fts

    extension = glob.glob(os.path.join(os.path.dirname(duckdb_extension_fts.__file__), "extensions", "*",
                                       "fts.duckdb_extension"))[0]
    source = duckdb.connect(str(warehouse), read_only=True)
    rows = source.execute("select article_id, title, body from articles").arrow()
    source.close()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "fts.duckdb")
        con = duckdb.connect(path)
        con.execute(f"load '{extension}'")
        con.execute("create table articles as select * from rows")
        times = []
        for _ in range(3):
            started = time.perf_counter()
            con.execute("pragma create_fts_index('articles', 'article_id', 'title', 'body', "
                        "stemmer = 'spanish', strip_accents = 1, overwrite = 1)")
            times.append(time.perf_counter() - started)
        count = con.execute("select count(*) from articles").fetchone()[0]
        con.close()
        print(f"fts: {count} articles, create_fts_index (whole index, no incremental update) median "
              f"{statistics.median(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})")
        reader = duckdb.connect(path, read_only=True)
        try:
            reader.execute("select fts_main_articles.match_bm25(article_id, 'gas') from articles limit 1").fetchall()
            print("fts: a reader without the extension loaded can search")
        except duckdb.Error as error:
            print(f"fts: a reader without the extension loaded cannot search: {str(error).splitlines()[0][:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--fts", action="store_true", help="measure DuckDB's fts extension instead")
    args = parser.parse_args()
    (fts if args.fts else ours)(args.warehouse)


if __name__ == "__main__":
    main()
