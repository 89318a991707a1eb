"""vague-attribution: hedges, vague groups, agentless passives."""
import pytest

from ._build import quoted, run

RULE = "vague-attribution"


@pytest.mark.parametrize("text, hedge", [
    ("The minister reportedly plans to resign before the summer.\n", "reportedly"),
    ("It is believed that the ship sank in international waters.\n", "It is believed"),
    ("The suspect allegedly stole two cars from the lot.\n", "allegedly"),
    ("Some say the deal will collapse within a year.\n", "Some say"),
])
def test_hedges_fire(text, hedge):
    found = run(text, rule=RULE)
    assert [quoted(text, f) for f in found] == [hedge]


def test_experts_without_a_named_expert():
    text = "Experts say the bridge is unsafe.\n"
    attrs = [dict(content="the bridge is unsafe", cue="say", source="Experts", source_kind="anonymous",
                  classes={"speech"})]
    found = run(text, attrs, rule=RULE)
    assert len(found) == 1 and quoted(text, found[0]) == "Experts"


def test_named_expert_is_fine():
    text = "Structural engineer Dana Wu said the bridge is unsafe.\n"
    attrs = [dict(content="the bridge is unsafe", cue="said", source="Structural engineer Dana Wu",
                  speaker="s1", source_kind="name")]
    speakers = [dict(id="s1", name="Dana Wu", role="engineer", mentions=["Dana Wu"])]
    assert run(text, attrs, speakers, rule=RULE) == []


def test_agentless_passive():
    text = "It was announced that the plant would close.\n"
    attrs = [dict(content="the plant would close", cue="announced", passive_agentless=True)]
    found = run(text, attrs, rule=RULE)
    assert [quoted(text, f) for f in found] == ["announced"]


def test_hedge_inside_a_named_speakers_quote_is_theirs():
    text = 'Police Chief Tom Hale said the man "allegedly broke into three homes" on Sunday.\n'
    attrs = [dict(type="mixed", content="the man \"allegedly broke into three homes\" on Sunday",
                  cue="said", source="Police Chief Tom Hale", speaker="s1", source_kind="name")]
    speakers = [dict(id="s1", name="Tom Hale", role="Police Chief", mentions=["Tom Hale"])]
    assert run(text, attrs, speakers, rule=RULE) == []


def test_plain_attributed_sentence_is_fine():
    text = "The minister plans to resign before the summer, two of her aides said.\n"
    assert run(text, rule=RULE) == []


def test_hedge_inside_quotation_marks_is_the_speakers():
    text = '"If there are people who are believed to be dangerous, arrest them," the sheriff said.\n'
    assert run(text, rule=RULE) == []


def test_vague_group_without_a_speech_cue_is_not_a_source():
    text = "In the scandal, people were charged fees they never agreed to.\n"
    attrs = [dict(content="fees they never agreed to", cue="charged", source="people",
                  classes={"accuse"})]
    assert run(text, attrs, rule=RULE) == []
