"""A council's case list uploaded, validated and sampled in the browser, against the CLI.

Issue 16's targets: for a 50,000-row list the sample is on screen within 2 s of the upload
finishing; a 1,000,000-row list takes no more than 2.5x ``inspectkit sample`` on the same
file.  On the real server (``inspectkit serve --demo``, SQLite), one signed-in client
posts the list to the demo cra_2010 inspection's sample page as the form does, replacing
its sample, and follows the redirect to the page that shows the new sample:

- ``after_upload_s``: from the last byte of the request sent to the sample page received
  (the server streams the file to disk, reads, validates, draws, hashes every row's
  reference and date of birth, stores, and renders the page);
- ``total_s``: the same from the first byte sent, to compare with the CLI;
- the CLI: ``inspectkit sample --regime cra_2010 --cases FILE`` as a fresh process, wall
  time (interpreter start included, as a user waits for it).

Runs interleave (web, CLI, web, CLI ...) so drifting load hits both alike; each is
repeated ``REPEAT`` times and the median kept.  Hashing alone (the keyed digests of every
row, ``inspectkit.documents.keyed``) is also timed in this process for 50,000 and
1,000,000 references.  Figures go to benchmarks/results/upload.json.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from bench_web import PASSWORD, host_load, serving, sign_in

ROWS = (50_000, 1_000_000)
REPEAT = 3
RESULTS = Path(__file__).with_name("results") / "upload.json"
REGIME = "cra_2010"


def fake_list(path: Path, rows: int, on: date) -> Path:
    subprocess.run(
        [sys.executable, "-m", "inspectkit", "caselist", "fake", "--rows", str(rows), "--seed",
         "16", "-o", str(path), "--on", on.isoformat()],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return path


def multipart(fields: dict[str, str], name: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="cases"; filename="{name}"\r\n'
        "Content-Type: text/csv\r\n\r\n".encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def web_draw(port: int, login: tuple[str, str], sample_url: str, path: Path) -> dict[str, float]:
    connection, cookie = sign_in(port, *login)
    connection.request("GET", sample_url, headers={"Cookie": cookie})
    page = connection.getresponse().read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    on = re.search(r'name="on" value="([\d-]+)"', page)
    assert token is not None and on is not None
    fields = {"csrfmiddlewaretoken": token.group(1), "mode": "strict", "seed": "42",
              "on": on.group(1), "replace": "on"}  # fmt: skip
    body, kind = multipart(fields, path.name, path.read_bytes())
    headers = {"Cookie": cookie, "Content-Type": kind, "Content-Length": str(len(body))}
    began = time.perf_counter()
    connection.request("POST", sample_url, body=body, headers=headers)
    sent = time.perf_counter()
    answer = connection.getresponse()
    answer.read()
    assert answer.status == 302, answer.status
    connection.request("GET", answer.headers["Location"], headers={"Cookie": cookie})
    shown = connection.getresponse().read().decode()
    done = time.perf_counter()
    assert f"{path.name} (" in shown and "cases read" in shown
    connection.close()
    return {"after_upload_s": done - sent, "total_s": done - began, "send_s": sent - began}


def cli_draw(path: Path, on: str, out: Path) -> float:
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "inspectkit", "sample", "--regime", REGIME, "--cases", str(path),
         "--seed", "42", "--on", on, "-o", str(out), "--force"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - began


def hashing(rows: int) -> float:
    from inspectkit.documents.keyed import KeyedIndexBuilder, new_key

    references = [f"FAKE-{n:07d}" for n in range(rows)]
    began = time.perf_counter()
    builder = KeyedIndexBuilder(new_key())
    for reference in references:
        builder.add_reference(reference)
    _packed = builder.packed_references
    return time.perf_counter() - began


def main() -> int:
    results: dict[str, object] = {"repeat": REPEAT, "host_before": host_load()}
    results["hashing_s"] = {str(rows): round(hashing(rows), 3) for rows in ROWS}
    with tempfile.TemporaryDirectory(prefix="inspectkit-bench-upload-") as folder:
        data = Path(folder) / "data"
        with serving(data, f"sqlite:///{data / 'inspectkit.sqlite3'}", "--demo") as (
            _first, port, lines, _pid,
        ):  # fmt: skip
            found = next(PASSWORD.search(line) for line in lines if PASSWORD.search(line))
            assert found is not None
            login = (found.group(1), found.group(2))
            connection, cookie = sign_in(port, *login)
            connection.request("GET", "/inspections/", headers={"Cookie": cookie})
            listing = connection.getresponse().read().decode()
            pk = re.search(rf'href="/inspections/(\d+)/">{REGIME}</a>', listing)
            assert pk is not None
            sample_url = f"/inspections/{pk.group(1)}/sample/"
            connection.request("GET", sample_url, headers={"Cookie": cookie})
            on = re.search(r'name="on" value="([\d-]+)"', connection.getresponse().read().decode())
            assert on is not None
            for rows in ROWS:
                day = date.fromisoformat(on.group(1))
                path = fake_list(Path(folder) / f"cases-{rows}.csv", rows, day)
                web, cli = [], []
                for _ in range(REPEAT):
                    web.append(web_draw(port, login, sample_url, path))
                    cli.append(cli_draw(path, on.group(1), Path(folder) / "sample.csv"))
                median = {k: statistics.median(w[k] for w in web) for k in web[0]}
                results[str(rows)] = {
                    "file_mb": round(path.stat().st_size / 1e6, 1),
                    "web_after_upload_s": round(median["after_upload_s"], 2),
                    "web_total_s": round(median["total_s"], 2),
                    "web_send_s": round(median["send_s"], 2),
                    "cli_s": round(statistics.median(cli), 2),
                    "ratio_web_total_to_cli": round(median["total_s"] / statistics.median(cli), 2),
                    "every_run": {"web": web, "cli": cli},
                }
                print(rows, json.dumps(results[str(rows)], indent=2), flush=True)
    results["host_after"] = host_load()
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    small, large = results[str(ROWS[0])], results[str(ROWS[1])]
    shown, ratio = small["web_after_upload_s"], large["ratio_web_total_to_cli"]  # type: ignore[index]
    print(f"50,000 rows: sample on screen {shown} s after the upload (target 2 s)")
    print(f"1,000,000 rows: {ratio}x the CLI (target 2.5x)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
