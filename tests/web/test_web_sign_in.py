"""Signing in and out with Django's own views."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.web.conftest import PASSWORD, MakeUser

from inspectkit.web.models import Role


@pytest.mark.django_db
def test_sign_in_then_home_then_sign_out(make_user: MakeUser) -> None:
    make_user("inspector1", Role.INSPECTOR)
    client = Client()
    response = client.post("/sign-in/", {"username": "inspector1", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    home = client.get("/")
    assert home.status_code == 200
    assert b"inspector1" in home.content and b"Inspector" in home.content
    out = client.post("/sign-out/")
    assert out.status_code == 302
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_wrong_password_shows_the_form_again(make_user: MakeUser) -> None:
    make_user("inspector1", Role.INSPECTOR)
    response = Client().post("/sign-in/", {"username": "inspector1", "password": "wrong"})
    assert response.status_code == 200
    assert b"did not match" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "council", "expected"),
    [
        (Role.ADMIN, "", b"administration pages"),
        (Role.INSPECTOR, "", b"whose team you are on"),
        (Role.COUNCIL, "Northwold Borough Council", b"The inspections of Northwold"),
        (Role.POLICY, "", b"compare regimes"),
    ],
)
def test_home_page_per_role(make_user: MakeUser, role: Role, council: str, expected: bytes) -> None:
    client = Client()
    client.force_login(make_user("someone", role, council))
    assert expected in client.get("/").content
