"""What `unsourced-claim` (ATR103) reads in a sentence: its figures and allegations, and the
sources that cover them (an attribution, a cue verb, a document named nearby)."""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .. import vocab
from ..context import Context, is_headline
from ._quote_text import _lexicon

# the auxiliaries that make a wrongdoing verb hypothetical, not stated as fact
_MODALS = frozenset(("would", "could", "may", "might", "should", "will", "can", "must", "shall"))
# the cue classes (attribution/data/cues.toml) of verbs that give a figure's source
_SOURCE_CLASSES = frozenset(("speech", "writing", "loaded", "accuse", "deny", "warn"))


class Claim(NamedTuple):
    kind: str       # "figure" or "allegation"
    words: str      # the figure or the wrongdoing verb, as the message shows it


@functools.lru_cache(maxsize=1)
def figure_re() -> re.Pattern:
    nouns = "|".join(sorted(vocab.words("unsourced", "figure_nouns"), key=len, reverse=True))
    scales = "|".join(vocab.words("unsourced", "scales"))
    fractions = "|".join(r"\s+".join(map(re.escape, f.split())) for f in
                         sorted(vocab.words("unsourced", "fractions"), key=len, reverse=True))
    units = "|".join(r"\s+".join(u.split()) for u in
                     sorted(vocab.words("unsourced", "units"), key=len, reverse=True))
    spelled = "|".join(sorted(vocab.words("unsourced", "numbers"), key=len, reverse=True))
    num = r"\d[\d,]*(?:\.\d+)?"
    any_num = rf"(?:{num}|(?:{spelled})\b)"
    return re.compile(
        rf"[$€£]\s?{num}(?:\s?(?:{scales}))?"
        rf"|\b{any_num}\s?(?:percent\b|per cent\b|%)"
        rf"|\b{any_num}\s+(?:{scales})\b"
        rf"|\b{any_num}\s+(?:{units})\b"
        rf"|\b(?:\d|{spelled})\s+in\s+(?:10|ten|\d|three|four|five)\b"
        rf"|\b(?:{fractions})\b"
        rf"|\b{num}\s+(?:[a-z]+\s+)?(?:{nouns})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _statistic_re() -> re.Pattern:
    return re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?")   # a year is no statistic


def figure(bare: str) -> str | None:
    """The sentence's figure (outside quotation marks): a sum of money, a percentage, a number
    with a unit, a scale or a figure noun, or any number in a statistic (`the average wait
    was five hours`)."""
    m = figure_re().search(bare)
    if m is not None:
        return m.group(0).strip()
    if vocab.phrase_re("unsourced", "statistics").search(bare):
        n = _statistic_re().search(bare)
        if n is not None:
            return n.group(0)
    return None


def _quoted(ctx: Context, si: int) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in ctx.sentence_quotes(si)]


def allegation(ctx: Context, si: int) -> str | None:
    """A verb of specific wrongdoing stated as fact by the reporter: finite (`tortured`), or a
    perfect (`has embezzled`), with a subject, or a passive with its agent (`were tortured
    by police`); not negated, not under a modal (`could have rigged`), not in a question, not in
    quotation marks, not in an `if`/`whether` clause."""
    wrong = vocab.words("unsourced", "wrongdoing")
    toks = ctx.sentences[si].tokens
    quoted = _quoted(ctx, si)
    for t in toks:
        if t.upos != "VERB" or t.lemma.lower() not in wrong:
            continue
        if any(s <= t.start < e for s, e in quoted):
            continue
        kids = [k for k in toks if k.head == t.id]
        rels = {k.deprel for k in kids}
        words = {k.text.lower() for k in kids}
        if words & _MODALS or words & {"not", "never", "n't"} or \
                any(k.deprel == "mark" and k.lemma.lower() in ("if", "whether") for k in kids):
            continue
        finite = "VerbForm=Fin" in t.feats
        perfect = "VerbForm=Part" in t.feats and any(k.lemma.lower() == "have" and k.deprel == "aux"
                                                     for k in kids)
        passive_with_agent = "aux:pass" in rels and "obl:agent" in rels
        if ((finite or perfect) and "nsubj" in rels) or passive_with_agent:
            return t.text
        if t.deprel == "conj" and (finite or perfect):   # "beat demonstrators and tortured them"
            head = next((h for h in toks if h.id == t.head), None)
            if head is not None and any(k.head == head.id and k.deprel == "nsubj" for k in toks):
                return t.text
    return None


