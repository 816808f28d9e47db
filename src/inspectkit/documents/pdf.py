"""Word → PDF with LibreOffice, when it is installed.

Each conversion uses a fresh LibreOffice profile directory of its own: two
conversions sharing the default profile block each other, and a user's open
LibreOffice would capture the job.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from inspectkit.errors import InputError
from inspectkit.files import atomic_path

SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 120


def find_soffice() -> str | None:
    return next((found for name in SOFFICE_NAMES if (found := shutil.which(name))), None)


def missing_message() -> str:
    return (
        "--pdf needs LibreOffice, which is not installed (no 'soffice' on PATH); install it, "
        "e.g. apt-get install libreoffice-writer-nogui, or leave out --pdf"
    )


def convert_to_pdf(document: Path, out: Path | None = None) -> Path:
    """Convert ``document`` to ``out`` (default: beside it, ``.pdf``); InputError if impossible."""
    soffice = find_soffice()
    if soffice is None:
        raise InputError.single(missing_message())
    target = out or document.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="inspectkit-lo-") as scratch:
        profile = Path(scratch) / "profile"
        outdir = Path(scratch) / "out"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(document),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise InputError.single(
                f"{document}: LibreOffice took over {TIMEOUT_SECONDS} s to convert it"
            ) from None
        produced = outdir / f"{document.stem}.pdf"
        if result.returncode != 0 or not produced.is_file():
            reason = (result.stderr or result.stdout).strip().splitlines()
            detail = reason[-1] if reason else f"exit status {result.returncode}"
            raise InputError.single(f"{document}: LibreOffice could not convert it: {detail}")
        with atomic_path(target) as temporary:
            shutil.copyfile(produced, temporary)
    return target
