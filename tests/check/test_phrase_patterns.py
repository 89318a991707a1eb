"""The rules' phrase patterns (``check.vocab.phrase_re``): whole phrases, case-insensitive, and a
later word of a phrase may open a quotation."""
from attribution.check import vocab


def test_a_later_word_of_a_phrase_may_open_a_quotation():
    rejection = vocab.phrase_re("contest", "rejection")
    said = ('The minister said the report was "not true," and her deputy called the leak '
            '“a fabrication” on Tuesday. A spokesman said it was ‘made up’ from start to finish.')
    assert [m.group() for m in rejection.finditer(said)] == ["not true", "a fabrication", "made up"]
    for mark in ('"', "“", "‘"):  # the opening marks, between the words of the phrase
        text = f"The senator said the charge was not {mark}true{mark} at all."
        assert [m.group() for m in rejection.finditer(text)] == [f"not {mark}true"], mark
    for mark in ("”", "’", "'", "«", "*"):  # a closing mark or another character is no opening
        assert rejection.search(f"The senator said the charge was not {mark}true at all.") is None, mark


def test_phrases_match_whole_words_in_any_case():
    hedges = vocab.phrase_re("vague", "hedges")
    assert hedges.search("IT IS BELIEVED the talks will resume in March.").group() == "IT IS BELIEVED"
    assert hedges.search("Since it is believed-in by few, the plan stalled.") is None  # a hyphenated word
    rejection = vocab.phrase_re("contest", "rejection")
    assert rejection.search("The chair was remade up north.") is None  # 'made' inside 'remade'
    assert rejection.search("They made upward progress.") is None  # 'up' inside 'upward'
    assert rejection.search("It was all MADE UP, she said.").group() == "MADE UP"


def test_a_rejections_demonstrative_object_is_no_complementizer():
    # "pushed back on those charges" points at the charges just made (claims._pointed_past);
    # "denied that the charges were true" says what is denied: "that" opens a clause there
    from attribution.check.claims import _points_at_claim

    assert _points_at_claim(" back on those charges and has defended the bidding rules.")
    assert _points_at_claim(" that figure, saying the count was incomplete.")
    assert _points_at_claim(" these claims in a statement.")
    assert not _points_at_claim(" that the charges were politically motivated.")
    assert not _points_at_claim(" that his account of the meeting was false.")
    assert _points_at_claim(" that those claims had any basis.")  # "those claims" still points back
