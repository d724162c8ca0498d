"""Reading a warehouse file in tests, read-only, the way a reader process does."""

from warehouse.storage import db


def rows(db_path, sql) -> list[tuple]:
    engine = db.connect(db_path, read_only=True)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.exec_driver_sql(sql)]
    finally:
        engine.dispose()


def scalar(db_path, sql):
    [(value,)] = rows(db_path, sql)
    return value


def contents(db_path, queries: dict[str, str]) -> dict[str, list[tuple]]:
    """Each query's rows, sorted: what two warehouses are compared by."""
    return {name: sorted(rows(db_path, sql)) for name, sql in queries.items()}
