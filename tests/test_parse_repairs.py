"""Repairs the parse stage makes to stanza's words, so that extract, resolve and check all
see them: a possessive token split at the wrong character gets its word back."""
from __future__ import annotations

from attribution.load import load_text
from attribution.parse import parse
from attribution.parse.repairs import possessive_texts
from attribution.parse.rows import WordRow

TEXT = "Clinton's aide said the talks failed."


def _row(i, text, start, end, head=0, deprel="root", upos="PROPN"):
    return WordRow(i, text, text.lower(), upos, "NNP", "_", head, deprel, start, end, "O")


# what the multi-word-token expander sometimes gives for "Clinton's": the cut one letter early
BAD_SPLIT = [_row(1, "Clinto", 0, 9, 2, "nmod:poss"), _row(2, "n's", 0, 9, 3, "case", "PART"),
             _row(3, "aide", 10, 14, 4, "nsubj", "NOUN"), _row(4, "said", 15, 19, 0, "root", "VERB")]


def test_a_possessive_split_in_the_wrong_place_gets_its_word_back():
    assert possessive_texts(BAD_SPLIT, TEXT)[:4] == ["Clinton", "'s", "aide", "said"]


def test_a_right_split_and_other_multi_word_tokens_are_left_alone():
    right = [_row(1, "Clinton", 0, 9), _row(2, "'s", 0, 9)]
    assert possessive_texts(right, TEXT) == ["Clinton", "'s"]
    text = "They don't know."
    dont = [_row(1, "They", 0, 4), _row(2, "do", 5, 10), _row(3, "n't", 5, 10), _row(4, "know", 11, 15)]
    assert possessive_texts(dont, text) == ["They", "do", "n't", "know"]


def test_a_curly_apostrophe_and_a_bare_plural_possessive():
    text = "The senators’ aides"
    rows = [_row(1, "The", 0, 3), _row(2, "senator", 4, 13), _row(3, "s’", 4, 13)]
    assert possessive_texts(rows, text)[1:] == ["senators", "’"]


def test_a_name_read_as_a_possessive_keeps_its_whole_word():
    text = "Reyes said no."
    rows = [_row(1, "Reye", 0, 5), _row(2, "s", 0, 5), _row(3, "said", 6, 10)]
    assert possessive_texts(rows, text) == ["Reyes", "s", "said"]
    lower = "Ellas said"  # only a capitalised word of letters is a name here
    rows = [_row(1, "Ella", 0, 5), _row(2, "s", 0, 5)]
    assert possessive_texts(rows, lower.lower()) == ["Ella", "s"]


class _Parser:
    """Stands in for stanza: serves the bad split for the one paragraph."""

    model_id = "stub"

    def key(self, text):
        return "0" * 64

    def parse_texts(self, texts):
        return [[BAD_SPLIT] for _ in texts]


def test_the_parse_stage_hands_the_repaired_words_to_every_later_stage():
    doc = parse(load_text(TEXT, "a.txt"), _Parser())
    words = [t.text for t in doc.sentences[0].tokens]
    assert words == ["Clinton", "'s", "aide", "said"]
    first = doc.sentences[0].tokens[0]
    assert (first.start, first.end) == (0, 9)  # offsets stay those of the token
