"""The fitscope web UI server (``import fitscope.server``; needs ``pip install "fitscope[server]"``).

The aiohttp application factory, the JSON API and the served web components arrive with the
server issue. The training side never imports this package.
"""

from __future__ import annotations

__all__: list[str] = []
