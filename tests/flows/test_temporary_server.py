"""`run` without a configured Prefect server: its own temporary server, started first, gone after.

Real processes: the command, the server it starts (uvicorn running Prefect's API), a fresh
PREFECT_HOME (Prefect makes its database on the first run: 12-26 s here).
"""

import os
import signal
import subprocess
import time

import psutil
import pytest

from flows.temporary_server import EarlyServer, start_unless_configured
from tests.flows.cli_process import CLI


@pytest.fixture(scope="module")
def unconfigured_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    return os.environ | {"PREFECT_API_URL": "", "PREFECT_HOME": str(home),
                         "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def servers_of(process: psutil.Process) -> list[psutil.Process]:
    try:
        return [child for child in process.children(recursive=True) if "uvicorn" in " ".join(child.cmdline())]
    except psutil.Error:
        return []


def run_watching_servers(args, env) -> tuple[subprocess.CompletedProcess, list[psutil.Process]]:
    process = subprocess.Popen(CLI + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    watched, seen = psutil.Process(process.pid), {}
    while process.poll() is None:
        seen |= {server.pid: server for server in servers_of(watched)}
        time.sleep(0.1)
    output = process.stdout.read()
    return subprocess.CompletedProcess(args, process.returncode, output, ""), list(seen.values())


def test_a_run_without_a_server_starts_its_own_and_stops_it(unconfigured_env, sample_inbox, tmp_path):
    done, servers = run_watching_servers(["run", "--inbox", str(sample_inbox), "--db", str(tmp_path / "w.duckdb")],
                                         unconfigured_env)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "articles loaded 2" in done.stdout
    assert len(servers) == 1   # ours; Prefect did not start a second one
    assert "View at http" not in done.stdout   # no link to a server without UI that is gone
    assert not any(server.is_running() and server.status() != psutil.STATUS_ZOMBIE for server in servers)


def test_a_killed_run_takes_its_server_with_it(unconfigured_env, sample_inbox, tmp_path):
    process = subprocess.Popen(CLI + ["run", "--inbox", str(sample_inbox), "--db", str(tmp_path / "w.duckdb")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=unconfigured_env)
    watched = psutil.Process(process.pid)
    deadline = time.monotonic() + 60
    while not (servers := servers_of(watched)):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)   # no atexit, no finally: only the kernel can tell the server
    process.wait()
    gone, alive = psutil.wait_procs(servers, timeout=20)
    assert not alive


def test_a_server_prefect_knows_of_is_used_and_the_early_one_stopped():
    # The session's test server is configured in Prefect's settings only (not the environment),
    # as a profile or `.env` would configure one.
    assert not os.environ.get("PREFECT_API_URL")
    assert start_unless_configured() is None
    early = EarlyServer()
    server_process = psutil.Process(early.process.pid)
    with early.api():
        assert early.process is None
    server_process.wait(timeout=20)
