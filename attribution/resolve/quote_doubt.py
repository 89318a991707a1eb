"""How sure resolve is that a floating quotation (:mod:`.unattributed`) has no speaker.

unattributed-quote is the one error-level rule, and an uncertain link never makes an
error-level finding: a quotation is reported as having no speaker only when the evidence that
nobody speaks it is strong.  :func:`doubt` names what weakens that evidence, and the quotation
is then reported as one whose speaker is uncertain (the preview warning quote-speaker-uncertain)
instead of an error:

- ``person-nearby``: a person is named or referred to next to it, outside quotation marks (in
  the adjacent sentence, in its own paragraph, or as the subject of a main clause in the
  paragraph before): a candidate speaker whom the copy does not show speaking (`Police
  arrested Jamal Reed on Friday. ¶ "I did nothing wrong."`).  A person who answers the
  quotation right after it (`Mayor Ruiz disagreed, ...`) is not a candidate;
- ``stance-nearby``: the adjacent sentence attributes a belief or plan, or has a cue verb that
  gives no speaker for the quotation (`The state plans to add a lane.`);
- ``document-nearby``: the adjacent sentence speaks of a statement, document or ad and gives
  its maker (`The 30-second ad from the Clinton campaign opens with ...`): the quotation may be
  its words;
- ``heading``: the quotation stands in a heading, a title line or a caption (its paragraph does
  not end as a sentence does), whose speaker is in the body or the picture;
- ``credit-after``, ``label-before``: a short line naming someone follows the quotation's
  paragraph (a pull quote or epigraph credited without a dash) or stands right before it (a
  subhead naming the speaker);
- ``statement-nearby``: the adjacent sentence speaks of a statement (`The remarks came hours
  after the attack.`) and a person speaks in the two paragraphs before: the quotation may go on
  with what they said;
- ``unclosed``: the quotation has no closing mark, so where it ends (and whether the words
  after it are narration giving its speaker) is a guess.
"""
from __future__ import annotations

import re

from .quote_speaker import _split_off, new_unnamed_source
from ..model import SpeakerKind
from ..vocab import all_person_nouns, rule_words
from .quote_text import _answers, _is_name_line, _sentence_has_cue, lexicon_of
from .view import ResolvedView

# pronouns that refer to a person (never to a thing or a body): grammar, not vocabulary
_PERSONAL = frozenset("he him his himself she her hers herself".split())
_SENT_END = re.compile(r"[.!?…][\"'’”»›)\]]*\s*$")


def doubt(ctx: ResolvedView, bi: int, closed: bool, si: int | None, sl: int | None,
          span, att_sents: dict[int, bool], persons: tuple[tuple[int, int, bool, bool], ...] | None = None) -> str | None:
    """What makes it uncertain that the quotation at ``span`` (paragraph ``bi``, sentences
    ``si`` to ``sl``) has no speaker, or None when nothing does (see the module docstring)."""
    blocks = ctx.resolved.document.source.blocks
    block = blocks[bi]
    if not closed:
        return "unclosed"
    if not _SENT_END.search(block.text.strip()):
        return "heading"
    for k, why in ((bi + 1, "credit-after"), (bi - 1, "label-before")):
        line = blocks[k].text.strip() if 0 <= k < len(blocks) else ""
        if line and len(line.split()) <= 8 and not _SENT_END.search(line) and _is_name_line(line):
            return why   # a name on a line of its own: a credit, or a subhead naming the speaker
    if si is None:
        return None
    sents = ctx.sentences
    last = si if sl is None or sl < si else sl
    before, after = si - 1, last + 1
    # "Mayor Ruiz disagreed, saying ...": an answer, not the speaker; "..." ¶ "A fire investigator
    # ... said the blaze ...": a new unnamed source with a claim of its own
    answering = set()
    j = after
    while j < len(sents) and sents[j].block <= sents[last].block + 1:
        if _answers(ctx, j) or (_split_off(ctx, j) and _answers(ctx, j + 1)) or new_unnamed_source(ctx, j):
            answering |= {j, j + 1} if _split_off(ctx, j) else {j}
        if not _split_off(ctx, j):
            break
        j += 1
    for j in (before, after, after + 1 if _split_off(ctx, after) else -1):
        if not 0 <= j < len(sents) or j in answering:
            continue
        if _person_in(ctx, j, persons, span):
            return "person-nearby"
        if sents[j].block == sents[si].block and (j in att_sents or _sentence_has_cue(ctx, j)):
            return "stance-nearby"   # across a paragraph break, a body's stance is no speaker
    if _statement_of_speaker(ctx, (before, after), answering, bi):
        return "statement-nearby"
    if any(0 <= j < len(sents) and j not in answering and _owned_statement(ctx, j) for j in (before, after)):
        return "document-nearby"
    # the quotation's own paragraph, outside its quotations
    for j in range(len(sents)):
        if sents[j].block == sents[si].block and j not in answering and not (j > last and _answers(ctx, j)) \
                and _person_in(ctx, j, persons, span):
            return "person-nearby"
    # a person who is the subject of a main clause in the paragraph before (after the quotation,
    # only its first sentence names the speaker: 'Experts say ... . Kessler said ...' does not)
    for j in range(len(sents)):
        if sents[j].block == sents[si].block - 1 and _person_in(ctx, j, persons, span, main_subject=True):
            return "person-nearby"
    return None


