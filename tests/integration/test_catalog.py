"""The catalog (`sql/catalog.toml`) describes exactly the warehouse, its comments are in the
database, and the README's tables and CATALOG.md are what it generates."""

from warehouse.storage import catalog, db

COLUMNS = """select c.table_name, c.column_name, c.comment, v.view_name is not null as is_view
             from duckdb_columns() c left join duckdb_views() v on v.view_name = c.table_name
                 and v.database_name = c.database_name and v.schema_name = c.schema_name
             where c.database_name = current_database() and c.schema_name = 'main'
             order by c.table_name, c.column_index"""


def test_the_catalog_names_every_table_view_and_column_in_order_and_nothing_else(engine):
    entries = catalog.load_catalog()
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(COLUMNS).fetchall()
    found: dict[tuple[str, str], list[str]] = {}
    for table, column, _, is_view in rows:
        found.setdefault(("views" if is_view else "tables", table), []).append(column)
    described = {(section, name): list(entry["columns"]) for section in ("tables", "views")
                 for name, entry in entries[section].items()}
    assert sorted(set(found) - set(described)) == [], "add these to sql/catalog.toml"
    assert sorted(set(described) - set(found)) == [], "sql/catalog.toml describes relations that do not exist"
    for key, columns in found.items():
        assert described[key] == columns, f"{key}: catalog columns differ from the warehouse's (order too)"
    assert all(entry["about"] and entry["row"] for entry in entries["tables"].values())
    assert all(entry["answers"] and entry["example"] for entry in entries["views"].values())


def test_every_table_view_and_column_carries_its_comment_and_a_second_pass_writes_none(engine):
    wanted = catalog.wanted_comments()
    with engine.connect() as conn:
        columns = {(("view" if v else "table"), t, c): comment for t, c, comment, v in conn.exec_driver_sql(COLUMNS)}
        relations = dict(((k, n), c) for k, n, c in conn.exec_driver_sql(catalog._read("queries/relation_comments.sql")))
    for (kind, name, column), comment in wanted.items():
        have = columns[(kind, name, column)] if column else relations[(kind, name)]
        assert have == comment, (kind, name, column)
    with engine.begin() as conn:
        assert catalog.apply_comments(conn) == 0
    db.refresh_views(engine)   # views replaced: their comments come back
    with engine.connect() as conn:
        view_comment = dict(((k, n), c) for k, n, c in conn.exec_driver_sql(
            catalog._read("queries/relation_comments.sql")))[("view", "amounts_in_context")]
    assert view_comment == wanted[("view", "amounts_in_context", None)]


def test_the_readme_tables_and_catalog_md_are_generated_from_the_catalog():
    readme = catalog.README.read_text(encoding="utf-8")
    assert catalog.with_generated_blocks(readme) == readme, "run `make docs`"
    assert catalog.CATALOG_MARKDOWN.read_text(encoding="utf-8") == catalog.catalog_markdown() + "\n", "run `make docs`"
