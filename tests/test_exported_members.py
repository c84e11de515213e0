"""The public surface is pinned: adding or removing a name is a deliberate change."""

from __future__ import annotations

import subprocess
import sys

import fitscope

EXPECTED = [
    "EpochRecord",
    "FileStatsStorage",
    "FitscopeError",
    "InMemoryStatsStorage",
    "KindConfig",
    "MetricsRecord",
    "StaticInfo",
    "StatsConfig",
    "StatsListener",
    "StatsReport",
    "StatsSink",
    "StatsStorage",
    "Summary",
]


def test_all_is_sorted_and_pinned() -> None:
    assert fitscope.__all__ == sorted(fitscope.__all__) == EXPECTED


def test_every_exported_name_resolves_and_is_documented() -> None:
    for name in EXPECTED:
        obj = getattr(fitscope, name)
        assert obj.__doc__, name


def test_import_is_light() -> None:
    """The training side imports no web framework, and `import fitscope` imports no torch."""
    code = (
        "import sys, fitscope; from fitscope import StatsListener, FileStatsStorage, InMemoryStatsStorage; "
        "import fitscope.integrations; "
        "bad = [m for m in ('torch', 'aiohttp', 'mlflow', 'tensorboard', 'sklearn', 'lightning', "
        "'pytorch_lightning', 'transformers', 'accelerate', 'keras') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_attaching_a_model_imports_no_web_framework() -> None:
    """Nor a training framework: the optimizer wrappers are recognised by name, not by import."""
    code = (
        "import sys, torch; from fitscope import StatsListener, InMemoryStatsStorage; "
        "m = torch.nn.Linear(2, 2); l = StatsListener(InMemoryStatsStorage()); "
        "l.attach(m, torch.optim.SGD(m.parameters(), lr=0.1)); l.iteration_done(1.0); l.close(); "
        "print(','.join(m for m in ('aiohttp', 'mlflow', 'tensorboard', 'lightning', 'transformers', 'accelerate', "
        "'keras') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_lazy_export_table_matches_all() -> None:
    assert sorted(fitscope._EXPORTS) == fitscope.__all__
