"""The figures `unsourced-claim` (ATR103) leaves alone as no claim of fact to source: the
level a rule, a plan, a prize or an act sets, a party's own proposal, a place's size, a
market report's quote of a traded price."""
from __future__ import annotations

import functools
import re

from .. import vocab
from ..context import Context
from ._figures import _subtree


def parameter(ctx: Context, si: int, fig: str) -> bool:
    """The figure is a level that a rule, a plan or a prize sets, not a claim of fact: it
    modifies a noun of such a level (`a $15 minimum wage`, `a proposed $50,000 borrowing cap`,
    `three $50,000 prizes`, `the face on $20 bills`), or it sits under a verb of setting whose
    subject is the rule or plan (`A new Labor Department rule will require workers earning up
    to $47,476 to be paid overtime`), or under a verb that sets a level by itself with `would` or
    `will` (`she would impose a 4 percent surcharge on incomes over $5 million`): the rule or
    plan named there, or the party's plan, is the figure's source."""
    sent = ctx.sentences[si]
    at = ctx.sentence_text(si).find(fig)
    if at < 0:
        return False
    start = sent.start + at
    if _level_after(fig).match(ctx.sentence_text(si), at) or _level_before(fig).search(ctx.sentence_text(si)):
        return True
    allowances = "|".join(vocab.words("unsourced", "allowances"))
    if re.search(rf"\b(?:{allowances})\s+for\s+(?:(?:up\s+to|as\s+many\s+as|about|some|at\s+most)\s+)?"
                 rf"{re.escape(fig)}", ctx.sentence_text(si), re.I):
        return True     # "a permit for up to 15,000 people": what the permit allows
    toks = {t.id: t for t in sent.tokens}
    tok = next((t for t in sent.tokens if t.start <= start < t.end), None)
    if tok is not None and (_set_by_act(sent.tokens, toks, tok) or _proposed(sent.tokens, toks, tok)):
        return True
    if _owned_proposal(ctx.sentence_text(si), fig):
        return True
    instruments, setters = vocab.words("unsourced", "instruments"), vocab.words("unsourced", "setters")
    if tok is not None and _in_terms(sent.tokens, toks, tok, instruments):
        return True
    seen, own_verb_seen = set(), False
    while tok is not None and tok.id not in seen:   # up the clauses to a verb of setting
        seen.add(tok.id)
        if tok.upos == "VERB" and tok.lemma.lower() in setters and any(
                k.head == tok.id and k.deprel.split(":")[0] == "nsubj" and k.lemma.lower() in instruments
                for k in sent.tokens):
            return True
        if tok.upos == "VERB" and not own_verb_seen and tok.lemma.lower() in vocab.words("unsourced", "level_setters") \
                and any(k.head == tok.id and k.deprel == "aux" and k.lemma.lower() in ("would", "will")
                        for k in sent.tokens):
            return True     # "she would impose a 4 percent surcharge": the level her plan sets
        own_verb_seen = own_verb_seen or tok.upos == "VERB"     # (the figure's own clause only)
        tok = toks.get(tok.head)
    return False


def _in_terms(sent_toks, toks: dict, tok, instruments) -> bool:
    """The figure stands in a phrase that modifies a rule or plan noun, with no clause of its
    own on the way (`the new overtime rule for workers making less than $47,000 a year`; `the
    program requires investors to put in $500,000` is the verb of setting's case, below): the
    rule's terms, set by the rule named there."""
    seen = set()
    while tok is not None and tok.id not in seen and len(seen) < 6:
        seen.add(tok.id)
        if tok.upos in ("VERB", "AUX") and any(k.head == tok.id and k.deprel.split(":")[0] in ("nsubj", "csubj")
                                              for k in sent_toks):
            return False    # a clause with its own subject ("the plan, which costs $3 trillion")
        rel = tok.deprel.split(":")[0]
        head = toks.get(tok.head)
        if head is None or rel not in ("nummod", "obj", "obl", "nmod", "acl", "amod", "compound", "advmod"):
            return False
        if head.upos == "NOUN" and head.lemma.lower() in instruments and rel in ("nmod", "acl", "amod", "compound"):
            return True
        tok = head
    return False


