"""Where the web application keeps its data, and which database it uses.

The embedded default is one SQLite file in the user's data folder, so a person
runs ``inspectkit serve`` with no set-up; a team points it at PostgreSQL.  The
database is chosen once, in this order: ``--database URL``, then
``INSPECTKIT_DATABASE_URL``, then the SQLite file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import platformdirs

from inspectkit.errors import InputError

ENV_DATA_DIR = "INSPECTKIT_DATA_DIR"
ENV_DATABASE_URL = "INSPECTKIT_DATABASE_URL"
SQLITE_FILE = "inspectkit.sqlite3"
SCHEMES = ("sqlite", "postgres", "postgresql")


def data_dir() -> Path:
    """``INSPECTKIT_DATA_DIR``, else the platform's per-user data folder (platformdirs)."""
    given = os.environ.get(ENV_DATA_DIR, "").strip()
    if given:
        return Path(given).expanduser()

    return Path(platformdirs.user_data_dir("inspectkit", appauthor=False))


def ensure_data_dir() -> Path:
    """The data folder, created readable by its owner only (it holds the secret key)."""
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise InputError.single(
            f"{folder}: cannot create the data folder ({exc.strerror or exc}); "
            f"set {ENV_DATA_DIR} to a folder you can write"
        ) from None
    return folder


def database_url(option: str | None = None) -> str:
    """The database to use: the ``--database`` option, the environment, or SQLite."""
    if option and option.strip():
        return option.strip()
    from_env = os.environ.get(ENV_DATABASE_URL, "").strip()
    if from_env:
        return from_env
    return f"sqlite:///{data_dir() / SQLITE_FILE}"


def redacted(url: str) -> str:
    """``url`` safe to print: any password replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))


def database_settings(url: str) -> dict[str, Any]:
    """Django's ``DATABASES["default"]`` for ``url`` (dj-database-url parses it).

    SQLite gets write-ahead logging and immediate transactions, so the server's
    threads read while one writes instead of failing with "database is locked".
    """
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise InputError.single(
            f"database: expected sqlite:///FILE or postgresql://USER@HOST/NAME, "
            f"got {redacted(url)!r}"
        )
    # each server thread keeps its connection between requests (health-checked), rather
    # than connecting, and for SQLite setting its pragmas, on every request
    config: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    )
    if scheme == "sqlite":
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config
