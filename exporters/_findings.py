"""The diagnostics' findings for the exporters: one incremental Diagnoser per stream.

An exporter built with ``diagnostics=True`` (the default) feeds each StaticInfo and report it
receives to :class:`FindingsFeed`, which answers the findings each report made or raised to a
worse severity. The MLflow exporter turns them into ``fitscope.finding.<rule>`` tags, the
TensorBoard exporter into Markdown text (tag ``diagnostics/<rule>``) at the iteration where the
symptom began. The rules run in the exporter's own thread, never in the training loop.
"""

from __future__ import annotations

from collections.abc import Iterable

from fitscope.diagnostics import Diagnoser, Finding
from fitscope.records import StaticInfo, StatsReport

__all__ = ["FindingsFeed", "finding_markdown", "rule_tags"]

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
#: MLflow keeps tag values up to 8,000 characters; a tag says the worst finding of its rule and counts the rest.
_MAX_TAG = 2_000


class FindingsFeed:
    """A Diagnoser per (session, worker), fed in record order."""

    def __init__(self) -> None:
        self._streams: dict[tuple[str, str], Diagnoser] = {}

    def static(self, info: StaticInfo) -> None:
        """Learns the stream's model (its first StaticInfo; the rules start over on a later one)."""
        key = (info.session_id, info.worker_id)
        found = self._streams.get(key)
        if found is None:
            self._streams[key] = Diagnoser(static_info=info)
        else:
            found.set_static_info(info)

    def update(self, report: StatsReport) -> list[Finding]:
        """The findings ``report`` made or raised."""
        key = (report.session_id, report.worker_id)
        diagnoser = self._streams.get(key)
        if diagnoser is None:
            diagnoser = self._streams[key] = Diagnoser()
        return diagnoser.observe(report)

    def findings(self, session_id: str, worker_id: str) -> list[Finding]:
        """Every finding of the stream so far."""
        found = self._streams.get((session_id, worker_id))
        return [] if found is None else found.findings


def _where(f: Finding) -> str:
    return f" ({f.parameter or f.layer})" if (f.parameter or f.layer) else ""


def rule_tags(findings: Iterable[Finding]) -> dict[str, str]:
    """``{"fitscope.finding.<rule>": text}``: per rule, its worst (then earliest) finding and how many more."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    tags = {}
    for rule, group in by_rule.items():
        group.sort(key=lambda f: (-_SEVERITY_RANK.get(f.severity, 0), f.first_iteration))
        top = group[0]
        more = f" (+{len(group) - 1} more)" if len(group) > 1 else ""
        text = f"{top.severity} from iteration {top.first_iteration}{_where(top)}: {top.message}{more}"
        tags[f"fitscope.finding.{rule}"] = text if len(text) <= _MAX_TAG else text[: _MAX_TAG - 1] + "…"
    return tags


def finding_markdown(f: Finding) -> str:
    """A finding as the TensorBoard text plugin shows it."""
    lines = [
        f"**{f.severity}** `{f.rule}` ({f.category}){_where(f)}: iterations {f.first_iteration}-{f.last_iteration}, "
        f"flagged at {f.noticed_iteration}",
        "",
        f.message,
        "",
        f"*Advice:* {f.advice}",
    ]
    return "\n".join(lines)
