"""Text, not markup, and a roster that reads well: presentation over real load-stage output."""
from __future__ import annotations

from attribution.load import load_text
from attribution.model import Attribution, Document, Mention, Report, Resolved, Span, Speaker
from attribution.report import _view, render

from .report_article import TOOL


def _report(text: str, path: str, speakers=(), attributions=()) -> Report:
    source = load_text(text, path)
    return Report(Resolved(Document(source, (), "m"), tuple(attributions), tuple(speakers)), ())


def _span(text: str, needle: str, after: int = 0) -> Span:
    i = text.index(needle, after)
    return Span(i, i + len(needle))


def test_html_entities_and_tags_render_as_read():
    text = ("<html><body><article><p>&ldquo;The <a href=\"https://example.com/r\">budget report</a> "
            "is wrong,&rdquo; said Ana Delgado &amp; co.</p></article></body></html>")
    source = load_text(text, "s.html")
    q = Span(text.index("&ldquo;"), text.index("&rdquo;") + 7)
    assert _view.reader_text(source, q.start, q.end) == "\u201cThe budget report is wrong,\u201d"
    # the raw file slice is what JSON keeps
    assert source.text[q.start:q.end].startswith("&ldquo;The <a href=")


def test_markdown_links_and_emphasis_render_as_read():
    text = "# Budget\n\n\"The [budget report](https://example.com/r) is **wrong**,\" said Ana Delgado.\n"
    source = load_text(text, "s.md")
    q = _span(text, "\"The [budget report](https://example.com/r) is **wrong**,\"")
    assert _view.reader_text(source, q.start, q.end) == "\"The budget report is wrong,\""


def test_terminal_and_markdown_show_the_quote_as_read():
    text = ("<html><body><article><p>&ldquo;We will not close the library,&rdquo; "
            "Mayor Glen Sutter said.</p></article></body></html>")
    q = Span(text.index("&ldquo;"), text.index("&rdquo;") + 7)
    cue = _span(text, "said")
    sp = Speaker("s1", "Glen Sutter", "person", title="Mayor", role="mayor",
                 mentions=(Mention("Mayor Glen Sutter", *_span_tuple(text, "Mayor Glen Sutter")),))
    a = Attribution("a1", "direct", (q,), cue, _span(text, "Mayor Glen Sutter"), 0, speaker="s1")
    report = _report(text, "s.html", (sp,), (a,))
    out = render([report], "text", tool=TOOL, color=False, width=80, show="all")
    assert "\u201cWe will not close the library,\u201d" in out and "&ldquo;" not in out
    assert "1 Glen Sutter — Mayor\n" in out and "Mayor, mayor" not in out


def _span_tuple(text, needle):
    s = _span(text, needle)
    return s.start, s.end


def _entry(text: str, path: str, speaker: Speaker) -> tuple[str, str, str]:
    report = _report(text, path, (speaker,))
    return _view.roster_entry(report, speaker)


def test_title_and_role_said_once():
    text = "Mayor Glen Sutter said the library stays. Sen. Okonkwo said no.\n"
    assert _entry(text, "a.txt", Speaker("s1", "Glen Sutter", "person", title="Mayor", role="mayor")) \
        == ("Glen Sutter", "Mayor", "")
    assert _entry(text, "a.txt", Speaker("s2", "Okonkwo", "person", title="Sen.", role="senator",
                                         affiliation="State Senate"))[1] == "Sen."
    assert _entry(text, "a.txt", Speaker("s3", "Ingrid Holm", "person", title="Deputy Mayor",
                                         role="mayor"))[1] == "Deputy Mayor"


def test_director_general_is_not_general():
    text = ("The deal leaves some powers with the Dunmark Customs Agency. Peter Lindahl, the agency's "
            "director general, told reporters that officers would still stop trucks.\n")
    i = text.index("Peter Lindahl")
    sp = Speaker("s1", "Peter Lindahl", "person", role="general", affiliation="Dunmark Customs Agency",
                 mentions=(Mention("Peter Lindahl", i, i + 13),))
    assert _entry(text, "a.txt", sp) == ("Peter Lindahl", "director general", "Dunmark Customs Agency")
    # a real general stays a general
    army = Speaker("s2", "Radek Voss", "person", title="General", role="general")
    assert _entry("General Radek Voss said so.\n", "a.txt", army)[1] == "General"


def test_party_names_keep_their_capital():
    text = "republicans said the vote was rushed.\n"
    assert _entry(text, "a.txt", Speaker("s1", "republicans", "anonymous"))[0] == "Republicans"
    # a common noun is left alone
    assert _entry("Critics said so.\n", "a.txt", Speaker("s2", "critics", "anonymous"))[0] == "critics"


def test_a_one_word_affiliation_written_before_the_role_joins_it():
    text = "Business owner Kyle Brennan said the plan would hurt shops.\n"
    i = text.index("Kyle")
    sp = Speaker("s1", "Kyle Brennan", "person", role="owner", affiliation="Business",
                 mentions=(Mention("Kyle Brennan", i, i + 12),))
    assert _entry(text, "a.txt", sp) == ("Kyle Brennan", "business owner", "")
    text = "The board heard from Amy Chen, the project manager, on Monday.\n"
    sp = Speaker("s2", "Amy Chen", "person", role="manager", affiliation="project")
    assert _entry(text, "a.txt", sp)[1:] == ("project manager", "")
    # an affiliation that is a name stays one (and keeps its capital mid-sentence)
    text = "Ana Delgado, a Brookhaven Council member, said no. Ana Delgado of Brookhaven.\n"
    sp = Speaker("s3", "Ana Delgado", "person", role="member", affiliation="Council")
    assert _entry(text, "a.txt", sp)[1] == "Council member"
    sp = Speaker("s4", "Helen Kwan", "person", role="director", affiliation="Bellmont Airport")
    assert _entry("Helen Kwan, who runs Bellmont Airport, said so.\n", "a.txt", sp) == \
        ("Helen Kwan", "director", "Bellmont Airport")


def test_markdown_entities_are_the_characters_they_stand_for(parser):
    """``&ldquo;…&rdquo;`` in Markdown is a quotation: found, typed direct, shown as read."""
    from attribution.audit import audit_source

    text = ("# Library\n\n&ldquo;We will not close the library,&rdquo; Mayor Glen Sutter said on "
            "Tuesday &amp; left.\n")
    source = load_text(text, "s.md")
    (block,) = [b for b in source.blocks if "library" in b.text]
    assert len(block.text) == block.end - block.start  # the view keeps the file's length
    assert block.text.startswith("\u201c") and "library,      \u201d" in block.text
    assert "Tuesday &     left" in block.text
    report = audit_source(source, parser)
    (quote,) = [a for a in report.resolved.attributions if "library" in text[a.content_hull.start:a.content_hull.end]]
    assert quote.type == "direct"
    assert text[quote.content_hull.start:quote.content_hull.end] == \
        "&ldquo;We will not close the library,&rdquo;"
    assert _view.content_text(source, quote) == "\u201cWe will not close the library,\u201d"
