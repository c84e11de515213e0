"""RemoteStatsRouter: a StatsSink that posts records to a fitscope hub (``fitscope serve --remote``).

::

    from fitscope import StatsListener
    from fitscope.exporters import RemoteStatsRouter

    listener = StatsListener(RemoteStatsRouter("http://hub:9000", token="..."))   # or FITSCOPE_TOKEN

How records travel (see docs/remote.md):

* The listener's sink thread hands records to the router, which appends their JSON form to the
  batch being built. A batch is sealed when it holds ``max_batch_records`` records or
  ``max_batch_bytes`` bytes of JSON, or ``max_delay_s`` after its first record: then it is
  gzip-compressed and written to the spool folder on disk. The training thread never waits on
  any of it, nor on the network.
* The router's own thread posts the spooled batches to ``POST /api/v1/ingest``, oldest first,
  and deletes each once the hub answered that it stored it. While the hub cannot be reached or
  answers 5xx it retries the same batch with exponential backoff and full jitter; batches wait
  on disk meanwhile (at most ``max_spool_bytes``). A process that ends (or crashes) with
  batches left leaves them in its folder; the next router with the same spool folder and URL
  sends them before its own.
* The hub stores every record under its natural key (static info per session/worker, a report
  per session/worker/iteration, metrics per name and iteration, an epoch per number), so a batch
  that is sent twice (its answer was lost) is stored once.
* What retrying cannot fix is said once, with what to do, and nothing is deleted: a wrong or
  missing token (401), a hub without the remote listener (403), a URL that is not a hub (404),
  a batch over the hub's body limit (413: split in two and sent again; a single record over
  the limit is set aside), a batch the hub finds malformed (400: moved to ``rejected/`` in the
  spool folder, and the next batch goes on).
"""

from __future__ import annotations

import gzip
import http.client
import json
import logging
import os
import random
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from fitscope import __version__
from fitscope.exporters._spool import Batch, Spool, default_spool_dir
from fitscope.record_json import to_json_dict
from fitscope.records import EpochRecord, MetricsRecord, Record, StaticInfo, StatsReport

__all__ = ["INGEST_PATH", "RemoteStatsRouter", "RouterStatus"]

logger = logging.getLogger("fitscope")

INGEST_PATH: Final = "/api/v1/ingest"
_TOKEN_ENV: Final = "FITSCOPE_TOKEN"
_PAUSED_RETRY_S: Final = 30.0  # how often a refused (401/403/404/...) hub is asked again
_ADOPT_EVERY_S: Final = 60.0  # how often folders left by ended processes are looked for


@dataclass(frozen=True, slots=True)
class RouterStatus:
    """Where a router stands.

    Attributes:
        url: The ingest URL it posts to.
        spool_dir: Its folder in the spool (batches not yet stored by the hub lie there).
        sent_records: Records the hub confirmed it stored.
        sent_batches: Batches the hub confirmed.
        pending_batches: Batches waiting on disk (adopted ones from ended processes included).
        pending_records: Records in them, plus those in the batch being built.
        rejected_batches: Batches the hub refused as malformed (kept in ``rejected/``).
        dropped_records: Records lost because the spool was full.
        last_error: The last failure (an HTTP status and the hub's message, or a network error).
        paused: True while the hub refuses for a reason retrying cannot fix (token, URL, ...).
    """

    url: str
    spool_dir: Path
    sent_records: int
    sent_batches: int
    pending_batches: int
    pending_records: int
    rejected_batches: int
    dropped_records: int
    last_error: str | None
    paused: bool


def ingest_url(url: str) -> str:
    """The ingest endpoint of a hub URL (``http://hub:9000`` or a base path behind a proxy).

    Raises:
        ValueError: Not an ``http``/``https`` URL with a host.
    """
    if not isinstance(url, str):
        raise TypeError(f"url must be a string such as 'http://hub:9000', got {type(url).__name__}.")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"RemoteStatsRouter needs the hub's http(s) URL, such as 'http://hub:9000' (where `fitscope serve "
            f"--remote` listens), got {url!r}."
        )
    if parts.query or parts.fragment:
        raise ValueError(f"The hub URL {url!r} must not have a query or fragment.")
    path = parts.path.rstrip("/")
    if not path.endswith(INGEST_PATH):
        path += INGEST_PATH
    return f"{parts.scheme}://{parts.netloc}{path}"


