"""Noun phrases and subjects for reported speech: the source noun phrase read off the POS tags
(backwards over appositions, forwards after a cue), adjuncts skipped, and the dependency subject
of a cue verb (participle, shared, relative).  Split out of :mod:`attribution.extract.reported`.
"""
from __future__ import annotations

from ..model import Token
from ._tree import Tree, is_punct, trim
from .cue import FRAMES, QUOTE_END
from .occasion import ADJUNCT_NOUNS, _occasion_head, _occasion_phrase
from .relative_clauses import _modifies_noun, _relative_subject, _subject_with_relative  # noqa: F401 (re-exported)

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
        if ids and t.text == "," and j >= 3:
            # "the soft-spoken, 71-year-old diplomat said": a comma between two modifiers of
            # one head, the determiner of that head before the first
            lead = _modifiers_before_comma(toks, j, ids[0])
            if lead:
                ids.extend(range(j, lead - 1, -1))
                j = lead - 1
                continue
        if ids and low in ("and", "or") and j >= 2 and toks[j - 2].upos == "ADJ" and toks[ids[-1] - 1].upos == "ADJ":
            ids.append(t.id)  # "current and former officials said": two modifiers of one head
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


def _modifiers_before_comma(toks, comma: int, head: int) -> int | None:
    """Where a run of modifiers before the comma at ``comma`` starts, when it opens with a
    determiner of ``head`` and every word in it hangs on ``head`` (through other words of the
    run): "the soft-spoken, | 71-year-old diplomat".  None for anything else ("The economy is
    strong, | young voters said": a clause, no determiner of "voters")."""
    for k in range(comma - 1, max(0, comma - 7), -1):
        t = toks[k - 1]
        if t.upos in ("VERB", "AUX") and t.xpos in FINITE or t.text in (",", ";", ":") or t.upos in ("PRON", "ADP"):
            return None
        if t.upos == "DET" and t.head == head:
            inside = range(k, head + 1)
            for i in range(k, comma):
                h = toks[i - 1].head
                while h in inside and h != head:
                    h = toks[h - 1].head
                if h != head:
                    return None
            return k
    return None


def _np_forward(toks, j: int, limit: int = 12) -> list[int]:
    ids: list[int] = []
    while j <= len(toks) and len(ids) < limit:
        t = toks[j - 1]
        if _is_np(t) or (ids and t.text.lower() in NP_GLUE_FWD) or (ids and t.text == ",") or (
                t.upos == "VERB" and t.deprel == "amod" and j < len(toks) and _is_np(toks[j])):
            # "said one retired nurse": a participle before the noun is part of the phrase
            ids.append(t.id)
            j += 1
            continue
        break
    while ids and (toks[ids[-1] - 1].text.lower() in NP_GLUE_FWD or toks[ids[-1] - 1].text == ","):
        ids.pop()
    return ids


TIME_WORDS = FRAMES["time_words"]
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
        if t.text == ",":
            # an adverb set off by commas: "The two lawmakers, however, argue", "The mayor, too, said"
            k = j - 1
            while k >= 1 and k > j - 3 and toks[k - 1].upos == "ADV":
                k -= 1
            if k < j - 1 and k >= 2 and toks[k - 1].text == ",":
                j = k - 1
                continue
        if low in PREPS and j < v.id - 1 and toks[j].text.lower() in TIME_WORDS:
            j -= 1  # "on Thursday"
            continue
        break
    surface = _relative_object(toks, _np_back_app(toks, j))
    if surface and all(toks[i - 1].upos in ("NUM", "SYM", "PUNCT") for i in surface):
        surface = []  # "voted 7-2 on Tuesday to approve": a vote count or a figure is nobody
    if v.xpos == "VBG" and surface and _occasion_phrase(toks, surface) \
            and not any(toks[i - 1].text == "," for i in range(surface[-1] + 1, v.id)):
        surface = []  # "..., at one point calling", "in one interview accusing": the noun the
        # participle follows is a phrase of time or occasion, never who speaks (a finite verb's
        # may be a subject the parse misread: "after a report from the auditor last month found")
    dep = [c for c in tree.children(v.id) if c.deprel in ("nsubj", "csubj")]
    if dep and dep[0].id > v.id and j >= 1 and toks[j - 1].upos == "NOUN" and toks[j - 1].deprel in ("nmod", "obl") \
            and toks[j - 1].head != v.id:
        return []  # the parse's subject follows the "cue", and the word before it is a noun of another
        # phrase: a noun read as a verb ("former host of the reality | show “The Apprentice,”")
    if dep:
        ids = sorted(trim(tree.sent, tree.subtree(dep[0].id), keep_quotes=False))
        while ids and ids[0] < dep[0].id and toks[ids[0] - 1].upos in ("ADP", "SCONJ", "CCONJ") and \
                toks[ids[0] - 1].deprel.split(":")[0] in ("case", "mark", "cc"):
            ids = ids[1:]  # "after the man had posted", "but officials said": the clause's
            # conjunction is no part of its subject
        # the subject may end at the comma that closes its apposition: "Maria Gomez, 34, of
        # Dayton, Ohio, said" (the surface walk alone stops at "Dayton, Ohio")
        ends = ids and (ids[-1] == j or (ids[-1] == j - 1 and toks[j - 1].text == ","))
        # a name with a long apposition may run past 25 words ("Scott Morris, a former Treasury
        # official who is now a senior fellow at ..., which works to ..., said"): the name speaks,
        # not the last noun phrase of its apposition that the surface walk finds
        named = dep[0].upos == "PROPN" and ids and ids[0] == dep[0].id
        if ends and ids == list(range(ids[0], ids[-1] + 1)) and len(ids) <= (40 if named else 25):
            if not set(ids) <= set(surface):
                return ids
    return (dep and ids and not ends and _subject_with_relative(toks, ids, j, v, surface)) or surface


