"""The quotation-mark scanner: pure string in, quotations out (no stanza)."""
from __future__ import annotations

import pytest

from attribution.extract.quotes import balanced, scan_quotes


def inner(text: str) -> list[str]:
    return [text[q.inner_start:q.inner_end] for q in scan_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('"We are ready," he said.', ["We are ready,"]),
    ("“We are ready,” he said.", ["We are ready,"]),
    ('"This is," he said, "a turning point."', ["This is,", "a turning point."]),
    ("“This is,” he said, “a turning point.”", ["This is,", "a turning point."]),
    ("''We finally may be seeing it,'' the economist wrote.", ["We finally may be seeing it,"]),
    ("«Nous sommes prêts», a-t-il dit.", ["Nous sommes prêts"]),
    ("„Wir sind bereit“, sagte er.", ["Wir sind bereit"]),
    ("He said the talks were \"professional\" and \"deconflicting\" flights.",
     ["professional", "deconflicting"]),
    # nested single quotes stay inside the double quotation
    ('"He told me \'no way\' twice," she said.', ["He told me 'no way' twice,"]),
    ("“He told me ‘no way’ twice,” she said.", ["He told me ‘no way’ twice,"]),
    ("“It’s the players’ union,” he said.", ["It’s the players’ union,"]),
    # inch and foot marks are not quotation marks
    ("The suspect is 5'10\" and wore a hat.", []),
    ("He is 6'2\" tall and said \"hello\" to us.", ["hello"]),
    ('They used a 12" pipe.', []),
    # no marks at all
    ("The minister said the talks went well.", []),
    ("", []),
])
def test_scan_quotes(text, expected):
    assert inner(text) == expected


def test_quotation_over_several_paragraphs_is_one_quote():
    text = ('"We will not stop.\n\n'
            '"We will go on until the end," he said.\n\nThe next paragraph.')
    qs = scan_quotes(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.closed
    assert text[q.start:q.end] == '"We will not stop.\n\n"We will go on until the end,"'


def test_three_paragraph_curly_quotation():
    text = "“One.\n\n“Two.\n\n“Three,” she said. Later “four” came."
    qs = scan_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in qs] == ["One.\n\n“Two.\n\n“Three,", "four"]


def test_paragraph_left_open_without_continuation_is_flagged_not_extended():
    text = '"We will not stop.\n\nThe minister left. "Fine," she said.'
    qs = scan_quotes(text)
    assert [(text[q.inner_start:q.inner_end], q.closed) for q in qs] == [
        ("We will not stop.", False), ("Fine,", True)]


@pytest.mark.parametrize("text", [
    '"', '""', '" " "', '“', '”', '”stray closer', 'a " b', "''", "``", '«', '»',
    '"unclosed at the end', '“unclosed “twice', 'x"y"z', '5\'"', '\n\n"\n\n"', '„', '„open',
    "“a” ” b “", '"""', "'''", '"\'"\'"',
])
def test_unbalanced_marks_never_crash(text):
    qs = scan_quotes(text)
    for q in qs:
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
    starts = [q.start for q in qs]
    assert starts == sorted(starts)


def test_unclosed_quote_is_reported_open():
    text = 'He said "we will win and left.'
    (q,) = scan_quotes(text)
    assert not q.closed
    assert text[q.inner_start:q.inner_end] == "we will win and left."
    assert not balanced(text)
    assert balanced('"a" and "b"')


def test_opener_after_unclosed_straight_quote_starts_a_new_quote():
    text = 'He said "no. She said "yes".'
    qs = scan_quotes(text)
    assert [(text[q.inner_start:q.inner_end], q.closed) for q in qs] == [("no. She said", False), ("yes", True)]


def test_stray_closing_mark_is_ignored():
    text = "The end” of it. “Real quote,” he said."
    assert inner(text) == ["Real quote,"]


def test_curly_open_straight_close_is_one_quotation():
    from attribution.extract.quotes import scan_quotes

    text = '\u201cIt was a mistake," the minister said. "We will fix it."'
    qs = scan_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in qs] == ["It was a mistake,", "We will fix it."]
    assert all(q.closed for q in qs)


def test_straight_open_curly_close_is_one_quotation():
    text = ('"The ferry has lost money every winter since 2019,\u201d said Dana Whitlock, the port\'s '
            'finance director. "We cannot run it on hope."')
    qs = scan_quotes(text)
    assert inner(text) == ["The ferry has lost money every winter since 2019,", "We cannot run it on hope."]
    assert all(q.closed for q in qs)
    assert "said Dana Whitlock" not in text[qs[0].start:qs[0].end]


def test_curly_quote_closed_by_a_second_opener_before_the_cue():
    # the closer typed as an opener: an opening mark is never followed by a space
    text = ('\u201cThe numbers do not add up,\u201c said Lena Marsh, a budget analyst. '
            '\u201cNot even close.\u201d')
    assert inner(text) == ["The numbers do not add up,", "Not even close."]
    assert all(q.closed for q in scan_quotes(text))


def test_curly_quotation_nested_in_a_straight_one_still_nests():
    text = '"He told me \u201cno\u201d to my face," she said.'
    assert inner(text) == ["He told me \u201cno\u201d to my face,"]
