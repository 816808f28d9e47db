"""Build the example workspaces behind ``inspectkit demo``: every step of the main job.

For each installed regime, each example inspection its plugin ships
(``inspectkit_register_examples``, see :mod:`inspectkit.examples`): a synthetic
council's workspace (``init``), a fake case list, the dated plan (JSON,
iCalendar, CSV), the seeded sample, the example's findings or grades, and every
document.  A regime whose plugin ships no example is skipped with a note, as is
an example that cannot be used; every other example is still built.

The demo folder is the demo's own, but a user may well open it and edit a file (an
inspection file, a template): so the demo records what it wrote (a manifest of file
hashes) and refuses, naming each file, to write over a folder whose files have
changed, or that it did not write, unless told to (``force``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from inspectkit.bibliography import bibliography
from inspectkit.caselist import read_case_list
from inspectkit.caselist.fake import write_fake_case_list
from inspectkit.documents import render_workspace
from inspectkit.errors import InputError
from inspectkit.examples import installed_examples
from inspectkit.files import write_text_atomic
from inspectkit.judgements import apply_limiting_rules
from inspectkit.plugins import PluginHost, RegisteredRegime
from inspectkit.sampling import draw_sample, write_sample_csv
from inspectkit.workspace import load_workspace
from inspectkit.workspace.init import init_workspace
from inspectkit.workspace.inspection_file import INSPECTION_FILE
from inspectkit.workspace.wording import choose_wording, statement_groups

MANIFEST = ".inspectkit-demo.json"

if TYPE_CHECKING:
    from inspectkit.examples import Example
    from inspectkit.model import Regime
    from inspectkit.timeline import Plan
    from inspectkit.workspace import Inspection


@frozen(kw_only=True)
class DemoResult:
    name: str
    regime_id: str
    council: str
    description: str
    directory: Path
    files: tuple[Path, ...]
    outcome: str
    warnings: tuple[str, ...] = ()


@frozen(kw_only=True)
class DemoRun:
    results: tuple[DemoResult, ...] = ()
    notes: tuple[str, ...] = ()  # one line per regime or example that was skipped, and why
    failures: tuple[str, ...] = ()  # one line per problem of an example that failed to build


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.is_file() and p.name != MANIFEST)


def edited_files(out: Path) -> list[str]:
    """A line for each file in ``out`` the demo did not write as it is now (edited, added,
    or the folder is not the demo's at all); none for a new or empty folder."""
    if not out.exists() or not any(out.iterdir()):
        return []
    manifest = out / MANIFEST
    try:
        written = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return [
            f"{out}: not a folder the demo wrote (it has no readable {MANIFEST}); its files "
            "may be yours"
        ]
    lines = []
    for path in _files(out):
        relative = path.relative_to(out).as_posix()
        if relative not in written:
            lines.append(f"{path}: not written by the demo")
        elif written[relative] != _digest(path):
            lines.append(f"{path}: changed since the demo wrote it")
    return lines


def build_demo(
    out: Path, host: PluginHost, *, force: bool = False, outputs: bool = True
) -> DemoRun:
    """Write every example workspace of ``host``'s plugins under ``out``, regimes in
    order of year.

    Refused (InputError naming each file) when ``out`` holds files the demo did not
    write as they are, unless ``force``.  ``outputs=False`` writes only what the web
    application's store keeps (inspection file, plan, case list and sample), without the
    documents and the plan's ``.ics`` and ``.csv``: the store keeps none of those (each
    download is made afresh), and making them was about 2 s of ``serve --demo``'s
    first start (benchmarks/README.md).
    """
    out = Path(out)
    if not force:
        edited = edited_files(out)
        if edited:
            raise InputError(
                [*edited, f"{out}: the demo would write over these; use --force to replace them"]
            )
    installed = installed_examples(host)
    results: list[DemoResult] = []
    failures = list(installed.failures)
    notes = list(installed.notes)
    for registered in host.sorted_regimes():
        examples = installed.for_regime(registered.regime.id)
        if not examples and registered.regime.id not in installed.failed_regimes:
            notes.append(f"{registered.regime.id}: skipped: its plugin ships no example inspection")
        for example in examples:
            try:  # one example failing (a plugin's hook raising, say) leaves the others
                directory = out / example.name
                results.append(_build(example, registered, directory, host, outputs))
            except InputError as exc:
                failures += [f"{example.name}: {line}" for line in exc.problems]
    out.mkdir(parents=True, exist_ok=True)
    written = {p.relative_to(out).as_posix(): _digest(p) for p in _files(out)}
    write_text_atomic(out / MANIFEST, json.dumps({"files": written}, indent=1) + "\n")
    return DemoRun(results=tuple(results), notes=tuple(notes), failures=tuple(failures))


def _build(
    example: Example,
    registered: RegisteredRegime,
    directory: Path,
    host: PluginHost,
    outputs: bool,
) -> DemoResult:
    regime = registered.regime
    council, start, seed = example.council, example.start, example.seed
    created = init_workspace(
        directory,
        regime,
        council,
        start,
        body=example.body(),
        team=example.team(),
        force=True,
        host=host,
    )
    files = list(created.written)
    workspace = load_workspace(directory, host)
    timeline = workspace.plan()
    if outputs:
        files += _plan_outputs(timeline, directory, regime, workspace.inspection)
    caselist = write_fake_case_list(
        directory / "caselist.csv",
        example.caselist_rows,
        seed,
        start,
        host.regime_models(),
    )
    cases = read_case_list(caselist, regime, strict=False)
    record = draw_sample(regime, cases, seed=seed, on=start)
    sample = write_sample_csv(record, directory / "sample.csv")
    files += [caselist, sample, sample.with_suffix(".json")]
    rendered = render_workspace(workspace) if outputs else None
    if rendered is not None:
        files += list(rendered.documents)
    outcomes = apply_limiting_rules(regime, workspace.inspection)
    fired = [o for o in outcomes if o.fired]
    inspection = workspace.inspection
    wording = choose_wording(regime, inspection.recorded_each(), inspection.statements)
    summary = [f"{len(record.drawn)} of {example.caselist_rows} fake cases sampled"]
    if not outcomes:
        summary.append("no limiting rules in this regime")
    elif not fired:
        summary.append("no limiting rule applies")
    summary += [f"limiting rule applies: {o.rule.consequence}" for o in fired]
    for group in statement_groups(regime):  # which of the alternative sentences was used
        chosen = wording.chosen.get(group)
        where = f"the source's, {chosen.source}" if chosen else f"written in {INSPECTION_FILE}"
        summary.append(f"{group} sentence: {where}")
    return DemoResult(
        name=example.name,
        regime_id=regime.id,
        council=council,
        description=example.description,
        directory=directory,
        files=tuple(files),
        outcome="; ".join(summary),
        warnings=(tuple(rendered.warnings) if rendered else ()) + tuple(record.shortfalls),
    )


def _plan_outputs(
    plan: Plan, directory: Path, regime: Regime, inspection: Inspection
) -> list[Path]:
    """plan.ics and plan.csv beside plan.json."""
    # lazy: keeps inspectkit.plan_csv (3 ms) off the start-up of `serve --demo`'s example build
    from inspectkit.plan_csv import write_plan_csv

    # lazy: keeps inspectkit.plan_ics (4 ms) off the start-up of `serve --demo`'s example build
    from inspectkit.plan_ics import write_plan_ics

    calendar = write_plan_ics(
        plan,
        directory / "plan.ics",
        title=regime.abbreviation or regime.short_title,
        council=inspection.council,
        identity=inspection.identity,
        sources=bibliography([regime]),
    )
    return [calendar, write_plan_csv(plan, directory / "plan.csv")]
