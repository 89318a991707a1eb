"""Properties of the report helpers, and the machine formats staying free of rich."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from attribution.report import _view, github, render

from .report_article import TOOL, build

ROOT = Path(__file__).resolve().parents[2]


def _unescape(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


@given(st.text())
def test_github_escaping_round_trips(value):
    prop = github.escape_property(value)
    data = github.escape_data(value)
    assert not set(prop) & {",", ":", "\n", "\r"}
    assert not set(data) & {"\n", "\r"}
    assert _unescape(prop) == value and _unescape(data) == value


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_shorten_fits(text, width):
    out = _view.shorten(text, width)
    assert len(out) <= max(width, 1)
    assert "\n" not in out
    if len(_view.one_line(text)) <= width:
        assert out == _view.one_line(text)


def test_wide_characters_fit_80_cells():
    from rich.cells import cell_len

    report = build()
    speakers = list(report.resolved.speakers)
    speakers[1] = dataclasses.replace(speakers[1], name="伊戈尔·科纳申科夫 Igor Konashenkov 🇷🇺",
                                      affiliation="Министерство обороны Российской Федерации")
    report = dataclasses.replace(report, resolved=dataclasses.replace(report.resolved,
                                                                      speakers=tuple(speakers)))
    out = render([report], "text", tool=TOOL, color=False, width=80)
    assert "科纳申科夫" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_machine_formats_do_not_import_rich():
    code = ("import sys; sys.path.insert(0, 'tests/report');"
            "from report_article import build, TOOL; from attribution.report import render;"
            "[render([build()], f, tool=TOOL) for f in ('json', 'line', 'github', 'sarif', 'markdown')];"
            "import attribution.report.terminal;"
            "print('rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
