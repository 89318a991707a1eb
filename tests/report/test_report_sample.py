"""The sample article with its gold annotation, through every format (no stanza needed)."""
from __future__ import annotations

import json
from pathlib import Path

from attribution.model import Finding, Report, Severity, Source
from attribution.report import render

from .report_article import TOOL, from_contract

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"
GOLD = ROOT / "corpus" / "russia-sdf-syria.gold.json"


def _sample() -> tuple[Report, dict]:
    text = SAMPLE.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    source = Source(path="corpus/russia-sdf-syria.txt", text=text, blocks=())
    resolved = from_contract(source, gold)
    by_id = {a.id: a for a in resolved.attributions}

    def finding(rule, sev, msg, attr_ids, span):
        line, col = source.line_col(span.start)
        return Finding(rule, sev, msg, span.start, span.end, line, col, tuple(attr_ids))

    accuse, deny, admit = by_id["a6"], by_id["a11"], by_id["a10"]
    findings = (
        finding("contested-claim", Severity.WARNING, "Russia's accusation is denied by An SDF commander",
                ["a6", "a11"], deny.cue),
        finding("anonymous-source", Severity.WARNING, "claim sourced to an unnamed SDF commander",
                ["a11"], deny.source),
        finding("loaded-cue", Severity.INFO, "'admitted' editorialises; consider 'said'", ["a10"], admit.cue),
    )
    assert accuse.speaker == "s3"
    return Report(resolved=resolved, findings=findings), gold


def test_json_round_trips_the_gold_annotation():
    report, gold = _sample()
    (doc,) = json.loads(render([report], "json", tool=TOOL))["documents"]
    assert doc["path"] == gold["path"]
    assert doc["attributions"] == gold["attributions"]
    assert doc["speakers"] == [{**s, "mentions": []} for s in gold["speakers"]]


def test_terminal_report_of_the_sample_at_80_columns():
    report, _ = _sample()
    out = render([report], "text", tool=TOOL, color=False, width=80)
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert out.splitlines()[0] == "REVIEW: 2 warnings, 1 info in 1 document — check each warning"
    assert out.index("\nFindings") < out.index("\nSources") and "\nAttributions" not in out
    roster = out[out.index("\nSources"):out.index("\nmodel: ")]
    assert "  6 Ryan Dillon — Col., spokesman, U.S.-led counter-Islamic State coalition" in roster
    assert sum(1 for line in roster.splitlines() if line.startswith("  ") and line[2:3].isdigit()) == 8
    block = out[out.index("contested-claim"):out.index("\nSources")]
    flat = " ".join(block.split())
    assert "L23 Russia accused the SDF" in flat and "l29 an sdf commander denied russian" in flat.lower()
    assert out.splitlines()[-1].startswith("1 document, 15 attributions: 0 errors, 2 warnings, 1 info")


def test_machine_formats_of_the_sample():
    report, _ = _sample()
    line = render([report], "line", tool=TOOL).splitlines()
    assert line[0].startswith("corpus/russia-sdf-syria.txt:")
    assert ": warning contested-claim: " in " ".join(line)
    gh = render([report], "github", tool=TOOL).splitlines()
    assert [g.split(" ", 1)[0] for g in gh] == ["::warning", "::warning", "::notice"]
    log = json.loads(render([report], "sarif", tool=TOOL))
    (contested,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "contested-claim"]
    assert [loc["message"]["text"].split(":")[0] for loc in contested["relatedLocations"]] == \
        ["Russia accused", "An SDF commander denied"]
