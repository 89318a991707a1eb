"""Resolve's decision of which names the article gives a person (``Resolved.person_names``):
a capitalised word after a first name or an honorific, which one-sided reads to tell a person
charged with a wrong from a company or an agency."""
from attribution.resolve.person_names import person_names
from attribution.vocab import load_people

TEXT = ("The county auditor, Frank J. Hale, moved $40,000 from the road fund last year. "
        "Mr. Hale's lawyer said the transfers were approved. Greenfield Paving overbilled the "
        "county for asphalt, and Councilwoman Dana Ruiz-Ortega called for a review. "
        "The Greenfield board met on Tuesday.")


def test_names_after_a_first_name_or_an_honorific_are_a_persons():
    names = person_names(TEXT, load_people())
    assert "Hale" in names            # "Frank J. Hale": past a middle initial
    assert "Hale," in names           # ... however the word ends
    assert "Hale's" in names          # "Mr. Hale's lawyer"
    assert "Ruiz-Ortega" in names     # a hyphenated surname after a first name, whole
    assert "Ruiz" not in names        # never a part of a hyphenated word
    assert "Paving" not in names and "Greenfield" not in names   # a company, a place


def test_a_name_no_first_name_or_honorific_opens_is_not_given_as_a_persons():
    names = person_names("Greenfield Paving overbilled the county. Paving crews left.", load_people())
    assert not names & {"Paving", "Greenfield", "Paving crews"}
