"""Templates are untrusted code: every render stops within its time, memory and output limits.

The payloads are the ones a review found exhausting the machine (18.9 GB, 6.2 GB, a CPU
spinning for ever) or failing as "internal error"; each must now end within its limit
with one line naming the template file and the limit, and write nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.cli_run import run_main
from tests.documents.conftest import DEVELOPMENT, SATISFACTORY, STRENGTH, docx_with, render_under

from inspectkit.documents.bounded import RenderLimitExceeded, RenderLimits, run_bounded
from inspectkit.documents.render import render_bytes
from inspectkit.errors import InputError

SMALL = RenderLimits(seconds=5, memory_mib=256, output_chars=2_000_000)


def bounded(template: Path, limits: RenderLimits = SMALL) -> bytes:
    return render_under(template, limits)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("{{ 'x' * 10**10 }}", "a repetition would make 10,000,000,000 items"),
        ("{{ [1, 2] * 10**9 }}", "a repetition would make 2,000,000,000 items"),
        ("{{ 9**(9**9) }}", "a power would make a number of about"),
        ("{% for i in range(10**9) %}x{% endfor %}", "Range too big"),
        ("{% include '/etc/passwd' %}", "may not include, import or extend another template"),
        ("{% import 'macros.xml' as m %}", "may not include, import or extend another template"),
        ("{{ ''.__class__.__mro__ }}", "unsafe"),
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
    ],
)
def test_a_refused_payload_is_one_line_naming_the_template(tmp_path, payload, expected):
    template = docx_with(tmp_path / "letter.docx", payload)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        bounded(template)
    assert time.monotonic() - started < SMALL.seconds
    [line] = caught.value.problems
    assert line.startswith(f"{template}: ")
    assert expected in line


def test_nested_loops_stop_at_the_output_limit(tmp_path):
    payload = "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"
    template = docx_with(tmp_path / "letter.docx", payload)
    with pytest.raises(InputError) as caught:
        bounded(template)
    [line] = caught.value.problems
    assert line.startswith(f"{template}: ")
    assert "2,000,000 characters, the render output limit (INSPECTKIT_RENDER_OUTPUT_CHARS)" in line


def test_a_render_that_runs_too_long_is_stopped_at_the_time_limit(tmp_path):
    # Each line is small and under every size limit; only the clock stops it.
    payload = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    template = docx_with(tmp_path / "letter.docx", payload)
    limits = RenderLimits(seconds=1.5, memory_mib=256, output_chars=2_000_000)
    started = time.monotonic()
    with pytest.raises(RenderLimitExceeded) as caught:
        bounded(template, limits)
    assert time.monotonic() - started < 5
    assert caught.value.problems == [
        f"{template}: stopped after 1.5 s, the render time limit (INSPECTKIT_RENDER_SECONDS)"
    ]


def test_a_filter_asking_for_gigabytes_meets_the_memory_limit(tmp_path):
    """No sandbox sees ``center(10**9)`` coming; the worker's address-space cap does.

    The worker's peak resident memory is measured (``ru_maxrss``) and must stay within
    the limit plus the worker's normal size.
    """
    template = docx_with(tmp_path / "letter.docx", "{{ 'x'|center(10**9) }}")
    with pytest.raises(RenderLimitExceeded) as caught:
        bounded(template)
    assert caught.value.problems == [
        f"{template}: stopped at the 256 MiB render memory limit (INSPECTKIT_RENDER_MEMORY_MIB)"
    ]
    normal = _normal_worker_peak_kib(tmp_path)
    assert caught.value.peak_kib is not None
    assert caught.value.peak_kib <= normal + SMALL.memory_mib * 1024


def _normal_worker_peak_kib(tmp_path: Path) -> int:
    """The peak of a worker that renders a small document, for the comparison above."""
    from inspectkit.documents.bounded import _peak_kib

    template = docx_with(tmp_path / "small.docx", "{{ council }}")
    return run_bounded(_render_then_peak, template, limits=SMALL, subject=str(template)) or (
        _peak_kib() or 0
    )


def _render_then_peak(template: Path) -> int | None:
    from inspectkit.documents.bounded import _peak_kib

    render_bytes(template, {"council": "Northwold"})
    return _peak_kib()


def test_an_ordinary_template_renders_as_before(tmp_path):
    from inspectkit.documents import document_paragraphs

    template = docx_with(tmp_path / "letter.docx", "Dear {{ council }}, {{ 3 * 4 }} {{ 2**10 }}")
    assert document_paragraphs(bounded(template)) == ["Dear Northwold, 12 1024"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("INSPECTKIT_RENDER_SECONDS", "soon"),
        ("INSPECTKIT_RENDER_MEMORY_MIB", "-5"),
        ("INSPECTKIT_RENDER_OUTPUT_CHARS", "0"),
    ],
)
def test_a_bad_limit_setting_is_named(name, value):
    with pytest.raises(InputError) as caught:
        RenderLimits.from_environment({name: value})
    assert caught.value.problems == [f"{name}: expected a positive number, got {value!r}"]


def test_limits_come_from_the_environment():
    limits = RenderLimits.from_environment(
        {"INSPECTKIT_RENDER_SECONDS": "3.5", "INSPECTKIT_RENDER_MEMORY_MIB": "128"}
    )
    assert limits == RenderLimits(seconds=3.5, memory_mib=128, output_chars=20_000_000)


def test_a_workspace_override_that_runs_away_fails_report_and_writes_nothing(
    cra_workspace, capsys, monkeypatch
):
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    (directory / "templates").mkdir()
    override = docx_with(directory / "templates" / "letter.docx", "{{ 'x' * 10**10 }}")
    monkeypatch.setenv("INSPECTKIT_RENDER_SECONDS", "5")
    status, out, err = run_main(capsys, "report", str(directory))
    assert status == 2
    assert err.splitlines() == [
        f"inspectkit: error: {override}: template error: a repetition would make "
        "10,000,000,000 items; at most 1,000,000 are allowed"
    ]
    assert "Traceback" not in out + err
    assert not (directory / "documents").exists()
