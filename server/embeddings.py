"""The embedding projector's HTTP API (``/api/v1/embeddings...``, in ``schemas/openapi.json``).

Reads: the list, one embedding (labels, metadata and a layout's coordinates, columnar: ``x``,
``y`` and for 3-D ``z``, null for an unplaced point), its nearest neighbours, and an SSE stream
of its layouts' progress. Writes: uploads (vectors to reduce, or the original UI's ``x,y,label``
CSV), starting a layout and cancelling one. A write must carry ``X-Fitscope-Request: 1``: a
page of another site cannot send that header without a CORS preflight, which this server
answers only for reads, so no other site can make a browser upload or compute here.
"""

from __future__ import annotations

import asyncio
import json
import math
import tempfile
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final, TypeVar

import numpy as np
import orjson
from aiohttp import BodyPartReader, web

from fitscope.encoding import encode_float
from fitscope.errors import EmbeddingError, FitscopeError
from fitscope.projector.sources import FORMATS, guess_format, load_vectors, looks_like_xy, parse_xy
from fitscope.server.embedding_jobs import EmbeddingSet
from fitscope.server.errors import ApiError
from fitscope.server.params import Query, parse_count

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "EMBEDDINGS", "WRITE_HEADER", "add_embedding_routes"]

T = TypeVar("T")

API: Final = "/api/v1/embeddings"
EMBEDDINGS: Final = web.AppKey("fitscope_embeddings", EmbeddingSet)
_EXECUTOR: Final = web.AppKey("fitscope_embedding_reads", ThreadPoolExecutor)


class _Streams:
    """The open event streams of an app, ended at shutdown (a None in each queue)."""

    def __init__(self) -> None:
        self.queues: set[asyncio.Queue[bytes | None]] = set()


_STREAMS: Final = web.AppKey("fitscope_embedding_streams", _Streams)
#: The header every write must carry (see the module's docstring).
WRITE_HEADER: Final = "X-Fitscope-Request"
DEFAULT_MAX_UPLOAD_BYTES: Final = 256 << 20
_MAX_UPLOAD: Final = web.AppKey("fitscope_max_upload", int)
_MAX_K: Final = 1000
_KEEPALIVE_S: Final = 15.0


def _json(doc: Any, status: int = 200) -> web.Response:
    return web.Response(
        body=orjson.dumps(doc, option=orjson.OPT_SERIALIZE_NUMPY), status=status, content_type="application/json"
    )


async def _blocking(request: web.Request, fn: Callable[..., T], *args: Any) -> T:
    try:
        return await asyncio.get_running_loop().run_in_executor(request.app[_EXECUTOR], fn, *args)
    except ApiError:
        raise
    except KeyError as exc:  # an unknown embedding or layout (EmbeddingError and KeyError)
        raise ApiError(404, "not_found", str(exc.args[0]) if exc.args else "Not found.") from None
    except EmbeddingError as exc:
        raise ApiError(400, "bad_embedding", str(exc)) from None
    except FitscopeError as exc:
        raise ApiError(500, "storage_error", str(exc)) from None


def _check_write(request: web.Request) -> None:
    if request.headers.get(WRITE_HEADER) != "1":
        raise ApiError(
            403,
            "write_header_missing",
            f"Writes to the embedding API must carry the header '{WRITE_HEADER}: 1' "
            "(a guard against other sites' pages).",
        )


def _column(values: Any) -> list[Any]:
    """A float column with NaN as null (orjson writes NaN as null; this keeps -0.0 and the rest exact)."""
    return [None if not math.isfinite(v) else v for v in values.tolist()]


def _cell(value: Any) -> Any:
    """A metadata value as the API writes it: a non-finite number as "NaN", "Infinity" or "-Infinity"."""
    return encode_float(value) if isinstance(value, float) else value


# ---------------------------------------------------------------------------------------- reads


