"""loaded-cue: editorialising cue verbs, with "said" suggested."""
import pytest

from ._build import quoted, run

RULE = "loaded-cue"


@pytest.mark.parametrize("verb, lemma", [("admitted", "admit"), ("claimed", "claim"),
                                         ("conceded", "concede"), ("insisted", "insist")])
def test_loaded_verbs_fire_and_suggest_said(verb, lemma):
    text = f"The mayor {verb} that the budget was short by $2 million.\n"
    attrs = [dict(content="the budget was short by $2 million", cue=verb, source="The mayor",
                  cue_lemma=lemma, classes={"loaded"})]
    f, = run(text, attrs, rule=RULE)
    assert quoted(text, f) == verb
    assert '"said"' in f.message and f.severity.value == "info"


def test_classes_from_the_lexicon():
    from attribution.vocab import load_lexicon

    text = "Russia admitted that its special forces were operating alongside Syrian troops.\n"
    attrs = [dict(content="its special forces were operating alongside Syrian troops", cue="admitted",
                  source="Russia", cue_lemma="admit")]
    f, = run(text, attrs, rule=RULE, lexicon=load_lexicon())
    assert quoted(text, f) == "admitted"


def test_said_is_fine():
    text = "The mayor said that the budget was short by $2 million.\n"
    attrs = [dict(content="the budget was short by $2 million", cue="said", source="The mayor",
                  cue_lemma="say", classes={"speech"})]
    assert run(text, attrs, rule=RULE) == []


def test_claim_as_a_noun_cue_is_not_flagged():
    text = "The claim by the mayor that the budget was short was false.\n"
    attrs = [dict(content="the budget was short", cue="claim", source="the mayor", cue_lemma="claim",
                  classes={"loaded", "noun"})]
    assert run(text, attrs, rule=RULE) == []


def test_refused_to_say_on_the_surface():
    text = "The general refused to say how many troops were deployed.\n"
    f, = run(text, rule=RULE)
    assert quoted(text, f) == "refused to say"


def test_passive_admitted_is_not_a_cue():
    text = "Four Protestants were admitted as refugees last year.\n"
    attrs = [dict(content="as refugees last year", cue="admitted", source="Four Protestants",
                  cue_lemma="admit", classes={"loaded"})]
    assert run(text, attrs, rule=RULE) == []
