"""Helpers shared by the tests that audit a short text through the whole pipeline and look up
an attribution, its speaker or the findings of a rule."""
from __future__ import annotations


def audit_text(parser, text: str, path: str = "story.txt", fmt: str | None = "text",
               select: tuple[str, ...] | None = None):
    """The Report of ``text`` (``path`` only names it) read as ``fmt`` (``None``: from the
    path's suffix, as the command line does), with only the rules in ``select`` when given."""
    from attribution.audit import audit_source
    from attribution.config import Config
    from attribution.load import load_text

    config = Config(select=tuple(select)) if select is not None else None
    return audit_source(load_text(text, path=path, fmt=fmt), parser, config=config)


def findings(report, rule: str) -> list:
    """The report's findings of ``rule``, in report order."""
    return [f for f in report.findings if f.rule == rule]


def flagged(report, rule: str) -> list[str]:
    """The text under each finding of ``rule``."""
    src = report.source.text
    return [src[f.start:f.end] for f in findings(report, rule)]


def by_content(report, needle: str):
    """The first attribution whose content holds ``needle``, and its speaker (or None)."""
    text = report.source.text
    for a in report.resolved.attributions:
        if any(needle in text[c.start:c.end] for c in a.content):
            return a, report.resolved.speaker(a.speaker)
    raise AssertionError(f"no attribution with content {needle!r}")
