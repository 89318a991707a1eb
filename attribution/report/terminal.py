"""The default report (``--format text``) and the other terminal screens, with rich.

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

import inspect
import io
import os
import shutil
import sys
from collections.abc import Iterable, Sequence

from ..model import Attribution, Finding, Report
from . import _view

MAX_WIDTH = 120
CONTENT_CHARS = 150
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
TYPE_LABEL = {"direct": "direct", "indirect": "indirect", "mixed": "mixed"}


# ------------------------------------------------------------------ console

def use_color(stream=None) -> bool:
    """Colour when writing to a terminal, unless ``NO_COLOR`` is set or ``TERM=dumb``."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(width: int | None) -> int:
    if width:
        return width
    return max(40, min(MAX_WIDTH, shutil.get_terminal_size((80, 24)).columns))


def make_console(file=None, *, color: bool | None = None, width: int | None = None):
    from rich.console import Console

    if color is None:
        color = use_color(file)
    return Console(file=file, width=_width(width), force_terminal=color, no_color=not color,
                   color_system="standard" if color else None, highlight=False, emoji=False,
                   markup=False, soft_wrap=False, legacy_windows=False, force_jupyter=False,
                   force_interactive=False)


class _Screen:
    """A console that renders into a buffer; ``close()`` writes it out without trailing blanks."""

    def __init__(self, file=None, *, color: bool | None = None, width: int | None = None):
        self.file = file
        self.buffer = io.StringIO()
        target = file if file is not None else sys.stdout
        self.console = make_console(self.buffer, color=use_color(target) if color is None else color,
                                    width=width)

    def close(self) -> None:
        out = self.file if self.file is not None else sys.stdout
        out.write(_strip_lines(self.buffer.getvalue()))
        out.flush()


def _strip_lines(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _t(*parts):
    """Text from (string, style) pairs or plain strings; never markup."""
    from rich.text import Text

    return Text.assemble(*parts)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word == "info" else "s")


# ------------------------------------------------------------------ the report

def render(reports: Sequence[Report], *, tool: dict, errors: Iterable[tuple[str, str]] = (),
           color: bool | None = None, width: int | None = None) -> str:
    """The text report as a string (colour decided for stdout unless ``color`` is given)."""
    buf = io.StringIO()
    console = make_console(buf, color=use_color() if color is None else color, width=width)
    errors = list(errors)
    if errors:
        console.print(_t(("Could not read", "bold red")))
        for path, message in errors:
            console.print(_t("  ", _view.error_line(path, message)))
        console.print()
    for report in reports:
        _document(console, report)
    if tool.get("model"):
        console.print(_t(("model: ", "dim"), (str(tool["model"]), "dim")))
    console.print(_summary(reports, errors))
    return _strip_lines(buf.getvalue())


def _document(console, report: Report) -> None:
    from rich.rule import Rule

    res = report.resolved
    console.print(Rule(_t((report.source.path, "bold")), align="left", style="dim"))
    console.print(_t((f"{_plural(len(res.attributions), 'attribution')}, "
                      f"{_plural(len(res.speakers), 'source')}, "
                      f"{_plural(len(report.findings), 'finding')}", "dim")))
    for notice in report.source.notices:
        console.print(_t(("notice: ", "yellow"), notice))
    console.print()
    if res.speakers:
        console.print(_t(("Sources", "bold underline")))
        console.print(_roster(report))
    if res.attributions:
        console.print()
        console.print(_t(("Attributions", "bold underline")))
        console.print()
        for speaker, attrs in _view.grouped_by_speaker(report):
            if speaker is None:
                console.print(_t(("No resolved speaker", "bold magenta")))
            else:
                extra = ", ".join(x for x in (speaker.title, speaker.role, speaker.affiliation) if x)
                console.print(_t((speaker.name, "bold"), (f" · {speaker.kind}", "dim"),
                                 (f" · {extra}" if extra else "", "dim")))
            console.print(_attribution_rows(report, attrs, show_source=speaker is None))
    if report.findings:
        console.print()
        console.print(_t(("Findings", "bold underline")))
        console.print()
        for f in _view.findings(report):
            _finding(console, report, f)  # each ends with a blank line
    else:
        console.print()


