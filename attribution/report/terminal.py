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
from . import _view, safe

MIN_WIDTH = 20
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
    """The terminal's width (``COLUMNS`` when set), 80 when not a terminal; at least 20."""
    if width:
        return max(MIN_WIDTH, width)
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


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
    docs = _plural(len(reports), "document")
    parts = [f"{_plural(n, sev)}" for sev, n in counts.items() if n]
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
        units.append((f"({len(errors)} unreadable input" + ("" if len(errors) == 1 else "s") + ")",
                      "bold red"))
    if parts:
        units.append((f"— {tail}", ""))
    return units


def _document(console, report: Report, show: str, width: int) -> None:
    from rich.rule import Rule

    res = report.resolved
    console.print(Rule(_t((report.source.path, "bold")), align="left", style="dim"))
    _print(console, _flow([(f"{_plural(len(report.findings), 'finding')} · "
                            f"{_plural(len(res.attributions), 'attribution')} · "
                            f"{_plural(len(res.speakers), 'source')}", "dim")], width))
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
        _print(console, _flow([(f"{_plural(len(res.attributions), 'attribution')} not listed: "
                                f"--show all lists them", "dim")], width))
        console.print()


def _roster(report: Report, width: int) -> list:
    per = _view.attribution_counts(report)
    digits = max([len(str(n)) for n in per.values()] + [1])
    lines = []
    for sp in report.resolved.speakers:
        name, title_role, aff = _view.roster_entry(report, sp)
        units = [(str(per.get(sp.id, 0)).rjust(digits), "", True), (name, "bold")]
        if sp.kind != "person":
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
    if a.confidence == "low":
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
    units = [(f"{_plural(len(reports), 'document')}, {_plural(n_attr, 'attribution')}:", "bold")]
    for i, (sev, n) in enumerate(counts.items()):
        units.append((_plural(n, sev) + ("," if i < 2 else ""), SEVERITY_STYLE[sev] if n else "dim", True))
    if errors:
        units[-1] = (units[-1][0] + ";", units[-1][1], True)
        units.append((f"{len(errors)} unreadable input" + ("" if len(errors) == 1 else "s"), "bold red"))
    return units


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


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def print_explain(rule, *, file=None, color: bool | None = None, width: int | None = None,
                  markdown: bool | None = None) -> None:
    """``attribution explain RULE``: the rule's header and its documentation.

    The documentation is Markdown: rendered for the terminal (headings, code blocks,
    lists; rich.markdown) when ``markdown`` is true, by default when the output is a
    terminal; printed as it is written (plain text, for a pipe or a file) otherwise.
    """
    target = file if file is not None else sys.stdout
    if markdown is None:
        markdown = _is_terminal(target) and os.environ.get("TERM") != "dumb"
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
    if doc and markdown:
        from rich.markdown import Markdown

        console.print(Markdown(doc, code_theme="ansi_dark", inline_code_lexer=None))
    elif doc:
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
