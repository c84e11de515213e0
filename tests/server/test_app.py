"""The HTTP surface of ``fitscope.server.app``: every route's answers match openapi.json, one error
shape everywhere, CORS only for listed origins."""

from __future__ import annotations

import json
from urllib.parse import quote

import jsonschema
import pytest

from fitscope.server import UIServer, create_app

from .conftest import FILE_SESSION, MEMORY_SESSION, Runs
from .helpers import OPENAPI, REGISTRY, SCHEMAS, request, validate_answer

WORKER_ROUTES = ["/api/v1/overview", "/api/v1/graph", "/api/v1/layer", "/api/v1/system", "/api/v1/metrics"]


def _query(path: str, **params: str) -> str:
    if path == "/api/v1/layer":
        params.setdefault("layer", "0")
    return path + ("?" + "&".join(f"{k}={quote(v)}" for k, v in params.items()) if params else "")


def test_openapi_document_is_valid_and_describes_every_route() -> None:
    assert OPENAPI["openapi"].startswith("3.1")
    for schema in OPENAPI["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    routes = {r.canonical for r in create_app([]).router.resources()}
    assert routes == set(OPENAPI["paths"])
    # Every $ref resolves (record schemas included), which validating against each component forces.
    for name in OPENAPI["components"]["schemas"]:
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"https://fitscope.invalid/schemas/v1/openapi.json#/components/schemas/{name}"}, registry=REGISTRY
        )
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(12345)


def test_openapi_and_record_schemas_are_served(server: UIServer) -> None:
    answer = request(server.url + "/api/v1/openapi.json")
    assert answer.status == 200 and answer.json() == OPENAPI
    for path in SCHEMAS.glob("*.schema.json"):
        served = request(f"{server.url}/api/v1/{path.name}")
        assert served.status == 200 and served.json() == json.loads(path.read_text())
    missing = request(server.url + "/api/v1/secret.schema.json")
    assert missing.status == 404 and missing.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("session", [FILE_SESSION, MEMORY_SESSION])
@pytest.mark.parametrize("path", WORKER_ROUTES)
def test_every_worker_route_answers_what_openapi_describes(server: UIServer, path: str, session: str) -> None:
    doc = validate_answer(path, request(server.url + _query(path, session=session)))
    assert doc["session_id"] == session


def test_layer_route_for_every_layer(server: UIServer, runs: Runs) -> None:
    for worker in ("w0", "w1"):
        static = runs.file.get_static_info(FILE_SESSION, worker)
        assert static is not None and static.model is not None
        for layer in static.model.layers:
            url = server.url + _query("/api/v1/layer", session=FILE_SESSION, worker=worker, layer=layer.name)
            doc = validate_answer("/api/v1/layer", request(url))
            assert doc["layer"]["name"] == layer.name


def test_sessions_route(server: UIServer) -> None:
    doc = validate_answer("/api/v1/sessions", request(server.url + "/api/v1/sessions"))
    assert [s["session_id"] for s in doc["sessions"]] == [MEMORY_SESSION, FILE_SESSION]  # newest first


def test_defaults_are_the_newest_session_and_its_first_worker(server: UIServer) -> None:
    doc = request(server.url + "/api/v1/overview").json()
    assert (doc["session_id"], doc["worker_id"]) == (MEMORY_SESSION, "m0")
    doc = request(server.url + f"/api/v1/overview?session={FILE_SESSION}").json()
    assert doc["worker_id"] == "w0"


# ------------------------------------------------------------------------------ one error shape


@pytest.mark.parametrize("path", WORKER_ROUTES)
def test_unknown_session_worker_and_bad_max_points(server: UIServer, path: str) -> None:
    unknown = request(server.url + _query(path, session="nope"))
    error = validate_answer(path, unknown)["error"]
    assert (unknown.status, error["status"], error["code"]) == (404, 404, "unknown_session")
    assert "'nope'" in error["message"] and error["message"].endswith(".")

    worker = request(server.url + _query(path, session=FILE_SESSION, worker="w9"))
    error = validate_answer(path, worker)["error"]
    assert (worker.status, error["code"]) == (404, "unknown_worker")
    assert "'w9'" in error["message"] and "w0, w1" in error["message"]

    for bad in ("abc", "1", "100001", "-5", "2.5"):
        if path == "/api/v1/graph":
            continue  # the graph takes no max_points: any value is an unknown parameter
        answer = request(server.url + _query(path, max_points=bad))
        error = validate_answer(path, answer)["error"]
        assert (answer.status, error["code"]) == (400, "bad_parameter")
        assert repr(bad) in error["message"]

    typo = request(server.url + _query(path, max_point="5"))
    assert typo.status == 400 and "'max_point'" in validate_answer(path, typo)["error"]["message"]
    twice = request(server.url + _query(path) + ("&" if "?" in _query(path) else "?") + "session=a&session=b")
    assert twice.status == 400 and validate_answer(path, twice)["error"]["code"] == "bad_parameter"


