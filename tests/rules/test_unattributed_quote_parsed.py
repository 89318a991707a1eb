"""unattributed-quote on parsed copy (stanza): constructions whose speaker the parse shows."""
from __future__ import annotations

import pytest

from .._audit import audit_text, findings

pytestmark = pytest.mark.stanza

RULE = "unattributed-quote"


def _audit(parser, text):
    return findings(audit_text(parser, text, path="draft.txt", fmt=None, select=(RULE,)), RULE)


@pytest.mark.parametrize("text", [
    # the speaker right after the closing mark, with a verb that is no speech cue
    'The reporter pressed the mayor on the audit.\n\n"It happens to everybody, right?" Moreno went on.\n',
    # Q&A: the reporter's question about a person, answered by the quote
    'Tomas Reyes, 14, sold lemonade on the corner all afternoon.\n\n'
    'Why was he out in the heat? "My dad says I have to save up for a bike."\n',
])
def test_speaker_shown_by_the_parse(parser, text):
    assert _audit(parser, text) == []


def test_a_floating_quote_after_a_question_about_a_thing_still_fires(parser):
    text = ('The county closed the pool in June.\n\n'
            'Why did the repairs take so long? "Nobody wanted to pay for the pumps."\n')
    assert len(_audit(parser, text)) == 1


def _unsourced(parser, text):
    report = audit_text(parser, text, path="draft.txt", fmt=None, select=("unsourced-claim",))
    return findings(report, "unsourced-claim")


def test_unsourced_claim_leaves_the_reporters_own_crowd_count_alone(parser):
    # bench/gold/GUIDE.md: the reporter's own observation of the event is not a claim to source
    text = ("Supporters of the library levy met downtown on Saturday.\n\n"
            "About 300 people gathered outside City Hall before noon.\n")
    assert _unsourced(parser, text) == []


def test_unsourced_claim_still_flags_a_count_that_is_not_an_observation(parser):
    text = ("Supporters of the library levy met downtown on Saturday.\n\n"
            "About 300 people lost their jobs at the plant last year.\n")
    assert len(_unsourced(parser, text)) == 1


def test_speaker_as_subject_of_the_word_the_cue_complements(parser):
    # "X was quick to add that ...": X is the subject of "quick", the cue "add" complements it
    text = ('"The fence is negotiable," Hale said.\n\n'
            'Hale was quick to add that the fence would still be built.\n\n'
            '"Building it? Not negotiable."\n')
    assert _audit(parser, text) == []


def test_a_newsletter_item_credited_in_brackets(parser):
    text = ('MORNING BRIEFING\n\nPORT STRIKE ENTERS SECOND WEEK "The dockworkers have not missed a '
            'paycheck this long since the strike of 1998, and the shippers know it." '
            '[Maria Kessler, Harbor Freight Weekly]\n')
    assert _audit(parser, text) == []


@pytest.mark.parametrize("text", [
    # an inline dash credit after the quotation
    'Voters in Brookfield go to the polls on Tuesday.\n\n"Every vote in this town counts twice." '
    '—Mayor Elena Ruiz\n\nThe race is close.\n',
    # an action beat by someone named in apposition to "one of them"
    'Residents packed the hearing on Monday night.\n\nOne of them, retired teacher Paul Okafor, '
    'stood up near the end.\n\n"You closed our school and now you want to close our library. '
    'What is left?"\n',
    # a parenthetical credit ending the quote's paragraph
    'The council met for four hours.\n\n"We are done here." (Ruiz)\n\nThe meeting ended at midnight.\n',
    # an action beat whose verb the lemmatiser gets wrong ('shrugged')
    'Asked about the delay, the director shrugged.\n\n"Things take time."\n',
    # a statement announced in the sentence before gives its words' speaker
    'The union released a statement on Friday night.\n\n"Our members will not accept a contract '
    'that cuts their pensions."\n\nTalks resume Monday.\n',
])
def test_credit_and_beat_constructions(parser, text):
    assert _audit(parser, text) == []


def test_a_quote_after_a_sentence_where_nobody_acts_still_fires(parser):
    text = ('The coach gathered his players after the loss.\n\n"Heads up," he told them.\n\n'
            'The bus left at nine.\n\nThe highway was empty.\n\n"We let this one slip away."\n')
    assert len(_audit(parser, text)) == 1


def test_a_statement_mentioned_without_anyone_issuing_it_gives_no_speaker(parser):
    text = ('The statement was posted on the door of the closed plant.\n\n'
            '"Nobody told us anything until the gates were locked."\n')
    assert len(_audit(parser, text)) == 1


@pytest.mark.parametrize("text", [
    # a bracketed credit after a non-breaking space, as newsletters paste it
    'MORNING BRIEFING\n\nPORT STRIKE ENTERS SECOND WEEK "The dockworkers have not missed a '
    'paycheck this long since the strike of 1998, and the shippers know it."\u00a0'
    '[Maria Kessler,\u00a0Harbor Freight Weekly]\nTRANSIT FARES FROZEN The board voted 5-2. [Wire]\n',
    # a slogan that the next paragraph calls one
    'ABSTRACT.\n\n"Jobs first, always."\n\nThe mayor\'s advisers may not have painted that slogan '
    'on the wall of their office, as her predecessor did, but they might as well have.\n',
    # a quote paragraph that goes on from the quotation ending the paragraph before
    'Nadia Brooks wants the newsletter to hold the council to account. "We know the building and '
    'we know who runs it, so when a member says something that is not true, we can say so."\n\n'
    '"It is not a new idea, right? It is a platform for the kind of reporting we already do."\n\n'
    'How that plays out is harder to say.\n',
    # an action beat in the paragraph after the quote
    'The volunteers work the phones in a back room. Ines Calder dials the next number on her list.\n\n'
    'She waits.\n\nPause.\n\n"Well, you do that! The candidate will appreciate it, and so will I."\n\n'
    'She hangs up, smiling.\n',
])
def test_quotes_whose_speaker_the_neighbourhood_gives(parser, text):
    assert _audit(parser, text) == []


def test_a_quote_paragraph_after_a_flagged_one_still_fires(parser):
    # the run goes on only from a quotation whose speaker is known
    text = ('The highway was empty that night.\n\n"We let this one slip away, and everybody knows it."\n\n'
            '"Next year will be different, because it has to be."\n')
    assert len(_audit(parser, text)) == 2
