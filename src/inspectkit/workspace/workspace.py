"""An inspection workspace: a folder holding one inspection's file, plan, sample and output.

Layout (documented in docs/inspection-file.md)::

    inspection.toml      what was found or graded (human-edited)
    plan.json            the dated timeline (`inspectkit init` writes it)
    sample.json|.csv     the case sample (`inspectkit sample ... --output`), optional
    caselist.csv|.xlsx   the council's case list, optional: only read to make sure
                         no child identifier or date of birth reaches a document
    templates/           Word templates overriding the regime's, optional
    documents/           what `inspectkit report` writes
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from inspectkit.errors import InputError
from inspectkit.json_files import read_json
from inspectkit.model.inspection import Inspection
from inspectkit.plan_record import plan_from_data
from inspectkit.plugins import PluginHost, RegisteredRegime
from inspectkit.timeline import plan_inspection
from inspectkit.workspace.inspection_file import (
    INSPECTION_FILE,
    check_against_regime,
    read_inspection_file,
)

if TYPE_CHECKING:
    from inspectkit.timeline import Plan

PLAN_FILE = "plan.json"
SAMPLE_FILES = ("sample.json", "sample.csv", "sample.xlsx")
CASELIST_FILES = ("caselist.csv", "caselist.xlsx")
TEMPLATES_DIR = "templates"
DOCUMENTS_DIR = "documents"


@frozen(kw_only=True, eq=False)
class Workspace:
    """A loaded, checked workspace.

    ``host`` is the plugin host it was loaded through: its plan, documents and
    checks call that host's hooks, so the domain never reaches for a global one.
    """

    directory: Path
    inspection: Inspection
    regime: RegisteredRegime
    host: PluginHost

    @property
    def inspection_file(self) -> Path:
        return self.directory / INSPECTION_FILE

    @property
    def plan_path(self) -> Path | None:
        path = self.directory / PLAN_FILE
        return path if path.is_file() else None

    @property
    def sample_path(self) -> Path | None:
        return _first_file(self.directory, SAMPLE_FILES)

    @property
    def caselist_path(self) -> Path | None:
        return _first_file(self.directory, CASELIST_FILES)

    @property
    def templates_dir(self) -> Path | None:
        path = self.directory / TEMPLATES_DIR
        return path if path.is_dir() else None

    @property
    def documents_dir(self) -> Path:
        return self.directory / DOCUMENTS_DIR

    def plan(self) -> Plan:
        """The saved plan if there is one (it may carry closures), else planned afresh."""
        path = self.plan_path
        if path is None:  # planned from the file's start: a bad day 1 is that line's fault
            try:
                return plan_inspection(self.regime.regime, self.inspection.start, host=self.host)
            except InputError as exc:
                lines = [f"{self.inspection_file}: start: {p}" for p in exc.problems]
                raise InputError(lines) from None
        data = read_json(path, "a plan saved by `inspectkit init` or `inspectkit plan --json`")
        plan = plan_from_data(self.regime.regime, data, where=str(path))
        if plan.start != self.inspection.start:
            raise InputError.single(
                f"{path}: start: the plan starts {plan.start}, but {INSPECTION_FILE} says "
                f"{self.inspection.start}; delete {PLAN_FILE} or re-run `inspectkit init`"
            )
        return plan


def _first_file(directory: Path, names: tuple[str, ...]) -> Path | None:
    return next((directory / n for n in names if (directory / n).is_file()), None)


def load_inspection(path: Path, host: PluginHost) -> tuple[Inspection, RegisteredRegime]:
    """Read ``path``, find its regime in ``host``, check it, and run the plugin's own checks."""
    raw = read_inspection_file(path)
    try:
        registered = host.regime(raw.regime)
    except InputError as exc:
        raise InputError([f"{path}: regime: {p}" for p in exc.problems]) from None
    inspection = check_against_regime(raw, registered.regime, path)
    _check_by_plugin(inspection, registered, host, path)
    return inspection, registered


def _check_by_plugin(
    inspection: Inspection, registered: RegisteredRegime, host: PluginHost, path: Path
) -> None:
    """The regime plugin's own checks of an inspection (InputError naming ``path``)."""
    extra = host.check_inspection(registered.regime, inspection)
    if extra:
        raise InputError([f"{path}: {line}" for line in extra])


def load_workspace(directory: Path, host: PluginHost) -> Workspace:
    """The workspace in ``directory``, its regime found in ``host`` (InputError naming
    every problem)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError.single(f"{directory}: not a workspace folder")
    inspection, registered = load_inspection(directory / INSPECTION_FILE, host)
    return Workspace(directory=directory, inspection=inspection, regime=registered, host=host)


def workspace_with(
    directory: Path, inspection: Inspection, registered: RegisteredRegime, host: PluginHost
) -> Workspace:
    """The workspace in ``directory`` with ``inspection`` in place of its file: one already
    read and checked against its regime (``check_against_regime``), such as the web
    application's unsaved draft, which would otherwise be written out as TOML only to be
    parsed back.  The plugin's own checks run, as :func:`load_workspace` runs them."""
    directory = Path(directory)
    _check_by_plugin(inspection, registered, host, directory / INSPECTION_FILE)
    return Workspace(directory=directory, inspection=inspection, regime=registered, host=host)
