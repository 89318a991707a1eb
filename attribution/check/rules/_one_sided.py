"""What `one-sided` (ATR102) reads around an accusation: who the accused party is known as, and
whether it has answered (a denial, a statement on the matter, a refusal to comment, a reply).
Split out of ``missing.py``."""
from __future__ import annotations

import re

from ...model import Confidence, Span
from .. import claims, vocab
from ..context import Context, mentions
from ..stated import a_person as _a_person
from . import _unsourced


def _accuser_name(ctx: Context, acc) -> str:
    """Who makes the accusation, for the message: the speaker resolve gave it, unless resolve
    called that link uncertain (``Confidence.LOW``), else the source's words as the article
    gives them ("Some", "he"), never a guess."""
    if acc.speaker is not None and acc.confidence != Confidence.LOW:
        return claims.side_name(ctx, acc)
    src = " ".join(ctx.span_text(acc.source).split()) if acc.source is not None else ""
    return f'an unidentified source ("{src}")' if src else "an unidentified source"


def _unsourced_claims(ctx: Context) -> list:
    """unsourced-claim's claims of the document (one-sided reads its allegations)."""
    return ctx.memo("unsourced.claims", ctx, lambda: list(_unsourced.claims(ctx)))


# what a wrong's phrase leaves out: other clauses and what is listed beside it
_NOT_THE_PHRASE = frozenset(("conj", "cc", "parataxis", "acl:relcl", "punct", "appos", "nsubj", "nsubj:pass",
                             "advcl", "ccomp", "discourse", "vocative", "list", "dep"))


def _charge_phrase(sent, t) -> Span:
    """The wrong at token ``t`` with what it governs, its subject and other clauses aside:
    "incites political violence" of "X regularly incites political violence and is a serial liar
    ... who has pledged to ban all Muslims"; "serial liar" of "is a serial liar"."""
    keep = {t.id}
    grew = True
    while grew:
        grew = False
        for k in sent.tokens:
            if k.id not in keep and k.head in keep and k.deprel not in _NOT_THE_PHRASE:
                keep.add(k.id)
                grew = True
    toks = [k for k in sent.tokens if k.id in keep]
    return Span(min(k.start for k in toks), max(k.end for k in toks))


def _party_words(name: str) -> set[str]:
    """The words by which the accused party is known in the article: its name, a person's
    surname, a description's head ("the police union" -> "union"), an organisation's words
    other than the generic heads ("Islamic State" -> "islamic", never "state")."""
    from ...vocab import load_people

    words = name.split()
    if name[:1].islower() or words[0].lower() in ("the", "its", "his", "her", "their"):
        return {name.lower(), words[-1].lower()}
    people = load_people()
    generic = people.org_heads | people.org_generic
    return {name.lower(), *(w.lower() for w in words if len(w) >= 3 and w.lower() not in generic)}


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
    weak = vocab.words("cue_classes", "weak_deny")
    for other in ctx.attributions:
        side = claims.side_key(ctx, other)
        if other.id == acc.id or side == accuser:
            continue
        if ctx.hull(other).start > ctx.hull(acc).start and mentions(ctx.content_text(other), pv) \
                and (ctx.cue_classes(other) & {"deny"} and not claims.lemma_in(claims.cue_lemma(ctx, other), weak)
                     or claims._rejection_words(ctx, other)):
            # a rebuttal that names it, by whomever: "... rebut ..., writing that Ms. Rust had ...";
            # a refusal is the refuser's own ("the clerk's office declined to comment on the
            # Dorsey contracts" is no answer from Dorsey)
            return True
        if side is None or not (ctx.states(other) or claims.lemma_in(
                claims.cue_lemma(ctx, other), vocab.words("cue_classes", "weak_deny"))):
            continue   # no statement ("its report welcoming refugees"), nor a refusal to make one
        ov = claims.variants(ctx, other)
        by = name.lower() in ov or bool(pv & ov)   # the accused party speaks
        if not by and other.source is not None and other.cue is not None and other.source.start < other.cue.start:
            # someone speaks for it: "Chinese Foreign Ministry spokesman Lu Kang"
            by = _names_party(_source_phrase(ctx, other), claims.party_variants(ctx, name))
        if by and _on_the_matter(ctx, acc, other, si):
            return True
    for j in resp_sents:
        if j in (si, si + 1, si + 2) or mentions(_as_responder(ctx.sentence_text(j)), pv) or \
                (j > 0 and mentions(ctx.sentence_text(j - 1), pv) and j - 1 >= si):
            return True
    return False


# the party a refusal is about, not by: "He would not comment on the accusations against Brava",
# "the foundation has refused to comment on the Cosby donations"
_ABOUT = re.compile(r"(?<![\w-])(?:against|about|involving|targeting|on|regarding|concerning)\s+(?:the\s+)?"
                    r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*")


def _as_responder(text: str) -> str:
    """A sentence with a refusal to comment, without the parties named as what the refusal
    is about ("... on the accusations against Brava"): a party left in it is who refused."""
    return _ABOUT.sub(" ", text)


def _names_party(phrase: str, variants: set[str]) -> bool:
    """``phrase`` names the party as a name, capitalised: "Brava Fisheries spokesman Ole Dahl",
    not "Estavia's fisheries minister" (a word of the company's name used as a common noun)."""
    for v in variants:
        if len(v) < 3:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(v)}(?![\w-])", phrase, re.I):
            if m.group(0)[:1].isupper():
                return True
    return False


def _on_the_matter(ctx, acc, other, si) -> bool:
    """A statement by or for the accused party answers the accusation: a denial or a refusal
    ("denied", "declined to comment", "that is not true") wherever it is, a statement just after
    the accusation (in its sentence or the three after; one before it answers only on the
    matter: "Trump said Clinton 'caused death.' Sanders called Trump a 'pathological liar.'"),
    or one that shares a word of the matter with it.  A party that speaks in the article about something else has not answered:
    "Clinton turned the State Department into her private hedge fund," Trump said (and Clinton,
    elsewhere, on foreign policy)."""
    if ctx.cue_classes(other) & {"deny"} or claims._rejection_words(ctx, other):
        return True
    if claims.lemma_in(claims.cue_lemma(ctx, other), vocab.words("cue_classes", "weak_deny")):
        return True
    sj = ctx.attr_sentence(other)
    if si <= sj <= si + 3:
        return True
    # a word of the matter in common, the names of the two sides aside
    names = {claims._stem(w) for v in (claims.variants(ctx, acc) | claims.variants(ctx, other))
             for w in v.split()}
    shared = set(claims.content_words(ctx, acc)) & set(claims.content_words(ctx, other))
    return bool(shared - names)
