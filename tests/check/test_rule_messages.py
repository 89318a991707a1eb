"""A rule's message text lives in its ``@rule(messages=...)`` declaration only: each rule
formats one of its declared templates (``registry.message``) instead of writing the text
again in an f-string (issue 13: one decision, one home)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from attribution.check import all_rules
from attribution.check.registry import message

RULES = Path(__file__).resolve().parents[2] / "attribution" / "check" / "rules"


def _message_args(tree: ast.AST):
    """(line, message expression) of every ``Hit(...)`` built in a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Hit":
            arg = node.args[2] if len(node.args) > 2 else next(
                (k.value for k in node.keywords if k.arg == "message"), None)
            if arg is not None:
                yield node.lineno, arg


def _assigned_from_message(tree: ast.AST, name: str) -> bool:
    """Every assignment to ``name`` in the module is a ``message(...)`` call."""
    values = [n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
              and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)]
    return bool(values) and all(_is_message_call(v) for v in values)


def _is_message_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "message"


@pytest.mark.parametrize("path", sorted(RULES.glob("*.py")), ids=lambda p: p.name)
def test_rules_format_their_declared_templates(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [line for line, arg in _message_args(tree)
           if not (_is_message_call(arg) or isinstance(arg, ast.Name) and _assigned_from_message(tree, arg.id))]
    assert not bad, f"{path.name}: Hit messages written inline at lines {bad}; use message(rule, i, ...)"


def test_message_fills_the_declared_template():
    rule = next(r for r in all_rules() if r.id == "loaded-cue")
    text = message(rule.func, 0, word="admitted")
    assert text == '"admitted" editorialises about the speaker; prefer "said"'
    assert rule.template_of(text) == rule.messages[0]
    with pytest.raises(KeyError):
        message(rule.func, 0, phrase="refused to say")  # a field the template does not have