def _clause_verb(toks: dict, tok):
    """The verb of the clause the figure stands in, and whether a `to`, `at` or `by` leads to
    it on the way up (`raised its main interest rate by half a percentage point to 6.25
    percent`)."""
    seen, via = set(), False
    while tok is not None and tok.id not in seen:
        seen.add(tok.id)
        if tok.upos == "VERB":
            return tok, via
        via = via or any(k.head == tok.id and k.deprel == "case" and k.lemma.lower() in ("to", "at", "by", "from")
                         for k in toks.values())
        tok = toks.get(tok.head)
    return None, via


def _set_by_act(sent_toks, toks: dict, tok) -> bool:
    """The figure is the level a party set by an act: `to`/`at`/`by`/`from` a figure under a
    verb of setting whose object, or passive subject, is a rate, a tax, a price (`The bank
    raised its main interest rate to 6.25 percent`, `The corporate income tax was cut to 10
    percent from 12 percent`); or, read in the words when the parse hangs the object
    elsewhere, the verb, the level noun and the figure in a row (`cutting student loan
    interest rates to 2.37%`)."""
    nums = _set_level_figures(sent_toks)
    if tok.text in nums or (tok.upos == "SYM" and toks.get(tok.id + 1) is not None and toks[tok.id + 1].text in nums):
        return True     # "$ 50": the number after the currency sign
    verb, via = _clause_verb(toks, tok)
    if verb is None or not via or verb.lemma.lower() not in vocab.words("unsourced", "setters"):
        return False
    levels = vocab.words("unsourced", "set_levels")
    return any(k.head == verb.id and k.deprel in ("obj", "nsubj:pass") and k.lemma.lower() in levels
               for k in sent_toks)


@functools.lru_cache(maxsize=1)
def _set_level_re() -> re.Pattern:
    """A verb of setting (any inflection), up to five words, a level noun, then `to`/`at` and a
    number: `cutting student loan interest rates to 2.37 %`."""
    forms = "|".join(re.escape(w[:-1] if w.endswith("e") else w) for w in
                     sorted(vocab.words("unsourced", "setters"), key=len, reverse=True))
    levels = "|".join(sorted(vocab.words("unsourced", "set_levels"), key=len, reverse=True))
    return re.compile(rf"\b(?:{forms})(?:e|es|ed|d|s|ing|ting|ped|ping)?\s+(?:[\w'’-]+\s+){{0,5}}?"
                      rf"(?:{levels})\s+(?:to|at)\s+(?:[^\d\s]+\s+){{0,2}}?[$€£]?\s?(?P<num>\d[\d,.]*)",
                      re.IGNORECASE)


def _set_level_figures(sent_toks) -> set[str]:
    return {m.group("num") for m in _set_level_re().finditer(" ".join(t.text for t in sent_toks))}


def _proposed(sent_toks, toks: dict, tok) -> bool:
    """The figure is what a party proposes, the object of a verb of proposing with its
    subject (`Hillary Clinton singled out coal country ..., offering $30 billion over 10
    years`, `Clinton proposed $275 billion in new spending`): the proposal's own figure."""
    verb, _ = _clause_verb(toks, tok)
    if verb is None or verb.lemma.lower() not in vocab.words("unsourced", "proposing"):
        return False
    for v in (verb, toks.get(verb.head) if verb.deprel.split(":")[0] in ("advcl", "conj", "xcomp") else None):
        if v is not None and any(k.head == v.id and k.deprel == "nsubj" and "PronType=Rel" not in k.feats
                                 for k in sent_toks):
            return True
    return False


def _owned_proposal(text: str, fig: str) -> bool:
    """The figure opens a proposal noun phrase whose owner is named before it (`Bernie
    Sanders' $75billion a year plan`, `Hillary Clinton's $350 billion, 10-year plan`)."""
    plans = "|".join(sorted(vocab.words("unsourced", "proposals"), key=len, reverse=True))
    return re.search(rf"\b[A-Z][\w.-]*(?:'s|’s|'|’)\s+{re.escape(fig)}[\w-]*(?:[\s,]+[\w-]+){{0,4}}?[\s,]+"
                     rf"(?:{plans})\b", text) is not None


