"""Configuration: discovery, parsing, overrides, errors naming file and key."""
from pathlib import Path

import pytest

from attribution.config import Config, ConfigError, find_config, load_config
from attribution.model import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path):
    cfg = load_config(start=tmp_path)
    assert cfg == Config()
    assert cfg.fail_on == "error" and cfg.path is None
    assert cfg.enabled("loaded-cue") and not cfg.enabled("x", status="preview")


def test_pyproject_table_found_by_walking_up(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.attribution]\nignore = ["loaded-cue", "ATR203"]\n'
                                       'fail-on = "warning"\n')
    article = write(tmp_path / "drafts" / "2024" / "story.md", "text")
    assert find_config(article) == tmp_path / "pyproject.toml"
    cfg = load_config(start=article)
    assert cfg.ignore == ("loaded-cue", "missing-affiliation")
    assert cfg.fail_on == "warning"
    assert cfg.path == str(tmp_path / "pyproject.toml")
    assert not cfg.enabled("loaded-cue") and cfg.enabled("anonymous-source")


def test_pyproject_without_our_table_is_skipped(tmp_path):
    write(tmp_path / ".attribution.toml", 'select = ["anonymous-source"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.ruff]\nline-length = 99\n')
    assert find_config(tmp_path / "sub") == tmp_path / ".attribution.toml"


def test_dot_file_wins_over_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.attribution]\nfail-on = "info"\n')
    write(tmp_path / ".attribution.toml", 'fail-on = "never"\n')
    assert load_config(start=tmp_path).fail_on == "never"


def test_explicit_config_wins(tmp_path):
    write(tmp_path / ".attribution.toml", 'fail-on = "never"\n')
    other = write(tmp_path / "ci.toml", 'fail_on = "info"\n')
    assert load_config(explicit=str(other), start=tmp_path).fail_on == "info"


def test_all_keys(tmp_path):
    p = write(tmp_path / ".attribution.toml", '''
select = ["ATR201", "loaded-cue", "vague-attribution"]
ignore = ["vague-attribution"]
extra-cues = ["Opine", "quip"]
anonymous-allow = ["People familiar with"]
anonymous_allow_requires_reason = false
[severity]
loaded-cue = "warning"
ATR201 = "error"
''')
    cfg = load_config(explicit=str(p))
    assert cfg.select == ("anonymous-source", "loaded-cue", "vague-attribution")
    assert cfg.ignore == ("vague-attribution",)
    assert cfg.severity == {"loaded-cue": Severity.WARNING, "anonymous-source": Severity.ERROR}
    assert cfg.extra_cues == ("opine", "quip")
    assert cfg.anonymous_allow == ("people familiar with",)
    assert cfg.anonymous_allow_requires_reason is False
    assert cfg.enabled("loaded-cue") and not cfg.enabled("vague-attribution")
    assert not cfg.enabled("one-sided")


def test_severity_off_disables(tmp_path):
    p = write(tmp_path / ".attribution.toml", '[severity]\nname-inconsistency = "off"\n')
    assert load_config(explicit=str(p)).ignore == ("name-inconsistency",)


def test_cli_overrides(tmp_path):
    write(tmp_path / ".attribution.toml", 'ignore = ["loaded-cue"]\nfail-on = "warning"\n'
                                          'select = ["loaded-cue", "one-sided"]\n')
    cfg = load_config(start=tmp_path, overrides={"select": "ATR101,anonymous-source",
                                                 "ignore": ["one-sided"], "fail_on": "never"})
    assert cfg.select == ("unattributed-quote", "anonymous-source")
    assert cfg.ignore == ("loaded-cue", "one-sided")
    assert cfg.fail_on == "never"
    cfg = load_config(start=tmp_path, overrides={"select": None, "fail_on": None})
    assert cfg.fail_on == "warning"


@pytest.mark.parametrize("fail_on, sev, fails", [
    ("error", "error", True), ("error", "warning", False), ("warning", "warning", True),
    ("warning", "info", False), ("info", "info", True), ("never", "error", False)])
def test_fails(fail_on, sev, fails):
    assert Config(fail_on=fail_on).fails(sev) is fails


@pytest.mark.parametrize("body, key", [
    ('select = ["no-such-rule"]\n', "select"),
    ('ignore = "ATR999"\n', "ignore"),
    ('fail-on = "sometimes"\n', "fail-on"),
    ('colour = "red"\n', "colour"),
    ('[severity]\nloaded-cue = "fatal"\n', "severity.loaded-cue"),
    ('[severity]\nbogus-rule = "info"\n', "severity.bogus-rule"),
    ('extra-cues = [1, 2]\n', "extra-cues"),
    ('anonymous-allow-requires-reason = "yes"\n', "anonymous-allow-requires-reason"),
])
def test_errors_name_file_and_key(tmp_path, body, key):
    p = write(tmp_path / ".attribution.toml", body)
    with pytest.raises(ConfigError) as exc:
        load_config(explicit=str(p))
    msg = str(exc.value)
    assert str(p) in msg and key in msg and "\n" not in msg


def test_invalid_toml_and_missing_file(tmp_path):
    p = write(tmp_path / ".attribution.toml", 'select = [\n')
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(start=tmp_path)
    with pytest.raises(ConfigError, match="not found"):
        load_config(explicit=str(tmp_path / "nope.toml"))


def test_explicit_pyproject_without_table(tmp_path):
    p = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"\[tool.attribution\]"):
        load_config(explicit=str(p))


def test_unknown_cli_override_value(tmp_path):
    with pytest.raises(ConfigError, match="--select"):
        load_config(start=tmp_path, overrides={"select": "ATR101,nonsense"})


def test_config_is_hashable_and_comparable():
    a = Config(severity={"loaded-cue": Severity.ERROR})
    b = Config(severity={"loaded-cue": Severity.ERROR})
    assert a == b and hash(a) == hash(b) and len({a, b, Config()}) == 2
