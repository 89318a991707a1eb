"""What a sentence claims for `unsourced-claim` (ATR103): its figures (money, percentages,
counts, units, shares, statistics) and allegations of wrongdoing, and the figures that are no
claim of fact (election results, conditions, targets, the reporter's own crowd counts)."""
from __future__ import annotations

import functools
import re

from .. import vocab
from ..context import Context
from ..stated import figurative

# the auxiliaries that make a wrongdoing verb hypothetical, not stated as fact
_MODALS = frozenset(("would", "could", "may", "might", "should", "will", "can", "must", "shall"))


# a number, but not one half of a slash date or a numbered event ("3/14", "9/11", "24/7",
# "10/15/2024"): "the 9/11 victims" counts no victims
_NUM = r"(?<![\d/])\d[\d,]*(?:\.\d+)?(?![\d,.]*/\d)"


@functools.lru_cache(maxsize=1)
def figure_re() -> re.Pattern:
    nouns = "|".join(sorted(vocab.words("unsourced", "figure_nouns"), key=len, reverse=True))
    scales = "|".join(vocab.words("unsourced", "scales"))
    fractions = "|".join(r"\s+".join(map(re.escape, f.split())) for f in
                         sorted(vocab.words("unsourced", "fractions"), key=len, reverse=True))
    units = "|".join(r"\s+".join(u.split()) for u in
                     sorted(vocab.words("unsourced", "units"), key=len, reverse=True))
    spelled = "|".join(sorted(vocab.words("unsourced", "numbers"), key=len, reverse=True))
    tens = "|".join(n for n in vocab.words("unsourced", "numbers") if n.endswith("ty"))
    num = _NUM
    # "Seventy-eight percent" is one figure (not "eight percent" after the hyphen)
    any_num = rf"(?:{num}|(?<![\w-])(?:(?:{tens})-)?(?:{spelled})\b)"
    return re.compile(
        rf"[$€£]\s?{num}(?:\s?(?:{scales}))?"
        rf"|\b{any_num}\s?(?:percent\b|per cent\b|%)"
        rf"|\b{any_num}\s+(?:{scales})\b"
        rf"|\b(?:a|one)\s+(?:{scales})\s+(?:dollars|euros|pounds)\b"
        rf"|\b{any_num}\s+(?:{units})\b"
        rf"|\b(?:\d|one|{spelled})\s+in\s+(?:10|ten|\d|three|four|five)\b"
        rf"|\b(?:{fractions})\b"
        rf"|\b{num}\s+(?:[a-z]+\s+)?(?:{nouns})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _statistic_re() -> re.Pattern:
    return re.compile(rf"\b(?!(?:19|20)\d\d\b){_NUM}")   # a year is no statistic


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


# "100 percent" as a manner of speaking ("not always 100 percent in his corner", "is 100%
# committed"): a share only when it is a share of something ("100 percent of the cost")
_WHOLE = re.compile(r"(?:100|110|one\s+hundred|a\s+hundred)\s?(?:percent|per\s+cent|%)", re.I)


def _manner(bare: str, m: re.Match) -> bool:
    """`100 percent` that is no share of anything, or `the 1 percent` (`the 99 percent`) standing
    for the richest (the rest) of the people."""
    if _WHOLE.fullmatch(m.group(0).strip()) is not None and not re.match(r"\s+of\b", bare[m.end():]):
        return True
    return re.fullmatch(r"(?:1|one|99)\s?(?:percent|per\s+cent|%)", m.group(0).strip(), re.I) is not None and \
        re.search(r"\bthe\s+(?:top\s+)?$", bare[:m.start()], re.I) is not None and \
        re.match(r"\s*(?:[.,;:!?)'\"”’]|$|\s(?:who|and|or|in|on|to|is|are|was|were|have|has)\b)", bare[m.end():]) is not None


def _duration(bare: str, m: re.Match) -> bool:
    """A share of a span of time (`for more than half a century`, `a quarter of a century`):
    a duration, no figure."""
    spans = "|".join(vocab.words("unsourced", "spans"))
    return re.fullmatch(rf"(?:{'|'.join(map(re.escape, vocab.words('unsourced', 'fractions')))})",
                        m.group(0).strip(), re.I) is not None and \
        re.match(rf"\s+(?:of\s+)?(?:(?:a|an|the)\s+)?(?:{spans})\b", bare[m.end():], re.I) is not None


def figures(bare: str) -> list[str]:
    """Every figure of the sentence (outside quotation marks), in order: each match of
    `figure_re`, or else a statistic's number (see `figure`).  `100 percent` that is no share
    of anything is a manner of speaking, and a share of a span of time a duration: no figure."""
    matches = list(figure_re().finditer(bare))
    found = [m.group(0).strip() for m in matches if not (_manner(bare, m) or _duration(bare, m))]
    if not matches:
        one = figure(bare)
        found = [one] if one is not None else []
    return found


def _quoted(ctx: Context, si: int) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in ctx.sentence_quotes(si)]


