"""Word processors: .docx (python-docx) and .odt packages read as one line per paragraph."""
from __future__ import annotations

import re

from ..model import Source
from .blocks import HEADING, PROSE, _apply_directives, _group_blocks, _text_view
from .inputs import LoadError
from .runs import _bound_runs

WORD_FORMATS = ("docx", "odt")
"""Formats read from a word processor's zip package rather than decoded as text."""

MAX_UNPACKED = 64 * 1024 * 1024
"""Most bytes a .docx or .odt may unpack to (the sizes its zip directory declares,
which Python's zipfile enforces while reading): a 10 MiB zip bomb is refused."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def load_word(data: bytes, path: str = "-", fmt: str = "docx") -> Source:
    """A Word (.docx, read with python-docx) or OpenDocument (.odt) file as a Source.

    ``Source.text`` is the *text view* of the document: one line per paragraph, in
    document order (table cells and text boxes included, each paragraph once;
    tracked deletions left out, insertions kept), joined by ``\\n``; a line break or
    tab inside a paragraph is a space.  So line N is the document's paragraph N
    (empty paragraphs count), and a column counts characters within the paragraph.
    Each non-empty paragraph is one block (boilerplate dropped, long ones split as in
    plain text); a paragraph ``[attribution: ignore[rule]]`` suppresses as in text.
    """
    import io
    import zipfile

    what = "Word (.docx)" if fmt == "docx" else "OpenDocument (.odt)"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise LoadError(path, f"not a valid {what} file (not a zip package)", "decode") from None
    if unpacked > MAX_UNPACKED:
        raise LoadError(path, f"{what} file unpacks to {unpacked / 1048576:.0f} MiB, the limit is "
                              f"{MAX_UNPACKED / 1048576:g} MiB", "too-large")
    try:
        paras = _docx_paragraphs(data) if fmt == "docx" else _odt_paragraphs(zf)
    except LoadError:
        raise
    except Exception as exc:  # python-docx, lxml or zipfile on a damaged package
        detail = _safe_line(str(exc))[:120] or type(exc).__name__
        raise LoadError(path, f"not a valid {what} file ({detail})", "decode") from None
    text = "\n".join(re.sub(r"[\s\x00-\x1f\x7f]", " ", p) for p in paras)
    view, kinds, spans, directives = _text_view(text)
    kinds = [HEADING if k == PROSE else k for k in kinds]  # a paragraph is a block of its own
    notices: list[str] = []
    blocks = _group_blocks(text, view, kinds, spans, notices)
    blocks = _apply_directives(_bound_runs(blocks, text, notices), directives)
    return Source(path=path, text=text, blocks=tuple(blocks), format=fmt, notices=tuple(notices))


def _safe_line(s: str) -> str:
    return " ".join(s.split())


def _docx_paragraphs(data: bytes) -> list[str]:
    import io

    import docx  # python-docx: finds the main document part through the package's relationships

    body = docx.Document(io.BytesIO(data)).element.body
    return [_docx_text(p) for p in body.iter(_W + "p")]


def _docx_text(p) -> str:
    out: list[str] = []

    def walk(el):
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in (_W + "p", _W + "del", _W + "moveFrom"):
                continue  # a nested paragraph (text box) is its own; deleted text is gone
            if tag == _W + "t":
                out.append(child.text or "")
            elif tag in (_W + "tab", _W + "br", _W + "cr"):
                out.append(" ")
            elif tag == _W + "noBreakHyphen":
                out.append("-")
            elif tag not in (_W + "instrText", _W + "delText", _W + "rPr", _W + "pPr"):
                walk(child)

    walk(p)
    return "".join(out)


def _odt_paragraphs(zf) -> list[str]:
    import xml.etree.ElementTree as ET

    raw = zf.read("content.xml")
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:  # no entity expansion (billion laughs)
        raise ValueError("content.xml declares a DTD")
    root = ET.fromstring(raw)
    paras: list[str] = []

    def text_of(el, out):
        if el.text:
            out.append(el.text)
        for child in el:
            tag = child.tag
            if tag == _ODF_TEXT + "s":
                out.append(" " * int(child.get(_ODF_TEXT + "c", "1") or 1))
            elif tag in (_ODF_TEXT + "tab", _ODF_TEXT + "line-break"):
                out.append(" ")
            elif tag in (_ODF_TEXT + "note", _ODF_TEXT + "tracked-changes", _ODF_TEXT + "p",
                         _ODF_TEXT + "h"):
                pass  # footnotes, deleted text and nested paragraphs are not this paragraph
            else:
                text_of(child, out)
            if child.tail:
                out.append(child.tail)

    def walk(el):
        for child in el:
            if child.tag in (_ODF_TEXT + "p", _ODF_TEXT + "h"):
                out: list[str] = []
                text_of(child, out)
                paras.append("".join(out))
                walk(child)  # a paragraph in a frame or note inside this one comes after it
            elif child.tag != _ODF_TEXT + "tracked-changes":  # deleted paragraphs live there
                walk(child)

    walk(root)
    return paras
