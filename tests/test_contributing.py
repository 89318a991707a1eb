"""CONTRIBUTING.md stays true: the files and scripts it names exist, and its example rule
registers with the registry as it is written there."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_every_path_it_names_exists():
    named = set(re.findall(r"`((?:attribution|tests|scripts|bench|docs|corpus)/[\w./-]*?)`", GUIDE))
    named |= set(re.findall(r"\b((?:scripts|bench)/[\w-]+\.py)\b", GUIDE))
    picture = GUIDE.split("## The layout in one picture", 1)[1].split("\n## ", 1)[0]
    named |= {p.rstrip(".,") for p in re.findall(r"\b((?:attribution|tests|bench|docs)/[\w./]*)", picture)}
    assert len(named) > 20
    missing = []
    for path in sorted(named):
        if "<" in path or "*" in path:  # a pattern: its folder must exist
            path = path.split("<")[0].split("*")[0].rsplit("/", 1)[0]
        if not (ROOT / path).exists():
            missing.append(path)
    assert not missing, f"CONTRIBUTING.md names paths that do not exist: {missing}"


def test_the_make_targets_it_names_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"\bmake (\w+)", GUIDE)):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_the_example_rule_registers(monkeypatch):
    from attribution.check import Context, Hit, registry
    from attribution.model import Severity

    block = re.search(r"````python\n(.*?)\n\s*````", GUIDE, re.S).group(1)
    registry.all_rules()
    monkeypatch.setattr(registry, "_RULES", dict(registry._RULES))
    monkeypatch.setattr(registry, "_IDS", dict(registry._IDS))
    namespace = {"rule": registry.rule, "Severity": Severity, "Context": Context, "Hit": Hit,
                 "Iterator": object}
    exec(textwrap.dedent(block), namespace)
    r = registry.lookup("hedged-cue")
    assert r is not None and r.status == "preview" and r.needs == {"attributions"}
    assert r.rationale.startswith("One sentence")
    assert r.template_of('"suggested" hedges the claim: say who is unsure') == r.messages[0]
    assert r.code not in {x.code for x in registry.all_rules() if x.id != "hedged-cue"}