def allegation(ctx: Context, si: int) -> str | None:
    """A verb of specific wrongdoing stated as fact by the reporter: finite (`tortured`), or a
    perfect (`has embezzled`), with a subject, or a passive with its agent (`were tortured
    by police`); not negated, not under a modal (`could have rigged`), not in a question, not in
    quotation marks, not in an `if`/`whether` clause.  Or a wrongdoer said of a subject
    (`Mayor Jessup is a liar and a crook`: [contest] wrongdoers), not one a court or the party
    has made so (`is a convicted felon`: [unsourced] proven)."""
    wrong = vocab.words("unsourced", "wrongdoing")
    toks = ctx.sentences[si].tokens
    quoted = _quoted(ctx, si)
    noun = _wrongdoer(toks, quoted)
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
        if _claim_content(toks, t, kids) or figurative(kids):
            continue   # ... or a figure of speech: "Trump had stolen Christie's thunder"
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
    return noun


def _wrongdoer(toks, quoted) -> str | None:
    """A wrongdoer noun ([contest] wrongdoers) as the predicate of a subject outside quotation
    marks (`X is a serial liar`), not negated, hedged or under a modal, not a record
    (`a convicted felon`, `a self-confessed thief`)."""
    nouns, proven = vocab.words("contest", "wrongdoers"), vocab.words("unsourced", "proven")
    for t in toks:
        if t.upos != "NOUN" or t.lemma.lower() not in nouns or any(s <= t.start < e for s, e in quoted):
            continue
        kids = [k for k in toks if k.head == t.id]
        words = {k.text.lower() for k in kids}
        if not any(k.deprel == "cop" for k in kids) or not any(k.deprel == "nsubj" for k in kids) \
                or words & _MODALS or words & {"not", "never", "n't", "no"} or words & proven \
                or words & set(vocab.words("contest", "deed_hedges")) \
                or any(k.deprel == "mark" and k.lemma.lower() in ("if", "whether") for k in kids):
            continue
        return t.text
    return None


def _claim_content(toks, verb, kids) -> bool:
    """The verb is in the `that` clause of a claim noun (`an allegation from his first wife,
    Ivana Trump, that Mr. Trump had raped her`, `the charge that the mayor rigged the bid`):
    the claim's content, its source named with the noun, not the reporter's charge."""
    mark = next((k for k in kids if k.deprel == "mark" and k.lemma.lower() == "that"), None)
    if mark is None:
        return False
    nouns = vocab.words("contest", "claim_nouns")
    before = [t for t in toks if t.id < mark.id]
    for t in reversed(before):
        if t.upos in ("VERB", "AUX"):
            return False        # "officials said that ...": a cue verb's content, decided elsewhere
        if t.upos == "NOUN" and t.lemma.lower() in nouns:
            return True
    return False


def result(ctx: Context, si: int, text: str, fig: str) -> bool:
    """An election result the story reports, not a claim to source: a share of a vote (`won
    52 percent of the vote`, `passed it by a vote of more than 90 percent`, `66% to 30%`); a
    result verb in the past tense whose subject is a name (`Sanders beat her 51% to 36%`, `the
    two winners, Huckabee and Santorum, won just 3 percent`); or, in a paragraph about a
    contest (`primary`, `caucuses`, `votes`, `delegates`), a sentence naming the contest or
    its votes itself (`In the Republican primary, 603,000 people voted`) or a past-tense clause
    about a named candidate (`Kasich got 10 percent`).  A race in the present tense (`leads by six
    points among likely voters`) is a poll's figure; a sum of money is never a result.  A
    measure passed or rejected by a share of the voters (`The initiative was rejected by 59.6
    percent of voters`) is a result; a share of a group of voters (`won 60 percent of white
    voters`) is an exit poll's figure, not a result."""
    if re.search(r"[$€£]", fig):
        return False
    if _group_share(text, fig):
        return False      # "Romney won more than 60 percent of white voters": an exit poll's figure
    if vocab.phrase_re("unsourced", "result_phrases").search(text) or _SCORE.search(text):
        return True
    sent = ctx.sentences[si]
    toks = sent.tokens
    if _passive_result(toks):
        return True
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


