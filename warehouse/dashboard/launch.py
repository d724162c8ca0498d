"""`news-warehouse dashboard`: Streamlit serving `app.py` on this machine only by default, offline
and without usage statistics, reading the warehouse named by --db like every other command."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from pathlib import Path

from warehouse.config import Lake, settings_from
from warehouse.storage import snapshots

APP = Path(__file__).with_name("app.py")
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8501


class DashboardError(Exception):
    """The dashboard cannot start as asked (a port in use, an address that is not this machine's)."""


def streamlit_command(host: str, port: int) -> list[str]:
    """The `streamlit run` command line. Every option that would reach the internet is off:
    usage statistics, and the browser Streamlit would open (the banner says where to point one)."""
    options = {
        "server.address": host,
        "server.port": str(port),
        "server.headless": "true",             # no browser opened, no e-mail prompt
        "browser.gatherUsageStats": "false",   # no telemetry
        "server.fileWatcherType": "none",      # the code does not change under a running desk
        "server.runOnSave": "false",
        "global.developmentMode": "false",
        "client.toolbarMode": "viewer",        # no "deploy" button (it links to Streamlit's cloud)
        "theme.base": "light",
    }
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            *[part for name, value in options.items() for part in (f"--{name}", value)]]


def check_port(host: str, port: int) -> None:
    """Fail in one line before Streamlit starts: it would print a traceback, or pick another port."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except socket.gaierror as error:
        raise DashboardError(f"cannot listen on {host!r}: not an address of this machine ({error.strerror})") from error
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise DashboardError(f"port {port} on {host} is in use (another dashboard?): give --port N") from error
        raise DashboardError(f"cannot listen on {host}:{port}: {error.strerror}") from error


def cmd_dashboard(args: argparse.Namespace) -> int:
    settings = settings_from(db=args.db)
    check_port(args.host, args.port)
    where = settings.db_path
    reads = where if isinstance(where, Lake) else snapshots.snapshot_path(where)
    url_host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"news-warehouse: dashboard on http://{url_host}:{args.port} reading {reads}"
          + ("" if isinstance(where, Lake) or Path(reads).exists() else " (not published yet: `news-warehouse run`)"),
          file=sys.stderr, flush=True)
    print("news-warehouse: it shows each state a run publishes within seconds; Ctrl-C stops it",
          file=sys.stderr, flush=True)
    environment = dict(os.environ, NEWS_WAREHOUSE_DB=where.location if isinstance(where, Lake) else str(where))
    # Streamlit replaces this process: Ctrl-C and SIGTERM reach it directly.
    os.execve(sys.executable, streamlit_command(args.host, args.port), environment)
    return 0   # not reached
