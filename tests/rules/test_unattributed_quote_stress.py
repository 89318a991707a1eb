"""unattributed-quote and quote-speaker-uncertain on a second table of newsroom conventions
(tests/rules/uq_stress_table.py, written for the project: no corpus text): Q&A and transcripts,
bold labels, quote paragraphs before and after their introduction, action beats, headlines,
captions and bylines, pull quotes and epigraphs, lyrics, chants, signs, letters, tweets and texts,
lists, nested, British single, guillemet, ASCII and low-high quotes, quotations over several
paragraphs; quotations nobody near them speaks; and quotations whose speaker is uncertain, which
are a warning and never an error."""
from __future__ import annotations

import pytest

from attribution.config import Config

from .uq_stress_table import ATTRIBUTED, UNATTRIBUTED, UNCERTAIN

pytestmark = pytest.mark.stanza

RULE, UNCERTAIN_RULE = "unattributed-quote", "quote-speaker-uncertain"


def _findings(parser, text):
    from attribution.audit import audit_source
    from attribution.load import load_text

    markdown = text.startswith(("#", "**")) or any(m in text for m in ("\n**", "\n- ", "\n> "))
    path = "draft.html" if text.startswith("<") else "draft.md" if markdown else "draft.txt"
    report = audit_source(load_text(text, path=path), parser, config=Config(select=(RULE, UNCERTAIN_RULE)))
    src = report.source.text
    return ([src[f.start:f.end] for f in report.findings if f.rule == RULE and f.severity.value == "error"],
            [src[f.start:f.end] for f in report.findings if f.rule == UNCERTAIN_RULE])


def test_the_table_is_large_enough_to_mean_something():
    assert len(ATTRIBUTED) >= 80 and sum(n for n, _, _ in UNATTRIBUTED) >= 20
    assert len({i for i, _ in ATTRIBUTED} | {i for _, i, _ in UNATTRIBUTED} | {i for i, _ in UNCERTAIN}) == \
        len(ATTRIBUTED) + len(UNATTRIBUTED) + len(UNCERTAIN)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in ATTRIBUTED])
def test_a_quotation_whose_speaker_the_copy_gives_is_no_error(parser, text):
    errors, _ = _findings(parser, text)
    assert errors == []


@pytest.mark.parametrize("expected, text", [pytest.param(n, t, id=i) for n, i, t in UNATTRIBUTED])
def test_a_quotation_nobody_near_it_speaks_is_an_error(parser, expected, text):
    errors, uncertain = _findings(parser, text)
    assert len(errors) == expected, (errors, uncertain)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in UNCERTAIN])
def test_a_quotation_whose_speaker_is_uncertain_is_a_warning_not_an_error(parser, text):
    errors, uncertain = _findings(parser, text)
    assert errors == [] and len(uncertain) == 1, (errors, uncertain)