async def list_embeddings(request: web.Request) -> web.Response:
    """``GET /api/v1/embeddings``."""
    Query(request, ())
    emb = request.app[EMBEDDINGS]

    def body() -> dict[str, Any]:
        return {"embeddings": [emb.summary(store, info) for store, info in emb.listing()]}

    return _json(await _blocking(request, body))


async def get_embedding(request: web.Request) -> web.Response:
    """``GET /api/v1/embeddings/{id}?layout=``."""
    query = Query(request, ("layout",))
    emb = request.app[EMBEDDINGS]
    eid = request.match_info["id"]

    def body() -> dict[str, Any]:
        store, info = emb.find(eid)
        held, _ = emb.embedding(eid)
        layout, coords = emb.layout(eid, query.get("layout"), (store, info))
        doc: dict[str, Any] = {
            **emb.summary(store, info),
            "labels": held.labels,
            "metadata": {k: [_cell(x) for x in col] for k, col in held.vectors.metadata.items()},
            "layout": None,
        }
        if layout is not None:
            placed = layout.summary()
            if coords is None:
                coords = np.full((info.count, layout.dims), np.nan, dtype=np.float32)
            for axis, name in enumerate("xyz"[: layout.dims]):
                placed[name] = _column(coords[:, axis])
            doc["layout"] = placed
        return doc

    return _json(await _blocking(request, body))


async def neighbors(request: web.Request) -> web.Response:
    """``GET /api/v1/embeddings/{id}/neighbors?label=&index=&k=``."""
    query = Query(request, ("label", "index", "k"))
    emb = request.app[EMBEDDINGS]
    eid = request.match_info["id"]
    k_text = query.get("k") or "10"
    k = parse_count(k_text, 6)
    if k is None or not 1 <= k <= _MAX_K:
        raise ApiError(400, "bad_parameter", f"k must be an integer from 1 to {_MAX_K}, got {k_text[:20]!r}.")
    label, index_text = query.get("label"), query.get("index")
    if (label is None) == (index_text is None):
        raise ApiError(400, "bad_parameter", "Give either label= or index= (one of them).")

    def body() -> dict[str, Any]:
        held, index = emb.embedding(eid, index=True)
        assert index is not None
        if label is not None:
            try:
                row = index.index_of(label)
            except EmbeddingError as exc:
                raise ApiError(404, "unknown_label", f"{exc} Embedding {eid} has {held.info.count} points.") from None
        else:
            parsed = parse_count(index_text or "", 12)
            if parsed is None:
                raise ApiError(
                    400, "bad_parameter", f"index must be a point's number, got {(index_text or '')[:20]!r}."
                )
            row = parsed
        found = index.query(row, k)
        return {
            "index": row,
            "label": held.labels[row],
            "k": k,
            "exact": index.exact,
            "neighbors": [{"index": n.index, "label": n.label, "similarity": n.similarity} for n in found],
        }

    return _json(await _blocking(request, body))


async def layout_events(request: web.Request) -> web.StreamResponse:
    """``GET /api/v1/embeddings/{id}/events``: ``layout`` events while its layouts run."""
    Query(request, ())
    emb = request.app[EMBEDDINGS]
    eid = request.match_info["id"]
    await _blocking(request, emb.find, eid)  # 404 for an unknown embedding
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes | None] = asyncio.Queue()

    def listener(embedding_id: str, layout: dict[str, Any]) -> None:
        if embedding_id == eid:
            message = b"event: layout\ndata: " + orjson.dumps(layout) + b"\n\n"
            loop.call_soon_threadsafe(queue.put_nowait, message)

    remove = emb.add_listener(listener)
    streams = request.app[_STREAMS].queues
    streams.add(queue)
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )
    try:
        await response.prepare(request)
        # where the running layouts are now, so a page that connects late starts right
        for job in emb.jobs_of(eid):
            if job.layout.status == "running":
                await response.write(b"event: layout\ndata: " + orjson.dumps(job.layout.summary()) + b"\n\n")
        await response.write(b": connected\n\n")
        while True:
            try:
                message = await asyncio.wait_for(queue.get(), _KEEPALIVE_S)
            except asyncio.TimeoutError:
                message = b": keep-alive\n\n"
            if message is None:
                break
            await response.write(message)
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        remove()
        streams.discard(queue)
    return response


