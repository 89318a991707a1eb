"""The commands: one module per command, each with ``run(args) -> exit code``.

:mod:`attribution.cli` parses the arguments and calls :func:`run`, which imports the
command's module only then (``attribution --help`` loads none of them).  A command takes
its exit codes and errors from :mod:`attribution.errors` and never imports ``cli``; the
heavy work lives in the engines it calls (``audit``: :mod:`attribution.batch`, ``archive``
and ``archive-report``: :mod:`attribution.archive`, ``eval``: :mod:`attribution.evaluate`).
"""
from __future__ import annotations

import sys

NAMES = ("audit", "rules", "explain", "models", "cache", "eval", "archive", "archive-report")


def run(args) -> int:
    """Run the command ``args.command`` (its module's ``run``)."""
    from importlib import import_module

    module = import_module(f"{__name__}.{args.command.replace('-', '_')}")
    return module.run(args)


def err(msg: str) -> None:
    """One line on stderr, whatever a file name in ``msg`` holds (controls neutralised)."""
    from ..report.safe import message

    sys.stderr.write(f"attribution: error: {message(msg)}\n")


def did_you_mean(word: str, choices) -> str:
    """`` (did you mean X?)`` for the closest of ``choices`` (prefix first), else ``""``."""
    import difflib

    choices = sorted(set(choices))
    w = word.lower()
    close = [c for c in choices if c.lower().startswith(w)] if len(w) >= 3 else []
    close = close or difflib.get_close_matches(w, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""
