"""ATR1xx: missing attribution (quotes nobody said, accusations nobody answers)."""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from itertools import accumulate
from typing import Iterator

from ...model import Severity, Span
from .. import claims, vocab
from ..context import Context, Hit, SpanIndex, mentions
from ..quotes import scan
from ..registry import rule

_SENT_END = re.compile(r"[.!?…][\"'’”)\]]*\s*$")
_FUNCTION = frozenset("a an the of and or in on at to for with from by is are was were be".split())


def _snippet(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def is_term(inner: str, before: str, after: str) -> bool:
    """A scare quote, title, nickname or a short phrase used as a term, not a quotation.

    ``before``/``after`` is the text of the sentence on either side of the quote.
    """
    words = inner.split()
    if not words:
        return True
    max_words = int(vocab.vocab()["terms"]["max_words"])
    sentence_like = bool(_SENT_END.search(inner))
    embedded = bool(re.search(r"\w", before)) and not re.search(r"[:]\s*$", before)
    # nickname: Dwayne "The Rock" Johnson
    if re.search(r"[A-Z][\w.-]*\s*$", before) and re.match(r"^\s*[A-Z]", after) and len(words) <= 4:
        return True
    # title of a work or slogan: every content word capitalised, no sentence punctuation
    content = [w for w in words if w.lower() not in _FUNCTION]
    if content and not sentence_like and len(words) <= 10 and \
            all(w[:1].isupper() or not w[:1].isalpha() for w in content):
        return True
    if len(words) <= max_words:
        inner_clean = inner.strip().rstrip(",")
        if not _SENT_END.search(inner_clean):
            return True            # "deconflicting", "a gamble", "professional"
        if embedded:
            return True            # a short exclamation inside someone else's sentence
    return False


def _chains(ctx: Context) -> dict[int, int]:
    """Block index -> first block of its quote chain (a paragraph whose quote runs on
    into the next paragraph, which opens with a quote mark, belongs to one chain)."""
    blocks = ctx.resolved.document.source.blocks
    head: dict[int, int] = {}
    open_prev = False
    for i, b in enumerate(blocks):
        starts_quoted = b.text.lstrip()[:1] in ('"', "\u201c")
        head[i] = head[i - 1] if (i and open_prev and starts_quoted) else i
        qs = list(scan(b.text))
        open_prev = bool(qs) and not qs[-1].closed
    return head


@rule("ATR101", "unattributed-quote", Severity.ERROR, needs={"attributions", "speakers"},
      messages=('quote with no speaker: "{quote}"',))
def unattributed_quote(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags a direct quotation with no speaker in its sentence, the sentences next to
    it, or the paragraphs its quotation runs across.  Scare quotes, titles of works,
    nicknames and short quoted phrases used as terms are not quotations and are
    left alone.

    ## Why it matters
    A quote nobody said cannot be checked, and readers cannot weigh words whose
    speaker they do not know.  Wire editors reject copy with a floating quote.

    ## Example
    ```text
    The council voted to close the library on Tuesday.

    "This is the darkest day for our town in forty years."
    ```

    ## Use instead
    ```text
    The council voted to close the library on Tuesday.

    "This is the darkest day for our town in forty years," said Mayor Ann Ruiz.
    ```
    """
    for start, end, inner, before, attrs in _floating(ctx):
        if not _is_fragment(inner, before):
            yield Hit(start, end, f'quote with no speaker: "{_snippet(inner)}"', attrs)


@rule("ATR104", "quoted-fragment", Severity.WARNING, needs={"attributions", "speakers"}, status="preview",
      messages=('quoted words with no clear speaker: "{quote}"',))
def quoted_fragment(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags words in quotation marks inside the reporter's own sentence (a phrase, or a
    sentence run into the reporter's words) when no speaker is given in that sentence,
    the sentences next to it or its paragraph.  Scare quotes, titles, nicknames and
    short terms are left alone, as for `unattributed-quote`.

    ## Why it matters
    A quoted phrase tells the reader that someone used those words, and the reader should
    not have to guess who.  Unlike a floating quotation, the speaker is often plain from
    context (the sentence's subject, a document), so this is a preview rule and a warning
    only.

    ## Example
    ```text
    The council adopted the plan on Monday.

    The measure included a clause "to be carried out within the limits of national law" for the whole region.
    ```

    ## Use instead
    ```text
    The council adopted the plan on Monday.

    The measure included a clause that, the county attorney said, is "to be carried out within the limits of national law."
    ```
    """
    for start, end, inner, before, attrs in _floating(ctx):
        if _is_fragment(inner, before):
            yield Hit(start, end, f'quoted words with no clear speaker: "{_snippet(inner)}"', attrs)


def _floating(ctx: Context) -> list[tuple[int, int, str, str, tuple[str, ...]]]:
    """Quotations with no identifiable speaker: (start, end, inner text, the sentence's text
    before the quote, attribution ids).  One search serves `unattributed-quote` (floating
    sentences, errors) and `quoted-fragment` (fragments in the reporter's sentence)."""
    return ctx.memo("floating_quotes", ctx.resolved, lambda: list(_find_floating(ctx)))


def _find_floating(ctx: Context) -> Iterator[tuple[int, int, str, str, tuple[str, ...]]]:
    source = ctx.resolved.document.source
    attributed = [a for a in ctx.attributions if ctx.is_attributed(a)]
    # the hulls by start, with the furthest end so far: "does a hull overlap this quote?" by
    # bisection, not a scan of every hull (long documents: issue 16, point 10)
    hulls = sorted((ctx.hull(a) for a in attributed), key=lambda h: h.start)
    hull_starts = [h.start for h in hulls]
    hull_reach = list(accumulate((h.end for h in hulls), max))

    def on_hull(span: Span) -> bool:  # = any(h.overlaps(span) for h in hulls)
        k = bisect_left(hull_starts, span.end)  # hulls[:k] start before the span ends
        return bool(k) and hull_reach[k - 1] > span.start
    att_sents: set[int] = set()
    for a in attributed:
        if _slogan(ctx, a):
            continue
        att_sents.add(ctx.attr_sentence(a))
        for s in a.content:
            i = ctx.sentence_index_at(s.start)
            if i is not None:
                att_sents.add(i)
    chains = _chains(ctx)
    chain_attributed: set[int] = set()
    for a in attributed:
        b = ctx.block_of(ctx.hull(a).start)
        if b is not None:
            chain_attributed.add(chains.get(b, b))

    seen = SpanIndex()  # the quotes flagged so far
    for bi, block in enumerate(source.blocks):
        for q in scan(block.text):
            inner = q.inner(block.text)
            if len(inner.split()) == 0:
                continue
            fs = block.to_file(q.start)
            fe = block.to_file(min(q.end, len(block.text)))
            span = Span(fs, fe)
            if on_hull(span):
                continue
            si = ctx.sentence_index_at(fs)
            sl = ctx.sentence_index_at(max(fe - 1, fs))   # the quote's last sentence
            sent = ctx.sentences[si] if si is not None else None
            if sent is not None:
                before = ctx.text[max(sent.start, 0):fs] if sent.start <= fs else ""
                after = ctx.text[fe:sent.end] if fe <= sent.end else ""
            else:
                before = block.text[:q.start].rsplit(".", 1)[-1]
                after = block.text[q.end:].split(".", 1)[0]
            if is_term(inner, before, after):
                continue
            if si is not None and _near_attributed(ctx, si, att_sents, sl):
                continue
            if _introduced(ctx, before, block.text[:q.start], bi):
                continue
            if re.match(r"^\s*(?:\(|[A-Z][A-Z .'’-]{1,30}:)", inner):
                continue  # a transcript label ("PENCE: ...") or a stage direction "(CROSSTALK.)"
            if _cue_nearby(ctx, si, bi, block, sl) or _quote_run(block.text, q, ctx, bi):
                continue
            if si is not None and _speaker_beside(ctx, si, att_sents, sl):
                continue
            if _citation_after(block.text, q.end) or _credit_line(ctx, bi, inner, block.text[q.end:]):
                continue
            if _earlier_in_paragraph(ctx, bi, fs, attributed):
                continue
            if not q.closed and _runs_into_cue(ctx, inner, bi):
                continue
            if _subject_follows(ctx, fe, bi) or _run_with_cue(ctx, block.text, q, bi):
                continue
            if chains.get(bi, bi) in chain_attributed and (not q.closed or q.start == 0 or
                                                           block.text.lstrip()[:1] in ('"', "\u201c")):
                continue
            if _fragment_of_subject(ctx, si, inner, before):
                continue
            seen.add(span)
            yield fs, fe, inner, before, ()

    for a in ctx.attributions:
        if a.type not in ("direct", "mixed") or ctx.is_attributed(a):
            continue
        if a.cue is not None:
            continue  # introduced by a cue ("saying: ..."): a speaker the extractor did not link
        h = a.content_hull
        if seen.overlaps(h) or on_hull(h):
            continue
        si = ctx.attr_sentence(a)
        sl = ctx.sentence_index_at(max(h.end - 1, h.start))
        if _near_attributed(ctx, si, att_sents, sl):
            continue
        inner = ctx.content_text(a)
        sent = ctx.sentences[si] if ctx.sentences else None
        before = ctx.text[sent.start:h.start] if sent and sent.start <= h.start else ""
        after = ctx.text[h.end:sent.end] if sent and h.end <= sent.end else ""
        if is_term(inner, before.rstrip('"“ '), after.lstrip('"” ')):
            continue
        if re.match(r"^\s*[\"“]?\s*(?:\(|[A-Z][A-Z .'’-]{1,30}:)", inner):
            continue  # transcript label or stage direction
        bi = ctx.block_of(h.start)
        if bi is not None:
            block = ctx.resolved.document.source.blocks[bi]
            if _cue_nearby(ctx, si, bi, block, sl) or _introduced(ctx, before, block.text[:max(0, h.start - block.start)], bi):
                continue
            qs = [q for q in scan(block.text) if block.to_file(q.start) <= h.start + 1]
            if qs and _quote_run(block.text, qs[-1], ctx, bi):
                continue
            if _credit_line(ctx, bi, inner, ctx.text[h.end:block.end].lstrip(' .,;!?"”\'’')) or \
                    _earlier_in_paragraph(ctx, bi, h.start, attributed):
                continue
            if _subject_follows(ctx, h.end, bi) or (qs and _run_with_cue(ctx, block.text, qs[-1], bi)):
                continue
        if _speaker_beside(ctx, si, att_sents, sl):
            continue
        if _citation_after(ctx.text, h.end):
            continue
        if _fragment_of_subject(ctx, si, inner, before):
            continue
        seen.add(h)
        yield h.start, h.end, inner, before, (a.id,)


def _speaker_beside(ctx: Context, si: int, att_sents: set[int], sl: int | None = None) -> bool:
    """The adjacent sentence, in this paragraph or the next one over, gives the speaker: a
    person speaks there (`"..." ¶ That was how the chief executive described ...`) or does
    an action beat (`She shrugs. "..."`, `A classmate ... joined in.`).  The guide counts a
    speaker given in the adjacent sentence or paragraph as attribution."""
    sents = ctx.sentences
    last = si if sl is None else max(si, sl)
    if si > 0 and (_question_about(ctx, si - 1) or _statement_announced(ctx, si - 1)):
        return True
    return any(0 <= j < len(sents) and (j in att_sents or _person_speaks(ctx, sents[j]))
               for j in (si - 1, last + 1))


def _statement_announced(ctx: Context, j: int) -> bool:
    """The sentence before announces a statement whose words the quote gives: `The union
    released a statement on Friday night. ¶ "Our members will not ..."` (a statement noun as
    the object of a verb with a subject, the subject being the speaker)."""
    sent = ctx.sentences[j]
    nouns = vocab.words("beats", "statements")
    for t in sent.tokens:
        if t.deprel == "obj" and t.lemma.lower() in nouns and \
                any(s.head == t.head and s.deprel == "nsubj" and s.upos in ("PROPN", "NOUN", "PRON")
                    for s in sent.tokens):
            return True
    return False


def _question_about(ctx: Context, j: int) -> bool:
    """The reporter's question about a person, answered by the quote (Q&A style: `Why was
    he out in the heat? "My mom says I have to save up."`)."""
    text = ctx.sentence_text(j).strip()
    if not text.endswith("?") or text[:1] in ('"', "\u201c"):
        return False
    personal = vocab.words("names", "personal") - {"it"}
    return any(t.deprel.startswith("nsubj") and (t.upos == "PROPN" or t.text.lower() in personal)
               for t in ctx.sentences[j].tokens)


def _is_fragment(inner: str, before: str) -> bool:
    """Quoted words that are not a floating sentence: not sentence-like, or embedded in the
    reporter's own sentence (words before them, and no colon introducing them)."""
    sentence_like = bool(_SENT_END.search(inner.strip().rstrip('"”\'’')) or _SENT_END.search(inner))
    embedded = bool(re.search(r"\w", before)) and not re.search(r":\s*$", before)
    return not sentence_like or embedded


def _fragment_of_subject(ctx: Context, si: int | None, inner: str, before: str) -> bool:
    """A quoted fragment inside a sentence whose own subject is a person ("she vented to her
    husband that it would be \"incredibly ugly\""): a partial quote of that person."""
    if si is None:
        return False
    return _is_fragment(inner, before) and _person_speaks(ctx, ctx.sentences[si], any_verb=True)


def _person_speaks(ctx: Context, sent, *, any_verb: bool = False) -> bool:
    """Some verb of the sentence, outside quotation marks, is a speech cue or an action beat
    whose subject is a person: a personal pronoun, a proper name, or a noun naming a
    person's role ("the senator", "the chief executive")."""
    lex = _lexicon(ctx)
    beats = vocab.words("beats", "verbs")
    people = vocab.person_nouns()
    personal = vocab.words("names", "personal") - {"it"}
    quoted = [(q.start + sent.start, q.end + sent.start) for q in scan(ctx.sentence_text(ctx.sentences.index(sent)))]
    for v in sent.tokens:
        if v.upos != "VERB" or any(a <= v.start < b for a, b in quoted):
            continue
        lemma = v.lemma.lower()
        speech = lex is not None and bool(lex.cue_classes(lemma) & {"speech", "writing"})
        # a beat by its lemma, or by its form less a regular ending (the lemmatiser gives
        # 'shrugge' for 'shrugged')
        low_v = v.text.lower()
        beat = lemma in beats or any(low_v[:-k] in beats for k in (1, 2, 3) if len(low_v) > k + 2)
        if not (speech or beat or any_verb):
            continue
        # the subject of the verb, or of the word it complements ("Trump was quick to add")
        heads = {v.id} | ({v.head} if v.deprel in ("xcomp", "csubj") else set())
        for t in sent.tokens:
            if t.head not in heads or t.deprel not in ("nsubj", "nsubj:pass"):
                continue
            low = t.text.lower()
            named = any(c.head == t.id and c.deprel == "appos" and c.upos == "PROPN" for c in sent.tokens)
            if (t.upos == "PRON" and (low in personal or low in ("i", "we"))) or t.upos == "PROPN" \
                    or (t.upos == "NOUN" and (named or t.lemma.lower() in people or low in people)) \
                    or (t.upos in ("NUM", "PRON") and any(  # "One of them, Paul Okafor, stood up"
                        c.head == t.id and c.deprel in ("appos", "nmod") and c.upos == "PROPN"
                        for c in sent.tokens)):
                return True  # a NOUN with a name in apposition: "A classmate, Jonah Reyes, joined in"
    return False


def _slogan(ctx: Context, a) -> bool:
    """A short quotation that is no person's speech (`Signs read "Fix It First."`, `the
    banner said "Jobs Now"`): its speaker is not a person, and it is a few words written as a
    slogan, every content word capitalised.  Such an attribution speaks for no neighbouring
    quote."""
    sp = ctx.resolved.speaker(a.speaker)
    if a.type == "indirect" or (sp is not None and sp.kind == "person"):
        return False
    words = re.findall(r"[\w’'-]+", ctx.content_text(a))
    content = [w for w in words if w.lower() not in _FUNCTION]
    # a slogan is written as one: every content word capitalised ("Fix It First", "Jobs Now");
    # a company's "no comment" is speech
    return 0 < len(words) <= int(vocab.vocab()["terms"]["max_words"]) and \
        all(w[:1].isupper() for w in content)


def _runs_into_cue(ctx: Context, inner: str, bi: int) -> bool:
    """An unclosed quotation that a cue follows: its closing mark was dropped before the
    cue (`"There was no help for parents, said Kessel, whose ...`), or a stray paragraph
    break cut it and the next paragraph closes it with a cue (`... since his election in.
    ¶ 1988. ...," Viguerie says.`)."""
    m = re.search(r"[,!?]\s+(?:([a-z]+)\s+[A-Z]|(?:[A-Z][\w.'’-]*\s+){1,3}([a-z]+)\b)", inner)
    if m and _has_cue(ctx, m.group(1) or m.group(2)):
        return True
    blocks = ctx.resolved.document.source.blocks
    if bi + 1 < len(blocks):
        nxt = blocks[bi + 1].text
        close = re.search(r"[,.!?][\"”]", nxt)
        if close and nxt.lstrip()[:1] not in ('"', "\u201c") and _has_cue(ctx, nxt[close.end():close.end() + 60]):
            return True
    return False


def _subject_follows(ctx: Context, fe: int, bi: int) -> bool:
    """The words right after the closing mark are a person doing something, the quote's
    speaker (`"You know, it happens, right?" Trump went on`, `"...?" she asked again`)."""
    blocks = ctx.resolved.document.source.blocks
    if ctx.block_of(fe) != bi:
        return False
    j = ctx.sentence_index_at(fe)
    if j is None:
        return False
    personal = vocab.words("names", "personal") - {"it"}
    for k in (j, j + 1):
        if k >= len(ctx.sentences) or ctx.sentences[k].block != ctx.sentences[j].block:
            continue
        sent = ctx.sentences[k]
        toks = [t for t in sent.tokens if t.start >= fe and t.upos != "PUNCT"]
        if not toks or ctx.text[fe:toks[0].start].strip(" \"”'’"):
            continue
        t = toks[0]
        head = next((h for h in sent.tokens if h.id == t.head), None)
        if t.deprel == "nsubj" and head is not None and head.upos == "VERB" and \
                (t.upos == "PROPN" or (t.upos == "PRON" and t.text.lower() in personal)):
            return True
        return False
    return False


def _run_with_cue(ctx: Context, text: str, q, bi: int) -> bool:
    """A quote paragraph next to another quote paragraph whose cue names the speaker, as a
    quote runs across paragraphs (`"..." ¶ "...," Viguerie notes.`), even when extraction
    did not link that cue."""
    if _unquoted(text).strip(" \t\n.,"):
        return False  # the paragraph is not quotation only
    blocks = ctx.resolved.document.source.blocks
    for j in (bi - 1, bi + 1):
        if 0 <= j < len(blocks) and blocks[j].text.lstrip()[:1] in ('"', "\u201c"):
            rest = _unquoted(blocks[j].text)
            if len(rest.split()) <= 8 and _has_cue(ctx, rest) and re.search(r"\b[A-Z]|\b(?:he|she)\b", rest):
                return True
    return False


def _earlier_in_paragraph(ctx: Context, bi: int, start: int, attributed) -> bool:
    """An attributed speaker earlier in the same paragraph: the quote continues what they
    said (`"...," said Sen. Amy Klobuchar (D-Minn.), who sponsored the act. "..."`, or
    `..., said Bruce Turry, who .... (He was not.) "..."`), however the sentences between
    were split."""
    for a in attributed:
        if a.source is None and a.speaker is None:
            continue
        anchor = a.source or a.cue or ctx.hull(a)
        if anchor.end <= start and ctx.block_of(anchor.start) == bi:
            return True
    return False


_CREDIT_LINE = re.compile(r"^[-—–]+\s*[A-Z@][^\n]{1,120}$")
_CREDIT_BRACKET = re.compile(r"^[ \t]*(?:\[\s*[A-Z][^\]\n]{2,120}\]|\(\s*[A-Z][\w.'’ -]{1,60}\)\s*$)")


def _credit_line(ctx: Context, bi: int, inner: str, after: str) -> bool:
    """The quote is credited on a line of its own, as pull quotes, epigraphs and fact-check
    lists do: the speaker's name as the last line inside the quotation (`"... ¶ S.C. Rep.
    Jim Clyburn."`), a dash line right after it (`"..." ¶ - Bernie Sanders.`, `—President
    Obama, tweeting after the speech`, or inline: `"..." —Mayor Elena Ruiz`), or a bracketed
    credit after the closing mark (`"..." [Will Fitzgibbon, Center for Public Integrity]`,
    `"..." (Ruiz)` ending its paragraph)."""
    lines = [ln.strip() for ln in inner.strip().splitlines() if ln.strip()]
    if len(lines) >= 2 and _is_name_line(lines[-1]) and re.search(r"[.!?…][\"'’”]*$", lines[-2]):
        return True
    if _CREDIT_BRACKET.match(after):
        return True
    rest = after.strip()
    if _CREDIT_LINE.match(rest) and len(rest.split()) <= 12:
        return True  # an inline credit: `"..." —Mayor Elena Ruiz`
    if after.strip():
        return False  # the paragraph goes on: not a quotation standing on its own
    blocks = ctx.resolved.document.source.blocks
    if bi + 1 < len(blocks):
        nxt = blocks[bi + 1].text.strip()
        return bool(_CREDIT_LINE.match(nxt)) and len(nxt.split()) <= 15
    return False


def _is_name_line(line: str) -> bool:
    """A short line that names someone: at most a dozen words, opening with a capital, and
    before any comma at most six words ending in a capitalised name, all capitalised but
    up to two title words (`Former NAACP president Ben Jealous.`, `S.C. Rep. Jim Clyburn.`,
    `Dean Baker, Center for Economic and Policy Research.`)."""
    line = line.rstrip("\"'’”").rstrip(".")
    words = line.split()
    if not (1 <= len(words) <= 12) or not line[:1].isupper() or line.endswith(("?", "!")):
        return False
    head = line.split(",", 1)[0].split()
    caps = [w for w in head if w[:1].isupper()]
    return len(caps) >= 2 and len(head) - len(caps) <= 2 and len(head) <= 6 and \
        all(w[:1].isupper() for w in head[-2:])   # ends in a name


_CITATION = re.compile(r"^[\s,]*\((?:[^()]{0,60}\b)?(?:1[89]|20)\d\d\)")


def _citation_after(text: str, end: int) -> bool:
    """A quotation followed by a dated parenthesis is a cited slogan or caption
    (`"Yes to minaret ban" (2009)`), not someone's unattributed words."""
    return bool(_CITATION.match(text[end:end + 80]))


def _introduced(ctx: Context, before: str, block_before: str, bi: int) -> bool:
    """The quote is introduced by a colon lead or a cue verb just before it ("the report
    states: ...", "to state, ..."), or by the previous paragraph ending in a colon."""
    if re.search(r":\s*$", before) or re.search(r":\s*$", block_before):
        return True
    if not block_before.strip() and bi > 0:
        prev = ctx.resolved.document.source.blocks[bi - 1].text
        if re.search(r":\s*$", prev):
            return True
    words = re.findall(r"[A-Za-z]+", before)[-6:]
    lex = _lexicon(ctx)
    if lex is not None:
        for w in words:
            lemma = lex.lemma_of(w)
            if lemma and lex.is_cue_verb(lemma) and lemma not in ("be", "have", "do", "go"):
                return True
    return False


def _has_cue(ctx: Context, text: str) -> bool:
    lex = _lexicon(ctx)
    if lex is None:
        return False
    for w in re.findall(r"[A-Za-z]+", text):
        lemma = lex.lemma_of(w)
        if lemma and lex.is_cue_verb(lemma) and lemma not in vocab.words("quotes", "weak_cues"):
            return True
    return False


def _unquoted(text: str) -> str:
    out, last = [], 0
    for q in scan(text):
        out.append(text[last:q.start])
        last = q.end
    out.append(text[last:])
    return " ".join(out)


def _cue_nearby(ctx: Context, si: int | None, bi: int, block, sl: int | None = None) -> bool:
    """A cue verb outside quotation marks in the quote's sentence or a neighbouring sentence
    of the same paragraph (`"...," said David Gorski`, a continuation quote after
    `Obama said ...`): the speaker is there even when extraction did not link it."""
    if si is None:
        return _has_cue(ctx, _unquoted(block.text))
    sents = ctx.sentences
    last = si if sl is None else max(si, sl)
    for j in range(si - 1, last + 2):
        if 0 <= j < len(sents) and sents[j].block == sents[si].block:
            if _has_cue(ctx, _unquoted(ctx.sentence_text(j))):
                return True
    return False


def _quote_run(text: str, q, ctx: Context, bi: int) -> bool:
    """A paragraph that opens with a quote (or a quote on a line of a paragraph made of quotes)
    inside a run of such paragraphs whose first one is introduced (a cue verb in it, or the paragraph before it ends in a colon or has a
    cue): a block quote or a transcript running on."""
    blocks = ctx.resolved.document.source.blocks
    if text.lstrip()[:1] not in ('"', "\u201c") or _unquoted(text[:q.start]).strip():
        return False  # not at the paragraph's start, nor after quotes only (one quote a line)
    head = bi
    while head > 0 and blocks[head - 1].text.lstrip()[:1] in ('"', "\u201c"):
        head -= 1
    lines = head == bi and len(list(scan(text))) >= 2 and not _unquoted(text).strip()
    if head == bi and not lines and (bi == 0 or not blocks[bi - 1].text.strip().endswith(":")):
        return False  # one quote paragraph: a run needs two, or a colon before it
    if head < bi and _has_cue(ctx, _unquoted(blocks[head].text)):
        return True
    if head > 0:
        prev = blocks[head - 1].text.strip()
        return prev.endswith(":") or _has_cue(ctx, _unquoted(prev))
    return False


def _lexicon(ctx: Context):
    if ctx.lexicon is not None and hasattr(ctx.lexicon, "lemma_of"):
        return ctx.lexicon
    try:
        from ...vocab import load_lexicon

        return load_lexicon()
    except Exception:  # no lexicon: only the colon evidence counts
        return None


def _near_attributed(ctx: Context, si: int, att_sents: set[int], sl: int | None = None) -> bool:
    """An attributed sentence is one of the quote's sentences (``si`` to ``sl``: a quote of
    several sentences) or a neighbour in the same paragraph."""
    sents = ctx.sentences
    last = si if sl is None or sl < si else sl
    for j in range(si - 1, last + 2):
        if 0 <= j < len(sents) and j in att_sents and sents[j].block == sents[si].block:
            return True
    return False


@rule("ATR102", "one-sided", Severity.WARNING, needs={"attributions", "speakers"}, status="preview",
      messages=("accusation by {accuser} against {accused} with no response from {accused} "
                "in the article",))
def one_sided(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags an accusation against a named party ("accused the council of ...",
    "blamed Acme for ...") when the article never gives that party's answer: no
    denial, no statement from the party, no "did not respond to a request for
    comment" or "declined to comment".

    ## Why it matters
    Fairness requires that the accused get a chance to respond, and that the reader
    is told whether they did.  A one-sided accusation is also a legal risk.

    ## Example
    ```text
    The union accused Acme Logistics of firing workers who joined the strike.
    ```

    ## Use instead
    ```text
    The union accused Acme Logistics of firing workers who joined the strike.
    Acme Logistics did not respond to a request for comment.
    ```
    """
    response = vocab.phrase_re("response", "phrases")
    linked_acc = {c.id for d in claims.disputes(ctx) for c in d.claims}  # answered by a rejection
    resp_sents = [i for i, _ in enumerate(ctx.sentences) if response.search(ctx.sentence_text(i))]
    for acc in claims.charges(ctx):
        if acc.id in linked_acc or acc.speaker is None or ctx.in_headline(acc):
            continue  # answered, or nobody identified makes the accusation (vague-attribution's)
        parties = claims.accused_parties(ctx, acc)
        if not parties:
            continue
        accuser = claims.side_key(ctx, acc)
        si = ctx.attr_sentence(acc)
        for name, span in parties:
            if name[:1].islower() or name.split()[0].lower() in ("the", "its", "his", "her", "their"):
                pv = {name.lower(), name.split()[-1].lower()}   # "the police union" -> "union"
            else:
                pv = {name.lower(), *(w.lower() for w in name.split() if len(w) >= 3)}
            if _answered(ctx, acc, accuser, name, pv, si, resp_sents):
                continue
            yield Hit(span.start, span.end,
                      f"accusation by {claims.side_name(ctx, acc)} against {name} with no "
                      f"response from {name} in the article", (acc.id,))
            break  # one finding per accusation


def _source_phrase(ctx: Context, attr) -> str:
    """The source with the names and role nouns right before it ("Chinese Foreign Ministry
    spokesman" + "Lu Wen"): the parser may leave them out of the source, or cut the
    sentence there."""
    roles = vocab.person_nouns()
    base = max(0, attr.source.start - 120)
    before = ctx.text[base:attr.source.start]
    words = list(re.finditer(r"[\w.’'-]+|[^\w\s]", before))
    start = attr.source.start
    for m in reversed(words):
        w = m.group(0)
        if "\n" in before[m.end():start - base] or (w.endswith(".") and len(w) > 4):
            break   # a paragraph or a sentence ends here ("... attack Trump.")
        if not (w[:1].isupper() or w.lower() in roles or w.lower() in ("of", "for", "the")):
            break
        start = base + m.start()
    return ctx.text[start:attr.source.end]


def _answered(ctx, acc, accuser, name, pv, si, resp_sents) -> bool:
    for other in ctx.attributions:
        if other.id == acc.id or claims.side_key(ctx, other) in (None, accuser):
            continue
        ov = claims.variants(ctx, other)
        if name.lower() in ov or (pv & ov):
            return True  # the accused party speaks in the article
        if other.source is not None and other.cue is not None and other.source.start < other.cue.start:
            subject = _source_phrase(ctx, other)
            if mentions(subject, claims.party_variants(ctx, name)):
                return True  # someone speaks for it: "Chinese Foreign Ministry spokesman Lu Kang"
    for j in resp_sents:
        if j in (si, si + 1, si + 2) or mentions(ctx.sentence_text(j), pv) or \
                (j > 0 and mentions(ctx.sentence_text(j - 1), pv) and j - 1 >= si):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _figure_re() -> re.Pattern:
    nouns = "|".join(sorted(vocab.words("unsourced", "figure_nouns"), key=len, reverse=True))
    scales = "|".join(vocab.words("unsourced", "scales"))
    num = r"\d[\d,]*(?:\.\d+)?"
    return re.compile(
        rf"[$€£]\s?{num}(?:\s?(?:{scales}))?"
        rf"|\b{num}\s?(?:percent\b|per cent\b|%)"
        rf"|\b{num}\s+(?:{scales})\b"
        rf"|\b{num}\s+(?:[a-z]+\s+)?(?:{nouns})\b", re.IGNORECASE)


@rule("ATR103", "unsourced-claim", Severity.WARNING, needs={"attributions"}, status="preview",
      messages=('figure stated as fact with no source ("{figure}"): say whose figure it is',))
def unsourced_claim(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags a sentence that states a figure as fact (a percentage, a sum of money, a count
    of people killed, hurt or affected, a number in the millions) when no attribution
    covers it and no source is given in its sentence or the one before.  Dates, ages,
    times and figures inside quoted or attributed words are left alone.

    ## Why it matters
    A figure is the claim readers repeat and fact-checkers test first; with no source
    the reader cannot tell whether it is the reporter's count, an official estimate or a
    guess.

    ## Example
    ```text
    The council met on Tuesday.

    Crime in the city rose 40 percent last year.
    ```

    ## Use instead
    ```text
    Crime in the city rose 40 percent last year, according to police department figures.
    ```
    """
    figure = _figure_re()
    sents = ctx.sentences
    covered: set[int] = set()
    for a in ctx.attributions:
        for sp in (a.source, a.cue, *a.content):
            if sp is None:
                continue
            i = ctx.sentence_index_at(sp.start)
            j = ctx.sentence_index_at(max(sp.end - 1, sp.start))
            if i is not None:
                covered.update(range(i, (j if j is not None else i) + 1))
    documents = vocab.phrase_re("unsourced", "documents")
    for si, s in enumerate(sents):
        if si in covered or si - 1 in covered:
            continue
        text = ctx.sentence_text(si)
        if not re.search(r"[.!?][\"'’”)]*\s*$", text.strip()):
            continue  # a headline, a caption or a list item
        bare = _unquoted(text)
        if _has_cue(ctx, bare) or re.search(r"\baccording to\b", bare, re.I):
            continue  # a source the extractor did not link is still a source
        m = figure.search(bare)
        if m is None:
            continue
        if _sourced_before(ctx, si, covered, documents) or _transcript(ctx, s) or _observed(ctx, s, m):
            continue
        yield Hit(s.start, s.end, f'figure stated as fact with no source ("{m.group(0).strip()}"): '
                                  "say whose figure it is")


def _sourced_before(ctx: Context, si: int, covered: set[int], documents: re.Pattern) -> bool:
    """A source for the sentence's figures given earlier: a document named in the sentence, the
    one before (`In a Quinnipiac poll released Monday, 50 percent ...`) or earlier in the same
    paragraph, whose figures the paragraph goes on giving (`The poll surveyed 1,000 adults.
    ... Rubio is at 9 percent.`).  A speaker earlier in the paragraph is no source for the
    reporter's later figures (measured on the annotated train articles: it hid real ones)."""
    sents = ctx.sentences
    if documents.search(_unquoted(ctx.sentence_text(si))) or \
            (si > 0 and documents.search(_unquoted(ctx.sentence_text(si - 1)))):
        return True
    j = si - 1
    while j >= 0 and sents[j].block == sents[si].block:
        if documents.search(_unquoted(ctx.sentence_text(j))):
            return True
        j -= 1
    return False


def _transcript(ctx: Context, sent) -> bool:
    """A sentence of an interview transcript (`Q: ...`, `A: ...`, `PENCE: ...`): the speaker's
    own words, not the reporter's claim."""
    bi = ctx.block_of(sent.start)
    if bi is None:
        return False
    return bool(re.match(r"^\s*(?:Q|A|[A-Z][A-Z .'’-]{1,30}):\s", ctx.resolved.document.source.blocks[bi].text))


def _observed(ctx: Context, sent, m: re.Match) -> bool:
    """A count of people at an event the reporter saw (`about 200 people attended the rally`,
    `a rally that drew about 100 people`): the guide's 'reporter's own observation'."""
    if re.match(r"[$€£]|.*(?:percent|per cent|%)", m.group(0), re.I):
        return False
    observed = vocab.words("unsourced", "observed")
    return any(t.upos == "VERB" and t.lemma.lower() in observed for t in sent.tokens)
