"""`attribution archive` and `attribution archive-report`: audit a whole archive.

An archive run audits many documents (files, directories, or JSONL with one
article per line) and streams one JSON record per document to
``OUT/documents.jsonl``: the JSON contract's document object, plus ``id``,
``publisher``/``publication_date`` when the input gives them and ``model``.
At the end it writes the aggregate ``OUT/summary.json`` and appends one line
describing the run to ``OUT/runs.jsonl``.

Engines (all call :func:`attribution.audit.audit_source` through
:func:`audit_batch`, so the records are the same whatever the engine):

* in-process (default);
* a local process pool (``--jobs N``);
* Dask distributed (``--dask tcp://scheduler:8786`` or ``--dask local:N``).

Each worker process loads the stanza model once (module-level state keyed by
the model options, :func:`_worker_state`); documents travel in batches of
``--batch-size`` per task; the client keeps a bounded number of batches in
flight and writes each batch as soon as it finishes (append, flush, fsync).
A run that is interrupted resumes: the ids already in ``documents.jsonl`` are
skipped and a truncated last line is cut away.

Documents are loaded (read, decoded, HTML reduced) on the client and shipped to
the workers, so workers need the package and the models but not the files.
"""
from __future__ import annotations

import dataclasses
import json
import os
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .model import Source

DOCUMENTS = "documents.jsonl"
SUMMARY = "summary.json"
RUNS = "runs.jsonl"
CHART = "anonymous-share.png"
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class ArchiveError(Exception):
    """A user-facing problem with an archive run (bad arguments, unreadable output)."""


# ----------------------------------------------------------------- inputs

@dataclass(frozen=True, slots=True)
class Ref:
    """Where one document comes from; cheap to keep for a whole archive (no text)."""

    id: str
    path: str                       # the file, or the JSONL file holding the line
    line: int = 0                   # 1-based line in a JSONL file; 0 for a plain file
    offset: int = -1                # byte offset of that line
    publisher: str | None = None
    date: str | None = None
    error: str | None = None        # known unusable already (bad JSONL line, unreadable path)


@dataclass(frozen=True, slots=True)
class Item:
    """One document as a worker receives it."""

    id: str
    path: str
    source: Source | None
    publisher: str | None = None
    date: str | None = None
    error: str | None = None


def plan(paths: Iterable[str]) -> tuple[list[Ref], list[str]]:
    """Enumerate the documents of ``paths`` in input order, each with a unique id.

    Returns ``(refs, warnings)``.  A file's id is its path as given (directories
    joined with what they contain); a JSONL article's id is its ``id`` field (or
    ``FILE:LINE`` when it has none).  A repeated id is kept once, with a warning.
    """
    from .load import LoadError, iter_inputs

    refs: list[Ref] = []
    warnings: list[str] = []
    seen: set[str] = set()

    def add(ref: Ref) -> None:
        if ref.id in seen:
            warnings.append(f"{ref.path}{':' + str(ref.line) if ref.line else ''}: "
                            f"duplicate document id {ref.id!r} skipped")
            return
        seen.add(ref.id)
        refs.append(ref)

    plain: list[str] = []

    def flush_plain() -> None:
        for item in iter_inputs(plain):
            if isinstance(item, LoadError) and item.severity == "warning":
                warnings.append(item.message)  # skipped on purpose (a symbolic-link loop)
            elif isinstance(item, LoadError):
                add(Ref(id=item.path, path=item.path, error=item.message))
            else:
                add(Ref(id=str(item), path=str(item)))
        plain.clear()

    for p in paths:
        if p == "-":
            raise ArchiveError("an archive run cannot read stdin (it could not resume); "
                               "give files, directories or JSONL")
        if p.lower().endswith(JSONL_SUFFIXES) and os.path.isfile(p):
            flush_plain()
            for ref in _scan_jsonl(p):
                add(ref)
        else:
            plain.append(p)
    flush_plain()
    return refs, warnings


