"""Issue 16, point 12: a configuration file found in a parent directory applies silently no
more; the report says which one is in effect (JSON ``tool.config``, the text report's footer)."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.stanza

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "russia-sdf-syria.txt"


def _audit(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "attribution", "audit", str(path), "--fail-on", "never",
                           *args], capture_output=True, text=True, timeout=300)


def test_the_configuration_in_effect_is_named(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.attribution]\nignore = ["loaded-cue"]\n')
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "a.txt"
    shutil.copy(SAMPLE, draft)
    doc = json.loads(_audit(draft, "--format", "json").stdout)
    assert doc["tool"]["config"] == str(tmp_path / "pyproject.toml")
    assert all(f["rule"] != "loaded-cue" for f in doc["documents"][0]["findings"])
    text = _audit(draft, "--color", "never").stdout
    assert f"config:{tmp_path / 'pyproject.toml'}" in "".join(text.split())  # may wrap


def test_no_configuration_file_no_key(tmp_path):
    draft = tmp_path / "a.txt"
    shutil.copy(SAMPLE, draft)
    doc = json.loads(_audit(draft, "--format", "json").stdout)
    assert "config" not in doc["tool"]
