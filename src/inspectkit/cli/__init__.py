"""The ``inspectkit`` command line.

Commands live one group per module and are imported only when run, so
``inspectkit --help`` and ``inspectkit regimes`` do not pay for docxtpl, holidays
or openpyxl.  Every error a user can cause is printed as one line per problem
with exit status 2, never as a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from inspectkit.errors import EXIT_INPUT_ERROR, InputError

# name -> (module, attribute, one-line help shown by `inspectkit --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "regimes": ("inspectkit.cli.regimes", "regimes", "List installed regimes, or show one."),
    "plan": ("inspectkit.cli.plan", "plan", "Date every milestone of an inspection."),
    "caselist": ("inspectkit.cli.caselist", "caselist", "Case-list templates, checks, fakes."),
    "sample": ("inspectkit.cli.sample", "sample", "Draw a reproducible case sample."),
    "init": ("inspectkit.cli.workspace", "init", "Create an inspection workspace."),
    "check": ("inspectkit.cli.workspace", "check", "Check a workspace's findings and grades."),
    "report": ("inspectkit.cli.workspace", "report", "Render workspaces' documents."),
    "demo": ("inspectkit.cli.demo", "demo", "Build example inspections for every regime."),
    "compare": ("inspectkit.cli.compare", "compare", "Compare regimes side by side."),
    "readiness": ("inspectkit.cli.readiness", "readiness", "A council's readiness checklist."),
    "action-plan": ("inspectkit.cli.readiness", "action_plan", "Post-inspection action plan."),
    "new-regime": ("inspectkit.cli.scaffold", "new_regime", "Create a new regime plugin."),
    "serve": ("inspectkit.cli.serve", "serve", "Serve the web application."),
    "db": ("inspectkit.cli.serve", "db", "The web application's database (migrate)."),
    "import": ("inspectkit.cli.store", "import_", "Store workspace folders (web application)."),
    "export": ("inspectkit.cli.store", "export", "Write stored inspections as workspaces."),
    "outcomes": ("inspectkit.cli.outcomes", "outcomes", "Count outcomes across workspaces."),
    "synthetic": ("inspectkit.cli.outcomes", "synthetic", "Write a synthetic national set."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when invoked."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None

        module_name, attribute, _ = entry
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="inspectkit")
def cli() -> None:
    """Plan, sample, judge and report Ofsted children's-services inspections.

    Each inspection regime is a plugin; `inspectkit regimes` lists those installed.
    """


def main(argv: list[str] | None = None) -> Any:
    """Run the CLI, turning every user error into one line and exit status 2."""
    try:
        return cli.main(args=argv, prog_name="inspectkit", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("inspectkit: aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        click.echo(f"inspectkit: error: {exc.format_message()}", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    except InputError as exc:
        for problem in exc.problems:
            click.echo(f"inspectkit: error: {problem}", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:
        # A folder that cannot be made, a file that cannot be read: the user's to fix,
        # wherever it happens, so one line naming the path, not an "internal error".
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"inspectkit: error: {where}{exc.strerror or exc}", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    except Exception as exc:
        if os.environ.get("INSPECTKIT_DEBUG"):
            raise
        click.echo(
            f"inspectkit: internal error: {type(exc).__name__}: {exc} "
            "(set INSPECTKIT_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        sys.exit(1)
