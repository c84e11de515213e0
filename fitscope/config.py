"""What a :class:`~fitscope.StatsListener` collects: every statistic can be switched.

The defaults collect everything, like the original's ``DefaultStatsUpdateConfiguration``::

    config = StatsConfig(
        activations=KindConfig(enabled=False),        # no forward hooks at all
        gradients=KindConfig(histogram=False),        # gradient stats without histograms
        histogram_bins=30,
    )
    listener = StatsListener(storage, frequency=10, config=config)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fitscope.errors import RecordError

__all__ = ["KindConfig", "StatsConfig"]


@dataclass(frozen=True, slots=True)
class KindConfig:
    """Switches for one kind of tensor (parameters, gradients, updates or activations).

    Attributes:
        enabled: Collect this kind at all. Counts, min, max, sum and sum of squares come with it.
        mean: Mean of the finite values.
        stdev: Sample standard deviation (N-1) of the finite values.
        mean_magnitude: Mean of ``|x|`` (used for the update:parameter ratio).
        histogram: Equal-width histogram of the finite values.
    """

    enabled: bool = True
    mean: bool = True
    stdev: bool = True
    mean_magnitude: bool = True
    histogram: bool = True


@dataclass(frozen=True, slots=True)
class StatsConfig:
    """Everything a listener can collect, each switchable.

    Attributes:
        parameters: Parameter values after the optimizer step.
        gradients: ``.grad`` before the optimizer step.
        updates: The change the optimizer applied (parameter after minus before the step).
        activations: Outputs of leaf modules on reporting iterations, in training mode only.
        histogram_bins: Bins per histogram (equal width between min and max of finite values).
        learning_rates: Learning rate per parameter, from the optimizer's param groups.
        performance: Runtime, examples and minibatches, and their rates.
        memory: Process, system and device memory.
        software_info: Software section of StaticInfo.
        hardware_info: Hardware section of StaticInfo.
        model_info: Model section of StaticInfo (layers and their graph).
    """

    parameters: KindConfig = field(default_factory=KindConfig)
    gradients: KindConfig = field(default_factory=KindConfig)
    updates: KindConfig = field(default_factory=KindConfig)
    activations: KindConfig = field(default_factory=KindConfig)
    histogram_bins: int = 20
    learning_rates: bool = True
    performance: bool = True
    memory: bool = True
    software_info: bool = True
    hardware_info: bool = True
    model_info: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.histogram_bins, int) or self.histogram_bins < 1:
            raise RecordError(f"histogram_bins must be a positive integer, got {self.histogram_bins!r}.")

    def kind(self, name: str) -> KindConfig:
        """Returns the switches of one kind (``"parameters"``, ``"gradients"``, ...)."""
        value = getattr(self, name)
        assert isinstance(value, KindConfig)
        return value

    def switches(self) -> dict[str, bool]:
        """Returns every switch as a flat ``{"gradients.histogram": True, ...}`` map."""
        out: dict[str, bool] = {}
        for kind in ("parameters", "gradients", "updates", "activations"):
            kc = self.kind(kind)
            for name in ("enabled", "mean", "stdev", "mean_magnitude", "histogram"):
                out[f"{kind}.{name}"] = bool(getattr(kc, name))
        for name in ("learning_rates", "performance", "memory", "software_info", "hardware_info", "model_info"):
            out[name] = bool(getattr(self, name))
        return out
