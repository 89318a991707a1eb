"""Issue 16, point 6: ``--output`` writes through a temporary file that nobody can plant
(``mkstemp`` in the target's directory), refuses to overwrite an audited input, leaves
nothing behind when it fails, and a missing directory is a one-line error.
"""
from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.cli import main
from attribution.report import output

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "The mayor said on Monday that the bridge would reopen.\n"


def test_a_symlink_planted_at_the_old_temporary_name_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    target = tmp_path / "report.txt"
    # the names the old code used (FILE.tmp<PID>) and a guess at any FILE.tmp* name
    for name in (f"report.txt.tmp{os.getpid()}", ".report.txt.tmp", "report.txt.tmp"):
        (tmp_path / name).symlink_to(victim)
    output.write_atomic(target, "the report\n")
    assert target.read_text() == "the report\n" and not target.is_symlink()
    assert victim.read_text() == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["victim.txt", "report.txt", f"report.txt.tmp{os.getpid()}", ".report.txt.tmp", "report.txt.tmp"])


def test_permissions_new_file_follows_umask_existing_file_keeps_its_mode(tmp_path):
    old = os.umask(0o027)
    try:
        output.write_atomic(tmp_path / "new.txt", "x")
        assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640
    finally:
        os.umask(old)
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    kept.chmod(0o604)
    output.write_atomic(kept, "new")
    assert kept.read_text() == "new" and stat.S_IMODE(kept.stat().st_mode) == 0o604


@pytest.mark.parametrize("failure", ["fsync", "encode", "replace"])
def test_nothing_is_left_behind_when_writing_fails(tmp_path, monkeypatch, failure):
    target = tmp_path / "report.txt"
    target.write_text("the previous report\n")
    text = "report\n"
    if failure == "fsync":
        def full_disk(fd):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        monkeypatch.setattr(os, "fsync", full_disk)
    elif failure == "encode":
        text = "a name that is not UTF-8: caf\udce9\n"
    else:
        def refuse(src, dst):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(output.OutputError) as exc:
        output.write_atomic(target, text)
    assert "report.txt" in str(exc.value) and "\n" not in str(exc.value)
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
    assert target.read_text() == "the previous report\n"


def test_missing_directory_and_directory_targets(tmp_path):
    with pytest.raises(output.OutputError, match="does not exist"):
        output.write_atomic(tmp_path / "nowhere" / "r.txt", "x")
    with pytest.raises(output.OutputError, match="directory"):
        output.write_atomic(tmp_path, "x")
    assert list(tmp_path.iterdir()) == []


def test_refuse_an_output_that_is_an_input(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE)
    link = tmp_path / "link.txt"
    link.symlink_to(story)
    for same in (story, link, tmp_path / "." / "story.txt"):
        with pytest.raises(output.OutputError, match="one of the audited inputs"):
            output.refuse_inputs(same, ["-", str(story)])
    output.refuse_inputs(tmp_path / "other.txt", [str(story)])  # does not exist: fine
    (tmp_path / "other.txt").write_text("x")
    output.refuse_inputs(tmp_path / "other.txt", [str(story), "-"])  # another file: fine


def _cli(*argv, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "attribution", *argv], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_cli_o_story_txt_story_txt_is_refused_before_the_audit(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text(ARTICLE)
    for argv in (["-o", "story.txt", "story.txt"], ["story.txt", "--output", "./story.txt"],
                 ["drafts", "-o", "drafts/a.md"]):  # a file found inside an audited directory
        proc = _cli("audit", *argv, "--no-cache", cwd=tmp_path)
        assert proc.returncode == 2, (argv, proc.stderr)
        assert proc.stdout == ""
        assert proc.stderr.count("\n") == 1 and "one of the audited inputs" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
    assert story.read_text() == ARTICLE and (drafts / "a.md").read_text() == ARTICLE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts", "story.txt"]


def test_cli_output_into_a_missing_directory_is_one_line(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE)
    proc = _cli("audit", "story.txt", "-o", "nowhere/report\n::error::x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "does not exist" in proc.stderr, proc.stderr
    assert "\u240a::error" in proc.stderr  # the name is shown, on the same line


def test_stderr_error_lines_are_one_line(tmp_path, capsys):
    missing = str(tmp_path / "missing\n::error file=README.md::forged\x1b[2J.txt")
    assert main(["audit", missing, "--format", "line"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err, err
    assert err.startswith("attribution: error: ") and "missing\u240a::error file=README.md::" in err
