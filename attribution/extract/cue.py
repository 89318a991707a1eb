"""The cue of reported speech: the cue verb (by lemma or surface form), its span, negation, and the
word lists of the frames (cues.toml [frames]).  Split out of :mod:`attribution.extract.reported`.
"""
from __future__ import annotations

from ..vocab import Lexicon, load_lexicon
from ..model import Sentence, Token
from ._tree import Tree, span_of

FRAMES = load_lexicon().frames   # cues.toml [frames]: the word lists of the frames below
NEG = {"not", "never", "n't", "no"}
# verbs whose direct object can be the content ("denied the charge", "accused X of Y")
OBJ_VERBS = FRAMES["obj_verbs"]
XCOMP_VERBS = FRAMES["xcomp_verbs"]
# modal auxiliaries that make a cue state an obligation ("must report"), not a claim
OBLIGATION = {"must", "shall"}
WEAK = FRAMES["weak"]


def cue_lemma(t: Token, lexicon: Lexicon, sent: Sentence | None = None) -> str | None:
    """The cue-verb lemma of ``t`` by lemma or, when the tagger erred, by surface form."""
    lem = (t.lemma or "").lower()
    if t.upos in ("VERB", "AUX") and lexicon.is_cue_verb(lem):
        return lem
    if t.upos == "VERB" and sent is not None and t.id < len(sent.tokens) and \
            sent.tokens[t.id].deprel == "compound:prt" and sent.tokens[t.id].head == t.id and \
            lexicon.is_cue_verb(f"{lem} {sent.tokens[t.id].text.lower()}"):
        return lem  # a phrasal cue whose verb alone is none, with its particle: "pointed out", "weighed in"
    by_form = lexicon.lemma_of(t.text)
    if not by_form:
        return None
    if t.upos == "VERB":
        return by_form
    low = t.text.lower()
    # "Rubio hopes Iowa will ...": a 3rd-person verb tagged as a plural noun after a name or pronoun
    if t.upos == "NOUN" and low.endswith("s") and low != by_form and t.id > 1 and t.xpos == "NNS":
        if sent is None:
            return None
        prev = sent.tokens[t.id - 2]
        nxt = sent.tokens[t.id] if t.id < len(sent.tokens) else None
        ok = prev.upos in ("PROPN", "PRON") and nxt is not None and (
            nxt.text.lower() == "that" or nxt.upos in ("PRON", "DET", "PROPN"))
        return by_form if ok else None
    # a noun modifying the noun after it is no verb, whatever its ending: "the reporting
    # requirements", "policy planning director", "a warning label"
    if t.upos in ("NOUN", "PROPN") and t.deprel == "compound" and t.head > t.id:
        return None
    # a participle or past form mis-tagged as ADJ/NOUN/PROPN ("denied", "said")
    if t.upos in ("ADJ", "NOUN", "PROPN", "AUX", "ADV", "X") and low != by_form and (
            low.endswith(("ed", "ing")) or low in FRAMES["mistagged_forms"]):
        return by_form
    return None


def _cue_span(tree: Tree, v: Token, lexicon: Lexicon | None = None, text: str | None = None) -> tuple[int, int]:
    """The cue verb, with adjacent auxiliaries/negation before it ("has maintained",
    "did not say"), its particle ("pointed out") and a following fixed phrase
    ("said in a statement")."""
    toks = tree.sent.tokens
    ids = [v.id] + [c.id for c in tree.children(v.id, "compound:prt") if c.id == v.id + 1]
    j = v.id - 1
    while j >= 1:
        t = toks[j - 1]
        if t.head == v.id and (t.deprel in ("aux", "advmod") and t.text.lower() in AUX_CUE):
            ids.append(t.id)
            j -= 1
            continue
        break
    s, e = span_of(tree.sent, ids)
    if lexicon is not None and text is not None:
        after = text[e:e + 40].lower()
        for phrase in lexicon.multiword:
            if phrase.startswith(("in ", "at ")) and after.startswith(" " + phrase) and (
                    len(after) == len(phrase) + 1 or not after[len(phrase) + 1].isalnum()):
                e = e + 1 + len(phrase)
                break
    return s, e


AUX_CUE = {"has", "have", "had", "did", "does", "do", "not", "n't", "never", "will", "would",
           "also", "'s", "’s", "is", "was", "were", "are", "been"}


def _negated(tree: Tree, v: Token) -> bool:
    """The cue verb carries a negation before it ("officials did not say", "never denied"); a
    negation after it belongs to the elided content ("Officials said it would not.", the
    parse hanging the "not" of "would not" on "said")."""
    return any((c.lemma.lower() in NEG or c.text.lower() in NEG) and c.id < v.id
               for c in tree.children(v.id, "advmod", "neg"))


def _pieces(sent: Sentence, ids: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of token ids as file spans."""
    out: list[tuple[int, int]] = []
    run: list[int] = []
    for i in sorted(ids):
        if run and i != run[-1] + 1:
            out.append(span_of(sent, run))
            run = []
        run.append(i)
    if run:
        out.append(span_of(sent, run))
    # glue pieces separated only by punctuation/space gaps of skipped tokens
    return out


def _head_of(tree: Tree, ids: set[int]) -> Token | None:
    srt = sorted(ids)
    if srt and srt == list(range(srt[0], srt[-1] + 1)):
        # a surface noun phrase: its head is the last word before "of"/"for"/","/a relative clause
        head = None
        for i in srt:
            t = tree.tok(i)
            if t.text.lower() in ("of", "for", "at", ",", "who", "which", "that", "(") and head is not None:
                break
            if t.upos in ("NOUN", "PROPN", "PRON", "NUM"):
                head = t
        if head is not None:
            return head
    for i in srt:
        t = tree.tok(i)
        if t.head not in ids:
            return t
    return None
QUOTE_END = set('"”\'’') | {"''"}
