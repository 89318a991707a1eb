"""Engines: where an archive run's batches are audited.  Each takes the batches, the
worker :class:`~attribution.archive.worker.Options`, a sink that writes finished batches
and the run's :class:`RunStats`; each runs :func:`~attribution.archive.worker.audit_batch`,
so the records are the same whatever the engine:

* :func:`_run_inprocess` (default);
* :func:`_run_pool`, a local process pool (``--jobs N``): :func:`attribution.engines.pool_map`,
  the pool ``audit --jobs`` uses too;
* :func:`_run_dask`, Dask distributed (``--dask tcp://scheduler:8786`` or ``--dask local:N``).
"""
from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterator

from ..errors import ArchiveError
from .plan import Item
from .worker import _STATES, Options, _State, _worker_state, audit_batch, worker_info


@dataclass
class RunStats:
    engine: str
    workers: int
    planned: int = 0        # documents named by the inputs
    skipped: int = 0        # already in documents.jsonl
    written: int = 0        # written by this run
    errors: int = 0         # error records written by this run
    failed: int = 0         # documents lost to a failed task (not written; a rerun retries them)
    seconds: float = 0.0
    dashboard: str | None = None
    worker_info: list = dataclasses.field(default_factory=list)
    notes: list = dataclasses.field(default_factory=list)

    @property
    def docs_per_s(self) -> float:
        return self.written / self.seconds if self.seconds else 0.0


Sink = Callable[[list[tuple[str, str, bool]]], None]


def _run_inprocess(batches: Iterator[list[Item]], options: Options, sink: Sink, stats: RunStats,
                   parser=None) -> None:
    if parser is not None and options.key() not in _STATES:
        _STATES[options.key()] = _State(options, parser=parser)
    for batch in batches:
        sink(audit_batch(batch, options))


def _pool_init(options: Options) -> None:
    _worker_state(options)


def _run_pool(batches: Iterator[list[Item]], options: Options, sink: Sink, stats: RunStats,
              jobs: int) -> None:
    """The pool of :func:`attribution.engines.pool_map`, batches as they finish.  A worker that
    dies breaks the pool: it is rebuilt and the batches in flight run again; a batch in flight
    when two pools broke is counted as failed (a rerun retries it)."""
    from ..engines import pool_map

    for batch, done, error in pool_map(partial(audit_batch, options=options), batches, jobs=jobs,
                                       initializer=_pool_init, initargs=(options,), ordered=False):
        try:
            if error is not None:
                raise error
            sink(done)
        except Exception as exc:
            _failed(stats, batch, exc)


def _failed(stats: RunStats, batch: list[Item], exc: BaseException) -> None:
    stats.failed += len(batch)
    note = f"a task of {len(batch)} documents failed ({type(exc).__name__}: {exc}); rerun to retry them"
    if note not in stats.notes:
        stats.notes.append(note)


def parse_dask_address(address: str) -> tuple[str, int | None]:
    """``local:N`` -> ("local", N); anything else is a scheduler address (``localhost:8786``
    and ``localhost.example:8786`` are addresses, not a malformed ``local:N``)."""
    if re.fullmatch(r"local(?::.*)?", address):
        rest = address[len("local"):]
        if rest in ("", ":"):
            return "local", os.cpu_count() or 1
        if rest.startswith(":") and rest[1:].isdigit() and int(rest[1:]) > 0:
            return "local", int(rest[1:])
        raise ArchiveError(f"--dask {address!r}: use local:N (N worker processes) or tcp://HOST:PORT")
    return "remote", None


LOOPBACK = "127.0.0.1"
DASHBOARD_PORT = 8787


def dashboard_address() -> str:
    """Where a ``local:N`` cluster serves its dashboard: ``127.0.0.1:8787`` unless
    ``ATTRIBUTION_DASK_DASHBOARD`` asks for another ``HOST:PORT`` (``:8787`` or
    ``0.0.0.0:8787`` for every interface)."""
    return os.environ.get("ATTRIBUTION_DASK_DASHBOARD") or f"{LOOPBACK}:{DASHBOARD_PORT}"


def _run_dask(batches: Iterator[list[Item]], options: Options, sink: Sink, stats: RunStats,
              address: str, on_start: Callable[[str | None, int], None] | None = None) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ArchiveError("--dask needs Dask distributed: pip install 'attribution[archive]'") from None
    import importlib.util
    import logging

    kind, n = parse_dask_address(address)
    cluster = None
    try:
        if kind == "local":
            # scheduler, workers and dashboard on loopback only (the dashboard has no
            # authentication); ATTRIBUTION_DASK_DASHBOARD=HOST:PORT serves it elsewhere
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                   host=LOOPBACK, dashboard_address=dashboard_address(),
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(address, timeout="20s")
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise ArchiveError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=120)
        stats.dashboard = client.dashboard_link
        if kind == "local" and importlib.util.find_spec("bokeh") is None:
            stats.dashboard += " (not served: the dashboard needs bokeh>=3.1 installed)"
        nworkers = len(client.scheduler_info()["workers"])
        stats.workers = nworkers
        if on_start:
            on_start(stats.dashboard, nworkers)
        if kind == "remote":
            from .. import __version__

            try:
                theirs = {w["version"] for w in client.run(worker_info).values()}
            except Exception as exc:  # the workers cannot even import attribution
                raise ArchiveError(f"the Dask workers at {address} cannot run attribution "
                                   f"({type(exc).__name__}: {exc}); install it on every worker") from None
            if theirs != {__version__}:
                stats.notes.append(f"warning: Dask workers run attribution {', '.join(sorted(theirs))}, "
                                   f"this client {__version__}: records may differ")
        ac = as_completed()
        pending: dict = {}
        exhausted = False

        def top_up() -> None:
            nonlocal exhausted
            threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
            while not exhausted and len(pending) < max(2, 2 * threads):
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    return
                fut = client.submit(audit_batch, batch, options, pure=False)
                pending[fut.key] = batch
                ac.add(fut)

        top_up()
        for fut in ac:
            batch = pending.pop(fut.key)
            try:
                sink(fut.result())
            except Exception as exc:  # KilledWorker, a worker without the package, ...
                _failed(stats, batch, exc)
            fut.release()
            top_up()
        try:
            stats.worker_info = sorted(client.run(worker_info).values(), key=lambda d: d["pid"])
        except Exception:
            pass
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
