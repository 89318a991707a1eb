"""``--format line``: ``path:line:col: severity rule-id: message``, one per finding.

For editors' quickfix lists and CI problem matchers.  Documents in input order,
findings in document order.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Report
from . import _view


def render(reports: Sequence[Report]) -> str:
    lines = []
    for report in reports:
        path = report.source.path
        for f in _view.findings(report):
            sev = _view.severity(f.severity).value
            lines.append(f"{path}:{f.line}:{f.column}: {sev} {f.rule}: {_view.one_line(f.message)}")
    return "".join(line + "\n" for line in lines)
