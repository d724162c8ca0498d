"""`news-warehouse dashboard`: the Streamlit command line, and the checks before it starts."""

import socket
import subprocess
import sys

import pytest

from warehouse.dashboard.launch import APP, DashboardError, check_port, streamlit_command


def test_streamlit_runs_the_app_on_the_address_asked_without_telemetry_or_a_browser():
    command = streamlit_command("127.0.0.1", 8600)
    assert command[:5] == [sys.executable, "-m", "streamlit", "run", str(APP)] and APP.is_file()
    options = dict(zip(command[5::2], command[6::2]))
    assert options["--server.address"] == "127.0.0.1" and options["--server.port"] == "8600"
    assert options["--browser.gatherUsageStats"] == "false" and options["--server.headless"] == "true"


def test_a_port_in_use_is_refused_in_one_line():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(DashboardError, match=f"port {port} on 127.0.0.1 is in use"):
            check_port("127.0.0.1", port)


def test_an_address_that_is_not_this_machines_is_refused():
    with pytest.raises(DashboardError, match="cannot listen on"):
        check_port("192.0.2.1", 8501)   # TEST-NET-1: never an address of this machine


def test_the_command_says_so_and_exits_2_when_the_port_is_taken(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "warehouse.cli", "dashboard", "--port", str(port),
                                 "--db", str(tmp_path / "w.duckdb")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.strip().splitlines() == [
        f"news-warehouse: error: port {port} on 127.0.0.1 is in use (another dashboard?): give --port N"]
