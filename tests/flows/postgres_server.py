"""A real PostgreSQL server for tests: Debian's `postgresql` (installed by `make test`), a new
cluster in a temporary folder, on a free loopback port, stopped and removed afterwards."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (Debian's `postgresql`; `make test` installs it)")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def postgres_database(name: str = "news_lake"):
    """Yields a libpq connection string for a new database `name` on a new server."""
    binaries = _bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="news-warehouse-pg-", dir="/tmp"))
    # PostgreSQL refuses to run as root: then the server runs as the `postgres` user.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        os.chown(folder, pwd.getpwnam("postgres").pw_uid, -1)
    port = _free_port()
    data = folder / "data"
    try:
        subprocess.run(as_user + [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "news"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run(as_user + [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                                  "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run(as_user + [str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "news", name],
                       check=True, capture_output=True, timeout=60)
        yield f"dbname={name} host=127.0.0.1 port={port} user=news"
    finally:
        if data.exists():
            subprocess.run(as_user + [str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                           capture_output=True, timeout=120)
        time.sleep(0.1)
        shutil.rmtree(folder, ignore_errors=True)
