"""The block splitter gives exactly the rows csv.reader gives, however the text is cut."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from inspectkit.caselist.blocks import Block, FlatBlock, RowBlock
from inspectkit.caselist.csvsplit import Unreadable, read_records, split_block
from inspectkit.caselist.sources import file_rows

SPLIT = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Pieces that exercise every path: plain cells, delimiters, quotes (doubled, mid-cell,
# unclosed), every line ending, NUL, the splitter's own end marker, non-ASCII text.
PIECES = ["a", "bc", ",", ",", ",,", '"', '""', "\n", "\r\n", "\r", " ", "x,y", "£", "\x1e", "\x00"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def reference(text: str) -> list[list[str]] | str:
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return "error"


def split(text: str, chars: int) -> list[list[str]] | str:
    rows: list[list[str]] = []
    try:
        for item in read_records(io.StringIO(text, newline=""), chars):
            rows.extend([item] if isinstance(item, list) else item.rows())
    except Unreadable:
        return "error"
    return rows


@SPLIT
@given(text=texts, chars=st.integers(min_value=1, max_value=40))
@example(text='h\na,"b\nc",d\n', chars=3)  # a quoted cell over a line break, cut inside it
@example(text='h\nab"c,d\ne\n', chars=100)  # a quote inside an unquoted cell is literal
@example(text="h,i\r\n1,2\r\n\r\n", chars=4)  # CRLF and a blank trailing line
@example(text='h\n"unclosed\nx\n', chars=5)  # an unclosed quote runs to the end
def test_rows_are_exactly_csv_readers(text: str, chars: int) -> None:
    assert split(text, chars) == reference(text)


@SPLIT
@given(
    rows=st.lists(
        st.lists(st.text(alphabet='ab ,"\n\r£', max_size=6), min_size=1, max_size=5),
        min_size=1,
        max_size=30,
    ),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    ending=st.sampled_from(["\n", "\r\n"]),
    chars=st.sampled_from([7, 64, 4096]),
)
def test_spreadsheet_exports_read_back_as_written(
    rows: list[list[str]], quoting: int, ending: str, chars: int
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=quoting, lineterminator=ending).writerows(rows)
    text = buffer.getvalue()
    assert split(text, chars) == reference(text)


@SPLIT
@given(
    rows=st.lists(
        st.lists(
            st.sampled_from(["a", "", "b c", "x,y", 'q"', "\n", "\r\n", "\x1f"]),
            min_size=4,
            max_size=4,
        ),
        min_size=1,
        max_size=40,
    ),
    odd=st.lists(st.sampled_from(["", "a,b", "a,b,c,d,e", ",,,\r", '"a\n\nb",,,']), max_size=3),
    ending=st.sampled_from(["\n", "\r\n"]),
    chars=st.sampled_from([5, 64, 4096]),
)
def test_lists_of_one_width_with_odd_lines_read_as_csv_reader_does(
    rows: list[list[str]], odd: list[str], ending: str, chars: int
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=ending).writerows(rows)
    lines = buffer.getvalue().split(ending)
    for at, line in enumerate(odd):
        lines.insert((at * 7) % len(lines), line)
    text = ending.join(lines)
    assert split(text, chars) == reference(text)


def test_a_plain_block_is_one_split_and_an_odd_line_a_patch() -> None:
    block = split_block("1,2,3\n4,5,6\n", 3)
    assert isinstance(block, FlatBlock) and block.rows() == [["1", "2", "3"], ["4", "5", "6"]]
    block = split_block('1,2,3\n4,"5,x",6\n7,8\n\n', 3)
    assert isinstance(block, FlatBlock)
    assert block.rows() == [["1", "2", "3"], ["4", "5,x", "6"], ["7", "8"], []]
    assert block.column(1) == ["2", "5,x", "8", ""]
    assert block.column(5) == ["", "", "", ""]
    assert block.without_first_row().rows() == block.rows()[1:]


def test_text_ending_inside_a_quoted_cell_asks_for_more() -> None:
    assert split_block('1,"2\n', 2) is None
    assert split_block('1,"2\n3",4\n', 2) is not None
    final = split_block('1,"2\n', 2, final=True)
    assert final is not None and final.rows() == [["1", "2\n"]]


def test_cells_longer_than_the_csv_limit_are_refused_as_csv_reader_does() -> None:
    old = csv.field_size_limit(8)
    try:
        assert split("h\n123456789\n", 4096) == reference("h\n123456789\n") == "error"
        assert split("h\n12345678\n", 4096) == [["h"], ["12345678"]]
    finally:
        csv.field_size_limit(old)


def _flatten(source: Iterator[list[str] | Block]) -> list[list[str]]:
    rows: list[list[str]] = []
    for item in source:
        rows.extend([item] if isinstance(item, list) else item.rows())
    return rows


def test_files_with_a_bom_crlf_quotes_and_a_blank_last_line(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = 'ID,Name\r\n"A-1","x, ""y"""\r\nA-2,"two\r\nlines"\r\nA-3,\r\n\r\n'
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    with path.open(newline="", encoding="utf-8-sig") as handle:
        expected = list(csv.reader(handle))
    assert _flatten(file_rows(path)) == expected
    assert expected[0] == ["ID", "Name"] and expected[-1] == []


def test_row_block_columns_fill_short_rows() -> None:
    block = RowBlock([["a", "b"], ["c"]])
    assert block.column(1) == ["b", ""]
    assert block.without_first_row().rows() == [["c"]]


@pytest.mark.parametrize("text", ["", "\n", "h", "h\n", '"h\n'])
def test_tiny_files(text: str) -> None:
    assert split(text, 1) == reference(text)
