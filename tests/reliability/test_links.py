"""Issue 16, point 12 (links): a symbolic link inside an audited directory that leads out of
it (``../outside/``) is skipped with a warning, so a planted link cannot pull a file from
elsewhere (a key, another project's drafts) into the report; ``--follow-links`` follows it.
Links that stay inside the directory, and paths named on the command line, are followed.
"""
from __future__ import annotations

import os
from pathlib import Path

from attribution.load import LoadError, iter_inputs

ARTICLE = "The mayor said on Monday that the bridge would reopen.\n"


def _tree(tmp_path: Path) -> Path:
    audited = tmp_path / "drafts"
    (audited / "sub").mkdir(parents=True)
    (audited / "a.txt").write_text(ARTICLE)
    (audited / "sub" / "b.txt").write_text(ARTICLE)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("API_KEY=hunter2\n")
    (audited / "leak.txt").symlink_to(outside / "secret.txt")
    (audited / "leakdir").symlink_to(outside)
    (audited / "inner.txt").symlink_to(audited / "sub" / "b.txt")  # inside: followed
    return audited


def test_links_out_of_the_directory_are_skipped_with_a_warning(tmp_path):
    audited = _tree(tmp_path)
    items = list(iter_inputs([str(audited)]))
    files = [os.path.relpath(i, audited) for i in items if isinstance(i, str)]
    skipped = [i for i in items if isinstance(i, LoadError)]
    assert files == ["a.txt", "inner.txt", "sub/b.txt"]
    assert sorted(os.path.basename(e.path) for e in skipped) == ["leak.txt", "leakdir"]
    assert all(e.severity == "warning" and e.code == "outside" for e in skipped)


def test_follow_links_follows_them(tmp_path):
    audited = _tree(tmp_path)
    files = [os.path.relpath(i, audited) for i in iter_inputs([str(audited)], follow_links=True)]
    assert files == ["a.txt", "inner.txt", "leak.txt", "leakdir/secret.txt", "sub/b.txt"]


def test_a_link_named_on_the_command_line_is_followed(tmp_path):
    audited = _tree(tmp_path)
    assert list(iter_inputs([str(audited / "leak.txt")])) == [str(audited / "leak.txt")]


def test_the_cli_never_reads_the_outside_file(tmp_path):
    import subprocess
    import sys

    audited = _tree(tmp_path)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = lambda *extra: subprocess.run([sys.executable, "-m", "attribution", "audit", "drafts",
                                         "--format", "json", "--fail-on", "never", *extra],
                                        cwd=tmp_path, capture_output=True, text=True, env=env,
                                        timeout=300)
    r = run()
    assert r.returncode == 0 and "hunter2" not in r.stdout and "secret" not in r.stdout
    assert "attribution: notice: drafts/leak.txt: symbolic link out of the audited directory; " \
           "skipped (--follow-links follows it)" in r.stderr
    followed = run("--follow-links")
    # leak.txt and leakdir/secret.txt are one file, audited once under its first name
    assert followed.returncode == 0 and '"path": "drafts/leak.txt"' in followed.stdout
