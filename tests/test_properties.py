"""Properties of the load stage over arbitrary input (hypothesis).

For any Unicode text -- quote marks of every kind, newlines and CRLF, combining
marks, emoji, right-to-left script, Markdown and HTML markup -- loading never
raises, blocks are ordered and disjoint, and every block maps back to the file
text: exactly for plain text, character for character (or a blanked markup
character) for Markdown, through ``Block.offsets`` for HTML.
"""
from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attribution.load import LoadError, load_bytes, load_text

QUOTES = "\"'“”‘’«»„‟‹›「」"
MARKUP = "*_`#>-+[]()!<>|&;=~\\/:"
SPECIAL = ("\u0301\u0308\u20dd"      # combining marks
           "😀👍🏽🇸🇾‍"                   # emoji, skin tone, flag, ZWJ
           "مرحبا שלום\u200f\u200e"   # RTL and direction marks
           "\u00a0\u2028\u2029\ufeff\t\r\x0b\x0c")

alphabet = st.one_of(
    st.sampled_from(list(QUOTES + MARKUP + SPECIAL + "\n\n\n   .,;:?!")),
    st.characters(codec="utf-8"),
    st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
)
texts = st.text(alphabet, max_size=400)
lines = st.lists(st.sampled_from([
    "Officials said the plan would fail.", '"We are ready," she said.', "“Nous”, a-t-il dit.",
    "```", "    indented line", "---", "+++", "# Heading said", "- item said", "> quoted said",
    "<!-- attribution: ignore[anonymous-source] -->", "<!-- attribution: off -->",
    "<!-- attribution: on -->", "[attribution: off]", "[attribution: ignore[x, y]]", "<!--", "-->",
    "By The Associated Press", "World | U.S. | Politics", "", "", "\r", "5'10\" tall, he said",
    "**bold** and _em_ [link](http://x.y) ![img](z.png) `code`", "<b>tag</b> &amp; text",
]) | texts, max_size=25).map("\n".join)


def check_blocks(src):
    prev_end = 0
    for b in src.blocks:
        assert b.text and not b.text[0].isspace() and not b.text[-1].isspace()
        assert 0 <= b.start < b.end <= len(src.text)
        assert b.start >= prev_end, "blocks overlap or are out of order"
        prev_end = b.end
        assert b.to_file(0) == b.start and b.to_file(len(b.text)) == b.end


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_plain_text_blocks_are_exact_slices(text):
    src = load_text(text, "x.txt")
    assert src.text == text
    check_blocks(src)
    for b in src.blocks:
        assert b.offsets is None
        assert src.text[b.start:b.end] == b.text
        for i in range(len(b.text)):
            assert src.text[b.to_file(i)] == b.text[i]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texts, lines))
def test_markdown_blocks_keep_identity_offsets(text):
    src = load_text(text, "x.md")
    assert src.text == text and src.format == "markdown"
    check_blocks(src)
    for b in src.blocks:
        assert b.offsets is None and len(b.text) == b.end - b.start
        for i, ch in enumerate(b.text):
            assert ch == src.text[b.to_file(i)] or ch == " "  # a blanked markup character


WORDS = ["the", "minister", "said", "that", "talks", "were", "“professional”", '"we', 'agree,"',
         "he", "added", "«", "nous»", "café", "cafe\u0301", "😀", "مرحبا", "&", "<", ">", "5'10\"",
         "officials", "denied", "reports", "on", "thursday", "in", "syria", "\u00a0", "\n"]
paragraphs = st.lists(st.lists(st.sampled_from(WORDS), min_size=12, max_size=60).map(" ".join),
                      min_size=1, max_size=6)


def _html_doc(paras, entities):
    def esc(p):
        s = html.escape(p, quote=False)
        if entities:
            s = s.replace("“", "&ldquo;").replace("”", "&#8221;").replace("é", "&eacute;")
        return s
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    return ("<!DOCTYPE html><html><head><title>t</title><script>var s = 'said';</script></head>"
            f"<body><nav>Home | News | Sport</nav><article><h1>A headline here</h1>\n{body}\n"
            "</article><footer>Footer text</footer></body></html>")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs, st.booleans())
def test_html_blocks_map_every_character_back_to_the_file(paras, entities):
    doc = _html_doc(paras, entities)
    src = load_text(doc, "x.html")
    assert src.text == doc and src.format == "html"
    check_blocks(src)
    for b in src.blocks:
        assert len(b.offsets) == len(b.text) + 1
        assert list(b.offsets) == sorted(b.offsets)
        for i, ch in enumerate(b.text):
            raw = src.text[b.to_file(i):]
            if ch == " ":
                continue  # collapsed whitespace or a tag boundary
            if raw[0] == "&":
                entity = raw[:raw.index(";") + 1]
                assert ch in html.unescape(entity)
            else:
                assert raw[0] == ch
    # only the article: no navigation, script, title or footer; nothing of it lost
    got = " ".join(b.text for b in src.blocks)
    assert src.blocks[0].text == "A headline here"
    for junk in ("Home", "Sport", "Footer", "var s", "t A headline"):
        assert junk not in got
    for p in paras:
        norm = " ".join(p.split())
        if norm:
            assert norm in got or norm.replace("cafe\u0301", "café") in got


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["x.txt", "x.md", "x.html", "-"]))
def test_arbitrary_bytes_load_or_give_a_one_line_error(data, name):
    try:
        src = load_bytes(data, name)
    except LoadError as exc:
        assert exc.code in {"binary", "decode"}
        assert "\n" not in exc.message and exc.message.startswith(name)
    else:
        check_blocks(src)


SAFE_WORDS = ["the", "minister", "said", "talks", "“were”", '"quiet"', "«nous»", "😀", "مرحبا",
              "cafe\u0301", "ok.", "no,", "5'10\""]
prose = st.lists(st.lists(st.sampled_from(SAFE_WORDS), min_size=1, max_size=12).map(" ".join),
                 max_size=30)
seps = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\t\n\n"])


@settings(max_examples=300, deadline=None)
@given(prose, st.lists(seps, min_size=30, max_size=30))
def test_plain_text_loses_nothing(parts, separators):
    text = "".join(p + s for p, s in zip(parts, separators))
    src = load_text(text, "x.txt")
    covered = set()
    for b in src.blocks:
        covered.update(range(b.start, b.end))
    lost = [i for i, c in enumerate(text) if not c.isspace() and i not in covered]
    assert not lost, repr(text[lost[0]:lost[0] + 20])


html_soup = st.lists(st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>", "<head>", "<body>", "<!--",
    "-->", "<!-- attribution: off -->", "&amp;", "&ldquo;", "&#8221;", "&#x201C;", "&bogus;", "&",
    "<nav>", "</nav>", "<article>", "</article>", "<h1>", "</h1>", "<b>", "</b>", "<li>", "<![CDATA[",
    "]]>", "<?xml?>", "<", ">", "\n", " ", '"', "“", "said", "officials",
]) | texts, max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_soup)
def test_html_soup_never_raises_and_maps_back(doc):
    src = load_text(doc, "x.html")
    assert src.text == doc
    assert not any("extraction failed" in n for n in src.notices), src.notices
    check_blocks(src)
    for b in src.blocks:
        assert len(b.offsets) == len(b.text) + 1 and list(b.offsets) == sorted(b.offsets)
        for i, ch in enumerate(b.text):
            if ch != " ":
                assert src.text[b.to_file(i)] in (ch, "&")