def _group_share(text: str, fig: str) -> bool:
    """The figure is a share of a group of voters that a candidate won or lost (`won more
    than 60 percent of white voters without a degree`, `carried a third of evangelicals`),
    not of the vote: an exit poll's figure.  (`46% of eligible voters cast ballots` is turnout.)"""
    groups = "|".join(sorted(vocab.words("unsourced", "poll_groups"), key=len, reverse=True))
    return re.search(rf"\b(?:wins?|won|winning|took|takes|carried|carries|captured|got|garnered|lost)\b"
                     rf"[^.;:]{{0,30}}?{re.escape(fig)}\s+of\s+(?:(?:the|all)\s+)?(?:[\w-]+\s+){{0,3}}?"
                     rf"(?:{groups})\b", text, re.I) is not None


def _passive_result(toks) -> bool:
    """A measure or a party passed or rejected by a share of the voters, in the past (`The
    initiative was rejected by 59.6 percent of voters`, `The measure was defeated by 74
    percent`): a vote's result."""
    verbs = vocab.words("unsourced", "result_passives")
    for t in toks:
        if t.upos != "VERB" or t.lemma.lower() not in verbs or not _past_passive(toks, t):
            continue
        agent = next((k for k in toks if k.head == t.id and (k.deprel == "obl:agent" or (
            k.deprel == "obl" and any(c.head == k.id and c.deprel == "case" and c.text.lower() == "by"
                                      for c in toks)))), None)
        if agent is not None and any(k.text.lower() in ("percent", "%") or k.text.endswith("%")
                                     for k in _subtree(toks, agent)):
            return True
    return False


