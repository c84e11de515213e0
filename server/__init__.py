"""The fitscope web UI server (``import fitscope.server``; needs ``pip install "fitscope[server]"``).

* :class:`UIServer`: the server in a background thread, in the original's shape
  (``attach``, ``detach``, ``start``, ``stop``, ``url``, ``get_instance``).
* :func:`create_app`: the aiohttp application, for running it in your own event loop.
* The JSON API lives under ``/api/v1/`` and is described by ``schemas/openapi.json`` (served at
  ``/api/v1/openapi.json``); see ``docs/http-api.md``.

The training side never imports this package.
"""

from __future__ import annotations

from fitscope.errors import MissingDependencyError

for _module in ("aiohttp", "orjson", "tsdownsample"):
    try:
        __import__(_module)
    except ImportError as _exc:
        raise MissingDependencyError("The fitscope UI server", "server", _module) from _exc

from fitscope.server.app import create_app  # noqa: E402
from fitscope.server.errors import ApiError, ServerError  # noqa: E402
from fitscope.server.ui_server import UIServer  # noqa: E402

__all__ = ["ApiError", "ServerError", "UIServer", "create_app"]
