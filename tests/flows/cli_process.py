"""The `news-warehouse` command run as a user runs it: a real process."""

import os
import subprocess
import sys

from prefect.settings import PREFECT_API_URL

CLI = [sys.executable, "-m", "warehouse.cli"]


def cli_environment(env: dict | None = None) -> dict:
    # Point the process at this session's Prefect server instead of starting its own.
    return os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value() or ""} | (env or {})


def cli(*args, stdin=None, env=None):
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, text=True,
                          env=cli_environment(env), timeout=600)


def start_cli(*args, env=None) -> subprocess.Popen:
    """A command left running: its stdout and stderr (Prefect's log) merged, line by line."""
    return subprocess.Popen(CLI + list(args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=cli_environment(env))
