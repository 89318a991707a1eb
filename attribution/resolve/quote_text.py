"""The text around a quotation, for deciding whether its speaker is given
(:mod:`.unattributed`): terms and fragments, cue words near it, credit lines, citations and
slogans.  Read through a :class:`~.view.ResolvedView` (extract's quotations, never a rescan).
"""
from __future__ import annotations

import re

from ..model import AttributionType, SpeakerKind
from ..vocab import load_lexicon, load_rule_words, rule_words
from .view import ResolvedView

_SENT_END = re.compile(r"[.!?…][\"'’”)\]]*\s*$")
# a transcript's speaker label ("PENCE: ...", "Q: ..."): the speaker is given, as in a script
SPEAKER_LABEL = r"[A-Z][A-Z .'’-]{1,30}:"
_FUNCTION = frozenset("a an the of and or in on at to for with from by is are was were be".split())


def is_term(inner: str, before: str, after: str) -> bool:
    """A scare quote, title, nickname or a short phrase used as a term, not a quotation.

    ``before``/``after`` is the text of the sentence on either side of the quote.
    """
    words = inner.split()
    if not words:
        return True
    max_words = int(load_rule_words()["terms"]["max_words"])
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


def is_fragment(inner: str, before: str) -> bool:
    """Quoted words that are not a floating sentence: not sentence-like, or embedded in the
    reporter's own sentence (words before them, and no colon introducing them)."""
    sentence_like = bool(_SENT_END.search(inner.strip().rstrip('"”\'’')) or _SENT_END.search(inner))
    embedded = bool(re.search(r"\w", before)) and not re.search(r":\s*$", before)
    return not sentence_like or embedded


def _slogan(ctx: ResolvedView, a) -> bool:
    """A short quotation that is no person's speech (`Signs read "Fix It First."`, `the
    banner said "Jobs Now"`): its speaker is not a person, and it is a few words written as a
    slogan, every content word capitalised.  Such an attribution speaks for no neighbouring
    quote."""
    sp = ctx.resolved.speaker(a.speaker)
    if a.type == AttributionType.INDIRECT or (sp is not None and sp.kind == SpeakerKind.PERSON):
        return False
    words = re.findall(r"[\w’'-]+", ctx.content_text(a))
    content = [w for w in words if w.lower() not in _FUNCTION]
    # a slogan is written as one: every content word capitalised ("Fix It First", "Jobs Now");
    # a company's "no comment" is speech
    return 0 < len(words) <= int(load_rule_words()["terms"]["max_words"]) and \
        all(w[:1].isupper() for w in content)


def _runs_into_cue(ctx: ResolvedView, inner: str, bi: int) -> bool:
    """An unclosed quotation that a cue follows: its closing mark was dropped before the
    cue (`"There was no help for parents, said Kessel, whose ...`), or a stray paragraph
    break cut it and the next paragraph closes it with a cue (`... since his election in.
    ¶ 1988. ...," Viguerie says.`)."""
    m = re.search(r"[,!?]\s+(?:([a-z]+)\s+[A-Z]|(?:[A-Z][\w.'’-]*\s+){1,3}([a-z]+)\b)", inner)
    if m and has_cue(ctx, m.group(1) or m.group(2)):
        return True
    blocks = ctx.resolved.document.source.blocks
    if bi + 1 < len(blocks):
        nxt = blocks[bi + 1].text
        close = re.search(r"[,.!?][\"”]", nxt)
        if close and nxt.lstrip()[:1] not in ('"', "\u201c") and has_cue(ctx, nxt[close.end():close.end() + 60]):
            return True
    return False


def _run_with_cue(ctx: ResolvedView, text: str, q, bi: int) -> bool:
    """A quote paragraph next to another quote paragraph whose cue names the speaker, as a
    quote runs across paragraphs (`"..." ¶ "...," Viguerie notes.`), even when extraction
    did not link that cue."""
    if ctx.unquoted(bi).strip(" \t\n.,"):
        return False  # the paragraph is not quotation only
    blocks = ctx.resolved.document.source.blocks
    for j in (bi - 1, bi + 1):
        if 0 <= j < len(blocks) and blocks[j].text.lstrip()[:1] in ('"', "\u201c"):
            rest = ctx.unquoted(j)
            if len(rest.split()) <= 8 and has_cue(ctx, rest) and re.search(r"\b[A-Z]|\b(?:he|she)\b", rest):
                return True
    return False


