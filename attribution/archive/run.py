"""An archive run from start to end (:func:`archive`): plan, skip what is done, batch, hand to
an engine, write each batch, then the summary and one line in ``runs.jsonl``.  The
``attribution archive`` command is :mod:`attribution.commands.archive`."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

from ..errors import ArchiveError
from ..progress import Progress
from .aggregate import aggregate
from .engines import RunStats, _run_dask, _run_inprocess, _run_pool, parse_dask_address
from .plan import batched, load_items, plan
from .results import Results, iter_records
from .worker import Options

SUMMARY = "summary.json"
RUNS = "runs.jsonl"


def archive(paths: Iterable[str], out: str | os.PathLike, *, jobs: int | None = None,
            dask: str | None = None, batch_size: int = 8, models: str | None = None,
            use_cache: bool = True, config=None, progress: bool | None = None,
            parser=None, log: Callable[[str], None] | None = None) -> RunStats:
    """Audit every document of ``paths`` into ``out`` (see the module docstring).

    ``parser`` (in-process engine only) reuses an already loaded Parser.
    """
    if batch_size < 1:
        raise ArchiveError("--batch-size must be at least 1")
    if jobs is not None and jobs < 1:
        raise ArchiveError("--jobs must be at least 1")
    if jobs and jobs > 1 and dask:
        raise ArchiveError("--jobs and --dask exclude each other (a Dask cluster has its own workers)")
    paths = list(paths)
    if "-" in paths:
        raise ArchiveError("an archive run cannot read stdin (it could not resume); "
                           "give files, directories or JSONL")
    log = log or _log
    if dask:
        engine, workers = "dask", 0
        kind, n = parse_dask_address(dask)
        threads = 1 if kind == "local" else None
    elif jobs and jobs > 1:
        engine, workers, threads = "pool", jobs, 1
    else:
        engine, workers, threads = "inprocess", 1, 1  # torch default threads: 5-10x slower here
    options = Options(models=str(models) if models else None, threads=threads,
                      use_cache=use_cache, config=config)

    results = Results(out)  # takes OUT/.lock: a second run into OUT stops here (ArchiveBusy)
    try:
        return _archive(paths, results, engine, workers, options, dask, jobs, batch_size,
                        progress, parser, log)
    finally:
        results.close()


def _archive(paths, results: Results, engine, workers, options, dask, jobs, batch_size,
             progress, parser, log) -> RunStats:
    if results.dropped:
        lines = ", ".join(map(str, results.damaged_lines[:10])) + (", ..." if results.dropped > 10 else "")
        log(f"{results.path}: moved {results.dropped} unfinished or damaged line(s) (line {lines}) "
            f"to {results.damaged_path}")
    refs, warnings = plan(paths)
    for w in warnings:
        log(f"warning: {w}")
    todo = [r for r in refs if r.id not in results.done]
    stats = RunStats(engine=engine, workers=workers, planned=len(refs), skipped=len(refs) - len(todo))
    retried = sum(1 for r in todo if r.id in results.retry)
    if stats.skipped or retried:
        log(f"resuming: {stats.skipped} of {len(refs)} documents already in {results.path}"
            + (f"; {retried} whose record is an error audited again" if retried else ""))

    bar = Progress(len(todo), enabled=sys.stderr.isatty() if progress is None else progress, log=log)

    def sink(done: list[tuple[str, str, bool]]) -> None:
        results.append([line for _, line, _ in done])
        stats.errors += sum(1 for *_, ok in done if not ok)
        stats.written += len(done)
        bar.advance(len(done))

    batches = batched(load_items(todo), batch_size)
    start = time.perf_counter()
    try:
        with bar:
            if not todo:
                pass
            elif engine == "inprocess":
                _run_inprocess(batches, options, sink, stats, parser=parser)
            elif engine == "pool":
                _run_pool(batches, options, sink, stats, jobs)
            else:
                def on_start(link, nworkers):
                    log(f"Dask: {nworkers} worker(s); dashboard: {link}")
                _run_dask(batches, options, sink, stats, dask, on_start=on_start)
    finally:
        stats.seconds = time.perf_counter() - start
        results.close_file()
        _write_run(results.dir, stats)
    summary = aggregate(iter_records(results.dir))
    _atomic_write(results.dir / SUMMARY, json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    if len(summary["models"]) > 1:
        log("warning: documents.jsonl mixes model ids " + ", ".join(summary["models"])
            + " (the run was resumed with other models)")
    for note in stats.notes:
        log(note)
    return stats


def _log(msg: str) -> None:
    """A line on stderr; file names and ids in it cannot start another line or drive the terminal."""
    from ..report.safe import message

    sys.stderr.write(f"attribution: {message(msg)}\n")


def _write_run(out: Path, stats: RunStats) -> None:
    from ..report.contract_summary import RunRecord

    rec: RunRecord = {
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "engine": stats.engine,
        "workers": stats.workers, "planned": stats.planned, "skipped": stats.skipped,
        "written": stats.written, "errors": stats.errors, "failed": stats.failed,
        "seconds": round(stats.seconds, 3), "documents_per_s": round(stats.docs_per_s, 3)}
    with open(out / RUNS, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n")


def _atomic_write(path: Path, text: str) -> None:
    """As ``--output``: mkstemp next to ``path`` (no predictable name to plant a link at), fsync,
    rename; nothing left behind on failure."""
    from ..report.output import OutputError, write_atomic

    try:
        write_atomic(path, text)
    except OutputError as exc:
        raise ArchiveError(str(exc)) from None
