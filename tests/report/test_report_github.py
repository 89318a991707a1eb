"""``--format github``: workflow commands, errors first, escaped, with the cap summary."""
from __future__ import annotations

import dataclasses
import re

from attribution.model import Severity
from attribution.report import github, render

from .report_article import TOOL, build

COMMAND = re.compile(r"^::(?P<cmd>error|warning|notice) (?P<props>[^:\n]*)::(?P<msg>[^\r\n]*)$")
PROPS = re.compile(r"^file=[^,]+,line=\d+,col=\d+,endLine=\d+(,endColumn=\d+)?,title=[a-z-]+$")


def test_annotations_match_the_workflow_command_format():
    report = build()
    lines = render([report], "github", tool=TOOL).splitlines()
    assert len(lines) == 4
    cmds = []
    for line in lines:
        m = COMMAND.match(line)
        assert m, line
        assert PROPS.match(m["props"]), m["props"]
        cmds.append(m["cmd"])
    assert cmds == ["error", "warning", "warning", "notice"]  # errors first; info -> notice
    assert "title=unattributed-quote" in lines[0] and "line=11,col=1" in lines[0]


def test_escaping_of_properties_and_data():
    report = build(path="drafts/syria, day 2:final.md")
    f = dataclasses.replace(report.findings[0], message="100% sure\r\nsecond, line: yes")
    out = render([dataclasses.replace(report, findings=(f,))], "github", tool=TOOL)
    line = out.rstrip("\n")
    assert "\n" not in line
    assert "file=drafts/syria%2C day 2%3Afinal.md," in line
    # the message's carriage return is a space once neutralised (report.safe); newlines stay %0A
    assert line.endswith("::100%25 sure %0Asecond, line: yes")
    assert COMMAND.match(line)
    assert github.escape_property("a%b") == "a%25b"
    assert github.escape_data("a\r\nb") == "a%0D%0Ab"


def test_summary_line_beyond_the_annotation_cap():
    report = build()
    base = report.findings[1]
    many = tuple(dataclasses.replace(base, message=f"warning {i}") for i in range(12))
    out = render([dataclasses.replace(report, findings=many)], "github", tool=TOOL).splitlines()
    assert sum(1 for line in out if line.startswith("::warning ")) == 12
    assert not out[-1].startswith("::")
    assert "12 warnings" in out[-1] and "10" in out[-1]
    ten = render([dataclasses.replace(report, findings=many[:10])], "github", tool=TOOL).splitlines()
    assert all(line.startswith("::warning ") for line in ten)


def test_errors_first_across_documents():
    a = build(path="a.md")
    b = build(path="b.md")
    a = dataclasses.replace(a, findings=tuple(f for f in a.findings if f.severity is not Severity.ERROR))
    lines = render([a, b], "github", tool=TOOL).splitlines()
    assert lines[0].startswith("::error file=b.md,")
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds == sorted(kinds, key=["::error", "::warning", "::notice"].index)
