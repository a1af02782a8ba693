"""`validate serve`: the reviewers' web pages and the HTTP API (SPEC section 9).

    app.py        the FastAPI application: routes, middleware, error answers, lifespan
    api.py        /api/v1/... and /health, with their OpenAPI models
    pages.py      the HTML pages (templates/, static/), in the report templates' environment
    language.py   which language a request wants
    errors.py     error codes, HTTP statuses and their messages
    service.py    what a running server holds: settings, database, rules, worker pool
    runner.py     the dispatcher thread feeding the worker pool (validator.batch.Batch)
    store.py      jobs, uploads and reports in SQLite
    uploads.py    uploads onto disk under generated names; format from magic bytes; limits
    downloads.py  a job's reports through the report formatters' registry; reply letters
    security.py   the token guard and security headers
"""

from validator.server.app import create_app
from validator.server.settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
