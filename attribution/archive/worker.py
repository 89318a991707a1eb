"""The worker side of an archive run: one :class:`~attribution.pipeline.Pipeline` per
worker process (built on first use, keyed by the options, kept), and :func:`audit_batch`,
the task every engine runs: documents in, one JSON line per document out."""
from __future__ import annotations

import json
import os
import threading
from collections import Counter
from dataclasses import dataclass

from .plan import Item


@dataclass(frozen=True, slots=True)
class Options:
    """What a worker needs to build its pipeline (picklable)."""

    models: str | None = None     # model directory; None: the worker resolves its own
    threads: int | None = None    # torch threads per worker process (None: torch decides)
    use_cache: bool = True
    config: object | None = None  # attribution.config.Config (None: defaults)

    def key(self) -> tuple:
        return (self.models, self.threads, self.use_cache, repr(self.config))


class _State:
    """A worker's pipeline (model loaded at once) and the lock its threads take turns on."""

    def __init__(self, options: Options, parser=None):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(options.models, threads=options.threads, use_cache=options.use_cache,
                                 config=options.config, parser=parser).load(eager=True)
        self.lock = threading.Lock()


_STATES: dict[tuple, _State] = {}
_STATES_LOCK = threading.Lock()
MODEL_LOADS: Counter = Counter()  # how many times this process built a pipeline, per options key
TASKS: Counter = Counter()        # how many batches this process audited, per options key


def _worker_state(options: Options) -> _State:
    """The pipeline of this worker process, built on first use and kept."""
    key = options.key()
    state = _STATES.get(key)
    if state is None:
        with _STATES_LOCK:
            state = _STATES.get(key)
            if state is None:
                state = _STATES[key] = _State(options)
                MODEL_LOADS[key] += 1
    return state


def worker_info() -> dict:
    """This worker's counters and version (read on Dask workers with ``client.run``)."""
    from .. import __version__

    return {"pid": os.getpid(), "model_loads": sum(MODEL_LOADS.values()), "tasks": sum(TASKS.values()),
            "version": __version__}


def audit_batch(items: list[Item], options: Options) -> list[tuple[str, str, bool]]:
    """Audit a batch of documents; return ``(id, JSON line, ok)`` per document, in order.

    Runs on a worker.  A document that fails is answered with an error record
    (``{"id", "path", "error"}``) so that nothing is silently lost.
    """
    state = _worker_state(options)
    out = []
    with state.lock:  # one stanza pipeline per process; a multi-threaded worker takes turns
        TASKS[options.key()] += 1
        for item in items:
            out.append((item.id, *_record_line(item, state)))
    return out


def _record_line(item: Item, state: _State) -> tuple[str, bool]:
    from ..report.contract import archive_record, is_error

    meta = {"publisher": item.publisher, "date": item.date}
    if item.error is None:
        try:
            report = state.pipeline.audit(item.source)
            rec = archive_record(item.id, **meta, model=state.pipeline.parser.model_id, report=report)
        except Exception as exc:  # one bad document must not end an archive run
            rec = archive_record(item.id, **meta, path=item.path,
                                 error=f"internal error: {type(exc).__name__}: {exc}")
    else:
        rec = archive_record(item.id, **meta, path=item.path, error=item.error)
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":")), not is_error(rec)
