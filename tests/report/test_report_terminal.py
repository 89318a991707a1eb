"""The rich text report: content, 80 columns, and no escape codes without colour."""
from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.model import Severity
from attribution.report import render, screens, terminal

import re

from .report_article import PARAGRAPHS, TOOL, build, FakeRule

ROOT = Path(__file__).resolve().parents[2]
ESC = "\x1b"


def _cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


def _text(reports, **kw):
    kw.setdefault("color", False)
    kw.setdefault("width", 80)
    return render(reports, "text", tool=TOOL, **kw)


def test_report_reads_top_to_bottom():
    out = _text([build()], errors=[("missing.md", "no such file")], show="all", width=100)
    # a one-line verdict first, then each document: findings, sources, attributions
    assert out.splitlines()[0] == ("NOT READY: 1 error, 2 warnings, 1 info in 1 document "
                                   "(1 unreadable input) — fix before publication")
    assert _text([build()]).splitlines()[0] == ("NOT READY: 1 error, 2 warnings, 1 info in 1 document "
                                                "— fix before publication")
    order = ["missing.md", "drafts/syria.md", "Findings", "Sources", "Attributions", "1 document,"]
    positions = [out.index(word) for word in order]
    assert positions == sorted(positions)
    # roster: count, name, title/role, affiliation; kind when not a person
    roster = out[out.index("\nSources"):out.index("\nAttributions")]
    assert "  1 Igor Konashenkov — Major General, spokesman, Russia\u2019s Defense Ministry" in roster
    assert "  2 Russia (organization)" in roster
    # attributions grouped by speaker with line, type, cue and content
    attrs = out[out.index("\nAttributions"):]
    assert attrs.index("\nRussia\n") < attrs.index("accused") < attrs.index("admitted")
    assert "L5 indirect admitted its special forces were operating" in attrs
    assert "No resolved speaker" in attrs and '"This is not over."' in attrs
    assert "shooting match,\" … \"with anybody" in " ".join(attrs.split())  # split quote, cue left out
    # the summary is the last line
    last = out.rstrip("\n").splitlines()[-1]
    assert last.startswith("1 document, 6 attributions: 1 error, 2 warnings, 1 info")
    assert "1 unreadable input" in last


def test_show_picks_what_follows_the_findings():
    default = _text([build()])
    assert "\nSources" in default and "\nAttributions" not in default
    assert "6 attributions not listed: --show all lists them" in default
    only = _text([build()], show="attributions")
    assert "\nSources" not in only and "\nAttributions" in only
    assert default.index("\nFindings") < default.index("\nSources")
    with pytest.raises(ValueError, match="unknown --show"):
        _text([build()], show="everything")


def test_verdicts():
    clean = _text([dataclasses.replace(build(), findings=())])
    assert clean.splitlines()[0] == "CLEAN: no findings in 1 document"
    report = build()
    notes = [f for f in report.findings if f.severity == Severity.INFO]
    out = _text([dataclasses.replace(report, findings=tuple(notes))])
    assert out.splitlines()[0] == "OK: 1 info in 1 document — notes only"


def test_unreadable_inputs_are_named_once():
    out = _text([], errors=[("notes.png", "notes.png: binary file (PNG image), not text"),
                            ("gone.md", "no such file or directory")])
    assert "  notes.png: binary file (PNG image), not text\n" in out
    assert "  gone.md: no such file or directory\n" in out
    assert out.splitlines()[-1].endswith("; 2 unreadable inputs")
    # nothing could be read: the verdict never says CLEAN
    assert out.splitlines()[0] == "NOT AUDITED: 2 unreadable inputs, nothing to audit"


