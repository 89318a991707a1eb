"""Presentation helpers shared by the report formats.

Nothing here decides anything about the audit: these functions only order,
look up and shorten what the pipeline produced, so that every format shows
the same data in the same order.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from ..model import Attribution, Finding, Report, Severity, Source, Speaker

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_NUM = re.compile(r"(\d+)")
_WS = re.compile(r"\s+")


def natural_key(id_: str) -> tuple:
    """``a2`` before ``a10``."""
    return tuple(int(p) if p.isdigit() else p for p in _NUM.split(id_))


def severity(value) -> Severity:
    return value if isinstance(value, Severity) else Severity(value)


def attributions(report: Report) -> list[Attribution]:
    """The report's attributions in document order."""
    return sorted(report.resolved.attributions,
                  key=lambda a: (a.content_hull.start, a.content_hull.end, natural_key(a.id)))


def findings(report: Report) -> list[Finding]:
    """The report's findings in document order (worse first at the same spot)."""
    return sorted(report.findings,
                  key=lambda f: (f.start, f.end, -severity(f.severity).rank, f.rule, f.message))


def findings_worst_first(reports: Iterable[Report]) -> Iterator[tuple[Report, Finding]]:
    """All findings of all reports: errors, then warnings, then info; each in input order."""
    for level in SEVERITIES:
        for report in reports:
            for f in findings(report):
                if severity(f.severity) is level:
                    yield report, f


def counts(reports: Iterable[Report]) -> dict[str, int]:
    """Findings per severity, in the contract's key order."""
    out = {"error": 0, "warning": 0, "info": 0}
    for report in reports:
        for f in report.findings:
            out[severity(f.severity).value] += 1
    return out


def span_text(source: Source, start: int, end: int) -> str:
    return source.text[start:end]


def attribution_text(source: Source, a: Attribution) -> str:
    """The content as the reader sees it: the pieces joined (the cue between them left out)."""
    return " … ".join(source.text[s.start:s.end] for s in a.content)


def one_line(text: str) -> str:
    return _WS.sub(" ", text).strip()


def shorten(text: str, width: int, *, placeholder: str = "…") -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters."""
    text = one_line(text)
    if len(text) <= width:
        return text
    if width <= len(placeholder):
        return text[:width]
    cut = text[: width - len(placeholder)]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + placeholder


def error_line(path: str, message: str) -> str:
    """``path: message`` for an unreadable input (the load stage's messages already name the path)."""
    return message if path and path in message else f"{path}: {message}"


def by_id(report: Report) -> dict[str, Attribution]:
    return {a.id: a for a in report.resolved.attributions}


def speaker_of(report: Report, a: Attribution) -> Speaker | None:
    return report.resolved.speaker(a.speaker)


def who(report: Report, a: Attribution) -> str:
    """The speaker's name, else the source mention, else a dash."""
    sp = speaker_of(report, a)
    if sp is not None:
        return sp.name
    if a.source is not None:
        return one_line(span_text(report.source, a.source.start, a.source.end))
    return "(no source)"


def cue_text(report: Report, a: Attribution) -> str:
    if a.cue is None:
        return "—"
    return one_line(span_text(report.source, a.cue.start, a.cue.end))


def title_role(sp: Speaker) -> str:
    return ", ".join(x for x in (sp.title, sp.role) if x)


def speaker_label(sp: Speaker) -> str:
    """``Ryan Dillon (Col., spokesman, U.S.-led coalition)``."""
    extra = ", ".join(x for x in (sp.title, sp.role, sp.affiliation) if x)
    return f"{sp.name} ({extra})" if extra else sp.name


def attribution_counts(report: Report) -> dict[str | None, int]:
    out: dict[str | None, int] = {}
    for a in report.resolved.attributions:
        out[a.speaker] = out.get(a.speaker, 0) + 1
    return out


def grouped_by_speaker(report: Report) -> list[tuple[Speaker | None, list[Attribution]]]:
    """Attributions grouped by speaker, speakers in roster order; unlinked ones last."""
    attrs = attributions(report)
    groups: list[tuple[Speaker | None, list[Attribution]]] = []
    for sp in report.resolved.speakers:
        mine = [a for a in attrs if a.speaker == sp.id]
        if mine:
            groups.append((sp, mine))
    known = {sp.id for sp in report.resolved.speakers}
    rest = [a for a in attrs if a.speaker not in known]
    if rest:
        groups.append((None, rest))
    return groups


def linked(report: Report, f: Finding) -> list[Attribution]:
    """The attributions a finding names, in the finding's order (unknown ids skipped)."""
    table = by_id(report)
    return [table[i] for i in f.attributions if i in table]


def end_line_col(source: Source, f: Finding) -> tuple[int, int]:
    """Line and column of the last character of the finding's span (1-based, inclusive)."""
    if f.end <= f.start:
        return f.line, f.column
    return source.line_col(f.end - 1)


def normalise(text: str) -> str:
    """Text for fingerprints: NFKC, straight quotes, case-folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTES)
    return one_line(text).casefold()


_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2039": "'", "\u203a": "'"})
