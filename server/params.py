"""Request parameters: every route names the ones it takes; anything else is a 400."""

from __future__ import annotations

from collections.abc import Collection

from aiohttp import web

from fitscope.server.downsample import DEFAULT_MAX_POINTS, MAX_MAX_POINTS, MIN_MAX_POINTS
from fitscope.server.errors import ApiError

__all__ = ["Query", "parse_count"]


def parse_count(text: str, max_digits: int) -> int | None:
    """``text`` as a non-negative integer when it is 1 to ``max_digits`` ASCII digits, else None.

    Stricter than ``int()``: no sign, spaces, underscores or non-ASCII digits (``²`` passes
    ``str.isdigit``), and never thousands of digits (Python refuses to convert those).
    """
    if not 0 < len(text) <= max_digits or not all("0" <= c <= "9" for c in text):
        return None
    return int(text)


def _shown(text: str, limit: int = 40) -> str:
    """``repr(text)``, cut after ``limit`` characters (a message never repeats a 5,000-digit value)."""
    return repr(text) if len(text) <= limit else f"{text[:limit]!r}... ({len(text)} characters)"


class Query:
    """The query parameters of one request, checked against what its route takes.

    Args:
        request: The request.
        allowed: The parameter names the route takes.

    Raises:
        ApiError: 400 ``bad_parameter`` for an unknown, repeated or empty parameter.
    """

    def __init__(self, request: web.Request, allowed: Collection[str]) -> None:
        self._values: dict[str, str] = {}
        query = request.query
        for name in query:
            if name not in allowed:
                takes = ", ".join(sorted(allowed)) or "no parameters"
                raise ApiError(400, "bad_parameter", f"Unknown parameter {name!r}; {request.path} takes: {takes}.")
            values = query.getall(name)
            if len(values) > 1:
                raise ApiError(400, "bad_parameter", f"Parameter {name!r} is given {len(values)} times; give it once.")
            if not values[0]:
                raise ApiError(400, "bad_parameter", f"Parameter {name!r} is empty; give a value or leave it out.")
            self._values[name] = values[0]

    def get(self, name: str) -> str | None:
        """The value of ``name``, or None when it was not given."""
        return self._values.get(name)

    def require(self, name: str) -> str:
        """The value of ``name``.

        Raises:
            ApiError: 400 ``bad_parameter`` when it was not given.
        """
        value = self._values.get(name)
        if value is None:
            raise ApiError(400, "bad_parameter", f"Parameter {name!r} is required.")
        return value

    def max_points(self) -> int:
        """``max_points``: an integer from 2 to 100000, 2000 when not given.

        Raises:
            ApiError: 400 ``bad_parameter`` when it is not such an integer.
        """
        text = self._values.get("max_points")
        if text is None:
            return DEFAULT_MAX_POINTS
        value = parse_count(text, len(str(MAX_MAX_POINTS)) + 2)  # a few leading zeros pass
        if value is None or not MIN_MAX_POINTS <= value <= MAX_MAX_POINTS:
            raise ApiError(
                400,
                "bad_parameter",
                f"max_points must be an integer from {MIN_MAX_POINTS} to {MAX_MAX_POINTS}, got {_shown(text)}.",
            )
        return value
