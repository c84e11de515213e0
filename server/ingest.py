"""The remote listener: ``POST /api/v1/ingest`` stores batches of records that workers post.

Off unless enabled (``fitscope serve --remote``, :meth:`UIServer.enable_remote_listener`): the
route then answers 403 ``remote_disabled``, saying how to turn it on. When on:

* ``Authorization: Bearer <token>`` must carry the hub's token (compared in constant time);
  401 ``unauthorized`` otherwise. A hub started with ``--insecure`` takes posts without one.
* The body is ``{"records": [<record>, ...]}``, each record in its JSON form (``schemas/``),
  ``Content-Type: application/json``, optionally ``Content-Encoding: gzip`` (or deflate).
  Decompressed, it may hold at most ``max_body_bytes``: 413 ``body_too_large`` past it.
* Every record is validated against its schema (compiled once, by
  :mod:`fitscope.server.schema_check`); the first that fails gets 400 ``invalid_record``
  naming its place in the batch, its kind, session, worker and iteration, and the field.
  Nothing of such a batch is stored.
* The batch is stored in one transaction (:meth:`FileStatsStorage.put_batch`): all of it or
  none, and under the records' natural keys, so a batch posted twice is stored once. A storage
  that cannot write now answers 503 ``storage_unavailable`` with ``Retry-After``.

Stored records reach open pages like local ones: the storage is attached to the server.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import orjson
from aiohttp import web

from fitscope.errors import RecordError, StorageError
from fitscope.record_json import from_json_dict
from fitscope.records import Record
from fitscope.server.errors import ApiError
from fitscope.server.schema_check import SchemaSet, explain
from fitscope.storage.base import StatsStorage

__all__ = ["DEFAULT_MAX_BODY_BYTES", "RemoteListener", "compile_validators", "read_body"]

_log = logging.getLogger("fitscope.server")

DEFAULT_MAX_BODY_BYTES: Final = 64 << 20
_READ_CHUNK: Final = 1 << 16
_SCHEMA_OF: Final = {
    "static_info": "static_info.schema.json",
    "stats_report": "stats_report.schema.json",
    "metrics": "metrics.schema.json",
    "epoch": "epoch.schema.json",
}

Validator = Callable[[Any], str | None]
"""Returns None for a valid record, else why it is not (``the record.iteration must be >= 0, not -1``)."""


def compile_validators(documents: Mapping[str, bytes]) -> dict[str, Validator]:
    """A validator per record kind, compiled from the schemas the server serves.

    The schemas reference each other by file name (``common.schema.json#/$defs/...``); the
    references resolve to the loaded documents, never to the network.
    """
    parsed = {name: json.loads(body) for name, body in documents.items() if name.endswith(".schema.json")}
    schemas = SchemaSet(parsed)

    def validator(name: str) -> Validator:
        check = schemas.check(name)

        def validate(doc: Any) -> str | None:
            return None if check(doc) else explain(parsed[name], doc, name, schemas, "the record")

        return validate

    return {kind: validator(name) for kind, name in _SCHEMA_OF.items()}


@dataclass
class RemoteListener:
    """What the ingest route needs.

    Attributes:
        storage: Where received records go.
        token: The token posts must carry; None: none is asked for (``--insecure``).
        max_body_bytes: The most a decompressed body may hold.
        validators: A schema validator per record kind.
        received: Records stored so far (all batches).
    """

    storage: StatsStorage
    token: str | None
    max_body_bytes: int
    validators: dict[str, Validator]
    received: int = field(default=0)

    def check_token(self, header: str | None) -> None:
        """Raises ApiError 401 unless ``header`` is ``Bearer <token>`` with the right token."""
        if self.token is None:
            return
        scheme, _, given = (header or "").strip().partition(" ")
        if not header or scheme.lower() != "bearer" or not given.strip():
            raise ApiError(
                401,
                "unauthorized",
                "This hub takes records only with its token: give it to the worker's RemoteStatsRouter "
                "(token=... or the FITSCOPE_TOKEN environment variable); it is sent as 'Authorization: Bearer "
                "<token>'.",
            )
        if not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            raise ApiError(
                401,
                "unauthorized",
                "The token is not this hub's: give the worker's RemoteStatsRouter the token the hub was "
                "started with (--token / --token-file / FITSCOPE_TOKEN).",
            )

    def decode(self, body: bytes) -> list[Record]:
        """Parses and validates a batch; raises ApiError 400 naming the first bad record and field."""
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise ApiError(400, "bad_json", f"The body is not JSON: {exc}.") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("records"), list):
            raise ApiError(400, "bad_batch", 'The body must be a JSON object {"records": [<record>, ...]}.')
        extra = sorted(set(doc) - {"records"})
        if extra:
            raise ApiError(400, "bad_batch", f"The batch has unknown fields: {', '.join(map(repr, extra))}.")
        records: list[Record] = []
        for index, item in enumerate(doc["records"]):
            kind = item.get("record") if isinstance(item, dict) else None
            validator = self.validators.get(kind) if isinstance(kind, str) else None
            if validator is None or not isinstance(kind, str):
                raise ApiError(
                    400,
                    "invalid_record",
                    f"Record {index} of the batch is not a fitscope record: its 'record' must be one of "
                    f"{', '.join(_SCHEMA_OF)}, got {kind!r}.",
                )
            why = validator(item)
            if why is not None:
                raise ApiError(400, "invalid_record", f"{_describe(index, kind, item)} is invalid: {why}.")
            try:
                records.append(from_json_dict(item))
            except RecordError as exc:
                raise ApiError(400, "invalid_record", f"{_describe(index, kind, item)} is invalid: {exc}") from None
        return records

    def store(self, records: Sequence[Record]) -> None:
        """Stores a batch in one transaction (one put per record for a storage without ``put_batch``)."""
        put_batch = getattr(self.storage, "put_batch", None)
        try:
            if put_batch is not None:
                put_batch(records)
            else:
                for record in records:
                    _put(self.storage, record)
        except RecordError as exc:  # valid JSON the storage cannot keep (e.g. out of its integer range)
            raise ApiError(400, "invalid_record", f"A record of the batch cannot be stored: {exc}") from None
        except StorageError as exc:
            _log.warning("The remote listener could not store a batch: %s", exc)
            raise ApiError(503, "storage_unavailable", f"The hub cannot store records now: {exc}") from None
        self.received += len(records)


def _put(storage: StatsStorage, record: Record) -> None:
    from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport

    if isinstance(record, StatsReport):
        storage.put_update(record)
    elif isinstance(record, StaticInfo):
        storage.put_static_info(record)
    elif isinstance(record, MetricsRecord):
        storage.put_metrics(record)
    elif isinstance(record, EpochRecord):
        storage.put_epoch(record)


def _describe(index: int, kind: str, item: Mapping[str, Any]) -> str:
    parts = [f"Record {index} of the batch ({kind}"]
    for key in ("session_id", "worker_id", "iteration", "epoch"):
        value = item.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            if key == "epoch" and kind != "epoch":
                continue
            parts.append(f", {key.removesuffix('_id')} {value!r}")
    return "".join(parts) + ")"


async def read_body(request: web.Request, limit: int) -> bytes:
    """Reads a request body (decompressed by aiohttp), raising ApiError 413 past ``limit`` bytes."""
    declared = request.content_length
    encoded = request.headers.get("Content-Encoding", "identity").strip().lower() not in ("", "identity")
    too_large = ApiError(
        413,
        "body_too_large",
        f"The batch holds more than this hub's limit of {limit} bytes (decompressed). Send smaller batches "
        "(RemoteStatsRouter(max_batch_bytes=...)), or start the hub with a larger --max-body-bytes.",
    )
    if declared is not None and declared > limit and not encoded:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := await request.content.read(_READ_CHUNK):
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
    except ApiError:
        raise
    except Exception as exc:  # a broken gzip stream, a connection cut mid-body
        raise ApiError(400, "bad_body", f"The body could not be read: {type(exc).__name__}: {exc}.") from None
    return b"".join(chunks)
