"""The whole audit (CLI in a subprocess) over the bad-input matrix of issue 6.

Every input gets a result or a one-line error naming it, never a traceback; an
unreadable or undecodable file makes the exit code 2 while the other files are
still audited; input files are never modified; the JSON is byte-identical across
runs; every span in it slices the original text to its ``text``; no network
connection is opened.

These tests need a stanza model set (the embedded one or ``ATTRIBUTION_MODELS``)
and are marked ``stanza``.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"

pytestmark = pytest.mark.stanza


def _models_or_skip():
    from attribution.modelset import ModelError, resolve

    try:
        return resolve()
    except ModelError as exc:
        pytest.skip(f"no stanza model set: {exc}")


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    _models_or_skip()
    env = dict(os.environ)
    env["ATTRIBUTION_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    env["NO_COLOR"] = "1"
    env.pop("ATTRIBUTION_DEBUG", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(args, env, *, stdin=subprocess.DEVNULL, shell_suffix="", timeout=900):
    cmd = [sys.executable, "-c", "import sys; from attribution.cli import main; sys.exit(main())",
           *map(str, args)]
    if shell_suffix:  # e.g. "<&-": stdin closed before the program starts
        line = " ".join(f"'{c}'" for c in cmd) + " " + shell_suffix
        return subprocess.run(["bash", "-c", line], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=timeout)
    return subprocess.run(cmd, cwd=ROOT, env=env, stdin=stdin, capture_output=True, text=True,
                          timeout=timeout)


def fingerprint(paths):
    out = {}
    for p in paths:
        p = Path(p)
        if p.is_file() and os.access(p, os.R_OK):
            out[str(p)] = (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
    return out


def assert_spans_slice(doc_json, text):
    """Every span of one JSON document slices ``text`` to exactly its ``text``."""
    for a in doc_json["attributions"]:
        c = a["content"]
        assert text[c["start"]:c["end"]] == c["text"]
        for s, e in c["spans"]:
            assert c["start"] <= s < e <= c["end"]
        for key in ("cue", "source"):
            if a[key] is not None:
                assert text[a[key]["start"]:a[key]["end"]] == a[key]["text"], (key, a[key])
    for sp in doc_json["speakers"]:
        for m in sp["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for f in doc_json["findings"]:
        assert 0 <= f["start"] <= f["end"] <= len(text)


PARA = 'The mayor said on Tuesday that the bridge would reopen. "We are confident," she told reporters.'


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    """The bad-input matrix as files: name -> path (plus ones that must fail)."""
    d = tmp_path_factory.mktemp("matrix")
    files = {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n\r\n  \n",
        "notes.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "latin1.txt": "Le ministre a déclaré que « la guerre » était finie, a-t-il dit.\n".encode("latin-1"),
        "utf16.txt": "\ufeff“We are ready,” the general said.\r\n".encode("utf-16-le"),
        "bom.txt": b"\xef\xbb\xbf" + PARA.encode(),
        "crlf.txt": f"Headline\r\n\r\n{PARA}\r\n\r\nOfficials said the vote was delayed.\r\n".encode(),
        "longsentence.txt": " ".join(["officials", "said", "the", "talks", "went", "on", "and",
                                      "nobody", "knew", "why"] * 300).encode(),
        "quotes.txt": ('"This opening mark is never closed, he said.\n\nA stray closer” here, '
                       'officials said.\n\nThe suspect is 5\'10" tall, police said.').encode(),
        "intl.txt": "« Nous sommes prêts », a déclaré le ministre.\n\n„Wir sind bereit“, sagte er.".encode(),
        "page.html": (b"<html><head><style>p{}</style><script>var a='said';</script></head><body>"
                      b"<nav>World | U.S. | Politics</nav><article><h1>Talks continue</h1>"
                      b"<p>The coalition said on Thursday that the talks were &ldquo;professional&rdquo; "
                      b"and would continue next week in Baghdad.</p><p>Russia denied that its forces "
                      b"had fired on the positions, the ministry said in a statement.</p></article>"
                      b"<footer>Copyright 2017. All rights reserved.</footer></body></html>"),
        "draft.md": (b"---\ntitle: x\n---\n\n# Head said\n\n```\n\"code,\" he said\n```\n\n"
                     + PARA.encode() + b"\n"),
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    return d


def test_matrix_one_line_errors_exit_2_others_audited_files_unchanged(matrix, cli_env):
    missing = matrix / "does-not-exist.txt"
    paths = sorted(str(p) for p in matrix.iterdir()) + [str(missing)]
    before = fingerprint(paths)
    out = run_cli(["audit", *paths, "--format", "json", "--fail-on", "never"], cli_env)
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    errors = [ln for ln in out.stderr.splitlines() if "error" in ln]
    png = str(matrix / "notes.png")
    assert any(png in ln and "binary" in ln for ln in errors), out.stderr
    assert any(str(missing) in ln for ln in errors), out.stderr
    assert not any("internal error" in ln for ln in out.stderr.splitlines()), out.stderr
    report = json.loads(out.stdout)
    audited = {d["path"] for d in report["documents"]}
    expected = {str(matrix / n) for n in ("empty.txt", "whitespace.txt", "latin1.txt", "utf16.txt",
                                           "bom.txt", "crlf.txt", "longsentence.txt", "quotes.txt",
                                           "intl.txt", "page.html", "draft.md")}
    assert audited == expected
    from attribution.load import load
    for doc in report["documents"]:
        assert_spans_slice(doc, load(doc["path"]).text)
    assert any("latin1.txt" in ln and "cp1252" in ln for ln in out.stderr.splitlines())
    assert fingerprint(paths) == before


def test_file_over_the_size_limit_is_a_one_line_error(tmp_path, cli_env):
    from attribution.load import MAX_BYTES

    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.write((PARA + "\n\n").encode() * (MAX_BYTES // len(PARA) + 10))
    ok = tmp_path / "ok.txt"
    ok.write_text(PARA)
    out = run_cli(["audit", big, ok, "--format", "json", "--fail-on", "never"], cli_env)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    lines = [ln for ln in out.stderr.splitlines() if str(big) in ln]
    assert len(lines) == 1 and "too large" in lines[0]
    assert [d["path"] for d in json.loads(out.stdout)["documents"]] == [str(ok)]
    # the documented flag turns unreadable inputs into warnings: same message, exit 0
    warn = run_cli(["audit", big, ok, "--format", "json", "--fail-on", "never",
                    "--unreadable", "warn"], cli_env)
    assert warn.returncode == 0, warn.stderr
    assert [ln for ln in warn.stderr.splitlines() if str(big) in ln] == lines


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can read a file without read permission")
def test_file_without_read_permission(tmp_path, cli_env):
    secret = tmp_path / "secret.txt"
    secret.write_text(PARA)
    secret.chmod(0)
    ok = tmp_path / "ok.txt"
    ok.write_text(PARA)
    try:
        out = run_cli(["audit", secret, ok, "--format", "json"], cli_env)
    finally:
        secret.chmod(0o644)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert f"{secret}: permission denied" in out.stderr
    assert [d["path"] for d in json.loads(out.stdout)["documents"]] == [str(ok)]


def test_directory_with_a_symlink_loop(tmp_path, cli_env):
    d = tmp_path / "drafts"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "story.txt").write_text(PARA)
    os.symlink("..", d / "sub" / "loop")
    out = run_cli(["audit", d, "--format", "json", "--fail-on", "never"], cli_env, timeout=600)
    assert "Traceback" not in out.stderr
    assert out.returncode in (0, 2)  # a skipped loop may count as an input problem
    assert [ln for ln in out.stderr.splitlines() if "loop" in ln]
    assert [x["path"] for x in json.loads(out.stdout)["documents"]] == [str(d / "sub" / "story.txt")]


def test_stdin_closed_at_once(cli_env):
    out = run_cli(["audit", "-", "--format", "json"], cli_env, shell_suffix="<&-")
    assert "Traceback" not in out.stderr
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)["documents"][0]
    assert doc["path"] == "-" and doc["attributions"] == []


def test_stdin_text(cli_env):
    out = subprocess.run(
        [sys.executable, "-c", "import sys; from attribution.cli import main; sys.exit(main())",
         "audit", "-", "--format", "json", "--fail-on", "never"],
        input=PARA, cwd=ROOT, env=cli_env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)["documents"][0]
    assert doc["path"] == "-"
    assert_spans_slice(doc, PARA)
    assert doc["attributions"]


def test_json_is_byte_identical_across_runs(matrix, cli_env):
    args = ["audit", SAMPLE, matrix / "crlf.txt", matrix / "page.html", matrix / "quotes.txt",
            "--format", "json", "--fail-on", "never"]
    first = run_cli(args, cli_env)
    second = run_cli(args + ["--no-cache"], cli_env)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    report = json.loads(first.stdout)
    sample = report["documents"][0]
    assert_spans_slice(sample, SAMPLE.read_text(encoding="utf-8"))
    assert len(sample["attributions"]) >= 5


@pytest.mark.slow
def test_json_is_byte_identical_across_jobs(matrix, cli_env):
    args = ["audit", SAMPLE, matrix / "crlf.txt", matrix / "page.html", "--format", "json",
            "--fail-on", "never", "--no-cache"]
    one = run_cli(args, cli_env)
    two = run_cli(args + ["--jobs", "2"], cli_env)
    assert one.returncode == 0 and one.stdout == two.stdout


def test_no_network_connection_at_run_time(monkeypatch, capsys, tmp_path):
    """An in-process audit with every socket refused still works."""
    _models_or_skip()

    def refuse(*a, **k):
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("ATTRIBUTION_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("NO_COLOR", "1")
    from attribution.cli import main

    rc = main(["audit", str(SAMPLE), "--format", "json", "--fail-on", "never"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert "internal error" not in captured.err
    doc = json.loads(captured.out)["documents"][0]
    assert_spans_slice(doc, SAMPLE.read_text(encoding="utf-8"))


def test_spans_slice_the_text_for_generated_documents(parser):
    """Hypothesis: for arbitrary text the audit does not raise and every span slices the text."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from attribution.audit import audit_source
    from attribution.load import load_text
    from attribution.report import render

    pieces = st.sampled_from([
        "said", "told reporters", "according to", "Officials", "The minister", "he", "she", "that",
        '"', "“", "”", "«", "»", "„", "'", "’", ",", ".", "\n", "\n\n", "\r\n", " ", "é", "e\u0301",
        "😀", "مرحبا", "Col. Ryan Dillon", "denied", "the talks were over", "5'10\"", "*", "#",
    ])
    docs = st.lists(pieces, max_size=40).map(" ".join)

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(docs, st.sampled_from(["x.txt", "x.md"]))
    def check(text, name):
        src = load_text(text, name)
        report = audit_source(src, parser)
        out = json.loads(render([report], "json", tool={"name": "attribution", "version": "t",
                                                         "model": parser.model_id}))
        assert_spans_slice(out["documents"][0], text)

    check()
