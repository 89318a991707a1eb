"""`attribution --help`, `--version` and `rules` must start without torch or stanza."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "stanza", "numpy", "trafilatura")

PROBE = textwrap.dedent("""
    import contextlib, io, json, sys
    from attribution.cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            rc = main({argv!r})
        except SystemExit as exc:
            rc = exc.code
    print(json.dumps({{"rc": rc, "out": out.getvalue(),
                      "heavy": sorted(m for m in {heavy!r} if m in sys.modules)}}))
""")


def _probe(argv: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv, heavy=HEAVY)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("argv, expect", [
    (["--version"], "attribution "),
    (["--help"], "usage: attribution"),
    (["audit", "--help"], "--no-cache"),
    (["cache", "--help"], "info"),
    (["rules"], "anonymous-source"),
])
def test_light_commands_do_not_import_torch_or_stanza(argv, expect):
    got = _probe(argv)
    assert got["rc"] in (0, None), got
    assert expect in got["out"]
    assert got["heavy"] == [], f"{argv} imported {got['heavy']}"


def test_cache_info_does_not_import_torch_or_stanza(tmp_path, monkeypatch):
    monkeypatch.setenv("ATTRIBUTION_CACHE_DIR", str(tmp_path))
    got = _probe(["cache", "info"])
    assert got["rc"] == 0
    assert str(tmp_path) in got["out"] and "entries: 0" in got["out"]
    assert got["heavy"] == []
