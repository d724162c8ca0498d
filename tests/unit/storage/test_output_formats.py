"""Query output formats: numbers stay numbers where exact, lists are JSON, never Python reprs."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warehouse.storage.output_formats import format_rows, json_value, write_parquet

COLUMNS = ["name", "value", "day", "sentences", "inferred"]
ROWS = [
    ("Rusia", Decimal("30000000000.000000"), date(2025, 11, 11), ["Putin y Tokáyev …", None], False),
    ("a,b", Decimal("15.500000"), None, [], True),
]


def test_json_is_one_array_with_numbers_as_numbers():
    parsed = json.loads(format_rows(COLUMNS, ROWS, "json"))
    assert parsed[0] == {"name": "Rusia", "value": 30000000000, "day": "2025-11-11",
                         "sentences": ["Putin y Tokáyev …", None], "inferred": False}
    assert parsed[1]["value"] == 15.5 and isinstance(parsed[1]["value"], float)
    assert json.loads(format_rows(COLUMNS, [], "json")) == []


def test_json_lines_have_one_object_a_line():
    lines = format_rows(COLUMNS, ROWS, "jsonl").splitlines()
    assert [json.loads(line)["name"] for line in lines] == ["Rusia", "a,b"]


def test_a_decimal_a_float_cannot_hold_stays_exact_text():
    exact = Decimal("0.1234567890123456789")
    assert json_value(exact) == "0.1234567890123456789"
    assert json_value(Decimal("0.1")) == 0.1 and json_value(Decimal("-7.000")) == -7
    assert json_value(float("nan")) == "nan"


def test_csv_writes_lists_as_json_arrays_and_quotes_commas():
    text = format_rows(COLUMNS, ROWS, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == COLUMNS
    assert rows[1][:3] == ["Rusia", "30000000000", "2025-11-11"]
    assert json.loads(rows[1][3]) == ["Putin y Tokáyev …", None] and rows[1][4] == "false"
    assert rows[2][:3] == ["a,b", "15.5", ""] and rows[2][3] == "[]"


def test_table_has_aligned_columns_and_row_count():
    lines = format_rows(COLUMNS, ROWS, "table").splitlines()
    assert lines[0].split() == COLUMNS and lines[-1] == "(2 rows)"
    assert "30000000000" in lines[2] and '["Putin y Tokáyev …", null]' in lines[2]


def test_table_cells_are_cut_at_the_width_asked():
    long = [("x" * 100, None, None, None, None)]
    assert "x" * 9 + "…" in format_rows(COLUMNS, long, "table", width=10)
    assert "x" * 100 in format_rows(COLUMNS, long, "table", width=0)


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        format_rows(COLUMNS, ROWS, "xml")


def test_parquet_keeps_types_and_honours_the_limit(tmp_path):
    table = pa.table({"n": pa.array(range(10)), "tags": pa.array([["a"]] * 10)})
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=3))
    assert write_parquet(reader, tmp_path / "out.parquet", limit=7) == 7
    back = pq.read_table(tmp_path / "out.parquet")
    assert back.num_rows == 7 and back.column("tags").to_pylist()[0] == ["a"]
    assert not list(tmp_path.glob(".*partial"))
