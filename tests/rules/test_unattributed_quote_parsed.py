"""unattributed-quote on parsed copy (stanza): constructions whose speaker the parse shows."""
from __future__ import annotations

import pytest

from attribution.config import Config

pytestmark = pytest.mark.stanza

RULE = "unattributed-quote"


def _audit(parser, text):
    from attribution.audit import audit_source
    from attribution.load import load_text

    report = audit_source(load_text(text, path="draft.txt"), parser, config=Config(select=(RULE,)))
    return [f for f in report.findings if f.rule == RULE]


@pytest.mark.parametrize("text", [
    # the speaker right after the closing mark, with a verb that is no speech cue
    'The reporter pressed the mayor on the audit.\n\n"It happens to everybody, right?" Moreno went on.\n',
    # Q&A: the reporter's question about a person, answered by the quote
    'Tomas Reyes, 14, sold lemonade on the corner all afternoon.\n\n'
    'Why was he out in the heat? "My dad says I have to save up for a bike."\n',
])
def test_speaker_shown_by_the_parse(parser, text):
    assert _audit(parser, text) == []


def test_a_floating_quote_after_a_question_about_a_thing_still_fires(parser):
    text = ('The county closed the pool in June.\n\n'
            'Why did the repairs take so long? "Nobody wanted to pay for the pumps."\n')
    assert len(_audit(parser, text)) == 1