_CREDIT_LINE = re.compile(r"^[-—–]+\s*[A-Z@][^\n]{1,120}$")
_CREDIT_BRACKET = re.compile(r"^[^\S\n]*(?:\[\s*[A-Z][^\]\n]{2,120}\]|\(\s*[A-Z][\w.'’ -]{1,60}\)\s*$)")


def _credit_line(ctx: ResolvedView, bi: int, inner: str, after: str) -> bool:
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
    paren = re.match(r"^[^\S\n]*\(([^()\n]{3,100})\)\s*$", after)
    if paren and _is_name_line(paren.group(1).strip()):
        return True  # `"We will appeal." (Defense attorney Marcus Greene, outside the courthouse.)`
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


def _introduced(ctx: ResolvedView, before: str, block_before: str, bi: int) -> bool:
    """The quote is introduced by a colon lead or a cue verb just before it ("the report
    states: ...", "to state, ..."), or by the previous paragraph ending in a colon."""
    if re.search(r":\s*$", before) or re.search(r":\s*$", block_before):
        return True
    if not block_before.strip() and bi > 0:
        prev = ctx.resolved.document.source.blocks[bi - 1].text
        if re.search(r":\s*$", prev):
            return True
    words = re.findall(r"[A-Za-z]+", before)[-6:]
    lex = lexicon_of(ctx)
    if lex is not None:
        for w in words:
            lemma = lex.lemma_of(w)
            if lemma and lex.is_cue_verb(lemma) and lemma not in ("be", "have", "do", "go"):
                return True
    return False


def has_cue(ctx: ResolvedView, text: str, *, spoken: bool = False) -> bool:
    """A cue verb in ``text`` (not a weak one); ``spoken``: one of speech, writing or any class
    but belief alone ('plans', 'expects' give no speaker for a quotation beside them)."""
    lex = lexicon_of(ctx)
    if lex is None:
        return False
    for w in re.findall(r"[A-Za-z]+", text):
        lemma = lex.lemma_of(w)
        if lemma and lex.is_cue_verb(lemma) and lemma not in rule_words("quotes", "weak_cues") and \
                not (spoken and lex.cue_classes(lemma) <= {"cognition"}):
            return True
    return False


def _sentence_has_cue(ctx: ResolvedView, j: int, own: tuple[int, int] | None = None,
                      neighbour: bool = False) -> bool:
    """A cue word outside the quotations of sentence ``j``, unless the sentence is a verbless
    lead-in question (`The reason? "..."`: 'reason' is no verb there).  ``own``: the file span of
    the quotation being judged when it is closed with no other quotation mark inside it, so that
    its later sentences are its own words (`"Nobody answered. I called four times."`: 'called'
    is no cue outside it); the view otherwise reads a quotation's later sentences as outside.
    ``neighbour``: a sentence beside the quotation, where a cue of belief alone ('The state plans
    to add a lane.') gives no speaker."""
    text = ctx.unquoted_sentence(j)
    spoken = own is None and neighbour
    if own is not None:
        s = ctx.sentences[j]
        a, b = max(own[0], s.start), min(own[1], s.end)
        if a < b:
            pieces = sorted([(q.start - s.start, q.end - s.start) for q in ctx.sentence_quotes(j)] +
                            [(a - s.start, b - s.start)])
            merged: list[list[int]] = []
            for x, y in pieces:
                if merged and x <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], y)
                else:
                    merged.append([x, y])
            text = " ".join(ctx.sentence_text(j)[x:y] for x, y in
                            zip([0] + [m[1] for m in merged], [m[0] for m in merged] + [s.end - s.start]))
    if text.rstrip(" \t\n\"'’”").endswith("?") and not any(t.upos in ("VERB", "AUX") for t in ctx.sentences[j].tokens):
        return False
    if not spoken:
        return has_cue(ctx, text)
    # beside the quotation: a cue of speech, not of belief alone, and not an infinitive ('The
    # state plans to add a lane': 'add' is no one's speech there)
    lex = lexicon_of(ctx)
    toks = ctx.sentences[j].tokens
    quoted = [(q.start, q.end) for q in ctx.sentence_quotes(j)]
    for t in toks:
        if any(a <= t.start < b for a, b in quoted) or t.upos in ("NOUN", "PROPN", "ADJ") or \
                not has_cue(ctx, t.text, spoken=True):
            continue   # ('the state budget': 'state' is no verb there)
        kids = [c for c in toks if c.head == t.id]
        if lex is not None and any(c.deprel == "mark" and c.text.lower() == "to" for c in kids) and \
                not any(c.deprel.startswith("nsubj") for c in kids):
            continue
        return True
    return False


