"""HTTP, OpenAPI and Server-Sent Events helpers for the server tests (real loopback sockets)."""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from fitscope.encoding import encode_optional_float

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
BASE = "https://fitscope.invalid/schemas/v1/"
OPENAPI: dict[str, Any] = json.loads((SCHEMAS / "openapi.json").read_text())


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        doc = json.loads(path.read_text())
        resources.append((doc["$id"], Resource.from_contents(doc)))
    # openapi.json has no $id (OpenAPI 3.1 has no place for one): it is registered at the URI it
    # would have beside the record schemas, so its relative $refs ("common.schema.json#...") resolve.
    resources.append((BASE + "openapi.json", DRAFT202012.create_resource(OPENAPI)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


@dataclass
class Answer:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_NO_REDIRECT = urllib.request.build_opener(_NoRedirect)


def request(
    url: str, method: str = "GET", headers: dict[str, str] | None = None, *, follow_redirects: bool = True
) -> Answer:
    """One request; HTTP errors (and, with ``follow_redirects=False``, redirects) are answers too."""
    req = urllib.request.Request(url, method=method, headers=headers or {})
    open_url = urllib.request.urlopen if follow_redirects else _NO_REDIRECT.open
    try:
        with open_url(req, timeout=30) as resp:
            return Answer(resp.status, dict(resp.headers), resp.read())
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, dict(exc.headers), exc.read())


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node and node["$ref"].startswith("#/"):
        target: Any = OPENAPI
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def response_schema_ref(path: str, status: int) -> str:
    """The JSON pointer (in openapi.json) of the schema of ``path``'s JSON answer with ``status``."""
    responses = OPENAPI["paths"][path]["get"]["responses"]
    assert str(status) in responses, f"openapi.json does not describe status {status} of {path}"
    response = _resolve(responses[str(status)])
    schema = response["content"]["application/json"]["schema"]
    if "$ref" in schema:
        return BASE + "openapi.json" + schema["$ref"]
    raise AssertionError(f"the {status} answer of {path} has an inline schema; give it a component")


def validate_answer(path: str, answer: Answer) -> Any:
    """Checks an answer against openapi.json (its path, status and JSON schema); returns its JSON."""
    assert answer.headers.get("Content-Type", "").startswith("application/json"), answer.headers
    doc = answer.json()
    validate_component(response_schema_ref(path, answer.status), doc)
    return doc


def validate_component(ref: str, doc: Any) -> None:
    """Validates ``doc`` against the schema at ``ref`` (a full URI or a component name)."""
    if not ref.startswith("https://"):
        ref = BASE + "openapi.json#/components/schemas/" + ref
    jsonschema.Draft202012Validator({"$ref": ref}, registry=REGISTRY).validate(doc)


def encoded(values: list[float | None]) -> list[Any]:
    """Values as the API writes them (non-finite as strings, None as null)."""
    return [encode_optional_float(v) for v in values]


@dataclass
class SseEvent:
    """One Server-Sent Event as received."""

    id: str | None = None
    event: str = "message"
    data: str = ""
    comments: list[str] = field(default_factory=list)
    received: float = 0.0

    def json(self) -> Any:
        return json.loads(self.data)


class SseClient:
    """A blocking SSE client on a real socket (http.client), reading one event at a time."""

    def __init__(self, url: str, path: str, headers: dict[str, str] | None = None, timeout: float = 5.0) -> None:
        parts = urlsplit(url)
        assert parts.hostname is not None and parts.port is not None
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        self.conn.request("GET", path, headers=headers or {})
        self.response = self.conn.getresponse()
        self.status = self.response.status
        self.headers = dict(self.response.getheaders())

    def next(self, *, skip_comments: bool = True) -> SseEvent:
        """The next event (a block ended by a blank line); keep-alive-only blocks are skipped by default."""
        while True:
            event = SseEvent()
            seen = False
            while True:
                raw = self.response.readline()
                if not raw:
                    raise EOFError("the event stream ended")
                line = raw.decode().rstrip("\n")
                if not line:
                    if seen:
                        break
                    continue
                seen = True
                name, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if name == "":
                    event.comments.append(value)
                elif name == "id":
                    event.id = value
                elif name == "event":
                    event.event = value
                elif name == "data":
                    event.data = value if not event.data else event.data + "\n" + value
            event.received = time.monotonic()
            if event.data or not skip_comments:
                return event

    def close(self) -> None:
        self.response.close()
        self.conn.close()

    def __enter__(self) -> SseClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