def _scan_jsonl(path: str) -> Iterator[Ref]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Ref(id=path, path=path, error=f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        offset = 0
        for lineno, raw in enumerate(fh, 1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            fallback = f"{path}:{lineno}"
            try:
                obj = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Ref(id=fallback, path=path, line=lineno, offset=start,
                          error=f"line {lineno}: not JSON ({exc})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield Ref(id=fallback, path=path, line=lineno, offset=start,
                          error=f"line {lineno}: no \"text\" string")
                continue
            doc_id = obj.get("id")
            publisher = obj.get("publisher")
            date = obj.get("publication_date") or obj.get("date")
            yield Ref(id=str(doc_id) if doc_id not in (None, "") else fallback, path=path,
                      line=lineno, offset=start,
                      publisher=str(publisher) if publisher not in (None, "") else None,
                      date=str(date) if date not in (None, "") else None)


def load_items(refs: Iterable[Ref]) -> Iterator[Item]:
    """Load each document lazily (client side): read, decode, reduce HTML, split blocks."""
    from .load import LoadError, load, load_text

    handles: dict[str, object] = {}
    try:
        for ref in refs:
            if ref.error is not None:
                yield Item(ref.id, ref.path, None, ref.publisher, ref.date, ref.error)
                continue
            try:
                if ref.line:
                    fh = handles.get(ref.path)
                    if fh is None:
                        fh = handles[ref.path] = open(ref.path, "rb")
                    fh.seek(ref.offset)
                    obj = json.loads(fh.readline())
                    source = load_text(obj["text"], path=f"{ref.path}#{ref.id}")
                else:
                    source = load(ref.path)
            except LoadError as exc:
                yield Item(ref.id, ref.path, None, ref.publisher, ref.date, exc.message)
                continue
            except (OSError, ValueError, KeyError) as exc:
                yield Item(ref.id, ref.path, None, ref.publisher, ref.date, f"cannot read: {exc}")
                continue
            if ref.publisher is not None:
                source = dataclasses.replace(source, publisher=ref.publisher)
            yield Item(ref.id, source.path, source, ref.publisher, ref.date)
    finally:
        for fh in handles.values():
            fh.close()


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ----------------------------------------------------------------- worker side

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
    def __init__(self, options: Options, parser=None):
        from .lexicon import load_lexicon
        from .modelset import resolve
        from .parse import Parser

        self.parser = parser or Parser(resolve(options.models), threads=options.threads)
        self.config = options.config
        if self.config is None:
            from .config import Config

            self.config = Config()
        self.lexicon = load_lexicon(extra_cues=self.config.extra_cues)
        self.cache = None
        if options.use_cache:
            from .cache import ParseCache

            self.cache = ParseCache()
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
    from . import __version__

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
    rec: dict = {"id": item.id}
    if item.publisher is not None:
        rec["publisher"] = item.publisher
    if item.date is not None:
        rec["publication_date"] = item.date
    if item.error is None:
        try:
            from .audit import audit_source
            from .report.json import document

            report = audit_source(item.source, state.parser, config=state.config,
                                  lexicon=state.lexicon, cache=state.cache)
            rec["model"] = state.parser.model_id
            rec.update(document(report))
        except Exception as exc:  # one bad document must not end an archive run
            rec["path"] = item.path
            rec["error"] = f"internal error: {type(exc).__name__}: {exc}"
    else:
        rec["path"] = item.path
        rec["error"] = item.error
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":")), "error" not in rec


# ----------------------------------------------------------------- results file