# ---------------------------------------------------------------------------------------- writes


async def _save_part(part: BodyPartReader, folder: Path, limit: int, total: list[int]) -> Path:
    suffix = Path(part.filename or "upload").suffix[:16]
    path = folder / f"{part.name}{suffix}"
    with path.open("wb") as f:
        while chunk := await part.read_chunk(1 << 16):
            total[0] += len(chunk)
            if total[0] > limit:
                raise ApiError(
                    413, "body_too_large", f"The upload is larger than this server's limit of {limit >> 20} MiB."
                )
            f.write(chunk)
    return path


async def upload(request: web.Request) -> web.Response:
    """``POST /api/v1/embeddings``: a multipart form with ``file`` (and labels, name, format, method, params, dims)."""
    Query(request, ())
    _check_write(request)
    if not request.content_type.startswith("multipart/form-data"):
        raise ApiError(
            415,
            "unsupported_media_type",
            f"Upload a multipart/form-data form with a 'file' field, not {request.content_type!r}.",
        )
    emb = request.app[EMBEDDINGS]
    limit = request.app[_MAX_UPLOAD]
    with tempfile.TemporaryDirectory(prefix="fitscope-upload-") as tmp:
        folder = Path(tmp)
        files: dict[str, Path] = {}
        names: dict[str, str] = {}
        fields: dict[str, str] = {}
        total = [0]
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader):
                raise ApiError(400, "bad_parameter", "A nested multipart part is not a form field.")
            name = part.name
            if name in ("file", "labels"):  # a file, or pasted text
                files[name] = await _save_part(part, folder, limit, total)
                names[name] = Path(part.filename or name).name
            elif name in ("name", "format", "method", "params", "dims"):
                fields[name] = (await part.text())[:10_000].strip()
            else:
                raise ApiError(
                    400,
                    "bad_parameter",
                    f"Unknown form field {name!r}; the form takes file, labels, name, format, method, params, dims.",
                )
        if "file" not in files:
            raise ApiError(400, "bad_parameter", "The form has no 'file' field.")
        kind = fields.get("format") or None
        uploadable = [f for f in FORMATS if f != "gensim"]
        if kind is not None and kind not in (*uploadable, "xy"):
            raise ApiError(400, "bad_parameter", f"Unknown format {kind!r}; uploads take xy, {', '.join(uploadable)}.")
        method = fields.get("method") or "tsne"
        try:
            params = json.loads(fields["params"]) if fields.get("params") else None
            dims = int(fields.get("dims") or 2)
        except ValueError:
            raise ApiError(400, "bad_parameter", "params must be a JSON object and dims 2 or 3.") from None
        if params is not None and not isinstance(params, dict):
            raise ApiError(400, "bad_parameter", "params must be a JSON object.")
        shown = fields.get("name") or "upload"

        def store() -> dict[str, Any]:
            try:
                return stored()
            except EmbeddingError as exc:  # name what was uploaded, not the server's temporary files
                text = str(exc)
                for name, saved in files.items():
                    text = text.replace(str(saved), names.get(name) or name)
                raise EmbeddingError(text) from None

        def stored() -> dict[str, Any]:
            path = files["file"]
            if kind is None or kind != "xy":
                guessed = kind or guess_format(path)
                if guessed == "gensim":  # a pickle: loading it would run whatever it holds
                    raise EmbeddingError(
                        f"{path} is in gensim's native format, a pickle, which uploads do not take (loading one runs "
                        "code). Save the vectors as word2vec text or binary (KeyedVectors.save_word2vec_format)."
                    )
            is_xy = kind == "xy"
            if kind is None and path.suffix.lower() in (".csv", "", ".txt"):
                with path.open("r", encoding="utf-8", errors="replace") as f:
                    is_xy = looks_like_xy(f.read(8192))
            if is_xy:
                source = names.get("file", shown)
                with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as f:
                    try:
                        coords, labels = parse_xy(f, source=source)
                    except UnicodeDecodeError:
                        raise EmbeddingError(f"{source} is not UTF-8 text.") from None
                added = emb.own.add(coords, labels, name=shown)
                emb.own.add_layout(added.id, coords, method="uploaded")
            else:
                vectors = load_vectors(path, labels=files.get("labels"), format=kind, max_bytes=None)
                vectors_name = shown if shown != "upload" else f"upload ({vectors.count} x {vectors.dim})"
                added = emb.own.add(vectors, name=vectors_name)
                emb.start(added.id, method, dims, params)
            s, info = emb.find(added.id)
            return emb.summary(s, info)

        return _json(await _blocking(request, store), status=201)


