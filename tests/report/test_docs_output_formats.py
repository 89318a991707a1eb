"""docs/output-formats.md shows what the real tool prints today (load, parse, ..., render)."""
from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("update_output_examples",
                                                  ROOT / "scripts" / "update_output_examples.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_format_has_a_current_example(parser, monkeypatch):
    script = _script()
    monkeypatch.chdir(ROOT)  # the examples name their inputs relative to the repository
    doc = script.DOC.read_text(encoding="utf-8")
    assert sorted(script.names_in(doc)) == sorted(script.EXAMPLES)
    current = script.apply(doc, script.outputs(parser))
    diff = "".join(difflib.unified_diff(doc.splitlines(True), current.splitlines(True), "docs", "tool", n=1))
    assert current == doc, ("docs/output-formats.md is out of date; run "
                            ".venv/bin/python scripts/update_output_examples.py\n" + diff[:3000])
    # the examples are outputs, not placeholders
    assert "REVIEW: 2 warnings, 1 info in 1 document" in doc
    assert "corpus/russia-sdf-syria.txt:27:8: info loaded-cue" in doc


def test_the_documented_command_is_what_the_cli_accepts():
    from attribution.cli import build_parser

    script = _script()
    for name in script.EXAMPLES:
        argv = script.command(name).split(" ")
        argv = [a for a in argv if "=" not in a][1:]  # drop COLUMNS=… and the program name
        args = build_parser().parse_args(argv)
        assert args.command == "audit" and (args.format or "text") == script.EXAMPLES[name][0]