def _relative_object(toks, surface: list[int]) -> list[int]:
    """A noun phrase before the cue that is the object of a relative clause on the subject ("Senior
    advisers who have run | the numbers | argue"): the source is the whole subject."""
    if not surface or surface[0] < 4:
        return surface
    m = surface[0] - 1
    if toks[m - 1].upos != "VERB":
        return surface
    m -= 1
    while m >= 1 and toks[m - 1].upos in ("AUX", "ADV", "PART"):
        m -= 1
    if m >= 2 and toks[m - 1].text.lower() == "who" and toks[m - 2].upos in ("NOUN", "PROPN"):
        head = _np_back(toks, m - 1)
        if head:  # from a name in apposition before it ("Nate Silver, the polling guru who ...")
            h = head[0]
            while h >= 2 and (toks[h - 2].upos in ("DET", "ADJ") or toks[h - 2].xpos in ("VBG", "VBN")):
                h -= 1  # "the polling | guru": a participle the parse left out of the phrase
            return list(range(_named_before(toks, h), surface[-1] + 1))
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
    if not own and v.head and any(c.deprel in ("mark", "case") and c.text.lower() in ("for", "of")
                                  and c.id < v.id for c in tree.children(v.id)):
        # "knocked Cruz for not reporting the loans", "accused her of saying ...": who reports
        # or says is the object of the verb the gerund hangs on, never its subject
        obj = [c for c in tree.children(v.head) if c.deprel in ("obj", "iobj") and c.id < v.id]
        if not obj:
            return []
        ids = sorted(trim(tree.sent, tree.subtree(obj[0].id), keep_quotes=False))
        return ids if ids and ids == list(range(ids[0], ids[-1] + 1)) and len(ids) <= 12 and ids[-1] < v.id else []
    if own:
        # the parse sometimes makes the participle the root and the clause before it its
        # subject ("[A judge sided with the union], saying ..."): that clause's subject speaks
        gov = own[0]
        if not (gov.upos == "VERB" and gov.id < v.id and v.id >= 2 and toks[v.id - 2].text == ","):
            return []
    elif (occasion := _occasion_head(tree, v)) is not None:
        gov = occasion   # "..., at the hearing calling the report false"
    elif v.head == 0 or (v.deprel.split(":")[0] not in ("advcl", "xcomp", "conj", "parataxis")
                         and not (v.deprel == "ccomp" and v.id >= 2 and toks[v.id - 2].text == ","
                                  and tree.sent.token(v.head).id == v.id - 2)):
        # ", adding that ..." right after its cue is a participle clause whatever the parse calls
        # it ('..., Mr. Manafort said, adding that ...': ccomp of "said")
        return []
    else:
        gov = tree.sent.token(v.head)
    cue = toks[v.id - 3] if v.id >= 3 and toks[v.id - 2].text == "," else None
    if cue is not None and cue.id != gov.id and cue.upos == "VERB" and cue.deprel == "parataxis" \
            and any(c.deprel == "nsubj" for c in tree.children(cue.id)):
        # "Mr. Hale intends to ..., Ms. Ortiz said, adding that ...": the participle goes on from
        # the reporting clause just before it, whatever the parse hangs it on
        gov = cue
    if gov.id > v.id:
        return []
    if any(toks[i - 1].text in QUOTE_END for i in range(gov.id + 1, v.id)):
        # the clause hung on is a quotation ('"They're deaf," Kowal said at a rally, adding
        # that ...'): the speaker is the subject of the cue after the quote, never a word of it
        gov = next((c for c in tree.children(gov.id) if c.deprel == "parataxis" and gov.id < c.id < v.id
                    and any(k.deprel == "nsubj" for k in tree.children(c.id))), None)
        if gov is None:
            return []
    subj = [c for c in tree.children(gov.id) if c.deprel in ("nsubj", "csubj")
            and (c.id < gov.id or gov.deprel == "parataxis")]  # '"...," said Kowal, adding'
    if gov.deprel == "parataxis" and subj and subj[0].id > gov.id:
        ids = sorted(trim(tree.sent, tree.subtree(subj[0].id), keep_quotes=False))
        return ids if ids and ids == list(range(ids[0], ids[-1] + 1)) and len(ids) <= 25 and ids[-1] < v.id else []
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
    # a passive first verb shares its subject with an active cue: "FBI officials were angered by
    # the deal and predicted it would ..." (not "was arrested and charged", both passive)
    active = v.xpos in ("VBD", "VBZ", "VBP") and not any(c.deprel == "aux:pass" for c in tree.children(v.id))
    subj = [c for c in tree.children(head.id) if c.deprel in ("nsubj", "csubj") or (active and c.deprel == "nsubj:pass")]
    if not subj or subj[0].id > head.id:
        return []
    ids = sorted(trim(tree.sent, tree.subtree(subj[0].id), keep_quotes=False))
    if not ids or ids != list(range(ids[0], ids[-1] + 1)) or len(ids) > 25:
        return []
    return ids


def _controller_subject(tree: Tree, v: Token) -> list[int]:
    """A cue in the infinitive the verb before it governs has that verb's subject: "Dorsey
    continued to refute the report", "Carson went on to deny it" (the parse hangs the subject
    on "continued" only)."""
    if v.deprel != "xcomp" or v.head == 0:
        return []
    head = tree.sent.token(v.head)
    if head.upos not in ("VERB", "AUX") or head.id > v.id:
        return []
    if not any(c.deprel in ("nsubj", "csubj") and c.id < head.id for c in tree.children(head.id)):
        return []   # "was asked to deny it": the one asked is no speaker
    return _subject_ids(tree, head)


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
