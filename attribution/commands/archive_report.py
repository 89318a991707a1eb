"""``attribution archive-report DIR``: statistics aggregated over an archive run (tables, JSON,
CSV and a chart; :mod:`attribution.archive.render`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import EXIT_OK, ArchiveError, UsageError


def run(args) -> int:
    """The ``attribution archive-report`` command."""
    from ..archive import CHART, _log, aggregate, iter_records, print_summary, to_csv, write_chart

    try:
        summary = aggregate(iter_records(args.results))
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
    out_dir = Path(args.results) if Path(args.results).is_dir() else Path(args.results).parent
    chart = args.chart or str(out_dir / CHART)
    chart_written = None
    try:
        chart_written = write_chart(summary, chart)
    except ImportError:
        sys.stderr.write("attribution: notice: no chart (matplotlib is not installed: "
                         "pip install 'attribution[archive]')\n")
    except OSError as exc:
        raise UsageError(f"cannot write {chart}: {exc.strerror or exc}") from None
    if args.format == "json":
        from ..report.safe import json_text

        sys.stdout.write(json_text(json.dumps(summary, indent=2, ensure_ascii=False)) + "\n")
    elif args.format == "csv":
        sys.stdout.write(to_csv(summary))
    else:
        print_summary(summary)
    if chart_written:
        _log(f"chart written to {chart_written}")
    return EXIT_OK
