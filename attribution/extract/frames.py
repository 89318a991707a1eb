"""The verb frames of reported speech (see :mod:`attribution.extract.reported`): content after
the cue (colon lead, complement clause, object), content before it (``..., he said.``,
parenthetical), the passive agent and the dateline.  Split out of ``reported.py``.
"""
from __future__ import annotations

import re

from ..vocab import Lexicon
from ..model import Document, Sentence, Token
from ._tree import Cand, Tree, is_punct, span_of, trim
from .clause_end import _content_end, _rejected_apposition
from .relative_clauses import _SEPARATORS, _something_before
from .before_cue import _before_cue
from .cue import FRAMES, NEG, OBJ_VERBS, OBLIGATION, WEAK, _cue_span, _head_of, _negated, _pieces
from .phrases import (
    FINITE, NP_POS, OBJ_TAKERS, _first_subject, _is_np, _modifies_noun, _np_forward, _participle_subject,
    _relative_subject, _shared_subject, _skip_adjuncts, _subject_ids, _controller_subject,
)


def _content_after_colon(tree: Tree, v: Token) -> set[int] | None:
    toks = tree.sent.tokens
    for j in range(v.id, min(v.id + 6, len(toks))):
        if toks[j].text == ":":
            rest = [t.id for t in toks[j + 1:]]
            return set(rest) if rest else None
        if toks[j].upos == "VERB" or toks[j].text in (",", ".", ";"):
            break
    return None


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


