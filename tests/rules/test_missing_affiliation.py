"""missing-affiliation: a named person with neither role nor affiliation."""
import pytest

from ._build import quoted, run

RULE = "missing-affiliation"
TEXT = "The plant will close in March, John Bellamy said.\n"
ATTRS = [dict(content="The plant will close in March", cue="said", source="John Bellamy",
              speaker="s1", source_kind="name")]


def test_bare_name_fires_at_the_name():
    found = run(TEXT, ATTRS, [dict(id="s1", name="John Bellamy", mentions=["John Bellamy"])], rule=RULE)
    assert len(found) == 1
    assert quoted(TEXT, found[0]) == "John Bellamy"
    assert found[0].severity.value == "info"


@pytest.mark.parametrize("extra", [dict(role="spokesman"), dict(affiliation="Delta Steel"),
                                   dict(title="Sen.")])
def test_role_affiliation_or_office_title_is_enough(extra):
    assert run(TEXT, ATTRS, [dict(id="s1", name="John Bellamy", mentions=["John Bellamy"], **extra)],
               rule=RULE) == []


def test_honorific_alone_is_not_a_role():
    text = "The plant will close in March, Mr. Bellamy said.\n"
    attrs = [dict(content="The plant will close in March", cue="said", source="Mr. Bellamy",
                  speaker="s1", source_kind="name")]
    found = run(text, attrs, [dict(id="s1", name="John Bellamy", title="Mr.", mentions=["Mr. Bellamy"])],
                rule=RULE)
    assert len(found) == 1


@pytest.mark.parametrize("text, source", [
    ("GOP frontrunner Donald Trump said the plant will close in March.\n", "Donald Trump"),
    ("Breitbart’s Joel Pollak said the plant will close in March.\n", "Joel Pollak"),
    ("Haley Morris, who speaks for the campaign as its spokeswoman, said the plant will close.\n",
     "Haley Morris"),
    ("John Bellamy of Delta Steel said the plant will close in March.\n", "John Bellamy"),
])
def test_described_in_the_text_even_when_resolve_left_role_empty(text, source):
    attrs = [dict(content="the plant will close", cue="said", source=source, speaker="s1")]
    assert run(text, attrs, [dict(id="s1", name=source, mentions=[source])], rule=RULE) == []


def test_single_word_or_shouted_names_are_not_checked():
    text = "Democrats said the plant will close in March.\n"
    attrs = [dict(content="the plant will close in March", cue="said", source="Democrats", speaker="s1")]
    assert run(text, attrs, [dict(id="s1", name="Democrats", mentions=["Democrats"])], rule=RULE) == []


def test_organisations_and_anonymous_sources_are_not_persons():
    text = "The plant will close in March, Delta Steel said.\n"
    attrs = [dict(content="The plant will close in March", cue="said", source="Delta Steel",
                  speaker="s1", source_kind="organization")]
    assert run(text, attrs, [dict(id="s1", name="Delta Steel", kind="organization",
                                  mentions=["Delta Steel"])], rule=RULE) == []


def test_speaker_without_attributions_is_ignored():
    assert run(TEXT, [], [dict(id="s1", name="John Bellamy", mentions=["John Bellamy"])], rule=RULE) == []