def test_unknown_layer_and_missing_layer(server: UIServer) -> None:
    answer = request(server.url + _query("/api/v1/layer", session=FILE_SESSION, layer="conv9"))
    error = validate_answer("/api/v1/layer", answer)["error"]
    assert (answer.status, error["code"]) == (404, "unknown_layer")
    assert "'conv9'" in error["message"] and "'0'" in error["message"]
    missing = request(server.url + "/api/v1/layer")
    assert missing.status == 400 and "'layer'" in validate_answer("/api/v1/layer", missing)["error"]["message"]


def test_sessions_and_events_refuse_unknown_parameters(server: UIServer) -> None:
    answer = request(server.url + "/api/v1/sessions?x=1")
    assert validate_answer("/api/v1/sessions", answer)["error"]["code"] == "bad_parameter"
    answer = request(server.url + "/api/v1/events?session=nope")
    assert answer.status == 404 and validate_answer("/api/v1/events", answer)["error"]["code"] == "unknown_session"


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/nothing", "/api/v2/sessions", "/train/../etc/passwd"])
def test_unknown_routes_have_the_same_shape(server: UIServer, path: str) -> None:
    answer = request(server.url + path)
    assert answer.status == 404
    assert answer.json()["error"]["code"] == "not_found"
    jsonschema.Draft202012Validator(OPENAPI["components"]["schemas"]["Error"]).validate(answer.json())


def test_wrong_method_has_the_same_shape(server: UIServer) -> None:
    answer = request(server.url + "/api/v1/sessions", method="POST")
    assert answer.status == 405 and answer.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in answer.headers["Allow"]


# ------------------------------------------------------------------------------ CORS


def test_cors_is_off_by_default(server: UIServer) -> None:
    answer = request(server.url + "/api/v1/sessions", headers={"Origin": "https://portal.example"})
    assert answer.status == 200 and "Access-Control-Allow-Origin" not in answer.headers
    preflight = request(
        server.url + "/api/v1/sessions",
        method="OPTIONS",
        headers={"Origin": "https://portal.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status == 405 and "Access-Control-Allow-Origin" not in preflight.headers


def test_cors_allow_list_and_preflight(runs: Runs) -> None:
    allowed = "https://portal.example"
    with UIServer(port=0, cors_origins=[allowed]) as ui:
        ui.attach(runs.memory)
        answer = request(ui.url + "/api/v1/sessions", headers={"Origin": allowed})
        assert answer.headers["Access-Control-Allow-Origin"] == allowed and answer.headers["Vary"] == "Origin"
        error = request(ui.url + "/api/v1/overview?session=nope", headers={"Origin": allowed})
        assert error.status == 404 and error.headers["Access-Control-Allow-Origin"] == allowed
        other = request(ui.url + "/api/v1/sessions", headers={"Origin": "https://evil.example"})
        assert other.status == 200 and "Access-Control-Allow-Origin" not in other.headers

        preflight = request(
            ui.url + "/api/v1/overview",
            method="OPTIONS",
            headers={
                "Origin": allowed,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "last-event-id",
            },
        )
        assert preflight.status == 204
        assert preflight.headers["Access-Control-Allow-Origin"] == allowed
        assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
        assert "Last-Event-ID" in preflight.headers["Access-Control-Allow-Headers"]
        refused = request(
            ui.url + "/api/v1/overview",
            method="OPTIONS",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
        assert refused.status == 403 and refused.json()["error"]["code"] == "origin_not_allowed"
        assert "Access-Control-Allow-Origin" not in refused.headers


@pytest.mark.parametrize("path", WORKER_ROUTES)
def test_answers_are_gzipped_for_clients_that_accept_it(server: UIServer, path: str) -> None:
    import gzip

    extra = {} if path == "/api/v1/graph" else {"max_points": "100000"}
    url = server.url + _query(path, session=FILE_SESSION, **extra)
    plain = request(url)
    assert plain.status == 200 and "Content-Encoding" not in plain.headers
    packed = request(url, headers={"Accept-Encoding": "br, gzip;q=0.8"})
    assert packed.status == 200
    if len(plain.body) >= 1024:
        assert packed.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed.headers["Vary"] and "Accept-Encoding" in plain.headers["Vary"]
        assert gzip.decompress(packed.body) == plain.body
        assert len(packed.body) < len(plain.body) / 2
    else:
        assert "Content-Encoding" not in packed.headers and packed.body == plain.body
    refused = request(url, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in refused.headers and refused.body == plain.body


def test_gzip_is_used_for_the_big_answers(server: UIServer) -> None:
    """The overview of a run is big enough to be compressed (the test above must not pass vacuously)."""
    answer = request(server.url + f"/api/v1/overview?session={FILE_SESSION}", headers={"Accept-Encoding": "gzip"})
    assert answer.headers.get("Content-Encoding") == "gzip"
