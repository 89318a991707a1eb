"""Whose voice a sentence is in, for `unsourced-claim` (ATR103): a transcript's speaker, a
quotation run on, a headline, list item or correction note, a hedge, the writer's own account or
imperative case, or the person or organisation who speaks in the next sentence.  Split out of
`_unsourced` (the sources around a sentence's claims)."""
from __future__ import annotations

import bisect
import functools
import re

from .. import vocab
from ..context import Context
from ...model import SpeakerKind
from ...vocab import load_people
from ._figures import figure

def _quoted_on(ctx: Context, sent) -> bool:
    """The sentence is a later sentence of a quotation opened in an earlier one (`"Ted is a
    supporter of ...," Rubio said. "... He's supported a 500 percent increase."`): the
    speaker's words to its end, not the reporter's claim."""
    spans = ctx.quoted_spans()
    starts = ctx.memo("quoted_starts", spans, lambda: [q.start for q in spans])
    k = bisect.bisect_left(starts, sent.start) - 1
    if k < 0:
        return False
    q = spans[k]
    return q.start < sent.start and q.end >= sent.end - 2


def _not_prose(ctx: Context, sent) -> bool:
    """A headline (the first block, when it reads as one), a list item (`~ Finding the three
    $53 million delegates`, `* ...`, a roundup's `-Sanders won ... [WashPost.]`) or a
    publication's note correcting its copy, opening a block or a line (`Correction: An earlier
    version of this article ...`): no claim in the reporter's prose."""
    blocks = ctx.resolved.document.source.blocks
    if not 0 <= sent.block < len(blocks):
        return False
    text = blocks[sent.block].text
    if sent.block == 0 and ctx.headline_block() == 0:
        return True
    line_start = ctx.text.rfind("\n", 0, sent.start) + 1
    for opening in (text, ctx.text[line_start:sent.end]):
        note = _note_re().match(opening)
        if note is not None and (_NOTE_END.match(opening, note.end()) or
                                 re.search(r"(?:updated|article|story)$", note.group(0), re.I)):
            return True     # "Correction: ...", "Update: ...": the publication's note on its copy
    return bool(re.match(r"\s*(?:[~•*▪►-]\s|[-–](?=[A-Z]))", ctx.text[line_start:sent.end]))


# what follows a note's opening word: a colon, a dash or a full stop ("Correction: ...", not
# "Correction officers said ..."); a note written as a sentence ("This article has been updated
# to include ...", "An earlier version of this article ...") needs none
_NOTE_END = re.compile(r"\s*[:—–.-]")


@functools.lru_cache(maxsize=1)
def _note_re() -> re.Pattern:
    """The opening words of a publication's note on its own copy ([unsourced] notes)."""
    return re.compile(r"\s*" + vocab.phrase_re("unsourced", "notes").pattern, re.I)


def own_note(ctx: Context, si: int) -> bool:
    """Sentence ``si`` opens a line with the label of a note in the publication's own voice
    ([unsourced] own_notes: "Editor's note: ..."): what follows is the publication's, and the
    story's last source, in the sentence before it, is not its source."""
    sent = ctx.sentences[si]
    if ctx.text[ctx.text.rfind("\n", 0, sent.start) + 1:sent.start].strip():
        return False    # inside a line: the story's paragraph goes on
    text = ctx.text[sent.start:sent.end].replace("’", "'")
    note = _own_note_re().match(text)
    return note is not None and re.match(r"\s*:", text[note.end():]) is not None


@functools.lru_cache(maxsize=1)
def _own_note_re() -> re.Pattern:
    """The labels of a note in the publication's own voice ([unsourced] own_notes)."""
    return re.compile(r"\s*" + vocab.phrase_re("unsourced", "own_notes").pattern, re.I)


def _hedged(ctx: Context, si: int) -> bool:
    """A hedge outside quotation marks (`reportedly`, `is said to`, `allegedly`: the list of
    vague-attribution, which decides them) tells the reader the claim is someone's: its hidden
    source is vague-attribution's finding, not an unsourced claim besides."""
    return vocab.phrase_re("vague", "hedges").search(ctx.unquoted_sentence(si)) is not None


