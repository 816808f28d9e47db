"""Renders through docxtpl's public API: each render independent, the template read afresh."""

from __future__ import annotations

import os

import pytest
from tests.documents.conftest import docx_with

from inspectkit.documents import document_paragraphs
from inspectkit.documents.render import render_bytes
from inspectkit.errors import InputError


def test_renders_of_one_template_are_independent(tmp_path):
    path = docx_with(tmp_path / "t.docx", "Council: {{ council }}", header="Header {{ council }}")
    first = render_bytes(path, {"council": "Northwold"})
    second = render_bytes(path, {"council": "A & B <Council>"})
    assert document_paragraphs(first)[0] == "Council: Northwold"
    assert document_paragraphs(second)[0] == "Council: A & B <Council>"
    assert "Header A & B <Council>" in document_paragraphs(second)
    assert not any("Northwold" in p for p in document_paragraphs(second))
    # and the template still holds its tags
    third = render_bytes(path, {"council": "Eastcombe"})
    assert "Header Eastcombe" in document_paragraphs(third)


def test_a_changed_template_file_is_read_again(tmp_path):
    path = docx_with(tmp_path / "t.docx", "Old wording for {{ council }}")
    assert document_paragraphs(render_bytes(path, {"council": "N"}))[0] == "Old wording for N"
    stat = path.stat()
    docx_with(path, "New wording for {{ council }}")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert document_paragraphs(render_bytes(path, {"council": "N"}))[0] == "New wording for N"


def test_line_breaks_in_values_still_become_breaks(tmp_path):
    path = docx_with(tmp_path / "t.docx", "{{ text }}")
    rendered = render_bytes(path, {"text": "first line\nsecond line"})
    assert document_paragraphs(rendered) == ["first linesecond line"]  # two runs, one <w:br/>
    assert b"<w:br/>" in _document_xml(rendered)


def test_a_template_that_is_not_a_word_file_is_an_input_error(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        render_bytes(path, {})
    assert "not a Word document" in caught.value.problems[0]


def _document_xml(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")
