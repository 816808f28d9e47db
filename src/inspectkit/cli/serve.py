"""``inspectkit serve`` and ``inspectkit db``: the web application and its database.

``serve`` sets Django up on the chosen database, migrates it (unless told not
to), creates the first administrator when there is no account (printing its
password once), optionally loads every installed plugin's example inspections
(``--demo``), and serves the application until interrupted: with gunicorn worker
processes on POSIX (one per core by default), with waitress threads on Windows.
All of that setting up happens once, here, before any worker is forked.
"""

from __future__ import annotations

import os
import time
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

import click

from inspectkit.cli.console import console, warn
from inspectkit.errors import InputError

if TYPE_CHECKING:
    from inspectkit.web.demo import DemoLoaded

database_option = click.option(
    "--database",
    metavar="URL",
    help="postgresql://USER:PASSWORD@HOST/NAME or sqlite:///FILE "
    "(default: $INSPECTKIT_DATABASE_URL, else SQLite in the data folder).",
)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port, printed).",
)
@database_option
@click.option("--no-migrate", is_flag=True, help="Refuse to start on an unmigrated database.")
@click.option("--demo", is_flag=True, help="Load every installed plugin's example inspections.")
@click.option(
    "--https",
    "behind_https",
    is_flag=True,
    help="Users reach this server over HTTPS through a proxy: secure cookies, HSTS.",
)
@click.option(
    "--trusted-proxy",
    metavar="ADDRESS",
    help="With --https: the proxy's address, whose X-Forwarded-For and X-Forwarded-Proto "
    "headers are believed (default 127.0.0.1, a proxy on this machine).",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="A host name users type to reach the server (repeatable).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Worker processes (default: two per core; POSIX only, Windows serves with threads).",
)
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    help="Threads per worker process (default: 2; 8 on Windows, in its one process).",
)
def serve(
    host: str,
    port: int,
    database: str | None,
    no_migrate: bool,
    demo: bool,
    behind_https: bool,
    trusted_proxy: str | None,
    allowed_hosts: tuple[str, ...],
    workers: int | None,
    threads: int | None,
) -> None:
    """Serve the web application (default http://127.0.0.1:8000/) until Ctrl+C."""
    # lazy: keeps inspectkit.web.server (6 ms) off the start-up of `inspectkit serve --help`
    from inspectkit.web.server import (
        WorkerProcesses,
        address,
        bound_addresses,
        create_server,
        default_threads,
        default_workers,
        is_loopback,
        uses_worker_processes,
    )

    began = time.perf_counter()
    loopback = is_loopback(host)
    if not loopback and not behind_https:
        warn(
            f"--host {host} exposes the application beyond this machine without HTTPS: "
            "passwords and pages cross the network readable. Put an HTTPS proxy in front "
            "and add --https."
        )
    if host in ("0.0.0.0", "::") and not allowed_hosts:
        raise InputError.single(
            f"--host {host} answers to any name: give --allowed-host NAME for each name "
            "users type to reach it"
        )
    names = [host.strip("[]")] if host not in ("0.0.0.0", "::") else []
    if loopback:
        names += ["127.0.0.1", "localhost", "[::1]"]
    os.environ["INSPECTKIT_ALLOWED_HOSTS"] = ",".join(dict.fromkeys([*names, *allowed_hosts]))
    os.environ["INSPECTKIT_HTTPS"] = "1" if behind_https else ""

    threads = threads or default_threads()
    url = _start_django(database, migrate=not no_migrate, demo=demo)
    _warm_up()
    proxy = (trusted_proxy or "127.0.0.1") if behind_https else None
    server: Any
    if uses_worker_processes():
        server = WorkerProcesses(
            host,
            port,
            workers=workers or default_workers(),
            threads=threads,
            trusted_proxy=proxy,
        )
    else:
        if workers and workers > 1:
            warn("--workers needs gunicorn, which does not run on Windows: serving with threads")
        server = create_server(host, port, threads=threads, trusted_proxy=proxy)
    _announce_first_admin()
    # lazy: keeps inspectkit.web.database (4 ms) off the start-up of `inspectkit serve --help`
    from inspectkit.web.database import redacted

    # plain lines, never wrapped: scripts and tests read the address from them
    click.echo(f"database: {redacted(url)}")
    for bound_host, bound_port in bound_addresses(server):
        click.echo(
            f"inspectkit is ready at {address(bound_host, bound_port)} "
            f"(started in {time.perf_counter() - began:.2f} s; Ctrl+C stops it)"
        )
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.close()


def _start_django(database: str | None, *, migrate: bool, demo: bool) -> str:
    """Django set up on the database, migrated, and with ``--demo`` the examples stored.

    Where worker processes are forked from this one, the examples are built and stored
    by a spawned process (polars must not run here), which starts first and builds
    while this one migrates.
    """
    # lazy: keeps inspectkit.web.server (6 ms) off the start-up of `inspectkit serve --help`
    from inspectkit.web.server import uses_worker_processes

    # lazy: keeps inspectkit.web.setup (5 ms) off the start-up of `inspectkit serve --help`
    from inspectkit.web.setup import configure, prepare_environment, require_migrated
    from inspectkit.web.setup import migrate as apply_migrations

    with ExitStack() as stack:
        build = None
        if demo and uses_worker_processes():
            # lazy: the web application's modules need Django set up first
            from inspectkit.web.demo_process import DemoBuild

            prepare_environment(database)  # the spawned process reads the same settings
            build = stack.enter_context(DemoBuild())
        url = configure(database)
        if migrate:
            apply_migrations()
        else:
            require_migrated(url)
        if build is not None:
            _report_demo(build.stored())
        elif demo:
            # lazy: the web application's modules need Django set up first
            from inspectkit.web.demo import load_demo

            _report_demo(load_demo())
    return url


def _report_demo(loaded: DemoLoaded) -> None:
    for line in loaded.notes:
        warn(line)
    click.echo(
        f"demo: {len(loaded.added)} example inspections added, "
        f"{len(loaded.kept)} already in the store"
    )


def _announce_first_admin() -> None:
    """Print the first administrator's password, once, to the terminal only."""
    # lazy: the web application's modules need Django set up first
    from inspectkit.web.first_admin import create_first_admin

    created = create_first_admin()
    if created is None:
        return
    click.echo(
        f"First start: sign in as {created.username} with password {created.password}\n"
        "(shown only this once and stored only as a hash; change it after signing in)"
    )


def _warm_up() -> None:
    """Load the plugins before the first request, so it is as fast as every other."""
    # lazy: keeps inspectkit.plugins (92 ms) off the start-up of `inspectkit serve --help`
    from inspectkit.plugins import get_host

    get_host()


@click.group()
def db() -> None:
    """The web application's database."""


@db.command()
@database_option
def migrate(database: str | None) -> None:
    """Create or update the database's tables."""
    # lazy: keeps inspectkit.web.database (4 ms) off the start-up of `inspectkit serve --help`
    from inspectkit.web.database import redacted

    # lazy: keeps inspectkit.web.setup (5 ms) off the start-up of `inspectkit serve --help`
    from inspectkit.web.setup import configure
    from inspectkit.web.setup import migrate as apply_migrations

    url = configure(database)
    applied = apply_migrations()
    what = f"applied {len(applied)} migrations" if applied else "already up to date"
    console().print(f"database {redacted(url)}: {what}", markup=False)
