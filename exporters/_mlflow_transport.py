"""The MLflow calls of :class:`~fitscope.exporters.mlflow.MLflowExporter`, with bounded timeouts.

MLflow's REST client reads its timeout (120 s) and retries (7, with exponential backoff: minutes
against a dead server) from process-wide environment variables (``MLFLOW_HTTP_REQUEST_TIMEOUT``,
``MLFLOW_HTTP_REQUEST_MAX_RETRIES``, ``MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR``). Setting them would
change the user's own MLflow calls too, so this module leaves them alone and passes explicit
values instead, for the exporter's client only:

* tracking calls go through :class:`BoundedRestStore`, a ``RestStore`` whose requests carry the
  exporter's ``timeout`` and ``max_retries`` (the exporter's ``MlflowClient`` gets its own
  tracking-service client holding that store; nothing global is registered or patched);
* a ``sqlite:///`` file store keeps new experiments' artifacts in ``mlruns/`` beside the
  database, not in ``./mlruns`` of whatever folder the process runs in (MLflow's default);
* artifacts served by the tracking server (``mlflow-artifacts:`` / ``http(s):`` URIs) are
  uploaded with one bounded ``PUT``; other artifact stores (local paths, cloud buckets) go
  through MLflow's repository for that URI, with that store's own timeouts.

This module imports MLflow at the top: it is imported only when an exporter is built.
"""

from __future__ import annotations

import json
import os
import posixpath
from functools import partial
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote, urlparse

import requests
from mlflow import MlflowClient
from mlflow.entities import Metric, Param, RunTag
from mlflow.exceptions import MlflowException
from mlflow.store.artifact import artifact_repository_registry, mlflow_artifacts_repo
from mlflow.store.tracking.rest_store import RestStore
from mlflow.tracking._tracking_service import utils as tracking_utils
from mlflow.tracking._tracking_service.client import TrackingServiceClient
from mlflow.utils import credentials, proto_json_utils, request_utils, rest_utils

from fitscope.errors import ExportError

__all__ = [
    "BoundedRestStore",
    "Metric",
    "Param",
    "RunTag",
    "check_tracking_uri",
    "is_transient",
    "make_client",
    "sqlite_artifact_root",
    "upload_artifact",
]

# MLflow's helpers carry no annotations; typed as Any so strict mypy accepts the calls.
_http_request: Any = rest_utils.http_request
_verify_rest_response: Any = rest_utils.verify_rest_response
_parse_dict: Any = proto_json_utils.parse_dict
_host_creds: Any = credentials.get_default_host_creds
_raise_for_status: Any = request_utils.augmented_raise_for_status
_get_artifact_repository: Any = artifact_repository_registry.get_artifact_repository
_resolve_artifacts_uri: Any = mlflow_artifacts_repo.MlflowArtifactsRepository.resolve_uri
_store_registry: Any = tracking_utils._tracking_store_registry
_get_store: Any = tracking_utils._get_store

#: Seconds between the HTTP-level retries of one call grow as 0, 2 x this, 4 x this...
_BACKOFF_FACTOR: Final = 0.5
#: MLflow error codes that map to HTTP 5xx but will not go away by retrying.
_PERMANENT_CODES: Final = frozenset({"INVALID_STATE", "NOT_IMPLEMENTED", "DATA_LOSS"})
_HTTP_SCHEMES: Final = frozenset({"http", "https"})


class BoundedRestStore(RestStore):
    """A ``RestStore`` whose requests use explicit timeout and retries instead of the environment's.

    Args:
        tracking_uri: ``http(s)://`` address of the tracking server.
        timeout_s: Seconds to wait for a connection and for each read.
        max_retries: HTTP-level retries of a failed request (connection errors, 429 and 5xx).
    """

    def __init__(self, tracking_uri: str, timeout_s: float, max_retries: int) -> None:
        super().__init__(partial(_host_creds, tracking_uri))  # type: ignore[no-untyped-call]
        self.timeout_s = timeout_s
        self.max_retries = max_retries

    def _call_endpoint(
        self,
        api: Any,
        json_body: Any = None,
        endpoint: Any = None,
        retry_timeout_seconds: Any = None,
        response_proto: Any = None,
    ) -> Any:
        if api in getattr(self, "_V3_APIS", ()):  # gateway APIs; the exporter never calls them
            base: Any = super()._call_endpoint
            return base(api, json_body, endpoint, retry_timeout_seconds, response_proto)
        path, method = self._METHOD_TO_INFO[api]
        endpoint = endpoint or path
        body = None if json_body is None else json.loads(json_body)
        response = _http_request(
            self.get_host_creds(),
            endpoint,
            method,
            max_retries=self.max_retries,
            backoff_factor=_BACKOFF_FACTOR,
            backoff_jitter=0.0,
            timeout=self.timeout_s,
            **({"params": body} if method == "GET" else {"json": body}),
        )
        response = _verify_rest_response(response, endpoint)
        proto = response_proto or api.Response()
        if response.status_code != 204:
            _parse_dict(js_dict=json.loads(response.text), message=proto)
        return proto


