"""Writing a sample: CSV with a JSON sidecar, or XLSX with Sample and Record sheets.

The file must be byte-identical for the same seed and input, so nothing in it
depends on the clock: no timestamps in the CSV or JSON, and the XLSX package is
rewritten with fixed zip entry times and document dates (the inspection date).
The CSV's metadata goes into a sidecar ``<name>.json`` (beside ``<name>.csv``)
rather than comment lines, so the CSV opens cleanly in any spreadsheet.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from contextlib import ExitStack
from pathlib import Path

from inspectkit.files import atomic_path
from inspectkit.safe_cells import SafeCsvWriter
from inspectkit.sampling.record import SampleRecord
from inspectkit.sampling.saved import sample_to_data
from inspectkit.workbooks import fill_sheet, new_workbook

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SAMPLE_HEADINGS = ("Case reference", "Row in case list", "Phase", "Selected by", "Sub-sets")


def sidecar_path(path: Path) -> Path:
    """Where the JSON record of a CSV sample goes: ``sample.csv`` → ``sample.json``."""
    return Path(path).with_suffix(".json")


def _sample_rows(record: SampleRecord) -> list[list[str | int]]:
    rows: list[list[str | int]] = [[*SAMPLE_HEADINGS, *record.detail_fields]]
    for case in record.drawn:
        details = dict(case.details)
        rows.append(
            [
                case.reference,
                case.row,
                case.phase_title,
                case.rule,
                ", ".join(case.subsets),
                *(details.get(title, "") for title in record.detail_fields),
            ]
        )
    return rows


def _record_rows(record: SampleRecord) -> list[list[str | int]]:
    """The record's metadata as label/value rows (the XLSX ``Record`` sheet)."""
    rows: list[list[str | int]] = [
        ["Regime", f"{record.regime_title} ({record.regime_id})"],
        ["Regime version", record.regime_version],
        ["Seed", record.seed],
        ["Inspection date", record.on.isoformat()],
        ["Case list", record.input_name],
        ["Case list SHA-256", record.input_sha256],
        ["Cases read", record.cases_read],
        ["Mode", "strict" if record.strict else "lenient"],
        ["Rows left out", ", ".join(map(str, record.excluded_rows)) or "none"],
        ["Population", record.population_text],
        ["Population size", record.population_size],
        ["Cases drawn", len(record.drawn)],
    ]
    rows += [["Sub-set size", f"{name} = {size}"] for name, size in record.subset_sizes]
    rows += [["Shortfall", line] for line in record.shortfalls] or [["Shortfall", "none"]]
    rows += [["Warning", line] for line in record.warnings]
    rows += [[f"Survey: {s.title}", f"{s.count} eligible"] for s in record.surveys]
    return rows


def write_sample_csv(record: SampleRecord, path: Path) -> Path:
    """The sample as CSV, and its record as JSON beside it: both appear, or neither."""
    buffer = io.StringIO(newline="")
    SafeCsvWriter(buffer, lineterminator="\n").writerows(_sample_rows(record))
    text = json.dumps(sample_to_data(record), indent=2, ensure_ascii=False) + "\n"
    with ExitStack() as stack:  # both files appear together or neither does
        sample_file = stack.enter_context(atomic_path(path))
        record_file = stack.enter_context(atomic_path(sidecar_path(path)))
        sample_file.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        record_file.write_text(text, encoding="utf-8")
    return path


def write_sample_xlsx(record: SampleRecord, path: Path) -> Path:
    """The sample, its record and any survey lists as sheets of one reproducible workbook."""
    workbook, sheet = new_workbook("Sample")
    header, *rows = _sample_rows(record)
    fill_sheet(sheet, [str(h) for h in header], rows)
    fill_sheet(workbook.create_sheet("Record"), ["Item", "Value"], _record_rows(record))
    if record.surveys:
        fill_sheet(
            workbook.create_sheet("Surveys"),
            ["Survey", "Case reference"],
            [[s.title, reference] for s in record.surveys for reference in s.references],
        )
    stamp = f"{record.on.isoformat()}T00:00:00Z"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with atomic_path(path) as temporary:
        temporary.write_bytes(_reproducible_zip(buffer.getvalue(), stamp))
    return path


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _reproducible_zip(data: bytes, stamp: str) -> bytes:
    """Repack an XLSX with fixed entry times and document dates, entries in order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(
                    lambda m: m.group(1) + stamp.encode() + m.group(3), content
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()
