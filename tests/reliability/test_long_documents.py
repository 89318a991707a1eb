"""Issue 16, point 10: long documents.  The checks and the extract/resolve steps that compared
every pair (or scanned everything before an offset for each item) now use indexes; these tests
hold the indexes to the scans they replace, on random layouts, and a repeated paragraph is
parsed once per document.  The timing bar (200 copies of the sample at most 6x the time of 50)
is a slow test: `pytest -m slow tests/reliability/test_long_documents.py`.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from attribution.extract._tree import Cand
from attribution.extract._index import _Cover, _covered, _Ends
from attribution.resolve.roles import _RunIndex

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"


def _cand(pieces) -> Cand:
    return Cand(content=list(pieces), cue=None, source=None, sentence=0, origin="quote")


def _pieces(rng: random.Random) -> list[tuple[int, int]]:
    out = []
    for _ in range(rng.randint(1, 3)):
        s = rng.randint(0, 400)
        out.append((s, s + rng.choice([0, 1, 3, 10, 40, 150])))
    return sorted(out)


def _first_latest(cands, before):
    """What extract scanned every frame for: the first frame, in list order, whose hull ends
    last at or before ``before``."""
    best = None
    for c in cands:
        if c.hull[1] <= before and (best is None or c.hull[1] > best.hull[1]):
            best = c
    return best


@pytest.mark.parametrize("seed", range(30))
def test_extract_indexes_answer_what_the_scans_answered(seed):
    rng = random.Random(seed)
    cands = [_cand(_pieces(rng)) for _ in range(rng.randint(1, 40))]
    cover = _Cover()
    for c in cands:
        for ps, pe in c.content:
            cover.add(ps, pe)
    ends = _Ends(cands)
    for _ in range(120):
        op = rng.random()
        if op < 0.15:  # a new frame
            cands.append(_cand(_pieces(rng)))
            ends.appended(cands[-1])
            for ps, pe in cands[-1].content:
                cover.add(ps, pe)
        elif op < 0.3:  # a frame grows by a quotation
            c = rng.choice(cands)
            s = rng.randint(0, 450)
            e = s + rng.choice([0, 2, 30])
            c.content = sorted(c.content + [(s, e)])
            ends.grown(c)
            cover.add(s, e)
        s = rng.randint(-5, 460)
        e = s + rng.choice([0, 1, 5, 60])
        assert cover.hits(s, e) == any(_covered(c.content, s, e) for c in cands)
        assert ends.previous(s) is _first_latest(cands, s)


class _R:
    def __init__(self, start, end, words, kind):
        self.start, self.end, self.words, self.kind = start, end, words, kind


@pytest.mark.parametrize("seed", range(20))
def test_the_run_index_answers_what_the_scans_answered(seed):
    rng = random.Random(seed)
    vocab = ["ministry", "defense", "party", "national", "union", "health"]
    runs, pos = [], 0
    for _ in range(rng.randint(0, 60)):
        pos += rng.randint(0, 30)
        end = pos + rng.randint(1, 25)  # runs may overlap: the scans stop at the first far one
        runs.append(_R(pos, end, tuple(rng.sample(vocab, rng.randint(1, 3))),
                       rng.choice(["organization", "person", "place"])))
    index = _RunIndex(runs)
    for _ in range(50):
        offset, word = rng.randint(-5, pos + 40), rng.choice(vocab)
        want = None  # roles._resolve_aff's scan
        for r in runs:
            if r.end > offset:
                break
            if r.kind == "organization" and len(r.words) > 1 and word in r.words:
                want = r
        got = next((runs[n] for n in reversed(index.with_word(word, index.before_end(offset)))
                    if runs[n].kind == "organization"), None)
        assert got is want
        want = None  # descriptions._org_by_head's scan (entity tested by the caller)
        for r in runs:
            if r.start >= offset:
                break
            if r.kind == "organization" and word in r.words and len(r.words) > 1:
                want = r
        got = next((runs[n] for n in reversed(index.with_word(word, index.before_start(offset)))
                    if runs[n].kind == "organization"), None)
        assert got is want


# ----------------------------------------------------------------- repeated paragraphs

class _Counting:
    """The real parser, counting the paragraphs it is asked to parse."""

    def __init__(self, parser):
        self.parser, self.texts = parser, []
        self.model_id = parser.model_id

    def key(self, text):
        return self.parser.key(text)

    def parse_texts(self, texts):
        self.texts.extend(texts)
        return self.parser.parse_texts(texts)


@pytest.mark.stanza
def test_a_repeated_paragraph_is_parsed_once_per_document(parser):
    from attribution.load import load_text
    from attribution.parse import parse

    standfirst = "Officials said on Friday that the ferry service would resume next week."
    body = "\u201cWe are ready,\u201d said harbour master Jonas Berg. He did not give a date."
    text = "\n\n".join([standfirst, body, standfirst, body, standfirst]) + "\n"
    counting = _Counting(parser)
    doc = parse(load_text(text, "story.txt"), counting, cache=None)
    assert sorted(counting.texts) == sorted([standfirst, body])  # was: five paragraphs parsed
    by_block: dict[int, list] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append(s)
    assert sorted(by_block) == [0, 1, 2, 3, 4]
    for b in (2, 4):  # the copies: the same parse, at their own offsets
        assert [[(t.text, t.head, t.deprel) for t in s.tokens] for s in by_block[b]] == \
               [[(t.text, t.head, t.deprel) for t in s.tokens] for s in by_block[0]]
        for s in by_block[b]:
            for t in s.tokens:
                assert text[t.start:t.end] == t.text
            assert doc.source.blocks[b].start <= s.start < s.end <= doc.source.blocks[b].end


# ----------------------------------------------------------------- the bar

@pytest.mark.stanza
@pytest.mark.slow
def test_200_copies_of_the_sample_take_at_most_6x_the_time_of_50(parser, tmp_path):
    """CPU time of extract, resolve and check (the parse is one paragraph set, parsed once)."""
    from attribution.check import check
    from attribution.config import Config
    from attribution.extract import extract
    from attribution.vocab import load_lexicon
    from attribution.load import load_text
    from attribution.parse import parse
    from attribution.resolve import resolve

    lexicon = load_lexicon()
    article = SAMPLE.read_text(encoding="utf-8").rstrip("\n")
    cpu = {}
    for n in (50, 200):
        doc = parse(load_text("\n\n".join([article] * n) + "\n", "copies.txt"), parser)
        t0 = time.process_time()
        res = resolve(extract(doc, lexicon), lexicon)
        findings = check(res, Config(), lexicon)
        cpu[n] = time.process_time() - t0
        assert len(res.attributions) == 15 * n and findings
    assert cpu[200] <= 6 * cpu[50], cpu


@pytest.mark.parametrize("seed", range(20))
def test_the_timeline_window_answers_what_the_scan_answered(seed):
    """resolve's pronoun salience scanned the whole timeline of mentions for each pronoun."""
    from types import SimpleNamespace

    from attribution.resolve.records import _Cand
    from attribution.resolve.salience import Salience

    rng = random.Random(seed)
    view = SimpleNamespace(timeline=[], timeline_epoch=0)
    for _ in range(60):
        op = rng.random()
        if op < 0.5:  # mentions appended (entity building, source linking)
            for _ in range(rng.randint(1, 5)):
                view.timeline.append(_Cand(rng.randint(0, 500), rng.randint(0, 40), None, 0.0))
        elif op < 0.6:  # the table sorts its timeline once built
            view.timeline.sort(key=lambda c: c.start)
            view.timeline_epoch += 1
        lo = rng.randint(-12, 40)
        want = [c for c in view.timeline if lo <= c.sent <= lo + 12]
        got = Salience._timeline_window(view, lo, lo + 12)
        assert [id(c) for c in got] == [id(c) for c in want]


