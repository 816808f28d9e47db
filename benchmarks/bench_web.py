"""The web application under load: 20 signed-in clients at once, on the real server.

Issue 15's targets: with 20 concurrent signed-in clients on loopback, the regimes,
regime, plan and compare pages answer with p95 ≤ 100 ms and no errors, on SQLite
and on PostgreSQL; and ``inspectkit serve`` is ready to answer within 3 s of
starting.  A bounded load script: each client (its own session, its own
keep-alive connection) requests the four pages in turn ROUNDS times; every
latency is kept, and on Linux the CPU time the server's processes spent on those
requests (sign-ins, argon2 at a third of a second each, excluded).  The host's
load average and CPU pressure are recorded before and after each part: on a
shared machine they say how far a figure can be trusted.  PostgreSQL is
measured when ``INSPECTKIT_BENCH_POSTGRES_URL`` names a database its owner may
create databases beside.  Figures go to benchmarks/results/web.json.
"""

from __future__ import annotations

import http.client
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CLIENTS = 20
ROUNDS = 25
STARTS = 5
RESULTS = Path(__file__).with_name("results") / "web.json"
PAGES = {
    "regimes": "/regimes/",
    "regime": "/regimes/slac_2009/",
    "plan": "/plan/?regime=slac_2009&start=2012-06-11&region=ENG&locale=en_GB",
    "compare": "/compare/?start=2012-06-11",
}
READY = re.compile(r"inspectkit is ready at http://([\d.]+):(\d+)/")
PASSWORD = re.compile(r"sign in as (\S+) with password (\S+)")


def host_load() -> dict[str, object]:
    """The load average, and the share of time some task waited for a CPU (Linux)."""
    load: dict[str, object] = {"load_average": [round(x, 2) for x in os.getloadavg()]}
    try:
        some = Path("/proc/pressure/cpu").read_text(encoding="ascii").splitlines()[0]
    except (OSError, IndexError):
        return load
    load["cpu_pressure_avg10"] = float(some.split("avg10=")[1].split()[0])
    return load


def server_cpu_seconds(root: int) -> float | None:
    """CPU seconds used so far by process ``root`` and its children (Linux only)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    tree = {root}
    grown = True
    while grown:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        grown = bool(children)
        tree |= children
    return sum(used.get(pid, 0.0) for pid in tree)


@contextmanager
def serving(data: Path, database: str, *args: str) -> Iterator[tuple[float, int, list[str], int]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTKIT_")}
    env.update(INSPECTKIT_DATA_DIR=str(data), INSPECTKIT_DATABASE_URL=database)
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "inspectkit", "serve", "--port", "0", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    lines: list[str] = []
    try:
        for line in process.stdout:
            lines.append(line)
            found = READY.search(line)
            if found:
                yield time.perf_counter() - began, int(found.group(2)), lines, process.pid
                break
        else:
            raise SystemExit(f"serve did not start: {lines}")
    finally:
        process.terminate()
        process.wait(20)


def sign_in(port: int, username: str, password: str) -> tuple[http.client.HTTPConnection, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/sign-in/")
    page = connection.getresponse()
    html = page.read().decode()
    csrf = next(c for c in page.headers.get_all("Set-Cookie") or [] if c.startswith("csrftoken"))
    cookie = csrf.split(";", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token is not None
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password}
    )
    connection.request(
        "POST",
        "/sign-in/",
        body=body,
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    )
    signed = connection.getresponse()
    signed.read()
    assert signed.status == 302, signed.status
    session = next(c for c in signed.headers.get_all("Set-Cookie") or [] if "sessionid" in c)
    return connection, f"{cookie}; {session.split(';', 1)[0].strip()}"


def load(
    port: int, username: str, password: str, server: int, pages: dict[str, str] = PAGES
) -> dict[str, object]:
    sessions = [sign_in(port, username, password) for _ in range(CLIENTS)]
    for connection, cookie in sessions[:1]:  # warm: first render of each page
        for path in pages.values():
            connection.request("GET", path, headers={"Cookie": cookie})
            connection.getresponse().read()
    latencies: dict[str, list[float]] = {name: [] for name in pages}
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client(connection: http.client.HTTPConnection, cookie: str) -> None:
        start.wait()
        for _ in range(ROUNDS):
            for name, path in pages.items():
                began = time.perf_counter()
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                took = time.perf_counter() - began
                with lock:
                    latencies[name].append(took)
                    if response.status != 200:
                        errors.append(f"{name}: {response.status}")

    threads = [threading.Thread(target=client, args=s) for s in sessions]
    before = host_load()
    cpu_before = server_cpu_seconds(server)
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    cpu_after = server_cpu_seconds(server)
    total = sum(len(v) for v in latencies.values())
    cpu = None
    if cpu_before is not None and cpu_after is not None:
        cpu = round((cpu_after - cpu_before) / total * 1000, 2)
    return {
        "requests": total,
        "requests_per_second": round(total / elapsed, 1),
        "server_cpu_ms_per_request": cpu,
        "host_before": before,
        "host_after": host_load(),
        "errors": errors,
        "pages": {
            name: {
                "p50_ms": round(statistics.median(values) * 1000, 1),
                "p95_ms": round(statistics.quantiles(values, n=20)[18] * 1000, 1),
                "max_ms": round(max(values) * 1000, 1),
            }
            for name, values in latencies.items()
        },
    }


@contextmanager
def postgres_database(server: str) -> Iterator[str]:
    import psycopg

    name = f"inspectkit_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(urllib.parse.urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure(label: str, data: Path, database: str) -> dict[str, object]:
    started_at = host_load()
    with serving(data, database, "--demo") as (first, port, lines, server):
        found = next(PASSWORD.search(line) for line in lines if PASSWORD.search(line))
        assert found is not None
        username, password = found.group(1), found.group(2)
        figures = load(port, username, password, server)
    figures["host_before_first_start"] = started_at
    starts = []
    for _ in range(STARTS):
        with serving(data, database) as (ready, _port, _lines, _server):
            starts.append(ready)
    figures["first_start_with_demo_s"] = round(first, 2)
    figures["ready_s_median"] = round(statistics.median(starts), 2)
    figures["ready_s_max"] = round(max(starts), 2)
    print(label, json.dumps(figures, indent=2))
    return figures


def main() -> int:
    results: dict[str, object] = {
        "clients": CLIENTS,
        "rounds": ROUNDS,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_before": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory(prefix="inspectkit-bench-web-") as folder:
        data = Path(folder) / "sqlite"
        results["sqlite"] = measure("sqlite", data, f"sqlite:///{data / 'inspectkit.sqlite3'}")
        server = os.environ.get("INSPECTKIT_BENCH_POSTGRES_URL", "").strip()
        if server:
            with postgres_database(server) as database:
                results["postgresql"] = measure("postgresql", Path(folder) / "pg", database)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    bad = [
        f"{db} {page}: p95 {figures['p95_ms']} ms"
        for db in ("sqlite", "postgresql")
        if isinstance(results.get(db), dict)
        for page, figures in results[db]["pages"].items()  # type: ignore[index]
        if figures["p95_ms"] > 100
    ]
    print("\n".join(bad) or "every page's p95 within 100 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
