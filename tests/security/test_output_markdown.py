"""Issue 16, point 5: ``--format markdown`` (a pull-request comment, the run summary) turns
nothing from the article into a live link, image, HTML tag, autolink, @mention or issue
reference, and a file name cannot break out of its code span or its table cell.

The comment is rendered with markdown-it (CommonMark + GFM tables) and the HTML checked.
"""
from __future__ import annotations

import dataclasses
import re

import pytest

from attribution.report import render, safe

from ..report.report_article import TOOL, build

markdown_it = pytest.importorskip("markdown_it")

LINK = "[click here](https://evil.example/phish)"
IMAGE = "![pixel](https://evil.example/track.png)"
HTML = "<img src=x onerror=alert(1)><script>alert(2)</script>"
AUTOLINK = "<https://evil.example/auto>"
BARE = "https://evil.example/bare and www.evil.example"
MENTION = "@octocat and @github/security and cc &#64;admin"
ISSUE = "fixes #1 and org/repo#2"
REFDEF = "[ref]: https://evil.example/ref"
EMPH = "**Audit passed** `code`"
ATTACK = " ".join((LINK, IMAGE, HTML, AUTOLINK, BARE, MENTION, ISSUE, REFDEF, EMPH))
EVIL_PATH = "drafts/a`b|c` | <b>x</b> [y](https://evil.example) @octocat.md"


def hostile_report():
    report = build(path=EVIL_PATH)
    res = report.resolved
    speakers = tuple(dataclasses.replace(sp, name=sp.name + " " + ATTACK, role=(sp.role or "") + " " + LINK,
                                         affiliation=(sp.affiliation or "") + " " + IMAGE)
                     for sp in res.speakers)
    findings = tuple(dataclasses.replace(f, message=f.message + " " + ATTACK) for f in report.findings)
    return dataclasses.replace(report, resolved=dataclasses.replace(res, speakers=speakers), findings=findings)


def _html(md: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").render(md)


def test_article_text_is_inert_in_the_comment():
    report = hostile_report()
    md = render([report], "markdown", tool=TOOL, errors=[(EVIL_PATH, f"{EVIL_PATH}: binary {ATTACK}")])
    html = _html(md)
    assert "<a " not in html and "href" not in html
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    assert "<strong>Audit passed" not in html
    # what GitHub scans for mentions and links: the text outside code (entities still encoded)
    text = re.sub(r"<[^>]+>", "", re.sub(r"<code>.*?</code>", "", html))
    assert re.search(r"@\w", text) is None and re.search(r"#\d", text) is None  # no mention, no reference
    assert re.search(r"https?://|www\.", text) is None  # no bare-URL autolink (GFM's linkify)
    # ... and yet every word of it can be read: only zero-width spaces were added
    import html as _h

    seen = _h.unescape(text).replace("\u200b", "")
    for piece in (LINK, IMAGE, "@octocat", "#1", BARE, "**Audit passed**"):
        assert piece in seen, piece
    # the tables keep their shape: the findings table has one row per finding, 4 cells each
    table = html.split("<table>")[2]  # [0] before, [1] severities, [2] findings
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == len(report.findings)
    assert all(len(re.findall(r"<td", r)) == 4 for r in rows)


def test_file_name_stays_in_its_code_span():
    report = hostile_report()
    html = _html(render([report], "markdown", tool=TOOL))
    codes = re.findall(r"<code>(.*?)</code>", html)
    import html as _h

    assert any(_h.unescape(c).startswith(EVIL_PATH + ":") for c in codes), codes


@pytest.mark.parametrize("text, expect", [
    ("see [a](http://x.y)", "see \\[a\\](http:&#8203;//x.y)"),
    ("![i](u)", "!\\[i\\](u)"),
    ("a | b <c>", "a \\| b &lt;c&gt;"),
    ("ask @bob", "ask @&#8203;bob"),
    ("a\\[b", "a\\\\\\[b"),  # a backslash in the text cannot escape our escape
])
def test_markdown_neutraliser(text, expect):
    assert safe.markdown(text) == expect


def test_markdown_code_fence_outlasts_the_text():
    assert safe.markdown_code("a`b") == "``a`b``"
    assert safe.markdown_code("`x``") == "``` `x`` ```"
    assert safe.markdown_code("a|b") == "`a\\|b`"