def test_findings_have_location_and_contested_claim_shows_both_sides():
    out = _text([build()])
    findings = out[out.index("\nFindings"):out.index("\nSources")]
    assert "drafts/syria.md:11:1 error unattributed-quote" in findings
    assert "drafts/syria.md:5:8 info loaded-cue" in findings
    block = findings[findings.index("contested-claim"):findings.index("unattributed-quote")]
    assert "who says what" in block
    russia, commander = block.index("L1 Russia accused the SDF"), block.index("L7 SDF commander denied")
    assert russia < commander
    assert "Russian accusations" in block


@pytest.mark.parametrize("width", [20, 28, 40, 57, 80, 133])
def test_no_word_is_broken_and_cue_phrases_stay_whole(width):
    """At any width every line fits and every word is whole (or ends in an ellipsis)."""
    out = _text([build()], width=width, show="all")
    assert max(_cells(line) for line in out.splitlines()) <= width
    whole = {w.strip(PUNCT) for w in _text([build()], width=1000, show="all").split()}
    for w in out.split():
        if not w.endswith("…"):
            assert w.strip(PUNCT) in whole, (width, w)
    if width >= 28:  # a cue phrase moves to the next line rather than breaking
        assert not re.search(r"\bsaid in a *$", out, re.MULTILINE)
        assert not re.search(r"\bsaid in *$", out, re.MULTILINE)
    assert "said in a statement" in " ".join(out.split())


PUNCT = "\"“”.,:;()[]—·'’─"


def test_long_content_is_shown_whole_at_full_width():
    out = _text([build()], width=200, show="all")
    line = next(line for line in out.splitlines() if "L1 indirect accused" in line)
    assert line.rstrip().endswith("from the eastern bank of the river")


@pytest.mark.parametrize("width", [80, 60])
def test_fits_the_width_without_colour(width):
    out = _text([build(path="newsroom/drafts/2017/09/coalition-and-russia-keep-talking.md")],
                width=width, errors=[("bad.html", "not valid UTF-8")])
    assert ESC not in out
    too_wide = [line for line in out.splitlines() if _cells(line) > width]
    assert not too_wide


def test_colour_only_when_asked():
    assert ESC in _text([build()], color=True)  # the check below can fail
    assert ESC not in _text([build()], color=False)


def test_no_color_env_wins_over_a_terminal(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setattr(sys, "stdout", Tty())
    assert terminal.use_color() is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert terminal.use_color() is False
    out = render([build()], "text", tool=TOOL, width=80)
    assert ESC not in out


def test_piped_output_has_no_escape_codes():
    code = ("import sys; sys.path.insert(0, 'tests/report');"
            "from report_article import build, TOOL; from attribution.report import render;"
            "sys.stdout.write(render([build()], 'text', tool=TOOL))")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env["TERM"] = "xterm-256color"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, encoding="utf-8", check=True).stdout
    assert "contested-claim" in out
    assert ESC not in out
    assert max(_cells(line) for line in out.splitlines()) <= 80


def test_user_text_is_not_rich_markup():
    report = build()
    f = dataclasses.replace(report.findings[0], message="see [bold]this[/bold] and [1]")
    out = _text([dataclasses.replace(report, findings=(f,))])
    assert "see [bold]this[/bold] and [1]" in out


def test_empty_inputs():
    out = _text([])
    assert out.splitlines()[-1] == "0 documents, 0 attributions: 0 errors, 0 warnings, 0 info"
    bare = dataclasses.replace(build(), findings=())
    out = _text([bare])
    assert "Findings" not in out and "0 errors" in out




RULES = [
    FakeRule("ATR201", "anonymous-source", Severity.WARNING,
             "Readers cannot weigh a claim whose source they cannot identify.",
             "## What it does\nFlags claims sourced to unnamed people.\n\n## Example\n"
             "An SDF commander denied Russian accusations."),
    FakeRule("ATR302", "loaded-cue", Severity.INFO, "Cue verbs like 'admitted' take sides.",
             "## What it does\nFlags loaded cue verbs.", status="preview"),
]


