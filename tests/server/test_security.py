"""The token guard, the login cookie, security headers and escaping."""

from __future__ import annotations

import pytest

from validator.server.security import SESSION_COOKIE, safe_next

from .helpers import upload, wait_done

TOKEN = "s3cret-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def guarded(make_client):
    return make_client(token=TOKEN)


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/api/v1/rules"), ("GET", "/api/v1/jobs/abc"), ("GET", "/api/v1/jobs/abc/report.json"),
    ("POST", "/api/v1/check"), ("POST", "/api/v1/jobs"), ("GET", "/openapi.json"),
])
def test_the_api_needs_the_token(guarded, method: str, path: str) -> None:
    refused = guarded.request(method, path, files=upload(("a.txt", "compliant")) if method ==
                              "POST" else None)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert refused.json()["error"]["code"] == "unauthorized"
    wrong = guarded.request(method, path, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_the_right_token_opens_the_api_and_health_needs_none(guarded) -> None:
    assert guarded.get("/health").status_code == 200
    assert guarded.get("/api/v1/rules", headers=BEARER).status_code == 200
    answer = guarded.post("/api/v1/check", headers=BEARER, files=upload(("a.txt", "compliant")))
    assert answer.status_code == 200
    assert answer.json()["documents"][0]["verdict"] == "compliant"
    schema = guarded.get("/openapi.json", headers=BEARER).json()
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


@pytest.mark.parametrize("path", ["/", "/jobs/abc", "/jobs/abc/documents/1", "/docs"])
def test_pages_send_a_browser_to_the_login_form(guarded, path: str) -> None:
    answer = guarded.get(path, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=")


def test_logging_in_sets_a_session_cookie_that_is_not_the_token(guarded) -> None:
    form = guarded.get("/login?next=/jobs/x")
    assert form.status_code == 200 and 'name="token"' in form.text
    wrong = guarded.post("/login", data={"token": "nope", "next": "/"}, follow_redirects=False)
    assert wrong.status_code == 401
    assert "Mã truy cập không đúng" in wrong.text
    assert guarded.cookies.get(SESSION_COOKIE) is None
    right = guarded.post("/login", data={"token": TOKEN, "next": "/?lang=en"},
                         follow_redirects=False)
    assert right.status_code == 303 and right.headers["location"] == "/?lang=en"
    cookie = right.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    assert TOKEN not in cookie
    page = guarded.get("/")
    assert page.status_code == 200 and 'action="/logout"' in page.text
    job = guarded.post("/jobs", files=upload(("a.txt", "compliant")), follow_redirects=False)
    assert job.status_code == 303
    assert guarded.get(f"/api/v1/jobs/{job.headers['location'].rsplit('/', 1)[1]}").status_code \
        == 200  # the cookie opens the download links too
    guarded.post("/logout")
    assert guarded.get("/", follow_redirects=False).status_code == 303


def test_after_login_goes_only_to_this_server() -> None:
    assert safe_next("/jobs/1?lang=en") == "/jobs/1?lang=en"
    for hostile in ("https://evil.example/", "//evil.example/", "/\\evil.example", "", None):
        assert safe_next(hostile) == "/"


def test_pages_carry_a_content_security_policy(client) -> None:
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert "connect-src 'self'" in client.get("/docs").headers["content-security-policy"]


def test_names_from_uploads_are_escaped_in_pages(client) -> None:
    hostile = "<img src=x onerror='alert(1)'>.txt"
    job = client.post("/api/v1/jobs", files=upload((hostile, "non_compliant"))).json()
    wait_done(client, job["id"])
    for path in (f"/jobs/{job['id']}", f"/jobs/{job['id']}/documents/1"):
        text = client.get(path).text
        assert "<img src=x" not in text
        assert "&lt;img src=x onerror=&#39;alert(1)&#39;&gt;.txt" in text