def _statement_of_speaker(ctx: ResolvedView, near: tuple[int, int], answering: set[int], bi: int) -> bool:
    """The sentence before or after the quotation speaks of a statement ('The remarks came hours
    after the attack.') and a person speaks in the paragraphs just before: the quotation may go
    on with what that person said."""
    lex = lexicon_of(ctx)
    if lex is None:
        return False
    nouns = [j for j in near if 0 <= j < len(ctx.sentences) and j not in answering and any(
        t.upos == "NOUN" and (lex.is_cue_noun(t.lemma.lower()) or lex.is_cue_noun(t.text.lower()))
        for t in ctx.sentences[j].tokens)]
    if not nouns:
        return False
    for a in ctx.attributions:
        sp = ctx.speaker(a)
        b = ctx.block_of(ctx.hull(a).start)
        if sp is not None and sp.kind == SpeakerKind.PERSON and b is not None and bi - 2 <= b <= bi:
            return True
    return False


def _owned_statement(ctx: ResolvedView, j: int) -> bool:
    """Sentence ``j`` speaks of a statement, document or ad whose maker it gives ('The 30-second
    ad from the Clinton campaign opens with ...', 'The letter, signed by 40 House Democrats,
    ...', 'The inspector general's report runs to 212 pages.'): the quotation beside it may be its
    words.  A statement with no maker ('The speech lasted 40 minutes.') gives no one."""
    lex = lexicon_of(ctx)
    if lex is None:
        return False
    toks = ctx.sentences[j].tokens
    quoted = [(q.start, q.end) for q in ctx.sentence_quotes(j)]
    statements = rule_words("beats", "statements")
    kids: dict[int, list] = {}
    for t in toks:
        kids.setdefault(t.head, []).append(t)
    for t in toks:
        if t.upos != "NOUN" or any(a <= t.start < b for a, b in quoted):
            continue
        lemma = t.lemma.lower()
        if not (lemma in statements or t.text.lower() in statements or lex.is_cue_noun(lemma)):
            continue
        for c in kids.get(t.id, []):
            if c.deprel in ("nmod:poss", "nmod") and c.upos in ("PROPN", "NOUN"):
                return True       # the Herald's editorial, the ad from the campaign
            if c.deprel == "compound" and c.upos == "PROPN":
                return True       # a Clinton ad
            if c.deprel == "acl" and any(g.deprel.startswith("obl") and g.upos in ("PROPN", "NOUN")
                                         for g in kids.get(c.id, [])):
                return True       # a letter signed by 40 House Democrats
    return False


def _person_in(ctx: ResolvedView, j: int, persons, span, *, main_subject: bool = False) -> bool:
    """Sentence ``j`` names or refers to a person who could be the quotation's speaker, outside
    quotation marks: a personal pronoun; a name resolve took for a person's with evidence beyond
    its capitals (a title, role, gender or age), as a subject, an object or in apposition (not
    "with Crane's support"); a noun naming one or more people
    ("a nurse", "neighbors", not "200 people") as the subject or object of the main verb.
    ``main_subject``: only as the subject of the sentence's main verb.  ``persons`` None (a
    view with no name runs): a proper noun as a subject counts."""
    sent = ctx.sentences[j]
    quoted = [(q.start, q.end) for q in ctx.quoted_spans() if q.start < sent.end and sent.start < q.end]
    quoted.append((span.start, span.end))
    people = all_person_nouns()
    by_id = {t.id: t for t in sent.tokens}

    def main(t) -> bool:
        head = by_id.get(t.head)
        return head is not None and (head.deprel == "root" or (
            head.deprel == "conj" and by_id.get(head.head, head).deprel == "root"))
    for t in sent.tokens:
        if any(a <= t.start < b for a, b in quoted):
            continue
        subject = t.deprel in ("nsubj", "nsubj:pass")
        if main_subject and not (subject and main(t)):
            continue
        low = t.text.lower()
        if t.upos == "PRON" and low in _PERSONAL:
            return True
        if t.upos == "NOUN" and (t.lemma.lower() in people or low in people) and \
                (subject or t.deprel == "obj") and main(t) and \
                not any(c.head == t.id and c.deprel == "nummod" for c in sent.tokens):
            return True
        if t.upos == "PROPN":
            if persons is None:
                if subject:
                    return True
                continue
            run = next((r for r in persons if r[0] <= t.start < r[1]), None)
            if run is None or not (run[3] or _aged(sent, run)):
                continue   # capitals alone ('Cerro Largo produced', 'Altamar Copper') are no person
            # a lone word guessed to be a person's name only as a subject
            roles = ("nsubj",) if run[2] else _ROLES
            if any(run[0] <= u.start < run[1] and u.deprel.split(":")[0] in roles for u in sent.tokens):
                return True
    return False


def _aged(sent, run) -> bool:
    """The name is followed by an age in commas ('Jamal Reed, 24,'): a person's."""
    after = [t for t in sent.tokens if t.start >= run[1]][:3]
    return len(after) >= 2 and after[0].text == "," and after[1].upos == "NUM" and \
        after[1].text.isdigit() and int(after[1].text) < 120


# the relations in which a person is a candidate speaker of the quotation next to them
_ROLES = frozenset(("nsubj", "obj", "iobj", "appos", "root", "conj", "vocative", "dislocated"))
