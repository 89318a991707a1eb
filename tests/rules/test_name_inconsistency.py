"""name-inconsistency: one speaker spelt two ways."""
from ._build import quoted, run

RULE = "name-inconsistency"


def test_variant_spelling_within_a_speaker():
    text = ("Maj. Gen. Igor Konashenkov said the strikes would continue. Konashenkow also said "
            "that troops controlled the city.\n")
    speakers = [dict(id="s1", name="Igor Konashenkov", title="Maj. Gen.",
                     mentions=["Igor Konashenkov", "Konashenkow"])]
    attrs = [dict(content="the strikes would continue", cue="said", source="Maj. Gen. Igor Konashenkov",
                  speaker="s1")]
    f, = run(text, attrs, speakers, rule=RULE)
    assert quoted(text, f) == "Konashenkow"
    assert "Konashenkov" in f.message and "line 1" in f.message


def test_variant_spelling_outside_any_attribution_is_found_too():
    text = "Igor Konashenkov said the strikes would continue.\n\nThe statement by Konashenkow was brief.\n"
    speakers = [dict(id="s1", name="Igor Konashenkov", mentions=["Igor Konashenkov"])]
    f, = run(text, [], speakers, rule=RULE)
    assert quoted(text, f) == "Konashenkow" and f.line == 3


def test_consistent_spelling_and_derived_forms_are_fine():
    text = ("Hillary Clinton said the plan would work. The Clintons left Russia. "
            "Clinton's aides said Russian officials agreed.\n")
    speakers = [dict(id="s1", name="Hillary Clinton", mentions=["Hillary Clinton", "Clinton's"])]
    assert run(text, [], speakers, rule=RULE) == []


def test_two_different_people_with_similar_surnames():
    text = "Mark Kelly said yes. Megyn Kelley said no.\n"
    speakers = [dict(id="s1", name="Mark Kelly", mentions=["Mark Kelly"]),
                dict(id="s2", name="Megyn Kelley", mentions=["Megyn Kelley"])]
    assert run(text, [], speakers, rule=RULE) == []


def test_common_capitalised_words_and_apostrophes_are_not_names():
    text = ("Police Commissioner James O'Neill said the blast was deliberate. Hours later O’Neill "
            "said the House would hear the Democratic proposal.\n")
    speakers = [dict(id="s1", name="James O'Neill", mentions=["James O'Neill", "O’Neill"]),
                dict(id="s2", name="Tom Hourse", mentions=[])]
    assert run(text, [], speakers, rule=RULE) == []