class Results:
    """``documents.jsonl``: append-only, one line per document, recoverable after a crash."""

    def __init__(self, out: str | os.PathLike):
        self.dir = Path(out)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(f"cannot create {self.dir}: {exc.strerror or exc}") from None
        self.path = self.dir / DOCUMENTS
        self.done: set[str] = set()
        self.models: Counter = Counter()
        self.dropped = 0  # damaged lines removed on recovery
        self._recover()
        self._fh = None

    def _recover(self) -> None:
        """Read the ids already written; cut a truncated last line; drop damaged lines."""
        if not self.path.exists():
            return
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise ArchiveError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        good: list[bytes] = []
        pos = 0
        damaged = False
        while pos < len(data):
            nl = data.find(b"\n", pos)
            if nl < 0:  # an unfinished last line: the run stopped while writing it
                self.dropped += 1
                damaged = True
                break
            line = data[pos:nl + 1]
            pos = nl + 1
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                doc_id = rec["id"]
            except (ValueError, KeyError, TypeError, UnicodeDecodeError):
                self.dropped += 1
                damaged = True
                continue
            if doc_id in self.done:  # a duplicate can only come from outside tampering
                self.dropped += 1
                damaged = True
                continue
            self.done.add(doc_id)
            if "model" in rec:
                self.models[rec["model"]] += 1
            good.append(line)
        if damaged:
            tmp = self.path.with_name(f".{DOCUMENTS}.tmp{os.getpid()}")
            with open(tmp, "wb") as fh:
                fh.writelines(good)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)

    def append(self, lines: list[str]) -> None:
        if self._fh is None:
            self._fh = open(self.path, "a", encoding="utf-8")
        self._fh.write("".join(line + "\n" for line in lines))
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def iter_records(out: str | os.PathLike) -> Iterator[dict]:
    """Every complete record of a results directory, streamed (a truncated last line is ignored).

    ``out`` is the directory or its ``documents.jsonl``.
    """
    path = Path(out) / DOCUMENTS
    if Path(out).is_file():
        path = Path(out)
    if not path.is_file():
        raise ArchiveError(f"no {DOCUMENTS} in {out} (run 'attribution archive ... --out {out}' first)")
    return _iter_records(path)


def _iter_records(path: Path) -> Iterator[dict]:
    seen = set()
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                rec = json.loads(raw)
            except ValueError:
                continue
            if isinstance(rec, dict) and "id" in rec and rec["id"] not in seen:
                seen.add(rec["id"])
                yield rec


def read_records(out: str | os.PathLike) -> list[dict]:
    return list(iter_records(out))


# ----------------------------------------------------------------- engines

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
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    ctx = multiprocessing.get_context("spawn")  # never fork a process that may hold torch threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_pool_init,
                             initargs=(options,)) as pool:
        pending: dict = {}
        inflight = 2 * jobs
        exhausted = False
        while True:
            while not exhausted and len(pending) < inflight:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                pending[pool.submit(audit_batch, batch, options)] = batch
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                batch = pending.pop(fut)
                try:
                    sink(fut.result())
                except Exception as exc:
                    _failed(stats, batch, exc)


def _failed(stats: RunStats, batch: list[Item], exc: BaseException) -> None:
    stats.failed += len(batch)
    note = f"a task of {len(batch)} documents failed ({type(exc).__name__}: {exc}); rerun to retry them"
    if note not in stats.notes:
        stats.notes.append(note)


def parse_dask_address(address: str) -> tuple[str, int | None]:
    """``local:N`` -> ("local", N); anything else is a scheduler address."""
    if address.startswith("local"):
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
            from . import __version__

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


# ----------------------------------------------------------------- the run

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

    results = Results(out)
    if results.dropped:
        log(f"{results.path}: removed {results.dropped} unfinished or damaged line(s) "
            "left by an interrupted run")
    refs, warnings = plan(paths)
    for w in warnings:
        log(f"warning: {w}")
    todo = [r for r in refs if r.id not in results.done]
    stats = RunStats(engine=engine, workers=workers, planned=len(refs), skipped=len(refs) - len(todo))
    if stats.skipped:
        log(f"resuming: {stats.skipped} of {len(refs)} documents already in {results.path}")

    bar = _Progress(len(todo), enabled=sys.stderr.isatty() if progress is None else progress, log=log)

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
        results.close()
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
    from .report.safe import message

    sys.stderr.write(f"attribution: {message(msg)}\n")