def _verb_frame(doc: Document, si: int, tree: Tree, v: Token, lem: str, lexicon: Lexicon,
                in_quote=None) -> Cand | None:
    sent = tree.sent
    toks = sent.tokens
    n = len(toks)
    if any(c.deprel == "aux" and c.lemma.lower() in OBLIGATION for c in tree.children(v.id)):
        return None  # "Candidates must report that spending": a rule, not a claim
    classes = lexicon.cue_classes(lem)
    if v.id >= 2 and toks[v.id - 2].text == "," and _rejected_apposition(toks, v.id):
        return None   # "..., claims that the board could not corroborate": a noun the parse took for a verb
    # a rejection in a relative clause with its own subject ("a timeline that groups have
    # disputed") is read only as the rejection of the noun it modifies (3b below)
    relative_only = _modifies_noun(toks, v)
    if relative_only and not ("deny" in classes and v.deprel == "acl:relcl" and any(
            c.deprel == "nsubj" for c in tree.children(v.id))):
        return None
    text = doc.source.text
    content: list[int] | None = None
    pieces2: list[int] = []
    origin = "reported"
    src: list[int] = []
    passive = False
    told = False  # a passive cue whose subject was told, not the speaker
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
        if content is None and "deny" in classes and k <= n and toks[k - 1].xpos == "VBG" \
                and toks[k - 1].head == v.id and toks[k - 1].deprel in ("xcomp", "ccomp", "obj", "advcl"):
            # "denied taking the money", "He denies crying": the act denied, a gerund clause
            end = max(_content_end(toks, k), k)
            comma = next((i for i in range(k, end + 1) if toks[i - 1].text in (",", ";", "—", "–")), None)
            content = list(range(k, (comma - 1 if comma is not None else end) + 1))
        if content is None and (classes & {"accuse", "deny"} or lem in OBJ_VERBS or phrasal) and k <= n and (
                toks[k - 1].upos in NP_POS | {"PRON"} or toks[k - 1].text in ('"', "“", "''", "``", "‘", "'")
                # "denied wrongdoing": the parser may tag the noun a verb
                or "deny" in classes and toks[k - 1].text.lower() in FRAMES["denied_nouns"]):
            end = _content_end(toks, k)
            if lem in FRAMES["person_object_verbs"]:
                if end >= k:
                    content = list(range(k, end + 1))
            else:
                obj = _np_forward(toks, k, 15) or ([k] if toks[k - 1].upos == "PUNCT" else [])
                if not obj and "deny" in classes and toks[k - 1].deprel == "obj" \
                        and toks[k - 1].text.lower() in ("that", "this", *FRAMES["denied_nouns"]):
                    obj, end = [k], k   # "Orr denied that.": the claim just reported; "denied wrongdoing"
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
            if src and _passive_voice(tree, v) and lem not in FRAMES["passive_speakers"]:
                # "Staff were told that ...", "Members were sworn to secrecy": the subject of a
                # passive cue is who was told, not who spoke; the source is a by-agent or nobody
                src, passive, told = [], True, True
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
    rel = _relative_rejection(tree, v, lexicon) if content is None and "deny" in classes else None
    if content is None and rel is None:
        before = _before_cue(tree, v)
        if before is not None:
            content, pieces2, src, origin = before
    # 3b. a claim noun the cue's relative clause rejects: "..., a charge that party leaders
    # strongly denied", "claims which the company disputes"
    if content is None and rel is not None:
        content, src, origin = rel[0], rel[1], "relative"
    if relative_only and origin != "relative":
        return None
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
        src = _controller_subject(tree, v)
    if not src and not passive:
        src = _relative_subject(tree, v)
    src = _strip_dateline(toks, src)  # "GOTHENBURG, Sweden (Wire) — The board ..."
    # by-agent of a passive cue: "was called 'a gamble' by X"
    if passive or (v.xpos == "VBN" and v.id >= 2 and toks[v.id - 2].lemma == "be"):
        for j in range(v.id + 1, n):
            if toks[j - 1].text.lower() == "by" and j in content:
                if any(toks[i - 1].upos == "VERB" for i in range(v.id + 1, j)):
                    break  # "is expected to ... push back start times by 45 minutes": another verb's "by"
                agent = _np_forward(toks, j + 1)
                if agent:
                    src = agent
                    content = [i for i in content if i < j]
                    passive = False
                break
        else:
            passive = not src
    content = [i for i in content if i not in src and i != v.id]
    after = toks[v.id].text.lower() if v.id < len(toks) else ""
    if lem == "plead" and after in ("guilty", "innocent", "not", "no"):
        return None  # "who pleaded guilty to stealing ...": a plea in court, not a claim
    if lem == "refer" and after not in ("to", "back", "") and not any(toks[i - 1].text.lower() == "as" for i in content):
        return None  # "has referred her findings to the attorney general": passed on, not stated
    if lem in ("ask", "request") and _ANONYMITY_REQUEST.match(" ".join(toks[i - 1].text.lower() for i in content[:7])):
        return None  # "who asked that her name not be used because ...": a request to stay unnamed, no claim
    if passive and content and toks[content[0] - 1].text.lower() in ("because", "since", "as", "so") and \
            toks[content[0] - 1].upos == "SCONJ":
        return None  # "asked not to be named because she was not authorized ...": a reason, no claim
    if told and passive and not any(toks[i - 1].text.lower() == "that" for i in content[:1]) and \
            not any(c.deprel.split(":")[0] == "ccomp" for c in tree.children(v.id)):
        passive = False  # "were sworn to secrecy", "aren't admitted until ...": no statement hidden
    if len(src) == 1 and toks[src[0] - 1].text.lower() == "it" and v.xpos == "VBN" and _be_before(toks, v):
        src, passive = [], True  # "It was reported that ...": no source (not "It has refused to
        # punish schools", an active perfect whose "it" is the agency named before)
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
    judged = lem == "call" and any(c.id in ids and (
        (c.deprel == "xcomp" and c.upos == "ADJ")
        or (c.deprel in ("xcomp", "obj") and c.upos == "NOUN"
            and (c.lemma or c.text).lower() in FRAMES["judgement_nouns"])) for c in tree.children(v.id))
    if lem in WEAK and origin not in ("colon",) and not evidence and not judged:
        first = toks[ids[0] - 1]
        if first.text.lower() not in ("that",) and not any(c in sent_text(doc, sent, ids) for c in '"“'):
            return None
    words = [i for i in ids if not is_punct(toks[i - 1])]
    if len(words) < 2 and not origin == "relative" and not ("deny" in classes and len(words) == 1 and words[0] > v.id
                               and (toks[words[0] - 1].text.lower() in ("it", "that", "this", "them", "those",
                                                                        *FRAMES["denied_nouns"])
                                    or toks[words[0] - 1].xpos == "VBG")):
        # one word is no statement, except the claim a denial points back to ("Orr denied it",
        # "the agency disputed that") or the charge it rejects ("Jensen denied wrongdoing")
        return None
    src_set = set(src)
    return Cand(content=_pieces(sent, ids), cue=_cue_span(tree, v, lexicon, text),
                source=span_of(sent, src_set) if src_set else None, sentence=si,
                origin=origin, cue_lemma=lem, cue_key=(si, v.id),
                source_head=_head_of(tree, src_set) if src_set else None,
                source_ids=tuple(sorted(src_set)), negated=_negated(tree, v) or _neg_surface(toks, v),
                passive_agentless=passive and not src_set)