def cue_in(ctx: Context, si: int) -> bool:
    """A source in the sentence that extraction may not have linked: `according to`, or a verb
    of saying or writing with its source as subject or agent, outside quotation marks (`As the
    Times noted, ...`, `new fundraising reports show`).  Verbs of thinking and wanting (`could
    decide`) and agentless passives (`after the result was announced`) name no source."""
    sent = ctx.sentences[si]
    if re.search(r"\baccording to\b", ctx.unquoted_sentence(si), re.I):
        return True
    lex = _lexicon(ctx)
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
    return False


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
        if tok is not None and not _source_role(sent.tokens, tok):
            continue    # "criticized for their records on human rights" names no document
        if back_reference:
            if tok is not None and tok.deprel.split(":")[0] == "nsubj" and any(
                    k.head == tok.id and k.deprel == "det" and k.lemma.lower() in ("the", "this")
                    for k in sent.tokens):
                return True
        elif tok is None or tok.upos in ("NOUN", "PROPN"):
            return True
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
                   (k.text.lower() in ("in", "from", "by", "to", "of") or k.text.lower() == "according")
                   for k in toks)
    return False


def result(ctx: Context, si: int, text: str, fig: str) -> bool:
    """An election result the story reports, not a claim to source: a share of a vote (`won
    52 percent of the vote`, `passed it by a vote of more than 90 percent`, `66% to 30%`); a
    result verb in the past tense whose subject is a name (`Sanders beat her 51% to 36%`, `the
    two winners, Huckabee and Santorum, won just 3 percent`); or, in a paragraph about a
    contest (`primary`, `caucuses`, `votes`, `delegates`), a sentence naming the contest or
    its votes itself (`In the Republican primary, 603,000 people voted`) or a past-tense clause
    about a named candidate (`Kasich got 10 percent`).  A race in the present tense (`leads by six
    points among likely voters`) is a poll's figure; a sum of money is never a result."""
    if re.search(r"[$€£]", fig):
        return False
    if vocab.phrase_re("unsourced", "result_phrases").search(text) or _SCORE.search(text):
        return True
    sent = ctx.sentences[si]
    toks = sent.tokens
    results = vocab.words("unsourced", "results")
    for t in toks:
        # the tagger's "beat" is Tense=Pres; the lemmatiser may cut a form ("edged" -> "edg")
        if t.upos != "VERB" or not _past(t) or not (t.lemma.lower() in results or any(
                r.startswith(t.lemma.lower()) and t.text.lower().startswith(r) for r in results)):
            continue
        if _named_subject(toks, t):
            return True
    contest = vocab.phrase_re("unsourced", "contests")
    blocks = ctx.resolved.document.source.blocks
    if not (0 <= sent.block < len(blocks) and contest.search(blocks[sent.block].text)):
        return False
    if contest.search(text):
        return True       # "In the primary, 603,000 people voted", "two-thirds of the primary votes"
    root = next((t for t in toks if t.deprel == "root"), None)
    if root is None or not (_past(root) or any(k.head == root.id and k.deprel in ("aux", "cop")
                                                and _past(k) for k in toks)):
        return False
    return _named_subject(toks, root)


def _past(t) -> bool:
    return "Tense=Past" in t.feats or t.xpos == "VBD"


