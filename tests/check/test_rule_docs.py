"""docs/rules/ and README's code table are what scripts/update_rule_docs.py makes of the
registry today: a new, moved or re-levelled rule fails here until the script is run."""
from __future__ import annotations

import difflib
import importlib.util
import re
from pathlib import Path

import pytest

from attribution.check.registry import RETIRED, all_rules

ROOT = Path(__file__).resolve().parents[2]
FIX = "run: .venv/bin/python scripts/update_rule_docs.py"


def _script():
    spec = importlib.util.spec_from_file_location("update_rule_docs",
                                                  ROOT / "scripts" / "update_rule_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _diff(old: str, new: str, name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), name,
                                        "generated", n=1))[:3000]


def test_rule_pages_and_index_are_current():
    script = _script()
    files, _ = script.expected()
    for path, text in files.items():
        assert path.is_file(), f"{path.relative_to(ROOT)} is missing; {FIX}"
        old = path.read_text(encoding="utf-8")
        assert old == text, f"{path.relative_to(ROOT)} is out of date; {FIX}\n" + _diff(old, text, path.name)
    on_disk = set(script.DOCS.glob("*.md"))
    assert on_disk == set(files), f"pages no rule generates: {sorted(on_disk - set(files))}; {FIX}"


def test_readme_code_table_is_current():
    script = _script()
    _, readme = script.expected()
    old = script.README.read_text(encoding="utf-8")
    assert old == readme, f"README.md's code table is out of date; {FIX}\n" + _diff(old, readme, "README.md")


def test_the_table_names_every_rule_once_with_its_page():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- rules: begin -->", 1)[1].split("<!-- rules: end -->", 1)[0]
    rows = re.findall(r"^\| (ATR\d{3}) \| \[`([a-z-]+)`\]\((docs/rules/[a-z-]+\.md)\)", block, re.M)
    assert [(c, i) for c, i, _ in rows] == [(r.code, r.id) for r in all_rules()]
    for _, rid, link in rows:
        assert (ROOT / link).is_file() and link.endswith(f"/{rid}.md")


def test_each_page_says_what_why_examples_fix_messages_and_config():
    for r in all_rules():
        page = (ROOT / "docs" / "rules" / f"{r.id}.md").read_text(encoding="utf-8")
        assert page.splitlines()[2] == f"# {r.id} ({r.code})"
        for heading in ("What it does", "Why it matters", "Examples", "How to fix", "Messages",
                        "Configuration"):
            assert f"\n## {heading}\n" in page, (r.id, heading)
        assert f"| default severity | {r.severity.value} |" in page
        assert all(f"- `{m}`" in page for m in r.messages)
        assert all(f"- `{k}`" in page for k in r.config)


def test_a_vanished_rule_page_must_be_retired(tmp_path, monkeypatch):
    script = _script()
    monkeypatch.setattr(script, "DOCS", tmp_path)
    monkeypatch.setattr(script, "ROOT", tmp_path.parent)
    (tmp_path / "gone-rule.md").write_text("<!-- x -->\n\n# gone-rule (ATR299)\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="add ATR299 to RETIRED"):
        script.stale_pages({})
    monkeypatch.setitem(RETIRED, "ATR299", "gone-rule: merged into contested-claim")
    assert script.stale_pages({}) == [tmp_path / "gone-rule.md"]
    assert "ATR299 (gone-rule: merged into contested-claim)" in script.table(all_rules(), RETIRED)