class _BoundedTrackingClient(TrackingServiceClient):
    """A tracking-service client that always uses one given store."""

    def __init__(self, tracking_uri: str, store: Any) -> None:
        self._bounded_store = store
        super().__init__(tracking_uri)  # type: ignore[no-untyped-call]

    @property
    def store(self) -> Any:
        return self._bounded_store


def check_tracking_uri(tracking_uri: str) -> None:
    """Raises ExportError when MLflow has no tracking store for ``tracking_uri``'s scheme."""
    try:
        _store_registry.get_store_builder(tracking_uri)
    except MlflowException:
        schemes = ", ".join(f"{s}:" for s in sorted(_store_registry._registry) if s)
        raise ExportError(
            f"MLflow has no tracking store for {tracking_uri!r}; use an http(s):// server, a database URI "
            f"(sqlite:///mlflow.db) or a local path. Schemes MLflow knows: {schemes}."
        ) from None


def sqlite_artifact_root(tracking_uri: str) -> str | None:
    """Returns the ``file:`` URI of ``mlruns/`` beside a ``sqlite:///`` file store's database, else None."""
    if not tracking_uri.startswith("sqlite:///"):
        return None
    path = unquote(tracking_uri[len("sqlite:///") :].partition("?")[0])
    if not path or path == ":memory:":
        return None
    return (Path(path).absolute().parent / "mlruns").as_uri()


def make_client(tracking_uri: str, timeout_s: float, max_retries: int) -> Any:
    """Returns an ``MlflowClient`` for ``tracking_uri``; for a server, with bounded requests.

    Raises:
        ExportError: MLflow has no tracking store for the URI's scheme.
    """
    check_tracking_uri(tracking_uri)
    store: Any = None
    try:
        if urlparse(tracking_uri).scheme in _HTTP_SCHEMES:
            store = BoundedRestStore(tracking_uri, timeout_s, max_retries)
        elif (root := sqlite_artifact_root(tracking_uri)) is not None:
            # Before MlflowClient: a new database's Default experiment gets its artifact root from the first store.
            store = _get_store(tracking_uri, root)
        client = MlflowClient(tracking_uri)
    except MlflowException as exc:
        raise ExportError(f"MLflow cannot use the tracking URI {tracking_uri!r}: {exc.message}") from None
    if store is not None:
        client._tracking_client = _BoundedTrackingClient(tracking_uri, store)
    return client


def upload_artifact(
    artifact_uri: str,
    tracking_uri: str,
    local_file: str,
    artifact_path: str,
    *,
    timeout_s: float,
    max_retries: int,
) -> None:
    """Uploads ``local_file`` to ``<artifact_uri>/<artifact_path>/<its name>``, replacing it.

    Raises:
        MlflowException, requests.RequestException, OSError: the upload failed.
    """
    scheme = urlparse(artifact_uri).scheme
    if scheme == "mlflow-artifacts":
        base = _resolve_artifacts_uri(artifact_uri, tracking_uri)
    elif scheme in _HTTP_SCHEMES:
        base = artifact_uri
    else:
        _get_artifact_repository(artifact_uri, tracking_uri=tracking_uri).log_artifact(local_file, artifact_path)
        return
    endpoint = posixpath.join("/", artifact_path, os.path.basename(local_file))
    content_type = "application/json" if local_file.endswith(".json") else "application/x-ndjson"
    with open(local_file, "rb") as f:
        response = _http_request(
            _host_creds(base),
            endpoint,
            "PUT",
            data=f,
            extra_headers={"Content-Type": content_type},
            max_retries=max_retries,
            backoff_factor=_BACKOFF_FACTOR,
            backoff_jitter=0.0,
            timeout=timeout_s,
        )
    _raise_for_status(response)


def is_transient(exc: BaseException) -> bool:
    """Whether retrying later may succeed: the server or network was down, slow or overloaded.

    MLflow errors count by their HTTP status (5xx and 429), except codes that retrying cannot fix
    (``INVALID_STATE``: the run was ended). Connection errors and timeouts are transient; a
    rejected request (4xx) or any other error is not.
    """
    status: int | None = None
    if isinstance(exc, MlflowException):
        if exc.error_code in _PERMANENT_CODES:
            return False
        get_status: Any = exc.get_http_status_code
        status = int(get_status())
    elif isinstance(exc, requests.HTTPError):
        status = None if exc.response is None else exc.response.status_code
    elif isinstance(exc, (requests.ConnectionError, requests.Timeout, ConnectionError, TimeoutError)):
        return True
    return status is not None and (status >= 500 or status == 429)
