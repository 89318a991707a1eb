"""README documents every configuration key config.py accepts (issue 14)."""
from __future__ import annotations

import re
from pathlib import Path

from attribution import config

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_config_key_has_a_row_in_the_readme_table():
    rows = set(re.findall(r"^\| `([a-z-]+)` \|", README, flags=re.M))
    assert config._KEYS <= rows, f"undocumented: {sorted(config._KEYS - rows)}"


def test_the_documented_example_is_a_valid_configuration(tmp_path):
    block = re.search(r"```toml\n(\[tool\.attribution\].*?)```", README, flags=re.S).group(1)
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    cfg = config.load_config(str(tmp_path / "pyproject.toml"))
    assert cfg.anonymous_allow_requires_reason is True and cfg.fail_on == "warning"
    assert cfg.anonymous_allow == ("people familiar with",)