async def start_layout(request: web.Request) -> web.Response:
    """``POST /api/v1/embeddings/{id}/layouts``: JSON ``{"method", "dims", "params"}``."""
    Query(request, ())
    _check_write(request)
    if request.content_type != "application/json":
        raise ApiError(
            415, "unsupported_media_type", f"The body must be application/json, got {request.content_type!r}."
        )
    try:
        doc = json.loads(await request.read())
    except ValueError as exc:
        raise ApiError(400, "bad_json", f"The body is not JSON: {exc}.") from None
    if not isinstance(doc, dict):
        raise ApiError(
            400, "bad_parameter", 'The body must be a JSON object: {"method": "tsne", "dims": 2, "params": {}}.'
        )
    unknown = set(doc) - {"method", "dims", "params"}
    if unknown:
        raise ApiError(
            400, "bad_parameter", f"Unknown field(s) {', '.join(sorted(unknown))}; give method, dims, params."
        )
    method, dims, params = doc.get("method", "tsne"), doc.get("dims", 2), doc.get("params") or {}
    if (
        not isinstance(method, str)
        or not isinstance(dims, int)
        or isinstance(dims, bool)
        or not isinstance(params, dict)
    ):
        raise ApiError(400, "bad_parameter", "method is a string, dims an integer (2 or 3) and params an object.")
    emb = request.app[EMBEDDINGS]
    layout, started = await _blocking(request, emb.start, request.match_info["id"], method, dims, params)
    return _json(layout.summary(), status=202 if started else 200)


async def cancel_layout(request: web.Request) -> web.Response:
    """``DELETE /api/v1/embeddings/{id}/layouts/{layout}``: cancels a running layout."""
    Query(request, ())
    _check_write(request)
    emb = request.app[EMBEDDINGS]
    layout = await _blocking(request, emb.cancel, request.match_info["id"], request.match_info["layout"])
    return _json(layout.summary())


# ---------------------------------------------------------------------------------------- the app


def add_embedding_routes(
    app: web.Application, embeddings: EmbeddingSet, *, max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
) -> None:
    """Adds the embedding routes to ``app``, showing ``embeddings``."""
    app[EMBEDDINGS] = embeddings
    app[_MAX_UPLOAD] = max_upload_bytes
    app[_STREAMS] = _Streams()

    async def resources(app: web.Application) -> AsyncIterator[None]:
        app[_EXECUTOR] = ThreadPoolExecutor(max_workers=2, thread_name_prefix="fitscope-embeddings")
        yield
        embeddings.close()
        app[_EXECUTOR].shutdown(wait=False, cancel_futures=True)

    async def end_streams(app: web.Application) -> None:
        for queue in list(app[_STREAMS].queues):
            queue.put_nowait(None)

    app.cleanup_ctx.append(resources)
    app.on_shutdown.append(end_streams)
    app.router.add_get(API, list_embeddings)
    app.router.add_post(API, upload)
    app.router.add_get(API + "/{id}", get_embedding)
    app.router.add_get(API + "/{id}/neighbors", neighbors)
    app.router.add_get(API + "/{id}/events", layout_events)
    app.router.add_post(API + "/{id}/layouts", start_layout)
    app.router.add_delete(API + "/{id}/layouts/{layout}", cancel_layout)
