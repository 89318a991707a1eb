"""The default report (``--format text``), with rich (console in :mod:`.console`).

Read top to bottom, per document: a header, the sources roster, the
attributions grouped by speaker, then the findings with ``path:line:column``
(a finding that links several attributions, such as a contested claim, shows
every side together: who says what).  A summary line ends the report.

Colour only on a terminal: ``NO_COLOR`` (https://no-color.org) or piped output
gives plain text with no escape codes at all.  Width follows the terminal
(``COLUMNS``), 80 when piped; everything stays readable at 80 columns.

User text is always passed to rich as :class:`rich.text.Text`, never as markup,
so brackets in news copy are printed as they are.  This module is imported
lazily by the CLI: importing it does not import rich until a function runs.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from ..model import Attribution, Confidence, Finding, Report, SpeakerKind
from ..vocab.inflect import counted
from . import _view, safe
from .console import SEVERITY_STYLE, _strip_lines, _t, make_console, use_color

TYPE_LABEL = {"direct": "direct", "indirect": "indirect", "mixed": "mixed"}


# ------------------------------------------------------------------ the report

SHOW = ("sources", "attributions", "all")
DEFAULT_SHOW = "sources"


def render(reports: Sequence[Report], *, tool: dict, errors: Iterable[tuple[str, str]] = (),
           color: bool | None = None, width: int | None = None, show: str | None = None) -> str:
    """The text report as a string (colour decided for stdout unless ``color`` is given).

    Per document, findings come first, then the sources roster, then the
    attributions; ``show`` picks which of the last two appear: ``sources``
    (the default), ``attributions`` or ``all``.
    """
    show = show or DEFAULT_SHOW
    if show not in SHOW:
        raise ValueError(f"unknown --show {show!r} (expected one of {', '.join(SHOW)})")
    buf = io.StringIO()
    console = make_console(buf, color=use_color() if color is None else color, width=width)
    width = console.width
    errors = list(errors)
    _print(console, _flow(_verdict(reports, errors), width))
    console.print()
    if errors:
        console.print(_t(("Could not read", "bold red")))
        for path, message in errors:
            _print(console, _flow([(_view.error_line(path, message), "")], width, indent=2, hang=4))
        console.print()
    for report in reports:
        _document(console, report, show, width)
    if tool.get("model"):
        console.print(_t(("model: ", "dim"), (str(tool["model"]), "dim")))
    if tool.get("config"):
        console.print(_t(("config: ", "dim"), (safe.path(str(tool["config"])), "dim")))
    _print(console, _flow(_summary(reports, errors), width, hang=2))
    return _strip_lines(buf.getvalue())


# A unit of a flowing line: (text, style) wraps at its spaces; (text, style, True) is kept whole.
def _flow(units, width: int, *, indent: int = 0, hang: int | None = None) -> list:
    """Lay ``units`` out in lines of at most ``width`` cells, wrapping only between words.

    ``indent`` starts the first line, ``hang`` the others.  A unit marked whole (a
    cue phrase such as "said in a statement", a line number) moves to the next line
    rather than breaking; one that cannot fit a line at all is split at its spaces,
    and a single word wider than the line is cut with an ellipsis, never silently.
    """
    from rich.cells import cell_len

    hang = indent if hang is None else hang
    words: list[tuple[str, str, bool]] = []
    for unit in units:
        text, style = unit[0], unit[1]
        whole = len(unit) > 2 and unit[2]
        text = _view.one_line(text)
        if not text:
            continue
        if whole:
            words.append((text, style, True))
        else:
            words.extend((w, style, False) for w in text.split(" "))
    lines: list[list[tuple[str, str]]] = [[]]
    used = indent
    queue = list(words)
    while queue:
        word, style, whole = queue.pop(0)
        room = width - (indent if len(lines) == 1 else hang)
        size = cell_len(word)
        start = used == (indent if len(lines) == 1 else hang)
        need = size if start else size + 1
        if used + need <= width:
            if not start:
                lines[-1].append((" ", ""))
            lines[-1].append((word, style))
            used += need
            continue
        if not start:
            lines.append([])
            used = hang
            queue.insert(0, (word, style, whole))
            continue
        if whole and " " in word:  # wider than a whole line: split it after all
            queue[0:0] = [(w, style, False) for w in word.split(" ")]
            continue
        cut = word
        while cut and cell_len(cut) > max(1, room - 1):
            cut = cut[:-1]
        lines[-1].append((cut + "…", style))
        used = width
    out = []
    for i, parts in enumerate(lines):
        pad = " " * (indent if i == 0 else hang)
        out.append(_t(pad, *parts))
    return out


def _print(console, lines) -> None:
    for line in lines:
        console.print(line, no_wrap=True, overflow="ignore", crop=False)


def _verdict(reports: Sequence[Report], errors: list) -> list:
    """One line an editor reads first: ready or not, and why."""
    counts = _view.counts(reports)
    docs = counted(len(reports), "document")
    unreadable = counted(len(errors), "unreadable input")
    if errors and not reports:
        # nothing was audited: never "CLEAN"
        return [("NOT AUDITED:", "bold red", True), (f"{unreadable}, nothing to audit", "bold")]
    parts = [f"{counted(n, sev)}" for sev, n in counts.items() if n]
    if counts["error"]:
        head, style, tail = "NOT READY", "bold red", "fix before publication"
    elif counts["warning"]:
        head, style, tail = "REVIEW", "bold yellow", "check each warning"
    elif counts["info"]:
        head, style, tail = "OK", "bold green", "notes only"
    else:
        head, style, tail = "CLEAN", "bold green", "no findings"
    units = [(head + ":", style, True), (f"{', '.join(parts) or 'no findings'} in {docs}", "bold")]
    if errors:
        units.append((f"({unreadable})", "bold red"))
    if parts:
        units.append((f"— {tail}", ""))
    return units


def _document(console, report: Report, show: str, width: int) -> None:
    from rich.rule import Rule

    res = report.resolved
    console.print(Rule(_t((report.source.path, "bold")), align="left", style="dim"))
    _print(console, _flow([(f"{counted(len(report.findings), 'finding')} · "
                            f"{counted(len(res.attributions), 'attribution')} · "
                            f"{counted(len(res.speakers), 'source')}", "dim")], width))
    for notice in report.source.notices:
        _print(console, _flow([("notice:", "yellow"), (notice, "")], width, hang=2))
    console.print()
    if report.findings:
        console.print(_t(("Findings", "bold underline")))
        for f in _view.findings(report):
            _finding(console, report, f, width)  # each ends with a blank line
    if res.speakers and show in ("sources", "all"):
        console.print(_t(("Sources", "bold underline"), ("  (attributions · name — title, role, affiliation)", "dim")))
        for line in _roster(report, width):
            console.print(line, no_wrap=True, overflow="ignore", crop=False)
        console.print()
    if res.attributions and show in ("attributions", "all"):
        console.print(_t(("Attributions", "bold underline")))
        for speaker, attrs in _view.grouped_by_speaker(report):
            if speaker is None:
                head = [("No resolved speaker", "bold magenta", True),
                        ("(the tool found no one these words belong to)", "dim")]
            else:
                name, title_role, aff = _view.roster_entry(report, speaker)
                extra = ", ".join(x for x in (title_role, aff) if x)
                if extra.casefold() in name.casefold():
                    extra = ""
                head = [(name, "bold")] + ([(f"· {extra}", "dim")] if extra else [])
            _print(console, _flow(head, width, hang=2))
            for a in attrs:
                _print(console, _attribution_line(report, a, width, indent=2,
                                                  show_source=speaker is None, show_type=True))
        console.print()
    elif res.attributions:
        _print(console, _flow([(f"{counted(len(res.attributions), 'attribution')} not listed: "
                                f"--show all lists them", "dim")], width))
        console.print()


def _roster(report: Report, width: int) -> list:
    per = _view.attribution_counts(report)
    digits = max([len(str(n)) for n in per.values()] + [1])
    lines = []
    for sp in report.resolved.speakers:
        name, title_role, aff = _view.roster_entry(report, sp)
        units = [(str(per.get(sp.id, 0)).rjust(digits), "", True), (name, "bold")]
        if sp.kind != SpeakerKind.PERSON:
            units.append((f"({sp.kind})", "dim", True))
        details = ", ".join(x for x in (title_role, aff) if x)
        if details and details.casefold() not in name.casefold():
            units.append(("—", "dim"))
            units.append((details, ""))
        lines += _flow(units, width, indent=2, hang=3 + digits + 2)
    return lines


def _attribution_line(report: Report, a: Attribution, width: int, *, indent: int,
                      show_source: bool = True, show_type: bool = False) -> list:
    """``L23 Russia accused the SDF of firing …``: the cue phrase kept on one line."""
    source = report.source
    line, _ = source.line_col(a.content_hull.start)
    units = [(f"L{line}", "dim", True)]
    if show_type:
        units.append((TYPE_LABEL.get(a.type, a.type), "dim", True))
    if a.confidence == Confidence.LOW:
        units.append(("(speaker uncertain)", "yellow", True))
    if show_source:
        units.append((_view.who(report, a), "bold"))
    if a.cue is not None:
        units.append((_view.cue_text(report, a), "green", True))
    units.append((_view.content_text(source, a), ""))
    return _flow(units, width, indent=indent, hang=indent + 4)


def _finding(console, report: Report, f: Finding, width: int) -> None:
    sev = _view.severity(f.severity).value
    _print(console, _flow([(f"{report.source.path}:{f.line}:{f.column}", "bold", True),
                           (sev, SEVERITY_STYLE[sev], True), (f.rule, "magenta", True)], width, hang=4))
    _print(console, _flow([(f.message, "")], width, indent=4))
    sides = _view.linked(report, f)
    if len(sides) > 1:
        _print(console, _flow([("who says what:", "dim")], width, indent=4))
    for a in sides:
        _print(console, _attribution_line(report, a, width, indent=4))
    console.print()


def _summary(reports: Sequence[Report], errors: list) -> list:
    counts = _view.counts(reports)
    n_attr = sum(len(r.resolved.attributions) for r in reports)
    units = [(f"{counted(len(reports), 'document')}, {counted(n_attr, 'attribution')}:", "bold")]
    for i, (sev, n) in enumerate(counts.items()):
        units.append((counted(n, sev) + ("," if i < 2 else ""), SEVERITY_STYLE[sev] if n else "dim", True))
    if errors:
        units[-1] = (units[-1][0] + ";", units[-1][1], True)
        units.append((f"{len(errors)} unreadable input" + ("" if len(errors) == 1 else "s"), "bold red"))
    return units
