"""The checker: selection, severity overrides, inline suppression, order, positions."""
from attribution.check import check
from attribution.config import Config
from attribution.load import load_text
from attribution.model import Severity

from ..rules._build import resolved

MD = """# Budget

The mayor admitted that the budget was short. Officials reportedly knew in May.

<!-- attribution: ignore[loaded-cue] -->
The treasurer admitted that the audit was late.

The council meets again in June.

<!-- attribution: off -->
"This is the darkest day for our town in forty years."
<!-- attribution: on -->

"Nobody will lose their job because of this budget, not one person."
"""


def _resolved():
    src = load_text(MD, path="budget.md", fmt="markdown")
    attrs = [dict(content="the budget was short", cue="admitted", source="The mayor", cue_lemma="admit",
                  classes={"loaded"}),
             dict(content="the audit was late", cue="admitted@2", source="The treasurer",
                  cue_lemma="admit", classes={"loaded"})]
    return resolved(MD, attrs, source=src)


def test_findings_sorted_positions_and_suppression():
    findings = check(_resolved(), Config())
    got = [(f.rule, MD[f.start:f.end][:20], f.line) for f in findings]
    assert got == [("loaded-cue", "admitted", 3),
                   ("vague-attribution", "reportedly", 3),
                   ("unattributed-quote", '"Nobody will lose th', 14)]
    for f in findings:
        assert (f.line, f.column) == load_text(MD, "b.md", "markdown").line_col(f.start)
    assert [f.start for f in findings] == sorted(f.start for f in findings)


def test_select_ignore_and_severity_override():
    r = _resolved()
    only = check(r, Config(select=("loaded-cue",)))
    assert {f.rule for f in only} == {"loaded-cue"}
    none = check(r, Config(ignore=("loaded-cue", "vague-attribution", "unattributed-quote")))
    assert none == []
    relevel = check(r, Config(select=("loaded-cue",), severity={"loaded-cue": Severity.ERROR}))
    assert [f.severity for f in relevel] == [Severity.ERROR]


def test_rules_needing_a_missing_stage_are_skipped():
    r = _resolved()
    got = check(r, Config(), provides={"parse"})
    assert got == []  # every rule of the set needs attributions or speakers


def test_check_is_deterministic_and_does_not_mutate():
    r = _resolved()
    a = check(r, Config())
    b = check(r, Config())
    assert a == b


def test_empty_and_odd_documents_do_not_crash():
    for text in ["", "\n\n", '"', '“unclosed quote with no end', 'a "b" c "d', "”backwards“"]:
        r = resolved(text)
        findings = check(r, Config())
        assert all(0 <= f.start <= f.end <= len(text) for f in findings)
