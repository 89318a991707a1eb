"""contested-claim and one-sided on real wording (parsed by the shipped model): what a
rejection takes, what is a claim, and what is only a difference of opinion.  The texts are
written for these tests in the manner of wire and local copy."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.stanza


def _findings(parser, text: str, rule: str):
    from attribution.audit import audit_source
    from attribution.check import all_rules
    from attribution.config import Config
    from attribution.load import load_text

    config = Config(select=tuple(r.id for r in all_rules()))
    report = audit_source(load_text(text, path="story.txt", fmt="text"), parser, config=config)
    src = report.source.text
    by_id = {a.id: a for a in report.resolved.attributions}
    return [(f, [src[by_id[a].cue.start:by_id[a].cue.end] for a in f.attributions if by_id[a].cue])
            for f in report.findings if f.rule == rule]


@pytest.mark.parametrize("text", [
    # a deny-class cue whose object is an offer, a person or an endorsement: nothing said is rejected
    "Mayor Dana Pruitt said the city would pay half the cost of the new stadium.\n\n"
    "Team owner Rick Vance rejected the mayor's offer to pay half the cost of the new stadium.\n",
    "Senator Hal Ostrow said the committee would hold confirmation hearings for the judge in March.\n\n"
    "Committee chairman Lou Brandt denied Judge Ana Ruiz a confirmation hearing in March.\n",
    # an attributive "false" that rejects no claim
    "Councilwoman Mira Shah said the two budgets could not be compared.\n\n"
    "Councilman Ted Obi said that comparing them was a false equivalency.\n",
    # opposite opinions about what ought to happen
    "Parent Ruth Kline said the district should keep the Elm Street school open next year.\n\n"
    "Superintendent Carl Diaz said the district should not keep the Elm Street school open next year.\n",
])
def test_no_dispute_over_a_fact(parser, text):
    assert _findings(parser, text, "contested-claim") == []


def test_a_contrast_is_not_a_negation(parser):
    text = ("Governor Ellen Park said the state would admit refugees from Syria and Iraq this year.\n\n"
            "Senator Joe Lund said the state would admit refugees from Syria but not Iraq this year.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_dismissed_rumors_is_a_rejection(parser):
    text = ("A local radio host said the plant would close by the end of the year and move its "
            "jobs to Mexico.\n\n"
            "Company spokeswoman Lena Marsh dismissed the rumors on Friday.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1
    assert found[0][1] == ["said", "dismissed"]
