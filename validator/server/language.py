"""How a request picks its language: `?lang=en|vi` (remembered in a cookie), else the
browser's Accept-Language, else Vietnamese. The words themselves come from the catalogue
(validator.i18n), as everywhere else."""

from __future__ import annotations

from starlette.requests import Request

from validator.i18n import Lang

LANG_COOKIE = "lang"


def _parse_lang(value: str | None) -> Lang | None:
    return value if value in ("vi", "en") else None  # type: ignore[return-value]


def accept_language(header: str) -> Lang | None:
    """The first of vi and en in the browser's preference order (RFC 9110 q-values)."""
    ranked: list[tuple[float, int, Lang]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("vi", "en"):
            continue
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, primary))  # type: ignore[arg-type]
    return min(ranked)[2] if ranked else None


def request_lang(request: Request) -> Lang:
    return (
        _parse_lang(request.query_params.get("lang"))
        or _parse_lang(request.cookies.get(LANG_COOKIE))
        or accept_language(request.headers.get("accept-language", ""))
        or "vi"
    )
