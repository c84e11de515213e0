"""``python -m fitscope``: the same as the ``fitscope`` command."""

from __future__ import annotations

import sys

from fitscope.cli import main

sys.exit(main())
