"""The contract documents the server serves: ``openapi.json`` and the record schemas it references.

They are read once, when the app is created, from the first of these folders that holds an
``openapi.json``: ``fitscope/schemas`` (package data, in an installed wheel) or ``schemas/`` of
a source checkout. Requests then pick among the loaded names; no route reads a path it is given.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from fitscope.server.errors import ServerError

__all__ = ["load_documents"]


def _candidates() -> list[Traversable]:
    return [resources.files("fitscope") / "schemas", Path(__file__).resolve().parent.parent / "schemas"]


def load_documents() -> dict[str, bytes]:
    """Returns ``{file name: bytes}`` of ``openapi.json`` and every ``*.schema.json`` beside it.

    Raises:
        ServerError: No folder holding ``openapi.json`` was found.
    """
    for folder in _candidates():
        if not folder.joinpath("openapi.json").is_file():
            continue
        docs = {"openapi.json": folder.joinpath("openapi.json").read_bytes()}
        for entry in folder.iterdir():
            if entry.name.endswith(".schema.json") and entry.is_file():
                docs[entry.name] = entry.read_bytes()
        return docs
    tried = ", ".join(str(c) for c in _candidates())
    raise ServerError(f"The UI server cannot find its API description (openapi.json); looked in: {tried}.")