@pytest.mark.parametrize("seed", range(20))
def test_the_span_index_answers_what_the_scans_answered(seed):
    """check's rules scanned every span flagged so far (and every quotation) for each match."""
    from attribution.check.context import SpanIndex
    from attribution.model import Span

    rng = random.Random(seed)
    spans: list[Span] = []
    index = SpanIndex()
    for _ in range(150):
        if rng.random() < 0.4:
            s = rng.randint(0, 300)
            spans.append(Span(s, s + rng.choice([0, 1, 4, 20, 90])))
            index.add(spans[-1])
        s = rng.randint(-5, 320)
        q = Span(s, s + rng.choice([0, 1, 3, 30]))
        assert index.overlaps(q) == any(x.overlaps(q) for x in spans)
        assert index.contains(q) == any(x.contains(q) for x in spans)


@pytest.mark.parametrize("seed", range(30))
def test_entity_spots_answer_what_the_mention_scans_answered(seed):
    """resolve read every naming of an entity for each role noun and source (descriptions,
    linking, entities); the spot index answers the same, in order or not."""
    from attribution.resolve.records import _Entity
    from attribution.resolve.spots import SpotIndex

    rng = random.Random(seed)
    e = _Entity(kind="person", name="X")
    index = SpotIndex(lambda o: o // 10)
    ordered = seed % 3 != 0
    o = 0
    for _ in range(80):
        if rng.random() < 0.6:
            o = o + rng.randint(0, 30) if ordered else rng.randint(0, 600)
            e.named_at.append((o, o // 10))
            key = (o, o + 3)
            e.mentions[key] = None
        elif rng.random() < 0.15:  # a merge: extend and sort, then forget
            e.named_at.extend([(rng.randint(0, 600), 0)])
            e.named_at.sort()
            index.forget(e)
        for spots, pairs in ((index.named(e), list(e.named_at)),
                             (index.mentioned(e), [(a, a // 10) for a, _ in e.mentions])):
            off, top = rng.randint(-5, 650), rng.randint(0, 70)
            before = [p for p in pairs if p[0] < off]
            upto = [p for p in pairs if p[0] <= off]
            after = [p for p in pairs if p[0] > off and p[1] <= top]
            assert spots.last_before(off) == (before[-1] if before else None)
            assert spots.first_after(off, top) == (after[0] if after else None)
            assert spots.latest_at_or_before(off) == max((p[0] for p in upto), default=None)
            assert spots.max_sent_before(off) == max((p[1] for p in before), default=None)
