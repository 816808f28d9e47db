"""``inspectkit serve`` and ``db migrate``: first start, the printed password, the bind."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from tests.web.serving import query_one, run_inspectkit, serve_env, start_server

from inspectkit.web import settings as real_settings
from inspectkit.web.first_admin import create_first_admin
from inspectkit.web.models import Profile, Role


@pytest.mark.django_db
def test_first_admin_only_when_there_is_no_account() -> None:
    with override_settings(PASSWORD_HASHERS=real_settings.PASSWORD_HASHERS):
        created = create_first_admin()
        assert created is not None
        user = get_user_model().objects.get(username=created.username)
        assert user.check_password(created.password)
    assert user.is_superuser and user.is_staff
    assert Profile.objects.get(user=user).role == Role.ADMIN
    assert user.password.startswith("argon2$")  # hashed with argon2, never kept in plain
    assert created.password not in user.password
    assert create_first_admin() is None


@pytest.mark.slow
def test_serve_binds_loopback_prints_password_once_and_answers(
    tmp_path: Path, server_database: str
) -> None:
    with start_server(tmp_path, database=server_database) as server:
        username, password = server.first_admin()
        assert server.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(server.url + "sign-in/") as response:
            assert response.status == 200
        assert server.seconds_to_ready < 10
    assert not [e for e in server.errors if "Traceback" in e]
    # the password is in no file of the data folder, and the database keeps only a hash
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path
    (stored,) = query_one(
        server_database, "SELECT password FROM auth_user WHERE username = %s", username
    )
    assert isinstance(stored, str) and stored.startswith("argon2$")
    with start_server(tmp_path, database=server_database) as again:
        assert not any("password" in line for line in again.output)


@pytest.mark.slow
def test_serve_warns_when_exposed_without_https(tmp_path: Path, server_database: str) -> None:
    with start_server(tmp_path, "--host", "127.0.0.2", database=server_database) as server:
        assert server.url.startswith("http://127.0.0.2:")
    # 127.0.0.2 is loopback: no warning
    assert not any("without HTTPS" in e for e in server.errors)
    result = run_inspectkit(["serve", "--host", "0.0.0.0", "--port", "0"], serve_env(tmp_path))
    assert result.returncode == 2
    said = " ".join(result.stderr.split())
    assert "--host 0.0.0.0 exposes the application beyond this machine without HTTPS" in said
    assert "give --allowed-host NAME" in said
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_no_migrate_refuses_an_unmigrated_database_then_db_migrate_fixes_it(
    tmp_path: Path, server_database: str
) -> None:
    env = serve_env(tmp_path, INSPECTKIT_DATABASE_URL=server_database)
    result = run_inspectkit(["serve", "--no-migrate", "--port", "0"], env)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "migrations are not applied" in line and "inspectkit db migrate" in line
    first = run_inspectkit(["db", "migrate"], env)
    assert first.returncode == 0, first.stderr
    assert "applied" in first.stdout
    second = run_inspectkit(["db", "migrate"], env)
    assert "already up to date" in second.stdout


@pytest.mark.slow
def test_unreachable_database_is_one_line_without_password(tmp_path: Path) -> None:
    env = serve_env(tmp_path)
    result = run_inspectkit(
        ["db", "migrate", "--database", "postgresql://me:hunter2@127.0.0.1:1/none"], env
    )
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "cannot connect" in line and "hunter2" not in line and "me:***@" in line
