"""Behind an HTTPS proxy (``serve --https``): secure cookies and HSTS, from the real server."""

from __future__ import annotations

import http.client
import re
import urllib.parse
from pathlib import Path

import pytest
from tests.web.serving import start_server


def _request(
    url: str, method: str, path: str, headers: dict[str, str], body: str = ""
) -> http.client.HTTPResponse:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    connection.request(method, path, body=body or None, headers=headers)
    return connection.getresponse()


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    return {c.split("=", 1)[0].strip(): c for c in response.headers.get_all("Set-Cookie") or []}


@pytest.mark.slow
def test_cookies_are_secure_and_hsts_is_sent_behind_an_https_proxy(
    tmp_path: Path, server_database: str
) -> None:
    with start_server(tmp_path, "--https", database=server_database) as server:
        username, password = server.first_admin()
        origin = server.url.replace("http://", "https://").rstrip("/")
        proxied = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
        page = _request(server.url, "GET", "/sign-in/", proxied)
        html = page.read().decode()
        assert page.status == 200
        assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        csrf_cookie = _cookies(page)["csrftoken"]
        assert "Secure" in csrf_cookie and "HttpOnly" in csrf_cookie
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token is not None
        cookie_value = csrf_cookie.split(";", 1)[0].strip()
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password}
        )
        signed = _request(
            server.url,
            "POST",
            "/sign-in/",
            {
                **proxied,
                "Cookie": cookie_value,
                "Origin": origin,
                "Referer": f"{origin}/sign-in/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            form,
        )
        signed.read()
        assert signed.status == 302, signed.status
        session = _cookies(signed)["sessionid"]
        assert "Secure" in session and "HttpOnly" in session and "SameSite=Lax" in session
