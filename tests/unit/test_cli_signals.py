"""How the command tells a SIGTERM from a failure, whatever shape DuckDB gives the interruption."""

from __future__ import annotations

import signal

import duckdb
import pyarrow as pa
import pytest

from warehouse import cli


class TerminationSignal(BaseException):
    """Stands for Prefect's exception of that name (what its SIGTERM handler raises in a flow run)."""


def interrupted_arrow_scan() -> BaseException:
    """The error DuckDB gives when a signal handler raises while it scans a registered Arrow table
    (tried at a few delays: a signal that lands between queries raises no DuckDB error)."""
    def raise_termination(signum, frame):
        raise TerminationSignal()

    previous = signal.signal(signal.SIGALRM, raise_termination)
    con = duckdb.connect()
    con.register("big", pa.table({"x": pa.array(range(20_000_000))}))
    try:
        for delay in (0.02, 0.05, 0.1, 0.2):
            try:
                signal.setitimer(signal.ITIMER_REAL, delay)
                for _ in range(50):
                    con.execute("select sum(x % 7) from big where x % 3 = 1").fetchall()
            except BaseException as error:   # noqa: B036 - the very thing under test
                return error
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
        con.close()
    pytest.fail("no query was interrupted")


def test_a_termination_inside_a_duckdb_query_counts_as_sigterm():
    error = interrupted_arrow_scan()
    assert cli._terminated(error), repr(error)


def test_sigterm_shapes_and_a_real_failure():
    assert cli._terminated(cli.Terminated())
    try:
        try:
            raise TerminationSignal()
        except TerminationSignal as signalled:
            raise RuntimeError("Query interrupted") from signalled
    except RuntimeError as error:
        assert cli._terminated(error)
    # Seen in a full test run: SIGTERM during a load's Arrow insert came back as this text only.
    assert cli._terminated(duckdb.Error("TerminationSignal: <EMPTY MESSAGE>\n\nAt: ..."))
    assert not cli._terminated(duckdb.CatalogException("Catalog Error: Table with name x does not exist!"))
    assert not cli._terminated(RuntimeError("Terminated early by the user's query"))
