"""What every signed-in page costs, and that what is kept between requests stays right.

Under twenty people at once, the work done on every request decides how fast each
page answers (``benchmarks/bench_web.py``): a page reads the session and the
account with its profile (two queries), and the navigation and the regimes
table are rendered once and kept.  Kept parts must still follow a change of
role at once, and a change to the installed plugins.
"""

from __future__ import annotations

import pytest
from django.test import Client
from tests.web.conftest import MakeUser, signed_in
from tests.web.test_web_pages import PLAN_QUERY, _break_a_plugin

from inspectkit.web.models import Profile, Role

pytestmark = pytest.mark.django_db

PAGES = [
    "/regimes/",
    "/regimes/slac_2009/",
    f"/plan/?{PLAN_QUERY}",
    "/compare/?start=2012-06-11",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_reads_the_session_and_the_account_with_its_profile_only(
    policy_client: Client, path: str, django_assert_num_queries: object
) -> None:
    assert policy_client.get(path).status_code == 200  # kept parts rendered
    with django_assert_num_queries(2) as queries:  # type: ignore[operator]
        assert policy_client.get(path).status_code == 200
    sql = [query["sql"] for query in queries.captured_queries]
    assert "django_session" in sql[0]
    assert "auth_user" in sql[1] and "inspectkit_profile" in sql[1]


def test_the_kept_navigation_follows_the_role_and_the_page(make_user: MakeUser) -> None:
    admin = signed_in(make_user("boss", Role.ADMIN))
    policy = signed_in(make_user("analyst", Role.POLICY))
    inspector = signed_in(make_user("on_team", Role.INSPECTOR))
    for _ in range(2):  # the second time, from what was kept
        admin_page = admin.get("/regimes/").content.decode()
        policy_page = policy.get("/regimes/").content.decode()
        inspector_page = inspector.get("/plan/").content.decode()
        assert 'href="/audit/"' in admin_page and 'href="/admin/"' in admin_page
        assert 'href="/audit/"' not in policy_page and 'href="/inspections/"' not in policy_page
        assert 'href="/inspections/"' in inspector_page
        assert 'href="/audit/"' not in inspector_page
        assert 'href="/regimes/" aria-current="page"' in policy_page
        assert 'href="/plan/" aria-current="page"' in inspector_page
        assert 'href="/regimes/" aria-current="page"' not in inspector_page
        assert ">analyst (Policy)<" in policy_page and ">boss (Administrator)<" in admin_page


def test_a_change_of_role_shows_on_the_next_page(make_user: MakeUser) -> None:
    user = make_user("analyst", Role.POLICY)
    client = signed_in(user)
    assert 'href="/inspections/"' not in client.get("/regimes/").content.decode()
    Profile.objects.filter(user=user).update(role=Role.INSPECTOR)
    page = client.get("/regimes/").content.decode()
    assert 'href="/inspections/"' in page and "(Inspector)" in page
    assert client.get("/audit/").status_code == 404


def test_a_deactivated_account_is_signed_out_at_its_next_page(make_user: MakeUser) -> None:
    user = make_user("analyst", Role.POLICY)
    client = signed_in(user)
    assert client.get("/regimes/").status_code == 200
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    response = client.get("/regimes/")
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_the_kept_regimes_table_follows_a_plugin_added_since(
    admin_client: Client, policy_client: Client
) -> None:
    assert "cannot be used" not in policy_client.get("/regimes/").content.decode()
    assert "misspelt" not in admin_client.get("/regimes/").content.decode()
    _break_a_plugin()  # the same plugin host, changed in place
    assert "1 installed plugin cannot be used" in policy_client.get("/regimes/").content.decode()
    assert "misspelt" in admin_client.get("/regimes/").content.decode()
