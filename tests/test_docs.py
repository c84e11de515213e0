"""Docs coverage is a test: every public name, CLI command and series key form is documented."""

from __future__ import annotations

from pathlib import Path

import fitscope
from fitscope.cli import build_parser
from fitscope.records import SUMMARY_STATS

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(p.read_text() for p in sorted((ROOT / "docs").rglob("*.md"))) + (ROOT / "README.md").read_text()


def test_every_public_name_is_in_the_docs() -> None:
    missing = [name for name in fitscope.__all__ if name not in DOCS]
    assert not missing, f"undocumented public names: {missing}"


def test_every_cli_command_and_option_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, cmd in sub.choices.items():  # type: ignore[union-attr]
        assert f"fitscope {name}" in DOCS, name
        for action in cmd._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in DOCS, f"fitscope {name} {flag}"


def test_every_summary_statistic_is_documented() -> None:
    storage_doc = (ROOT / "docs" / "storage.md").read_text()
    missing = [s for s in SUMMARY_STATS if s not in storage_doc]
    assert not missing


def test_readme_quotes_benchmark_figures_with_their_command() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "benchmarks/listener_overhead.py" in readme
    assert "%" in readme
