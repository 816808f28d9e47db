"""Security, proven: closed to the anonymous, CSRF, headers, cookies, lockout, escaping, 404s.

The URL configuration is walked, so a page added later is covered without
anyone remembering to add it here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from tests.web.conftest import PASSWORD, MakeUser, signed_in
from tests.web.records import EVIL_COUNCIL, make_inspection

from inspectkit.web import settings as real_settings
from inspectkit.web.models import Role, SampleFile

pytestmark = pytest.mark.django_db

OPEN_TO_ANYONE = {"inspectkit:sign-in", "favicon"}  # the icon redirects to a static file
# values tried for each URL argument until the pattern reverses
SAMPLE_VALUES = ("1", "ics", "auth", "cra_2010", "x")


def _patterns(
    resolvers: list[URLPattern | URLResolver], namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, inner)
        elif entry.name:
            yield f"{namespace}{entry.name}", entry


def _example_url(name: str, pattern: URLPattern) -> str:
    """A URL ``pattern`` answers, with sample arguments."""
    arguments = list(pattern.pattern.regex.groupindex)
    for values in itertools.product(SAMPLE_VALUES, repeat=len(arguments)):
        try:
            return reverse(name, kwargs=dict(zip(arguments, values, strict=True)))
        except NoReverseMatch:
            continue
    raise AssertionError(f"cannot make an example URL for {name}")


def every_url() -> list[tuple[str, str]]:
    return sorted(
        {(name, _example_url(name, p)) for name, p in _patterns(get_resolver().url_patterns)}
    )


def test_every_url_except_sign_in_refuses_the_anonymous() -> None:
    urls = every_url()
    assert len(urls) > 30  # ours and the admin's: the walk found them
    assert {name for name, _ in urls} >= OPEN_TO_ANYONE
    client = Client()
    for name, url in urls:
        for method in (client.get, client.post):
            response = method(url)
            if name in OPEN_TO_ANYONE:
                if name == "favicon":
                    assert response["Location"] == "/static/inspectkit/favicon.svg"
                else:
                    assert response.status_code in (200, 403), (name, url)  # 403: POST, no token
                continue
            # redirected, in one step or through the admin's own sign-in, to ours
            assert response.status_code == 302, (name, url, response.status_code)
            landed = method(url, follow=True)
            assert landed.request["PATH_INFO"] == "/sign-in/", (name, url)
            assert b'name="password"' in landed.content, (name, url)


def test_static_files_are_served_to_anyone_with_nosniff() -> None:
    response = Client().get("/static/inspectkit/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_post_without_csrf_token_is_refused(make_user: MakeUser) -> None:
    make_user("inspector1", Role.INSPECTOR)
    client = Client(enforce_csrf_checks=True)
    credentials = {"username": "inspector1", "password": PASSWORD}
    assert client.post("/sign-in/", credentials).status_code == 403
    page = client.get("/sign-in/")
    token = page.cookies["csrftoken"].value
    signed = client.post("/sign-in/", {**credentials, "csrfmiddlewaretoken": token})
    assert signed.status_code == 302
    assert client.post("/sign-out/").status_code == 403  # signing out needs the token too
    assert client.get("/").status_code == 200


def _policy_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


class _InlineFinder(HTMLParser):
    """Records every inline script, style and event handler in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {k for k, _ in attrs}
        if tag == "script":
            self._in_script = True
            if "src" not in names:
                self.found.append("a <script> without src")
        if tag == "style":
            self.found.append("a <style> element")
        for key, value in attrs:
            if key == "style" or key.startswith("on"):
                self.found.append(f"<{tag} {key}=...>")
            if value and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {key}=javascript:...>")

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.append("inline script text")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def _pages(admin_client: Client) -> dict[str, str]:
    from inspectkit.web.models import Readiness

    record = make_inspection("northwold", "Northwold Borough Council")
    record.done = {"publication": "2011-11-16"}  # published: its action plan is open
    record.save()
    checklist = Readiness.objects.create(council="Northwold Borough Council", regime="slac_2009")
    return {
        "readiness-list": "/readiness/",
        "readiness": f"/readiness/{checklist.pk}/",
        "action-plans": "/action-plans/",
        "action-plan": f"/inspections/{record.pk}/action-plan/",
        "sign-in": "/sign-in/",
        "home": "/",
        "regimes": "/regimes/",
        "regime": "/regimes/slac_2009/",
        "plan": "/plan/?regime=cra_2010&start=2011-10-17&region=ENG&locale=en_GB",
        "compare": "/compare/?start=2012-06-11",
        "inspections": "/inspections/",
        "inspection": f"/inspections/{record.pk}/",
        "audit": "/audit/",
    }


