"""ATR1xx: missing attribution (quotes nobody said, accusations nobody answers)."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from ...model import Severity
from .. import claims, vocab
from ..context import Context, Hit, mentions
from ..registry import message, rule
from ._quote_text import _has_cue, _is_fragment, _unquoted_sentence
from ._floating import _floating


def _snippet(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


@rule("ATR101", "unattributed-quote", Severity.ERROR, needs={"attributions", "speakers"},
      messages=('quote with no speaker: "{quote}"',))
def unattributed_quote(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags a direct quotation with no speaker in its sentence, the sentences next to
    it, or the paragraphs its quotation runs across.  Scare quotes, titles of works,
    nicknames and short quoted phrases used as terms are not quotations and are
    left alone.

    ## Why it matters
    A quote nobody said cannot be checked, and readers cannot weigh words whose
    speaker they do not know.  Wire editors reject copy with a floating quote.

    ## Example
    ```text
    The council voted to close the library on Tuesday.

    "This is the darkest day for our town in forty years."
    ```

    ## Use instead
    ```text
    The council voted to close the library on Tuesday.

    "This is the darkest day for our town in forty years," said Mayor Ann Ruiz.
    ```
    """
    for start, end, inner, before, attrs in _floating(ctx):
        if not _is_fragment(inner, before):
            yield Hit(start, end, message(unattributed_quote, quote=_snippet(inner)), attrs)


@rule("ATR104", "quoted-fragment", Severity.WARNING, needs={"attributions", "speakers"}, status="preview",
      messages=('quoted words with no clear speaker: "{quote}"',))
