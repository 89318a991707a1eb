"""``--format line``: path:line:col: severity rule-id: message."""
from __future__ import annotations

import dataclasses
import re

from attribution.report import render

from .report_article import TOOL, build

LINE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) "
                  r"(?P<rule>[a-z]+(?:-[a-z]+)*): (?P<msg>[^\n]+)$")


def test_one_line_per_finding_in_the_format():
    report = build(prefix="Headline\n\n")
    out = render([report], "line", tool=TOOL)
    lines = out.splitlines()
    assert len(lines) == len(report.findings) == 4
    for line in lines:
        m = LINE.match(line)
        assert m, line
        assert m["path"] == "drafts/syria.md"
    got = {(m["rule"], int(m["line"]), int(m["col"])) for m in map(LINE.match, lines)}
    want = {(f.rule, *report.source.line_col(f.start)) for f in report.findings}
    assert got == want
    assert ("loaded-cue", 7, 8) in got  # "admitted" on line 7 after the 2-line prefix


def test_multiline_message_stays_on_one_line():
    report = build()
    f = dataclasses.replace(report.findings[0], message="first line\nsecond line")
    out = render([dataclasses.replace(report, findings=(f,))], "line", tool=TOOL)
    assert out.count("\n") == 1 and "first line second line" in out
    assert LINE.match(out.rstrip("\n"))


def test_no_findings_no_output():
    report = dataclasses.replace(build(), findings=())
    assert render([report], "line", tool=TOOL, errors=[("x.md", "unreadable")]) == ""
