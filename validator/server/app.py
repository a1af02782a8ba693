"""The FastAPI application: routes, middleware, error answers, and the service's lifetime."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from swagger_ui_bundle import swagger_ui_path

from validator import __version__
from validator.batch import CheckerFactory
from validator.server import api, pages
from validator.server.errors import ApiError, ErrorBody, megabytes
from validator.server.security import BodyLimit, SecurityHeaders, TokenGuard, is_api
from validator.server.service import RuleCatalogue, Service
from validator.server.settings import ServerSettings

STATIC = Path(__file__).parent / "static"
_TOO_MANY_FILES = "Too many files"

log = logging.getLogger("validator.server")


def create_app(settings: ServerSettings, factory: CheckerFactory | None = None,
               catalogue: RuleCatalogue | None = None) -> FastAPI:
    """The app; its worker pool starts with the app's lifespan (`factory` replaces the
    real checker in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service = Service(settings, factory, catalogue)
        app.state.service = service
        try:
            yield
        finally:
            service.close()

    app = FastAPI(
        title="bhxh-validator",
        version=__version__,
        description="Checks decisions and regulations of BHXH/BHYT steering committees "
                    "(SPEC sections 8 and 9). Errors: `{\"error\": {code, message, message_en}}`.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        form_limits={"max_files": settings.max_files},
    )
    app.state.settings = settings
    # The middleware enforces the token; the scheme tells /docs and clients it is needed.
    documented = [Depends(HTTPBearer(auto_error=False))] if settings.token else []
    app.include_router(api.router, dependencies=documented)
    app.include_router(api.health_router)
    app.include_router(pages.router)
    app.mount("/static/swagger", StaticFiles(directory=str(swagger_ui_path)), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(TokenGuard, token=settings.token)
    app.add_middleware(SecurityHeaders)
    _add_error_handlers(app, settings)
    return app


def _add_error_handlers(app: FastAPI, settings: ServerSettings) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        return answer(request, error)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        # Starlette's multipart parser turns its file-count limit into a 400.
        if exc.status_code == 400 and str(exc.detail).startswith(_TOO_MANY_FILES):
            error = ApiError("too_many_files", limit=settings.max_files)
        elif exc.status_code == 413:
            error = ApiError("too_large", limit=megabytes(settings.max_request_bytes))
        else:
            error = ApiError.for_status(exc.status_code, str(exc.detail))
        return answer(request, error, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = "; ".join(
            f"{'.'.join(str(part) for part in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors())
        return answer(request, ApiError("invalid_request", detail=detail))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.error("%s %s", request.method, request.url.path, exc_info=exc)
        return answer(request, ApiError("internal"))


def answer(request: Request, error: ApiError,
           headers: dict[str, str] | None = None) -> Response:
    """JSON for the API, a page for a browser."""
    if not is_api(request.url.path) and hasattr(request.app.state, "service"):
        response: Response = pages.error_page(request, error)
    else:
        response = JSONResponse(ErrorBody(error=error.info).model_dump(),
                                status_code=error.status)
    if headers:
        response.headers.update(headers)
    if error.status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response
