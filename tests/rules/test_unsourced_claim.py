"""unsourced-claim: a figure stated as fact with no source fires; sourced figures do not."""
import pytest

from ._build import run

RULE = "unsourced-claim"


def test_figure_with_no_source_fires():
    text = ("The council met on Tuesday to discuss the budget.\n\n"
            "Crime in the city rose 40 percent last year.\n")
    found = run(text, rule=RULE)
    assert len(found) == 1 and "40 percent" in found[0].message


@pytest.mark.parametrize("text", [
    # the document is named in the sentence itself, with no cue verb
    "In a Marist College poll released Monday, 52 percent of likely voters chose Ortiz.\n",
    # ... or earlier in the paragraph whose figures the sentence goes on giving
    "The county survey reached 1,200 households in March. Most respondents rent their homes. "
    "Rents rose 18 percent over two years.\n",
])
def test_figures_from_a_named_document_are_sourced(text):
    assert run(text, rule=RULE) == []


def test_a_document_in_another_paragraph_does_not_source_the_figure():
    text = ("The county survey reached 1,200 households in March.\n\n"
            "The mayor spoke at length about the new library.\n\n"
            "Later, the talk turned to money. Rents rose 18 percent over two years.\n")
    assert len(run(text, rule=RULE)) == 1


def test_interview_transcript_answers_are_the_speakers_words():
    text = ("Q: What worries you about the budget?\n\n"
            "A: Property taxes have gone up 30 percent since I took office.\n")
    assert run(text, rule=RULE) == []


def test_a_vote_count_is_a_result_not_an_unsourced_figure():
    text = ("The measure failed on Tuesday.\n\n"
            "Ortiz carried the county by about 4,000 votes.\n")
    assert run(text, rule=RULE) == []


@pytest.mark.parametrize("text", [
    # a well-known numbered event, a slash date and round-the-clock hours are no counts
    "Families of 9/11 victims gathered at the memorial on Sunday morning.\n",
    "The hearing on the zoning appeal was moved to 3/14 at the county courthouse.\n",
    "The new urgent care clinic on Main Street will stay open 24/7 starting in June.\n",
])
def test_a_slash_date_or_numbered_event_is_no_figure(text):
    assert run(text, rule=RULE) == []


def test_a_figure_beside_a_numbered_event_still_fires():
    text = "The 9/11 attacks killed nearly 3,000 people in New York, Virginia and Pennsylvania.\n"
    found = run(text, rule=RULE)
    assert len(found) == 1 and "3,000" in found[0].message and "11" not in found[0].message
