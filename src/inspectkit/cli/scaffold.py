"""``inspectkit new-regime``: start a regime plugin project."""

from __future__ import annotations

from pathlib import Path

import click

from inspectkit.cli.console import console, warn
from inspectkit.plugins import get_host
from inspectkit.scaffold import create_regime_project


@click.command("new-regime")
@click.argument("name")
@click.option(
    "--dir",
    "parent",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(),
    show_default=".",
    help="Folder to create the project in.",
)
@click.option("--title", default=None, help="The regime's full title (else marked TODO).")
def new_regime(name: str, parent: Path, title: str | None) -> None:
    """Create PARENT/inspectkit-NAME/, an installable plugin for regime NAME.

    NAME is the regime id (lower case letters, digits and '_'). Every value to be
    filled in is marked TODO; the project's own tests run the conformance kit and
    fail until each is filled. See docs/plugin-authors.md.
    """
    target = create_regime_project(name, parent, title=title)
    if name in get_host().regimes:
        warn(
            f"a regime {name!r} is already installed; two plugins registering one id are "
            "both refused, so rename it before installing (or uninstall the other)"
        )
    out = console()
    out.print(f"Created {target}", markup=False)
    out.print("Next:", markup=False)
    out.print(f"  pip install -e {target}", markup=False)
    out.print(f"  pytest {target}   # lists every TODO still to fill in", markup=False)
