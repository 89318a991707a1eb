"""``--format html``: one self-contained page; its structure, parsed with html.parser."""
from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from attribution.load import load_text
from attribution.model import Attribution, Report, Resolved, Document, Finding, Severity, Span, Speaker
from attribution.report import render

from .report_article import TOOL, build


class Page(HTMLParser):
    """Every start tag with its attributes, the text, and whether tags are balanced."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.marks: list[tuple[dict, list[str]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if tag == "mark":
            self.marks.append((d, []))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if "mark" in self.stack and self.marks:
            self.marks[-1][1].append(data)

    def find(self, tag, **attrs):
        return [d for t, d in self.tags if t == tag and all(
            (v in d.get(k.rstrip("_"), "").split()) if k == "class_" else d.get(k) == v
            for k, v in attrs.items())]


def _page(reports, **kw) -> tuple[str, Page]:
    out = render(reports, "html", tool=TOOL, **kw)
    return out, Page(out)


def test_one_self_contained_page():
    out, page = _page([build(), build(path="drafts/other.md")], errors=[("bad.html", "not valid UTF-8")])
    assert out.startswith("<!DOCTYPE html>") and page.stack == []
    # nothing is fetched: no script, stylesheet link, image, frame or font from anywhere
    assert not page.find("script") and not page.find("link") and not page.find("img")
    assert not page.find("iframe") and "url(" not in out and "@import" not in out
    assert all(not d.get("href", "").startswith(("http", "//")) for _, d in page.tags)
    assert len(page.find("section", class_="document")) == 2
    assert "bad.html: not valid UTF-8" in "".join(page.text)
    head = page.find("header")[0]
    assert "error" in head["class"].split()


def test_every_attribution_is_highlighted_in_its_speakers_colour():
    report = build()
    _, page = _page([report])
    marked = {d["data-attr"] for d, _ in page.marks}
    assert marked == {a.id for a in report.resolved.attributions}
    roster = {d["data-speaker"]: d for d in page.find("tr") if "data-speaker" in d}
    colours: dict[str, set[str]] = {}
    for d, _ in page.marks:
        colours.setdefault(d["data-speaker"], set()).add(d["style"])
    # one colour per speaker, different speakers different colours, unresolved grey and outlined
    assert all(len(c) == 1 for c in colours.values())
    resolved = [next(iter(c)) for sp, c in colours.items() if sp]
    assert len(resolved) == len(set(resolved)) == 4
    orphan = [d for d, _ in page.marks if d["data-attr"] == "a6"]
    assert "none" in orphan[0]["class"].split() and orphan[0]["data-speaker"] == ""
    assert set(roster) == {"s1", "s2", "s3", "s4", ""}
    # the swatch in the roster is the speaker's colour in the text
    out = render([report], "html", tool=TOOL)
    for sp in ("s1", "s2", "s3", "s4"):
        colour = next(iter(colours[sp])).split(":")[1]
        row = out[out.index(f'<tr data-speaker="{sp}">'):]
        assert row[:200].count(colour) == 1
    # the split quote's two pieces are one attribution; the cue is marked inside it
    text = "".join("".join(t) for d, t in page.marks if d["data-attr"] == "a5")
    assert "shooting match" in text and "anybody other than ISIS" in text and "said" in text


def test_findings_sit_beside_their_paragraph():
    report = build()
    _, page = _page([report])
    out = render([report], "html", tool=TOOL)
    assert len(page.find("div", class_="finding")) == len(report.findings)
    # paragraph 5 of the article (line 5) holds the loaded cue; its aside holds that finding
    para = out[out.index('data-line="5"'):]
    para = para[:para.index('<div class="para"')]
    assert 'data-rule="loaded-cue"' in para and "admitted" in para
    contested = page.find("div", class_="finding")
    assert {d["data-rule"] for d in contested} == {f.rule for f in report.findings}
    assert next(d for d in contested if d["data-rule"] == "contested-claim")["data-attrs"] == "a1 a4"


def test_input_text_is_escaped_and_markup_is_shown_as_read():
    html_src = ("<html><body><article><p>&ldquo;We will <b>not</b> close the library,&rdquo; "
                "Mayor Glen Sutter said &amp; left.</p>"
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; is what the sign said.</p></article></body></html>")
    source = load_text(html_src, "story.html", "html")
    text = source.text
    q0 = text.index("&ldquo;")
    q1 = text.index("&rdquo;") + len("&rdquo;")
    cue = text.index("said")
    a = Attribution("a1", "direct", (Span(q0, q1),), Span(cue, cue + 4),
                    Span(text.index("Mayor"), text.index(" said")), 0, speaker="s1")
    sp = Speaker("s1", "Glen Sutter", "person", title="Mayor", role="mayor")
    f = Finding("loaded-cue", Severity.INFO, "<i>not</i> a tag", q0, q1, 1, q0 + 1, ("a1",))
    report = Report(Resolved(Document(source, (), "m"), (a,), (sp,)), (f,))
    out, page = _page([report])
    mark = "".join("".join(t) for d, t in page.marks)
    assert mark.startswith("\u201cWe will not close the library,\u201d")  # entities decoded, tags gone
    assert "<script>" not in out and "&lt;script&gt;" in out and "<i>" not in out
    row = next(d for d in page.find("tr") if d.get("data-speaker") == "s1")
    assert row is not None
    roster = out[out.index('<tr data-speaker="s1">'):]
    assert "<td>Mayor</td>" in roster[:300]  # not "Mayor, mayor"


def test_a_document_without_blocks_still_shows_its_paragraphs():
    report = build()
    src = dataclasses.replace(report.source, blocks=())
    doc = dataclasses.replace(report.resolved.document, source=src)
    bare = dataclasses.replace(report, resolved=dataclasses.replace(report.resolved, document=doc))
    _, page = _page([bare])
    assert len(page.find("div", class_="para")) == 6
    assert {d["data-attr"] for d, _ in page.marks} == {f"a{i}" for i in range(1, 7)}
