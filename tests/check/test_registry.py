"""The rule registry: codes, ids, docs, lookups, duplicates."""
import re
import subprocess
import sys

import pytest

from attribution.check.registry import HEADINGS, RegistryError, all_rules, lookup, rule
from attribution.model import Severity

EXPECTED = {
    "unattributed-quote": ("ATR101", "error"), "one-sided": ("ATR102", "warning"),
    "unsourced-claim": ("ATR103", "warning"),
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
        rule("ATR101", "brand-new-rule", Severity.INFO)(f)


def test_duplicate_id_raises():
    def f(ctx):
        yield from ()
    f.__doc__ = _doc.__doc__
    with pytest.raises(RegistryError, match="duplicate rule id 'loaded-cue'"):
        rule("ATR399", "loaded-cue", Severity.INFO)(f)
    assert lookup("ATR399") is None


def test_missing_heading_raises():
    def f(ctx):
        """## What it does\nx\n\n## Why it matters\ny\n"""
    with pytest.raises(RegistryError, match="Example, Use instead"):
        rule("ATR398", "half-documented", Severity.INFO)(f)


def test_bad_code_and_id_raise():
    with pytest.raises(RegistryError):
        rule("X1", "fine-id", Severity.INFO)
    with pytest.raises(RegistryError):
        rule("ATR397", "Not_Kebab", Severity.INFO)


def test_registry_import_is_light():
    code = ("import sys; from attribution.check.registry import all_rules; all_rules(); "
            "heavy = [m for m in ('stanza', 'torch', 'rich', 'rapidfuzz') if m in sys.modules]; "
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