def _named_subject(toks, verb) -> bool:
    """The verb's subject is, or names, a person or party (`Sanders`, `the two previous
    winners, Huckabee and Santorum`)."""
    subj = next((k for k in toks if k.head == verb.id and k.deprel == "nsubj"), None)
    return subj is not None and any(k.upos == "PROPN" for k in _subtree(toks, subj))


def _subtree(toks, head):
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(k for k in toks if k.head == t.id)
    return out


# a result given as two shares ("66% to 30%", "51 percent to 47 percent")
_SCORE = re.compile(r"\d+(?:\.\d+)?\s?(?:%|percent)\s+to\s+\d+(?:\.\d+)?\s?(?:%|percent)", re.I)


def hypothetical(ctx: Context, si: int, fig: str) -> bool:
    """The figure is a condition or an aim, not a fact: in an `if` or `unless` clause (`more
    taxes if the shareholders own at least 60 percent of the shares`), or in an infinitive or
    gerund under a verb or noun of aiming (`is working to raise more than $60 million`, `set a
    goal of raising 64 million dollars`, `pushing for the state to require a $15 minimum`)."""
    sent = ctx.sentences[si]
    at = ctx.sentence_text(si).find(fig)
    if at < 0:
        return False
    start = sent.start + at
    toks = {t.id: t for t in sent.tokens}
    aims = vocab.words("unsourced", "aims")
    tok = next((t for t in sent.tokens if t.start <= start < t.end), None)
    seen, infinitive = set(), False
    while tok is not None and tok.id not in seen:
        seen.add(tok.id)
        marks = [k for k in sent.tokens if k.head == tok.id and k.deprel in ("mark", "case")]
        if any(k.deprel == "mark" and k.lemma.lower() in ("if", "unless") for k in marks):
            return True
        if infinitive and tok.lemma.lower() in aims:
            return True
        if tok.upos == "VERB" and any(k.text.lower() in ("to", "of") for k in marks):
            infinitive = True
        tok = toks.get(tok.head)
    return False


# how many paragraphs away a document may source a run of figures
_RUN_PARAGRAPHS = 3


def sourced_nearby(ctx: Context, si: int, documents: re.Pattern) -> bool:
    """A document that sources the sentence's figures: named in the sentence; earlier in its
    paragraph (`The county survey reached 1,200 households. ... Rents rose 18 percent.`); as
    the source of the next sentence in the paragraph, the wire's order (`The PAC raised about
    $58 million. More than 40 percent of that money arrived in February, new fundraising
    reports show.`); or in a paragraph up to three before or after when every paragraph in
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
    if j < len(sents) and sents[j].block == sents[si].block and document_in(ctx, j, documents) \
            and cue_in(ctx, j) and _statistic_re().search(ctx.unquoted_sentence(j)):
        return True     # ... and not a survey of something else (`A recent survey found that ...`)
    return _run(ctx, si, documents, -1) or _run(ctx, si, documents, +1) or _according_run(ctx, si)


def _according_run(ctx: Context, si: int) -> bool:
    """`According to X` earlier in the paragraph, when every sentence since gives a figure
    (`Trump has posted 5,000 times, according to CrowdTangle. Trump has generated 85 million
    interactions. Sanders comes in at 34.6 million.`): X's figures, run on."""
    sents = ctx.sentences
    j = si - 1
    while j >= 0 and sents[j].block == sents[si].block:
        text = ctx.unquoted_sentence(j)
        if figure(text) is None and not _statistic_re().search(text):
            return False        # (`5,000 times` is a number, if not a figure by itself)
        if re.search(r"\baccording to\b", text, re.I):
            return True
        j -= 1
    return False


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
            if crossed > _RUN_PARAGRAPHS or (0 <= walking < len(blocks) and
                                             not re.search(r"[.!?][\"'’”)]*\s*$", blocks[walking].text.strip())):
                return False      # too far, or a headline or a section line
        if step < 0 and document_in(ctx, j, documents):
            return True
        if step > 0 and walking != sents[si].block and document_in(ctx, j, documents, back_reference=True):
            return True
        with_figure = with_figure or figure(ctx.unquoted_sentence(j)) is not None
        j += step
    return False


