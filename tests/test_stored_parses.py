"""The stored parses (tests/fixtures/parses/) are what the model gives today, and every test
paragraph that replays one has one (else: scripts/update_parse_fixtures.py)."""
from __future__ import annotations

import pytest

from .stored_parses import FILE, UPDATE, as_plain, read


def test_the_stored_parses_are_well_formed():
    header, paragraphs = read()
    assert FILE.is_file() and header.get("model") and header.get("stanza"), f"run: {UPDATE}"
    assert len(paragraphs) >= 30  # the resolve table's paragraphs
    for text, sentences in paragraphs.items():
        assert sentences, text[:40]
        for sent in sentences:
            assert [w[0] for w in sent] == list(range(1, len(sent) + 1))
            for w in sent:
                assert len(w) == 11 and 0 <= w[8] <= w[9] <= len(text)
                assert 0 <= w[6] <= len(sent)


@pytest.mark.stanza
def test_the_stored_parses_are_what_the_model_gives_today(parser):
    header, paragraphs = read()
    assert (header["model"], header["stanza"]) == (parser.model_id, parser.stanza_version), \
        f"the stored parses come from another model set or stanza; run: {UPDATE}"
    texts = sorted(paragraphs)
    fresh = parser.parse_texts(texts)
    stale = [t for t, got in zip(texts, fresh) if as_plain(got) != paragraphs[t]]
    assert not stale, f"{len(stale)} stored parses differ from the model's, e.g. {stale[0][:60]!r}; run: {UPDATE}"


def test_replaying_a_stored_parse_needs_no_stanza():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = ("import sys; from tests.stored_parses import StoredParser, read; "
            "from tests.test_resolve import _source; from attribution.parse import parse; "
            "text = sorted(read()[1])[0]; doc = parse(_source(text), StoredParser()); "
            "assert doc.sentences and doc.sentences[0].tokens; "
            "print([m for m in ('stanza', 'torch') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_a_paragraph_with_no_stored_parse_fails_with_the_command_to_run():
    from .stored_parses import StoredParser

    with pytest.raises(pytest.fail.Exception, match="update_parse_fixtures.py"):
        StoredParser().parse_texts(["A paragraph no test has parsed before, said nobody."])
