"""Word (.docx) and OpenDocument (.odt) inputs (issue 14): documents built here with python-docx
(and a minimal .odt with zipfile); a line of the text view is a paragraph of the document."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from attribution.load import LoadError, iter_inputs, load, load_bytes

ROOT = Path(__file__).resolve().parent.parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

QUOTE = '"We need more time," said Maria Lopez, the council president.'
CLAIM = "Officials said the plan was too costly."


def _draft(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Council delays bridge vote", 1)            # paragraph 1
    d.add_paragraph("")                                        # 2: empty, still a line
    d.add_paragraph(QUOTE)                                     # 3
    p = d.add_paragraph("Officials said the plan was ")        # 4: a tracked change
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="ed"><w:r><w:delText>far </w:delText>'
                          '</w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="ed"><w:r><w:t>too costly.</w:t></w:r>'
                          '</w:ins>'))
    br = d.add_paragraph("First line")                         # 5: a soft line break
    br.add_run().add_break()
    br.add_run("second line")
    t = d.add_table(rows=1, cols=2)                            # 6, 7: table cells
    t.cell(0, 0).text = "Cell one"
    t.cell(0, 1).text = "Cell two"
    d.save(path)
    return path


def test_text_view_is_one_line_per_paragraph(tmp_path):
    src = load(str(_draft(tmp_path / "draft.docx")))
    assert src.format == "docx" and src.encoding == "utf-8"
    assert src.text.split("\n") == ["Council delays bridge vote", "", QUOTE, CLAIM,
                                    "First line second line", "Cell one", "Cell two"]
    assert [b.text for b in src.blocks] == ["Council delays bridge vote", QUOTE, CLAIM,
                                            "First line second line", "Cell one", "Cell two"]
    for b in src.blocks:  # exact slices of the text view, as plain text's are
        assert b.offsets is None and src.text[b.start:b.end] == b.text
    # line = paragraph number (the empty paragraph counts), column = character in it
    assert src.line_col(src.blocks[1].start) == (3, 1)
    assert src.line_col(src.blocks[2].start + src.blocks[2].text.index("plan")) == (4, 20)


def test_directories_pick_up_word_files(tmp_path):
    _draft(tmp_path / "a.docx")
    (tmp_path / "b.txt").write_text("Hello.\n")
    (tmp_path / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert [Path(p).name for p in iter_inputs([str(tmp_path)])] == ["a.docx", "b.txt"]


def test_suppression_paragraph(tmp_path):
    d = docx.Document()
    d.add_paragraph("[attribution: ignore[anonymous-source]]")
    d.add_paragraph(CLAIM)
    d.add_paragraph(CLAIM)
    d.save(tmp_path / "s.docx")
    src = load(str(tmp_path / "s.docx"))
    assert [b.text for b in src.blocks] == [CLAIM, CLAIM]
    assert src.blocks[0].suppress == frozenset({"anonymous-source"})
    assert src.blocks[1].suppress == frozenset()


def _odt(path: Path, body: str) -> Path:
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                                  f'{ns}><office:body><office:text>{body}</office:text>'
                                  '</office:body></office:document-content>')
    return path


def test_odt(tmp_path):
    p = _odt(tmp_path / "d.odt",
             '<text:tracked-changes><text:changed-region><text:deletion><text:p>Gone.</text:p>'
             '</text:deletion></text:changed-region></text:tracked-changes>'
             '<text:h>Headline</text:h><text:p/>'
             '<text:p>"Yes," <text:span>said</text:span> Ann<text:s text:c="2"/>Lee.</text:p>')
    src = load(str(p))
    assert src.format == "odt"
    assert src.text.split("\n") == ["Headline", "", '"Yes," said Ann  Lee.']
    assert src.line_col(src.blocks[1].start) == (3, 1)


@pytest.mark.parametrize("data, code", [
    (b"PK\x03\x04 not really a zip", "decode"),
    (b"just text, named .docx", "decode"),
])
def test_damaged_files_are_one_line_errors(data, code):
    with pytest.raises(LoadError) as e:
        load_bytes(data, "bad.docx")
    assert e.value.code == code and "\n" not in e.value.message
    assert e.value.message.startswith("bad.docx: not a valid Word (.docx) file")


def test_zip_without_a_document(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(LoadError, match=r"not a valid Word \(\.docx\) file"):
        load_bytes(buf.getvalue(), "x.docx")
    with pytest.raises(LoadError, match=r"not a valid OpenDocument \(\.odt\) file"):
        load_bytes(buf.getvalue(), "x.odt")


def test_zip_bomb_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (65 * 1024 * 1024))
    assert len(buf.getvalue()) < 1024 * 1024
    with pytest.raises(LoadError) as e:
        load_bytes(buf.getvalue(), "bomb.docx")
    assert e.value.code == "too-large" and "unpacks to 65 MiB" in e.value.message


def _cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "attribution", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=300)


def test_cli_damaged_docx_exit_2(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04garbage")
    proc = _cli("audit", str(tmp_path / "bad.docx"))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "not a valid Word (.docx) file" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.stanza
def test_cli_audit_docx_line_numbers_are_paragraphs(tmp_path):
    p = _draft(tmp_path / "draft.docx")
    proc = _cli("audit", str(p), "--format", "line", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr.decode()
    assert f"{p}:4:1: warning anonymous-source:" in proc.stdout.decode()
    # stdin named as a .docx is read as one
    proc = _cli("audit", "--stdin-filename", "story.docx", "--format", "line", "--fail-on", "never",
                stdin=p.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    assert "story.docx:4:1: warning anonymous-source:" in proc.stdout.decode()