def quoted_fragment(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags words in quotation marks inside the reporter's own sentence (a phrase, or a
    sentence run into the reporter's words) when no speaker is given in that sentence,
    the sentences next to it or its paragraph.  Scare quotes, titles, nicknames and
    short terms are left alone, as for `unattributed-quote`.

    ## Why it matters
    A quoted phrase tells the reader that someone used those words, and the reader should
    not have to guess who.  Unlike a floating quotation, the speaker is often plain from
    context (the sentence's subject, a document), so this is a preview rule and a warning
    only.

    ## Example
    ```text
    The council adopted the plan on Monday.

    The measure included a clause "to be carried out within the limits of national law" for the whole region.
    ```

    ## Use instead
    ```text
    The council adopted the plan on Monday.

    The measure included a clause that, the county attorney said, is "to be carried out within the limits of national law."
    ```
    """
    for start, end, inner, before, attrs in _floating(ctx):
        if _is_fragment(inner, before):
            yield Hit(start, end, message(quoted_fragment, quote=_snippet(inner)), attrs)


@rule("ATR102", "one-sided", Severity.WARNING, needs={"attributions", "speakers"}, status="preview",
      messages=("accusation by {accuser} against {accused} with no response from {accused} "
                "in the article",))
def one_sided(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags an accusation against a named party ("accused the council of ...",
    "blamed Acme for ...") when the article never gives that party's answer: no
    denial, no statement from the party, no "did not respond to a request for
    comment" or "declined to comment".

    ## Why it matters
    Fairness requires that the accused get a chance to respond, and that the reader
    is told whether they did.  A one-sided accusation is also a legal risk.

    ## Example
    ```text
    The union accused Acme Logistics of firing workers who joined the strike.
    ```

    ## Use instead
    ```text
    The union accused Acme Logistics of firing workers who joined the strike.
    Acme Logistics did not respond to a request for comment.
    ```
    """
    response = vocab.phrase_re("response", "phrases")
    linked_acc = {c.id for d in claims.disputes(ctx) for c in d.claims}  # answered by a rejection
    resp_sents = [i for i, _ in enumerate(ctx.sentences) if response.search(ctx.sentence_text(i))]
    for acc in claims.charges(ctx):
        if acc.id in linked_acc or acc.speaker is None or ctx.in_headline(acc):
            continue  # answered, or nobody identified makes the accusation (vague-attribution's)
        parties = claims.accused_parties(ctx, acc)
        if not parties:
            continue
        accuser = claims.side_key(ctx, acc)
        si = ctx.attr_sentence(acc)
        for name, span in parties:
            if name[:1].islower() or name.split()[0].lower() in ("the", "its", "his", "her", "their"):
                pv = {name.lower(), name.split()[-1].lower()}   # "the police union" -> "union"
            else:
                pv = {name.lower(), *(w.lower() for w in name.split() if len(w) >= 3)}
            if _answered(ctx, acc, accuser, name, pv, si, resp_sents):
                continue
            yield Hit(span.start, span.end,
                      message(one_sided, accuser=claims.side_name(ctx, acc), accused=name), (acc.id,))
            break  # one finding per accusation


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
    for other in ctx.attributions:
        if other.id == acc.id or claims.side_key(ctx, other) in (None, accuser):
            continue
        ov = claims.variants(ctx, other)
        if name.lower() in ov or (pv & ov):
            return True  # the accused party speaks in the article
        if other.source is not None and other.cue is not None and other.source.start < other.cue.start:
            subject = _source_phrase(ctx, other)
            if mentions(subject, claims.party_variants(ctx, name)):
                return True  # someone speaks for it: "Chinese Foreign Ministry spokesman Lu Kang"
    for j in resp_sents:
        if j in (si, si + 1, si + 2) or mentions(ctx.sentence_text(j), pv) or \
                (j > 0 and mentions(ctx.sentence_text(j - 1), pv) and j - 1 >= si):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _figure_re() -> re.Pattern:
    nouns = "|".join(sorted(vocab.words("unsourced", "figure_nouns"), key=len, reverse=True))
    scales = "|".join(vocab.words("unsourced", "scales"))
    num = r"\d[\d,]*(?:\.\d+)?"
    return re.compile(
        rf"[$€£]\s?{num}(?:\s?(?:{scales}))?"
        rf"|\b{num}\s?(?:percent\b|per cent\b|%)"
        rf"|\b{num}\s+(?:{scales})\b"
        rf"|\b{num}\s+(?:[a-z]+\s+)?(?:{nouns})\b", re.IGNORECASE)


@rule("ATR103", "unsourced-claim", Severity.WARNING, needs={"attributions"}, status="preview",
      messages=('figure stated as fact with no source ("{figure}"): say whose figure it is',))
def unsourced_claim(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags a sentence that states a figure as fact (a percentage, a sum of money, a count
    of people killed, hurt or affected, a number in the millions) when no attribution
    covers it and no source is given in its sentence or the one before.  Dates, ages,
    times and figures inside quoted or attributed words are left alone.

    ## Why it matters
    A figure is the claim readers repeat and fact-checkers test first; with no source
    the reader cannot tell whether it is the reporter's count, an official estimate or a
    guess.

    ## Example
    ```text
    The council met on Tuesday.

    Crime in the city rose 40 percent last year.
    ```

    ## Use instead
    ```text
    Crime in the city rose 40 percent last year, according to police department figures.
    ```
    """
    figure = _figure_re()
    sents = ctx.sentences
    covered: set[int] = set()
    for a in ctx.attributions:
        for sp in (a.source, a.cue, *a.content):
            if sp is None:
                continue
            i = ctx.sentence_index_at(sp.start)
            j = ctx.sentence_index_at(max(sp.end - 1, sp.start))
            if i is not None:
                covered.update(range(i, (j if j is not None else i) + 1))
    documents = vocab.phrase_re("unsourced", "documents")
    for si, s in enumerate(sents):
        if si in covered or si - 1 in covered:
            continue
        text = ctx.sentence_text(si)
        if not re.search(r"[.!?][\"'’”)]*\s*$", text.strip()):
            continue  # a headline, a caption or a list item
        bare = _unquoted_sentence(ctx, si)
        if _has_cue(ctx, bare) or re.search(r"\baccording to\b", bare, re.I):
            continue  # a source the extractor did not link is still a source
        m = figure.search(bare)
        if m is None:
            continue
        if _sourced_before(ctx, si, covered, documents) or _transcript(ctx, s) or _observed(ctx, s, m):
            continue
        yield Hit(s.start, s.end, message(unsourced_claim, figure=m.group(0).strip()))


def _sourced_before(ctx: Context, si: int, covered: set[int], documents: re.Pattern) -> bool:
    """A source for the sentence's figures given earlier: a document named in the sentence, the
    one before (`In a Quinnipiac poll released Monday, 50 percent ...`) or earlier in the same
    paragraph, whose figures the paragraph goes on giving (`The poll surveyed 1,000 adults.
    ... Rubio is at 9 percent.`).  A speaker earlier in the paragraph is no source for the
    reporter's later figures (measured on the annotated train articles: it hid real ones)."""
    sents = ctx.sentences
    if documents.search(_unquoted_sentence(ctx, si)) or \
            (si > 0 and documents.search(_unquoted_sentence(ctx, si - 1))):
        return True
    j = si - 1
    while j >= 0 and sents[j].block == sents[si].block:
        if documents.search(_unquoted_sentence(ctx, j)):
            return True
        j -= 1
    return False


def _transcript(ctx: Context, sent) -> bool:
    """A sentence of an interview transcript (`Q: ...`, `A: ...`, `PENCE: ...`): the speaker's
    own words, not the reporter's claim."""
    bi = ctx.block_of(sent.start)
    if bi is None:
        return False
    return bool(re.match(r"^\s*(?:Q|A|[A-Z][A-Z .'’-]{1,30}):\s", ctx.resolved.document.source.blocks[bi].text))


def _observed(ctx: Context, sent, m: re.Match) -> bool:
    """A count of people at an event the reporter saw (`about 200 people attended the rally`,
    `a rally that drew about 100 people`): the guide's 'reporter's own observation'."""
    if re.match(r"[$€£]|.*(?:percent|per cent|%)", m.group(0), re.I):
        return False
    observed = vocab.words("unsourced", "observed")
    return any(t.upos == "VERB" and t.lemma.lower() in observed for t in sent.tokens)
