"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE-ID::MESSAGE``
with ``notice``/``warning``/``error`` for info/warning/error.  Errors come first,
because GitHub shows at most 10 annotations of each type per step; when a type
has more, a plain summary line says how many there are and where to see them all.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Report
from . import _view

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
ANNOTATION_CAP = 10  # per type, per step (GitHub's limit)


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(reports: Sequence[Report]) -> str:
    lines = []
    per_type = {"error": 0, "warning": 0, "notice": 0}
    for report, f in _view.findings_worst_first(reports):
        source = report.source
        cmd = COMMAND[_view.severity(f.severity).value]
        per_type[cmd] += 1
        end_line, end_col = _view.end_line_col(source, f)
        props = [f"file={escape_property(source.path)}", f"line={f.line}", f"col={f.column}",
                 f"endLine={end_line}"]
        if end_line == f.line:
            props.append(f"endColumn={end_col}")
        props.append(f"title={escape_property(f.rule)}")
        lines.append(f"::{cmd} {','.join(props)}::{escape_data(f.message)}")
    over = {k: n for k, n in per_type.items() if n > ANNOTATION_CAP}
    if over:
        parts = ", ".join(f"{n} {k}s" for k, n in over.items())
        lines.append(f"attribution: {parts}: GitHub shows only the first {ANNOTATION_CAP} "
                     f"annotations of each type; run with --format line (or upload --format "
                     f"sarif) to see every finding")
    return "".join(line + "\n" for line in lines)
