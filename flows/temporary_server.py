"""Prefect's temporary server for `run` and `reprocess`, started before anything else.

Without a configured server (PREFECT_API_URL), Prefect starts a temporary one at the flow's
first API call: it imports its whole server code in the command's process (3.8 s here), then
starts the server process and waits while it imports the same again and boots (5-6 s); the
flow begins 10-12 s after the command did. Here the same server process (what Prefect 3.8 runs:
`SubprocessASGIServer._run_uvicorn_command` in prefect/server/api/server.py: the API app, no UI,
no background services) is started first thing, before Prefect or spaCy is imported, so it
boots on one core while the command imports its modules and loads the model on the other.

This module imports nothing of Prefect's until the server is running: a profile or `.env` can
set PREFECT_API_URL too, which only Prefect's settings know, so `EarlyServer.api()` asks them
after the fact and stops the early server unused when one is configured. The server process
gets SIGTERM when the command's process dies, however it dies (Linux: PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import atexit
import ctypes
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_SECONDS = 0.1
STOP_SECONDS = 5   # Prefect's own: SIGTERM, then SIGKILL after 5 s


class ServerNotReady(Exception):
    """The temporary server did not come up: a one-line error for the user."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


_PR_SET_PDEATHSIG = 1   # linux/prctl.h


def _die_with_parent() -> None:
    # Runs in the child between fork and exec: SIGTERM when the command's process dies.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class EarlyServer:
    """A temporary Prefect server process on a free port, stopped when the command exits."""

    def __init__(self) -> None:
        self.port = free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        site_packages = Path(importlib.util.find_spec("prefect").origin).parent.parent
        environment = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                       "PREFECT__SERVER_FINAL": "1"}
        self.process: subprocess.Popen | None = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(site_packages), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=environment, preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        # At exit, not at the end of the `api()` block: Prefect's log and event workers send their
        # last items while the interpreter shuts down, before `atexit` runs (as Prefect's own
        # temporary server is stopped).
        atexit.register(self.stop)

    def wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not healthy(self.api_url):
            if self.process.poll() is not None:
                raise ServerNotReady(f"Prefect's temporary server exited with code {self.process.returncode} "
                                     f"(its errors are above); set PREFECT_API_URL to use a running server")
            if time.monotonic() > deadline:
                raise ServerNotReady(f"Prefect's temporary server did not answer within {timeout:.0f} s "
                                     f"(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")
            time.sleep(POLL_SECONDS)

    @contextmanager
    def api(self) -> Iterator[None]:
        """Prefect's settings for the block: this server's API, once it answers. If Prefect's own
        settings name a server (a profile, `.env`), that one, and this server is stopped."""
        from prefect.settings import (PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
                                      PREFECT_UI_URL, temporary_settings)

        if PREFECT_API_URL.value():
            self.stop()
            yield
            return
        self.wait_until_ready(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
        # No "View at <url>" line for each run: this server has no UI and stops with the command.
        with temporary_settings(updates={PREFECT_API_URL: self.api_url, PREFECT_UI_URL: ""}):
            yield

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def start_unless_configured() -> EarlyServer | None:
    """An early temporary server, unless the environment names a server (PREFECT_API_URL) or
    Prefect, already imported (a test harness, a script calling `main`), knows one."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    settings = sys.modules.get("prefect.settings")
    if settings is not None and settings.PREFECT_API_URL.value():
        return None
    return EarlyServer()


@contextmanager
def temporary_api(server: EarlyServer | None) -> Iterator[None]:
    """The block runs against `server` (from `start_unless_configured`), or the configured one."""
    if server is None:
        yield
        return
    with server.api():
        yield
