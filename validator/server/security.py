"""The token guard and the security headers, as plain ASGI middleware around every route.

With a token (`VALIDATOR_TOKEN`), every route but `/health`, the login form and the static
style sheet and script needs it: programs send `Authorization: Bearer <token>`, browsers get
a session cookie from the login form (HttpOnly, SameSite=Strict, so another site cannot
post uploads with it). The cookie holds an HMAC of the token, never the token itself.
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import quote

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from validator.server.errors import ApiError, ErrorBody

SESSION_COOKIE = "validator_session"
OPEN_PATHS = frozenset({"/health", "/login"})
OPEN_PREFIXES = ("/static/",)

PAGE_CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# Swagger UI sets style attributes and fetches the schema.
DOCS_CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")
_HEADERS = (
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
)


def session_value(token: str) -> str:
    return hmac.new(token.encode(), b"validator-session", hashlib.sha256).hexdigest()


def authorised(connection: HTTPConnection, token: str) -> bool:
    scheme, _, given = connection.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return True
    cookie = connection.cookies.get(SESSION_COOKIE, "")
    return hmac.compare_digest(cookie.encode(), session_value(token).encode())


def is_api(path: str) -> bool:
    return path.startswith("/api/") or path in ("/openapi.json", "/health")


def safe_next(target: str | None) -> str:
    """A place on this server to go back to after logging in (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


class TokenGuard:
    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.token is None or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        connection = HTTPConnection(scope)
        if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES) or authorised(connection,
                                                                               self.token):
            await self.app(scope, receive, send)
            return
        await self._refuse(path, connection)(scope, receive, send)

    @staticmethod
    def _refuse(path: str, connection: HTTPConnection) -> Response:
        if is_api(path):
            body = ErrorBody(error=ApiError("unauthorized").info)
            return JSONResponse(body.model_dump(), status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})
        target = path + (f"?{connection.url.query}" if connection.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


class BodyTooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=413)


class BodyLimit:
    """Refuses request bodies over `limit` bytes while they are read, with the app's own
    413 answer. (Starlette's limit answers in plain text, replacing any other answer.)"""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        received = 0

        async def receive_with_limit() -> Message:
            nonlocal received
            if declared.isdigit() and int(declared) > self.limit:
                raise BodyTooLarge
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise BodyTooLarge
            return message

        await self.app(scope, receive_with_limit, send)


class SecurityHeaders:
    """CSP and friends on every answer that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope["path"] == "/docs" else PAGE_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("content-security-policy", policy)
                for name, value in _HEADERS:
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
