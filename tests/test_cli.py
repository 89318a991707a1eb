"""The command line around the audit (issue 14): argument checks, suggestions, inputs
named twice or not at all, stdin's name, `rules --format json`, no temp dirs left."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"


def _run(capsys, *argv):
    try:
        rc = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        rc = exc.code
    out, err = capsys.readouterr()
    return rc, out, err


# ------------------------------------------------------------- usage errors

def test_output_in_missing_directory_is_one_line(capsys, tmp_path):
    target = tmp_path / "no" / "such" / "report.json"
    rc, out, err = _run(capsys, "audit", str(SAMPLE), "-o", str(target))
    assert rc == 2 and out == ""
    assert err.count("\n") == 1 and "does not exist" in err and "internal error" not in err
    assert not target.parent.exists()


def test_output_that_is_a_directory(capsys, tmp_path):
    rc, _, err = _run(capsys, "audit", str(SAMPLE), "-o", str(tmp_path))
    assert rc == 2 and "is a directory" in err and err.count("\n") == 1


@pytest.mark.parametrize("value", ["0", "-1", "-8", "two"])
def test_jobs_must_be_positive(capsys, value):
    rc, _, err = _run(capsys, "audit", str(SAMPLE), "--jobs", value)
    assert rc == 2
    assert "usage: attribution audit" in err and "--jobs" in err
    assert "Traceback" not in err


def test_jobs_one_and_more_accepted():
    from attribution.cli import build_parser

    assert build_parser().parse_args(["audit", "-j", "3", "x.md"]).jobs == 3
    assert build_parser().parse_args(["archive", "x", "--out", "o", "--jobs", "2"]).jobs == 2


def test_explain_suggests_the_rule(capsys):
    rc, _, err = _run(capsys, "explain", "anonymous")
    assert rc == 2 and "did you mean anonymous-source?" in err and err.count("\n") == 1
    rc, _, err = _run(capsys, "explain", "contested-claims")
    assert rc == 2 and "did you mean contested-claim?" in err
    rc, _, err = _run(capsys, "explain", "zzzzqqq")
    assert rc == 2 and "did you mean" not in err and "unknown rule" in err


def test_mistyped_command_suggests(capsys):
    rc, _, err = _run(capsys, "audti", "x.md")
    assert rc == 2 and "did you mean audit?" in err


def test_mistyped_audit_option_shows_audit_usage(capsys):
    rc, out, err = _run(capsys, "audit", "--formt", "json", str(SAMPLE))
    assert rc == 2 and out == ""
    assert "usage: attribution audit" in err
    assert "did you mean --format?" in err
    assert "--stdin-filename" in err  # the audit usage, not the top-level one


def test_audit_needs_a_path_or_stdin_filename(capsys):
    rc, _, err = _run(capsys, "audit")
    assert rc == 2 and "usage: attribution audit" in err and "PATH" in err


def test_every_command_has_its_own_module_with_run():
    import importlib

    from attribution import commands
    from attribution.cli import build_parser

    names = sorted(build_parser().get_default("_commands"))
    assert names == sorted(commands.NAMES)
    for name in names:
        module = importlib.import_module(f"attribution.commands.{name.replace('-', '_')}")
        assert callable(module.run), name


def test_the_cli_dispatches_to_the_command_module(capsys, monkeypatch):
    from attribution.commands import cache

    seen = []
    monkeypatch.setattr(cache, "run", lambda args: seen.append(args.action) or 0)
    assert _run(capsys, "cache", "info")[0] == 0 and seen == ["info"]


# ------------------------------------------------------------- inputs

def test_empty_directory_is_a_warning_and_exit_2(capsys, tmp_path):
    (tmp_path / "notes.docx.bak").write_text("not prose")
    rc, out, err = _run(capsys, "audit", str(tmp_path), "--format", "json")
    assert rc == 2
    assert f"attribution: warning: {tmp_path}: no " in err and "--allow-empty" in err
    assert json.loads(out)["documents"] == []


def test_allow_empty(capsys, tmp_path):
    rc, _, err = _run(capsys, "audit", str(tmp_path), "--allow-empty", "--format", "json")
    assert rc == 0 and "warning" in err


def test_same_file_twice_is_audited_once(tmp_path):
    from attribution.commands.audit import _gather

    d = tmp_path / "drafts"
    d.mkdir()
    f = d / "a.txt"
    f.write_text("The mayor said the budget was fine.\n")
    (tmp_path / "link.txt").symlink_to(f)
    sources, errors, empty = _gather([str(f), str(f), str(d), str(tmp_path / "link.txt")])
    assert [s.path for s in sources] == [str(f)] and errors == [] and empty == []


def test_stdin_filename_names_the_text(tmp_path, monkeypatch):
    import io

    from attribution.commands.audit import _gather

    data = b"---\ntitle: x\n---\n\nThe mayor said the budget was fine.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (src,), errors, _ = _gather(["-"], stdin_filename="drafts/story.md")
    assert errors == [] and src.path == "drafts/story.md" and src.format == "markdown"
    assert "title" not in "".join(b.text for b in src.blocks)  # front matter skipped as in a .md file


def test_rules_json(capsys):
    from attribution.check.registry import all_rules

    rc, out, _ = _run(capsys, "rules", "--format", "json")
    assert rc == 0
    doc = json.loads(out)
    assert doc["version"] == 1
    ids = [r["id"] for r in doc["rules"]]
    assert ids == [r.id for r in all_rules()]
    anon = next(r for r in doc["rules"] if r["id"] == "anonymous-source")
    assert anon["code"] == "ATR201" and anon["severity"] in {"error", "warning", "info"}
    assert anon["status"] in {"stable", "preview"} and anon["rationale"]
    assert anon["needs"] == ["attributions", "speakers"] and "anonymous-allow" in anon["config"]
    assert any("unnamed source" in m for m in anon["messages"])
    for r in doc["rules"]:  # the templates the registry holds each rule to
        assert r["messages"] == list(all_rules()[ids.index(r["id"])].messages)


# ------------------------------------------------------------- with the model

@pytest.mark.stanza
def test_stdin_filename_end_to_end_and_no_temp_dir_left(tmp_path):
    """The whole CLI in a subprocess: stdin reported as NAME, and the scratch directory
    the parse stage makes for stanza is gone when the audit ends."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch), ATTRIBUTION_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    text = "<!-- a comment -->\n\nAn official said the plan was fine.\n"
    proc = subprocess.run(
        [sys.executable, "-m", "attribution", "audit", "--stdin-filename", "drafts/story.md",
         "--format", "line", "--no-cache"],
        input=text, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stdout.startswith("drafts/story.md:3:1: warning anonymous-source"), proc.stdout
    assert not list(scratch.glob("attribution-stanza-*")), list(scratch.iterdir())


@pytest.mark.stanza
def test_parser_leaves_no_temp_dir(tmp_path, monkeypatch):
    import tempfile

    from attribution.modelset import resolve
    from attribution.parse import Parser

    models = resolve()
    if (models.dir / "resources.json").is_file():
        pytest.skip("this model set has its own resources.json: no scratch dir is made")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = []
    real = tempfile.mkdtemp
    monkeypatch.setattr(tempfile, "mkdtemp", lambda *a, **k: made.append(real(*a, **k)) or made[-1])
    Parser(models, threads=1)
    assert made and all(not os.path.exists(d) for d in made)
    assert not list(tmp_path.glob("attribution-stanza-*"))
