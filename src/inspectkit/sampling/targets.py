"""Where a sample may be written: never over an input, a side file or an earlier draw.

``sample -o`` writes two files for CSV (the sample and its JSON record), and a
mistyped name once replaced a workspace's ``plan.json`` with a sample record.  A
sample target is refused, unless the user says ``--force``, when it or its record
would replace the case list being sampled, a workspace's inspection file, plan or case
list, or a file that is already there (an earlier draw, whose seed would be lost).
"""

from __future__ import annotations

from pathlib import Path

from inspectkit.errors import InputError
from inspectkit.sampling.export import sidecar_path

WORKSPACE_INPUTS = ("inspection.toml", "plan.json", "caselist.csv", "caselist.xlsx")


def refuse_unsafe_target(output: Path, cases: Path, *, force: bool) -> None:
    """InputError naming each file the sample would wrongly replace."""
    targets = [output] if output.suffix.lower() == ".xlsx" else [output, sidecar_path(output)]
    problems: list[str] = []
    for target in targets:
        if target.resolve() == cases.resolve():
            problems.append(f"{target}: would overwrite the case list; choose another name")
            continue
        if force:
            continue
        if target.name in WORKSPACE_INPUTS:
            problems.append(
                f"{target}: is a workspace's {target.name}, not a sample; choose another "
                "name (or --force)"
            )
        elif target.exists():
            problems.append(
                f"{target}: already exists (an earlier sample?); choose another name, or "
                "--force to replace it"
            )
    if problems:
        raise InputError(problems)
