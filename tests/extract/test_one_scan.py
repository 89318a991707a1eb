"""One quote scan per document (issue 13, point 2): extract's quotations travel forward on the
data (``Extraction.quotations``, ``Resolved.quotations``), and resolve and check read them
there rather than scanning the text again."""
from __future__ import annotations

from attribution.check import all_rules, check
from attribution.config import Config
from attribution.extract import extract, quotes
from attribution.model import Resolved
from attribution.resolve import resolve
from attribution.vocab import load_lexicon

from ..rules._build import _document, resolved as hand_resolved

TEXT = ('The council met on Tuesday.\n\n"We will not raise fees this year," the mayor said.\n\n'
        '"The budget is tight," she added, "but the library stays open."\n\n'
        "The vote is set for March.\n\n''Nobody here wants the branch to close.''\n\n"
        '"The reading room will stay open on Sundays, and the children\'s hour moves to the '
        'morning.\n\n"Nothing else changes," said the librarian, Dana Cole.')
EVERY_RULE = Config(select=tuple(r.id for r in all_rules()))


def test_each_document_is_scanned_once(monkeypatch):
    scanned = []
    real = quotes.iter_quotes
    monkeypatch.setattr(quotes, "iter_quotes", lambda text: scanned.append(text) or real(text))
    extraction = extract(_document(TEXT), load_lexicon())
    resolved = resolve(extraction, load_lexicon())
    check(resolved, EVERY_RULE, load_lexicon())
    assert len(scanned) == 1   # extract's scan; resolve and every rule read its result
    assert resolved.quotations == extraction.quotations
    inner = [TEXT[q.inner_start:q.inner_end] for q in resolved.quotations]
    assert inner[:3] == ["We will not raise fees this year,", "The budget is tight,",
                         "but the library stays open."]
    assert inner[3] == "Nobody here wants the branch to close."   # ''...'' (wire copy)


def test_a_quotation_running_over_two_paragraphs_is_one():
    resolved = hand_resolved(TEXT)
    last = resolved.quotations[-1]
    assert TEXT[last.start:last.end].startswith('"The reading room') and last.closed
    assert TEXT[last.end - 1] == '"' and TEXT[last.inner_end - 1] == ","
    [mark] = last.runs_on
    assert TEXT[mark.start:mark.end] == '"' and TEXT[mark.end:].startswith("Nothing else")


def test_rules_read_the_quotations_on_the_data():
    # a floating quotation in wire-copy marks: unattributed-quote finds it through
    # Resolved.quotations; without them (a Resolved that carries none) it finds nothing,
    # so no rule scans the text for quotation marks itself
    text = "The council met on Tuesday.\n\n''This is the darkest day for our town in forty years.''"
    with_quotes = hand_resolved(text)
    rule = Config(select=("unattributed-quote",))
    found = check(with_quotes, rule, load_lexicon(), strict=True)
    assert [text[f.start:f.end] for f in found] == [
        "''This is the darkest day for our town in forty years.''"]
    without = Resolved(document=with_quotes.document, attributions=(), speakers=())
    assert check(without, rule, load_lexicon(), strict=True) == []
