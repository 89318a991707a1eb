"""``attribution audit PATH...``: audit articles and report (see :mod:`attribution.runner`)."""
from __future__ import annotations

import os

from ..errors import UsageError


def _check_output(path: str | None) -> None:
    """``-o FILE``: the directory must exist and FILE must not be a directory (checked
    before any input is read or the model is loaded)."""
    if not path:
        return
    if os.path.isdir(path):
        raise UsageError(f"--output {path}: is a directory (give a file name)")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise UsageError(f"--output {path}: directory {os.path.dirname(path) or parent} does not exist")


def run(args) -> int:
    from ..runner import run_audit

    _check_output(args.output)
    if not args.paths:  # cli let it through only with --stdin-filename: read stdin
        args.paths = ["-"]
    return run_audit(args)
