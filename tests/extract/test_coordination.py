"""Two statements in one sentence are two attributions: a second cue coordinated after the
first's content ("said A, and disputed B"), a second statement after a comma ("While X said A,
she said B"), and another's clause after ", but" ("X said A, but two audits found B").  The
texts are written for these tests in the manner of local and wire copy (needs the stanza model)."""
from __future__ import annotations

import pytest

from .test_extract import run, view

pytestmark = pytest.mark.stanza


def _by_cue(text, atts):
    return {view(text, a)[1]: view(text, a) for a in atts}


def test_coordinated_dispute_after_said_is_its_own_attribution(parser):
    text, atts = run(parser, "Mayor Ellen Park said the contracts had been approved in public session, "
                             "and disputed Dorsey's figure, saying the total was closer to $1.2 million.")
    got = _by_cue(text, atts)
    assert got["said"] == ("the contracts had been approved in public session", "said", "Mayor Ellen Park")
    content, cue, source = got["disputed"]
    assert content.startswith("Dorsey's figure") and source == "Mayor Ellen Park"


def test_coordinated_cue_shares_the_subject_the_parse_did_not_link(parser):
    text, atts = run(parser, "The lawyer, Mark Ellis, said there was no evidence that his client had "
                             "touched the logs, and disputed the prosecution's timeline, saying Harlan "
                             "had left the warehouse before 6 p.m. that night.")
    got = _by_cue(text, atts)
    assert "touched the logs" in got["said"][0] and "disputed" not in got["said"][0]
    assert got["disputed"][0].startswith("the prosecution's timeline")
    assert "Mark Ellis" in got["disputed"][2]


def test_second_statement_after_a_comma_is_not_the_first_ones_content(parser):
    text, atts = run(parser, "While Chief Anna Ruiz said there was clear evidence that the officer had "
                             "broken department rules, she said there is no precedent for firing an "
                             "officer over a single complaint.")
    contents = sorted(view(text, a)[0] for a in atts)
    assert contents == ["there is no precedent for firing an officer over a single complaint",
                        "there was clear evidence that the officer had broken department rules"]


def test_parenthetical_cue_does_not_cut_the_content(parser):
    text, atts = run(parser, "The plan, he said, would cost the county less than the old contract.")
    assert len(atts) == 1 and "would cost the county" in view(text, atts[0])[0]


def test_but_with_another_subject_ends_the_content(parser):
    text, atts = run(parser, "Mayor Ellen Park said the city had published every contract online, but "
                             "two audits by the state comptroller found that dozens of contracts were "
                             "never posted.")
    said = _by_cue(text, atts)["said"]
    assert said[0] == "the city had published every contract online"


def test_but_without_a_clause_keeps_the_content_whole(parser):
    text, atts = run(parser, "The senator said the bill would help farmers, but not ranchers, in the "
                             "western counties.")
    assert "but not ranchers" in _by_cue(text, atts)["said"][0]


def test_claim_noun_rejected_in_a_relative_clause(parser):
    """"..., a charge that party leaders strongly denied, noting ...": the leaders reject the
    claim noun, and the participle after their clause is theirs."""
    text, atts = run(parser, "The front-runner complained that the county caucus had been rigged "
                             "against him, a charge that Dorsey County Republican leaders strongly "
                             "denied, noting that they had used the same rules since 2004.")
    got = _by_cue(text, atts)
    assert got["complained"][0] == "that the county caucus had been rigged against him"
    assert got["denied"] == ("a charge", "denied", "Dorsey County Republican leaders")
    assert got["noting"][2] == "Dorsey County Republican leaders"


def test_a_proposal_rejected_in_a_relative_clause_is_no_claim(parser):
    text, atts = run(parser, "The governor said the plan would raise fees, a proposal that the "
                             "legislature rejected in March.")
    assert [view(text, a)[1] for a in atts] == ["said"]


def test_two_sources_joined_by_and_after_the_content(parser):
    # "..., she and another reporter said.": the parse makes "said" a conj of the first verb
    text, atts = run(parser, "On Tuesday night, the campaign manager, Cory Lane, roughly grabbed the arm "
                             "of a reporter as she tried to ask a question, she and another reporter said.")
    got = _by_cue(text, atts)
    content, cue, source = got["said"]
    assert source == "she and another reporter"
    assert "grabbed the arm of a reporter" in content


def test_a_cue_in_an_infinitive_takes_the_subject_of_the_verb_before_it(parser):
    text, atts = run(parser, "Rep. Anna Dorsey continued to refute the report on Sunday.")
    got = _by_cue(text, atts)
    assert got["refute"][2] == "Rep. Anna Dorsey"


def test_a_participle_after_a_name_is_no_cue(parser):
    # "The Crime Statistics Bureau cited in the senator's post": cited by the post, saying nothing
    text, atts = run(parser, "The Crime Statistics Bureau cited in the senator's post does not exist, and "
                             "FBI statistics show that the numbers in the chart are wrong.")
    assert [view(text, a)[1] for a in atts] == ["show"]
