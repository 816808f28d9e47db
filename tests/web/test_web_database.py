"""The data folder, the database chosen, and the secret key made once."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from inspectkit.errors import InputError
from inspectkit.web.database import (
    ENV_DATA_DIR,
    ENV_DATABASE_URL,
    data_dir,
    database_settings,
    database_url,
    redacted,
)
from inspectkit.web.secret import ENV_SECRET_KEY, SECRET_FILE, secret_key


def test_data_dir_is_the_environment_s_else_the_platform_s(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "here"))
    assert data_dir() == tmp_path / "here"
    monkeypatch.delenv(ENV_DATA_DIR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "inspectkit"


def test_database_option_beats_environment_beats_sqlite(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path))
    monkeypatch.delenv(ENV_DATABASE_URL, raising=False)
    assert database_url() == f"sqlite:///{tmp_path / 'inspectkit.sqlite3'}"
    monkeypatch.setenv(ENV_DATABASE_URL, "postgresql://team@db/inspectkit")
    assert database_url() == "postgresql://team@db/inspectkit"
    assert database_url("postgresql://me@other/ik") == "postgresql://me@other/ik"


def test_sqlite_settings_use_wal_and_immediate_transactions(tmp_path: Path) -> None:
    config = database_settings(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "x.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgresql_settings() -> None:
    config = database_settings("postgresql://team:pw@db.example:5433/inspectkit")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("inspectkit", "db.example", 5433)


def test_unknown_database_is_one_line_without_the_password() -> None:
    with pytest.raises(InputError) as caught:
        database_settings("mysql://me:secret@db/x")
    (line,) = caught.value.problems
    assert "secret" not in line
    assert "postgresql://" in line and "mysql://me:***@db/x" in line


def test_redacted_hides_only_the_password() -> None:
    assert redacted("postgresql://me:hunter2@db:5432/ik") == "postgresql://me:***@db:5432/ik"
    assert redacted("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"


def test_secret_key_made_once_readable_by_owner_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(ENV_SECRET_KEY, raising=False)
    first = secret_key(tmp_path)
    path = tmp_path / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) >= 50
    assert secret_key(tmp_path) == first  # read back, not made again
    monkeypatch.setenv(ENV_SECRET_KEY, "k" * 60)
    assert secret_key(tmp_path) == "k" * 60


def test_short_secret_key_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_SECRET_KEY, raising=False)
    (tmp_path / SECRET_FILE).write_text("short\n")
    with pytest.raises(InputError, match="shorter than 50"):
        secret_key(tmp_path)
    monkeypatch.setenv(ENV_SECRET_KEY, "short")
    with pytest.raises(InputError, match="at least 50"):
        secret_key(tmp_path)


@pytest.mark.django_db
def test_the_tests_run_on_the_database_asked_for() -> None:
    """SQLite by default; PostgreSQL when INSPECTKIT_TEST_POSTGRES_URL names one (CI)."""
    import os

    from django.db import connection

    wanted = "postgresql" if os.environ.get("INSPECTKIT_TEST_POSTGRES_URL") else "sqlite"
    assert connection.vendor == wanted