def test_every_page_sends_the_security_headers_and_has_no_inline_script(
    admin_client: Client,
) -> None:
    for name, url in _pages(admin_client).items():
        response = admin_client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        assert response["X-Frame-Options"] == "DENY", name
        assert response["X-Content-Type-Options"] == "nosniff", name
        policy = _policy_directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], name
        assert policy["style-src"] == ["'self'"], name
        assert policy["frame-ancestors"] == ["'none'"], name
        assert policy["object-src"] == ["'none'"], name
        header = response["Content-Security-Policy"]
        assert "unsafe-inline" not in header and "unsafe-eval" not in header, name
        finder = _InlineFinder()
        finder.feed(response.content.decode())
        assert finder.found == [], (name, finder.found)


def test_session_and_csrf_cookies_are_httponly_and_samesite_lax(make_user: MakeUser) -> None:
    make_user("inspector1", Role.INSPECTOR)
    client = Client()
    csrf = client.get("/sign-in/").cookies["csrftoken"]
    response = client.post("/sign-in/", {"username": "inspector1", "password": PASSWORD})
    session = response.cookies["sessionid"]
    for cookie in (session, csrf):
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
        assert not cookie["secure"]  # plain HTTP here; tests/web/test_web_https.py serves HTTPS


def test_real_settings_hash_with_argon2_and_rate_limit_with_axes() -> None:
    assert real_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert real_settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert real_settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert real_settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_sign_in_is_locked_per_account_and_address(make_user: MakeUser) -> None:
    make_user("inspector1", Role.INSPECTOR)
    make_user("inspector2", Role.INSPECTOR)
    here, elsewhere = {"REMOTE_ADDR": "10.0.0.1"}, {"REMOTE_ADDR": "10.0.0.2"}
    client = Client()
    for _ in range(real_settings.AXES_FAILURE_LIMIT):
        client.post("/sign-in/", {"username": "inspector1", "password": "wrong"}, **here)
    right = {"username": "inspector1", "password": PASSWORD}
    locked = client.post("/sign-in/", right, **here)
    assert locked.status_code == 429
    assert b"Signing in is paused" in locked.content
    assert Client().post("/sign-in/", right, **elsewhere).status_code == 302
    other = {"username": "inspector2", "password": PASSWORD}
    assert Client().post("/sign-in/", other, **here).status_code == 302


def test_a_council_name_with_markup_is_text_on_every_page(make_user: MakeUser) -> None:
    council = make_user("officer", Role.COUNCIL, council=EVIL_COUNCIL)
    admin = make_user("boss", Role.ADMIN)
    record = make_inspection("evil", EVIL_COUNCIL)
    escaped = b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"
    for user in (council, admin):
        client = signed_in(user)
        for url in ("/", "/inspections/", f"/inspections/{record.pk}/"):
            body = client.get(url).content
            assert escaped in body, (user, url)
            assert b"<script>alert(1)" not in body, (user, url)


def _object_urls(pk: int) -> list[tuple[str, str]]:
    """Every URL of the configuration that names an inspection by ``pk``, with its name."""
    urls = []
    for name, pattern in _patterns(get_resolver().url_patterns):
        arguments = list(pattern.pattern.regex.groupindex)
        if "pk" not in arguments or name.startswith("admin:"):
            continue
        others = [a for a in arguments if a != "pk"]
        for values in itertools.product(("ics", "csv", "letter"), repeat=len(others)):
            kwargs = {"pk": pk, **dict(zip(others, values, strict=True))}
            urls.append((name, reverse(name, kwargs=kwargs)))
    return sorted(set(urls))


# the case sample's pages show case references: the inspecting team's, not the council's
TEAM_ONLY = {
    "inspectkit:findings",
    "inspectkit:findings-check",
    "inspectkit:standing",
    "inspectkit:sample",
    "inspectkit:sample-download",
    "inspectkit:caselist-report",
    "inspectkit:document",
    "inspectkit:document-preview",
    "inspectkit:document-pdf",
    "inspectkit:document-pdf-file",
}
ADMIN_ONLY = {"inspectkit:case-data-delete"}
# a published inspection's action plan: its council and administrators fill it in, its
# team (and the inspectors of the council's later inspections) read it; 404 otherwise
ACTION_PLAN = {"inspectkit:action-plan", "inspectkit:action-plan-download"}
# a council's readiness checklists (named by checklist, not inspection): its own
# officers' and administrators'; 404 to another council, inspectors and policy
COUNCIL_ONLY = {
    "inspectkit:readiness-list",
    "inspectkit:readiness",
    "inspectkit:readiness-download",
}
# counts across every inspection, never case data: policy analysts and administrators only
POLICY_AND_ADMIN = {
    "inspectkit:outcomes",
    "inspectkit:outcomes-download",
    "inspectkit:outcomes-chart",
}


def _with_report(user: AbstractBaseUser, pk: int) -> Client:
    """Signed in, with a case-list report in the session (as after a failed upload)."""
    client = signed_in(user)
    session = client.session
    session[f"inspectkit:caselist-report:{pk}"] = ["cases.csv: row 2: a problem"]
    session.save()
    return client