def _be_before(toks, v: Token) -> bool:
    """A form of "be" right before the participle, adverbs skipped ("was reported", "has been
    widely reported"), not "has" ("It has refused to ...")."""
    j = v.id - 1
    while j >= 1 and toks[j - 1].upos in ("ADV", "PART"):
        j -= 1
    return j >= 1 and toks[j - 1].lemma.lower() == "be"


def _passive_voice(tree: Tree, v: Token) -> bool:
    """A cue in the passive voice with its own passive subject ("were told", "was warned",
    "had been promised"), not a participle that only modifies a clause ("... , saying")."""
    if v.xpos != "VBN":
        return False
    kids = tree.children(v.id)
    if any(c.deprel in ("nsubj:pass", "aux:pass") for c in kids):
        return True
    toks = tree.sent.tokens
    j = v.id - 1
    while j >= 1 and toks[j - 1].upos in ("ADV", "PART"):
        j -= 1  # "were also told", "was not told"
    return j >= 1 and toks[j - 1].lemma.lower() in ("be", "get") and toks[j - 1].upos == "AUX"


def _relative_rejection(tree: Tree, v: Token, lexicon: Lexicon) -> tuple[list[int], list[int]] | None:
    """"<claim noun> that|which <source> <deny-verb>": the noun (a cue noun: "a charge",
    "the claims") is what the source rejects, and its clause is the cue's object gap, so
    nothing but punctuation, a participle or a preposition follows the cue.  Returns
    (content ids, source ids) or None."""
    toks = tree.sent.tokens
    n = len(toks)
    src = _subject_ids(tree, v)
    if not src or src[-1] >= v.id or src[0] < 2:
        return None
    # no relative word: ", a claim Holt rejected", ", a charge she denies" (the surface subject
    # runs from the claim noun's determiner over the real subject)
    zero = next((i for i in src[1:-1] if toks[i - 1].upos == "NOUN" and lexicon.is_cue_noun(
        (toks[i - 1].lemma or toks[i - 1].text).lower()) and toks[src[0] - 1].upos == "DET"), None)
    if zero is not None:
        if not (src[0] >= 2 and toks[src[0] - 2].text in _SEPARATORS):
            return None
        src = [i for i in src if i > zero]
        if not src or toks[src[0] - 1].upos not in ("PROPN", "PRON", "DET", "NOUN"):
            return None
    elif src[0] < 3:
        return None
    something = _something_before(toks, src[0])   # "..., something he has denied"
    if something is not None:
        zero = something if something == src[0] - 1 else None
    rel = toks[zero] if zero is not None else toks[src[0] - 2]
    if zero is None and rel.text.lower() not in ("that", "which"):
        return None
    k = v.id + 1
    while k <= n and toks[k - 1].upos == "ADV":
        k += 1
    if k <= n and not (is_punct(toks[k - 1]) or toks[k - 1].upos in ("ADP", "CCONJ")
                       or toks[k - 1].text.lower().endswith("ing")):
        return None   # "a claim that officials denied him access to": the cue has an object
    h = zero if zero is not None else src[0] - 2    # the claim noun: before the relative word
    if h >= 1 and toks[h - 1].text == "," and rel.text.lower() == "which":
        h -= 1
    head = toks[h - 1] if h >= 1 else None
    if something is not None:
        return [something], src
    if head is None or head.upos != "NOUN" or not (lexicon.is_cue_noun((head.lemma or head.text).lower())
                                                   or head.text.lower() in FRAMES["disputed_nouns"]):
        return None  # a claim noun ("a charge that ...", "a point that ..."), never "a proposal that the legislature rejected"
    start = h
    while start > 1 and start > h - 4 and toks[start - 2].upos in ("DET", "ADJ", "NOUN", "PROPN") \
            and toks[start - 2].text != ",":
        start -= 1
    return list(range(start, h + 1)), src


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


def sent_text(doc: Document, sent: Sentence, ids: list[int]) -> str:
    s, e = span_of(sent, ids)
    return doc.source.text[s:e]


# what a source asks for when asking to stay unnamed ("asked that her name not be used", "requested
# that his name be withheld"): the reason for the anonymity, not a claim
_ANONYMITY_REQUEST = re.compile(r"(?:that )?(?:his|her|their|my) (?:full )?(?:names?|identity|identities) (?:not )?be "
                                r"(?:used|published|printed|withheld|disclosed|given|revealed|identified|made public)")
