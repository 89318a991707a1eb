"""The vocabulary (attribution/vocab): the packaged word lists load once, deeply frozen; the cue
lexicon answers; bad data fails with file:line, the line found in the right section."""
from __future__ import annotations

import pytest

from attribution.vocab import (CLASSES, DataFileError, build_lexicon, build_rule_words, load_lexicon,
                              load_people, load_rule_words, load_vocabulary)


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
    assert {"claim", "admit", "concede", "insist"} <= lex.of_class("loaded")
    assert {"deny", "reject", "dispute"} <= lex.of_class("deny")
    assert "according to" in lex.multiword
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
    lex = build_lexicon(GOOD)
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
    with pytest.raises(DataFileError) as exc:
        build_lexicon(raw, path="cues.toml")
    msg = str(exc.value)
    assert msg.startswith("cues.toml:")
    assert words in msg
    if line is not None:
        assert msg.startswith(f"cues.toml:{line}:"), msg


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(DataFileError):
        load_lexicon(path=tmp_path / "nope.toml")


# ---------------------------------------------------------------- one frozen vocabulary

def test_the_vocabulary_is_loaded_once_and_deeply_frozen():
    vocab = load_vocabulary()
    assert load_vocabulary().cues is vocab.cues and vocab.people is load_people()
    assert vocab.rules is load_rule_words()
    with pytest.raises(TypeError):
        vocab.cues.verbs["opine"] = frozenset({"speech"})
    with pytest.raises(TypeError):
        vocab.people.pronouns["xe"] = "group"
    with pytest.raises(TypeError):
        vocab.rules["contest"]["accuse"] = ()
    assert isinstance(vocab.rules["contest"]["accuse"], tuple)
    with pytest.raises(AttributeError):
        vocab.people.anonymous_nouns.add("bystanders")


def test_the_frozen_vocabulary_pickles_for_worker_processes():
    import pickle

    lex = load_lexicon()
    again = pickle.loads(pickle.dumps(lex))
    assert again == lex and again.lemma_of("said") == "say"
    assert pickle.loads(pickle.dumps(load_people())) == load_people()


def _rules_text() -> str:
    from attribution.vocab import RULES_FILE

    return RULES_FILE.read_text(encoding="utf-8")


def test_a_bad_rules_entry_is_reported_at_its_own_sections_line():
    """``accuse`` is a key of both [cue_classes] and [contest]: a bad entry under [contest]
    is reported at [contest]'s line, not at the first ``accuse =`` in the file (issue 13)."""
    raw = _rules_text()
    contest = raw.index("[contest]")
    key = raw.index("accuse = [", contest)
    first = raw.index('"', key)     # [contest] accuse's first entry, emptied
    raw = raw[:first] + '""' + raw[raw.index('"', first + 1) + 1:]
    with pytest.raises(DataFileError) as exc:
        build_rule_words(raw, "rules.toml")
    line = raw.count("\n", 0, key) + 1
    assert exc.value.line == line and str(exc.value).startswith(f"rules.toml:{line}:")
    assert "[contest] accuse" in str(exc.value)


def test_a_wrongly_typed_rules_key_is_reported_at_its_own_sections_line():
    import re

    raw = _rules_text()
    response = raw.index("[response]")        # "phrases" is a key of [loaded_cue] too
    key = raw.index("phrases = [", response)
    raw = raw[:key] + re.sub(r"phrases = \[[^\]]*\]", 'phrases = "declined to comment"', raw[key:], count=1)
    with pytest.raises(DataFileError) as exc:
        build_rule_words(raw, "rules.toml")
    assert "[response] phrases must be a list" in str(exc.value)
    assert exc.value.line == raw.count("\n", 0, key) + 1


