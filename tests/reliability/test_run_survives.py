"""Issue 16, point 11: inputs and settings that used to stop the whole run.  Each is now one
line on stderr naming the file or key (exit 2), and the other inputs are still audited.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from attribution.cli import main
from attribution.load import LoadError, iter_inputs, load

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"
EXE = [sys.executable, "-m", "attribution"]
ARTICLE = "The mayor said on Monday that the bridge would reopen.\n"


def _run(args, cwd, timeout=120, **kw):
    return subprocess.run(EXE + args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, **kw)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_among_the_inputs_is_refused_not_waited_on(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")  # nobody ever writes to it: open() used to block forever
    with pytest.raises(LoadError) as exc:
        load(str(tmp_path / "pipe.txt"))
    assert exc.value.code == "not-regular" and "FIFO" in exc.value.message
    r = _run(["audit", "a.txt", "pipe.txt", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        "attribution: error: pipe.txt: not a regular file (a FIFO); pipe its text to stdin with '-' instead"]
    doc = json.loads(r.stdout)
    assert [d["path"] for d in doc["documents"]] == ["a.txt"]


def test_1500_nested_directories_are_walked(tmp_path):
    d = tmp_path / "deep"
    d.mkdir()
    os.chdir(d)  # relative mkdir keeps every path short
    try:
        for _ in range(1500):
            os.mkdir("d")
            os.chdir("d")
        Path("story.txt").write_text(ARTICLE)
    finally:
        os.chdir(ROOT)
    try:
        found = list(iter_inputs([str(d)]))  # RecursionError before the fix
    finally:  # pytest's own clean-up (shutil.rmtree) recurses, so remove the tree here
        subprocess.run(["rm", "-rf", str(d)], check=True)
    assert len(found) == 1 and found[0].endswith(os.sep.join(["d"] * 1500 + ["story.txt"]))


def test_the_walk_order_is_unchanged(tmp_path):
    for rel in ("b/z.txt", "b/a/x.md", "a.txt", "c.html", "b/a/y/w.txt", ".hidden/h.txt", "b/n.png"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(ARTICLE)
    got = [os.path.relpath(p, tmp_path) for p in iter_inputs([str(tmp_path)])]
    assert got == ["a.txt", "b/a/x.md", "b/a/y/w.txt", "b/z.txt", "c.html"]


@pytest.mark.parametrize("fmt", ["sarif", "json", "line", "text"])
def test_a_non_utf8_file_name_in_sarif_and_output(tmp_path, capsys, fmt):
    name = os.fsdecode(b"r\xff.txt")  # a surrogate escape in Python
    (tmp_path / name).write_bytes(SAMPLE.read_bytes())
    os.chdir(tmp_path)
    try:
        assert main(["audit", name, "--format", fmt, "--fail-on", "never"]) == 0
        stdout = capsys.readouterr().out
        assert main(["audit", name, "--format", fmt, "--fail-on", "never", "-o", "report.out"]) == 0
    finally:
        os.chdir(ROOT)
    written = (tmp_path / "report.out").read_text(encoding="utf-8")
    assert written.rstrip("\n") == stdout.rstrip("\n")
    if fmt == "sarif":
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for res in json.loads(written)["runs"][0]["results"] for loc in res["locations"]}
        assert uris == {"r%FF.txt"}  # the name's own byte, percent-encoded


def _config_dir(tmp_path, toml: str) -> Path:
    d = tmp_path / "proj"
    d.mkdir()
    (d / ".attribution.toml").write_text(toml)
    (d / "a.txt").write_text(ARTICLE)
    return d


@pytest.mark.parametrize("toml, message", [
    ('extra-cues = ["("]\n', "extra-cues: '(' is not a word or phrase"),
    ('extra-cues = ["opine", "say!"]\n', "extra-cues: 'say!' is not a word or phrase"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "invalid TOML: nested too deeply"),
    ("x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", "invalid TOML: nested too deeply"),
])
def test_config_errors_are_one_line_naming_file_and_key(tmp_path, capsys, toml, message):
    d = _config_dir(tmp_path, toml)
    assert main(["audit", str(d / "a.txt")]) == 2
    err = capsys.readouterr().err
    assert err == f"attribution: error: {d / '.attribution.toml'}: {message}" + err.split(message, 1)[1]
    assert err.count("\n") == 1 and "internal error" not in err


def test_a_deep_pyproject_not_ours_is_skipped_during_discovery(tmp_path):
    from attribution.config import find_config

    (tmp_path / "pyproject.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") is None


def test_a_closed_stdout_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    r = subprocess.run(["bash", "-c", 'exec "$@" >&-', "-", *EXE, "audit", "a.txt", "--no-cache"],
                       cwd=tmp_path, capture_output=False, stderr=subprocess.PIPE, text=True,
                       timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 2
    assert r.stderr == ("attribution: error: standard output is closed: nowhere to write the "
                        "report (use -o FILE)\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_stdout_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    with open("/dev/full", "w") as full:
        r = subprocess.run(EXE + ["audit", "a.txt", "--no-cache"], cwd=tmp_path, stdout=full,
                           stderr=subprocess.PIPE, text=True, timeout=120,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 2
    assert r.stderr == "attribution: error: standard output: cannot write the report: No space left on device\n"


def _pool_workers(pid: int) -> list[int]:
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
            cmd = open(f"/proc/{d}/cmdline").read()
        except OSError:
            continue
        if int(stat[1]) == pid and "spawn_main" in cmd:
            found.append(int(d))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_killing_a_jobs_2_worker_loses_nothing(tmp_path):
    names = []
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text(f"Paragraph {i}: the mayor said the bridge would reopen.\n")
        names.append(f"s{i}.txt")
    proc = subprocess.Popen(EXE + ["audit", "--jobs", "2", "--no-cache", "--format", "json", *names],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    killed, t0 = None, time.time()
    while killed is None and proc.poll() is None and time.time() - t0 < 120:
        workers = _pool_workers(proc.pid)
        if workers:
            time.sleep(0.5)  # inside the worker's start-up (torch import, model load)
            os.kill(workers[0], signal.SIGKILL)
            killed = workers[0]
        time.sleep(0.02)
    out, err = proc.communicate(timeout=300)
    assert killed is not None, "the run ended before a worker could be killed"
    assert proc.returncode == 0, err  # was: internal error: BrokenProcessPool
    assert [d["path"] for d in json.loads(out)["documents"]] == names
    assert [d["attributions"] for d in json.loads(out)["documents"]] == [
        d["attributions"] for d in json.loads(_run(["audit", "--no-cache", "--format", "json", *names],
                                                    tmp_path).stdout)["documents"]]
