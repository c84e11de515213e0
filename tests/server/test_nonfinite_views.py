"""A statistic undefined because its tensor held no finite value is NaN in the views, not a gap."""

from __future__ import annotations

from typing import Any

from fitscope import InMemoryStatsStorage
from fitscope.records import LayerInfo, ModelInfo, StaticInfo, StatsReport, Summary
from fitscope.server import UIServer

from .helpers import request

PARAMS = {"fc.weight": (4, 4)}


def summary(poisoned: bool, iteration: int) -> Summary:
    if poisoned:  # every element NaN: no finite value, so every statistic over them is None
        return Summary(count=16, nonfinite_count=16, nan_count=16)
    v = 0.1 * iteration
    return Summary(count=16, mean=v, stdev=v, mean_magnitude=v, min=-v, max=v, sum=16 * v, sum_squares=16 * v * v)


def report(iteration: int, poisoned: bool, *, switched_off: bool = False) -> StatsReport:
    kinds: dict[str, dict[str, Summary]] = {
        kind: {"fc.weight": summary(poisoned, iteration)} for kind in ("parameters", "gradients", "updates")
    }
    kinds["activations"] = {"fc": summary(poisoned, iteration)}
    if switched_off:  # a statistic switched off: absent, and the tensor was finite
        kinds["gradients"] = {"fc.weight": Summary(count=16)}
    return StatsReport("s", "w", 1_700_000_000_000 + iteration, iteration, score=1.0, summaries=kinds)


def get(server: UIServer, path: str) -> Any:
    answer = request(server.url + path)
    assert answer.status == 200, answer.body
    return answer.json()


def test_an_all_nan_tensor_is_nan_in_ratio_stdev_and_layer_series_while_a_switched_off_stat_stays_a_gap() -> None:
    storage = InMemoryStatsStorage()
    model = ModelInfo(
        "Net",
        num_layers=1,
        num_params=16,
        param_names=tuple(PARAMS),
        param_shapes=PARAMS,
        layers=(LayerInfo("fc", "Linear", 16, ("fc.weight",)),),
    )
    storage.put_static_info(StaticInfo("s", "w", 1_700_000_000_000, model=model))
    storage.put_update(report(1, poisoned=False))
    storage.put_update(report(2, poisoned=True))
    storage.put_update(report(3, poisoned=False, switched_off=True))
    with UIServer(port=0) as server:
        server.attach(storage)
        overview = get(server, "/api/v1/overview?session=s")
        ratio = overview["ratios"]["fc.weight"]
        assert ratio["iterations"] == [1, 2, 3]
        assert ratio["values"][0] == 0.0 and ratio["values"][1] == "NaN"
        assert overview["stdev"]["updates"]["fc.weight"]["values"][1] == "NaN"
        assert overview["stdev"]["activations"]["fc"]["values"][1] == "NaN"
        gradients = overview["stdev"]["gradients"]["fc.weight"]
        assert gradients["values"][1] == "NaN" and gradients["values"][2] is None  # switched off: a gap
        layer = get(server, "/api/v1/layer?session=s&layer=fc")
        text = repr(layer)
        assert "'NaN'" in text, "the layer view sends no NaN for the all-NaN reports"
    storage.close()
