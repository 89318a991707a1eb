"""The rule registry: codes, ids, docs, lookups, duplicates."""
import re
import subprocess
import sys

import pytest

from attribution.check.registry import HEADINGS, RegistryError, all_rules, lookup, rule
from attribution.model import Severity

EXPECTED = {
    "unattributed-quote": ("ATR101", "error"), "one-sided": ("ATR102", "warning"),
    "unsourced-claim": ("ATR103", "warning"), "quoted-fragment": ("ATR104", "warning"),
    "quote-speaker-uncertain": ("ATR105", "warning"),
    "anonymous-source": ("ATR201", "warning"), "unresolved-source": ("ATR202", "warning"),
    "missing-affiliation": ("ATR203", "info"), "name-inconsistency": ("ATR204", "warning"),
    "contested-claim": ("ATR205", "warning"), "vague-attribution": ("ATR301", "warning"),
    "loaded-cue": ("ATR302", "info"),
}


def test_every_rule_of_the_issue_is_registered_with_its_code_and_severity():
    got = {r.id: (r.code, r.severity.value) for r in all_rules()}
    assert got == EXPECTED


def test_rules_are_sorted_by_code_and_codes_ids_unique():
    rules = all_rules()
    codes = [r.code for r in rules]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes) == len({r.id for r in rules})


@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.id)
def test_docstring_has_the_four_headings_and_a_one_line_rationale(r):
    headings = re.findall(r"^## (.+)$", r.doc, re.M)
    assert headings == list(HEADINGS)
    for h in HEADINGS:
        assert r.section(h).strip()
    assert r.rationale and "\n" not in r.rationale and len(r.rationale) < 200
    assert r.rationale.endswith(".")
    assert r.section("Why it matters").replace("\n", " ").startswith(r.rationale[:40])
    assert re.fullmatch(r"ATR[1-3]\d\d", r.code)
    assert r.status in ("stable", "preview", "deprecated")
    assert "```text" in r.section("Example")


def test_lookup_by_id_and_code():
    assert lookup("anonymous-source").code == "ATR201"
    assert lookup("ATR201").id == "anonymous-source"
    assert lookup("atr201").id == "anonymous-source"
    assert lookup(" Loaded-Cue ").code == "ATR302"
    assert lookup("no-such-rule") is None
    assert lookup("ATR999") is None


def _doc():
    """
    ## What it does
    x.

    ## Why it matters
    y.

    ## Example
    z

    ## Use instead
    w
    """


def test_duplicate_code_raises():
    def f(ctx):
        yield from ()
    f.__doc__ = _doc.__doc__
    with pytest.raises(RegistryError, match="duplicate rule code ATR101"):
        rule("ATR101", "brand-new-rule", Severity.INFO, messages=("x",))(f)


def test_duplicate_id_raises():
    def f(ctx):
        yield from ()
    f.__doc__ = _doc.__doc__
    with pytest.raises(RegistryError, match="duplicate rule id 'loaded-cue'"):
        rule("ATR399", "loaded-cue", Severity.INFO, messages=("x",))(f)
    assert lookup("ATR399") is None


def test_missing_heading_raises():
    def f(ctx):
        """## What it does\nx\n\n## Why it matters\ny\n"""
    with pytest.raises(RegistryError, match="Example, Use instead"):
        rule("ATR398", "half-documented", Severity.INFO, messages=("x",))(f)


def test_bad_code_and_id_raise():
    with pytest.raises(RegistryError):
        rule("X1", "fine-id", Severity.INFO, messages=("x",))
    with pytest.raises(RegistryError):
        rule("ATR397", "Not_Kebab", Severity.INFO, messages=("x",))


def test_registry_import_is_light():
    code = ("import sys; from attribution.check.registry import all_rules; all_rules(); "
            "heavy = [m for m in ('stanza', 'torch', 'rich', 'rapidfuzz') if m in sys.modules]; "
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ------------------------------------------------ what a rule declares (ruff's guarantees)

def _documented(ctx):
    yield from ()


_documented.__doc__ = _doc.__doc__


def test_a_rule_without_message_templates_is_refused():
    for messages in ((), "one string, not a tuple", ("",)):
        with pytest.raises(RegistryError, match="template of each message"):
            rule("ATR396", "no-messages", Severity.INFO, messages=messages)(_documented)
    assert lookup("ATR396") is None


def test_an_unknown_need_is_refused():
    # a typo would make the checker skip the rule for ever ("needs a stage nobody provides")
    with pytest.raises(RegistryError, match="unknown needs"):
        rule("ATR395", "typo-need", Severity.INFO, needs={"speaker"}, messages=("x",))


def test_a_retired_code_is_never_handed_out_again(monkeypatch):
    from attribution.check import registry

    monkeypatch.setitem(registry.RETIRED, "ATR394", "old-rule: merged into another")
    with pytest.raises(RegistryError, match="ATR394 is retired"):
        rule("ATR394", "new-rule", Severity.INFO, messages=("x",))
    assert lookup("ATR394") is None


def test_no_rule_uses_a_retired_code():
    from attribution.check.registry import RETIRED

    assert not {r.code for r in all_rules()} & set(RETIRED)
    for code, why in RETIRED.items():
        assert re.fullmatch(r"ATR\d{3}", code) and why.strip()


@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.id)
def test_every_rule_declares_its_messages_needs_and_config(r):
    from attribution.check.registry import NEEDS
    from attribution.config import _KEYS

    assert r.messages and all(m == m.strip() for m in r.messages)
    assert len(set(r.messages)) == len(r.messages)
    assert r.needs <= NEEDS
    assert set(r.config) <= _KEYS - {"select", "ignore", "severity", "fail-on"}
    # a template is not just a placeholder: it has words of its own for the editor to read
    for m in r.messages:
        assert len(re.sub(r"\{\w+\}", "", m).split()) >= 2, m


def test_template_of_matches_whole_messages_only():
    r = lookup("loaded-cue")
    said, did_not = r.messages
    assert r.template_of('"admitted" editorialises about the speaker; prefer "said"') == said
    assert r.template_of('"refused to say" editorialises about the speaker; prefer "did not say"') \
        == did_not
    assert r.template_of('"admitted" editorialises about the speaker') is None
    assert r.template_of('editorialises about the speaker; prefer "said"') is None  # {word} empty
    assert r.template_of('"x" editorialises about the speaker; prefer "said"!') is None


def test_template_pattern_escapes_the_literal_text():
    from attribution.check.registry import template_pattern

    p = template_pattern('a (b) "{x}" [c]. {{literal}} {n} more')
    assert p.fullmatch('a (b) "anything at all" [c]. {literal} 3 more')
    assert not p.fullmatch('a b "anything" c. {literal} 3 more')