def _positive(name: str, value: float, *, integer: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}.")
    if integer and not isinstance(value, int):
        raise ValueError(f"{name} must be a positive integer, got {value!r}.")


class RemoteStatsRouter:
    """Posts records to a fitscope hub in batches, through a spool on disk, losing nothing.

    Args:
        url: The hub, e.g. ``"http://hub:9000"`` (``/api/v1/ingest`` is appended; a base path
            behind a reverse proxy is kept).
        token: The hub's token (``fitscope serve --remote --token ...``); by default the
            ``FITSCOPE_TOKEN`` environment variable. None there too: sent without one.
        spool_dir: Where batches wait until the hub stored them; by default ``fitscope/spool``
            in the platform's per-user cache folder (``~/.cache`` on Linux). Routers of several
            processes may share it.
        max_batch_records: Records per batch at most.
        max_batch_bytes: JSON bytes per batch (before compression) at most; a single larger
            record goes alone.
        max_delay_s: Seconds a record may wait in an unsealed batch.
        max_spool_bytes: Compressed bytes the spool may hold; past it, new batches are dropped
            (counted in :meth:`status`, logged once).
        timeout_s: Seconds one request may take.
        close_timeout_s: What :meth:`close` waits for the hub by default.
        retry_base_s: The first retry's backoff; it doubles with each failure.
        retry_max_s: The longest backoff.

    Raises:
        ValueError: A bad URL or limit.
        OSError: The spool folder cannot be created.
    """

    def __init__(
        self,
        url: str,
        *,
        token: str | None = None,
        spool_dir: str | os.PathLike[str] | None = None,
        max_batch_records: int = 512,
        max_batch_bytes: int = 4 << 20,
        max_delay_s: float = 1.0,
        max_spool_bytes: int = 1 << 30,
        timeout_s: float = 30.0,
        close_timeout_s: float = 10.0,
        retry_base_s: float = 0.5,
        retry_max_s: float = 30.0,
    ) -> None:
        self.url = ingest_url(url)
        for name, value in (("max_batch_records", max_batch_records), ("max_batch_bytes", max_batch_bytes)):
            _positive(name, value, integer=True)
        _positive("max_spool_bytes", max_spool_bytes, integer=True)
        for name, seconds in (
            ("max_delay_s", max_delay_s),
            ("timeout_s", timeout_s),
            ("close_timeout_s", close_timeout_s),
            ("retry_base_s", retry_base_s),
            ("retry_max_s", retry_max_s),
        ):
            _positive(name, seconds)
        token = token if token is not None else os.environ.get(_TOKEN_ENV) or None
        if token is not None and (not isinstance(token, str) or not token.strip() or "\n" in token):
            raise ValueError("token must be a non-empty string on one line.")
        self._token = token.strip() if token is not None else None
        self._max_records = max_batch_records
        self._max_bytes = max_batch_bytes
        self._max_delay = float(max_delay_s)
        self._timeout = float(timeout_s)
        self._close_timeout = float(close_timeout_s)
        self._retry_base = float(retry_base_s)
        self._retry_max = float(retry_max_s)
        parts = urlsplit(self.url)
        self._https = parts.scheme == "https"
        self._netloc = parts.netloc
        self._path = parts.path
        self._conn: http.client.HTTPConnection | None = None
        root = Path(spool_dir) if spool_dir is not None else default_spool_dir()
        self._spool = Spool(root, self.url, max_spool_bytes)
        self._cond = threading.Condition()
        self._items: list[bytes] = []
        self._item_bytes = 0
        self._first_at = 0.0
        self._sent_records = 0
        self._sent_batches = 0
        self._rejected = 0
        self._dropped = 0
        self._last_error: str | None = None
        self._paused = False
        self._told: set[str] = set()
        self._closing = False
        self._stop = False
        self._closed = False
        self._sending = False
        adopted = self._spool.pending()[0]
        if adopted:
            logger.info("fitscope: %d batches an earlier process left in %s will be sent first.", adopted, root)
        self._thread = threading.Thread(target=self._run, name="fitscope-remote", daemon=True)
        self._thread.start()

    def __repr__(self) -> str:
        return f"RemoteStatsRouter({self.url!r})"

    @property
    def spool_dir(self) -> Path:
        """This router's folder in the spool."""
        return self._spool.path

    # ------------------------------------------------------------------ StatsSink

    def put_static_info(self, info: StaticInfo) -> None:
        """Queues static info for the hub."""
        self._add(info)

    def put_update(self, report: StatsReport) -> None:
        """Queues a report for the hub."""
        self._add(report)

    def put_metrics(self, record: MetricsRecord) -> None:
        """Queues user metrics for the hub (a record without values is not sent)."""
        if record.values:
            self._add(record)

    def put_epoch(self, record: EpochRecord) -> None:
        """Queues an epoch end for the hub."""
        self._add(record)

    def _add(self, record: Record) -> None:
        item = encode_record(record)
        with self._cond:
            if self._closed or self._closing:
                raise RuntimeError(f"{self!r} is closed; the record was not sent.")
            if self._items and self._item_bytes + len(item) > self._max_bytes:
                self._seal()
            if not self._items:
                self._first_at = time.monotonic()
            self._items.append(item)
            self._item_bytes += len(item)
            if len(self._items) >= self._max_records or self._item_bytes >= self._max_bytes:
                self._seal()
            self._cond.notify_all()

    def _seal(self) -> None:
        """Compresses the batch being built and spools it (under the lock)."""
        if not self._items:
            return
        items, self._items, self._item_bytes = self._items, [], 0
        data = batch_body(items)
        try:
            written = self._spool.append(data, len(items))
        except OSError as exc:
            written = False
            self._tell("spool_error", f"fitscope: cannot write to the spool {self._spool.path} ({exc}); records lost.")
        if not written:
            self._dropped += len(items)
            self._tell(
                "spool_full",
                f"fitscope: the spool {self._spool.root} is full ({self._spool.max_bytes} bytes) while {self.url} "
                "does not take the batches; new records are dropped (counted in status().dropped_records). "
                "Check that the hub is running, or give RemoteStatsRouter a larger max_spool_bytes.",
            )

    # ------------------------------------------------------------------ sending

    def _run(self) -> None:
        failures = 0
        next_adopt = time.monotonic() + _ADOPT_EVERY_S
        while True:
            with self._cond:
                while True:
                    if self._stop:
                        return
                    now = time.monotonic()
                    if self._items and (self._closing or now - self._first_at >= self._max_delay):
                        self._seal()
                    if now >= next_adopt:
                        self._spool.adopt()
                        next_adopt = now + _ADOPT_EVERY_S
                    batch = self._spool.head()
                    if batch is not None:
                        break
                    if self._closing:  # everything sent
                        self._sending = False
                        self._cond.notify_all()
                        self._cond.wait()
                        continue
                    wait = next_adopt - now
                    if self._items:
                        wait = min(wait, self._first_at + self._max_delay - now)
                    self._cond.wait(max(wait, 0.001))
                self._sending = True
            delay = self._send(batch)
            with self._cond:
                if delay is None:
                    failures = 0
                    continue
                failures += 1
                backoff = min(self._retry_max, self._retry_base * 2 ** min(failures - 1, 30))
                pause = max(delay, random.uniform(0, backoff))  # full jitter
                deadline = time.monotonic() + pause
                while not self._stop and (remaining := deadline - time.monotonic()) > 0:
                    self._cond.wait(remaining)

    def _send(self, batch: Batch) -> float | None:
        """Posts one batch; None when it is dealt with, else the least wait before trying again."""
        try:
            data = batch.path.read_bytes()
        except OSError as exc:  # removed under us: nothing can be sent from it
            logger.error("fitscope: cannot read the spooled batch %s (%s); it is skipped.", batch.path, exc)
            with self._cond:
                self._spool.done(batch)
            return None
        try:
            status, message, retry_after = self._post(data)
        except (OSError, http.client.HTTPException) as exc:
            self._drop_connection()
            self._failed(f"cannot reach {self.url}: {type(exc).__name__}: {exc}")
            return 0.0
        with self._cond:
            if 200 <= status < 300:
                self._spool.done(batch)
                self._sent_records += batch.records
                self._sent_batches += 1
                self._paused = False
                self._cond.notify_all()
                return None
            self._last_error = f"HTTP {status}: {message}"
            if status == 413 and batch.records > 1:
                self._spool.split(batch, _halves(data))
                return None
            if status in (400, 413):
                target = self._spool.reject(batch)
                self._rejected += 1
                why = "is larger than the hub's body limit" if status == 413 else "was refused as malformed"
                self._tell(
                    f"reject{status}",
                    f"fitscope: a batch of {batch.records} records {why} by {self.url} ({message}); it is kept in "
                    f"{target} and the next batches go on. Later refusals are counted in status().rejected_batches.",
                )
                self._cond.notify_all()
                return None
            if status >= 500 or status in (408, 425, 429):
                self._failed(f"HTTP {status} from {self.url}: {message}", warn=False)
                return retry_after or 0.0
            self._paused = True
            self._tell(f"refused{status}", _refusal(status, self.url, message, self._spool.root))
            return max(retry_after or 0.0, _PAUSED_RETRY_S)

    def _failed(self, error: str, *, warn: bool = True) -> None:
        with self._cond:
            self._last_error = error
        if warn:
            self._tell(
                "unreachable",
                f"fitscope: {error}. Batches wait in {self._spool.path} and are sent when it is back "
                "(see RemoteStatsRouter.status()).",
                level=logging.WARNING,
            )

    def _tell(self, what: str, message: str, level: int = logging.ERROR) -> None:
        """Logs a message once per kind of trouble."""
        if what not in self._told:
            self._told.add(what)
            logger.log(level, message)

    def _post(self, data: bytes) -> tuple[int, str, float | None]:
        headers = {
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
            "User-Agent": f"fitscope/{__version__}",
        }
        if self._token is not None:
            headers["Authorization"] = f"Bearer {self._token}"
        reused = self._conn is not None
        try:
            response, body = self._request(data, headers)
        except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
            if not reused:
                raise
            # The hub closed the kept-alive connection while it was idle: one fresh try at once.
            self._drop_connection()
            response, body = self._request(data, headers)
        if response.getheader("Connection", "").lower() == "close":
            self._drop_connection()
        retry_after = response.getheader("Retry-After")
        try:
            wait = float(retry_after) if retry_after is not None else None
        except ValueError:
            wait = None
        return response.status, _message(body, response.reason), wait

    def _request(self, data: bytes, headers: dict[str, str]) -> tuple[http.client.HTTPResponse, bytes]:
        if self._conn is None:
            cls = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
            self._conn = cls(self._netloc, timeout=self._timeout)
        self._conn.request("POST", self._path, body=data, headers=headers)
        response = self._conn.getresponse()
        return response, response.read()

    def _drop_connection(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # ------------------------------------------------------------------ control

    def flush(self, timeout: float | None = None) -> bool:
        """Seals the batch being built and waits until the hub stored everything; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            self._seal()
            self._cond.notify_all()
            while self._spool.head() is not None or self._items:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._cond.wait(remaining if remaining is not None else 1.0)
        return True

    def status(self) -> RouterStatus:
        """The router's counters."""
        with self._cond:
            batches, records = self._spool.pending()
            return RouterStatus(
                url=self.url,
                spool_dir=self._spool.path,
                sent_records=self._sent_records,
                sent_batches=self._sent_batches,
                pending_batches=batches,
                pending_records=records + len(self._items),
                rejected_batches=self._rejected,
                dropped_records=self._dropped,
                last_error=self._last_error,
                paused=self._paused,
            )

    def close(self, timeout: float | None = None) -> RouterStatus:
        """Sends what is left for up to ``timeout`` seconds (``close_timeout_s`` by default), then stops.

        Batches the hub has not stored by then stay in the spool folder, and the next router with
        this spool folder and URL sends them; the log says how many. Idempotent.

        Returns:
            The final :meth:`status`.
        """
        with self._cond:
            if self._closed:
                return self._status_unlocked()
            self._closing = True
            self._seal()
            self._cond.notify_all()
        self.flush(self._close_timeout if timeout is None else timeout)
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        self._thread.join(self._timeout + 1.0)
        with self._cond:
            self._closed = True
            self._drop_connection()
            final = self._status_unlocked()
            self._spool.close()
        if final.pending_batches:
            logger.warning(
                "fitscope: %d batches (%d records) were not stored by %s yet; they wait in %s and the next "
                "RemoteStatsRouter with this spool_dir sends them.",
                final.pending_batches,
                final.pending_records,
                self.url,
                final.spool_dir,
            )
        return final

    def _status_unlocked(self) -> RouterStatus:
        batches, records = self._spool.pending()
        return RouterStatus(
            self.url,
            self._spool.path,
            self._sent_records,
            self._sent_batches,
            batches,
            records + len(self._items),
            self._rejected,
            self._dropped,
            self._last_error,
            self._paused,
        )

    def __enter__(self) -> RemoteStatsRouter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def encode_record(record: Record) -> bytes:
    """A record's JSON as it goes into a batch (compact, UTF-8, no NaN: they are strings in the schema)."""
    return json.dumps(to_json_dict(record), allow_nan=False, separators=(",", ":"), ensure_ascii=False).encode()


def batch_body(items: list[bytes]) -> bytes:
    """The gzip body of one POST (and one spooled batch) holding records encoded by :func:`encode_record`."""
    return gzip.compress(b'{"records":[' + b",".join(items) + b"]}", compresslevel=1, mtime=0)


def _halves(data: bytes) -> tuple[tuple[bytes, int], tuple[bytes, int]]:
    """Splits a spooled batch into two compressed batches of half its records each."""
    records = json.loads(gzip.decompress(data))["records"]
    middle = len(records) // 2

    def pack(part: list[object]) -> tuple[bytes, int]:
        body = json.dumps({"records": part}, allow_nan=False, separators=(",", ":"), ensure_ascii=False).encode()
        return gzip.compress(body, compresslevel=1, mtime=0), len(part)

    return pack(records[:middle]), pack(records[middle:])


def _message(body: bytes, reason: str) -> str:
    """The hub's error message (its JSON error shape), else the HTTP reason."""
    try:
        doc = json.loads(body)
        text = doc["error"]["message"]
        if isinstance(text, str):
            return text
    except (ValueError, KeyError, TypeError):
        pass
    return reason or "no message"


def _refusal(status: int, url: str, message: str, root: Path) -> str:
    what = {
        401: "Give the hub's token: RemoteStatsRouter(url, token=...) or the FITSCOPE_TOKEN environment variable.",
        403: "Start the hub with its remote listener on: `fitscope serve --remote --token ...`.",
        404: "Check the URL: it must lead to a fitscope hub (`fitscope serve --remote`), e.g. http://hub:9000.",
    }.get(status, "Check the hub and the URL.")
    return (
        f"fitscope: {url} refused the batches (HTTP {status}: {message.rstrip('.')}). {what} "
        f"Nothing is lost: the batches wait "
        f"in {root} and are sent once the hub takes them (it is asked again every {_PAUSED_RETRY_S:.0f} s, and the "
        "next process with this spool_dir sends what is left)."
    )
