"""The real ``inspectkit serve`` in a subprocess, on a free loopback port.

Tests that need the whole server (the production server, first start, the
browser tests) use :func:`start_server`; it returns once the server has
printed its address, with everything it printed before that.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from attrs import define

READY = re.compile(r"inspectkit is ready at (http://\S+/)")
PASSWORD = re.compile(r"sign in as (\S+) with password (\S+)")


@define
class Server:
    process: subprocess.Popen[str]
    url: str
    output: list[str]  # stdout lines so far (a thread keeps reading)
    errors: list[str]
    seconds_to_ready: float

    def first_admin(self) -> tuple[str, str]:
        for line in self.output:
            found = PASSWORD.search(line)
            if found:
                return found.group(1), found.group(2)
        raise AssertionError(f"no first-start password printed: {self.output}")


def serve_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTKIT_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["INSPECTKIT_DATA_DIR"] = str(data_dir)
    postgres = os.environ.get("INSPECTKIT_TEST_POSTGRES_URL")
    if postgres and "INSPECTKIT_DATABASE_URL" not in extra:
        env["INSPECTKIT_DATABASE_URL"] = postgres
    env.update(extra)
    return env


def run_inspectkit(
    args: Sequence[str], env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspectkit", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@contextmanager
def start_server(data_dir: Path, *args: str, timeout: float = 60, **env: str) -> Iterator[Server]:
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "inspectkit", "serve", "--port", "0", *args],
        env=serve_env(data_dir, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    output: list[str] = []
    errors: list[str] = []
    ready = threading.Event()
    found: list[str] = []

    def read_out() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line.rstrip("\n"))
            match = READY.search(line)
            if match and not found:
                found.append(match.group(1))
                ready.set()
        ready.set()

    def read_err() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            errors.append(line.rstrip("\n"))

    threads = [threading.Thread(target=f, daemon=True) for f in (read_out, read_err)]
    for thread in threads:
        thread.start()
    try:
        ready.wait(timeout)
        if not found:
            process.kill()
            process.wait(10)
            raise AssertionError(f"serve did not start: {output} {errors}")
        yield Server(process, found[0], output, errors, time.perf_counter() - began)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
