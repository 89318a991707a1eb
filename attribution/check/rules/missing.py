"""ATR1xx: missing attribution (quotes nobody said, accusations nobody answers)."""
from __future__ import annotations

from typing import Iterator

from ...model import Attribution, AttributionType, Severity, Span
from .. import claims, vocab
from ..context import Context, Hit
from ..registry import message, rule
from . import _figures
from ._one_sided import _a_person, _accuser_name, _answered, _charge_phrase, _party_words, _unsourced_claims


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
    left alone.  It fires only when the evidence that nobody speaks the quotation is
    strong: a person next to it who is not shown speaking, a heading or caption, a
    credit line after it or a quotation left open make its speaker uncertain, and
    `quote-speaker-uncertain` (a warning) reports it instead.

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
    for q in ctx.resolved.unattributed:   # resolve decides (attribution/resolve/unattributed.py)
        if not q.fragment and q.doubt is None:   # an uncertain one is quote-speaker-uncertain's
            yield Hit(q.start, q.end, message(unattributed_quote, quote=_snippet(q.text)), q.attributions)


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
    for q in ctx.resolved.unattributed:   # resolve decides (attribution/resolve/unattributed.py)
        if q.fragment:
            yield Hit(q.start, q.end, message(quoted_fragment, quote=_snippet(q.text)), q.attributions)


@rule("ATR105", "quote-speaker-uncertain", Severity.WARNING, needs={"attributions", "speakers"}, status="preview",
      messages=('quote whose speaker is uncertain ({why}): "{quote}"',))
