"""``attribution archive-report DIR``: statistics aggregated over an archive run."""
from __future__ import annotations


def run(args) -> int:
    from ..archive import run_report

    return run_report(args)
