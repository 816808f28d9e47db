"""The findings page of a 60-finding inspection under 20 concurrent signed-in clients.

Issue 16's targets: the findings page answers with p95 <= 150 ms, and a check-panel
update (the page's htmx post of the draft, which runs every check ``inspectkit check``
runs, rendering the documents) with p95 <= 200 ms.  On the real server (``inspectkit
serve --demo``, SQLite) the demo cra_2010 inspection is given 60 findings (the demo's
own, repeated with their text numbered) straight in the database; 20 clients, each
with its own session and keep-alive connection, then request the page ``PAGE_ROUNDS``
times each, and afterwards post the form exactly as the browser would (every field
the page holds, read from its HTML) ``PANEL_ROUNDS`` times each.  Figures go to
benchmarks/results/findings.json.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from bench_web import CLIENTS, PASSWORD, host_load, server_cpu_seconds, serving, sign_in

FINDINGS = 60
PAGE_ROUNDS = 10
PANEL_ROUNDS = 3
ALONE_ROUNDS = 30
RESULTS = Path(__file__).with_name("results") / "findings.json"

SIXTY = """
import sys
from inspectkit.web.setup import configure
configure(sys.argv[1])
from inspectkit.web.models import Inspection
record = Inspection.objects.get(name="cra_2010")
base = record.findings
record.findings = [
    {**base[i % len(base)], "text": f"{base[i % len(base)]['text']} ({i + 1})"}
    for i in range(int(sys.argv[2]))
]
record.save()
print(record.pk)
"""


class FormFields(HTMLParser):
    """The fields a browser would post from the page's first form with a version field."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = {k: v or "" for k, v in attrs}
        name = at.get("name", "")
        if tag == "input" and name:
            if at.get("type") in ("checkbox", "radio") and "checked" not in at:
                return
            if at.get("type") not in ("submit", "button", "file"):
                self.fields.append((name, at.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in at:
            self.fields.append((self._select, at.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None


def concurrently(
    sessions: list[tuple[object, str]], rounds: int, request: Callable[[object, str], int]
) -> dict[str, object]:
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(len(sessions))

    def client(connection: object, cookie: str) -> None:
        start.wait()
        for _ in range(rounds):
            began = time.perf_counter()
            status = request(connection, cookie)
            took = time.perf_counter() - began
            with lock:
                latencies.append(took)
                if status != 200:
                    errors.append(status)

    threads = [threading.Thread(target=client, args=s) for s in sessions]
    before = host_load()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "requests": len(latencies),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(statistics.quantiles(latencies, n=20)[18] * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "errors": errors,
        "host_before": before,
        "host_after": host_load(),
    }


def alone(
    server: int, session: tuple[object, str], rounds: int, request: Callable[[object, str], int]
) -> dict[str, float | None]:
    """Median latency and the server's CPU a request, one client, one request at a time."""
    latencies = []
    cpu = server_cpu_seconds(server)
    for _ in range(rounds):
        began = time.perf_counter()
        assert request(*session) == 200
        latencies.append(time.perf_counter() - began)
    after = server_cpu_seconds(server)
    used = None if cpu is None or after is None else round((after - cpu) / rounds * 1000, 1)
    return {"median_ms": round(statistics.median(latencies) * 1000, 1), "server_cpu_ms": used}


def main() -> int:
    results: dict[str, object] = {"clients": CLIENTS, "findings": FINDINGS}
    with tempfile.TemporaryDirectory(prefix="inspectkit-bench-findings-") as folder:
        data = Path(folder) / "data"
        database = f"sqlite:///{data / 'inspectkit.sqlite3'}"
        with serving(data, database, "--demo") as (_first, port, lines, server):
            env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTKIT_")}
            env["INSPECTKIT_DATA_DIR"] = str(data)
            made = subprocess.run(
                [sys.executable, "-c", SIXTY, database, str(FINDINGS)],
                env=env, check=True, capture_output=True, text=True,
            )  # fmt: skip
            pk = made.stdout.strip().splitlines()[-1]
            page_url = f"/inspections/{pk}/findings/"
            panel_url = f"{page_url}check/"
            found = next(PASSWORD.search(line) for line in lines if PASSWORD.search(line))
            assert found is not None
            sessions = [sign_in(port, found.group(1), found.group(2)) for _ in range(CLIENTS)]
            bodies = {}  # each session's own form (its CSRF token is the session's)
            for connection, cookie in sessions:
                connection.request("GET", page_url, headers={"Cookie": cookie})
                page = connection.getresponse().read().decode()
                assert page.count("-text") >= FINDINGS, "the page does not hold 60 findings"
                form = FormFields()
                form.feed(page[page.index("<main") :])
                bodies[cookie] = urllib.parse.urlencode(form.fields)

            def get_page(connection: object, cookie: str) -> int:
                connection.request("GET", page_url, headers={"Cookie": cookie})  # type: ignore[attr-defined]
                response = connection.getresponse()  # type: ignore[attr-defined]
                response.read()
                return int(response.status)

            def post_panel(connection: object, cookie: str) -> int:
                headers = {
                    "Cookie": cookie,
                    "Content-Type": "application/x-www-form-urlencoded",
                    "HX-Request": "true",
                    "Referer": f"http://127.0.0.1:{port}{page_url}",
                }
                connection.request("POST", panel_url, body=bodies[cookie], headers=headers)  # type: ignore[attr-defined]
                response = connection.getresponse()  # type: ignore[attr-defined]
                text = response.read().decode()
                assert response.status != 200 or '<section id="checks"' in text, text[:300]
                return int(response.status)

            assert post_panel(*sessions[0]) == 200  # warm both
            # one client alone first: the time a request takes with nobody waiting, which
            # twenty clients on two cores multiply by about ten before any contention
            results["one_client"] = {
                "findings_page": alone(server, sessions[0], ALONE_ROUNDS, get_page),
                "check_panel": alone(server, sessions[0], ALONE_ROUNDS, post_panel),
            }
            cpu = server_cpu_seconds(server)
            results["findings_page"] = concurrently(sessions, PAGE_ROUNDS, get_page)
            results["check_panel"] = concurrently(sessions, PANEL_ROUNDS, post_panel)
            after = server_cpu_seconds(server)
            if cpu is not None and after is not None:
                results["server_cpu_s"] = round(after - cpu, 1)
    print(json.dumps(results, indent=2))
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