# words that end a noun phrase before a level noun ("raised $3 million for the minimum wage
# campaign": the money is not the wage): prepositions, articles, conjunctions, verbs of being
_NP_BREAK = r"(?:for|of|in|into|to|on|the|a|an|and|or|but|by|with|from|at|than|as|that|which|who|" \
            r"is|was|are|were|has|had|have|be|been|per|each|over|under)"


def _level_after(fig: str) -> re.Pattern:
    """The figure at the start of a noun phrase ending in a level noun: `$25,000 prizes`,
    `$15-an-hour federal minimum wage`, up to three words between."""
    levels = "|".join(r"\s+".join(map(re.escape, p.split())) for p in
                      sorted(vocab.words("unsourced", "levels"), key=len, reverse=True))
    return re.compile(rf"{re.escape(fig)}[\w-]*\s+(?:(?!{_NP_BREAK}\b)[\w-]+\s+){{0,3}}?(?:{levels})(?![\w-])",
                      re.IGNORECASE)


def _level_before(fig: str) -> re.Pattern:
    """A level noun, then the figure it is set at: `a minimum wage of $15 an hour`, `raising
    the minimum wage to $15 by 2020`, `from the current $7.25 to $12`, `a cap of $50,000`,
    `the current federal minimum wage is $7.25`."""
    levels = "|".join(r"\s+".join(map(re.escape, p.split())) for p in
                      sorted(vocab.words("unsourced", "levels"), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{levels})\s+(?:(?:of|at|to)\s+|from\s+(?:the\s+)?(?:current\s+)?\S+\s+to\s+|"
                      rf"(?:is|was|are|were|stands\s+at|stood\s+at|remains|remained)\s+(?:(?:now|still|only|just)\s+)?)"
                      rf"(?:(?:about|around|roughly|nearly|almost|just|up\s+to|as\s+much\s+as|at\s+least|"
                      rf"more\s+than|less\s+than)\s+)?{re.escape(fig)}(?![\d])", re.IGNORECASE)


def background(ctx: Context, si: int, fig: str) -> bool:
    """The figure describes a place by its size (`The nation of 51 million, also known as
    Myanmar, ...`, `a city of about 300,000 people`), or a named place or organisation by its
    count of members (see `_size`): background, not a claim to source."""
    if _size(ctx, si, fig):
        return True
    places = "|".join(sorted(vocab.words("unsourced", "places"), key=len, reverse=True))
    return re.search(rf"\b(?:{places})\s+of\s+(?:(?:about|some|roughly|nearly|almost|around|over|"
                     rf"more\s+than|fewer\s+than|just\s+over|just\s+under)\s+)?{re.escape(fig)}",
                     ctx.sentence_text(si), re.I) is not None


def _size(ctx: Context, si: int, fig: str) -> bool:
    """A count of members, voters, residents or the like ([unsourced] sizes) that a named place
    or organisation has (`Hart, about 80 miles south, has 41 registered voters`), or the whole
    count of its members (`the two million members of the Service Employees International
    Union`): the party's size, background.  Not money (`Shuster has $1.3 million in the bank`),
    not a count of a common noun's members (`the 300 workers at the plant`), and not some of
    them (`300 members of the Teamsters walked off the job`)."""
    sizes = "|".join(sorted(vocab.words("unsourced", "sizes"), key=len, reverse=True))
    text = ctx.sentence_text(si)
    at = text.find(fig)
    noun = re.match(rf"(?:\s+[\w-]+)?\s+(?:{sizes})\b", text[at + len(fig):], re.I) if at >= 0 else None
    if not (re.search(rf"(?:{sizes})$", fig, re.I) or noun):     # ("the two million members")
        return False
    if re.search(rf"\bthe\s+(?:[\w-]+\s+)?{re.escape(fig)}{re.escape(noun.group(0)) if noun else ''}"
                 rf"\s+of\s+(?:the\s+)?[A-Z]", text, re.I):
        return True
    subj, toks = _figure_subject(ctx, si, fig)
    verb = toks.get(subj.head) if subj is not None else None
    return subj is not None and subj.upos == "PROPN" and verb is not None and verb.lemma.lower() == "have"


@functools.lru_cache(maxsize=1)
def _market_re() -> re.Pattern:
    """A traded price's move and the price it reached, as a market report quotes them: a move
    ([unsourced] market_moves), an amount (`3.54 points`, `69 cents`, `$1.25`, `a penny`), an
    optional `or N percent`, then `to` the price (`to $102.48`, `to settle at $41.60`); a move
    to a price from the last session's (`rose to $1.1175 from $1.1074 the day before`); a price
    `little changed at $2.86`."""
    moves = "|".join(r"\s+".join(m.split()) for m in
                     sorted(vocab.words("unsourced", "market_moves"), key=len, reverse=True))
    num = r"\d[\d,]*(?:\.\d+)?"
    amount = rf"(?:[$€£]\s?{num}|{num}\s?(?:cents?|points?|percent|per\s+cent|%)|a\s+(?:penny|cent|nickel|dime))"
    price = rf"[$€£]?\s?{num}(?:\s?(?:percent|%))?"
    return re.compile(rf"\b(?:{moves})\s+(?:by\s+)?(?:(?:about|nearly|almost|roughly|more\s+than|less\s+than)\s+)?"
                      rf"{amount}(?:,?\s+or\s+(?:about\s+)?{num}\s?(?:percent|per\s+cent|%))?,?\s+to\s+"
                      rf"(?:(?:close|settle|end|finish)\s+at\s+)?[$€£]?\s?{num}"
                      # "the euro rose to $1.1175 from $1.1074 the day before": the day's price and the last
                      rf"|\b(?:{moves})\s+to\s+{price}\s+from\s+{price}\s+(?:the\s+(?:day|session)\s+before|"
                      rf"the\s+previous\s+(?:day|session)|a\s+day\s+earlier|late\s+[A-Z][a-z]+day)"
                      rf"|\blittle\s+changed\s+at\s+[$€£]?\s?{num}", re.I)


def market_quote(bare: str, fig: str) -> bool:
    """The figure is part of a market report's quote of a traded price: its move and the price
    it reached (`The Standard & Poor's 500-stock index rose 3.54 points, or 0.2 percent, to
    2,173.60`, `Chevron climbed 69 cents, or 0.7 percent, to $102.48`, `benchmark crude ... was
    up 46 cents to settle at $41.60`): the market's public record, no claim to source.  A move
    with no price (`shares fell 11 percent`) is not one."""
    return any(fig in m.group(0) for m in _market_re().finditer(bare))


def _figure_token(ctx: Context, si: int, fig: str):
    """The token where ``fig`` starts in sentence ``si`` (None when it is not found)."""
    sent = ctx.sentences[si]
    at = ctx.sentence_text(si).find(fig)
    if at < 0:
        return None
    start = sent.start + at
    return next((t for t in sent.tokens if t.start <= start < t.end), None)


def _clause_subject(sent_toks, toks: dict, tok):
    """The subject of the nearest clause above ``tok`` that has one (the figure's own clause:
    `The city's unemployment rate is 4.6 percent` -> `rate`; `For every $10,000 you borrow,
    you turn over ...` -> `you`), or None."""
    seen = set()
    while tok is not None and tok.id not in seen:
        seen.add(tok.id)
        subj = next((k for k in sent_toks if k.head == tok.id and k.deprel.split(":")[0] == "nsubj"), None)
        if subj is not None:
            return subj
        tok = toks.get(tok.head)
    return None


def _figure_subject(ctx: Context, si: int, fig: str):
    """The subject of the figure's own clause (:func:`_clause_subject`; None when the figure or
    the subject is not found) and sentence ``si``'s tokens by id.  Asked by several readings of
    the same figure, so remembered per sentence and figure."""
    by_fig = ctx.memo("unsourced.figure_subject", ctx.sentences[si], dict)
    if fig not in by_fig:
        toks = {t.id: t for t in ctx.sentences[si].tokens}
        tok = _figure_token(ctx, si, fig)
        by_fig[fig] = (_clause_subject(ctx.sentences[si].tokens, toks, tok) if tok is not None else None), toks
    return by_fig[fig]


def official_statistic(ctx: Context, si: int, fig: str) -> bool:
    """The figure is the value of an official indicator named as its clause's subject (`While
    the official unemployment rate is 4.7 percent, ...`, `Unemployment has fallen to 5 percent`,
    `the national debt has ballooned to $18 trillion`; [unsourced] official_statistics): the
    indicator's name says whose figure it is, the agency that publishes it under that name, and
    a reader takes it as the public record.  Not in the simple past (see `_past_simple`).  A
    count beside it (`nearly 14 million more jobs
    have been created`) has a subject of its own and is weighed by itself."""
    sent = ctx.sentences[si]
    subj, toks = _figure_subject(ctx, si, fig)
    if subj is None or subj.upos not in ("NOUN", "PROPN") or _past_simple(sent.tokens, toks.get(subj.head)):
        return False
    words = " ".join(t.text for t in sorted(_subtree(sent.tokens, subj), key=lambda t: t.id))
    return vocab.phrase_re("unsourced", "official_statistics").search(words) is not None


def _past_simple(sent_toks, head) -> bool:
    """The clause is in the simple past (`The county's jobless rate rose to 6.2 percent from 5.8
    percent in April`, `was 5.1 percent in March`): a change or a month's release the story
    reports as news, whose maker it should name; the present and the perfect (`is 4.7 percent`,
    `has fallen to 5 percent`) state the standing level as background."""
    if head is None:
        return False
    aux = [k for k in sent_toks if k.head == head.id and k.deprel in ("aux", "cop", "aux:pass")]
    if any(k.lemma.lower() == "have" for k in aux):
        return False
    return any("Tense=Past" in t.feats or t.xpos == "VBD" for t in [head, *aux])


def addressed(ctx: Context, si: int, fig: str) -> bool:
    """The figure's clause has the reader, `you`, as its subject, outside quotation marks (`For
    every $10,000 you borrow, you turn over an additional percentage point of your income`,
    `you would pay about $1,200 a year`): a worked case the writer sets the reader, no claim of
    fact to source."""
    subj, _ = _figure_subject(ctx, si, fig)
    return subj is not None and subj.text.lower() == "you" and \
        not any(s <= subj.start < e for s, e in ((q.start, q.end) for q in ctx.sentence_quotes(si)))


_PRONOUNS = frozenset(("it", "them", "they", "those", "this", "that"))


def claimed(ctx: Context, si: int, fig: str) -> bool:
    """The figure is in the `that` clause of a claim noun (`Clinton's claim that 90 percent of
    her e-mails were in the system`, `the assertion that 40 percent of ...`; [contest]
    claim_nouns, charge_nouns): the claim's content, reported as someone's claim, not stated as fact."""
    sent = ctx.sentences[si]
    toks = {t.id: t for t in sent.tokens}
    tok = _figure_token(ctx, si, fig)
    nouns = vocab.words("contest", "claim_nouns") | vocab.words("contest", "charge_nouns")
    written = "|".join(sorted((n for n in nouns if n not in _PRONOUNS), key=len, reverse=True))
    if re.search(rf"\b(?:{written})\s+that\s+(?:[^.;:,]*?\s)?{re.escape(fig)}", ctx.sentence_text(si), re.I):
        return True     # read in the words too: the parse of a long subject clause can lose the noun
    seen = set()
    while tok is not None and tok.id not in seen:
        seen.add(tok.id)
        head = toks.get(tok.head)
        if head is not None and tok.deprel.split(":")[0] in ("acl", "ccomp") and head.upos == "NOUN" \
                and head.lemma.lower() in nouns and any(
                    k.head == tok.id and k.deprel == "mark" and k.lemma.lower() == "that" for k in sent.tokens):
            return True
        tok = head
    return False