def quote_speaker_uncertain(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags a quotation that no attribution covers and whose speaker the copy does not show,
    when something next to it may still give the speaker: a person named or referred to in the
    adjacent sentence or paragraph who is not shown speaking, a belief or plan attributed in
    the next sentence, a heading or caption, a name on the line after it, or a missing closing
    mark.  `unattributed-quote` leaves these alone: an uncertain link never makes an
    error-level finding.

    ## Why it matters
    The reader should not have to work out whose words a quotation is.  When the speaker can
    only be guessed from who is mentioned nearby, say so in the copy.

    ## Example
    ```text
    Police arrested Jamal Reed, 24, on Friday at his apartment.

    "I did nothing wrong, and I will prove it in court."
    ```

    ## Use instead
    ```text
    Police arrested Jamal Reed, 24, on Friday at his apartment.

    "I did nothing wrong, and I will prove it in court," Reed told reporters as he was led away.
    ```
    """
    for q in ctx.resolved.unattributed:   # resolve decides (attribution/resolve/quote_doubt.py)
        if not q.fragment and q.doubt is not None:
            yield Hit(q.start, q.end, message(quote_speaker_uncertain, why=q.doubt.replace("-", " "),
                                              quote=_snippet(q.text)), q.attributions)


@rule("ATR102", "one-sided", Severity.WARNING, needs={"attributions", "speakers"}, status="preview",
      messages=("accusation by {accuser} against {accused} with no response from {accused} "
                "in the article",
                "allegation against {accused} stated as fact by the article, with no response "
                "from {accused}"))
def one_sided(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags an accusation of specific wrongdoing against an identified party ("accused
    the council of hiding ...", "charged Acme with fraud") when the article never gives
    that party's answer on the matter: no denial, no statement by or for the party
    about it, no "did not respond to a request for comment" or "declined to comment".

    A charge may also be made with a cue of criticism and its reason ("criticized the
    union for falsifying ..."), in what a source says ("Hale lied to every parent,"
    Lopez said; "called Hale a liar"), or by the article itself (an allegation stated as
    fact, which `unsourced-claim` finds: "Hale embezzled $40,000 from the fund.").  Political criticism with no specific charge ("accused the mayor of
    divisive rhetoric") is no accusation, and a party that speaks in the article only
    about something else has not answered.  An accuser the article leaves vague ("Some
    accused Hale of ...") does not spare the accused a reply; someone else's refusal to
    comment ("the clerk's office declined to comment on the Hale contracts") is no reply
    from the accused.

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
    charged = [(acc, claims.accused_parties(ctx, acc)) for acc in claims.charges(ctx)]
    seen = {acc.id for acc, _ in charged}
    # a charge made in what is said: "Clinton lied about the emails," Trump said
    charged += [(acc, [(name, span)]) for acc, name, span in claims.stated_charges(ctx)
                if acc.id not in seen]
    for acc, parties in charged:
        if acc.id in linked_acc or ctx.in_headline(acc) or not parties:
            continue  # answered by a rejection, or no identified party charged
        # an accuser the article does not identify ("Some accused Trump of inciting violence",
        # "dozens of women have come forward to charge Cosby with abuse"): the accused is owed
        # a response all the same (who accuses is vague-attribution's)
        accuser = claims.side_key(ctx, acc) or f"_accuser{acc.id}"
        si = ctx.attr_sentence(acc)
        for name, span in parties:
            pv = _party_words(name)
            if _answered(ctx, acc, accuser, name, pv, si, resp_sents):
                continue
            yield Hit(span.start, span.end,
                      message(one_sided, accuser=_accuser_name(ctx, acc), accused=name), (acc.id,))
            break  # one finding per accusation
    # an allegation stated as fact by the article itself (unsourced-claim decides which): the
    # party it charges must get to answer it as well
    for si, claim in _unsourced_claims(ctx):
        # a sentence unsourced-claim reports for its figure may charge a wrong as well
        # ("Hale embezzled $40,000 from the fund."): its own test of the allegation
        verb = claim.words if claim.kind == "allegation" else _figures.allegation(ctx, si)
        if verb is None:
            continue
        sent = ctx.sentences[si]
        for t in sent.tokens:
            party = claims.charged_party(ctx, sent, t) if t.text == verb else None
            if party is None:
                continue
            name, span = party
            if not _a_person(ctx, name):
                break   # a company's or an agency's wrong told as the story's background
            # the matter is the wrong's own phrase ("incites political violence"), not the whole
            # sentence: an editor's note lists charges whose every word would find a statement
            acc = Attribution(id=f"_article{si}", type=AttributionType.INDIRECT,
                              content=(_charge_phrase(sent, t),), cue=None, source=None, sentence=si)
            if not _answered(ctx, acc, None, name, _party_words(name), si, resp_sents):
                yield Hit(span.start, span.end, message(one_sided, 1, accused=name))
            break


@rule("ATR103", "unsourced-claim", Severity.WARNING, needs={"attributions", "speakers"}, status="preview",
      messages=('figure stated as fact with no source ("{figure}"): say whose figure it is',
                'allegation stated as fact with no source ("{verb}"): say who makes it'))
def unsourced_claim(ctx: Context) -> Iterator[Hit]:
    """
    ## What it does
    Flags a sentence that states a figure as fact (a percentage, a sum of money, a count
    of people killed, hurt or affected or of incidents such as code violations or
    shootings, a share such as `one in five`, a number with a unit, a poll lead, a
    statistic) or
    an allegation of specific wrongdoing as fact (`bribed`, `tortured`, `embezzled`) when no
    attribution covers it and no source is given in its sentence or the one before.  Left
    alone: dates, ages, times, places; figures inside quoted or attributed words; election
    results the story reports (`Ruiz beat Okafor 54% to 44%`, `The initiative was rejected by
    59 percent of voters`); figures given as a condition or a worked case (`if they own at
    least 60 percent`, `if you borrow $30,000, you would pay 3 percent`, `will take effect
    when 30 states ratify it`, what `would have` happened); the level a rule, plan or prize
    sets (`a $15 minimum wage`, `a proposed $50,000 borrowing cap`, `A new rule will require
    workers earning up to $47,476 ...`, `the minimum wage is $7.25`), or a party sets by an act
    (`raised its main interest rate to 6.25 percent`); a named party's proposal (`Sanders'
    $75 billion plan`, `..., offering $30 billion`); a place's size (`the nation of 51
    million`); a figure in a hoped-for clause (`in the hopes that the platform will endorse a
    $15 wage`); `100 percent` as a manner of speaking and `the 1 percent`; a charge in the
    `that` clause of a claim noun that names its source (`an allegation from his first wife
    that ...`); a run of figures from a poll, survey or report named nearby (in the sentence:
    `As of the last fundraising report, ...`; before them, or described after them: `The
    survey was conducted by ...`), or a poll named by its maker anywhere in the sentence
    (`topped a BVA poll`), or by `according to X` or a named speaker's figures just before;
    in a poll story, its shares and margins; a source in the next sentence going on about it
    (`Much of that money came from ..., records show`); a crowd the reporter saw; a duration;
    a plan's level (`she would impose a 4 percent surcharge`); a hedge (vague-attribution's);
    the figure of one who speaks next; a figure taken as known (`the world's 1.2 billion
    Catholics`); a permit's size; a correction note; a case set in the imperative (`Imagine
    paying $50,000 a year`); a market report's quote of a traded price, its move and the
    price it reached (`Gold fell $8.10, or 0.7 percent, to $1,204`; a move alone, `shares fell
    11 percent`, still fires); a figure the next sentence gives again with its source (`The
    $4.2 million figure comes from an audit ...`); a rule's or program's own terms (`a new
    rule for workers earning less than $47,000`); in a story whose headline says what a poll
    finds, the poll's shares; a verb of saying in an infinitive of purpose (`held a briefing
    to brag that ...`); the writer's own family (`My grandfather paid $300 ...`); a sum that
    only describes a thing a definite subject takes as known (`The $25 billion merger was not
    her idea`); a run of figures up to five paragraphs from its source; an official indicator's
    standing level (`the unemployment rate is 4.7 percent`; a month's move in the past, `rose to
    6.2 percent in April`, still fires); a case set for `you` (`For every $10,000 you borrow,
    ...`); a figure in a claim noun's `that` clause (`Clinton's claim that 90 percent ...`); the
    writer's own cost (`has cost me $400,000`); a named place's or group's size (`Hart has 41
    registered voters`, `the two million members of the union`).

    ## Why it matters
    A figure or a charge with no source leaves the reader unable to tell whose it is.
    Figures are what readers repeat and fact-checkers test first, and an allegation stated in
    the reporter's own voice makes the publication the accuser.

    ## Example
    ```text
    The council met on Tuesday.

    Crime in the city rose 40 percent last year.

    The contractor bribed two county inspectors to approve the work.
    ```

    ## Use instead
    ```text
    Crime in the city rose 40 percent last year, according to police department figures.

    Prosecutors say the contractor bribed two county inspectors to approve the work.
    ```
    """
    for si, claim in _unsourced_claims(ctx):
        s = ctx.sentences[si]
        if claim.kind == "figure":
            yield Hit(s.start, s.end, message(unsourced_claim, 0, figure=claim.words))
        else:
            yield Hit(s.start, s.end, message(unsourced_claim, 1, verb=claim.words))
