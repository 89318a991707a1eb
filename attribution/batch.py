"""Audit many sources with one loaded model: in-process, or over a process pool.

:func:`audit_many` is what ``attribution audit`` (:mod:`attribution.commands.audit`)
calls; each process audits through one :class:`attribution.pipeline.Pipeline`.
With ``jobs == 1`` one :class:`~attribution.parse.Parser` is built, on the first
source that needs it, and reused for every file.  With ``jobs > 1``
each worker process builds its own Parser once, in the pool's initializer,
with one torch thread (N workers x 1 thread beats N workers fighting over every
core), and the results come back in input order.  The in-process path also uses
one thread unless ``ATTRIBUTION_THREADS`` says otherwise (see :func:`default_threads`).
The parse stage is deterministic given the model and the text, and the cache stores the parse
itself, so the reports are the same whatever ``jobs`` is.

Inputs that are not :class:`~attribution.model.Source` (load errors) are passed
through unchanged, in their place.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator

from . import pipeline
from .model import Report, Source
from .pipeline import LazyParser, Pipeline
from .progress import Progress

def default_threads() -> int:
    """torch threads per process: ``ATTRIBUTION_THREADS``, else 1.

    One thread is the default because torch's intra-op pool collapses when anything else
    shares the cores: on the 2-core reference machine with other work running, the
    compact model parsed ~790 tokens/s with 1 thread and ~26 tokens/s with 2 (bench/run.py
    --quick, load average ~7).  Use ``--jobs`` for parallelism instead.
    """
    try:
        return max(1, int(os.environ.get("ATTRIBUTION_THREADS", "1")))
    except ValueError:
        return 1


AUTO_CHARS_PER_JOB = 150_000  # ~25,000 words (~15 s of parsing) before another process pays


def auto_jobs(sources, models_dir=None, use_cache: bool = True) -> int:
    """``--jobs auto``: one process per ~150,000 characters still to parse, up to the CPUs this
    process may use and the number of inputs.

    A worker costs its own interpreter, torch import and model load (1-2 s), so small runs and
    runs the parse cache already covers stay in this process.
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    srcs = [s for s in sources if isinstance(s, Source)]
    if cpus < 2 or len(srcs) < 2:
        return 1
    texts = [b.text for s in srcs for b in s.blocks]
    if use_cache:
        try:
            from .cache import ParseCache

            cache, lazy = ParseCache(), LazyParser(models_dir, 1)
            texts = [t for t in texts if not cache._path(lazy.key(t)).exists()]
        except Exception:  # no usable cache (or model): count every paragraph
            pass
    return max(1, min(cpus, len(srcs), sum(map(len, texts)) // AUTO_CHARS_PER_JOB))


# Introspection for tests and the benchmark: after a run, {process id: Parsers that
# process built} (:data:`attribution.pipeline.parsers_built`).
last_run: dict = {}


# ---------------------------------------------------------------- worker side

_worker: Pipeline | None = None
_worker_error: BaseException | None = None


def _init_worker(models_dir, use_cache, config) -> None:
    global _worker, _worker_error
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")
    from .parse.lazy import cold_start

    cold_start()  # a worker only audits: the command line's cold start (imports, collector)
    _worker = Pipeline(models_dir, threads=1, use_cache=use_cache, config=config)
    try:
        _worker.load(eager=True)
    except BaseException as exc:  # reported with the first task, not as a broken pool
        _worker_error = exc


def _work(source: Source):
    if _worker_error is not None:
        raise _worker_error
    return _worker.audit(source), os.getpid(), pipeline.parsers_built


# ---------------------------------------------------------------- parent side

def _on_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def audit_many(sources: Iterable, *, models_dir=None, jobs: int = 1, use_cache: bool = True,
               config=None, progress: bool = True) -> Iterator[Report]:
    """Audit ``sources`` in order, loading the model once per process.

    Args:
        sources: :class:`Source` objects; anything else (a load error) is yielded back unchanged.
        models_dir: model directory (``--models``); ``None`` resolves as :func:`modelset.resolve`.
        jobs: worker processes; 1 audits in this process.
        use_cache: read and write the on-disk parse cache.
        config: a :class:`attribution.config.Config` (default configuration when ``None``).
        progress: allow a progress bar on stderr (shown only on a terminal, for 2+ inputs).

    Yields:
        One :class:`Report` per source, in input order.

    Raises:
        attribution.modelset.ModelError: the model cannot be found or loaded.
    """
    total = len(sources) if hasattr(sources, "__len__") else None
    bar = Progress(total, enabled=progress and (total is None or total >= 2) and _on_terminal(sys.stderr),
                   transient=True)
    jobs = max(1, int(jobs or 1))
    if total is not None:
        n_sources = sum(isinstance(s, Source) for s in sources)
        jobs = min(jobs, max(1, n_sources))
    inner = _serial(sources, models_dir, use_cache, config) if jobs == 1 else \
        _pooled(sources, models_dir, use_cache, config, jobs)
    with bar:
        for item in inner:
            name = item.source.path if isinstance(item, Report) else getattr(item, "path", "")
            bar.advance(1, str(name))
            yield item


def _serial(sources, models_dir, use_cache, config):
    auditor = Pipeline(models_dir, threads=default_threads(), use_cache=use_cache, config=config)
    last_run.clear()
    before = pipeline.parsers_built
    for src in sources:
        yield auditor.audit(src) if isinstance(src, Source) else src
    last_run["workers"] = {os.getpid(): pipeline.parsers_built - before}


def _pooled(sources, models_dir, use_cache, config, jobs):
    """Over a spawn pool (:func:`attribution.engines.pool_map`), except the documents the result
    cache holds (served here: a re-audit of unchanged files starts no worker); a worker that
    dies (killed, out of memory) costs only a restart: the pool is rebuilt and the sources not
    yet reported are submitted again.  A source in flight when two pools broke is reported as a
    :class:`~attribution.load.LoadError` (one line naming the file) in its place, and the
    others still run."""
    from concurrent.futures.process import BrokenProcessPool

    from .engines import pool_map

    last_run.clear()
    workers: dict[int, int] = {}
    if use_cache:  # a document the result cache holds is served here: no worker (or pool) for it
        here = Pipeline(models_dir, threads=1, use_cache=True, config=config)
        sources = (here.cached(s) or s if isinstance(s, Source) else s for s in sources)
    for src, result, error in pool_map(_work, sources, jobs=jobs, initializer=_init_worker,
                                       initargs=(models_dir, use_cache, config),
                                       inline=lambda s: not isinstance(s, Source)):
        if error is None and not isinstance(src, Source):
            yield src  # a load error or a cached report, in its place
        elif error is None:
            report, pid, built = result
            workers[pid] = built
            yield report
        elif isinstance(error, BrokenProcessPool):
            from .load import LoadError

            yield LoadError(src.path, "a worker process died while auditing it "
                                      "(killed, or out of memory); not audited", "worker")
        else:
            raise error
    last_run["workers"] = workers
