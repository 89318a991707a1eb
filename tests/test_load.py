"""The load stage on the bad-input matrix of issue 6 and the input rules of issue 3."""
from __future__ import annotations

import builtins
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from attribution import load as L
from attribution.vocab import DataFileError
from attribution.load import read as load_read
from attribution.load import runs as R
from attribution.load import (MAX_BLOCK_CHARS, LoadError, boilerplate_match, iter_inputs, load,
                              load_bytes, load_stdin, load_text)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"

PARA = ('The mayor said on Tuesday that the bridge would reopen next month. '
        '"We are confident," she told reporters.')


def exact(src):
    """Every block of a plain-text Source is an exact slice of the file text."""
    for b in src.blocks:
        assert b.offsets is None
        assert src.text[b.start:b.end] == b.text
    return [b.text for b in src.blocks]


# ------------------------------------------------------------------ the matrix

def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    src = load(str(p))
    assert src.text == "" and src.blocks == () and src.encoding == "utf-8"


def test_whitespace_only_file(tmp_path):
    p = tmp_path / "ws.txt"
    p.write_bytes(b"  \n\t\n\r\n   \n\n")
    src = load(str(p))
    assert src.blocks == ()
    assert src.text == "  \n\t\n\r\n   \n\n"


def test_png_is_refused_with_one_line_naming_the_file(tmp_path):
    p = tmp_path / "notes.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256)))
    with pytest.raises(LoadError) as ei:
        load(str(p))
    err = ei.value
    assert err.code == "binary"
    assert err.message == f"{p}: binary file (PNG image), not text"
    assert "\n" not in err.message and err.path == str(p)


