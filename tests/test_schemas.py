"""schemas/ is the contract: every record the listener produces validates against it."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import torch
from referencing import Registry, Resource

from fitscope import StatsListener
from fitscope.record_json import from_json_dict, to_json_dict
from fitscope.records import (
    EpochRecord,
    Histogram,
    LayerInfo,
    MetricsRecord,
    ModelInfo,
    ScoreSeries,
    StaticInfo,
    StatsReport,
    Summary,
)

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
FILES = {
    "static_info": "static_info.schema.json",
    "stats_report": "stats_report.schema.json",
    "metrics": "metrics.schema.json",
    "epoch": "epoch.schema.json",
}


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        doc = json.loads(path.read_text())
        resources.append((doc["$id"], Resource.from_contents(doc)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validate(doc: dict[str, Any]) -> None:
    schema = json.loads((SCHEMAS / FILES[doc["record"]]).read_text())
    jsonschema.Draft202012Validator(schema, registry=REGISTRY).validate(doc)


class ListSink:
    def __init__(self) -> None:
        self.records: list[Any] = []

    def put_static_info(self, info: StaticInfo) -> None:
        self.records.append(info)

    def put_update(self, report: StatsReport) -> None:
        self.records.append(report)

    def put_metrics(self, record: MetricsRecord) -> None:
        self.records.append(record)

    def put_epoch(self, record: EpochRecord) -> None:
        self.records.append(record)

    def close(self) -> None:
        pass


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_schemas_are_valid_2020_12(path: Path) -> None:
    doc = json.loads(path.read_text())
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(doc)


def test_every_record_the_listener_produces_validates_and_round_trips() -> None:
    sink = ListSink()
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 4, 3),
        torch.nn.LeakyReLU(0.1),
        torch.nn.Flatten(),
        torch.nn.Dropout(0.0),
        torch.nn.Linear(4 * 6 * 6, 3),
    )
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    listener = StatsListener(sink, frequency=2, session_name="schema", tags={"k": "v"}, hyperparameters={"a": [1]})
    listener.attach(model, opt, example_input=torch.randn(2, 1, 8, 8))
    for i in range(5):
        opt.zero_grad()
        loss = model(torch.randn(2, 1, 8, 8)).pow(2).mean()
        loss.backward()
        if i == 3:
            with torch.no_grad():
                model[4].weight[0, 0] = math.nan
        opt.step()
        listener.iteration_done(loss if i != 1 else torch.tensor(math.inf), batch_size=2)
    listener.log_metrics({"val_loss": math.nan, "val_acc": 0.5})
    listener.epoch_done()
    listener.close()
    kinds = {type(r).__name__ for r in sink.records}
    assert kinds == {"StaticInfo", "StatsReport", "MetricsRecord", "EpochRecord"}
    static = next(r for r in sink.records if isinstance(r, StaticInfo))
    assert static.model is not None and static.model.layers[0].attributes["kernel_size"] == [3, 3]
    reports = [r for r in sink.records if isinstance(r, StatsReport)]
    assert all(len(r.scores.timestamps_ms) == len(r.scores.iterations) > 0 for r in reports)
    for record in sink.records:
        doc = to_json_dict(record)
        text = json.dumps(doc, allow_nan=False)  # no bare NaN/Infinity in the JSON text
        validate(json.loads(text))
        assert from_json_dict(json.loads(text)) == record or _equal_with_nan(from_json_dict(json.loads(text)), record)


def _equal_with_nan(a: Any, b: Any) -> bool:
    return json.dumps(to_json_dict(a), sort_keys=True) == json.dumps(to_json_dict(b), sort_keys=True)


def test_nonfinite_values_are_strings_and_null_means_absent() -> None:
    summary = Summary(
        count=3,
        nonfinite_count=3,
        nan_count=1,
        posinf_count=1,
        neginf_count=1,
    )
    report = StatsReport(
        session_id="s",
        worker_id="w",
        timestamp_ms=1,
        iteration=1,
        score=math.nan,
        learning_rates={"w": math.inf},
        summaries={"parameters": {"w": summary}},
    )
    doc = to_json_dict(report)
    validate(doc)
    assert doc["score"] == "NaN" and doc["learning_rates"] == {"w": "Infinity"}
    assert doc["summaries"]["parameters"]["w"]["mean"] is None
    back = from_json_dict(doc)
    assert isinstance(back, StatsReport) and back.score is not None and math.isnan(back.score)


def test_schema_rejects_bare_nan_and_unknown_fields() -> None:
    good = to_json_dict(EpochRecord(session_id="s", worker_id="w", timestamp_ms=1, epoch=0, iteration=3))
    validate(good)
    with pytest.raises(jsonschema.ValidationError):
        validate({**good, "extra": 1})
    summary = Summary(count=1, mean=1.0, min=1.0, max=1.0, sum=1.0, sum_squares=1.0, histogram=Histogram(1, 1, (1,)))
    report = to_json_dict(StatsReport("s", "w", 1, 1, summaries={"parameters": {"p": summary}}))
    report["summaries"]["parameters"]["p"]["mean"] = "nan"
    with pytest.raises(jsonschema.ValidationError):
        validate(report)


def test_timestamps_and_attributes_round_trip_and_may_be_absent() -> None:
    report = StatsReport(
        "s",
        "w",
        1_700_000_000_500,
        2,
        scores=ScoreSeries((1, 2), (0.5, math.inf), (1_700_000_000_000, 1_700_000_000_400)),
    )
    doc = to_json_dict(report)
    validate(doc)
    assert doc["scores"] == {
        "iterations": [1, 2],
        "values": [0.5, "Infinity"],
        "timestamps_ms": [1_700_000_000_000, 1_700_000_000_400],
    }
    assert from_json_dict(json.loads(json.dumps(doc))) == report
    del doc["scores"]["timestamps_ms"]  # a file written before timestamps were recorded
    validate(doc)
    back = from_json_dict(doc)
    assert isinstance(back, StatsReport) and back.scores.timestamps_ms == ()
    doc["scores"]["timestamps_ms"] = [1.5, 2.5]
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)

    layer = LayerInfo("0", "Conv2d", attributes={"kernel_size": [3, 3], "padding_mode": "zeros", "eps": "Infinity"})
    info = StaticInfo("s", "w", 1, model=ModelInfo("M", 1, 0, layers=(layer,)))
    doc = to_json_dict(info)
    validate(doc)
    assert doc["model"]["layers"][0]["attributes"] == {
        "kernel_size": [3, 3],
        "padding_mode": "zeros",
        "eps": "Infinity",
    }
    assert from_json_dict(json.loads(json.dumps(doc))) == info
    del doc["model"]["layers"][0]["attributes"]
    validate(doc)
    back_info = from_json_dict(doc)
    assert isinstance(back_info, StaticInfo) and back_info.model is not None
    assert back_info.model.layers[0].attributes == {}
    doc["model"]["layers"][0]["attributes"] = {"nested": {"a": 1}}
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)
