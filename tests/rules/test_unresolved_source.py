"""unresolved-source: a pronoun or role noun tied to nobody."""
import pytest

from ._build import quoted, run

RULE = "unresolved-source"
TEXT = 'The bridge will stay closed until spring. "We have no other option," she said.\n'


def test_pronoun_without_speaker_fires():
    attrs = [dict(type="direct", content="We have no other option,", cue="said", source="she",
                  source_kind="pronoun")]
    found = run(TEXT, attrs, rule=RULE)
    assert len(found) == 1 and quoted(TEXT, found[0]) == "she"
    assert "pronoun" in found[0].message


def test_pronoun_resolved_to_a_person_is_fine():
    text = ('The bridge will stay closed until spring, said Transport Secretary Maria Chen. '
            '"We have no other option," she said.\n')
    attrs = [dict(content="The bridge will stay closed until spring", cue="said",
                  source="Transport Secretary Maria Chen", speaker="s1", source_kind="name"),
             dict(type="direct", content="We have no other option,", cue="said@2", source="she",
                  speaker="s1", source_kind="pronoun")]
    speakers = [dict(id="s1", name="Maria Chen", title="Transport Secretary",
                     mentions=["Maria Chen", "she"])]
    assert run(text, attrs, speakers, rule=RULE) == []


def test_role_noun_without_speaker_fires():
    text = "The spokesman said the talks would resume on Monday.\n"
    attrs = [dict(content="the talks would resume on Monday", cue="said", source="The spokesman",
                  source_kind="role")]
    f, = run(text, attrs, rule=RULE)
    assert quoted(text, f) == "The spokesman" and "role" in f.message


def test_first_person_is_the_writer():
    text = "I said that the council had no plan.\n"
    attrs = [dict(content="the council had no plan", cue="said", source="I", source_kind="pronoun")]
    assert run(text, attrs, rule=RULE) == []


def test_named_source_is_not_checked():
    text = "Maria Chen said the talks would resume.\n"
    attrs = [dict(content="the talks would resume", cue="said", source="Maria Chen", source_kind="name")]
    assert run(text, attrs, rule=RULE) == []


@pytest.mark.parametrize("source, kind", [("These", "pronoun"), ("All of them", "pronoun"),
                                          ("You", "pronoun"), ("We’ve", "pronoun"),
                                          ("A federal judge", "role"), ("Having", "role")])
def test_non_personal_pronouns_and_indefinite_roles_are_not_checked(source, kind):
    text = f"{source} said the talks would resume on Monday.\n"
    attrs = [dict(content="the talks would resume on Monday", cue="said", source=source,
                  source_kind=kind)]
    assert run(text, attrs, rule=RULE) == []


def test_role_noun_held_by_a_named_person_is_tied():
    text = "Judge Richard Berman read the sentence. The judge said the case was closed.\n"
    attrs = [dict(content="the case was closed", cue="said", source="The judge", source_kind="role")]
    speakers = [dict(id="s1", name="Richard Berman", title="Judge", mentions=["Richard Berman"])]
    assert run(text, attrs, speakers, rule=RULE) == []


def test_role_noun_resolved_to_an_unnamed_entity_is_left_to_anonymous_source():
    text = "The official said the talks would resume on Monday.\n"
    attrs = [dict(content="the talks would resume on Monday", cue="said", source="The official",
                  speaker="s1", source_kind="role")]
    speakers = [dict(id="s1", name="the official", kind="anonymous", mentions=["The official"])]
    assert run(text, attrs, speakers, rule=RULE) == []