def _write_run(out: Path, stats: RunStats) -> None:
    rec = {"finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "engine": stats.engine,
           "workers": stats.workers, "planned": stats.planned, "skipped": stats.skipped,
           "written": stats.written, "errors": stats.errors, "failed": stats.failed,
           "seconds": round(stats.seconds, 3), "documents_per_s": round(stats.docs_per_s, 3)}
    with open(out / RUNS, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n")


def _atomic_write(path: Path, text: str) -> None:
    """As ``--output``: mkstemp next to ``path`` (no predictable name to plant a link at), fsync,
    rename; nothing left behind on failure."""
    from .report.output import OutputError, write_atomic

    try:
        write_atomic(path, text)
    except OutputError as exc:
        raise ArchiveError(str(exc)) from None


class _Progress:
    """A rich progress bar (documents/s, ETA) on stderr; a plain line every 30 s when not a TTY."""

    def __init__(self, total: int, *, enabled: bool, log: Callable[[str], None]):
        self.total, self.enabled, self.log = total, enabled, log
        self.done = 0
        self.start = time.perf_counter()
        self.last_line = self.start
        self._progress = None

    def __enter__(self):
        self.start = self.last_line = time.perf_counter()
        if self.enabled and self.total:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self._progress = Progress(
                TextColumn("auditing"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
                TextColumn("ETA"), TimeRemainingColumn(),
                console=Console(stderr=True), speed_estimate_period=300, transient=False)
            self._progress.__enter__()
            self._task = self._progress.add_task("audit", total=self.total, rate="-")
        return self

    def _rate(self) -> float:
        elapsed = time.perf_counter() - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, n: int) -> None:
        self.done += n
        rate = self._rate()
        if self._progress is not None:
            self._progress.update(self._task, advance=n, rate=f"{rate:.2f}")
        elif time.perf_counter() - self.last_line >= 30 and self.total:
            self.last_line = time.perf_counter()
            eta = (self.total - self.done) / rate if rate else float("inf")
            self.log(f"{self.done}/{self.total} documents, {rate:.2f} docs/s, ETA {_hms(eta)}")

    def __exit__(self, *exc):
        if self._progress is not None:
            self._progress.__exit__(*exc)
        return False


def _hms(seconds: float) -> str:
    if seconds == float("inf"):
        return "?"
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def run_archive(args) -> int:
    """The ``attribution archive`` command."""
    from .cli import EXIT_ERROR, EXIT_OK, CliError

    config = _config_for(args.paths)
    try:
        stats = archive(args.paths, args.out, jobs=args.jobs, dask=args.dask,
                        batch_size=args.batch_size, models=args.models,
                        use_cache=not args.no_cache, config=config)
    except ArchiveError as exc:
        raise CliError(str(exc)) from None
    _log(f"archive: {stats.written} documents audited ({stats.engine}, "
         f"{stats.workers} worker(s)) in {stats.seconds:.1f} s = {stats.docs_per_s:.2f} docs/s; "
         f"{stats.skipped} already done; {stats.errors} with errors; results in {args.out}")
    if stats.failed:
        raise CliError(f"{stats.failed} documents were not audited (failed tasks); "
                       "run the same command again to retry them")
    return EXIT_ERROR if stats.errors else EXIT_OK


def _config_for(paths: list[str]):
    """The configuration found from the first input (as ``attribution audit`` does)."""
    try:
        from .config import ConfigError, load_config
    except ImportError:
        return None
    first = next((p for p in paths if p != "-"), None)
    start = Path(first).resolve() if first else Path.cwd()
    if start.is_file() or not start.exists():
        start = start.parent
    try:
        return load_config(explicit=None, start=start, overrides={})
    except ConfigError as exc:
        from .cli import CliError

        raise CliError(str(exc)) from None


# ----------------------------------------------------------------- the aggregate

TOP = 15


def _group_of(rec: dict) -> str:
    if rec.get("publisher"):
        return str(rec["publisher"])
    path = str(rec.get("path") or rec.get("id") or "")
    if "#" in path and path.split("#", 1)[0].lower().endswith(JSONL_SUFFIXES):
        return path.split("#", 1)[0]  # a JSONL article without publisher: its file
    parent = os.path.dirname(path)
    return parent or "."


class _Tally:
    __slots__ = ("documents", "attributions", "with_speaker", "anonymous", "findings", "rules")

    def __init__(self):
        self.documents = self.attributions = self.with_speaker = self.anonymous = self.findings = 0
        self.rules: Counter = Counter()

    def add(self, rec: dict, kinds: dict[str, str]) -> None:
        self.documents += 1
        attrs = rec.get("attributions") or []
        self.attributions += len(attrs)
        for a in attrs:
            kind = kinds.get(a.get("speaker"))
            if kind is not None:
                self.with_speaker += 1
                self.anonymous += kind == "anonymous"
        findings = rec.get("findings") or []
        self.findings += len(findings)
        self.rules.update(f.get("rule") for f in findings)

    def row(self) -> dict:
        return {
            "documents": self.documents,
            "attributions": self.attributions,
            "attributions_per_document": _ratio(self.attributions, self.documents),
            "with_speaker": self.with_speaker,
            "anonymous": self.anonymous,
            "anonymous_share": _ratio(self.anonymous, self.with_speaker),
            "findings": self.findings,
            "findings_per_document": _ratio(self.findings, self.documents),
            "top_rule": min(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))[0] if self.rules else None,
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def aggregate(records: Iterable[dict]) -> dict:
    """Sourcing statistics over archive records (deterministic: independent of record order)."""
    n_records = n_ok = 0
    errors: list[dict] = []
    total = _Tally()
    groups: dict[str, _Tally] = defaultdict(_Tally)
    years: dict[str, _Tally] = defaultdict(_Tally)
    types: Counter = Counter()
    kinds_count: Counter = Counter()
    per_doc: list[int] = []
    speakers: dict[tuple[str, str], dict] = {}
    anonymous: dict[str, dict] = {}
    affiliations: dict[str, dict] = {}
    rules: dict[str, dict] = {}
    severities: Counter = Counter()
    models: Counter = Counter()
    grouped_by = set()

    for rec in records:  # one pass, nothing kept per document: an archive may not fit in memory
        n_records += 1
        if rec.get("error") is not None:
            errors.append({"id": rec.get("id"), "error": rec.get("error")})
            continue
        n_ok += 1
        if rec.get("model"):
            models[rec["model"]] += 1
        sp = {s.get("id"): s for s in rec.get("speakers") or []}
        kinds = {sid: s.get("kind") for sid, s in sp.items()}
        attrs = rec.get("attributions") or []
        total.add(rec, kinds)
        groups[_group_of(rec)].add(rec, kinds)
        grouped_by.add("publisher" if rec.get("publisher") else "folder")
        if rec.get("publication_date"):
            years[str(rec["publication_date"])[:4]].add(rec, kinds)
        per_doc.append(len(attrs))
        by_speaker: Counter = Counter()
        for a in attrs:
            types[a.get("type")] += 1
            s = sp.get(a.get("speaker"))
            kinds_count[s.get("kind") if s else None] += 1
            if s is not None:
                by_speaker[s.get("id")] += 1
        counted: set = set()  # rows already counted for this document

        def once(key) -> int:
            if key in counted:
                return 0
            counted.add(key)
            return 1

        for sid, n in by_speaker.items():
            s = sp[sid]
            name = (s.get("name") or "").strip()
            if not name:
                continue
            if s.get("kind") == "anonymous":
                row = anonymous.setdefault(name.casefold(), {"name": Counter(), "attributions": 0,
                                                             "documents": 0})
            else:
                row = speakers.setdefault((name.casefold(), s.get("kind") or ""), {
                    "name": Counter(), "kind": s.get("kind"), "attributions": 0, "documents": 0,
                    "affiliation": Counter(), "role": Counter()})
                if s.get("affiliation"):
                    row["affiliation"][s["affiliation"]] += n
                if s.get("role"):
                    row["role"][s["role"]] += n
            row["name"][name] += n
            row["attributions"] += n
            row["documents"] += once(("s", s.get("kind") == "anonymous", name.casefold(), s.get("kind")))
            aff = (s.get("affiliation") or "").strip()
            if aff:
                arow = affiliations.setdefault(aff.casefold(), {
                    "name": Counter(), "attributions": 0, "anonymous": 0, "speakers": set(),
                    "documents": 0})
                arow["name"][aff] += n
                arow["attributions"] += n
                arow["anonymous"] += n if s.get("kind") == "anonymous" else 0
                arow["speakers"].add(name.casefold())
                arow["documents"] += once(("a", aff.casefold()))
        seen_rules = set()
        for f in rec.get("findings") or []:
            rule = f.get("rule") or "?"
            row = rules.setdefault(rule, {"findings": 0, "documents": 0, "severity": Counter()})
            row["findings"] += 1
            row["severity"][f.get("severity")] += 1
            severities[f.get("severity")] += 1
            if rule not in seen_rules:
                seen_rules.add(rule)
                row["documents"] += 1

    def best(c: Counter) -> str | None:
        return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c else None

    def top(rows, key):
        return sorted(rows, key=key)[:TOP]

    per_doc_sorted = sorted(per_doc)
    summary = {
        "version": 1,
        "documents": n_records,
        "audited": n_ok,
        "errors": len(errors),
        "error_documents": sorted(errors, key=lambda r: str(r["id"]))[:50],
        "models": sorted(models),
        "attributions": {
            "total": total.attributions,
            "per_document": _ratio(total.attributions, n_ok),
            "median_per_document": (per_doc_sorted[len(per_doc_sorted) // 2] if per_doc_sorted else None),
            "max_per_document": max(per_doc_sorted, default=None),
            "documents_without_attributions": sum(1 for n in per_doc if n == 0),
            "by_type": {k: types[k] for k in sorted(types, key=str)},
            "by_speaker_kind": {str(k) if k else "none": kinds_count[k]
                                for k in sorted(kinds_count, key=lambda k: str(k or "~"))},
        },
        "sources": {
            "with_speaker": total.with_speaker,
            "anonymous": total.anonymous,
            "anonymous_share": _ratio(total.anonymous, total.with_speaker),
        },
        "top_speakers": [
            {"name": best(r["name"]), "kind": r["kind"], "attributions": r["attributions"],
             "documents": r["documents"], "role": best(r["role"]), "affiliation": best(r["affiliation"])}
            for r in top(speakers.values(), lambda r: (-r["attributions"], -r["documents"], best(r["name"])))],
        "top_anonymous": [
            {"name": best(r["name"]), "attributions": r["attributions"], "documents": r["documents"]}
            for r in top(anonymous.values(), lambda r: (-r["attributions"], -r["documents"], best(r["name"])))],
        "top_affiliations": [
            {"name": best(r["name"]), "attributions": r["attributions"], "anonymous": r["anonymous"],
             "speakers": len(r["speakers"]), "documents": r["documents"]}
            for r in top(affiliations.values(),
                         lambda r: (-r["attributions"], -r["documents"], best(r["name"])))],
        "findings": {
            "total": total.findings,
            "per_document": _ratio(total.findings, n_ok),
            "by_severity": {k: severities.get(k, 0) for k in ("error", "warning", "info")},
            "by_rule": [
                {"rule": rule, "findings": r["findings"], "documents": r["documents"],
                 "per_100_attributions": _ratio(100 * r["findings"], total.attributions),
                 "severity": {k: r["severity"][k] for k in sorted(r["severity"], key=str)}}
                for rule, r in sorted(rules.items(), key=lambda kv: (-kv[1]["findings"], kv[0]))],
        },
        "group_by": "/".join(sorted(grouped_by)) or None,
        "groups": [{"group": g, **t.row()} for g, t in sorted(groups.items())],
        "years": [{"year": y, **t.row()} for y, t in sorted(years.items())],
    }
    return summary


# ----------------------------------------------------------------- archive-report

def run_report(args) -> int:
    """The ``attribution archive-report`` command."""
    from .cli import EXIT_OK, CliError

    try:
        summary = aggregate(iter_records(args.results))
    except ArchiveError as exc:
        raise CliError(str(exc)) from None
    out_dir = Path(args.results) if Path(args.results).is_dir() else Path(args.results).parent
    chart = args.chart or str(out_dir / CHART)
    chart_written = None
    try:
        chart_written = write_chart(summary, chart)
    except ImportError:
        sys.stderr.write("attribution: notice: no chart (matplotlib is not installed: "
                         "pip install 'attribution[archive]')\n")
    except OSError as exc:
        raise CliError(f"cannot write {chart}: {exc.strerror or exc}") from None
    if args.format == "json":
        from .report.safe import json_text

        sys.stdout.write(json_text(json.dumps(summary, indent=2, ensure_ascii=False)) + "\n")
    elif args.format == "csv":
        sys.stdout.write(to_csv(summary))
    else:
        print_summary(summary)
    if chart_written:
        _log(f"chart written to {chart_written}")
    return EXIT_OK


def csv_rows(summary: dict) -> list[tuple]:
    """The aggregate as tidy rows ``(section, key, metric, value)`` (easy to pivot)."""
    rows: list[tuple] = []
    for metric in ("documents", "audited", "errors"):
        rows.append(("overview", "", metric, summary[metric]))
    for metric, v in summary["attributions"].items():
        if isinstance(v, dict):
            rows.extend(("attributions", k, metric, n) for k, n in v.items())
        else:
            rows.append(("overview", "", f"attributions_{metric}", v))
    rows.extend(("overview", "", metric, v) for metric, v in summary["sources"].items())
    for sect, key in (("group", "group"), ("year", "year")):
        for row in summary["groups" if sect == "group" else "years"]:
            rows.extend((sect, row[key], m, v) for m, v in row.items() if m != key)
    for sect, table in (("speaker", "top_speakers"), ("anonymous", "top_anonymous"),
                        ("affiliation", "top_affiliations")):
        for row in summary[table]:
            rows.extend((sect, row["name"], m, v) for m, v in row.items() if m != "name")
    for row in summary["findings"]["by_rule"]:
        for m, v in row.items():
            if m == "severity":
                rows.extend(("rule", row["rule"], f"severity_{k}", n) for k, n in v.items())
            elif m != "rule":
                rows.append(("rule", row["rule"], m, v))
    return rows


def to_csv(summary: dict) -> str:
    """The CSV: text cells neutralised (no formula, no control; see :func:`safe.csv_cell`)."""
    import csv
    import io

    from .report.safe import csv_cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(("section", "key", "metric", "value"))
    for section, key, metric, value in csv_rows(summary):
        w.writerow(tuple(csv_cell(v) for v in (section, key, metric, "" if value is None else value)))
    return buf.getvalue()


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _num(x) -> str:
    return "-" if x is None else (f"{x:.2f}" if isinstance(x, float) else str(x))


def print_summary(summary: dict, console=None) -> None:
    """The aggregate as rich tables (readable at 80 columns and without colour).

    Every cell is neutralised (:func:`attribution.report.safe.line`): names and
    publishers come from the archive's documents.
    """
    from rich.table import Table

    from .report.safe import line as safe

    if console is None:
        from .report.terminal import make_console

        console = make_console(sys.stdout)
    a, s, f = summary["attributions"], summary["sources"], summary["findings"]
    t = Table(title="Archive", show_header=False, title_justify="left")
    t.add_column("metric")
    t.add_column("value", overflow="fold")
    t.add_row("documents", f"{summary['audited']} audited, {summary['errors']} with errors")
    t.add_row("attributions", f"{a['total']} ({_num(a['per_document'])} per document, "
                              f"median {_num(a['median_per_document'])})")
    t.add_row("documents without attributions", _num(a["documents_without_attributions"]))
    t.add_row("by type", safe(", ".join(f"{k} {v}" for k, v in a["by_type"].items())) or "-")
    t.add_row("with a speaker", _num(s["with_speaker"]))
    t.add_row("anonymous sources", f"{s['anonymous']} ({_pct(s['anonymous_share'])} of those "
                                   "with a speaker)")
    t.add_row("findings", f"{f['total']} ({_num(f['per_document'])} per document): "
              + ", ".join(f"{k} {v}" for k, v in f["by_severity"].items()))
    if summary["models"]:
        t.add_row("model", safe(", ".join(summary["models"])))
    console.print(t)

    def table(title, columns, rows):
        if not rows:
            return
        tb = Table(title=title, title_justify="left")
        for i, c in enumerate(columns):
            numeric = all(r[i][:1].isdigit() or r[i] == "-" for r in rows) and i > 0
            tb.add_column(c, justify="right" if numeric else "left", overflow="fold")
        for r in rows:
            tb.add_row(*(safe(c) for c in r))
        console.print(tb)

    label = {"publisher": "publisher", "folder": "folder"}.get(summary["group_by"], "publisher/folder")
    for title, key, rows in ((f"Per {label}", "group", summary["groups"]),
                             ("Per year", "year", summary["years"])):
        table(title, [key, "docs", "attr/doc", "anon. share", "findings/doc"],
              [(str(r[key]), str(r["documents"]), _num(r["attributions_per_document"]),
                _pct(r["anonymous_share"]), _num(r["findings_per_document"])) for r in rows])
    table("Top speakers", ["speaker", "kind", "attr.", "docs", "affiliation"],
          [(r["name"], r["kind"] or "-", str(r["attributions"]), str(r["documents"]),
            r["affiliation"] or "-") for r in summary["top_speakers"]])
    table("Top anonymous sources", ["description", "attr.", "docs"],
          [(r["name"], str(r["attributions"]), str(r["documents"])) for r in summary["top_anonymous"]])
    table("Top affiliations", ["affiliation", "attr.", "anon.", "docs"],
          [(r["name"], str(r["attributions"]), str(r["anonymous"]), str(r["documents"]))
           for r in summary["top_affiliations"]])
    table("Findings per rule", ["rule", "findings", "docs", "per 100 attr."],
          [(r["rule"], str(r["findings"]), str(r["documents"]), _num(r["per_100_attributions"]))
           for r in f["by_rule"]])
    if summary["error_documents"]:
        table("Documents with errors", ["id", "error"],
              [(str(r["id"]), str(r["error"])) for r in summary["error_documents"][:10]])


def write_chart(summary: dict, path: str | os.PathLike) -> str | None:
    """A PNG: anonymous-source share per publisher/folder, and findings per rule."""
    groups = [g for g in summary["groups"] if g["with_speaker"]]
    rules = summary["findings"]["by_rule"][:10]
    if not groups and not rules:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = sorted(groups, key=lambda g: (g["anonymous_share"], g["group"]))[-20:]
    docs = summary["audited"] or 1
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, max(3.5, 0.45 * max(len(groups), len(rules)) + 1.6)),
                                   gridspec_kw={"width_ratios": [1.2, 1]})
    label = {"publisher": "publisher", "folder": "folder"}.get(summary["group_by"], "publisher / folder")
    if groups:
        names = [_short(g["group"]) for g in groups]
        shares = [100 * g["anonymous_share"] for g in groups]
        bars = ax1.barh(names, shares, color="#c0504d", height=0.6)
        for bar, g in zip(bars, groups):
            ax1.annotate(f"{100 * g['anonymous_share']:.1f}%  ({g['anonymous']} of {g['with_speaker']})",
                         (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(4, 0),
                         textcoords="offset points", va="center", fontsize=8,
                         bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.8})
        overall = summary["sources"]["anonymous_share"]
        if overall is not None:
            ax1.axvline(100 * overall, color="#444444", linestyle="--", linewidth=1,
                        label=f"all: {100 * overall:.1f}%")
            ax1.legend(loc="lower right", fontsize=8)
        ax1.set_xlim(0, max(shares + [1]) * 1.5)
        ax1.set_xlabel("anonymous sources, % of attributions with a speaker")
        ax1.set_title(f"Anonymous-source share per {label}")
    else:
        ax1.set_axis_off()
    if rules:
        rnames = [_short(r["rule"], 40) for r in reversed(rules)]
        rates = [10 * r["findings"] / docs for r in reversed(rules)]
        bars = ax2.barh(rnames, rates, color="#4f81bd", height=0.6)
        for bar, r in zip(bars, reversed(rules)):
            ax2.annotate(f"{r['findings']} in all", (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                         xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
        ax2.set_xlim(0, max(rates) * 1.35)
        ax2.set_xlabel("findings per 10 documents")
        ax2.set_title("Findings per rule")
    else:
        ax2.set_axis_off()
    fig.suptitle(f"{summary['audited']} documents, {summary['attributions']['total']} attributions",
                 fontsize=10, x=0.01, ha="left")
    fig.tight_layout()
    path = str(path)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _short(name: str, width: int = 28) -> str:
    """A chart label: controls neutralised, ``$`` escaped (no mathtext), at most ``width`` characters."""
    from .report.safe import line

    name = line(name)
    name = name if len(name) <= width else "…" + name[-(width - 1):]
    return name.replace("$", r"\$")