@pytest.mark.parametrize("edit, message", [
    (lambda raw: raw + "\n[extra]\nwords = [\"x\"]\n", "unknown section [extra]"),
    (lambda raw: raw.replace("max_words = 4", "max_words = \"four\""), "[terms] max_words must be an integer"),
    (lambda raw: raw.replace("[beats]\n", "[beats]\nadverbs = [\"slowly\"]\n"), "[beats] unknown key 'adverbs'"),
    (lambda raw: raw.replace('"shrug", "sigh"', '"shrug", "shrug"'), "[beats] verbs: duplicate entry 'shrug'"),
])
def test_rules_toml_is_validated_by_the_one_schema(edit, message):
    raw = edit(_rules_text())
    with pytest.raises(DataFileError) as exc:
        build_rule_words(raw, "rules.toml")
    assert message in str(exc.value)
    assert exc.value.path == "rules.toml" and exc.value.line > 0


def test_every_data_file_error_is_one_class():
    from attribution.vocab import build_people

    for build in (build_lexicon, build_people, build_rule_words):
        with pytest.raises(DataFileError):
            build("[verbs\n", "x.toml")


def test_boilerplate_errors_are_data_file_errors_at_the_patterns_line(tmp_path):
    from attribution.vocab import load_boilerplate

    bad = tmp_path / "bp.toml"
    bad.write_text('[[pattern]]\nid = "a"\nscope = "line"\nregex = "x"\n\n'
                   '[[pattern]]\nid = "b"\nscope = "line"\nregex = "y"\ncolour = "red"\n')
    with pytest.raises(DataFileError) as exc:
        load_boilerplate(str(bad))
    assert exc.value.line == 10 and "unknown key(s) colour" in str(exc.value)
    assert load_vocabulary().boilerplate == load_boilerplate()


def test_extracts_frame_lists_are_data():
    """OBJ_VERBS, XCOMP_VERBS, WEAK, ... are cues.toml [frames], read once through the lexicon."""
    from attribution.extract import reported
    from attribution.vocab.schema import FRAMES

    frames = load_lexicon().frames
    assert set(frames) == set(FRAMES) and all(frames[k] for k in FRAMES)
    assert reported.OBJ_VERBS is frames["obj_verbs"] and reported.WEAK is frames["weak"]
    assert {"deny", "accuse"} <= reported.OBJ_VERBS and "vow" in reported.XCOMP_VERBS
    assert "close" in reported.NP_GLUE and "statement" in reported.ADJUNCT_NOUNS


def test_anonymity_reasons_have_one_owner():
    """Why a source is unnamed is decided once, by attribution.resolve.anonymity_reason with
    people.toml [anonymous] reasons and why; resolve and anonymous-source (for a source resolve
    could not link) both call it, and rules.toml keeps no copy."""
    from attribution.resolve import anonymity_reason

    assert "anonymous" not in load_rule_words()
    people = load_people()
    for phrase in people.reasons:
        assert anonymity_reason(people, f"The aide, who spoke {phrase} because the talks were private, said")
    assert anonymity_reason(people, "a Mexican official who was not authorized to speak publicly on the matter")
    assert anonymity_reason(people, "said an official who spoke on condition of anonymity.") is None


def test_description_heads_have_one_owner():
    from attribution.check.rules.speakers import source_head
    from attribution.resolve.anonymity import description_head

    for text in ("people familiar with the talks", "a source close to the ministry",
                 "two officials briefed on the plan", "the spokesman"):
        assert source_head(text) == description_head(text)
    assert description_head("people familiar with the talks") == "people"
    assert "cut_words" not in load_rule_words()["contest"]


def test_duplicate_entry_names_both_lines():
    raw = GOOD.replace('deny = ["deny"]', 'deny = [\n  "deny",\n  "refute",\n  "deny",\n]')
    with pytest.raises(DataFileError) as exc:
        build_lexicon(raw, path="cues.toml")
    assert str(exc.value) == "cues.toml:7: [verbs] deny: duplicate entry 'deny' (same as line 5)"


