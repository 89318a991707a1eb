"""One quote scan per document (issue 13, point 2): extract's quotations travel forward and
resolve reads them rather than scanning the text again."""
from __future__ import annotations

from attribution.extract import direct
from attribution.model import Block, Document, Source


def _doc(text: str) -> Document:
    blocks, pos = [], 0
    for para in text.split("\n\n"):
        blocks.append(Block(text=para, start=pos, end=pos + len(para)))
        pos += len(para) + 2
    return Document(source=Source(path="t.txt", text=text, blocks=tuple(blocks)), sentences=(), model="test")


TEXT = ('The council met on Tuesday.\n\n"We will not raise fees this year," the mayor said.\n\n'
        '"The budget is tight," she added, "but the library stays open."')


def test_each_document_is_scanned_once(monkeypatch):
    doc = _doc(TEXT)
    calls = []
    real = direct.scan_quotes
    monkeypatch.setattr(direct, "scan_quotes", lambda text: calls.append(1) or real(text))
    first = direct.document_quotes(doc)
    again = direct.document_quotes(doc)
    assert again is first and len(calls) == 1
    assert [TEXT[q.inner_start:q.inner_end] for q in first] == [
        "We will not raise fees this year,", "The budget is tight,", "but the library stays open."]
    assert isinstance(first, tuple)   # read-only for every stage that reads it


def test_an_equal_but_different_document_is_scanned_again(monkeypatch):
    calls = []
    real = direct.scan_quotes
    monkeypatch.setattr(direct, "scan_quotes", lambda text: calls.append(1) or real(text))
    a, b = _doc(TEXT), _doc(TEXT)
    direct.document_quotes(a)
    direct.document_quotes(b)
    assert len(calls) == 2


def test_resolve_reads_extracts_quotations():
    import inspect

    from attribution.resolve import document

    src = inspect.getsource(document)
    assert "document_quotes" in src and "scan_quotes" not in src
