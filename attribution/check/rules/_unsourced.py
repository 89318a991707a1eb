"""What `unsourced-claim` (ATR103) reads around a sentence's claims (found in `_figures`): the
sources that cover them (an attribution, a cue verb, a document named nearby)."""
from __future__ import annotations

import re
from typing import NamedTuple

from .. import vocab
from ..context import Context
from ...resolve.quote_text import lexicon_of
from ._figures import _quoted, _statistic_re, allegation, figure, figures, hypothetical, observed, presupposed, result
from ._levels import addressed, background, claimed, market_quote, official_statistic, parameter
from ._voice import _first_person, _hedged, _imperative, _named_speaker, _not_prose, _quoted_on, _speaker_own, own_note

# the cue classes (attribution/data/cues.toml) of verbs that give a figure's source
_SOURCE_CLASSES = frozenset(("speech", "writing", "loaded", "accuse", "deny", "warn"))


class Claim(NamedTuple):
    kind: str       # "figure" or "allegation"
    words: str      # the figure or the wrongdoing verb, as the message shows it


def cue_in(ctx: Context, si: int) -> bool:
    """A source in the sentence that extraction may not have linked: `according to`, or a verb
    of saying or writing with its source as subject or agent, outside quotation marks (`As the
    Times noted, ...`, `new fundraising reports show`).  Verbs of thinking and wanting (`could
    decide`) and agentless passives (`after the result was announced`) name no source."""
    sent = ctx.sentences[si]
    if re.search(r"\baccording to\b", ctx.unquoted_sentence(si), re.I):
        return True
    lex = lexicon_of(ctx)
    if lex is None:
        return False
    weak = vocab.words("quotes", "weak_cues")
    quoted = _quoted(ctx, si)
    toks = sent.tokens
    for t in toks:
        if t.upos != "VERB" or t.lemma.lower() in weak or any(s <= t.start < e for s, e in quoted):
            continue
        prt = next((k.text.lower() for k in toks if k.head == t.id and k.deprel == "compound:prt"), None)
        classes = lex.cue_classes(f"{t.lemma} {prt}") if prt else frozenset()   # "points out"
        if not (classes or lex.cue_classes(t.lemma)) & _SOURCE_CLASSES:
            continue
        # a source as subject or agent; not a relative pronoun ("groups that signed them up")
        if any(k.head == t.id and k.deprel in ("nsubj", "obl:agent") and "PronType=Rel" not in k.feats
               for k in toks):
            return True
        if _controlled(toks, t):
            return True     # "Obama held a briefing to brag that the rate has fallen below 5 percent"
    return False


def _controlled(toks, verb) -> bool:
    """The cue verb is an infinitive of purpose (`held a briefing to brag that ...`, `called a
    news conference to announce that ...`) whose understood subject is the governing verb's
    own subject, a source (not a relative pronoun).  Not a complement of seeming (`Investors
    seem to agree: ...`)."""
    if verb.deprel.split(":")[0] != "advcl" or not any(
            k.head == verb.id and k.deprel == "mark" and k.lemma.lower() == "to" for k in toks):
        return False
    return any(k.head == verb.head and k.deprel == "nsubj" and "PronType=Rel" not in k.feats for k in toks)


def document_in(ctx: Context, si: int, documents: re.Pattern, back_reference: bool = False) -> bool:
    """A document named as a noun outside quotation marks (`the poll`, `fundraising reports`;
    not the verb in `must report that spending`).  With ``back_reference``, only one that is
    the sentence's subject with `the` or `this`, describing a document already given (`The
    survey was conducted for AP by ...`, `The poll has a margin of error of ...`)."""
    sent = ctx.sentences[si]
    text = ctx.sentence_text(si)
    quoted = _quoted(ctx, si)
    for m in documents.finditer(text):
        end = sent.start + m.end()
        if any(s <= end - 1 < e for s, e in quoted):
            continue
        tok = next((t for t in sent.tokens if t.start < end <= t.end), None)
        if tok is not None and not (_source_role(sent.tokens, tok) or _named_document(sent.tokens, tok)):
            continue    # "criticized for their records on human rights" names no document
        if back_reference:
            if tok is not None and tok.deprel.split(":")[0] == "nsubj" and any(
                    k.head == tok.id and k.deprel == "det" and k.lemma.lower() in ("the", "this")
                    for k in sent.tokens):
                return True
        elif tok is None or tok.upos in ("NOUN", "PROPN") or tok.deprel.split(":")[0] in ("nsubj", "compound"):
            return True     # ("Exit polling shows ...": a document the parse tags as a verb)
    return False


