"""Callbacks for the training loops people already have: one module per framework.

Each module imports its framework, so import the one you use; ``import fitscope`` imports none:

* :mod:`fitscope.integrations.lightning`: ``FitscopeCallback`` for ``lightning.pytorch.Trainer``
  (``pip install "fitscope[lightning]"``);
* :mod:`fitscope.integrations.transformers`: ``FitscopeCallback`` for the Hugging Face ``Trainer``
  (``pip install "fitscope[transformers]"``);
* :mod:`fitscope.integrations.keras`: ``FitscopeCallback`` for Keras 3 on the torch backend
  (``pip install "fitscope[keras]"``).

See docs/integrations.md for what each records and where every value comes from.
"""

from __future__ import annotations

__all__: list[str] = []
