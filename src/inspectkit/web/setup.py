"""Starting Django from a command: the database chosen, connected, and migrated.

Commands call :func:`configure` before touching a model.  A database that
cannot be reached, or one whose tables are behind this version's, is one line
naming it (password hidden) with exit status 2, never a traceback.
"""

from __future__ import annotations

import os

import django
from django.core.management import call_command
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor

from inspectkit.errors import InputError
from inspectkit.web.database import ENV_DATABASE_URL, database_url, redacted

SETTINGS_MODULE = "inspectkit.web.settings"


def prepare_environment(database: str | None = None) -> str:
    """The settings module and database URL put in the environment, where Django's
    settings (and a process started from this one) read them; the URL."""
    url = database_url(database)
    os.environ[ENV_DATABASE_URL] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    return url


def configure(database: str | None = None) -> str:
    """Set Django up on ``database`` (else the environment's, else SQLite); the URL used."""
    url = prepare_environment(database)
    django.setup()
    check_connection(url)
    return url


def check_connection(url: str) -> None:
    try:
        connection.ensure_connection()
    except OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError.single(f"database {redacted(url)}: cannot connect: {reason}") from None


def migrate() -> list[str]:
    """Apply every migration not yet applied; the names of those applied."""
    waiting = unapplied_migrations()
    if waiting:
        call_command("migrate", interactive=False, verbosity=0)
    return waiting


def unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def require_migrated(url: str) -> None:
    waiting = unapplied_migrations()
    if waiting:
        raise InputError.single(
            f"database {redacted(url)}: {len(waiting)} migrations are not applied "
            "(run `inspectkit db migrate`, or start without --no-migrate)"
        )
