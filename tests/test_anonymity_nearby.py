"""An unnamed source is only reported when nothing near it says who speaks: a leader or member
named beside the group, a determiner extract cut off, a long apposition after a name, and a
pronoun whose unnamed antecedent was never a source (resolve doubts the link).  Realistic news
wording written for these tests."""
from __future__ import annotations

import pytest

from .test_sourcing_real import _audit, _flagged

pytestmark = pytest.mark.stanza


def test_a_group_led_by_a_named_person_is_no_unnamed_source(parser):
    text = ("At a hotel bar in Des Moines last week, the governor's top advisers met with county "
            "chairs. The advisers, led by campaign manager Dana Whitcomb, told the chairs that "
            "they did not expect to win the first two contests.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_insiders_whose_named_member_speaks_next_are_not_flagged(parser):
    text = ("The strike has left thousands of customers waiting for repairs. Northline executives "
            "have acknowledged that the walkout slowed service in rural counties. \"We are "
            "installing, but not at the pace we would like,\" chief executive Maren Hollis said "
            "at an investor meeting on Tuesday.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_insiders_followed_by_someone_else_stay_flagged(parser):
    # the named speaker after them is no member of the group: an endorser, not an aide
    text = ("It is unclear whether the senator will ever endorse the governor. Campaign aides "
            "have privately complained that the senator's refusal is hurting turnout. \"His "
            "voters are more passionate than anyone's,\" said Rep. Lila Okafor, a supporter "
            "of the governor.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == ["Campaign aides"]


def test_a_definite_description_the_parse_cut_is_no_unnamed_source(parser):
    text = ("Ben Carlow rejected the idea that the matter was settled, saying he would fix it. "
            "The retired surgeon addressed the issue again on a radio show, remarking from Ohio "
            "he did not think \"this is a hard investigation.\"\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_a_name_with_a_long_apposition_speaks_not_the_apposition(parser):
    text = ("Tomas Reyes, a former budget official who is now a senior fellow at the Harlow "
            "Institute for Public Finance, which studies state pensions and local debt, said that "
            "support for the plan among rural counties shows it is not being forced through.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == []
    speakers = {s.name for s in report.resolved.speakers}
    assert "Tomas Reyes" in speakers


def test_a_pronoun_whose_unnamed_antecedent_never_spoke_is_no_unnamed_source(parser):
    text = ("The mayor's campaign is tying the transit bill to Councilman Ortiz, who voted for it "
            "last spring. On Tuesday, county health officials found a second case of the virus in "
            "Harmon County. They are saying his vote is a sign that he wants to play politics.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_a_pronoun_after_its_unnamed_source_spoke_stays_flagged(parser):
    text = ("The council will vote on the budget next week, city officials said on Monday. They "
            "said the vote could slip if the county does not send its figures.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == ["city officials"]
    f = next(f for f in report.findings if f.rule == "anonymous-source")
    assert len(f.attributions) == 2


def test_insiders_whose_named_spokesman_speaks_next_are_not_flagged(parser):
    # the member is called one of them by the body they share ("the Harlow County spokesman")
    text = ("The sheriff's memo was read as a rebuke of the governor, yet Harlow County officials "
            "emphasized on Friday that the sheriff was not attacking anyone. \"He said what he has "
            "always said about the jail budget,\" the Harlow County spokesman, Paul Okonkwo, told a "
            "local radio station.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_a_request_is_no_statement_of_an_unnamed_source(parser):
    text = ("The former senator spoke with voters outside the polling place before heading inside "
            "with the mayor. At one point, a woman asked for a photo and Harmon said, \"as long as "
            "we're not breaking any election laws.\"\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_the_object_of_a_relative_clause_on_the_subject_is_no_source(parser):
    text = ("The governor's team expects a long race. Senior campaign advisers who have run the "
            "numbers argue that by the end of May, she will hold nearly all the delegates she "
            "needs.\n")
    report = _audit(parser, text)
    names = [s.name.lower() for s in report.resolved.speakers]
    assert "the numbers" not in names
    assert _flagged(report, "anonymous-source") == ["Senior campaign advisers who have run the numbers"]


def test_an_insiders_role_reads_the_spellings_of_people_toml():
    # insider_role calls a member one of "Vatican officials" by any spelling [roles] same gives
    # an insider noun (one home: no second list of spokesman spellings in the code)
    import dataclasses
    import re

    from attribution.resolve.anonymity_context import insider_role
    from attribution.vocab import load_people

    people = load_people()
    assert re.search(insider_role(people, "Vatican officials"), "the Vatican spokeswoman, Ana Ruiz, told reporters")
    more = dataclasses.replace(people, role_class={**people.role_class, "press officer": "spokesman"})
    assert re.search(insider_role(more, "Vatican officials"), "the Vatican press officer, Ana Ruiz, told reporters")
    assert not re.search(insider_role(people, "Vatican officials"), "the Vatican press officer, Ana Ruiz, told reporters")