def _source_role(toks, tok) -> bool:
    """The document noun stands where a source stands: a subject (`the survey found`, `reports
    show`), `according to`, `in`, `from` or `by` a document, or a modifier (`the poll's
    results`).  A hand-built parse (relation `dep`) is taken as it reads."""
    rel = tok.deprel.split(":")[0]
    if rel in ("nsubj", "dep", "compound", "root") or tok.deprel == "nmod:poss":
        return True
    if rel in ("obl", "nmod", "conj", "appos"):
        return any(k.head == tok.id and k.deprel in ("case", "mark") and
                   (k.text.lower() in ("in", "from", "by", "to", "of") or k.text.lower() == "according" or
                    (k.text.lower() == "as" and any(f.head == k.id and f.text.lower() == "of" for f in toks)))
                   for k in toks)     # ... "as of the last fundraising report"
    return False


def _named_document(toks, tok) -> bool:
    """A document with its maker's name, or in a phrase headed by one (`topped a BVA poll`,
    `the Quinnipiac survey`, `the RealClearPolitics average of state polls`): a named source
    wherever it stands in the sentence."""
    if tok.upos != "NOUN":
        return False
    head = next((k for k in toks if k.id == tok.head and k.upos == "NOUN"), None) \
        if tok.deprel.split(":")[0] == "nmod" else None
    return any(k.head in (tok.id, head.id if head is not None else tok.id) and
               (k.upos == "PROPN" or (len(k.text) > 1 and k.text.isupper())) and   # "a BVA poll"
               k.deprel.split(":")[0] in ("compound", "amod", "nmod") for k in toks)


# how many paragraphs away a document may source a run of figures (every paragraph between giving
# figures: a data story's lede, four paragraphs of its figures, then the peak year's)
_RUN_PARAGRAPHS = 5


def sourced_nearby(ctx: Context, si: int, documents: re.Pattern) -> bool:
    """A document that sources the sentence's figures: named in the sentence; earlier in its
    paragraph (`The county survey reached 1,200 households. ... Rents rose 18 percent.`); as
    the source of the next sentence in the paragraph, the wire's order (`The PAC raised about
    $58 million. More than 40 percent of that money arrived in February, new fundraising
    reports show.`); or in a paragraph up to five before or after when every paragraph in
    between goes on giving figures (`According to a new poll, Trump has 48%. // Cruz sits at
    16%.`; an exit poll's figures followed by `The survey was conducted for AP by ...`: after
    the sentence, only a document the copy refers back to as its subject).  A
    paragraph in between with no figure (the copy moved on), or a headline or section line,
    ends the search.  A speaker elsewhere is no source for the reporter's figures (measured on
    the annotated train articles: it hid real ones)."""
    sents = ctx.sentences
    if document_in(ctx, si, documents):
        return True
    j = si + 1
    next_in_par = j < len(sents) and sents[j].block == sents[si].block
    if next_in_par and document_in(ctx, j, documents) \
            and cue_in(ctx, j) and (_statistic_re().search(ctx.unquoted_sentence(j)) or
                                    re.match(r"\W*according to\b", ctx.unquoted_sentence(j), re.I)):
        return True     # ... and not a survey of something else (`A recent survey found that ...`);
        # a sentence opening `According to a 2013 study by ...` goes on from the one before
    if next_in_par and _refers_back(sents[j]) and any(
            a.source is not None and sents[j].start <= a.source.start < sents[j].end and
            _named_speaker(ctx, a) is not None for a in ctx.attributions):
        return True     # "... $62,000 in donations. Much of that money came from ..., campaign records show."
    if _poll_story(ctx) and _poll_figure(ctx, si):
        return True     # a story about a poll: its shares of voters and margins are the poll's
    return _run(ctx, si, documents, -1) or _run(ctx, si, documents, +1) or _according_run(ctx, si) \
        or _speaker_run(ctx, si)


def _speaker_run(ctx: Context, si: int) -> bool:
    """A named speaker's figures earlier in the paragraph or in the paragraph before, the
    copy giving a figure in every sentence since (`Deficits will exceed 3 percent of output
    after 2018, the budget office said. // The deficit last year was 2.5 percent of GDP.`):
    the speaker's figures, run on.  The speaker must be identified (a person or an
    organisation, not an anonymous one) and the attributed words must hold a figure."""
    sents = ctx.sentences
    block = sents[si].block
    lo = next((j for j in range(si, -1, -1) if sents[j].block < block - 1), -1) + 1
    for j in range(si - 1, lo - 1, -1):
        text = ctx.unquoted_sentence(j)
        if figure(text) is None and not any(
                a.source is not None and sents[j].start <= a.source.start < sents[j].end
                for a in ctx.attributions):
            return False        # the copy moved on
        for a in ctx.attributions:
            if a.source is None or not sents[j].start <= a.content_hull.start < sents[j].end + 1 and \
                    not sents[j].start <= a.source.start < sents[j].end:
                continue
            if _named_speaker(ctx, a) is None:
                continue
            if figure(ctx.content_text(a)) is not None:
                return True
    return False