def _roster(report: Report):
    from rich import box
    from rich.table import Table

    per = _view.attribution_counts(report)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold",
                  padding=(0, 1))
    table.add_column("Source", ratio=3, overflow="fold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Title / role", ratio=2, overflow="fold")
    table.add_column("Affiliation", ratio=3, overflow="fold")
    table.add_column("#", justify="right", no_wrap=True)
    for sp in report.resolved.speakers:
        table.add_row(_t(sp.name), _t(sp.kind), _t(_view.title_role(sp) or "—"),
                      _t(sp.affiliation or "—"), _t(str(per.get(sp.id, 0))))
    return table


def _attribution_rows(report: Report, attrs: list[Attribution], *, show_source: bool):
    from rich.table import Table

    source = report.source
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, style="dim", width=7)  # line
    table.add_column(no_wrap=True, width=8)                                # type
    table.add_column(width=14, overflow="fold", style="green")             # cue
    table.add_column(ratio=1, overflow="fold")                             # content
    for a in attrs:
        line, _ = source.line_col(a.content_hull.start)
        cue = _view.cue_text(report, a)
        if show_source and a.source is not None:
            cue = f"{_view.who(report, a)} {cue}"
        content = _view.shorten(_view.attribution_text(source, a), CONTENT_CHARS)
        table.add_row(_t(f"L{line}"), _t((TYPE_LABEL.get(a.type, a.type), "dim")), _t(cue), _t(content))
    return table


def _finding(console, report: Report, f: Finding) -> None:
    from rich.padding import Padding
    from rich.table import Table

    sev = _view.severity(f.severity).value
    console.print(_t((f"{report.source.path}:{f.line}:{f.column}", "bold"), "  ",
                     (sev, SEVERITY_STYLE[sev]), "  ", (f.rule, "magenta")))
    console.print(Padding(_t(f.message), (0, 0, 0, 4)))
    sides = _view.linked(report, f)
    if sides:
        source = report.source
        if len(sides) > 1:
            console.print(Padding(_t(("who says what:", "dim")), (0, 0, 0, 4)))
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True, style="dim")                    # line
        table.add_column(max_width=24, overflow="fold", style="bold")  # who
        table.add_column(max_width=14, overflow="fold", style="green") # cue
        table.add_column(ratio=1, overflow="fold")                     # content
        for a in sides:
            line, _ = source.line_col(a.content_hull.start)
            table.add_row(_t(f"L{line}"), _t(_view.who(report, a)), _t(_view.cue_text(report, a)),
                          _t(_view.shorten(_view.attribution_text(source, a), CONTENT_CHARS)))
        console.print(Padding(table, (0, 0, 0, 4)))
    console.print()


def _summary(reports: Sequence[Report], errors: list):
    counts = _view.counts(reports)
    n_attr = sum(len(r.resolved.attributions) for r in reports)
    parts = [(f"{_plural(len(reports), 'document')}, {_plural(n_attr, 'attribution')}: ", "bold")]
    for i, (sev, n) in enumerate(counts.items()):
        parts.append((_plural(n, sev), SEVERITY_STYLE[sev] if n else "dim"))
        parts.append(", " if i < 2 else "")
    if errors:
        parts.append((f"; {len(errors)} unreadable input" + ("" if len(errors) == 1 else "s"), "bold red"))
    return _t(*parts)


# ------------------------------------------------------------------ other screens

