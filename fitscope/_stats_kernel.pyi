"""Types of the compiled CPU statistics kernel (fitscope/_stats_kernel.c)."""

from typing_extensions import Buffer

NSTATS: int
WANT_MOMENT: int
WANT_HIST: int
CHUNK: int

def summarize_at(
    addresses: Buffer,
    minus: Buffer,
    lengths: Buffer,
    kinds: bytes,
    bins: int,
    flags: int,
    out: Buffer,
    threads: int,
) -> bytes:
    """The same rows for values given by address (int64 buffers); a non-zero ``minus`` address
    summarises ``data[i] - minus[i]``."""
