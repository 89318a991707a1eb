"""The resolve stage's layout (issue 13, point 3): a package of small named steps."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "attribution" / "resolve"
MODULES = sorted(PACKAGE.glob("*.py"))


def test_resolve_is_a_package_of_steps():
    assert not (ROOT / "attribution" / "resolve.py").exists()
    names = {p.stem for p in MODULES}
    assert {"names", "roles", "entities", "linking", "salience", "anonymity", "speakers"} <= names
    assert (ROOT / "attribution" / "vocab" / "people.py").exists()   # its word lists: one vocabulary


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_each_step_is_small_and_says_its_approach(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 400, f"{path.name}: split it"
    doc = ast.get_docstring(ast.parse(text))
    assert doc and len(doc.split()) >= 8, f"{path.name}: a module docstring saying its approach"


def test_resolve_calls_the_steps_in_a_few_lines():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "resolve")
    body = fn.body[1:] if isinstance(fn.body[0], ast.Expr) else fn.body   # without the docstring
    assert body[-1].end_lineno - body[0].lineno + 1 <= 25


def test_the_public_names_import_from_attribution_resolve():
    from attribution.resolve import AMBIGUOUS, FAR, anonymity, resolve, unnamed_evidence, unnamed_share
    from attribution.vocab import People, load_people   # the word lists live in attribution.vocab

    people = load_people()
    assert isinstance(people, People) and callable(resolve)
    assert 0 < AMBIGUOUS and FAR >= 1
    assert anonymity(people, "officials", True) == "person"
    assert anonymity(people, "critics", True) == "group"
    assert unnamed_share(people, "a majority of voters") and not unnamed_share(people, "Ryan Dillon")
    assert unnamed_evidence(people, "exit polls") and not unnamed_evidence(people, "the Pentagon")


def test_json_snapshot_refuses_a_missing_resolve_module(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "json_snapshot.py"), str(tmp_path / "out.jsonl"),
                           "--resolve-module", str(tmp_path / "nope.py")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "no such file" in proc.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_a_pronoun_lookup_changes_no_entity(stored_parser):
    """_pronoun is a lookup; only linking a source pronoun records the gender it shows."""
    from attribution.load import load_text
    from attribution.parse import parse
    from attribution.resolve.resolver import _Resolver
    from attribution.vocab import load_people

    text = "Jordan Quill visited the plant on Monday. She said the line would reopen."
    doc = parse(load_text(text, path="t.txt", fmt="text"), stored_parser)
    resolver = _Resolver(doc, load_people(), [], ())
    resolver.scan()
    resolver.build_entities()
    quill = next(e for e in resolver.entities if e.name == "Jordan Quill")
    assert quill.gender is None
    she = text.index("She")
    sent_index = resolver.sent_of(she)
    assert resolver._pronoun(she, sent_index, "female") is quill
    assert quill.gender is None
    assert resolver._link_pronoun(she, sent_index, "female") is quill
    assert quill.gender == "f"
    assert resolver._pronoun(she, sent_index, "male") is None   # now known to be a woman