def _past_passive(toks, verb) -> bool:
    return any(k.head == verb.id and k.deprel == "aux:pass" and _past(k) for k in toks)


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
    taxes if the shareholders own at least 60 percent of the shares`), in an infinitive or
    gerund under a verb or noun of aiming (`is working to raise more than $60 million`, `set a
    goal of raising 64 million dollars`, `pushing for the state to require a $15 minimum`), or
    in the consequence of such a clause (`if you owe $28,000 you would pay 2.8 percent of
    your income`), or in a clause that is the subject of a modal verb (`Raising the minimum to $15 would put the
    state ...`: the $15 is supposed, what it would do is the claim)."""
    sent = ctx.sentences[si]
    text = ctx.sentence_text(si)
    at = text.find(fig)
    if at < 0:
        return False
    if _future_condition(text, at, fig):
        return True
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
        if tok.upos == "VERB" and any(k.head == tok.id and k.deprel == "aux" and k.lemma.lower() in _MODALS
                                      for k in sent.tokens) and any(
                m.deprel == "mark" and m.lemma.lower() in ("if", "unless") for m in sent.tokens):
            return True     # "if you owe $28,000 you would be paying 2.8 percent": a worked case
        if tok.upos == "VERB" and {k.lemma.lower() for k in sent.tokens if k.head == tok.id and
                                   k.deprel == "aux"} >= {"have"} and any(
                k.head == tok.id and k.deprel == "aux" and k.lemma.lower() in _MODALS - {"will", "shall"}
                for k in sent.tokens):
            return True     # "would have helped with the $85,000": what did not happen
        if tok.deprel.split(":")[0] == "csubj" and any(
                k.head == tok.head and k.deprel == "aux" and k.lemma.lower() in _MODALS
                for k in sent.tokens):
            return True     # "Boosting the minimum to $15 would put the state above ..."
        if tok.upos == "VERB" and (any(k.text.lower() in ("to", "of") for k in marks) or
                                   (tok.deprel == "xcomp" and (tok.xpos == "VBG" or "VerbForm=Ger" in tok.feats))):
            infinitive = True   # ... or a gerund complement ("is considering issuing $100 summonses")
        if tok.upos == "VERB" and any(k.lemma.lower() == "that" for k in marks) and any(
                k.head == tok.id and k.deprel == "aux" and k.lemma.lower() in ("will", "would") for k in sent.tokens):
            infinitive = True   # "in the hopes that the platform will endorse a $15 wage": a wish
        tok = toks.get(tok.head)
    return False


_CONDITION = r"(?:when|once|until|unless|as\s+soon\s+as)"
_FUTURE = r"(?:will|would|can|could|may|might|must|shall)"


def _future_condition(text: str, at: int, fig: str) -> bool:
    """The figure is in a `when`/`once`/`until` clause of a future or modal statement: a
    condition, not a fact (`The agreement will enter into force when at least 55 countries,
    representing 55 percent of global emissions, ratify it`, `Once turnout passes 40 percent,
    the measure will take effect`).  In the past (`when 40 people were killed`) it is a fact."""
    before = text[:at]
    if re.search(rf"\b{_FUTURE}\b[^.;:]*?\b{_CONDITION}\b[^.;:]*$", before, re.I):
        return True
    opening = re.match(rf"\W*{_CONDITION}\b[^,;]*,", text, re.I)
    return opening is not None and at < opening.end() and \
        re.search(rf"\b{_FUTURE}\b", text[opening.end():], re.I) is not None


def presupposed(ctx: Context, si: int, fig: str) -> bool:
    """The figure sits in a definite noun phrase that is no subject and has no clause of its
    own (`to vote against the $700 billion bailout`, `leader of the world's 1.2 billion
    Roman Catholics`, a subject `The $25 billion merger wasn't her idea`): the sentence takes
    it as known and asserts something else.  A subject that is the figure or its count (`The
    $3 million came mostly from ...`, `The 300 workers ...`) or a phrase with a clause (`The $3
    million she raised`, `the 49 people killed in the attack`, `the 11 million who entered
    illegally`) still states it."""
    sent = ctx.sentences[si]
    at = ctx.sentence_text(si).find(fig)
    if at < 0:
        return False
    start = sent.start + at
    toks = {t.id: t for t in sent.tokens}
    tok = next((t for t in sent.tokens if t.start <= start < t.end), None)
    if tok is None:
        return False
    path = [tok]
    while tok.deprel in ("nummod", "compound", "flat", "amod") and toks.get(tok.head) is not None and \
            toks[tok.head].upos in ("NOUN", "PROPN", "SYM", "NUM"):
        tok = toks[tok.head]
        path.append(tok)
    kids = [k for k in sent.tokens if k.head == tok.id]
    first = min(t.id for t in path)
    ids = {p.id for p in path}
    # the determiner or possessor opens the figure's own phrase: only modifiers between
    # (`the estimated 11 million`, `the world's 1.2 billion`), not another noun (`cost the
    # state $900 million`: `the` is the state's)
    definite = any(k.head in ids and k.id < first and all(
        m.upos in ("ADJ", "ADV", "PART", "SYM") or m.deprel == "case" or
        any(m.id == x.id or m.head == x.id for x in sent.tokens if x.deprel == "nmod:poss" and x.head in ids)
        for m in sent.tokens if k.id < m.id < first) and (
        (k.deprel == "det" and k.lemma.lower() in ("the", "this", "these", "those")) or k.deprel == "nmod:poss")
        for k in sent.tokens)
    if not definite or tok.deprel.split(":")[0] in ("root", "csubj") or tok.upos == "NUM":
        return False
    if tok.deprel.split(":")[0] == "nsubj" and not (
            len(path) > 1 and tok.upos == "NOUN" and re.match(r"[$€£]|.*(?:percent|per cent|%)$", fig, re.I)):
        return False    # a subject states its figure, unless a sum or a share only describes
        # another thing the sentence takes as known ("The $25 billion merger wasn't her idea.")
    return not any(k.deprel.split(":")[0] in ("acl", "appos") for k in kids)


def observed(sent, fig: str) -> bool:
    """A count of people at an event the reporter saw (`about 200 people attended the rally`,
    `a rally that drew about 100 people`): the guide's 'reporter's own observation'."""
    if re.match(r"[$€£]|.*(?:percent|per cent|%)", fig, re.I):
        return False
    obs, nouns = vocab.words("unsourced", "observed"), vocab.words("unsourced", "observed_nouns")
    return any((t.upos == "VERB" and t.lemma.lower() in obs) or
               (t.upos == "NOUN" and t.text.lower() in nouns) for t in sent.tokens)