def print_rules(rules: Iterable, *, file=None, color: bool | None = None, width: int | None = None) -> None:
    """``attribution rules``: code, id, default severity, rationale."""
    from rich import box
    from rich.table import Table

    screen = _Screen(file, color=color, width=width)
    console = screen.console
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Code", no_wrap=True)
    table.add_column("Rule", no_wrap=True, style="magenta")
    table.add_column("Severity", no_wrap=True)
    table.add_column("Rationale", ratio=1, overflow="fold")
    for rule in rules:
        sev = _view.severity(rule.severity).value
        status = getattr(getattr(rule, "status", None), "value", getattr(rule, "status", None))
        name = rule.id + (f" ({status})" if status and status != "stable" else "")
        table.add_row(_t(rule.code or ""), _t(name), _t((sev, SEVERITY_STYLE[sev])),
                      _t(_view.one_line(rule.rationale or "")))
    console.print(table)
    console.print(_t(("attribution explain RULE", "bold"), " shows a rule's explanation and example."))
    screen.close()


def print_explain(rule, *, file=None, color: bool | None = None, width: int | None = None) -> None:
    """``attribution explain RULE``: the rule's header and its documentation."""
    screen = _Screen(file, color=color, width=width)
    console = screen.console
    sev = _view.severity(rule.severity).value
    status = getattr(getattr(rule, "status", None), "value", getattr(rule, "status", None))
    console.print(_t((rule.id, "bold magenta"), f" ({rule.code})" if rule.code else "",
                     "  default severity: ", (sev, SEVERITY_STYLE[sev]),
                     f"  status: {status}" if status else ""))
    console.print()
    doc = inspect.cleandoc(rule.doc or "")
    if rule.rationale and _view.one_line(rule.rationale) not in _view.one_line(doc):
        console.print(_t((_view.one_line(rule.rationale), "italic")))
        console.print()
    if doc:
        console.print(_t(doc))
    screen.close()


def _scores(scores: dict | None) -> list[tuple[str, str]]:
    """Rows for the model card's measured scores: one row per evaluation, plus speed.

    ``scores.json`` holds ``{"ewt_test": {"split", "from", "scores": {...}, "tokens_per_s",
    "load_seconds", ...}, "version": ...}``.
    """
    if not scores:
        return [("scores", "—")]
    rows = []
    for key, value in scores.items():
        if not isinstance(value, dict):
            continue
        if isinstance(value.get("scores"), dict):
            label = f"{value.get('split', key)}, from {value.get('from', 'raw text')}"
            nums = ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                             for k, v in value["scores"].items())
            rows.append((label, nums))
            if "tokens_per_s" in value:
                rows.append(("speed", f"{value['tokens_per_s']} tokens/s on {value.get('threads', '?')} "
                                      f"thread(s), load {value.get('load_seconds', '?')} s"))
    return rows or [("scores", "—")]


def print_models(available: Sequence, in_use, *, file=None, color: bool | None = None,
                 width: int | None = None) -> None:
    """``attribution models``: the model sets found, and which one the audit uses (``*``)."""
    from rich.padding import Padding
    from rich.table import Table

    screen = _Screen(file, color=color, width=width)
    console = screen.console
    sets = list(available)
    if in_use is not None and all(m.id != in_use.id or m.dir != in_use.dir for m in sets):
        sets.insert(0, in_use)
    if not sets:
        console.print(_t(("no model set found", "bold red")))
    for m in sets:
        used = in_use is not None and m.id == in_use.id and m.dir == in_use.dir
        console.print(_t(("* " if used else "  ", "green"), (m.id, "bold"),
                         (f"  ({m.kind}{', in use' if used else ''})", "dim")))
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True, style="dim")
        table.add_column(ratio=1, overflow="fold")
        table.add_row(_t("dir"), _t(str(m.dir)))
        if "pretrain" in m.paths:
            table.add_row(_t("word vectors"), _t(m.paths["pretrain"].name))
        for label, text in _scores(m.scores):
            table.add_row(_t(label), _t(text))
        console.print(Padding(table, (0, 0, 0, 4)))
    if in_use is None:
        console.print(_t(("no usable model set", "bold red")))
    screen.close()
