"""``--format markdown``: the pull-request comment."""
from __future__ import annotations

import dataclasses

from attribution.report import markdown, render

from .report_article import TOOL, build


def test_counts_findings_and_details():
    out = render([build()], "markdown", tool=TOOL)
    assert out.startswith("## attribution: 4 findings in 1 document")
    assert "| error | 1 |" in out and "| warning | 2 |" in out and "| info | 1 |" in out
    rows = [line for line in out.splitlines() if line.startswith("| `drafts/syria.md:")]
    assert rows[0] == ("| `drafts/syria.md:11` | error | `unattributed-quote` | "
                       "quote with no speaker: \"This is not over.\" |")
    assert [r.split("|")[2].strip() for r in rows] == ["error", "warning", "warning", "info"]
    assert out.count("<details>") == out.count("</details>") == 1
    assert ("<summary><code>drafts/syria.md</code>: 6 attributions, 4 sources, 4 findings</summary>"
            in out)
    assert ("| Igor Konashenkov | person | Major General, spokesman | Russia\u2019s Defense Ministry | 1 |"
            in out)
    # each message is printed once (the findings table), not again in the file's details
    for f in build().findings:
        assert out.count(markdown.cell(f.message)) == 1, f.message


def test_roster_reads_well_and_markup_is_text():
    from attribution.model import Speaker

    report = build()
    res = report.resolved
    mayor = Speaker("s9", "Glen Sutter", "person", title="Mayor", role="mayor")
    out = render([dataclasses.replace(report, resolved=dataclasses.replace(
        res, speakers=res.speakers + (mayor,)))], "markdown", tool=TOOL)
    row = next(line for line in out.splitlines() if line.startswith("| Glen Sutter"))
    assert row == "| Glen Sutter | person | Mayor |  | 0 |"


def test_cells_are_escaped():
    assert markdown.cell("a | b\nc <script>") == "a \\| b c &lt;script&gt;"
    report = build()
    f = dataclasses.replace(report.findings[0], message="pipes | and\nnewlines")
    out = render([dataclasses.replace(report, findings=(f,))], "markdown", tool=TOOL)
    row = next(line for line in out.splitlines() if "pipes" in line and line.startswith("| `"))
    assert row.endswith("| pipes \\| and newlines |")


def test_unreadable_inputs_and_row_cap(monkeypatch):
    report = build()
    out = render([report], "markdown", tool=TOOL, errors=[("bad.html", "not valid UTF-8")])
    assert "- bad.html: not valid UTF-8" in out
    out = render([report], "markdown", tool=TOOL,
                 errors=[("notes.png", "notes.png: binary file (PNG image), not text")])
    assert "- notes.png: binary file (PNG image), not text\n" in out
    monkeypatch.setattr(markdown, "MAX_ROWS", 2)
    out = render([report], "markdown", tool=TOOL)
    assert "…and 2 more findings" in out


def test_clean_document():
    out = render([dataclasses.replace(build(), findings=())], "markdown", tool=TOOL)
    assert out.startswith("## attribution: 0 findings in 1 document")
    assert "| Location |" not in out