def _cue_nearby(ctx: ResolvedView, si: int | None, bi: int, block, sl: int | None = None,
                own: tuple[int, int] | None = None) -> bool:
    """A cue verb outside quotation marks in the quote's sentence or a neighbouring sentence
    of the same paragraph (`"...," said David Gorski`, a continuation quote after
    `Obama said ...`): the speaker is there even when extraction did not link it."""
    if si is None:
        return has_cue(ctx, ctx.unquoted(bi))
    sents = ctx.sentences
    last = si if sl is None else max(si, sl)
    for j in range(si - 1, last + 2):
        if 0 <= j < len(sents) and sents[j].block == sents[si].block:
            if _sentence_has_cue(ctx, j, own if si <= j <= last else None, not si <= j <= last) and \
                    not (j > last and _answers(ctx, j)):
                return True
    return False


def _quote_run(text: str, q, ctx: ResolvedView, bi: int) -> bool:
    """A paragraph that opens with a quote (or a quote on a line of a paragraph made of quotes)
    inside a run of such paragraphs whose first one is introduced (a cue verb in it, or the paragraph before it ends in a colon or has a
    cue): a block quote or a transcript running on."""
    blocks = ctx.resolved.document.source.blocks
    if text.lstrip()[:1] not in ('"', "\u201c") or ctx.unquoted(bi, q.start).strip():
        return False  # not at the paragraph's start, nor after quotes only (one quote a line)
    head = bi
    while head > 0 and blocks[head - 1].text.lstrip()[:1] in ('"', "\u201c"):
        head -= 1
    lines = head == bi and len(ctx.block_quotes(bi)) >= 2 and not ctx.unquoted(bi).strip()
    if head == bi and not lines and (bi == 0 or not blocks[bi - 1].text.strip().endswith(":")):
        return False  # one quote paragraph: a run needs two, or a colon before it
    if head < bi and has_cue(ctx, ctx.unquoted(head)):
        return True
    if head > 0:
        prev = blocks[head - 1].text.strip()
        return prev.endswith(":") or has_cue(ctx, ctx.unquoted(head - 1))
    return False


def _answers(ctx: ResolvedView, j: int) -> bool:
    """Sentence ``j``, right after a quotation, answers it: its main verb is one of a reply or a
    rejection (`"..." ¶ Mayor Elena Ruiz disagreed, saying ...`, `The developer responded that
    ...`), so its subject is not the quote's speaker ([beats] answers)."""
    answers = rule_words("beats", "answers")
    toks = ctx.sentences[j].tokens
    for t in toks:
        if t.deprel != "root" or t.upos not in ("VERB", "NOUN", "ADJ"):
            continue
        nxt = toks[t.id].text.lower() if t.id < len(toks) else ""
        return t.lemma.lower() in answers or f"{t.lemma.lower()} {nxt}" in answers or \
            t.text.lower() in answers
    return False


def lexicon_of(ctx: ResolvedView):
    """The cue lexicon the view was given, else the default one (None when it cannot be read)."""
    if ctx.lexicon is not None and hasattr(ctx.lexicon, "lemma_of"):
        return ctx.lexicon
    try:
        return load_lexicon()
    except Exception:  # no lexicon: only the colon evidence counts
        return None