def test_another_team_s_or_council_s_inspection_is_404(make_user: MakeUser) -> None:
    on_team = make_user("on_team", Role.INSPECTOR)
    off_team = make_user("off_team", Role.INSPECTOR)
    own_council = make_user("own", Role.COUNCIL, council="Northwold Borough Council")
    other_council = make_user("other", Role.COUNCIL, council="Southmere City Council")
    policy = make_user("analyst", Role.POLICY)
    admin = make_user("boss", Role.ADMIN)
    record = make_inspection("northwold", "Northwold Borough Council", on_team)
    # everything an object URL can show exists: a drawn sample, a case-list report, and
    # (its publication recorded done) the action plan
    SampleFile.objects.create(inspection=record, name="sample.csv", content=b"Case reference\n")
    record.done = {"publication": "2011-11-16"}
    record.save()
    # the walk tries "ics", "csv" and "letter" for other arguments: keep the URLs that exist
    boss = _with_report(admin, record.pk)
    urls = [(n, u) for n, u in _object_urls(record.pk) if boss.get(u).status_code != 404]
    assert {n for n, _u in urls} >= {
        "inspectkit:inspection",
        "inspectkit:inspection-plan",
        *TEAM_ONLY,
        *ACTION_PLAN,
    }
    for user, allowed in [
        (on_team, True),
        (own_council, True),
        (admin, True),
        (off_team, False),
        (other_council, False),
        (policy, False),
    ]:
        client = _with_report(user, record.pk)
        for name, url in urls:
            may = allowed and not (name in TEAM_ONLY and user is own_council)
            may = may and (name not in ADMIN_ONLY or user is admin)
            status = client.get(url).status_code
            # allowed: shown (a document whose checks fail is a 409, and the check panel's
            # address sends a GET to its page: neither is a denial)
            shown = status in (200, 302, 409)
            assert shown if may else status == 404, (user.get_username(), url, status)
    missing = _object_urls(record.pk + 1000)
    for _name, url in missing:
        assert signed_in(admin).get(url).status_code == 404


def test_a_council_s_checklists_are_its_own_and_administrators(make_user: MakeUser) -> None:
    from inspectkit.web.models import Readiness

    checklist = Readiness.objects.create(council="Northwold Borough Council", regime="cra_2010")
    walked = {name for name, _pattern in _patterns(get_resolver().url_patterns)}
    assert {n for n in walked if "readiness" in n} == COUNCIL_ONLY  # each one classified here
    urls = {
        "inspectkit:readiness-list": reverse("inspectkit:readiness-list"),
        "inspectkit:readiness": reverse("inspectkit:readiness", args=[checklist.pk]),
        "inspectkit:readiness-download": reverse(
            "inspectkit:readiness-download", args=[checklist.pk, "xlsx"]
        ),
    }
    own = make_user("own", Role.COUNCIL, council="Northwold Borough Council")
    other = make_user("other", Role.COUNCIL, council="Southmere City Council")
    for user, allowed in [
        (own, True),
        (make_user("boss", Role.ADMIN), True),
        (other, False),
        (make_user("inspector1", Role.INSPECTOR), False),
        (make_user("analyst", Role.POLICY), False),
    ]:
        client = signed_in(user)
        for name, url in urls.items():
            status = client.get(url).status_code
            may = allowed or (user is other and name == "inspectkit:readiness-list")
            assert status == 200 if may else status == 404, (user.get_username(), url, status)


def test_outcomes_are_for_policy_analysts_and_administrators_only(make_user: MakeUser) -> None:
    urls = [(n, u) for n, u in every_url() if n in POLICY_AND_ADMIN]
    assert {n for n, _u in urls} == POLICY_AND_ADMIN
    council = make_user("c", Role.COUNCIL, council="X")
    for user, may in [
        (make_user("boss", Role.ADMIN), True),
        (make_user("analyst", Role.POLICY), True),
        (make_user("inspector1", Role.INSPECTOR), False),
        (council, False),
    ]:
        client = signed_in(user)
        for name, url in urls:
            url = re.sub(r"outcomes\.[^/]*$", "outcomes.csv", url)  # the walk tried "1"
            status = client.get(url).status_code
            # a chart the store does not have is 404 to everyone; to others, so is all
            expected = 200 if may and name != "inspectkit:outcomes-chart" else 404
            assert status == expected, (user.get_username(), name, url, status)


def test_audit_log_is_for_administrators_only(make_user: MakeUser) -> None:
    for role in (Role.INSPECTOR, Role.POLICY):
        assert signed_in(make_user(f"u_{role}", role)).get("/audit/").status_code == 404
    council = make_user("c", Role.COUNCIL, council="X")
    assert signed_in(council).get("/audit/").status_code == 404
    assert signed_in(make_user("boss", Role.ADMIN)).get("/audit/").status_code == 200


def test_non_staff_cannot_reach_the_admin(make_user: MakeUser) -> None:
    client = signed_in(make_user("inspector1", Role.INSPECTOR))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).request["PATH_INFO"] == "/sign-in/"
