"""One progress display for every engine (``audit`` with several inputs, ``archive``).

On a terminal: a rich bar on stderr (documents done of all, documents/s, time elapsed, time
left, the document in hand).  Elsewhere nothing, or, when a ``log`` is given (a long archive
run writing to a log file), a plain line every 30 s.  rich is imported only when a bar is shown.
"""
from __future__ import annotations

import time
from typing import Callable

LINE_EVERY_S = 30


class Progress:
    """``with Progress(total, enabled=...) as bar: ... bar.advance(n, name)``."""

    def __init__(self, total: int | None, *, enabled: bool, log: Callable[[str], None] | None = None,
                 transient: bool = False):
        self.total, self.enabled, self.log, self.transient = total, enabled, log, transient
        self.done = 0
        self.start = self.last_line = time.perf_counter()
        self._bar = None

    def __enter__(self):
        self.start = self.last_line = time.perf_counter()
        if self.enabled and self.total != 0:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self._bar = Progress(
                TextColumn("[bold]auditing"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
                TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[name]}"),
                console=Console(stderr=True), speed_estimate_period=300, transient=self.transient)
            self._bar.__enter__()
            self._task = self._bar.add_task("audit", total=self.total, rate="-", name="")
        return self

    def rate(self) -> float:
        """Documents per second so far."""
        elapsed = time.perf_counter() - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, n: int = 1, name: str = "") -> None:
        self.done += n
        rate = self.rate()
        if self._bar is not None:
            self._bar.update(self._task, advance=n, rate=f"{rate:.2f}", name=name)
        elif self.log is not None and self.total and time.perf_counter() - self.last_line >= LINE_EVERY_S:
            self.last_line = time.perf_counter()
            eta = (self.total - self.done) / rate if rate else float("inf")
            self.log(f"{self.done}/{self.total} documents, {rate:.2f} docs/s, ETA {hms(eta)}")

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.__exit__(*exc)
        return False


def hms(seconds: float) -> str:
    """``H:MM:SS``; ``?`` for an unknown (infinite) time."""
    if seconds == float("inf"):
        return "?"
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