def test_print_rules_and_explain():
    buf = io.StringIO()
    screens.print_rules(RULES, file=buf, color=False, width=80)
    out = buf.getvalue()
    assert ESC not in out
    row = next(line for line in out.splitlines() if line.startswith("ATR201"))
    assert "anonymous-source" in row and "warning" in row and "Readers cannot weigh" in row
    assert "loaded-cue (preview)" in out
    assert max(_cells(line) for line in out.splitlines()) <= 80
    buf = io.StringIO()
    screens.print_explain(RULES[0], file=buf, color=False, width=80)
    out = buf.getvalue()
    assert out.startswith("anonymous-source (ATR201)")
    assert "## Example" in out and "An SDF commander denied" in out


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_explain_renders_markdown_on_a_terminal_only():
    plain = io.StringIO()
    screens.print_explain(RULES[0], file=plain, color=False, width=80)
    assert "## What it does" in plain.getvalue()        # a pipe or a file: the Markdown as written
    tty = _Tty()
    screens.print_explain(RULES[0], file=tty, color=False, width=80)
    out = tty.getvalue()
    assert out.startswith("anonymous-source (ATR201)")
    assert "What it does" in out and "Example" in out and "An SDF commander denied" in out
    assert "##" not in out and "```" not in out         # rendered: no heading hashes or fences
    forced = io.StringIO()
    screens.print_explain(RULES[0], file=forced, color=True, width=80, markdown=True)
    assert ESC in forced.getvalue() and "##" not in forced.getvalue()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_explain_command_on_a_pty_and_a_pipe():
    import pty  # noqa: F401  (POSIX only)

    cmd = [sys.executable, "-m", "attribution", "explain", "loaded-cue"]
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    piped = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert piped.returncode == 0 and "## What it does" in piped.stdout and ESC not in piped.stdout
    master, slave = os.openpty()
    try:
        proc = subprocess.run(cmd, stdout=slave, stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=120)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    out = b"".join(chunks).decode()
    assert proc.returncode == 0
    assert "What it does" in out and "## " not in out and "```" not in out


def test_print_rules_with_the_registry():
    from attribution.check.registry import all_rules
    from attribution.report import registered_rules

    rules = all_rules()  # a broken rule module fails here, not skips
    assert rules and registered_rules() == rules
    buf = io.StringIO()
    screens.print_rules(rules, file=buf, color=False, width=80)
    for r in rules:
        assert r.code in buf.getvalue() and r.id in buf.getvalue()


def test_print_models_marks_the_one_in_use(tmp_path):
    from attribution.modelset import ModelSet

    compact = ModelSet(id="compact-en-ewt-1", kind="compact", dir=tmp_path / "compact", paths={},
                       scores={"version": "1", "ewt_test": {
                           "split": "EWT test", "from": "raw text", "tokens_per_s": 1164,
                           "threads": 1, "load_seconds": 1.2,
                           "scores": {"UPOS": 92.12, "UAS": 80.95, "LAS": 76.99}}})
    official = ModelSet(id="official-en-default", kind="official", dir=tmp_path / "stanza", paths={})
    buf = io.StringIO()
    screens.print_models([official, compact], compact, file=buf, color=False, width=80)
    out = buf.getvalue()
    assert ESC not in out
    line = next(line for line in out.splitlines() if "compact-en-ewt-1" in line)
    assert line.startswith("* compact-en-ewt-1") and "in use" in line
    flat = " ".join(out.split())
    assert "EWT test, from raw text" in flat and "UPOS 92.12, UAS 80.95, LAS 76.99" in flat
    assert "1164 tokens/s on 1 thread(s), load 1.2 s" in flat
    other = next(line for line in out.splitlines() if "official-en-default" in line)
    assert not other.lstrip().startswith("*") and "in use" not in other
    assert max(_cells(line) for line in out.splitlines()) <= 80
    buf = io.StringIO()
    screens.print_models([], None, file=buf, color=False, width=80)
    assert "no usable model set" in buf.getvalue()
