"""How well the debugging guide's rules (``fitscope.diagnostics``) tell broken runs from healthy ones.

Trains every run of ``tests/diagnostics/runs.py`` (small PyTorch models on CPU, a few hundred
iterations each, reported every 10 by a real StatsListener): broken ones (too high and too low
learning rates, bad initialisation, unnormalised inputs, unshuffled labels, vanishing and
exploding stacks, dying ReLU, a NaN from a bad loss, over-regularisation, a learning-rate jump,
tiny batches, an RNN without clipping) and healthy ones (MLP, CNN, LSTM, RNN, other optimizers
and seeds). Each broken run's symptom is confirmed from its own numbers before it counts.

Printed, per run: the categories of its warning-or-worse findings (info ones in parentheses),
whether one is of a right category, and the delays from the fault's onset to the finding's
``first_iteration`` (when the symptom began) and to ``noticed_iteration`` (when it was
flagged). Then, for the runs' own seeds and for ``--extra-seeds`` other seeds (runs no rule
was tuned on):

* recall: confirmed broken runs with a warning-or-worse finding of a right category;
* false alarms: healthy runs with any warning-or-worse finding;
* delays: median and worst, and how many were flagged within 100 iterations of the onset;
* cost: the rules' time per report over the listener's own collection time for it
  (``report.collection_ms``), both measured in this process (a ratio, not an absolute time).

Goal: recall >= 95 %, false alarms <= 5 %, flagged within 100 iterations of the onset.

Run: ``python benchmarks/diagnostics.py [--extra-seeds N] [--runs NAME,...] [--repeat 20]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the run library lives in tests/

from fitscope.diagnostics import Diagnoser, Finding
from tests.diagnostics.runs import BROKEN, RUNS, Run, run

#: Categories with no rule yet: never counted as the right one.
BAD = ("warning", "error")


@dataclass
class Outcome:
    """One run's diagnosis."""

    run: Run
    findings: list[Finding]
    observe_ms: float
    collection_ms: float
    reports: int
    hit: Finding | None = None
    counted: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def alarms(self) -> list[Finding]:
        """Findings of warning or worse."""
        return [f for f in self.findings if f.severity in BAD]


def diagnose_timed(r: Run, repeat: int) -> Outcome:
    """Diagnoses ``r`` ``repeat`` times (for the timing); keeps the first diagnosis's findings."""
    session = r.storage.list_sessions()[0]
    worker = r.storage.list_workers(session)[0]
    info = r.storage.get_static_info(session, worker)
    reports = list(r.storage.iter_updates(session, worker))
    findings: list[Finding] = []
    times = []
    for i in range(max(repeat, 1)):
        diagnoser = Diagnoser(static_info=info)
        start = time.perf_counter()
        for report in reports:
            diagnoser.observe(report)
        times.append((time.perf_counter() - start) * 1e3)
        if i == 0:
            findings = diagnoser.findings
    collection = sum(rep.collection_ms or 0.0 for rep in reports)
    out = Outcome(r, findings, statistics.median(times), collection, len(reports))
    if not r.healthy:
        right = r.expected
        hits = [f for f in out.alarms if f.category in right]
        out.hit = min(hits, key=lambda f: (f.noticed_iteration, f.first_iteration)) if hits else None
        if not r.confirmed or r.onset is None:
            out.counted = False
            out.notes.append("symptom not confirmed: not counted")
    return out


def cats(o: Outcome) -> str:
    """The categories found: warning-or-worse ones, then info ones in parentheses."""
    bad = sorted({f.category for f in o.alarms})
    info = sorted({f.category for f in o.findings if f.severity == "info"} - set(bad))
    text = ",".join(bad) or "-"
    return text + (f" ({','.join(info)})" if info else "")


