"""The cue lexicon: packaged data loads, classes answer, bad data fails with file:line."""
from __future__ import annotations

import pytest

from attribution.lexicon import CLASSES, LexiconError, load_lexicon, parse_lexicon


def test_packaged_lexicon_classes():
    lex = load_lexicon()
    assert "speech" in lex.cue_classes("say")
    assert lex.cue_classes("deny") >= {"deny"}
    assert lex.cue_classes("accuse") >= {"accuse"}
    assert "loaded" in lex.cue_classes("admit")
    assert "warn" in lex.cue_classes("warn")
    assert "writing" in lex.cue_classes("tweet")
    assert "cognition" in lex.cue_classes("believe")
    assert "noun" in lex.cue_classes("statement")
    assert lex.cue_classes("table") == frozenset()
    assert lex.cue_classes(None) == frozenset()
    assert {"claim", "admit", "concede", "insist"} <= lex.loaded
    assert {"deny", "reject", "dispute"} <= lex.deny
    assert "according to" in lex.multiword
    assert "reportedly" in lex.hedges
    assert {"officials", "sources", "critics"} <= lex.anonymous_nouns
    for lemma, classes in lex.verbs.items():
        assert classes and classes <= set(CLASSES), lemma


@pytest.mark.parametrize("surface, lemma", [
    ("said", "say"), ("says", "say"), ("saying", "say"), ("told", "tell"), ("denied", "deny"),
    ("denies", "deny"), ("accused", "accuse"), ("warned", "warn"), ("wrote", "write"),
    ("tweeted", "tweet"), ("admitted", "admit"), ("Said", "say"), ("table", None), ("the", None),
])
def test_lemma_of_inflected_forms(surface, lemma):
    assert load_lexicon().lemma_of(surface) == lemma


def test_extra_cues_are_speech_verbs_and_cached():
    lex = load_lexicon(extra_cues=["opine"])
    assert "speech" in lex.cue_classes("opine")
    assert load_lexicon(extra_cues=["opine"]) is lex
    assert not load_lexicon().is_cue_verb("opine")


GOOD = """
[verbs]
speech = ["say", "tell"]
deny = ["deny"]
[nouns]
noun = ["statement"]
[multiword]
cues = ["according to"]
"""


def test_minimal_lexicon_parses():
    lex = parse_lexicon(GOOD)
    assert lex.lemma_of("denied") == "deny"
    assert lex.is_cue_noun("statement")


@pytest.mark.parametrize("raw, line, words", [
    (GOOD.replace('deny = ["deny"]', 'deny = ["deny", "deny"]'), 4, "duplicate"),
    (GOOD.replace('deny = ["deny"]', 'grumpy = ["deny"]'), 4, "unknown class"),
    (GOOD.replace('deny = ["deny"]', 'deny = ["Deny!"]'), 4, "bad entry"),
    (GOOD.replace('deny = ["deny"]', 'deny = "deny"'), 4, "must be a list"),
    (GOOD.replace('deny = ["deny"]', 'deny = [3]'), 4, "not a string"),
    (GOOD + "[extras]\nx = 1\n", 9, "unknown section"),
    (GOOD.replace('speech = ["say", "tell"]', 'speech = ["say", "tell"'), None, "not valid TOML"),
])
def test_bad_lexicon_names_file_and_line(raw, line, words):
    with pytest.raises(LexiconError) as exc:
        parse_lexicon(raw, path="cues.toml")
    msg = str(exc.value)
    assert msg.startswith("cues.toml:")
    assert words in msg
    if line is not None:
        assert msg.startswith(f"cues.toml:{line}:"), msg


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError):
        load_lexicon(path=tmp_path / "nope.toml")
