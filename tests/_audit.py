"""Helpers shared by the tests that audit a short text through the whole pipeline and look up
an attribution and its speaker."""
from __future__ import annotations


def audit_text(parser, text: str, path: str = "story.txt"):
    """The Report of ``text`` read as plain text (``path`` only names it)."""
    from attribution.audit import audit_source
    from attribution.load import load_text

    return audit_source(load_text(text, path=path, fmt="text"), parser)


def by_content(report, needle: str):
    """The first attribution whose content holds ``needle``, and its speaker (or None)."""
    text = report.source.text
    for a in report.resolved.attributions:
        if any(needle in text[c.start:c.end] for c in a.content):
            return a, report.resolved.speaker(a.speaker)
    raise AssertionError(f"no attribution with content {needle!r}")
