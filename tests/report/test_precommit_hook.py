"""The pre-commit hook definition newsrooms point their .pre-commit-config.yaml at."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def test_hook_definition():
    yaml = pytest.importorskip("yaml")
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"attribution", "attribution-system"}
    assert hooks["attribution"]["language"] == "python"
    assert hooks["attribution-system"]["language"] == "system"
    for hook in hooks.values():
        _check(hook)


def _check(hook):
    assert hook["entry"] == "attribution audit"
    assert hook["verbose"] is True  # pre-commit hides a passing hook's findings otherwise
    assert hook["require_serial"] is True
    files = re.compile(hook["files"])
    for name in ("drafts/story.md", "a.markdown", "copy.txt", "page.html", "page.htm"):
        assert files.search(name), name
    for name in ("setup.py", "story.md.bak", "notes.mdx", "index.xhtml.j2"):
        assert not files.search(name), name
    from attribution.cli import build_parser

    args = build_parser().parse_args(["audit", *hook.get("args", []), "a.md", "b.html"])
    assert args.paths == ["a.md", "b.html"] and args.format == "line"
