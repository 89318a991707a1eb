"""The other terminal screens: ``attribution rules``, ``explain RULE`` and ``models``."""
from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Iterable, Sequence

from . import _view
from .console import SEVERITY_STYLE, _Screen, _t


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
