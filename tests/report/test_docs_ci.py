"""The CI examples in docs/ci.md parse, and every `attribution audit` line in them is valid CLI."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "ci.md"


def _blocks():
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_yaml_examples_parse():
    yaml = pytest.importorskip("yaml")
    workflow, *precommit = [yaml.safe_load(b) for b in _blocks()]
    steps = workflow["jobs"]["attribution"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "--format github" in runs and "--format sarif" in runs
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    assert workflow["permissions"]["security-events"] == "write"
    ids = {c["repos"][0]["hooks"][0]["id"] for c in precommit}
    assert ids == {"attribution", "attribution-system"}


def test_audit_commands_are_valid():
    from attribution.cli import build_parser

    parser = build_parser()
    commands = re.findall(r"(attribution audit [^\n>]*)", "\n".join(_blocks()))
    assert len(commands) >= 4
    for cmd in commands:
        args = parser.parse_args(shlex.split(cmd)[1:] + (["x.md"] if cmd.rstrip().endswith("line") else []))
        assert args.command == "audit"
