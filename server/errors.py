"""Errors of the UI server.

::

    FitscopeError                (fitscope.errors)
    └── ServerError              the UI server could not do what was asked (port in use, ...)
        └── ApiError             an HTTP request was refused: status, code and message of the
                                 one JSON error shape, ``{"error": {"status", "code", "message"}}``

Messages are complete sentences naming what was asked for (the port, the session id).
"""

from __future__ import annotations

from fitscope.errors import FitscopeError

__all__ = ["ApiError", "ServerError"]


class ServerError(FitscopeError):
    """The UI server could not do what was asked (for example its port is in use)."""


class ApiError(ServerError):
    """A request the JSON API refuses; the error middleware turns it into the one error shape.

    Attributes:
        status: The HTTP status (400, 404, ...).
        code: A stable machine-readable code (``unknown_session``, ``bad_parameter``, ...).
        message: A sentence for a person, naming what was asked for.
    """

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