def _refers_back(sent) -> bool:
    """A demonstrative before a noun in the subject (`Much of that money came from ...`, `Those
    donations were ...`; not `this year`, `along these lines`): the sentence goes on about the
    figures of the one before."""
    by_id = {t.id: t for t in sent.tokens}

    def in_subject(t) -> bool:      # the noun is, or stands in, the subject ("Much of that money")
        seen = set()
        while t is not None and t.id not in seen:
            seen.add(t.id)
            if t.deprel.split(":")[0] == "nsubj":
                return True
            if t.upos in ("VERB", "AUX") or t.deprel == "root":
                return False
            t = by_id.get(t.head)
        return False
    return any(t.deprel == "det" and t.lemma.lower() in ("that", "those", "these", "this") and
               by_id.get(t.head) is not None and by_id[t.head].upos == "NOUN" and in_subject(by_id[t.head])
               for t in sent.tokens)


# how many paragraphs of the body (after the headline) may name the poll a story is about
_POLL_LEAD = 3


def _poll_figure(ctx: Context, si: int) -> bool:
    """A margin in points, or a share beside a group a poll measures and a word of what it
    asks (`Almost 25 percent of Democratic voters are not familiar with Sanders`, `leads among
    younger Republicans, at 26%`; not `90 percent of registered voters there are white`)."""
    text = ctx.unquoted_sentence(si)
    if re.search(r"\bpoints?\b", text, re.I):
        return True
    answers = vocab.words("unsourced", "poll_answers")
    return re.search(r"%|\bper\s?cent\b", text, re.I) is not None and \
        vocab.phrase_re("unsourced", "poll_groups").search(text) is not None and \
        any(t.lemma.lower() in answers for t in ctx.sentences[si].tokens)


def _poll_story(ctx: Context) -> bool:
    """The story is about a poll or survey: its headline or one of its first paragraphs names
    it with a verb of saying or finding (`A new USA TODAY/Rock the Vote poll finds ...`,
    `..., a Quinnipiac survey shows`, a headline `..., poll finds`): its shares and margins
    further down are the document's, named at the top."""
    polls = vocab.phrase_re("unsourced", "poll_documents")

    def find() -> bool:
        sents = ctx.sentences
        first = 1 if ctx.headline_block() == 0 else 0
        for j, s in enumerate(sents):     # the headline too ("..., poll finds")
            if s.block >= first + _POLL_LEAD:
                break
            if document_in(ctx, j, polls) and (cue_in(ctx, j) or re.search(
                    r"\baccording to\b", ctx.unquoted_sentence(j), re.I)):
                return True
        return False
    return ctx.memo("unsourced_poll_story", ctx.resolved, find)


def _according_run(ctx: Context, si: int) -> bool:
    """`According to X` earlier in the paragraph, or up to five paragraphs before, when every
    sentence since gives a figure (`Trump has posted 5,000 times, according to CrowdTangle.
    Trump has generated 85 million interactions. Sanders comes in at 34.6 million.`;
    `Clinton has spent $77 million, according to Kantar Media. // Trump has spent about $5
    million. // Clinton has reserved about $9.2 million this week.`): X's figures, run on."""
    sents = ctx.sentences
    blocks = ctx.resolved.document.source.blocks
    j = si - 1
    while j >= 0 and sents[si].block - sents[j].block <= _RUN_PARAGRAPHS:
        if sents[j].block != sents[j + 1].block and _unended(blocks, sents[j].block):
            return False        # a headline or a section line
        text = ctx.unquoted_sentence(j)
        same = sents[j].block == sents[si].block
        if figure(text) is None and not (same and _statistic_re().search(text)):
            return False        # (`5,000 times` is a number, if not a figure by itself; in
            # another paragraph only a figure carries the run)
        if re.search(r"\baccording to\b", text, re.I):
            return True
        j -= 1
    return False


def _unended(blocks, bi: int) -> bool:
    """Block ``bi`` ends with no sentence punctuation: a headline or a section line."""
    return 0 <= bi < len(blocks) and not re.search(r"[.!?][\"'’”)]*\s*$", blocks[bi].text.strip())