def _speaker_own(ctx: Context, si: int) -> bool:
    """The sentence's subject is the person or organisation who speaks in the next sentence
    (`Scott Slinker, a 55-year-old entrepreneur, gave the candidate $250 last summer. "I know
    Trump's supporters are here," he said.`), or an organisation introduced by an indefinite
    description (`A leading conservative group is spending $200,000 ...`) that the next
    sentence names giving figures of its own (`The
    American Action Network says it will spend nearly $150,000 ...`): the figure is the
    speaker's own account, sourced in the wire's order."""
    sents = ctx.sentences
    if si + 1 >= len(sents):
        return False
    toks = sents[si].tokens
    root = next((t for t in toks if t.deprel == "root"), None)
    subj = next((k for k in toks if root is not None and k.head == root.id and k.deprel == "nsubj"), None)
    if subj is None or not (subj.upos in ("PROPN", "NOUN") or subj.lemma.lower() in ("he", "she", "it", "they")):
        return False
    chain, todo = [], [subj] if subj.upos == "PROPN" else []
    while todo:     # the subject's own name: the name and its flat or compound parts ("Sen. Dana Ruiz")
        t = todo.pop()
        chain.append(t)
        todo.extend(k for k in toks if k.head == t.id and k.upos == "PROPN" and k.deprel in ("flat", "compound"))
    names = {k.text for k in chain}
    nxt = sents[si + 1]
    camp = "|".join(vocab.words("contest", "camp_nouns"))
    for a in ctx.attributions:
        if a.source is None or not nxt.start <= a.source.start < nxt.end:
            continue
        sp = _named_speaker(ctx, a)
        if sp is None:
            continue
        if any(m.start <= subj.start < m.end for m in sp.mentions) or (names and names <= set(sp.name.split())):
            return True
        if any(re.search(rf"\b{re.escape(n)}(?:'s|’s)?\s+(?:{camp})\b", ctx.span_text(a.source))
               for n in names if len(n) > 2):
            return True     # "Kelly Ayotte refunded $43,100. ... said Ayotte campaign manager Jon Kohan."
        if subj.upos == "NOUN" and _organisation_noun(subj.lemma) and sp.kind == SpeakerKind.ORGANIZATION \
                and any(k.head == subj.id and k.deprel == "det" and k.lemma.lower() in ("a", "an") for k in toks) \
                and figure(ctx.content_text(a)) is not None:
            return True     # the wire's order: "A leading conservative group is spending $200,000 ...
            # The American Action Network says it will spend nearly $150,000 on a TV ad."
    return False


def _organisation_noun(lemma: str) -> bool:
    """A common noun that stands for an organisation (`group`, `company`, `committee`: people.toml
    [organizations] generic and heads)."""
    people = load_people()
    w = lemma.lower()
    return w in people.org_generic or w in people.org_heads


def _imperative(sent) -> bool:
    """The sentence sets the reader a case in the imperative of a verb of supposing (`Imagine
    paying $50,000 a year ...`, `Suppose you borrow $30,000 at 5 percent.`, `Add $2,000 a year
    for books.`; [unsourced] supposing): a case the writer supposes, no claim of fact."""
    words = [t for t in sent.tokens if t.upos != "PUNCT"]
    root = next((t for t in sent.tokens if t.deprel == "root"), None)
    return bool(words) and root is words[0] and root.upos == "VERB" and \
        root.lemma.lower() in vocab.words("unsourced", "supposing") and \
        ("Mood=Imp" in root.feats or root.xpos == "VB") and \
        not any(k.head == root.id and k.deprel.split(":")[0] in ("nsubj", "aux") for k in sent.tokens)


def _first_person(sent) -> bool:
    """The main clause's subject is `I`, or is owned by `my` (`My grandmother paid $300 for the
    passage`), or its object is `me` (`the case has cost me over half a million dollars`): the
    writer's own account of what happened to them and theirs.  Not `we` or `our`,
    often everyone's (`We know their average age (63) ...`, `our national debt`)."""
    root = next((t for t in sent.tokens if t.deprel == "root"), None)
    if root is None:
        return False
    return any(k.head == root.id and (k.deprel.split(":")[0] == "nsubj" and (k.text == "I" or any(
        m.head == k.id and m.deprel == "nmod:poss" and m.text.lower() == "my" for m in sent.tokens))
        or k.deprel in ("obj", "iobj") and k.text.lower() == "me")
        for k in sent.tokens)


def _named_speaker(ctx: Context, a):
    """``a``'s speaker when resolve found a named person or organisation, else None."""
    sp = ctx.speaker(a)
    return sp if sp is not None and sp.kind in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION) else None
