"""Live updates: a report written by another training process appears on the open page, no reload."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

from fitscope import FileStatsStorage

from . import runs as runs_module
from .conftest import chart, open_page, ready_points, serve, wait_until

TRAINER = Path(runs_module.__file__)


def test_report_from_another_process_appears_without_reload(page: Page, tmp_path: Path) -> None:
    path = tmp_path / "live.fitscope"
    stderr = (tmp_path / "trainer-stderr.txt").open("w")
    # 10 epochs of 12 iterations, 0.2 s each: it outlives the test, which stops it.
    proc = subprocess.Popen(
        [sys.executable, str(TRAINER), "live", str(path), "--sleep", "0.2"],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
    )
    assert proc.stdout is not None
    try:
        line = proc.stdout.readline()  # the first report is stored: the file exists and holds a session
        assert line.strip().isdigit(), f"the training process died: {(tmp_path / 'trainer-stderr.txt').read_text()}"
        storage = FileStatsStorage(path, read_only=True)
        try:
            with serve(storage) as server:
                navigations: list[str] = []
                page.on("framenavigated", lambda frame: navigations.append(frame.url))
                open_page(page, server, "overview")
                expect(page.locator('train-app [part="live"][data-state="open"]')).to_be_attached()
                overview = page.locator("train-overview")
                expect(overview).to_have_attribute("data-iteration", re.compile(r"^\d+$"))
                first = int(overview.get_attribute("data-iteration") or 0)
                points = ready_points(page, "score")
                page.evaluate("window.__sameDocument = true")

                def iteration() -> int:
                    return int(overview.get_attribute("data-iteration") or 0)

                wait_until(lambda: iteration() >= first + 3, 60, f"data-iteration to grow past {first + 2}")
                wait_until(
                    lambda: int(chart(page, "score").get_attribute("data-points") or 0) > points,
                    60,
                    "the score chart to draw the new points",
                )
                assert page.evaluate("window.__sameDocument") is True, "the page was reloaded"
                assert len(navigations) == 1, navigations
        finally:
            storage.close()
    finally:
        proc.terminate()
        proc.wait(60)
        proc.stdout.close()
        stderr.close()
