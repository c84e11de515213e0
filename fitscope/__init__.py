"""fitscope: see inside neural-network training.

The training side needs only this package (plus torch): ``StatsListener`` collects, a
storage keeps. Names are imported on first use, so ``import fitscope`` stays light and never
imports torch or a web framework::

    from fitscope import FileStatsStorage, StatsListener

    listener = StatsListener(FileStatsStorage("runs/demo.fitscope"), frequency=10)
    listener.attach(model, optimizer)
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "EpochRecord": "fitscope.records",
    "FileStatsStorage": "fitscope.storage.sqlite",
    "FitscopeError": "fitscope.errors",
    "InMemoryStatsStorage": "fitscope.storage.memory",
    "KindConfig": "fitscope.config",
    "MetricsRecord": "fitscope.records",
    "StaticInfo": "fitscope.records",
    "StatsConfig": "fitscope.config",
    "StatsListener": "fitscope.listener",
    "StatsReport": "fitscope.records",
    "StatsSink": "fitscope.storage.base",
    "StatsStorage": "fitscope.storage.base",
    "Summary": "fitscope.records",
}

__all__ = [
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

if TYPE_CHECKING:
    from fitscope.config import KindConfig, StatsConfig
    from fitscope.errors import FitscopeError
    from fitscope.listener import StatsListener
    from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport, Summary
    from fitscope.storage.base import StatsSink, StatsStorage
    from fitscope.storage.memory import InMemoryStatsStorage
    from fitscope.storage.sqlite import FileStatsStorage


# pyproject.toml maps fitscope.server to server/ and fitscope.exporters to exporters/. Installed
# (a wheel, or the strict editable link tree) they lie inside this package's folder. Imported from
# a source checkout instead (`python -m fitscope serve` run in the checkout's root puts ./fitscope
# first on sys.path), they lie beside it: this finder applies the same mapping there.
_MAPPED_SUBPACKAGES = {"fitscope.server": "server", "fitscope.exporters": "exporters"}


class _CheckoutSubpackages:
    """A meta path finder for fitscope.server / fitscope.exporters in a source checkout."""

    def __init__(self, root: str) -> None:
        self.root = root

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        folder = _MAPPED_SUBPACKAGES.get(fullname)
        if folder is None:
            return None
        location = os.path.join(self.root, folder)
        return importlib.util.spec_from_file_location(
            fullname, os.path.join(location, "__init__.py"), submodule_search_locations=[location]
        )


def _install_checkout_finder() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    if any(os.path.isdir(os.path.join(here, folder)) for folder in _MAPPED_SUBPACKAGES.values()):
        return  # installed (a wheel or the editable link tree): the subpackages lie beside this file
    checkout = os.path.isfile(os.path.join(root, "pyproject.toml")) and all(
        os.path.isfile(os.path.join(root, folder, "__init__.py")) for folder in _MAPPED_SUBPACKAGES.values()
    )
    if checkout and not any(isinstance(f, _CheckoutSubpackages) for f in sys.meta_path):
        sys.meta_path.append(_CheckoutSubpackages(root))


_install_checkout_finder()


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'fitscope' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
