"""Regenerate the stored parses the tests replay (``tests/fixtures/parses/paragraphs.jsonl``).

    .venv/bin/python scripts/update_parse_fixtures.py

Runs every test module that uses the ``stored_parser`` fixture with
``ATTRIBUTION_RECORD_PARSES=1``: the fixture then parses with the stanza model in use and, at
the end of the run, the file is rewritten with exactly the paragraphs those tests parsed (see
``tests/stored_parses.py``).  Run it after adding a test paragraph or changing the model;
``tests/test_stored_parses.py`` fails when the stored parses are stale.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
SKIP = {"conftest.py", "stored_parses.py", "test_stored_parses.py"}


def users() -> list[Path]:
    """The test modules that ask for the ``stored_parser`` fixture."""
    return sorted(p for p in TESTS.rglob("*.py")
                  if p.name not in SKIP and "stored_parser" in p.read_text(encoding="utf-8"))


def main() -> int:
    files = users()
    if not files:
        print("no test uses stored_parser")
        return 1
    env = dict(os.environ, ATTRIBUTION_RECORD_PARSES="1")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow",
           *(str(p.relative_to(ROOT)) for p in files)]
    print("recording:", " ".join(cmd[3:]))
    done = subprocess.run(cmd, cwd=ROOT, env=env)
    if done.returncode != 0:
        print("some tests failed while recording: the file holds what they parsed; fix them "
              "and run this again", file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
