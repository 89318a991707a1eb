"""One quote scan per document (issue 13, point 2): extract's quotations travel forward on the
data (``Extraction.quotations``, ``Resolved.quotations``), and resolve and check read them
there rather than scanning the text again."""
from __future__ import annotations

import dataclasses

from attribution.check import all_rules, check
from attribution.config import Config
from attribution.extract import extract, quotes
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


def test_resolve_decides_which_quotations_have_no_speaker_and_the_rules_read_it():
    # a floating quotation in wire-copy marks: resolve finds it through extract's quotations
    # (Resolved.unattributed); unattributed-quote reports what resolve decided and nothing
    # else, so a Resolved whose decision is empty has no finding although the quote is there
    text = ("The council met on Tuesday.\n\n''This is the darkest day for our town in forty years.''\n\n"
            "The branch closes in May.")
    decided = hand_resolved(text)
    floating = "''This is the darkest day for our town in forty years.''"
    assert [(text[q.start:q.end], q.fragment) for q in decided.unattributed] == [(floating, False)]
    rule = Config(select=("unattributed-quote",))
    found = check(decided, rule, load_lexicon(), strict=True)
    assert [text[f.start:f.end] for f in found] == [floating]
    undecided = dataclasses.replace(decided, unattributed=())
    assert check(undecided, rule, load_lexicon(), strict=True) == []
