"""Reconcile reported-speech frames with quotation marks; build ``Attribution`` objects."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..vocab import Lexicon, load_people, norm
from ..model import Attribution, AttributionType, Document, Quotation, SourceKind, Span
from ._tree import Cand, Tree, span_of
from .direct import names_speaker, words_in
from .cue import _cue_span, _head_of, _negated, cue_lemma
from .frames import by_agent
from .phrases import _first_subject, _modifies_noun, _np_forward, _subject_ids
from .reported import sentence_cands
from ._index import _Cover, _Ends, _PieceIndex, _Quotes, _covered, _merge_intervals

MAX_CUE_GAP = 120          # characters between a quotation and its cue in the same sentence
BYLINE = re.compile(r"^\s*(By|BY|Written by|Reporting by)\s+[A-Z]")


def extract_attributions(doc: Document, lexicon: Lexicon, quotes: tuple[Quotation, ...]) -> list[Attribution]:
    """The attributions of ``doc``, given its quotations (:func:`.direct.quotations`)."""
    text = doc.source.text
    qi = _Quotes(quotes)
    trees = [Tree(s) for s in doc.sentences]
    sent_starts = [s.start for s in doc.sentences]
    byline = {i for i, s in enumerate(doc.sentences) if BYLINE.match(text[s.start:s.end]) and len(s.tokens) <= 12}

    # 1. reported frames from the parse (cues inside quotations are the quoted speaker's words)
    cands: list[Cand] = []
    for si, tree in enumerate(trees):
        if si in byline:
            continue
        cands.extend(sentence_cands(doc, si, tree, lexicon, qi.inside))

    # 2a. a frame whose cue stands inside another frame's source ("A former manager, who spoke
    # on condition of anonymity because she feared retaliation, said ...") says nothing beyond
    # that source: its content is cut there, so it cannot swallow the sentence's own cue
    by_sentence: dict[int, list[Cand]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    for group in by_sentence.values():
        for c in group:
            if not c.cue:
                continue
            host = next((o.source for o in group if o is not c and o.source and
                         o.source[0] <= c.cue[0] and c.cue[1] <= o.source[1] and
                         not _COORDINATED.search(text[o.source[0]:c.cue[0]])), None)
            if host is not None:
                c.content = [(max(ps, host[0]), min(pe, host[1])) for ps, pe in c.content
                             if pe > host[0] and ps < host[1]]
    cands = [c for c in cands if c.content]

    # 2. nested frames: a cue inside another frame's content belongs to that content
    cands.sort(key=lambda c: -c.length())
    kept: list[Cand] = []
    index = _PieceIndex()  # only kept frames whose pieces reach a span can cover it
    for c in cands:
        cs = c.cue[0] if c.cue else c.hull[0]
        if any(_covered(k.content, cs, cs + 1) for k in index.near(cs, cs + 1)):
            continue
        # two frames claiming the same content: keep the longer (already first)
        if any(_covered(k.content, *c.hull) >= 0.5 * c.length() for k in index.near(*c.hull)):
            continue
        kept.append(c)
        index.add(c)
    cands = kept

    # 3. quotations inside / around a frame's content become part of it
    used: set[int] = set()
    qstarts = [q.inner_start for q in quotes]
    ordered = all(a <= b for a, b in zip(qstarts, qstarts[1:]))
    reach = list(accumulate((q.inner_end for q in quotes), max))  # the furthest end so far
    for c in cands:
        add = []
        h0, h1 = c.hull
        # only quotations that can reach the hull: none before lo ends after h0 - 2, none
        # from hi on starts before h1 + 2 (long documents: issue 16, point 10)
        lo, hi = (bisect_right(reach, h0 - 2), bisect_left(qstarts, h1 + 2)) if ordered else (0, len(quotes))
        for k in range(lo, hi):
            q = quotes[k]
            if q.inner_end <= h0 - 2 or q.inner_start >= h1 + 2:
                continue
            ov = _covered(c.content, q.inner_start, q.inner_end)
            if ov <= 0:
                continue
            if not q.closed and q.end - q.start > 2000:
                continue
            add.append((q.start, q.end))
            used.add(k)
        if add:
            c.content = _merge_intervals(c.content + add, text)
            c.extra["quoted"] = True

    # 4. remaining quotations: find a cue nearby
    cue_keys = {c.cue_key for c in cands if c.cue_key}
    cover = _Cover()  # every frame's pieces, kept up to date below
    for c in cands:
        for ps, pe in c.content:
            cover.add(ps, pe)
    ends = _Ends(cands)
    for k, q in enumerate(quotes):
        if k in used:
            continue
        if cover.hits(q.inner_start, q.inner_end):
            continue
        inner = text[q.inner_start:q.inner_end].strip()
        short = words_in(inner) <= 3 and not inner.endswith((",", ".", "!", "?", "…"))
        found = None if short else _quote_cue(doc, trees, sent_starts, q, qi, lexicon, cue_keys)
        if found is not None:
            cue_keys.add(found.cue_key)
            cands.append(found)
            ends.appended(found)
            for ps, pe in found.content:
                cover.add(ps, pe)
            used.add(k)
            continue
        # continuation of the previous quoted attribution in the same paragraph (or the next one)
        prev = ends.previous(q.start)
        if prev is not None and prev.extra.get("quoted") and _continues(doc, prev, q, text, cands):
            prev.content = sorted(prev.content + [(q.start, q.end)])
            ends.grown(prev)
            cover.add(q.start, q.end)
            used.add(k)
            continue
        inner = text[q.inner_start:q.inner_end]
        if words_in(inner) >= 4 and q.closed:
            si = max(bisect_right(sent_starts, q.start) - 1, 0)
            cands.append(Cand(content=[(q.start, q.end)], cue=None, source=None, sentence=si,
                              origin="quote", extra={"quoted": True}))
            ends.appended(cands[-1])
            cover.add(q.start, q.end)
            used.add(k)

    # 5. a source needs a noun or a pronoun (a lone "the" is parse debris)
    for c in cands:
        if c.source and c.source_ids:
            toks = [trees[c.sentence].tok(i) for i in c.source_ids if 0 < i <= len(trees[c.sentence].sent.tokens)]
            if not any(t.upos in ("NOUN", "PROPN", "NUM", "PRON") for t in toks) and not (
                    len(toks) == 1 and toks[0].deprel.startswith("nsubj") and toks[0].text.lower() in _QUANTIFIERS):
                c.source, c.source_ids, c.source_head = None, (), None  # ("Some accused him of ...": a quantifier standing alone speaks)

    # 6. build Attributions in document order
    cands.sort(key=lambda c: (c.hull[0], c.hull[1]))
    out = []
    for n, c in enumerate(cands, 1):
        out.append(_attribution(doc, trees, c, n, qi, lexicon))
    return out


# quantifiers that stand alone as a subject ("Some accused him of ...", "several threatened to sue")
_QUANTIFIERS = frozenset(["some", "many", "several", "few", "most"])


def _continues(doc: Document, prev: Cand, q: Quotation, text: str, cands: list[Cand]) -> bool:
    gap = text[prev.hull[1]:q.start]
    if len(gap) > 400:
        return False
    # nothing but the cue clause (or nothing) between the two pieces
    cue = prev.cue
    rest = gap
    if cue and prev.hull[1] <= cue[0] and cue[1] <= q.start:
        rest = text[prev.hull[1]:cue[0]] + text[cue[1]:q.start]
        if prev.source and prev.hull[1] <= prev.source[0] and prev.source[1] <= q.start:
            rest = rest.replace(text[prev.source[0]:prev.source[1]], "")
    # '"A," said X, who toured the site on Monday. "B."': a relative clause, an apposition or a
    # participle describing the speaker ('she said, pausing on the landing. "B."') does not end
    # the speaker's run of quotes
    if "\n" not in gap:
        rest = re.sub(r"^[\s,]*,\s*(?:who|whom|whose|a|an|the|[a-z]+ing)\b[^\"“”]{0,200}?[.!?]?\s*$", "", rest.strip())
    words = re.findall(r"\w+", rest)
    if "\n" in gap:
        # a new paragraph that opens with a quotation, right after the quoted one (not one that
        # names the speaker in the third person: '"One of the shortcomings of Byler's piece
        # ..."' after Byler's own quote is someone else's words)
        return not words and q.inner_start > q.start and not names_speaker(text, prev.source, q)
    return len(words) <= 3 or _adjuncts_only(doc, prev, gap_start=prev.hull[1], gap_end=q.start, words=len(words))


def _adjuncts_only(doc: Document, prev: Cand, gap_start: int, gap_end: int, words: int) -> bool:
    """Between the quoted piece and the next one stands only its cue clause with adjuncts of
    place, time or manner ('"A," Mayor Ann Lee told reporters in Dover after the vote. "B."',
    '... said by phone from Boston', '... said in a telephone interview', '... said at the Nov.
    14 meeting'): no other finite verb, no other quotation, so B is still the speaker's."""
    cue = prev.cue
    if cue is None or not (gap_start <= cue[0] and cue[1] <= gap_end) or words > 25:
        return False
    text = doc.source.text
    if any(m in text[gap_start:gap_end] for m in ('"', "\u201c", "\u201d", ";", ":")):
        return False
    for sent in doc.sentences:
        if sent.end <= gap_start or sent.start >= gap_end:
            continue
        for t in sent.tokens:
            if t.end <= gap_start or t.start >= gap_end or cue[0] <= t.start < cue[1]:
                continue
            if prev.source and prev.source[0] <= t.start < prev.source[1]:
                continue
            if t.xpos in ("VBD", "VBZ", "VBP", "MD") or (t.upos == "AUX" and "VerbForm=Fin" in (t.feats or "")):
                return False  # another clause: '"A," she said. Others disagreed. "B."'
    return True


def _quote_cue(doc: Document, trees: list[Tree], sent_starts: list[int], q: Quotation, qi: _Quotes,
               lexicon: Lexicon, cue_keys: set) -> Cand | None:
    text = doc.source.text
    first = max(bisect_right(sent_starts, q.start) - 1, 0)
    last = max(bisect_right(sent_starts, max(q.end - 1, q.start)) - 1, 0)
    block = doc.sentences[first].block
    # a. a cue verb in the quote's own sentences, outside the marks
    best = None
    for si in range(first, last + 1):
        tree = trees[si]
        for t in tree.sent.tokens:
            if qi.inside(t.start) or (si, t.id) in cue_keys:
                continue
            lem = cue_lemma(t, lexicon, tree.sent)
            if lem is None or _modifies_noun(tree.sent.tokens, t):
                continue  # "told the Tribune in a written statement, '...'": the cue is "told"
            if t.start >= q.end:
                gap = text[q.end:t.start]
            elif t.end <= q.start:
                gap = text[t.end:q.start]
            else:
                continue
            if len(gap) > MAX_CUE_GAP or qi.inside(t.start) or '"' in gap or "“" in gap:
                continue
            d = len(gap)
            if best is None or d < best[0]:
                best = (d, si, t, lem)
    if best is None:
        # b. lead sentence ending with ":" or a short following "he said."
        cands = []
        if first > 0 and doc.sentences[first - 1].block == block:
            ps = doc.sentences[first - 1]
            tail = text[ps.start:ps.end].rstrip()
            if tail.endswith(":"):
                cands.append(first - 1)
        if last + 1 < len(doc.sentences) and doc.sentences[last + 1].block == block:
            ns = doc.sentences[last + 1]
            if len(ns.tokens) <= 8 and not any(qi.inside(t.start) for t in ns.tokens):
                cands.append(last + 1)
        for si in cands:
            for t in trees[si].sent.tokens:
                lem = cue_lemma(t, lexicon, trees[si].sent)
                if lem and (si, t.id) not in cue_keys:
                    best = (0, si, t, lem)
                    break
            if best:
                break
    if best is None:
        # c. a colon lead with any verb: 'Trump boomed: "..."' / 'Cruz continued:'
        before = text[:q.start].rstrip()
        if before.endswith(":"):
            ci = len(before) - 1
            si = max(bisect_right(sent_starts, ci) - 1, 0)
            tree = trees[si]
            verbs = [t for t in tree.sent.tokens if t.end <= ci + 1 and t.upos == "VERB" and not qi.inside(t.start)]
            # the verb nearest the colon leads the quote; when it is the cue of another attribution
            # already, an earlier verb leads it only when that verb governs it ('She went on to
            # say:'), never a verb of another phrase ('In a letter dated Nov. 3, Calder wrote:':
            # not 'dated'); the quote stays without a cue rather than take a wrong speaker
            v = verbs[-1] if verbs else None
            if v is not None and (si, v.id) in cue_keys:
                v = next((u for u in verbs[:-1] if u.id == v.head and (si, u.id) not in cue_keys), None)
            if v is not None:
                best = (0, si, v, cue_lemma(v, lexicon) or v.lemma.lower())
    if best is None:
        return None
    _, si, v, lem = best
    tree = trees[si]
    agent = by_agent(tree.sent.tokens, v)
    src_ids, passive = set(agent or _subject_ids(tree, v)), False
    if not src_ids and 1 <= v.head <= len(tree.sent.tokens) and (v.deprel == "xcomp" or (
            v.deprel == "advcl" and any(c.deprel == "mark" and c.text.lower() == "to" for c in tree.children(v.id)))):
        # the subject of the verb the cue complements: 'She went on to say: "..."'
        src_ids = set(_subject_ids(tree, tree.sent.tokens[v.head - 1]))
    if not src_ids:
        if v.text.lower().endswith("ing"):
            src_ids = set(_first_subject(tree, v.id, qi.inside))
        if not src_ids:
            # inverted order: '"...," said Smith, an attorney with the group.'
            fwd = _np_forward(tree.sent.tokens, v.id + 1)
            if fwd and fwd[-1] + 2 <= len(tree.sent.tokens) and tree.sent.tokens[fwd[-1]].text == ",":
                app = _np_forward(tree.sent.tokens, fwd[-1] + 2)
                if app and tree.sent.tokens[app[0] - 1].upos in ("DET", "ADJ", "NOUN", "PROPN"):
                    fwd = list(range(fwd[0], app[-1] + 1))
            src_ids = set(fwd)
    return Cand(content=[(q.start, q.end)], cue=_cue_span(tree, v, lexicon, text),
                source=span_of(tree.sent, src_ids) if src_ids else None, sentence=si, origin="direct",
                cue_lemma=lem, cue_key=(si, v.id), source_head=_head_of(tree, src_ids) if src_ids else None,
                source_ids=tuple(sorted(src_ids)), negated=_negated(tree, v),
                passive_agentless=passive and not src_ids, extra={"quoted": True})


def _attribution(doc: Document, trees: list[Tree], c: Cand, n: int, qi: _Quotes, lexicon: Lexicon) -> Attribution:
    text = doc.source.text
    content = tuple(Span(s, e) for s, e in c.content)
    # type: how much of the content's word characters lie inside quotation marks
    inside = total = 0
    for s, e in c.content:
        for i in _visible(doc, s, e):
            if text[i].isalnum():
                total += 1
                if qi.inside(i):
                    inside += 1
    if total and inside >= total * 0.97:
        typ = AttributionType.DIRECT
    elif inside:
        typ = AttributionType.MIXED
    else:
        typ = AttributionType.INDIRECT
    return Attribution(
        id=f"a{n}", type=typ, content=content,
        cue=Span(*c.cue) if c.cue else None,
        source=Span(*c.source) if c.source else None,
        sentence=c.sentence, cue_lemma=c.cue_lemma,
        cue_classes=lexicon.cue_classes(c.cue_lemma) if c.cue_lemma != "according to" else frozenset({"speech"}),
        source_kind=_source_kind(doc, trees, c, lexicon),
        negated=c.negated, passive_agentless=c.passive_agentless,
    )


_STARTS: tuple = ((), [])  # the last document's blocks and their starts (one entry, swapped whole)


# a conjunction before a cue inside another frame's source: that "source" ran over a second
# clause ("the logs, and disputed the timeline, saying ...") and is no noun phrase to cut at
_COORDINATED = re.compile(r"\b(?:and|but|or)\b")


def _block_starts(blocks) -> list[int]:
    """``[b.start for b in blocks]``, computed once per document, not once per attribution."""
    global _STARTS
    cached = _STARTS
    if cached[0] is not blocks:
        cached = _STARTS = (blocks, [b.start for b in blocks])
    return cached[1]


def _visible(doc: Document, s: int, e: int):
    """File offsets in [s, e) that a reader sees: in HTML, the letters of an entity
    (``&ldquo;``) or a tag are markup, not words outside the quotation."""
    blocks = doc.source.blocks
    i = bisect_right(_block_starts(blocks), s) - 1 if blocks else -1
    if i >= 0:
        block = blocks[i]
        if block.start <= s < max(block.end, block.start + 1) and block.offsets is not None:
            return [o for o in block.offsets[:len(block.text)] if s <= o < e]
    return range(s, e)


def _source_kind(doc: Document, trees: list[Tree], c: Cand, lexicon: Lexicon) -> SourceKind | None:
    if not c.source:
        return None
    toks = [trees[c.sentence].tok(i) for i in c.source_ids] if c.source_ids else []
    if not toks:
        return None
    head = c.source_head or toks[-1]
    words = [t.text.lower() for t in toks]
    if head.upos == "PRON" or (len(toks) == 1 and words[0] in ("he", "she", "they", "it", "we", "i", "you")):
        return SourceKind.PRONOUN
    people = load_people()   # people.toml: organisation heads and roles
    if any(t.ner.endswith("ORG") for t in toks) or norm(head.text) in people.org_heads:
        return SourceKind.ORGANIZATION
    has_name = any(t.upos == "PROPN" and norm(t.text) not in people.org_heads
                   and not (t is head and people.unnamed_head(t.text)) for t in toks)
    # (a head that is itself an unnamed-source noun is no name: "Several Democrats", "Many
    # Republicans", capitalised as party members, are a group)
    described = head.upos == "NOUN" and head.text.islower() and (
        people.unnamed_head(head.text) or people.unnamed_head(head.lemma)) and all(
        t.deprel.split(":")[0] in ("compound", "amod") for t in toks if t.upos == "PROPN")
    if has_name and not described and (head.upos == "PROPN" or any(t.ner.endswith("PER") for t in toks)):
        return SourceKind.NAME  # (not "one Trump confidant": a name that only modifies a person noun)
    if people.unnamed_head(head.text) or people.unnamed_head(head.lemma):
        det = [t.text.lower() for t in toks if t.deprel == "det" and t.head == head.id]
        # a proper noun that only modifies the noun ("an SDF commander", "a Pentagon
        # official") names the affiliation, not the person; a name is the head's
        # apposition or flat part ("an official, John Smith,")
        named = any(t.upos == "PROPN" and t.head == head.id and t.deprel.split(":")[0] in ("appos", "flat")
                    for t in toks)
        if not named and (not det or det[0] in ("a", "an", "some", "several", "two", "three", "many", "one")
                             or head.text.lower().endswith("s")):
            return SourceKind.ANONYMOUS
        return SourceKind.ROLE
    if (norm(head.lemma),) in people.roles:
        return SourceKind.ROLE
    if has_name:
        return SourceKind.NAME
    return SourceKind.ROLE
