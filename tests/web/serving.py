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
    """The environment of a user running inspectkit with ``data_dir`` as the data folder
    (and so its SQLite database, unless ``extra`` names another)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTKIT_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["INSPECTKIT_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


@contextmanager
def fresh_database(data_dir: Path) -> Iterator[str]:
    """A database nobody has used: SQLite in ``data_dir``, or with
    ``INSPECTKIT_TEST_POSTGRES_URL`` set, a new PostgreSQL database dropped afterwards."""
    server = os.environ.get("INSPECTKIT_TEST_POSTGRES_URL", "").strip()
    if not server:
        yield f"sqlite:///{data_dir / 'inspectkit.sqlite3'}"
        return
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    name = f"inspectkit_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
def start_server(
    data_dir: Path, *args: str, database: str = "", timeout: float = 60, **env: str
) -> Iterator[Server]:
    """``inspectkit serve --port 0 ARGS`` on ``database`` (default: the data folder's)."""
    if database:
        env["INSPECTKIT_DATABASE_URL"] = database
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


def query_one(database: str, sql: str, *params: object) -> tuple[object, ...]:
    """One row from ``database`` (SQLite or PostgreSQL), read as another program would."""
    if database.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(database.removeprefix("sqlite:///")) as connection:
            row = connection.execute(sql.replace("%s", "?"), params).fetchone()
    else:
        import psycopg

        with psycopg.connect(database) as connection:
            row = connection.execute(sql, params).fetchone()  # type: ignore[arg-type]
    assert row is not None, sql
    return tuple(row)
