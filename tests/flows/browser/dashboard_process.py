"""`news-warehouse dashboard` as a user starts it: a real process on a free loopback port,
ready once Streamlit's health endpoint answers, stopped with SIGTERM (then killed) at the end."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from cli_process import CLI, cli_environment

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def health(url: str, timeout: float = 5) -> str:
    """The body of `/_stcore/health` (`ok`); raises OSError when nothing answers."""
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as response:
        return response.read().decode()


class Dashboard:
    """One `news-warehouse dashboard --db DB --port P`, its output in `log`."""

    def __init__(self, db_path: Path, log: Path):
        self.db_path, self.log = db_path, log
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.visited = False   # a browser has opened a page of it (set by the `browser` fixture)

    def start(self, timeout: float = 90) -> Dashboard:
        # A free port can be taken between the probe and Streamlit's bind: the command then says
        # so in one line and exits, and another port is tried.
        for _ in range(3):
            port = free_port()
            self.url = f"http://{HOST}:{port}"
            with open(self.log, "a", encoding="utf-8") as log:
                self.process = subprocess.Popen(CLI + ["dashboard", "--db", str(self.db_path), "--port", str(port)],
                                                stdout=log, stderr=subprocess.STDOUT, env=cli_environment())
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    if health(self.url, timeout=2) == "ok":
                        return self
                except OSError:
                    pass
                time.sleep(0.1)
            if self.process.poll() is None:
                self.stop()
                raise AssertionError(f"the dashboard did not answer {self.url}/_stcore/health in {timeout:.0f} s:\n"
                                     + self.output())
            if "is in use" not in self.output():
                break
        raise AssertionError(f"the dashboard exited with {self.process.returncode}:\n{self.output()}")

    def restart(self) -> Dashboard:
        """Stopped and started again (on another port): a dashboard no browser has visited yet."""
        self.stop()
        self.visited = False
        return self.start()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def stop(self) -> int | None:
        """SIGTERM, then SIGKILL if it is still there after 15 s; its exit code."""
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError("the dashboard ignored SIGTERM for 15 s and was killed")