def table(outcomes: list[Outcome]) -> None:
    """One line per run."""
    print(f"{'run':28s} {'seed':>4s} {'onset':>5s} {'ok':>3s} {'first':>6s} {'flagged':>7s}  findings (info)")
    for o in outcomes:
        r = o.run
        if r.healthy:
            ok = "yes" if not o.alarms else "NO"
            first = flagged = ""
        else:
            ok = ("yes" if o.hit else "NO") if o.counted else "-"
            known = o.hit is not None and r.onset is not None
            first = f"{o.hit.first_iteration - (r.onset or 0):+d}" if known and o.hit else ""
            flagged = f"{o.hit.noticed_iteration - (r.onset or 0):+d}" if known and o.hit else ""
        onset = "" if r.onset is None else str(r.onset)
        notes = f"  [{'; '.join(o.notes)}]" if o.notes else ""
        print(f"{r.name:28s} {r.seed:4d} {onset:>5s} {ok:>3s} {first:>6s} {flagged:>7s}  {cats(o)}{notes}")


def summary(label: str, outcomes: list[Outcome]) -> None:
    """Recall, false alarms, delays and cost of one set of runs."""
    broken = [o for o in outcomes if not o.run.healthy and o.counted]
    healthy = [o for o in outcomes if o.run.healthy]
    hits = [o for o in broken if o.hit is not None]
    alarms = [o for o in healthy if o.alarms]
    print(f"\n{label}:")
    if broken:
        print(f"  recall        {len(hits)}/{len(broken)} = {100 * len(hits) / len(broken):.1f} %  (goal >= 95 %)")
    if healthy:
        print(
            f"  false alarms  {len(alarms)}/{len(healthy)} = {100 * len(alarms) / len(healthy):.1f} %  (goal <= 5 %)"
            + (f": {', '.join(f'{o.run.name}/{o.run.seed}' for o in alarms)}" if alarms else "")
        )
    if hits:
        firsts = [o.hit.first_iteration - (o.run.onset or 0) for o in hits if o.hit]
        flags = [o.hit.noticed_iteration - (o.run.onset or 0) for o in hits if o.hit]
        within = sum(d <= 100 for d in flags)
        print(
            f"  onset -> first_iteration  median {statistics.median(firsts):+.0f}, range {min(firsts):+d} .. "
            f"{max(firsts):+d} iterations"
        )
        print(
            f"  onset -> flagged          median {statistics.median(flags):+.0f}, worst {max(flags):+d} iterations; "
            f"{within}/{len(flags)} within 100 (goal: all)"
        )
    observe = sum(o.observe_ms for o in outcomes)
    collect = sum(o.collection_ms for o in outcomes)
    reports = sum(o.reports for o in outcomes)
    if collect > 0:
        print(
            f"  cost          rules {1e3 * observe / reports:.0f} us per report = {100 * observe / collect:.1f} % "
            f"of the listener's collection time for it ({1e3 * collect / reports:.0f} us)"
        )


def main() -> None:
    """Runs the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extra-seeds", type=int, default=0, help="also run every run with N other seeds (unseen)")
    parser.add_argument("--runs", help="comma-separated run names (default: all)")
    parser.add_argument("--repeat", type=int, default=20, help="diagnoses per run for the timing (median)")
    args = parser.parse_args()
    names = args.runs.split(",") if args.runs else list(RUNS)
    unknown = sorted(set(names) - set(RUNS))
    if unknown:
        parser.error(f"unknown runs: {', '.join(unknown)}; known: {', '.join(RUNS)}")
    print(
        f"{len([n for n in names if n in BROKEN])} broken and {len([n for n in names if n not in BROKEN])} healthy runs"
    )
    started = time.perf_counter()
    own = [diagnose_timed(run(name), args.repeat) for name in names]
    table(own)
    extra: list[Outcome] = []
    if args.extra_seeds:
        print(f"\nextra seeds (100 + k, k < {args.extra_seeds}), runs the rules were not tuned on:")
        for k in range(args.extra_seeds):
            extra += [diagnose_timed(run(name, 100 + k), args.repeat) for name in names]
        table(extra)
    summary("the runs' own seeds", own)
    if extra:
        summary(f"{args.extra_seeds} extra seed(s)", extra)
    print(f"\n(trained and diagnosed in {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
