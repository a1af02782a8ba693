"""`validate serve` as a real process on a free port, for the end-to-end and browser tests."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

VALIDATE = str(Path(sys.executable).with_name("validate"))


class ServerProcess:
    """Starts `validate serve --port 0 ...` and learns its address from what it prints."""

    def __init__(self, *args: str, env: dict[str, str] | None = None,
                 cwd: Path | None = None, startup: float = 60.0) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [VALIDATE, "serve", "--port", "0", *args], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=cwd,
            env={**os.environ, **(env or {})})
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = self._wait_for_url(startup)

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.output.append(line)
            self.lines.put(line)
        self.lines.put("")

    def _wait_for_url(self, seconds: float) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if not line:
                break
            if "http://" in line:
                return line.split("http://", 1)[1].split()[0].rstrip(".,)")
        self.stop()
        raise RuntimeError("validate serve did not start:\n" + "".join(self.output))

    @property
    def base(self) -> str:
        return f"http://{self.url}"

    def children(self) -> list[int]:
        """The server's child processes (its workers), from /proc."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def stop(self, seconds: float = 30.0) -> int:
        """SIGTERM, as a service manager stops it; its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(seconds)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
