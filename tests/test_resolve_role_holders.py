"""A role noun standing for the one named person who holds that role anywhere in the article
(attribution/resolve/role_holders.py): linked to that person with low confidence and so not an
anonymous source; never when two named people share the role or the affiliation differs."""
from __future__ import annotations

import pytest

from ._audit import audit_text, by_content, flagged

pytestmark = pytest.mark.stanza

_FILLER = ("Senator Maria Delgado spoke for twenty minutes about water rights and farm labor. "
           "The crowd cheered when she mentioned the new canal. Farmers in the valley have lost "
           "acreage for three years running. Several growers have sold their land to developers.\n\n"
           "The county has lost two packing plants since 2019. The state water board meets again in "
           "March. Its last meeting ended without a vote on the canal.\n\n")



def _anonymous(report) -> list[str]:
    return flagged(report, "anonymous-source")


def test_a_possessed_role_named_only_paragraphs_later_is_that_person_uncertain(parser):
    report = audit_text(parser,
                    "Delgado's campaign manager said on Monday that the office in Fresno would stay open "
                    "through November.\n\n" + _FILLER
                    + "Tom Hollis, Delgado's campaign manager, has run three statewide races.\n")
    a, sp = by_content(report, "stay open through November")
    assert sp is not None and sp.name == "Tom Hollis"
    assert a.confidence == "low"   # tied by the role alone
    assert not _anonymous(report)


def test_a_bare_role_is_not_linked_when_two_named_people_hold_it(parser):
    report = audit_text(parser,
                    "The campaign manager said on Monday that the office in Fresno would stay open "
                    "through November.\n\n" + _FILLER
                    + "Tom Hollis, Delgado's campaign manager, has run three statewide races. Rita Vance, "
                      "the campaign manager for her rival, Carl Harmon, ran his race in 2018.\n")
    a, sp = by_content(report, "stay open through November")
    assert sp is None or sp.name not in ("Tom Hollis", "Rita Vance")


def test_a_role_of_another_affiliation_is_not_the_named_holder(parser):
    report = audit_text(parser,
                    "Harmon's campaign manager said on Monday that the office in Fresno would stay open "
                    "through November.\n\n" + _FILLER
                    + "Tom Hollis, Delgado's campaign manager, has run three statewide races.\n")
    a, sp = by_content(report, "stay open through November")
    assert sp is None or sp.name != "Tom Hollis"


def test_an_indefinite_role_is_someone_else_than_the_named_holder(parser):
    report = audit_text(parser,
                    "Tom Hollis, Delgado's campaign manager, has run three statewide races.\n\n" + _FILLER
                    + "A campaign manager for a rival candidate said on Monday that the canal vote would "
                      "decide the race.\n")
    a, sp = by_content(report, "canal vote would decide")
    assert sp is None or sp.name != "Tom Hollis"
