"""``inspectkit new-regime``: write the skeleton of an installable regime plugin.

A new regime should be a plugin like the bundled ones, never a change to the core,
so the scaffold writes exactly what they have: a ``pyproject.toml`` with the
``inspectkit`` entry point, a registration module of two one-liners, the regime
as TOML data with every section of the model present, a starter Word letter, a
starter example inspection for ``inspectkit demo`` and a test module running the
conformance kit.  Every value an author must supply is marked
``TODO``, which the conformance kit rejects, so a half-filled regime cannot pass
for a finished one.

The project is written into a hidden temporary folder beside the target and
renamed into place at the end: a failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime
import re
import shutil
import string
import tempfile
from pathlib import Path

from attrs import frozen

from inspectkit.errors import InputError
from inspectkit.files import write_text_atomic
from inspectkit.scaffold.letter import build_letter

FILES_DIR = Path(__file__).with_name("files")
DEFAULT_TITLE = "TODO: the regime's full title"
_REGIME_ID = re.compile(r"^[a-z][a-z0-9_]*$")

# template file -> path inside the project, relative to its root
_LAYOUT: dict[str, str] = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "__init__.py.tmpl": "src/{package}/__init__.py",
    "regime.toml.tmpl": "src/{package}/regime/regime.toml",
    "evaluation.toml.tmpl": "src/{package}/regime/evaluation.toml",
    "sampling.toml.tmpl": "src/{package}/regime/sampling.toml",
    "timeline.toml.tmpl": "src/{package}/regime/timeline.toml",
    "report.toml.tmpl": "src/{package}/regime/report.toml",
    "requests.toml.tmpl": "src/{package}/regime/requests.toml",
    "example.toml.tmpl": "src/{package}/examples/{name}.toml",
    "test_conformance.py.tmpl": "tests/test_conformance.py",
}


@frozen(kw_only=True)
class RegimeProject:
    """The names a new plugin project is built from, all derived from the regime id."""

    name: str
    title: str

    @property
    def package(self) -> str:
        return f"inspectkit_{self.name}"

    @property
    def distribution(self) -> str:
        return f"inspectkit-{self.name.replace('_', '-')}"

    @property
    def directory_name(self) -> str:
        return f"inspectkit-{self.name}"

    @property
    def letter_file(self) -> str:
        return f"{self.name}_letter.docx"

    def substitutions(self) -> dict[str, str]:
        plain = self.title.replace("\n", " ")
        return {
            "name": self.name,
            "package": self.package,
            "dist": self.distribution,
            "year": str(datetime.date.today().year),
            "title": _toml_text(plain),
            "title_toml": _toml_text(plain),
            "title_md": plain,
            "title_doc": plain.replace('"""', "'''"),
        }


def check_regime_name(name: str) -> None:
    """A regime id is a key in files, entry points and package names; refuse anything else."""
    if not _REGIME_ID.match(name):
        raise InputError.single(
            f"regime name {name!r} must be lower case letters, digits and '_', "
            "starting with a letter (e.g. jtai_2016)"
        )


def create_regime_project(name: str, parent: Path, *, title: str | None = None) -> Path:
    """Write ``parent/inspectkit-NAME/`` and return it; InputError if it cannot."""
    check_regime_name(name)
    project = RegimeProject(name=name, title=(title or "").strip() or DEFAULT_TITLE)
    parent = Path(parent)
    if not parent.is_dir():
        raise InputError.single(f"{parent}: folder does not exist")
    target = parent / project.directory_name
    if target.exists():
        raise InputError.single(f"{target}: already exists; choose another name or --dir")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{project.directory_name}.", dir=parent))
    except OSError as exc:
        raise InputError.single(f"{parent}: cannot write: {exc.strerror or exc}") from None
    try:
        _write_project(project, staging)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _write_project(project: RegimeProject, root: Path) -> None:
    values = project.substitutions()
    for template_name, relative in _LAYOUT.items():
        text = string.Template((FILES_DIR / template_name).read_text(encoding="utf-8"))
        destination = root / relative.format(package=project.package, name=project.name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(destination, text.substitute(values))
    package_dir = root / "src" / project.package
    write_text_atomic(package_dir / "py.typed", "")
    templates = package_dir / "templates"
    templates.mkdir()
    build_letter(
        templates / project.letter_file,
        heading="{{ regime.title }}",
        header="{{ regime.publisher }} · {{ regime.short_title }}",
        footer="{{ council }} · {{ letter_date }}",
    )


def _toml_text(value: str) -> str:
    """``value`` escaped for a TOML basic string (the templates supply the quotes)."""
    return value.replace("\\", "\\\\").replace('"', '\\"')