def _run(ctx: Context, si: int, documents: re.Pattern, step: int) -> bool:
    """A document named in the run of figures around the sentence, walking back (step -1,
    from the start of the paragraph) or forward (step +1, from the next paragraph)."""
    sents = ctx.sentences
    blocks = ctx.resolved.document.source.blocks
    walking, crossed, with_figure = sents[si].block, 0, True
    j = si + step
    while 0 <= j < len(sents):
        if sents[j].block != walking:
            if not with_figure:
                return False      # a paragraph in between gives no figure
            crossed += 1
            walking, with_figure = sents[j].block, False
            if crossed > _RUN_PARAGRAPHS or _unended(blocks, walking):
                return False      # too far, or a headline or a section line
        if step < 0 and document_in(ctx, j, documents):
            return True
        if step > 0 and walking != sents[si].block and document_in(ctx, j, documents, back_reference=True):
            return True
        with_figure = with_figure or figure(ctx.unquoted_sentence(j)) is not None
        j += step
    return False


def repeated_with_source(ctx: Context, si: int, fig: str, covered: set[int], documents: re.Pattern) -> bool:
    """The next sentence, in the paragraph or opening the next one, gives the same number with
    its source (an attribution, a verb of saying with its subject, a document named): `The
    county spent $4.2 million on overtime last year. // The $4.2 million figure comes from an
    audit released Tuesday by the state comptroller.`  The lede states what the next sentence
    sources, the wire's order."""
    sents = ctx.sentences
    j = si + 1
    if not re.search(r"\d", fig) or j >= len(sents) or sents[j].block - sents[si].block > 1:
        return False
    same = r"\s*".join(re.escape(w) for w in fig.split())     # the figure with its unit, not the number alone
    if not re.search(rf"(?<![\d.,]){same}(?![\d]|[.,]\d)", ctx.sentence_text(j), re.I):
        return False
    return j in covered or cue_in(ctx, j) or document_in(ctx, j, documents)


def covered_sentences(ctx: Context) -> set[int]:
    """The sentences an attribution's source, cue or content touches (an attribution with a
    source or a cue: quoted words alone are nobody's)."""
    covered: set[int] = set()
    for a in ctx.attributions:
        if a.source is None and a.cue is None:
            continue    # words in quotation marks with no speaker and no cue (a book's title) source nothing
        for sp in (a.source, a.cue, *a.content):
            if sp is None:
                continue
            i = ctx.sentence_index_at(sp.start)
            j = ctx.sentence_index_at(max(sp.end - 1, sp.start))
            if i is not None:
                covered.update(range(i, (j if j is not None else i) + 1))
    return covered


def claims(ctx: Context):
    """(sentence index, Claim) for every sentence stating a figure or an allegation as fact
    with no source in it or in the sentence before."""
    sents = ctx.sentences
    covered = covered_sentences(ctx)
    documents = vocab.phrase_re("unsourced", "documents")
    for si, s in enumerate(sents):
        if si in covered or si - 1 in covered and not own_note(ctx, si):
            continue   # (an editor's note after the story's last quote is the publication's own)
        text = ctx.sentence_text(si).strip()
        if not re.search(r"[.!][\"'’”)]*$", text) or len(re.findall(r"\w+", text)) < 4 \
                or _not_prose(ctx, s):
            continue  # a headline, a caption, a list item, a question, a fragment (`$50 million.`)
        if cue_in(ctx, si) or (si > 0 and cue_in(ctx, si - 1) and not own_note(ctx, si)):
            continue  # a source the extractor did not link is still a source
        if ctx.transcript(s.start) or _quoted_on(ctx, s):
            continue
        if _hedged(ctx, si):
            continue  # "is reportedly spending $1.5 million": a hidden source, vague-attribution's finding
        if _first_person(s) or _imperative(s) or _speaker_own(ctx, si):
            continue  # the writer's own account (`I had to pay a $30,000 fine.`)
        bare = ctx.unquoted_sentence(si)
        figs = figures(bare)
        if figs:
            # the first figure that is a claim of fact (not a count the reporter saw, a result, a
            # condition or a level a rule sets), unless a document nearby sources them all
            fig = next((f for f in figs if not (observed(s, f) or result(ctx, si, bare, f)
                                                 or hypothetical(ctx, si, f) or parameter(ctx, si, f)
                                                 or background(ctx, si, f) or presupposed(ctx, si, f)
                                                 or market_quote(bare, f) or official_statistic(ctx, si, f)
                                                 or addressed(ctx, si, f) or claimed(ctx, si, f))),
                       None)
            if fig is not None:
                if not (sourced_nearby(ctx, si, documents) or repeated_with_source(ctx, si, fig, covered, documents)):
                    yield si, Claim("figure", fig)
                continue
        verb = allegation(ctx, si)
        if verb is not None:
            yield si, Claim("allegation", verb)
