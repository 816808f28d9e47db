"""The comparison's four outputs: terminal table, Markdown, one HTML page (in a real
browser), and a workbook — and the ``compare`` command that writes them."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tests.cli_run import run_main

from inspectkit.compare import Comparison
from inspectkit.compare.html import render_html
from inspectkit.compare.text import render_markdown, render_table
from inspectkit.compare.xlsx import SHEETS, write_xlsx

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


class _Collector(HTMLParser):
    """Tags, external references and scripts of a page, to prove it is self-contained."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []
        self.row_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith(("data:", "#")):
                self.external.append(value)
            if name == "id" and tag == "tr" and value:
                self.row_ids.append(value)


def test_terminal_table_shows_every_row(dated: Comparison) -> None:
    import io

    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(render_table(dated))
    text = console.export_text()
    for row in dated.rows:
        assert row.title in text
    assert "unannounced; no notice" in text


def test_markdown_has_the_table_details_and_crosswalk(dated: Comparison) -> None:
    text = render_markdown(dated)
    header = next(line for line in text.splitlines() if line.startswith("| Aspect"))
    assert header.count("|") == 5  # aspect + three regimes
    assert "| **Days on site** |" in text
    assert "## Crosswalk" in text
    assert "| cra_2010 | Site visit | days 2–3 |" in text
    # a pipe inside a value would break the table; every table line has the same cell count
    table = [line for line in text.splitlines() if line.startswith("| **")]
    assert table and all(re.sub(r"\\\|", "", line).count("|") == 5 for line in table)


def test_html_is_one_self_contained_page(dated: Comparison) -> None:
    page = render_html(dated)
    collector = _Collector()
    collector.feed(page)
    assert collector.external == []
    assert "script" not in collector.tags
    assert "svg" in collector.tags and "style" in collector.tags
    assert collector.row_ids == [f"row-{row.id}" for row in dated.rows]
    assert 'data-milestone="publication"' in page
    assert "&lt;" not in render_html(dated).split("<body>")[0]  # the head is not mangled


def test_html_escapes_values(dated: Comparison) -> None:
    import attrs

    evil = attrs.evolve(
        dated.rows[0],
        cells=(
            attrs.evolve(dated.rows[0].cells[0], text="<script>alert(1)</script> & co"),
            *dated.rows[0].cells[1:],
        ),
    )
    page = render_html(attrs.evolve(dated, rows=(evil, *dated.rows[1:])))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_xlsx_has_the_expected_sheets(dated: Comparison, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = write_xlsx(dated, tmp_path / "compare.xlsx")
    book = load_workbook(target)
    assert (
        tuple(book.sheetnames)
        == SHEETS
        == (
            "Comparison",
            "Timeline",
            "Information requested",
            "Crosswalk",
            "Sampling",
            "Sources",
        )
    )
    summary = book["Comparison"]
    assert summary.max_row == len(dated.rows) + 1
    aspects = [summary.cell(row=r, column=1).value for r in range(2, summary.max_row + 1)]
    assert aspects == [row.title for row in dated.rows]
    assert (
        summary.cell(row=1, column=5).value == "Contact, referral and assessment (2010) (cra_2010)"
    )
    assert book["Timeline"].max_row == len(dated.timeline) + 1
    assert book["Information requested"].max_row == len(dated.requests) + 1
    assert book["Crosswalk"].max_row == len(dated.links) + 1
    assert [p.name for p in tmp_path.iterdir()] == ["compare.xlsx"]  # no temporary left


def _chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@pytest.mark.needs_chromium
@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_html_loads_in_headless_chromium_without_console_errors(
    dated: Comparison, tmp_path: Path
) -> None:
    page = tmp_path / "compare.html"
    page.write_text(render_html(dated), encoding="utf-8")
    result = _chromium(page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert _console_lines(result.stderr) == []
    dom = result.stdout
    for row in dated.rows:
        assert f'id="row-{row.id}"' in dom
    assert "unannounced; no notice" in dom
    assert "<svg" in dom and 'data-milestone="site_visit"' in dom

    # the check above can fail: a page with a script error is caught the same way
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><p>x</p><script>no_such_function();</script>")
    bad = _chromium(broken.as_uri(), tmp_path / "profile2", "--dump-dom")
    assert any("Uncaught ReferenceError" in line for line in _console_lines(bad.stderr))


@pytest.mark.needs_chromium
@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_html_screenshot_renders(dated: Comparison, tmp_path: Path) -> None:
    page = tmp_path / "compare.html"
    page.write_text(render_html(dated), encoding="utf-8")
    shot = tmp_path / "shot.png"
    result = _chromium(
        page.as_uri(), tmp_path / "profile", f"--screenshot={shot}", "--window-size=1400,1800"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert _console_lines(result.stderr) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.needs_chromium
@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is missing")
def test_the_page_prints_on_a4_landscape(dated: Comparison, tmp_path: Path) -> None:
    """A policy team prints the comparison: the page's own @page rule makes it A4."""
    page = tmp_path / "compare.html"
    page.write_text(render_html(dated), encoding="utf-8")
    pdf = tmp_path / "compare.pdf"
    result = _chromium(
        page.as_uri(), tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    assert int(fields["Pages"]) >= 2  # every row of the comparison, over several pages
    width, height = (float(v) for v in fields["Page size"].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (842, 595), fields["Page size"]  # A4 landscape


def test_cli_writes_each_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ids = ("slac_2009", "cra_2010", "child_protection_2012")
    for name in ("c.md", "c.html", "c.xlsx"):
        status, out, err = run_main(
            capsys, "compare", *ids, "--start", "2011-10-17", "-o", str(tmp_path / name)
        )
        assert status == 0, err
        assert f"Wrote {tmp_path / name}" in out.replace("\n", "")
    assert (tmp_path / "c.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "16 November 2011" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_cli_table_and_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run_main(capsys, "compare", "cra_2010")
    assert status == 0 and "no notice" in out
    status, _, err = run_main(capsys, "compare", "no_such_regime")
    assert status == 2 and "unknown regime 'no_such_regime'" in err
    status, _, err = run_main(capsys, "compare", "--start", "32/10/2011")
    assert status == 2 and "expected YYYY-MM-DD" in err
    status, _, err = run_main(capsys, "compare", "--format", "xlsx")
    assert status == 2 and "needs -o" in err
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'title = "t"\nsource = "s"\n[[links]]\nleft = { regime = "cra_2010", area = "nope" }\n'
        'right = { regime = "slac_2009", area = "partnerships" }\nrelationship = "equal"\n'
        'source = "x"\n'
    )
    status, _, err = run_main(capsys, "compare", "--crosswalk", str(bad))
    assert status == 2
    assert err.count("inspectkit: error:") == 1
    assert "cra_2010 has no judgement area 'nope'" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "compare.pdf"], "compare.pdf: expected a compare file ending in one of .txt, .md"),
        (
            ["--format", "md", "-o", "compare.xlsx"],
            "compare.xlsx: a .xlsx file cannot hold --format md",
        ),
    ],
)
def test_an_output_file_must_be_what_its_extension_says(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _out, err = run_main(capsys, "compare", *args)
    assert status == 2
    assert message in err
    assert list(tmp_path.iterdir()) == []


def test_a_plain_table_can_be_written_to_a_text_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _out, _err = run_main(capsys, "compare", "-o", str(tmp_path / "compare.txt"))
    assert status == 0
    assert "cra_2010" in (tmp_path / "compare.txt").read_text()
