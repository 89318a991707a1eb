"""Reported speech: a cue verb (or "according to") and the clause it governs.

Frames, tried in this order for every cue verb outside quotation marks:

* inverted after a quotation: ``"...," said Smith, an attorney.``;
* colon lead: ``Smith said: ...``;
* content after the cue: ``X said (that) ...``, ``told reporters that ...``,
  ``warned that ...``, ``denied that ...``, ``accused X of Y``, ``wants to ...``,
  ``referring to X`` (time phrases, "in a statement", "of X" and an indirect
  object are skipped first);
* content before the cue: ``..., he said.`` / ``X, Smith said, Y`` (parenthetical);
* a dependency ``ccomp`` the surface patterns did not see;
* ``according to X`` (:func:`_according`).

Surface first, parse second: the cue is found by lemma *or* by surface form (a
participle mis-tagged as an adjective still counts), the source is the noun
phrase before the cue read off the POS tags (over appositions and
"who ..." interruptions between commas), and a dependency subject is preferred
only when it is contiguous and ends at the cue.  One wrong arc therefore does
not lose the attribution.  Yields :class:`~attribution.extract._tree.Cand`.

Notes:
    The frames follow the source/cue/content model of PARC3 and PolNeAR
    (Pareti 2016; Newell, Margolin and Ruths, LREC 2018): the content of a verb
    cue is its complement clause, "that" included, without final punctuation.
"""
from __future__ import annotations

from typing import Iterator

from ..vocab import Lexicon, load_lexicon
from ..model import Document, Sentence, Token
from ._tree import Cand, Tree, is_punct, span_of, trim

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
    return any(c.lemma.lower() in NEG or c.text.lower() in NEG for c in tree.children(v.id, "advmod", "neg"))


def _content_after_colon(tree: Tree, v: Token) -> set[int] | None:
    toks = tree.sent.tokens
    for j in range(v.id, min(v.id + 6, len(toks))):
        if toks[j].text == ":":
            rest = [t.id for t in toks[j + 1:]]
            return set(rest) if rest else None
        if toks[j].upos == "VERB" or toks[j].text in (",", ".", ";"):
            break
    return None


def sentence_cands(doc: Document, si: int, tree: Tree, lexicon: Lexicon,
                   in_quote) -> Iterator[Cand]:
    sent = tree.sent
    toks = sent.tokens
    for v in toks:
        if in_quote(v.start):
            continue
        low = v.text.lower()
        if low == "according" and v.id < len(toks) and toks[v.id].text.lower() == "to":
            c = _according(doc, si, tree, v)
            if c is not None:
                yield c
            continue
        lem = cue_lemma(v, lexicon, sent)
        if lem is None:
            continue
        c = _verb_frame(doc, si, tree, v, lem, lexicon, in_quote)
        if c is not None:
            yield c


def _according(doc: Document, si: int, tree: Tree, v: Token) -> Cand | None:
    sent = tree.sent
    toks = sent.tokens
    to = toks[v.id]
    # the source: the noun phrase after "to", up to a comma / end (dependency head when sensible)
    src_ids: list[int] = []
    j = to.id + 1
    while j <= len(toks) and toks[j - 1].text not in (",", ";", ":", ".", "—", "–", "--") and len(src_ids) < 15:
        t = toks[j - 1]
        if t.upos in ("VERB", "AUX") and t.deprel not in ("amod", "compound", "acl") and src_ids:
            break
        src_ids.append(j)
        j += 1
    if not src_ids:
        return None
    # the parse's view: "according" is case of the source noun, whose subtree is the source
    h = tree.head(v)
    if h is not None and h.id > to.id and h.upos in ("NOUN", "PROPN", "PRON"):
        dep_ids = tree.subtree(h.id) - {v.id, to.id}
        if dep_ids and min(dep_ids) == to.id + 1 and len(dep_ids) <= 25:
            src_ids = sorted(dep_ids)
    src_set = set(trim(sent, set(src_ids), keep_quotes=False)) or set(src_ids)
    phrase = set(src_ids) | {v.id, to.id}
    # content: the rest of the sentence, without the "according to X" phrase
    lo, hi = min(phrase), max(phrase)
    before = [t.id for t in toks if t.id < lo]
    after = [t.id for t in toks if t.id > hi]
    b = trim(sent, set(before))
    a = trim(sent, set(after))
    if len(b) >= 3 and (len(a) < 3 or (hi + 1 <= len(toks) and toks[hi].text in (".", "!", "?"))):
        content = b
    elif len(a) >= 3 and not b:
        content = a
    else:
        content = trim(sent, set(before + after))
        if not content:
            return None
    spans = _pieces(sent, content)
    return Cand(content=spans, cue=(v.start, to.end), source=span_of(sent, src_set), sentence=si,
                origin="according", cue_lemma="according to", cue_key=(si, v.id),
                source_head=_head_of(tree, src_set), source_ids=tuple(sorted(src_set)))


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


NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
NP_GLUE = FRAMES["np_glue"]
NP_GLUE_FWD = {"'s", "’s", "-", ".", "of", "&"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
CUE_COORD = FRAMES["coordinated_cues"]
CONTENT_STOP = {"but", "though", "although", "while", "whereas"}
OBJ_TAKERS = FRAMES["object_takers"]


def _is_np(t: Token) -> bool:
    return t.upos in NP_POS or (t.upos == "PRON" and t.text.lower() not in ("that", "which", "who", "what"))


def _np_back(toks, j: int, limit: int = 14) -> list[int]:
    """Token ids of the noun phrase ending at position ``j`` (1-based), walking left."""
    ids: list[int] = []
    while j >= 1 and len(ids) < limit:
        t = toks[j - 1]
        low = t.text.lower()
        if t.text == ")" and ids == [] or (t.text == ")" and ids):
            # a parenthesis inside the name: "Sen. Chuck Grassley (R-Iowa)"
            k = j - 1
            while k >= 1 and toks[k - 1].text != "(" and j - k < 8:
                k -= 1
            if k >= 2 and toks[k - 1].text == "(" and _is_np(toks[k - 2]):
                ids.extend(range(j, k - 1, -1))
                j = k - 1
                continue
            break
        if ids and low == "and" and j >= 2 and toks[j - 2].upos in ("PROPN", "NOUN") and toks[ids[-1] - 1].upos == "PROPN":
            ids.append(t.id)  # "Carson, Fiorina and Huckabee say"
            j -= 1
            continue
        if ids and t.text == "," and j >= 2 and toks[j - 2].upos == "PROPN" and any(
                toks[i - 1].text.lower() == "and" for i in ids):
            ids.append(t.id)
            j -= 1
            continue
        if _is_np(t) or (ids and low in NP_GLUE) or (t.upos == "VERB" and low.endswith(("-based", "led", "backed"))
                                                       and j >= 2 and toks[j - 2].text == "-"):
            if t.upos == "PRON" and ids and t.xpos not in ("PRP$", "WP$") and low not in ("his", "her", "its", "their", "our", "my"):
                break
            ids.append(t.id)
            j -= 1
            continue
        if t.upos == "VERB" and t.text.lower().endswith(("ed",)) and j >= 2 and toks[j - 2].text in ("-",):
            ids.append(t.id)
            j -= 1
            continue
        break
    while ids and toks[ids[-1] - 1].text.lower() in NP_GLUE:
        ids.pop()
    if ids and toks[ids[-1] - 1].upos == "ADJ" and len(ids) == 1:
        return []
    return sorted(ids)


def _np_forward(toks, j: int, limit: int = 12) -> list[int]:
    ids: list[int] = []
    while j <= len(toks) and len(ids) < limit:
        t = toks[j - 1]
        if _is_np(t) or (ids and t.text.lower() in NP_GLUE_FWD) or (ids and t.text == ","):
            ids.append(t.id)
            j += 1
            continue
        break
    while ids and (toks[ids[-1] - 1].text.lower() in NP_GLUE_FWD or toks[ids[-1] - 1].text == ","):
        ids.pop()
    return ids


TIME_WORDS = FRAMES["time_words"]
ADJUNCT_NOUNS = TIME_WORDS | FRAMES["adjunct_nouns"]
PREPS = {"in", "on", "at", "during", "with", "to", "after", "before", "over", "via", "through", "for"}


def _skip_adjuncts(toks, k: int, limit: int = 12) -> int:
    """Position after time words, adverbs and "in a statement"-like phrases starting at ``k``."""
    n = len(toks)
    steps = 0
    while k <= n and steps < limit:
        t = toks[k - 1]
        low = t.text.lower()
        if low in TIME_WORDS or (t.upos == "ADV" and low not in ("not", "so", "how", "why", "when", "where")) \
                or (t.upos == "NUM" and k + 1 <= n and toks[k].text.lower() in TIME_WORDS):
            k += 1
            steps += 1
            continue
        if low == "of" and k > 1 and toks[k - 2].lemma.lower() in FRAMES["said_of"]:
            # "said of the Clinton campaign, ..." / "said of Cruz."
            j = k + 1
            while j <= n and j - k <= 6 and (_is_np(toks[j - 1]) or toks[j - 1].text.lower() in ("'s", "’s", "-")):
                j += 1
            if j > k + 1 and (j > n or toks[j - 1].text in (",", ".", ":", ";") or toks[j - 1].text.lower() == "that"
                              or toks[j - 1].text in QUOTE_END):
                k = j
                steps += 1
                continue
        if low in PREPS:
            j = k + 1
            last_noun = None
            while j <= n and j - k <= 6 and (_is_np(toks[j - 1]) or toks[j - 1].text.lower() in ("'s", "’s", "-")):
                last_noun = toks[j - 1]
                j += 1
            if last_noun is not None and last_noun.text.lower() in ADJUNCT_NOUNS:
                k = j
                steps += 1
                continue
        break
    return k


def _np_back_app(toks, j: int) -> list[int]:
    """Like :func:`_np_back`, also over an interruption between commas or dashes:
    "Igor Konashenkov, the ministry's spokesman," / "McCain, who has tangled with Cruz," /
    "Democrats — and some Republicans —"."""
    if j >= 1 and toks[j - 1].text in ("—", "–", "--"):
        k = j - 1
        while k >= 1 and toks[k - 1].text not in ("—", "–", "--", '"', "“", "”", ";", ":") and j - k < 30:
            k -= 1
        if k >= 2 and toks[k - 1].text in ("—", "–", "--") and toks[k].text.lower() in (
                "and", "or", "who", "whose", "which", "including", "plus", "along", "as", "many", "most"):
            head = _np_back(toks, k - 1)
            if head:
                return list(range(head[0], j))
        return []
    if j >= 1 and toks[j - 1].text == ",":
        k = j - 1
        while k >= 1 and toks[k - 1].text not in (",", '"', "“", "”", "''", ";", ":") and j - k < 30:
            k -= 1
        if k >= 2 and toks[k - 1].text == ",":
            seg = toks[k:j - 1]
            if seg and (seg[0].text.lower() in ("who", "whose", "which", "a", "an", "the", "whom")
                        or seg[0].xpos in ("VBG", "VBN") or _np_back(toks, j - 1)):
                head = _np_back(toks, k - 1)
                if head:
                    return list(range(_named_before(toks, head[0]), j))
        return []
    return _np_back(toks, j)


def _named_before(toks, start: int) -> int:
    """Where a source that opens with a description starts when a name stands before it in
    apposition: "Elward Edd, an official at the housing authority, which ..., said" starts at
    the name, not at "an official"."""
    first = start
    while first >= 3 and start - first < 2 and toks[first - 2].xpos in ("VBG", "JJ", "VBN"):
        first -= 1  # "acting political director", "former deputy mayor"
    if first < 3 or toks[first - 2].text != "," or toks[first - 1].upos not in ("DET", "ADJ", "NOUN", "VERB"):
        return start
    start = first
    name = _np_back(toks, start - 2)
    if name and toks[name[-1] - 1].upos == "PROPN" and all(
            toks[i - 1].upos == "PROPN" or toks[i - 1].text in (".", "-") for i in name) and (
            name[0] == 1 or toks[name[0] - 2].upos in ("CCONJ", "SCONJ", "ADV") or toks[name[0] - 2].text in (",", "—", "–")):
        return name[0]
    return start


def _subject_ids(tree: Tree, v: Token) -> list[int]:
    """The source before the cue: dependency subject when it is plausible, else the surface NP."""
    toks = tree.sent.tokens
    j = v.id - 1
    # skip auxiliaries, negation, adverbs and time phrases between subject and cue
    while j >= 1:
        t = toks[j - 1]
        low = t.text.lower()
        if (t.upos in ("AUX", "PART", "ADV") and low not in ("so", "then", "as")) or low in TIME_WORDS \
                or (low in ("both", "all", "alike") and j >= 2 and toks[j - 2].text in ("—", "–", "--", ",")):
            j -= 1  # "Party elders — whose ... — both suggested"
            continue
        if t.text == "," and j >= 2 and toks[j - 2].text.lower() in TIME_WORDS:
            j -= 1
            continue
        if low in PREPS and j < v.id - 1 and toks[j].text.lower() in TIME_WORDS:
            j -= 1  # "on Thursday"
            continue
        break
    surface = _np_back_app(toks, j)
    dep = [c for c in tree.children(v.id) if c.deprel in ("nsubj", "csubj")]
    if dep:
        ids = sorted(trim(tree.sent, tree.subtree(dep[0].id), keep_quotes=False))
        # the subject may end at the comma that closes its apposition: "Maria Gomez, 34, of
        # Dayton, Ohio, said" (the surface walk alone stops at "Dayton, Ohio")
        ends = ids and (ids[-1] == j or (ids[-1] == j - 1 and toks[j - 1].text == ","))
        if ends and ids == list(range(ids[0], ids[-1] + 1)) and len(ids) <= 25:
            if not set(ids) <= set(surface):
                return ids
    return surface


def _participle_subject(tree: Tree, v: Token) -> list[int]:
    """A participle cue with no subject of its own speaks for the subject of the clause it
    hangs on: in "Sanders released a statement last week, insisting that ..." and "A federal
    judge sided with the Democrats, saying ..." the source is Sanders and the judge, not the
    noun phrase just before the comma."""
    if not v.text.lower().endswith("ing"):
        return []
    toks = tree.sent.tokens
    own = [c for c in tree.children(v.id) if c.deprel.startswith(("nsubj", "csubj", "expl"))]
    if own:
        # the parse sometimes makes the participle the root and the clause before it its
        # subject ("[A judge sided with the union], saying ..."): that clause's subject speaks
        gov = own[0]
        if not (gov.upos == "VERB" and gov.id < v.id and v.id >= 2 and toks[v.id - 2].text == ","):
            return []
    elif v.head == 0 or v.deprel.split(":")[0] not in ("advcl", "xcomp", "conj", "parataxis"):
        return []
    else:
        gov = tree.sent.token(v.head)
    if gov.id > v.id:
        return []
    subj = [c for c in tree.children(gov.id) if c.deprel in ("nsubj", "csubj") and c.id < gov.id]
    if not subj:
        return []
    ids = sorted(trim(tree.sent, tree.subtree(subj[0].id), keep_quotes=False))
    if not ids or ids != list(range(ids[0], ids[-1] + 1)) or len(ids) > 25 or ids[-1] >= gov.id:
        return []
    return ids


def _shared_subject(tree: Tree, v: Token) -> list[int]:
    """Coordinated cues share their subject: in "X admitted A and accused B of C" the
    second cue (a ``conj`` of the first, with no subject of its own) is X's too."""
    if v.deprel != "conj" or v.head == 0 or any(
            c.deprel in ("nsubj", "nsubj:pass", "csubj", "expl") for c in tree.children(v.id)):
        return []
    head = tree.sent.token(v.head)
    if head.upos not in ("VERB", "AUX") or head.id > v.id:
        return []
    if not any(c.deprel == "cc" and c.id < v.id for c in tree.children(v.id)):
        return []
    subj = [c for c in tree.children(head.id) if c.deprel in ("nsubj", "csubj")]
    if not subj or subj[0].id > head.id:
        return []
    ids = sorted(trim(tree.sent, tree.subtree(subj[0].id), keep_quotes=False))
    if not ids or ids != list(range(ids[0], ids[-1] + 1)) or len(ids) > 25:
        return []
    return ids


def _modifies_noun(toks, v: Token) -> bool:
    """A participle or infinitive that modifies a noun reports no one's words: "refugees
    admitted to the United States", "his decisions not to recommend ..." (read on the
    surface too: the parse often makes such a participle the root)."""
    if v.deprel.startswith("acl") and v.xpos in ("VBN", "VB"):
        return True
    if v.deprel == "amod":
        return True  # "his repeated mispronunciations", "the alleged bribe": an adjective
    k = v.id - 1
    nxt = toks[v.id].text.lower() if v.id < len(toks) else ""
    if v.xpos == "VBN" and k >= 1 and toks[k - 1].xpos == "NNS" and v.id < len(toks) \
            and toks[v.id].upos == "ADP" and nxt != "that":
        return True  # "refugees admitted to ...", never "A Chinese official responded by ..."
    if v.xpos == "VB" and k >= 2 and toks[k - 1].text.lower() == "to" and toks[k - 2].xpos in ("VBN", "JJ") \
            and any(t.text.lower() in ("not", "n't", "never") for t in toks[max(0, k - 5):k - 2]):
        return True  # "who was not authorized to speak publicly", "not allowed to discuss": the
        # reason a source is unnamed, not something said
    if v.xpos == "VB" and k >= 1 and toks[k - 1].text.lower() == "to":
        j = k - 1
        if j >= 1 and toks[j - 1].text.lower() == "not":
            j -= 1
        return j >= 1 and toks[j - 1].upos == "NOUN"
    return False


def _relative_subject(tree: Tree, v: Token) -> list[int]:
    """A subject with a relative clause and no commas, which the parse often loses: "A person
    familiar with the matter who was not authorized to speak publicly said ...": the noun
    phrase from the sentence's start through the relative clause, up to the cue."""
    toks = tree.sent.tokens
    first = 1
    while first < v.id and is_punct(toks[first - 1]):
        first += 1
    rel = next((t for t in toks[first - 1:v.id - 1] if t.text.lower() in ("who", "that") and t.upos == "PRON"), None)
    if rel is None or rel.id <= first + 1:
        return []
    np = toks[first - 1:rel.id - 1]
    if not any(t.upos in ("NOUN", "PROPN") for t in np) or any(
            t.upos in ("VERB", "AUX") or t.text in (",", ";", ":") for t in np):
        return []
    ids = list(range(first, v.id))
    return ids if len(ids) <= 25 else []


def _first_subject(tree: Tree, before: int, in_quote=None) -> list[int]:
    """The subject of the sentence's main verb before position ``before`` ("..., saying ...")."""
    toks = tree.sent.tokens
    for t in toks[:before - 1]:
        if in_quote is not None and in_quote(t.start):
            continue
        if t.upos in ("VERB", "AUX") and t.xpos in FINITE | {"VB"} and t.id > 1:
            ids = _np_back(toks, t.id - 1)
            if not ids:
                j = t.id - 1
                while j >= 1 and toks[j - 1].upos in ("AUX", "ADV", "PART"):
                    j -= 1
                ids = _np_back(toks, j)
            return ids
    return []


def _clause_after(tree: Tree, k: int, lem: str) -> list[int] | None:
    """Content starting at token position ``k`` (1-based) when a clause starts there."""
    toks = tree.sent.tokens
    n = len(toks)
    if k > n:
        return None
    first = toks[k - 1]
    low = first.text.lower()
    end = _content_end(toks, k)
    if end < k:
        return None
    if low in ("that", "whether", "if", "how", "why", "what", "when", "where", "who"):
        return list(range(k, end + 1)) if end > k else None
    if low == "to" and k + 1 <= n and toks[k].upos in ("VERB", "AUX"):
        return list(range(k, end + 1))
    # a clause: a finite verb within the next tokens, before any comma
    for t in toks[k - 1:min(n, k + 30)]:
        if t.text in (",", ";", ":", ".", "(", "—"):
            break
        if (t.upos in ("VERB", "AUX") and t.xpos in FINITE) or (t.upos == "AUX" and t.text.lower() in (
                "is", "are", "was", "were", "will", "would", "could", "should", "can", "may", "might",
                "must", "has", "have", "had", "'s", "’s")):
            if t.id == k and t.upos != "AUX":
                return None
            return list(range(k, end + 1))
    return None


def _content_end(toks, k: int) -> int:
    n = len(toks)
    end = n
    depth = 0
    for t in toks[k - 1:]:
        low = t.text.lower()
        if t.text in ("(",):
            depth += 1
        if t.text in (")",):
            depth -= 1
        if depth == 0 and t.text in (";",):
            end = t.id - 1
            break
        if depth == 0 and low in ("and", "but") and t.id < n and t.id > k + 2:
            j = t.id
            while j < n and toks[j].upos == "ADV":
                j += 1
            nt = toks[j] if j < n else None
            if nt is not None and nt.xpos in ("VBD", "VBZ", "VBP") and nt.lemma.lower() in CUE_COORD:
                end = t.id - 1
                if toks[end - 1].text == ",":
                    end -= 1
                break
        if depth == 0 and t.text == "," and t.id < n:
            nxt = toks[t.id].text.lower()
            if nxt in ("though", "although", "whereas", "while", "unless"):
                end = t.id - 1
                break
            if nxt in ("but", "and", "or", "so", "yet") and t.id + 1 < n and (
                    toks[t.id + 1].upos in ("PRON", "PROPN", "DET", "NUM") or toks[t.id + 1].text.lower() in ("there", "it")):
                end = t.id - 1
                break
            if nxt in FRAMES["participles"]:
                end = t.id - 1
                break
    while end >= k and is_punct(toks[end - 1]) and not any(c in "\"”'’" for c in toks[end - 1].text):
        end -= 1
    return end


def _verb_frame(doc: Document, si: int, tree: Tree, v: Token, lem: str, lexicon: Lexicon,
                in_quote=None) -> Cand | None:
    sent = tree.sent
    toks = sent.tokens
    n = len(toks)
    if any(c.deprel == "aux" and c.lemma.lower() in OBLIGATION for c in tree.children(v.id)):
        return None  # "Candidates must report that spending": a rule, not a claim
    if _modifies_noun(toks, v):
        return None
    classes = lexicon.cue_classes(lem)
    text = doc.source.text
    content: list[int] | None = None
    pieces2: list[int] = []
    origin = "reported"
    src: list[int] = []
    passive = False
    # raising and non-statements: "is said to have", "declined to comment"
    nxt = toks[v.id].text.lower() if v.id < n else ""
    if lem == "say" and nxt == "to":
        return None
    phrasal = f"{lem} {nxt}" if nxt and lexicon.is_cue_verb(f"{lem} {nxt}") else None
    # inverted order after a quotation: '"...," said Smith, a strategist who ...'
    prev = toks[v.id - 2].text if v.id >= 2 else ""
    # ... unless the cue has its own subject before it and no quotation ends there: "A
    # spokeswoman for the department, Alicia Moreno, confirmed the closure" is not inverted
    own_subject = prev == "," and any(c.deprel in ("nsubj", "nsubj:pass") and c.id < v.id
                                      for c in tree.children(v.id))
    if prev and all(not c.isalnum() for c in prev) and any(c in ",\"”'’" for c in prev) and not own_subject:
        before = _before_cue(tree, v)
        if before is not None:
            content, pieces2, src, origin = before
    # 1. colon lead: "Smith said: ..."
    colon = _content_after_colon(tree, v) if content is None else None
    if colon:
        content, origin = sorted(colon), "colon"
    # 2. content after the cue: skip particles, time phrases, "in a statement", an object
    if content is None:
        src = []
        k = v.id + 1
        while k <= n and toks[k - 1].deprel == "compound:prt":
            k += 1
        if phrasal and k == v.id + 1:
            k += 1  # "referring to X", "talked about X", "commented on X"
        k = _skip_adjuncts(toks, k)
        if lem in OBJ_TAKERS and k <= n and toks[k - 1].text.lower() not in ("that", "to"):
            obj = _np_forward(toks, k, 6)
            if obj:
                k2 = obj[-1] + 1
                k2 = _skip_adjuncts(toks, k2)
                while k2 <= n and toks[k2 - 1].text == ",":
                    k2 = _skip_adjuncts(toks, k2 + 1)
                content = _clause_after(tree, k2, lem)
        if content is None:
            content = _clause_after(tree, k, lem)
        if content is None and (classes & {"accuse", "deny"} or lem in OBJ_VERBS or phrasal) and k <= n and (
                toks[k - 1].upos in NP_POS | {"PRON"} or toks[k - 1].text in ('"', "“", "''", "``", "‘", "'")):
            end = _content_end(toks, k)
            if lem in FRAMES["person_object_verbs"]:
                if end >= k:
                    content = list(range(k, end + 1))
            else:
                obj = _np_forward(toks, k, 15) or ([k] if toks[k - 1].upos == "PUNCT" else [])
                if obj and end >= obj[-1]:
                    # "denied Russian accusations, saying ..." keeps the participle clause
                    if classes & {"deny", "accuse"} and obj[-1] + 2 <= n and toks[obj[-1]].text == "," and \
                            lexicon.is_cue_verb(toks[obj[-1] + 1].lemma.lower()) and toks[obj[-1] + 1].text.lower().endswith("ing"):
                        end2 = _content_end(toks, obj[-1] + 3) if obj[-1] + 3 <= n else obj[-1] + 2
                        content = obj + list(range(obj[-1] + 2, max(end2, obj[-1] + 2) + 1))
                    else:
                        content = list(range(k, end + 1))
        if content is None and lem in ("show", "find") and k <= n and _is_np(toks[k - 1]) \
                and any(toks[i - 1].lemma.lower() in EVIDENCE for i in _subject_ids(tree, v)):
            # "Several polls show Sanders within two points": what evidence shows, as a small clause
            end = _content_end(toks, k)
            if end > k + 1:
                content = list(range(k, end + 1))
        if content is not None:
            src = _participle_subject(tree, v) or _subject_ids(tree, v)
            if not src and v.text.lower().endswith("ing"):
                src = _first_subject(tree, v.id, in_quote)
                verb = next((i for i in src if toks[i - 1].upos in ("VERB", "AUX") and toks[i - 1].xpos in FINITE), None)
                if verb is not None:
                    src = [i for i in src if i < verb]  # the subject, not its clause
            if not src:
                # passive "was called X by Y" / "It was reported that ..."
                prev = [t for t in toks[:v.id - 1]]
                if prev and prev[-1].upos == "AUX" and prev[-1].lemma == "be" and v.xpos == "VBN" and \
                        not (prev[-1].text.lower() in ("'s", "’s") and not any(
                            c.deprel == "aux:pass" for c in tree.children(v.id))):
                    passive = True  # not "is saying" (progressive), not "who's argued" (has)
    # 3. content before the cue: '"...," he said.' / 'X, Smith said, Y' / 'X, said Smith.'
    if content is None:
        before = _before_cue(tree, v)
        if before is not None:
            content, pieces2, src, origin = before
    # 4. dependency fallback: a ccomp the surface did not see
    if content is None:
        comp = [c for c in tree.children(v.id) if c.deprel.split(":")[0] == "ccomp" and c.id > v.id + 1]
        if comp:
            ids = sorted(set().union(*(tree.subtree(c.id) for c in comp)) - {v.id})
            ids = [i for i in ids if i > v.id]
            if ids:
                content = list(range(ids[0], _content_end(toks, ids[0]) + 1))
                src = _participle_subject(tree, v) or _subject_ids(tree, v)
                origin = "dep"
    if not content:
        return None
    if origin == "colon" and not src:
        src = _participle_subject(tree, v) or _subject_ids(tree, v)
    if not src and not passive:
        src = _shared_subject(tree, v)
    if not src and not passive:
        src = _relative_subject(tree, v)
    src = _strip_dateline(toks, src)  # "GOTHENBURG, Sweden (Wire) — The board ..."
    # by-agent of a passive cue: "was called 'a gamble' by X"
    if passive or (v.xpos == "VBN" and v.id >= 2 and toks[v.id - 2].lemma == "be"):
        for j in range(v.id + 1, n):
            if toks[j - 1].text.lower() == "by" and j in content:
                agent = _np_forward(toks, j + 1)
                if agent:
                    src = agent
                    content = [i for i in content if i < j]
                    passive = False
                break
        else:
            passive = not src
    content = [i for i in content if i not in src and i != v.id]
    if len(src) == 1 and toks[src[0] - 1].text.lower() == "it" and v.id >= 2 and (
            toks[v.id - 2].lemma.lower() == "be" or toks[v.id - 2].upos == "AUX") and v.xpos == "VBN":
        src, passive = [], True  # "It was reported that ...": no source
    if len(src) == 1 and toks[src[0] - 1].text.lower() in ("who", "which") and src[0] >= 2 \
            and toks[src[0] - 2].text == "," and origin != "parataxis":
        # a relative clause between commas: "Broaddrick, who says X, recounted ..." ends at the comma
        commas = [i for i in content if i > v.id and toks[i - 1].text == ","]
        if commas:
            content = [i for i in content if i < commas[0]]
    ids = trim(sent, set(_strip_dateline(toks, content)) | set(pieces2))
    if not ids:
        return None
    evidence = lem in FRAMES["evidence_verbs"] and any(
        toks[i - 1].lemma.lower() in EVIDENCE for i in src)
    # "called the claim baseless": a judgement stated about an object (object + adjective)
    judged = lem == "call" and any(c.deprel == "xcomp" and c.upos == "ADJ" and c.id in ids
                                   for c in tree.children(v.id))
    if lem in WEAK and origin not in ("colon",) and not evidence and not judged:
        first = toks[ids[0] - 1]
        if first.text.lower() not in ("that",) and not any(c in sent_text(doc, sent, ids) for c in '"“'):
            return None
    if len([i for i in ids if not is_punct(toks[i - 1])]) < 2:
        return None
    src_set = set(src)
    return Cand(content=_pieces(sent, ids), cue=_cue_span(tree, v, lexicon, text),
                source=span_of(sent, src_set) if src_set else None, sentence=si,
                origin=origin, cue_lemma=lem, cue_key=(si, v.id),
                source_head=_head_of(tree, src_set) if src_set else None,
                source_ids=tuple(sorted(src_set)), negated=_negated(tree, v) or _neg_surface(toks, v),
                passive_agentless=passive and not src_set)


def _strip_dateline(toks, ids: list[int]) -> list[int]:
    """Drop a wire dateline ("BEIRUT (AP) —") from the start of a content."""
    if not ids or ids[0] != 1:
        return ids
    for t in toks[:12]:
        if t.text in ("—", "–", "--", "-") and t.id > 1:
            before = toks[:t.id - 1]
            if all(x.upos in ("PROPN", "PUNCT", "NUM") or x.text.isupper() for x in before) and \
                    any(x.text.isupper() and len(x.text) > 1 for x in before):
                return [i for i in ids if i > t.id]
            break
    return ids


def by_agent(toks, v: Token) -> list[int]:
    """The agent of a passive cue ("was called 'a gamble' by X"): ids of X, or []."""
    j = v.id - 1
    while j >= 1 and toks[j - 1].upos in ("ADV", "PART"):
        j -= 1
    if not (v.xpos == "VBN" or v.text.lower().endswith(("ed", "en"))) or j < 1 or toks[j - 1].lemma.lower() != "be":
        return []
    for t in toks[v.id:]:
        if t.text.lower() == "by":
            return _np_forward(toks, t.id + 1)
        if t.text in (";", ":") or (t.upos == "VERB" and t.xpos in FINITE):
            break
    return []


EVIDENCE = FRAMES["evidence"]


def _neg_surface(toks, v: Token) -> bool:
    j = v.id - 1
    while j >= 1 and toks[j - 1].upos in ("AUX", "PART", "ADV"):
        if toks[j - 1].text.lower() in NEG:
            return True
        j -= 1
    return False


# cues whose subject may follow them ('"...," said Smith'); never "tell", whose following noun
# is the listener ('..., told lawmakers on a visit')
INVERTING = FRAMES["inverting"]
QUOTE_END = set('"”\'’') | {"''"}


def _before_cue(tree: Tree, v: Token):
    """'<content>, <source> <cue> [rest].' or '<content>, <cue> <source>.'; None when no match."""
    toks = tree.sent.tokens
    n = len(toks)
    if v.xpos == "VBG" or v.text.lower().endswith("ing"):
        return None  # "..., arguing its advantages" introduces what follows, never what precedes
    # after the cue: at most a few words (time, "in a statement", an inverted source) then the end or a comma
    k = v.id + 1
    inverted: list[int] = []
    if k <= n and _is_np(toks[k - 1]) and v.lemma.lower() == "tell":
        # '"...," Dana Whitfield, a spokeswoman for the union, told Reuters.': what follows
        # "told" is whom the source told, never the source
        addressee = _np_forward(toks, k)
        if addressee:
            k = addressee[-1] + 1
    elif k <= n and _is_np(toks[k - 1]) and toks[k - 1].text.lower() not in TIME_WORDS and \
            v.lemma.lower() in INVERTING:
        inverted = _np_forward(toks, k)
        if inverted and inverted[-1] + 1 <= n and toks[inverted[-1]].text == ",":
            # "said Igor Konashenkov, the ministry's spokesman."
            app = _np_forward(toks, inverted[-1] + 2)
            if app:
                inverted = list(range(inverted[0], app[-1] + 1))
        if inverted:
            k = inverted[-1] + 1
        if inverted and k <= n and toks[k - 1].text.lower() in ("who", "whose") and any(
                t.upos in ("NOUN", "PROPN") for t in toks[inverted[0] - 1:k - 1]):
            # '"...," said a Mexican official who was not authorized to speak publicly.': the
            # relative clause describes the source, to the sentence's end or the next comma
            e = k
            while e <= n and toks[e - 1].text not in (".", "!", "?", ",", ";") and toks[e - 1].text not in ("\"", "“", "``"):
                e += 1
            inverted = list(range(inverted[0], e))
            k = e
    k = _skip_adjuncts(toks, k)
    tail_end = k > n or toks[k - 1].text in (".", "!", "?", ",", ";", "—", "–", ":", "(") or toks[k - 1].text in QUOTE_END \
        or (toks[k - 1].upos in ("ADP", "SCONJ") and toks[k - 1].text.lower() not in ("that", "of"))
    if not tail_end:
        return None
    cont_after: list[int] = []
    if k <= n and toks[k - 1].text == "," and k + 1 <= n and (
            toks[k].text in ('"', "“", "''", "``", "«") or toks[k].xpos not in ("VBG", "WP", "WDT")):
        rest_end = _content_end(toks, k + 1)
        if rest_end > k + 1:
            cont_after = list(range(k + 1, rest_end + 1))
    if cont_after and toks[k].text not in ('"', "“", "''", "``", "«") and (
            toks[k].text.lower() in ("which", "who", "whom", "where", "when") or
            (k + 1 < n and toks[k].upos == "ADP" and toks[k + 1].text.lower() in ("which", "whom"))):
        cont_after = []  # '"It's finished," she said of the election, in which ...': narration
    # before the cue: the source (unless inverted), then a comma (or closing quote + comma)
    j = v.id - 1
    while j >= 1 and toks[j - 1].upos in ("AUX", "PART", "ADV") and toks[j - 1].text.lower() not in ("so",):
        j -= 1
    src: list[int] = inverted
    if not inverted:
        src = _np_back_app(toks, j)
        if not src:
            return None
        j = src[0] - 1
    while j >= 1 and toks[j - 1].text in QUOTE_END:
        j -= 1
    if j < 2 or toks[j - 1].text not in (",", "—", "–", "--", "?", "!"):
        return None
    content = list(range(1, j))
    if len(content) < 2:
        return None
    if cont_after and j < n and toks[j].text in QUOTE_END and toks[cont_after[0] - 1].text not in ('"', "“", "''", "``", "«"):
        cont_after = []  # a closed quotation before the cue: what follows unquoted is narration
    finite_before = any(t.upos in ("VERB", "AUX") and t.xpos in FINITE for t in toks[:j - 1])
    if not finite_before and not cont_after and len(content) < 6:
        return None  # "In an email, Axelrod said ..." is not content
    return content, cont_after, src, "parataxis"


def sent_text(doc: Document, sent: Sentence, ids: list[int]) -> str:
    s, e = span_of(sent, ids)
    return doc.source.text[s:e]




