"""A council's case list, uploaded, checked and sampled in one request, then deleted.

The upload is a file Django has streamed to disk (``FILE_UPLOAD_MAX_MEMORY_SIZE = 0``).
It is read by the core's reader, in the same words as ``inspectkit caselist check``,
and drawn from by the core's engine with the seed the inspector chose; then the only
things kept are the sample's files — the record (seed, the file's SHA-256, regime and
version, the rule that chose each case) and the sampled cases' references — exactly as
``inspectkit sample`` writes them, and every row's reference and date of birth as keyed
digests under a new secret (``inspectkit.documents.keyed``), so the documents' checks
recognise every child on the list.  The case list itself is deleted before the request
ends, whatever happens.  A redraw needs the same file again: its SHA-256 must match the
record's, unless the inspector asks to replace the sample.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from attrs import frozen
from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from inspectkit.caselist import read_case_list
from inspectkit.documents.keyed import KeyedIndexBuilder, new_key
from inspectkit.documents.private import add_case_list_values
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host
from inspectkit.sampling import SampleRecord, draw_sample
from inspectkit.web.models import Inspection as Record

SUFFIXES = (".csv", ".xlsx")
SEED_RANGE = 1_000_000


def fresh_seed() -> int:
    """A seed to offer: chosen at random, shown, editable, and recorded with the sample."""
    return random.SystemRandom().randrange(1, SEED_RANGE)


class SampleForm(forms.Form):
    cases = forms.FileField(
        label="Case list",
        help_text="The council's list as CSV or Excel (.xlsx). It is deleted as soon as the "
        "sample is drawn; only the sampled cases' references are kept.",
    )
    mode = forms.ChoiceField(
        label="Rows with problems",
        choices=(
            ("strict", "Stop and list every problem (strict)"),
            ("lenient", "Leave those rows out, and say which (lenient)"),
        ),
        initial="strict",
        widget=forms.RadioSelect,
    )
    seed = forms.IntegerField(
        label="Seed",
        min_value=0,
        help_text="Chosen at random; the same seed and the same file always give the same sample.",
    )
    on = forms.DateField(
        label="Cases as on",
        help_text="Which cases are open, and ages, as on this day (usually day 1).",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    replace = forms.BooleanField(
        label="Replace the sample already drawn",
        required=False,
        help_text="Needed only to draw from a different file than the recorded sample's.",
    )

    def clean_cases(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["cases"]
        if Path(upload.name or "").suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(
                f"{upload.name}: expected a case list ending in .csv or .xlsx"
            )
        return upload


@frozen
class Drawn:
    """A sample drawn from an upload: its record, the files the store keeps, and the
    keyed digests of every child on the list."""

    record: SampleRecord
    files: tuple[tuple[str, bytes], ...]
    digests: KeyedIndexBuilder


@contextmanager
def uploaded_copy(upload: UploadedFile[bytes]) -> Iterator[Path]:
    """The upload as a file under its own (safe) name in a private folder, deleted after.

    Named as the council named it, so the record and every message say ``cases.csv``,
    never a temporary path.
    """
    folder = Path(tempfile.mkdtemp(prefix="inspectkit-upload-"))
    try:
        target = folder / (get_valid_filename(Path(upload.name or "cases").name) or "cases")
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        yield target
    finally:
        upload.close()  # Django's own temporary file goes now, not at the end of the request
        shutil.rmtree(folder, ignore_errors=True)


def draw_from_upload(path: Path, regime: Regime, *, strict: bool, seed: int, on: date) -> Drawn:
    """Read and sample ``path``; InputError with every problem, naming the file by name."""
    try:
        cases = read_case_list(path, regime, strict=strict, on=on)
        if not len(cases):
            raise InputError.single(f"{path}: no cases to sample from")
        record = draw_sample(regime, cases, seed=seed, on=on)
        digests = KeyedIndexBuilder(new_key(), source=f"the uploaded case list ({path.name})")
        add_case_list_values(digests, path, purpose=regime.id, read=cases)
    except InputError as exc:
        raise InputError([_named(line, path) for line in exc.problems]) from None
    files = tuple(_sample_files(record, path.parent))
    return Drawn(record=record, files=files, digests=digests)


def _named(line: str, path: Path) -> str:
    return line.replace(str(path), path.name).replace(str(path.parent) + "/", "")


def _sample_files(record: SampleRecord, folder: Path) -> list[tuple[str, bytes]]:
    """The files ``inspectkit sample`` writes (CSV with its JSON record, and XLSX)."""
    host = get_host()
    files = []
    for name in ("sample.csv", "sample.xlsx"):
        host.write("sample", record, folder / name)
    for name in ("sample.json", "sample.csv", "sample.xlsx"):
        files.append((name, (folder / name).read_bytes()))
    return files


def redraw_problem(stored: Record, record: SampleRecord, replace: bool) -> str | None:
    """Why a new sample may not replace the stored one without ``replace``: a different file."""
    if stored.sample_record is None or replace:
        return None
    recorded = str(stored.sample_record.get("input", {}).get("sha256", ""))
    if recorded and recorded != record.input_sha256:
        return (
            f"This is not the file the recorded sample was drawn from (its SHA-256 is "
            f"{record.input_sha256[:12]}…, the record's {recorded[:12]}…). Upload that "
            "file to redraw it, or tick 'Replace the sample already drawn'."
        )
    return None
