"""Query output formats."""

import json
from datetime import date
from decimal import Decimal

import pytest

from warehouse.storage.reports import format_rows

COLUMNS = ["name", "value", "day"]
ROWS = [("Rusia", Decimal("30000000000.000000"), date(2025, 11, 11)), ("a,b", Decimal("15.500000"), None)]


def test_json_lines_keep_exact_decimals_as_strings():
    lines = [json.loads(x) for x in format_rows(COLUMNS, ROWS, "json").splitlines()]
    assert lines[0] == {"name": "Rusia", "value": "30000000000", "day": "2025-11-11"}
    assert lines[1]["value"] == "15.5"


def test_csv_has_header_and_quotes_commas():
    assert format_rows(COLUMNS, ROWS, "csv").splitlines() == [
        "name,value,day", "Rusia,30000000000,2025-11-11", '"a,b",15.5,']


def test_table_has_aligned_columns_and_row_count():
    lines = format_rows(COLUMNS, ROWS, "table").splitlines()
    assert lines[0].split() == COLUMNS and lines[-1] == "(2 rows)"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        format_rows(COLUMNS, ROWS, "xml")
