"""Issue 16, points 3 and 4: text and file names from the input cannot drive the terminal,
forge a report line or a GitHub workflow command, in any human format.

The attack text holds what the tester used: clear screen, cursor up + erase line
(a fake "Audit passed"), an OSC 52 clipboard write, an OSC 8 hyperlink, the C1
CSI, BEL, a carriage return and a right-to-left override; the file name holds a
newline followed by a workflow command.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.report import render, safe

from ..report.report_article import TOOL, build

ROOT = Path(__file__).resolve().parents[2]

CLEAR = "\x1b[2J\x1b[H"
FAKE_PASS = "\x1b[1A\x1b[2KAudit passed"
OSC52 = "\x1b]52;c;ZXZpbA==\x07"
OSC8 = "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"
RLO = "\u202e"
ATTACK = CLEAR + FAKE_PASS + OSC52 + OSC8 + C1_CSI + RLO + "\rOK\x08\x7f"
EVIL_NAME = "drafts/evil\n::error file=x.md,line=1::Audit passed\r.md"

# what must never reach a human format (\n and \t are layout; \x1b only from our own colours)
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + safe.BIDI + "]")


def hostile_report():
    """The hand-built report with the attack in the text, speaker fields, messages and path."""
    report = build(prefix=ATTACK + "\n\n", path=EVIL_NAME)
    res = report.resolved
    speakers = tuple(dataclasses.replace(sp, name=sp.name + ATTACK, affiliation=(sp.affiliation or "") + OSC52)
                     for sp in res.speakers)
    findings = tuple(dataclasses.replace(f, message=f.message + ATTACK) for f in report.findings)
    src = dataclasses.replace(res.document.source, notices=("decoded as cp1252" + ATTACK,))
    doc = dataclasses.replace(res.document, source=src)
    return dataclasses.replace(report, resolved=dataclasses.replace(res, document=doc, speakers=speakers),
                               findings=findings)


@pytest.mark.parametrize("fmt", ["text", "line", "github", "markdown", "html"])
def test_no_control_reaches_a_human_format(fmt):
    out = render([hostile_report()], fmt, tool=TOOL, errors=[(EVIL_NAME, f"{EVIL_NAME}: binary{ATTACK}")],
                 color=False, width=80)
    assert FORBIDDEN.search(out) is None, repr(FORBIDDEN.search(out))
    # the neutralised characters are still visible to the editor
    assert "\u241b" in out and "2J" in out


def test_colour_output_has_only_its_own_escapes():
    out = render([hostile_report()], "text", tool=TOOL, color=True, width=100)
    assert "\x1b[" in out  # rich's colours are there ...
    for attack in (CLEAR, "\x1b[1A", "\x1b]", "\x9b", RLO, "\r", "\x07", "\x08"):
        assert attack not in out  # ... the article's sequences are not


def test_line_format_one_line_per_finding_starting_with_the_escaped_path():
    report = hostile_report()
    lines = render([report], "line", tool=TOOL).splitlines()
    assert len(lines) == len(report.findings)
    shown = safe.path(EVIL_NAME)
    assert "\n" not in shown and "\u240a" in shown and "\u240d" in shown
    for line in lines:
        assert line.startswith(shown + ":"), line
        assert re.match(r"^.*:\d+:\d+: (error|warning|info) [a-z-]+: ", line)
    assert not any(line.startswith("drafts/evil:") or line.startswith("::") for line in lines)


def test_github_format_every_line_is_one_of_our_commands():
    report = hostile_report()
    lines = render([report], "github", tool=TOOL).splitlines()
    assert len(lines) == len(report.findings)
    for line in lines:
        assert re.match(r"^::(error|warning|notice) file=drafts/evil\u240a%3A%3Aerror file=x\.md%2Cline=1"
                        r"%3A%3AAudit passed\u240d\.md,line=\d+,col=\d+,", line), line
    assert sum(line.count("::") for line in lines) == 2 * len(lines)  # only ours


def test_neutralising_keeps_offsets_lines_and_columns():
    report = hostile_report()
    (shown,), _ = safe.display_reports([report])
    assert len(shown.source.text) == len(report.source.text)
    assert shown.source.line_col(len(ATTACK) + 5) == report.source.line_col(len(ATTACK) + 5)
    assert [b.text for b in shown.source.blocks] == [b.text for b in report.source.blocks]  # no control there
    # JSON keeps the data exactly (the same strings once parsed) and is inert on a terminal
    out = render([report], "json", tool=TOOL)
    assert "\u202e" not in out and "\x9b" not in out and "\x1b" not in out
    doc = json.loads(out)["documents"][0]
    assert doc["path"] == EVIL_NAME
    assert any(ATTACK in f["message"] for f in doc["findings"])


def test_neutraliser_functions():
    assert safe.text("a\x1b[2Jb\r\nc\td\u202ee\x9bf") == "a\u241b[2Jb \nc\td\ufffde\ufffdf"
    assert safe.path("a\nb\tc\rd\x00") == "a\u240ab\u2409c\u240dd\u2400"
    assert safe.line(" a\n\n b\x1b ") == "a b\u241b"
    assert safe.path("caf\udce9.txt") == "caf\ufffd.txt"  # a non-UTF-8 name: printable, no crash
    assert safe.text("plain “quoted” text — ok") == "plain “quoted” text — ok"
    assert json.loads(safe.json_text(json.dumps({"k": "a\u202eb\x85c\x7f"}, ensure_ascii=False))) == \
        {"k": "a\u202eb\x85c\x7f"}


# ------------------------------------------------------------------ the real CLI, end to end

ARTICLE = ('"The firing positions will be silenced {clear}{osc52}by every means,{rlo}" said Igor '
           'Konashenkov{csi}, a spokesman.\n\n"This is not over {fake}."\n\n'
           'An official said the {osc8} talks failed.\n').format(
    clear=CLEAR, osc52=OSC52, rlo=RLO, csi="\x9b", fake=FAKE_PASS, osc8=OSC8)


@pytest.fixture(scope="module")
def evil_file(tmp_path_factory):
    root = tmp_path_factory.mktemp("evil")
    path = root / "story\n::error file=README.md,line=1::Audit passed.txt"
    # one cp1252 byte: the notice on stderr names the file
    path.write_bytes(ARTICLE.encode("utf-8") + b"Caf\xe9 owners said nothing.\n")
    return path


def _audit(path: Path, *args: str, cache: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", ATTRIBUTION_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "attribution", "audit", str(path), *args],
                          capture_output=True, cwd=ROOT, env=env, timeout=600)


@pytest.mark.stanza
def test_cli_prints_no_control_and_no_forged_line(evil_file, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    for fmt in ("text", "line", "github", "markdown"):
        proc = _audit(evil_file, "--format", fmt, "--fail-on", "never", cache=cache)
        assert proc.returncode == 0, proc.stderr
        out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
        assert FORBIDDEN.search(out) is None, (fmt, repr(out))
        assert FORBIDDEN.search(err) is None, (fmt, repr(err))
        assert "notice" in err and "\u240a::error" in err  # the name is shown, escaped
        for text in (out, err):
            for line in text.splitlines():
                assert not line.startswith("::error file=README.md")
                assert not line.startswith("Audit passed")
        if fmt == "line":
            assert out.strip(), "the sample findings are expected"
            assert all(line.startswith(safe.path(str(evil_file)) + ":") for line in out.splitlines())