def test_a_list_that_holds_another_is_read_whole():
    """A list written once inside another (rules.toml gives only its own words; the load unites
    the lists :data:`INCLUDES` names): readers see the whole list, each word in order, once."""
    import tomllib

    from attribution.vocab import CUES_FILE, cues, data_lists, rule_words, rules

    loaded = {"rules.toml": load_rule_words(), "cues.toml": data_lists("cues.toml")}
    written = {"rules.toml": tomllib.loads(_rules_text()),
               "cues.toml": tomllib.loads(CUES_FILE.read_text(encoding="utf-8"))}
    for file, includes in (("rules.toml", rules.INCLUDES), ("cues.toml", cues.INCLUDES)):
        for (table, key), parts in includes.items():
            whole = loaded[file][table][key]
            assert len(whole) == len(set(whole))
            for part in parts:
                held = loaded[part[0] if len(part) == 3 else file][part[-2]][part[-1]]
                assert set(held) <= set(whole)
                # each word written once: the list's own words repeat none it holds
                assert not set(written[file][table][key]) & set(held), (file, table, key, part)
    # the nouns for a statement are written once, in cues.toml, and read by extract's relative
    # clause frame and by the rules' claim nouns alike; "number" only by the frame ("a number of")
    statement = set(loaded["cues.toml"]["frames"]["statement_nouns"])
    assert {"account", "estimate", "point"} <= statement
    assert statement | {"number"} == load_lexicon().frames["disputed_nouns"]
    assert statement <= rule_words("contest", "claim_nouns") and "number" not in rule_words("contest", "claim_nouns")
    assert {"accusation", "claim", "statement"} <= rule_words("contest", "claim_nouns")
    assert "statement" not in rule_words("contest", "charge_nouns")
    assert {"embezzle", "lie"} <= rule_words("contest", "wrong_verbs")
    assert {"scam", "lies"} <= rule_words("contest", "wrongs")
    # a bad entry in a list another holds is still reported at its own key
    raw = _rules_text()
    key = raw.index("accusation_nouns = [")
    first = raw.index('"', key)
    raw = raw[:first] + '""' + raw[raw.index('"', first + 1) + 1:]
    with pytest.raises(DataFileError, match=r"\[contest\] accusation_nouns"):
        build_rule_words(raw, "rules.toml")


def test_lists_are_united_in_order_each_word_once_across_files():
    """attribution.vocab.includes.unite: a list holds the lists it names in order (one that
    itself includes others, united before it), each word once, a part of three read from the
    file it names; rules.toml's load reads another file's lists through ``files``."""
    from attribution.vocab.includes import unite

    data = {"t": {"a": ["x", "y"], "b": ("y", "z"), "c": ["w"]}}
    other = {"o": {"k": ("z", "v", "x")}}
    out = unite(data, {("t", "b"): (("t", "a"),), ("t", "c"): (("t", "b"), ("other.toml", "o", "k"))},
                {"other.toml": other}.__getitem__)
    assert out["t"]["b"] == ("y", "z", "x")           # a tuple stays a tuple, own words first
    assert out["t"]["c"] == ["w", "y", "z", "x", "v"]  # b whole (a inside it), then the other file's
    # a large list is united in linear time (a set of the words seen, not a scan of the list)
    big = {"t": {"a": [f"w{i}" for i in range(50000)], "b": [f"w{i}" for i in range(25000, 75000)]}}
    assert len(unite(big, {("t", "b"): (("t", "a"),)})["t"]["b"]) == 75000
    # rules.toml with another cues.toml's lists: claim_nouns holds that file's statement nouns
    lists = {"frames": {"statement_nouns": ("allegory",)}}
    words = build_rule_words(_rules_text(), "rules.toml", {"cues.toml": lists}.__getitem__)
    assert "allegory" in words["contest"]["claim_nouns"] and "estimate" not in words["contest"]["claim_nouns"]
