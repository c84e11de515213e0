"""Whether a client takes gzip: one reading of ``Accept-Encoding`` for the static files and the API."""

from __future__ import annotations

from aiohttp import web

__all__ = ["accepts_gzip"]


def accepts_gzip(request: web.Request) -> bool:
    """Whether ``Accept-Encoding`` lists ``gzip`` (or ``x-gzip``) with a non-zero quality.

    ``gzip;q=0`` refuses it; a malformed quality counts as a refusal; other parameters are ignored.
    """
    for part in request.headers.get("Accept-Encoding", "").split(","):
        coding, *params = (x.strip().lower() for x in part.split(";"))
        if coding not in ("gzip", "x-gzip"):
            continue
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    return float(value) > 0
                except ValueError:
                    return False
        return True
    return False
