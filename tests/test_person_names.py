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


def test_a_description_of_a_person_tied_to_no_one_is_unresolved():
    from attribution.model import Attribution, AttributionType, Span, Speaker
    from attribution.resolve.person_names import unresolved_descriptions

    text = ("Hale said the fund was short. The candidate also continued to refute the audit. "
            "The county said the figures were right. The former senator denied it.")

    def attr(id_, source, speaker=None):
        start = text.index(source)
        return Attribution(id=id_, type=AttributionType.INDIRECT, content=(Span(0, 4),), cue=None,
                           source=Span(start, start + len(source)), sentence=0, speaker=speaker)

    attrs = [attr("a1", "Hale", "s1"), attr("a2", "The candidate"), attr("a3", "The county"),
             attr("a4", "The former senator", "s1")]
    speakers = [Speaker(id="s1", name="Frank Hale", kind="person")]
    # "The candidate", tied to no one; "The former senator" is tied to Hale; "The county" is no person
    assert unresolved_descriptions(text, attrs, speakers) == {"a2"}
    assert unresolved_descriptions(text, attrs, []) == {"a2", "a4"}
