"""Fixtures for the web application's tests: people of every role, signed in.

Django is configured by pytest-django from ``tests/web/settings.py`` (a
throw-away data folder; PostgreSQL when ``INSPECTKIT_TEST_POSTGRES_URL`` is set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client
from tests.web.serving import fresh_database

from inspectkit.plugins import reset_host
from inspectkit.web.models import Profile, Role

PASSWORD = "a long test password 42"


@pytest.fixture(autouse=True)
def _fresh_host(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    reset_host()
    yield
    reset_host()


MakeUser = Callable[..., AbstractBaseUser]


@pytest.fixture
def make_user(db: None) -> MakeUser:
    """``make_user("name", Role.INSPECTOR, council="")``: an account with a profile."""

    def make(username: str, role: Role, council: str = "") -> AbstractBaseUser:
        users = get_user_model()
        if role == Role.ADMIN:
            user = users.objects.create_superuser(username=username, password=PASSWORD)
        else:
            user = users.objects.create_user(username=username, password=PASSWORD)
        Profile.objects.create(user=user, role=role, council=council)
        return user

    return make


def signed_in(user: AbstractBaseUser) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(make_user: MakeUser) -> Client:
    return signed_in(make_user("boss", Role.ADMIN))


@pytest.fixture
def policy_client(make_user: MakeUser) -> Client:
    return signed_in(make_user("analyst", Role.POLICY))


@pytest.fixture
def server_database(tmp_path: Path) -> Iterator[str]:
    """A fresh database for a real ``inspectkit`` process (SQLite, or PostgreSQL in CI)."""
    with fresh_database(tmp_path) as url:
        yield url