def test_png_renamed_to_txt_is_still_refused(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(LoadError, match="PNG image"):
        load(str(p))


def test_nul_bytes_are_binary(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(b"abc\x00\x01\x02\xff\xfe\x00garbage" * 10)
    with pytest.raises(LoadError) as ei:
        load(str(p))
    assert ei.value.code == "binary" and "NUL" in ei.value.message


def test_latin1_file_falls_back_to_cp1252_with_a_notice(tmp_path):
    text = "Le ministre a déclaré : « Nous sommes prêts », a-t-il dit à Genève.\n"
    p = tmp_path / "latin1.txt"
    p.write_bytes(text.encode("latin-1"))
    src = load(str(p))
    assert src.text == text
    assert src.encoding == "cp1252"
    assert any(n.startswith("decoded as cp1252: not valid UTF-8") for n in src.notices)
    assert exact(src) == [text.strip()]


def test_cp1252_curly_quotes_decode_to_curly_quotes(tmp_path):
    p = tmp_path / "word.txt"
    p.write_bytes(b"\x93We are ready,\x94 he said.")
    src = load(str(p))
    assert src.text == "“We are ready,” he said."
    assert src.encoding == "cp1252"


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1():
    # 0x81 and 0x8d are undefined in cp1252
    src = load_bytes(b"Caf\xe9 \x81\x8d said", "x.txt")
    assert src.encoding == "latin-1"
    assert src.text == "Café \x81\x8d said"
    assert any("decoded as latin-1" in n for n in src.notices)


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                       ("utf-32-le", b"\xff\xfe\x00\x00"),
                                       ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_and_utf32_with_bom(tmp_path, codec, bom):
    text = "“We do not want a shooting match,” he said.\r\n\r\nSecond paragraph — here.\r\n"
    p = tmp_path / "wide.txt"
    p.write_bytes(bom + text.encode(codec))
    src = load(str(p))
    assert src.encoding == codec
    assert src.text == text  # the BOM is not part of the text; CRLF kept
    assert exact(src) == ["“We do not want a shooting match,” he said.", "Second paragraph — here."]
    assert src.line_col(src.blocks[1].start) == (3, 1)


def test_utf16_without_bom_is_detected():
    text = 'He said "yes" to the plan.\n'
    src = load_bytes(text.encode("utf-16-le"), "x.txt")
    assert src.text == text and src.encoding == "utf-16-le"
    assert src.notices


def test_utf8_with_bom_offsets_exclude_the_bom(tmp_path):
    text = 'Officials said "no".\n\nThe end.'
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    src = load(str(p))
    assert src.encoding == "utf-8-sig"
    assert src.text == text
    assert src.blocks[0].start == 0 and src.line_col(0) == (1, 1)
    assert exact(src) == ['Officials said "no".', "The end."]


def test_crlf_offsets_and_line_col(tmp_path):
    raw = b"Headline here\r\n\r\nFirst line of para,\r\nsecond line said.\r\n\r\n\"Quote,\" he said.\r\n"
    p = tmp_path / "crlf.txt"
    p.write_bytes(raw)
    src = load(str(p))
    assert src.text == raw.decode()  # CRLF stays in the text
    texts = exact(src)
    assert texts == ["Headline here", "First line of para,\r\nsecond line said.", "\"Quote,\" he said."]
    said = src.text.index("said.")
    assert src.line_col(said) == (4, 13)
    quote = src.text.index('"Quote')
    assert src.line_col(quote) == (6, 1)
    assert src.line_col(src.blocks[1].start) == (3, 1)


def test_five_megabyte_file_loads_within_the_limit(tmp_path):
    p = tmp_path / "big.txt"
    paras = [f"Paragraph {i}: {PARA}" for i in range(5 * 1024 * 1024 // (len(PARA) + 18))]
    p.write_text("\n\n".join(paras), encoding="utf-8")
    assert 4.5e6 < p.stat().st_size < L.MAX_BYTES
    src = load(str(p))
    assert len(src.blocks) == len(paras)
    assert src.blocks[-1].text == paras[-1]
    assert src.text[src.blocks[1234].start:src.blocks[1234].end] == paras[1234]


def test_file_over_the_limit_gives_a_clear_error(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.write((PARA + "\n\n").encode() * (L.MAX_BYTES // len(PARA) + 10))
    with pytest.raises(LoadError) as ei:
        load(str(p))
    assert ei.value.code == "too-large"
    assert "limit is 10 MiB" in ei.value.message and str(p) in ei.value.message
    # the limit is a parameter
    small = tmp_path / "small.txt"
    small.write_text(PARA)
    with pytest.raises(LoadError, match="too large"):
        load(str(small), max_bytes=20)


def test_three_thousand_word_sentence_without_punctuation():
    words = ["officials", "said", "the", "talks", "went", "on", "and", "on", "because", "nobody"]
    text = " ".join(words[i % len(words)] for i in range(3000))
    src = load_text(text, "long.txt")
    texts = exact(src)
    # the parser's memory grows with the square of a sentence's length: bounded runs
    assert [len(t.split()) for t in texts] == [L.MAX_RUN_WORDS] * (3000 // L.MAX_RUN_WORDS)
    assert " ".join(texts) == text
    assert any("without a sentence end" in n for n in src.notices)


def test_long_paragraph_of_real_sentences_is_not_split():
    text = " ".join([PARA] * 20)  # 360 words, 460 tokens, but sentences end every few words
    src = load_text(text, "p.txt")
    assert exact(src) == [text] and src.notices == ()


def test_very_long_paragraph_is_cut_only_at_sentence_ends_without_a_notice():
    # MAX_PIECE_TOKENS bounds every block, whatever the parser takes for a sentence end
    text = " ".join([PARA] * 60)  # 1,080 words, 1,380 tokens
    src = load_text(text, "p.txt")
    texts = exact(src)
    assert len(texts) == 3 and src.notices == ()
    assert " ".join(texts) == text
    assert all(t.startswith(("The mayor", '"We are')) and t.endswith(("month.", "reporters.")) for t in texts)
    assert all(len(R._TOKEN.findall(t)) <= L.MAX_PIECE_TOKENS for t in texts)


def test_long_html_run_is_split_with_offsets():
    words = " ".join(["officials", "said", "&amp;", "talks"] * 200)
    doc = f"<html><body><article><p>{words}</p></article></body></html>"
    src = load_text(doc, "x.html")
    assert len(src.blocks) == -(-800 // L.MAX_RUN_WORDS) and all(len(b.text.split()) <= L.MAX_RUN_WORDS for b in src.blocks)
    for b in src.blocks:
        assert len(b.offsets) == len(b.text) + 1
        first = b.text.split()[0]
        assert src.text[b.start:].startswith("&amp;" if first == "&" else first)
        amp = b.text.index("&")
        assert src.text[b.to_file(amp):b.to_file(amp) + 5] == "&amp;"


def test_paragraph_longer_than_the_block_limit_is_split_with_a_notice():
    text = ("word " * (MAX_BLOCK_CHARS // 2)).strip()  # ~2.5 x the limit, no break at all
    src = load_text(text, "x.txt")
    assert len(src.blocks) >= 2
    assert all(len(b.text) <= MAX_BLOCK_CHARS for b in src.blocks)
    assert all(src.text[b.start:b.end] == b.text for b in src.blocks)
    assert "".join(b.text for b in src.blocks).replace(" ", "") == text.replace(" ", "")
    assert any("split" in n for n in src.notices)


def test_unbalanced_and_stray_quote_marks_pass_through():
    text = ('"This opening mark is never closed, he said.\n\n'
            'A closing mark never opened” appears here.\n\n'
            'The suspect is 5\'10" tall and the board is 2\' by 4\'.')
    src = load_text(text, "q.txt")
    assert exact(src) == text.split("\n\n")


def test_guillemets_and_low_high_quotes_pass_through_untouched(tmp_path):
    text = "« Nous sommes prêts », a déclaré le ministre.\n\n„Wir sind bereit“, sagte der Minister.\n"
    p = tmp_path / "intl.txt"
    p.write_text(text, encoding="utf-8")
    src = load(str(p))
    assert exact(src) == ["« Nous sommes prêts », a déclaré le ministre.",
                          "„Wir sind bereit“, sagte der Minister."]


HTML = """<!DOCTYPE html>
<html><head><title>Talks &amp; offensives</title>
<style>p { color: red } .said { }</style>
<script>var quote = "He said \\"nothing\\" at all";</script></head>
<body>
<nav><a href="/">World</a> | <a href="/us">U.S.</a> | <a href="/pol">Politics</a></nav>
<header><a href="#main">Skip to main content</a></header>
<article id="main">
<h1>Coalition and Russia keep talking as rival offensives converge</h1>
<p>BEIRUT (AP) &mdash; The U.S.-led coalition is in contact with Russian commanders
several times a day, a coalition <b>spokesman</b> said Thursday.</p>
<p>&ldquo;We do not want to get into a shooting match,&rdquo; he said. &#8220;That is not why we are there.&#8221;</p>
<p>An SDF commander denied Russian accusations, saying his fighters had not fired a single shell at government forces.</p>
</article>
<footer><p>Copyright 2017 The Associated Press. All rights reserved.</p></footer>
<script>document.write("Officials said the script ran");</script>
</body></html>
"""


def test_html_keeps_only_the_article_text_with_file_offsets(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    src = load(str(p))
    assert src.format == "html" and src.text == HTML
    texts = [b.text for b in src.blocks]
    assert texts == [
        "Coalition and Russia keep talking as rival offensives converge",
        "BEIRUT (AP) — The U.S.-led coalition is in contact with Russian commanders several "
        "times a day, a coalition spokesman said Thursday.",
        "“We do not want to get into a shooting match,” he said. “That is not why we are there.”",
        "An SDF commander denied Russian accusations, saying his fighters had not fired a "
        "single shell at government forces.",
    ]
    joined = " ".join(texts)
    for junk in ("color", "nothing", "Politics", "Skip to", "Copyright", "script ran"):
        assert junk not in joined
    for b in src.blocks:
        raw = src.text[b.start:b.end]
        assert len(b.offsets) == len(b.text) + 1
        assert b.to_file(0) == b.start and b.to_file(len(b.text)) == b.end
        for w in b.text.split():
            if w.isalpha():
                assert w in raw
    # per-character mapping: an entity maps to the entity, a letter to itself
    b = src.blocks[1]
    dash = b.text.index("—")
    assert src.text[b.to_file(dash):b.to_file(dash + 1)] == "&mdash;"
    sp = b.text.index("spokesman")
    assert src.text[b.to_file(sp):b.to_file(sp + 9)] == "spokesman"  # not "spokesman</b>"
    q = src.blocks[2]
    assert src.text[q.to_file(0):q.to_file(1)] == "&ldquo;"
    last = len(q.text) - 1
    assert src.text[q.to_file(last):q.end] == "&#8221;"
    # line:col of the "said" after <b>spokesman</b> is where an editor finds it
    said = b.text.index("said Thursday")
    line, col = src.line_col(b.to_file(said))
    assert HTML.split("\n")[line - 1][col - 1:col + 3] == "said"


def test_html_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML.encode("utf-8"))))
    src = load_stdin()
    assert src.path == "-" and src.format == "html"
    assert src.blocks and "Skip to" not in " ".join(b.text for b in src.blocks)


def test_html_without_an_article_gives_no_blocks_and_a_notice():
    src = load_text("<html><body><nav>Home | About | Contact</nav></body></html>", "n.html")
    assert src.blocks == ()


MARKDOWN = """---
title: "Draft: he said it"
tags: [syria]
---

# Coalition *talks* continue

By Jane Doe

The **coalition** said [on Thursday](https://example.com/x "title") that talks were "professional".

```python
print("He said 'no' in code")
```

    indented = "code that someone said"

- First item: "We are ready," she said.
- Second item

> "A quote in a blockquote," the mayor said.

+++ not front matter +++
"""


def test_markdown_skips_front_matter_code_and_markup_offsets_identity(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text(MARKDOWN, encoding="utf-8")
    src = load(str(p))
    assert src.format == "markdown"
    texts = [" ".join(b.text.split()) for b in src.blocks]
    assert texts == [
        "Coalition talks continue",
        'The coalition said on Thursday that talks were "professional".',
        'First item: "We are ready," she said.',
        "Second item",
        '"A quote in a blockquote," the mayor said.',
        "+++ not front matter +++",
    ]
    for b in src.blocks:
        assert b.offsets is None and len(b.text) == b.end - b.start
        for i, ch in enumerate(b.text):
            assert ch == " " or src.text[b.to_file(i)] == ch
    all_text = " ".join(texts)
    assert "code" not in all_text and "Draft" not in all_text and "example.com" not in all_text


def test_markdown_unclosed_fence_runs_to_the_end():
    src = load_text('Before it.\n\n```\n"quoted," he said in code\n', "x.md")
    assert [b.text for b in src.blocks] == ["Before it."]


def test_markdown_html_comment_spanning_lines_is_skipped():
    src = load_text("One said.\n\n<!--\nhidden said\n-->\nTwo said.\n", "x.md")
    assert [b.text for b in src.blocks] == ["One said.", "Two said."]


# ------------------------------------------------------------------ inputs

def test_directory_recursion_is_sorted_and_filters_suffixes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b" / "c.md").write_text("c")
    (tmp_path / "b" / "d.HTML").write_text("d")
    (tmp_path / "b" / "e.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "z.markdown").write_text("z")
    got = list(iter_inputs([str(tmp_path)]))
    assert got == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.md"),
                   str(tmp_path / "b" / "d.HTML"), str(tmp_path / "z.markdown")]


def test_directory_with_a_symlink_loop(tmp_path):
    d = tmp_path / "drafts"
    (d / "sub").mkdir(parents=True)
    (d / "one.txt").write_text(PARA)
    (d / "sub" / "two.txt").write_text(PARA)
    os.symlink("..", d / "sub" / "up")           # points back at an ancestor
    os.symlink("self.txt", d / "self.txt")       # a link to itself
    got = list(iter_inputs([str(d), str(tmp_path / "after.txt")]))
    files = [g for g in got if isinstance(g, str)]
    errors = [g for g in got if isinstance(g, LoadError)]
    assert files == [str(d / "one.txt"), str(d / "sub" / "two.txt")]
    assert sorted(e.code for e in errors) == ["loop", "loop", "missing"]
    loop_up = next(e for e in errors if e.path.endswith("up"))
    assert loop_up.severity == "warning"
    assert errors[-1].path == str(tmp_path / "after.txt")  # the rest continued
    for e in errors:
        assert "\n" not in e.message and e.message.startswith(e.path)


def test_file_without_read_permission(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text(PARA)
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):  # root reads anything: simulate what a user sees
            real_open = builtins.open

            def fake_open(file, *a, **k):
                if str(file) == str(p):
                    raise PermissionError(13, "Permission denied", str(file))
                return real_open(file, *a, **k)

            real_os_open = os.open

            def fake_os_open(file, *a, **k):  # load opens with os.open (O_NONBLOCK for FIFOs)
                if str(file) == str(p):
                    raise PermissionError(13, "Permission denied", str(file))
                return real_os_open(file, *a, **k)

            monkeypatch.setattr(load_read, "open", fake_open, raising=False)
            monkeypatch.setattr(os, "open", fake_os_open)
        with pytest.raises(LoadError) as ei:
            load(str(p))
        assert ei.value.code == "permission"
        assert ei.value.message == f"{p}: permission denied"
    finally:
        p.chmod(0o644)


def test_unreadable_directory_yields_an_error_and_the_rest_continue(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(PARA)
    other = tmp_path / "other.txt"
    other.write_text(PARA)
    real_scandir = os.scandir

    def fake_scandir(path="."):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    got = list(iter_inputs([str(locked), str(other)]))
    assert isinstance(got[0], LoadError) and got[0].code == "permission"
    assert got[0].message == f"{locked}: directory: permission denied"
    assert got[1:] == [str(other)]


def test_path_that_does_not_exist(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(LoadError) as ei:
        load(missing)
    assert ei.value.code == "missing"
    assert ei.value.message == f"{missing}: no such file or directory"
    got = list(iter_inputs([missing, "-"]))
    assert isinstance(got[0], LoadError) and got[0].code == "missing"
    assert got[1] == "-"


def test_loading_a_directory_is_a_clear_error(tmp_path):
    with pytest.raises(LoadError) as ei:
        load(str(tmp_path))
    assert ei.value.code == "is-directory"


def test_stdin_closed_at_once_in_process(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    src = load_stdin()
    assert src.path == "-" and src.blocks == () and src.notices
    closed = io.TextIOWrapper(io.BytesIO(b"text"))
    closed.close()
    monkeypatch.setattr(sys, "stdin", closed)
    assert load("-").blocks == ()


def test_stdin_closed_at_once_in_a_real_process():
    code = ("from attribution.load import load_stdin; s = load_stdin(); "
            "print(len(s.blocks), repr(s.text), s.notices)")
    out = subprocess.run(["bash", "-c", f'"{sys.executable}" -c "{code}" <&-'],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("0 ''")
    assert "Traceback" not in out.stderr


def test_stdin_piped_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PARA.encode())))
    src = load("-")
    assert src.format == "text" and [b.text for b in src.blocks] == [PARA]


def test_input_file_is_not_modified(tmp_path):
    p = tmp_path / "keep.txt"
    p.write_bytes(b"\xef\xbb\xbfHe said \"x\".\r\n")
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    load(str(p))
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


# ------------------------------------------------------------------ boilerplate

def test_sample_article_boilerplate_dropped_every_paragraph_kept():
    src = load(str(SAMPLE))
    texts = exact(src)
    raw = SAMPLE.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in raw.split("\n\n") if p.strip()]
    boiler = {paragraphs[0], paragraphs[2], paragraphs[8], paragraphs[-1]}
    assert paragraphs[0].startswith("Skip to main content")
    assert paragraphs[2] == "By The Associated Press\nSep. 21, 2017"
    assert paragraphs[8].startswith("FILE - ")
    assert paragraphs[-1].startswith("Copyright 2017")
    assert texts == [p for p in paragraphs if p not in boiler]
    assert texts[0] == "Coalition and Russia keep talking as rival offensives converge in Syria"
    assert len(texts) == 13


@pytest.mark.parametrize("line", [
    "World | U.S. | Politics | Business | Sports | Entertainment",
    "XS SM MD LG", "Share this story", "Skip to main content", "By The Associated Press",
    "By JOHN DOE and JANE ROE, Associated Press", "Sep. 21, 2017", "Updated 21 September 2017 10:04 EDT",
    "Advertisement",
])
def test_boilerplate_lines(line):
    assert boilerplate_match(line, "line")


@pytest.mark.parametrize("para", [
    "FILE - In this Sept. 14, 2017 file photo, fighters stand at a checkpoint. (AP Photo, File)",
    "Syrian troops enter the city on Tuesday. (AP Photo/Hassan Ammar)",
    "Copyright 2017 The Associated Press. All rights reserved. This material may not be published.",
])
def test_boilerplate_paragraphs(para):
    assert boilerplate_match(para, "paragraph")


@pytest.mark.parametrize("prose", [
    "By then, the coalition said, the talks had ended.",
    "By no means is this over, the general said.",
    "The coalition said the strike was a mistake | officials disagreed.",
    "Russia's Defense Ministry warned that any new attack would be suppressed.",
    "SMS messages were sent, the mayor said.",
    "Share prices fell after the minister said the deal was off.",
    "Coalition and Russia keep talking as rival offensives converge in Syria",
    "“FILE this under mistakes,” he said.",
])
def test_prose_is_not_boilerplate(prose):
    assert not boilerplate_match(prose, "line")
    assert not boilerplate_match(prose, "paragraph")


def test_boilerplate_file_is_validated_with_file_and_line(tmp_path):
    bad = tmp_path / "bp.toml"
    bad.write_text(textwrap.dedent("""\
        [[pattern]]
        id = "ok"
        scope = "line"
        regex = 'x+'

        [[pattern]]
        id = "broken"
        scope = "line"
        regex = '(unclosed'
        """))
    with pytest.raises(DataFileError, match=r"bp\.toml:7: bad regex in 'broken'"):
        L.load_boilerplate(str(bad))
    bad.write_text('[[pattern]]\nid = "s"\nscope = "page"\nregex = "x"\n')
    with pytest.raises(DataFileError, match=r"bp\.toml:2: scope must be"):
        L.load_boilerplate(str(bad))
    bad.write_text('[[pattern]]\nid = "e"\nscope = "line"\nregex = "x*"\n')
    with pytest.raises(DataFileError, match="empty string"):
        L.load_boilerplate(str(bad))


def test_boilerplate_inside_a_paragraph_splits_it():
    text = "Headline of the story\nShare this story\nThe minister said the plan was sound."
    assert [b.text for b in load_text(text, "x.txt").blocks] == [
        "Headline of the story", "The minister said the plan was sound."]


# ------------------------------------------------------------------ suppression

def test_markdown_ignore_comment_applies_to_the_next_paragraph():
    text = ("Officials said it would fail.\n\n"
            "<!-- attribution: ignore[anonymous-source, loaded-cue] -->\n"
            "Sources said it was over.\n\n"
            "Critics said otherwise.\n")
    src = load_text(text, "x.md")
    assert [(b.text, set(b.suppress)) for b in src.blocks] == [
        ("Officials said it would fail.", set()),
        ("Sources said it was over.", {"anonymous-source", "loaded-cue"}),
        ("Critics said otherwise.", set()),
    ]


def test_off_on_regions_suppress_everything():
    text = ("One said.\n\n<!-- attribution: off -->\n\nTwo said.\n\nThree said.\n\n"
            "<!-- attribution: on -->\n\nFour said.\n")
    src = load_text(text, "x.md")
    assert [sorted(b.suppress) for b in src.blocks] == [[], ["*"], ["*"], []]


def test_plain_text_directives_are_not_blocks():
    text = ("[attribution: ignore[anonymous-source]]\nOfficials said so.\n\n"
            "[attribution: off]\n\nSources said so.\n\n[attribution: on]\n\nHe said so.\n")
    src = load_text(text, "x.txt")
    assert [(b.text, sorted(b.suppress)) for b in src.blocks] == [
        ("Officials said so.", ["anonymous-source"]), ("Sources said so.", ["*"]),
        ("He said so.", [])]
    assert all("attribution:" not in b.text for b in src.blocks)


def test_html_ignore_comment():
    html_text = HTML.replace("<p>&ldquo;We do not", "<!-- attribution: ignore[unattributed-quote] -->\n"
                                                   "<p>&ldquo;We do not")
    src = load_text(html_text, "x.html")
    sup = {b.text[:3]: b.suppress for b in src.blocks}
    assert sup["“We"] == {"unattributed-quote"}
    assert sup["BEI"] == frozenset()


def test_bare_ignore_suppresses_all_rules():
    src = load_text("<!-- attribution: ignore -->\nOfficials said.\n", "x.md")
    assert src.blocks[0].suppress == {"*"}


# ------------------------------------------------------------------ formats

@pytest.mark.parametrize("name,fmt", [("a.md", "markdown"), ("a.MARKDOWN", "markdown"),
                                      ("a.htm", "html"), ("a.html", "html"), ("a.txt", "text"),
                                      ("README", "text")])
def test_format_by_suffix(name, fmt):
    assert L.detect_format(name) == fmt


def test_one_line_error_for_bad_utf16_bom():
    with pytest.raises(LoadError) as ei:
        load_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a\x00", "w.txt")  # lone surrogate
    assert ei.value.code == "decode" and "\n" not in ei.value.message


def test_html_paragraph_with_decomposed_accents_is_found_where_it_stands():
    # the first paragraph's text (composed by trafilatura) is also inside the second one: it must
    # be located at its own place, and the blocks must neither overlap nor lose the second
    import html as _html

    paras = ["the the the the the the the cafe\u0301 the the cafe\u0301 \xa0",
             "the the the the the the the the caf\u00e9 the the caf\u00e9"]
    body = "\n".join(f"<p>{_html.escape(p, quote=False)}</p>" for p in paras)
    doc = ("<!DOCTYPE html><html><head><title>t</title></head><body><article><h1>A headline here</h1>\n"
           f"{body}\n</article></body></html>")
    src = load_text(doc, "x.html")
    starts = [(b.start, b.end) for b in src.blocks]
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(starts, starts[1:])), starts
    assert src.blocks[-1].text == paras[1]
    assert len(src.blocks) == 3 and not src.notices
