"""Write-only sinks that emit fitscope's statistics to other tools (``import fitscope.exporters``).

TensorBoard and MLflow exporters arrive with their own issue; each will implement
:class:`fitscope.storage.base.StatsSink` and import its third-party library lazily, raising
:class:`fitscope.errors.MissingDependencyError` with the exact ``pip install`` to run.
"""

from __future__ import annotations

__all__: list[str] = []