def transcript(ctx: Context, sent) -> bool:
    """A sentence of an interview transcript (`Q: ...`, `A: ...`, `PENCE: ...`): the speaker's
    own words, not the reporter's claim."""
    bi = ctx.block_of(sent.start)
    if bi is None:
        return False
    return bool(re.match(r"^\s*(?:Q|A|[A-Z][A-Z .'’-]{1,30}):\s", ctx.resolved.document.source.blocks[bi].text))


def observed(sent, fig: str) -> bool:
    """A count of people at an event the reporter saw (`about 200 people attended the rally`,
    `a rally that drew about 100 people`): the guide's 'reporter's own observation'."""
    if re.match(r"[$€£]|.*(?:percent|per cent|%)", fig, re.I):
        return False
    obs, nouns = vocab.words("unsourced", "observed"), vocab.words("unsourced", "observed_nouns")
    return any((t.upos == "VERB" and t.lemma.lower() in obs) or
               (t.upos == "NOUN" and t.text.lower() in nouns) for t in sent.tokens)


def covered_sentences(ctx: Context) -> set[int]:
    """The sentences an attribution's source, cue or content touches."""
    covered: set[int] = set()
    for a in ctx.attributions:
        for sp in (a.source, a.cue, *a.content):
            if sp is None:
                continue
            i = ctx.sentence_index_at(sp.start)
            j = ctx.sentence_index_at(max(sp.end - 1, sp.start))
            if i is not None:
                covered.update(range(i, (j if j is not None else i) + 1))
    return covered


def _not_prose(ctx: Context, sent) -> bool:
    """A headline (the first block, when it reads as one) or a list item (`~ Finding the three
    $53 million delegates`, `* ...`): no claim in the reporter's prose."""
    blocks = ctx.resolved.document.source.blocks
    if not 0 <= sent.block < len(blocks):
        return False
    text = blocks[sent.block].text
    if sent.block == 0 and is_headline(text):
        return True
    line_start = ctx.text.rfind("\n", 0, sent.start) + 1
    return bool(re.match(r"\s*[~•*▪►-]\s", ctx.text[line_start:sent.end]))


def _first_person(sent) -> bool:
    """The main clause's subject is `I`: the writer's own account of what happened to them."""
    root = next((t for t in sent.tokens if t.deprel == "root"), None)
    return root is not None and any(k.head == root.id and k.deprel.split(":")[0] == "nsubj"
                                    and k.text == "I" for k in sent.tokens)


def claims(ctx: Context):
    """(sentence index, Claim) for every sentence stating a figure or an allegation as fact
    with no source in it or in the sentence before."""
    sents = ctx.sentences
    covered = covered_sentences(ctx)
    documents = vocab.phrase_re("unsourced", "documents")
    for si, s in enumerate(sents):
        if si in covered or si - 1 in covered:
            continue
        text = ctx.sentence_text(si).strip()
        if not re.search(r"[.!][\"'’”)]*$", text) or len(re.findall(r"\w+", text)) < 4 \
                or _not_prose(ctx, s):
            continue  # a headline, a caption, a list item, a question, a fragment (`$50 million.`)
        if cue_in(ctx, si) or (si > 0 and cue_in(ctx, si - 1)):
            continue  # a source the extractor did not link is still a source
        if transcript(ctx, s):
            continue
        if _first_person(s):
            continue  # the writer's own account (`I had to pay a $30,000 fine.`)
        bare = ctx.unquoted_sentence(si)
        fig = figure(bare)
        if fig is not None:
            if not (sourced_nearby(ctx, si, documents) or observed(s, fig) or result(ctx, si, bare, fig)
                    or hypothetical(ctx, si, fig)):
                yield si, Claim("figure", fig)
            continue
        verb = allegation(ctx, si)
        if verb is not None:
            yield si, Claim("allegation", verb)
