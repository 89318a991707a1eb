"""report: one module per output format, each a view of the same data.

``json`` is the canonical contract; ``terminal`` (``text``), ``line``,
``github``, ``sarif`` and ``markdown`` show the same reports in their own shape.
Unreadable inputs (``errors``: ``(path, message)`` pairs) are shown by the
human formats (text, markdown) and listed under JSON's optional ``errors`` key;
line, github and SARIF leave them out (the CLI reports them on stderr).

Text from the input (article text, file names, speaker fields, messages) reaches
the human formats only through :mod:`.safe` (controls and bidi controls
neutralised); JSON and SARIF escape the same characters as ``\\uXXXX``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Report

FORMATS = ("text", "json", "line", "github", "sarif", "markdown", "html")


def registered_rules() -> list:
    """The rules of :mod:`attribution.check.registry`, in its order.  A rule module that
    fails to import fails here too: SARIF never silently describes fewer rules."""
    from ..check.registry import all_rules

    return list(all_rules())


def render(reports: Sequence[Report], fmt: str, *, tool: dict,
           errors: Iterable[tuple[str, str]] = (), color: bool | None = None,
           width: int | None = None, show: str | None = None) -> str:
    """Render ``reports`` in format ``fmt`` (one of :data:`FORMATS`) as a string.

    ``color``/``width``/``show`` apply to ``text`` only (``show``: ``sources``,
    ``attributions`` or ``all``, what follows the findings); by default colour is used when
    stdout is a terminal and ``NO_COLOR`` is unset (pass ``color=False`` when the
    string goes to a file).
    """
    reports = list(reports)
    errors = list(errors)
    if fmt in ("text", "line", "github", "markdown", "html"):  # printed for people: no control reaches them
        from .safe import display_reports

        reports, errors = display_reports(reports, errors)
    if fmt == "text":
        from . import terminal

        return terminal.render(reports, tool=tool, errors=errors, color=color, width=width, show=show)
    if fmt == "json":
        from . import json

        return json.render(reports, tool=tool, errors=errors)
    if fmt == "line":
        from . import line

        return line.render(reports)
    if fmt == "github":
        from . import github

        return github.render(reports)
    if fmt == "sarif":
        from . import sarif

        return sarif.render(reports, tool=tool, rules=registered_rules())
    if fmt == "markdown":
        from . import markdown

        return markdown.render(reports, tool=tool, errors=errors)
    if fmt == "html":
        from . import html

        return html.render(reports, tool=tool, errors=errors)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
