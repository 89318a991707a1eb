"""``attribution archive PATH... --out DIR``: audit a large set of documents to JSONL
(:mod:`attribution.archive`)."""
from __future__ import annotations

from pathlib import Path

from ..errors import EXIT_ERROR, EXIT_OK, UsageError


def run(args) -> int:
    """The ``attribution archive`` command."""
    from ..archive import _log, archive

    config = _config_for(args.paths)
    stats = archive(args.paths, args.out, jobs=args.jobs, dask=args.dask,  # ArchiveError: exit 2
                    batch_size=args.batch_size, models=args.models,         # ArchiveBusy: exit 3
                    use_cache=not args.no_cache, config=config)
    _log(f"archive: {stats.written} documents audited ({stats.engine}, "
         f"{stats.workers} worker(s)) in {stats.seconds:.1f} s = {stats.docs_per_s:.2f} docs/s; "
         f"{stats.skipped} already done; {stats.errors} with errors; results in {args.out}")
    if stats.failed:
        raise UsageError(f"{stats.failed} documents were not audited (failed tasks); "
                       "run the same command again to retry them")
    return EXIT_ERROR if stats.errors else EXIT_OK


def _config_for(paths: list[str]):
    """The configuration found from the first input (as ``attribution audit`` does)."""
    try:
        from ..config import ConfigError, load_config
    except ImportError:
        return None
    first = next((p for p in paths if p != "-"), None)
    start = Path(first).resolve() if first else Path.cwd()
    if start.is_file() or not start.exists():
        start = start.parent
    try:
        return load_config(explicit=None, start=start, overrides={})
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
