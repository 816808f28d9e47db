"""Fuzzing the inspection-file loader and the template sandbox: whatever comes in, the only
failure is an InputError whose lines are single, non-empty lines (as the case-list reader
is fuzzed in tests/caselist)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.documents.conftest import docx_with, render_under

from inspectkit.documents.bounded import RenderLimits
from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.workspace import load_workspace

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = """regime = "cra_2010"
council = "Northwold Borough Council"
start = 2011-10-17
team = ["Lead inspector, HMI"]

[[findings]]
area = "safeguarding_prioritised"
type = "area_of_strength"
text = "Senior leaders prioritise safeguarding."
"""


def _assert_clean(problems: list[str]) -> None:
    assert problems
    for line in problems:
        assert isinstance(line, str) and line.strip() and "\n" not in line
        assert "Traceback" not in line


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """The valid file with a few characters inserted, deleted or replaced."""
    text = bytearray(VALID.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.binary(min_size=1, max_size=4)) if action != "delete" else b""
        width = 0 if action == "insert" else draw(st.integers(1, 8))
        text[at : at + width] = piece
    return bytes(text)


@FUZZ
@given(data=st.one_of(mutated(), st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_the_inspection_file_loader_only_ever_refuses_cleanly(
    tmp_path_factory: object, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("ws")  # type: ignore[attr-defined]
    (folder / "inspection.toml").write_bytes(data)
    try:
        load_workspace(folder, get_host())
    except InputError as exc:
        _assert_clean(exc.problems)


atoms = st.one_of(
    st.integers(-10, 10).map(str),
    st.sampled_from(["10**9", "9**99", "'x'", "[1, 2]", "council", "range(5)", "none"]),
)
operators = st.sampled_from(["*", "**", "+", "~", "/", "//", "%"])
filters = st.sampled_from(["", "|upper", "|center(10**9)", "|list", "|join(',')", "|length"])


@st.composite
def expressions(draw: st.DrawFn) -> str:
    parts = [draw(atoms)]
    for _ in range(draw(st.integers(0, 3))):
        parts += [draw(operators), draw(atoms)]
    return "(" + " ".join(parts) + ")" + draw(filters)


@st.composite
def templates(draw: st.DrawFn) -> str:
    expression = draw(expressions())
    shape = draw(st.sampled_from(["{{ %s }}", "{%% for i in %s %%}{{ i }}{%% endfor %%}"]))
    return shape % expression


SMALL = RenderLimits(seconds=5, memory_mib=128, output_chars=200_000)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=templates())
def test_the_template_sandbox_only_ever_refuses_cleanly(
    tmp_path_factory: object, source: str
) -> None:
    folder: Path = tmp_path_factory.mktemp("template")  # type: ignore[attr-defined]
    template = docx_with(folder / "letter.docx", source)
    try:
        render_under(template, SMALL)
    except InputError as exc:
        _assert_clean(exc.problems)
        assert all(line.startswith((f"{template}", "letter.docx")) for line in exc.problems)
