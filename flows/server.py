"""A Prefect server for `news-warehouse serve` when the user has not configured one.

Schedules need the server's scheduler service, and the temporary server Prefect starts on demand
runs none: `Runner.add_flow` warns "Cannot schedule flows on an ephemeral server; run `prefect
server start`" (prefect/runner/runner.py; PrefectHQ/examples#18) and no scheduled run ever
happens. So `serve` uses PREFECT_API_URL when set, and otherwise starts `prefect server start`
as a child process for as long as it serves, and stops it on exit.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

from flows.temporary_server import ServerNotReady, free_port, healthy

DEFAULT_PORT = 4200   # Prefect's own default, so the UI is where its docs say
STARTUP_TIMEOUT_SECONDS = 120


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def log_path() -> Path:
    return Path(PREFECT_HOME.value()).expanduser() / "news-warehouse-server.log"


@contextmanager
def prefect_api(*, port: int = DEFAULT_PORT,
                startup_timeout: float = STARTUP_TIMEOUT_SECONDS) -> Iterator[tuple[str, bool]]:
    """(API URL, started here): the configured server, or a local one started for the block."""
    configured = PREFECT_API_URL.value()
    if configured:
        yield configured, False
        return
    port = port if _port_is_free(port) else free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    log = log_path()
    log.parent.mkdir(parents=True, exist_ok=True)
    prefect = Path(sys.executable).with_name("prefect")
    with open(log, "ab") as output:
        server = subprocess.Popen(
            [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off"],
            stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + startup_timeout
        while not healthy(api_url):
            if server.poll() is not None:
                raise ServerNotReady(f"the Prefect server exited with code {server.returncode}: see {log}")
            if time.monotonic() > deadline:
                raise ServerNotReady(f"the Prefect server did not answer within {startup_timeout:.0f} s: see {log}")
            time.sleep(0.5)
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            yield api_url, True
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
