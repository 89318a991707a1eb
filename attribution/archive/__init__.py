"""`attribution archive` and `attribution archive-report`: audit a whole archive.

An archive run audits many documents (files, directories, or JSONL with one
article per line) and streams one JSON record per document to
``OUT/documents.jsonl``: the JSON contract's document object, plus ``id``,
``publisher``/``publication_date`` when the input gives them and ``model``.
At the end it writes the aggregate ``OUT/summary.json`` and appends one line
describing the run to ``OUT/runs.jsonl``.

The package, in the order a run goes through it:

* :mod:`.plan`: which documents (ids, no text kept), loaded lazily on the client, in batches;
* :mod:`.worker`: one :class:`~attribution.pipeline.Pipeline` per worker process and
  :func:`audit_batch`, the task every engine runs;
* :mod:`.engines`: in-process (default), a local process pool (``--jobs N``) or Dask
  distributed (``--dask tcp://scheduler:8786`` or ``--dask local:N``); all run
  :func:`audit_batch`, so the records are the same whatever the engine;
* :mod:`.results`: ``documents.jsonl``, appended, flushed and fsynced per batch;
* :mod:`.run`: :func:`archive`, the run from start to end;
* :mod:`.aggregate`: the statistics; :mod:`.render`: tables, CSV, chart.

The commands ``archive`` and ``archive-report`` are :mod:`attribution.commands.archive` and
:mod:`attribution.commands.archive_report`.

Each worker process loads the stanza model once (module-level state keyed by
the model options); documents travel in batches of ``--batch-size`` per task;
the client keeps a bounded number of batches in flight and writes each batch as
soon as it finishes (append, flush, fsync).  A run that is interrupted resumes:
the ids whose last record in ``documents.jsonl`` is not an error are skipped (error
records are retried), damaged lines are moved to ``documents.damaged.jsonl``, and
``OUT/.lock`` keeps a second run out of the same directory (see :mod:`.results`).

Documents are loaded (read, decoded, HTML reduced) on the client and shipped to
the workers, so workers need the package and the models but not the files.
"""
from ..errors import ArchiveError
from .aggregate import TOP, aggregate
from .engines import (DASHBOARD_PORT, LOOPBACK, RunStats, _run_dask, _run_inprocess, _run_pool,
                      dashboard_address, parse_dask_address)
from .plan import JSONL_SUFFIXES, Item, Ref, batched, load_items, plan
from .render import CHART, csv_rows, print_summary, to_csv, write_chart
from .results import DAMAGED, DOCUMENTS, LOCK, ArchiveBusy, Results, iter_records, read_records
from .run import RUNS, SUMMARY, _atomic_write, _log, archive
from .worker import MODEL_LOADS, TASKS, Options, audit_batch, worker_info

__all__ = [
    "ArchiveBusy", "ArchiveError", "CHART", "DAMAGED", "DASHBOARD_PORT", "DOCUMENTS", "LOCK", "Item", "JSONL_SUFFIXES", "LOOPBACK",
    "MODEL_LOADS", "Options", "RUNS", "Ref", "Results", "RunStats", "SUMMARY", "TASKS", "TOP",
    "_atomic_write", "_log", "_run_dask", "_run_inprocess", "_run_pool", "aggregate", "archive",
    "audit_batch", "batched", "csv_rows", "dashboard_address", "iter_records", "load_items",
    "parse_dask_address", "plan", "print_summary", "read_records",
    "to_csv", "worker_info", "write_chart",
]
