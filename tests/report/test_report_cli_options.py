"""``audit --color``, ``--show`` and ``--format html`` through the command line (stages stubbed)."""
from __future__ import annotations

import io
import sys
from types import SimpleNamespace

import pytest

from attribution import cli

from .report_article import build

ESC = "\x1b"


@pytest.fixture
def audit(monkeypatch, tmp_path):
    """Run ``attribution audit`` on a real file with the pipeline replaced by the hand-built report."""
    import attribution.batch
    import attribution.modelset

    monkeypatch.setattr(attribution.modelset, "resolve", lambda *a, **k: SimpleNamespace(id="test-model"))
    monkeypatch.setattr(attribution.batch, "audit_many", lambda sources, **k: [build() for _ in sources])
    draft = tmp_path / "draft.md"
    draft.write_text("A draft.\n", encoding="utf-8")
    for var in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(var, raising=False)

    class Tty(io.StringIO):
        def isatty(self):
            return True

    def run(*args: str, tty: bool = False, env: dict | None = None) -> tuple[int, str]:
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        out = Tty() if tty else io.StringIO()
        monkeypatch.setattr(sys, "stdout", out)
        code = cli.main(["audit", str(draft), "--fail-on", "never", *args])
        return code, out.getvalue()

    return run


def test_color_auto_follows_the_terminal_and_no_color(audit):
    assert ESC in audit(tty=True)[1]
    assert ESC not in audit(tty=False)[1]
    assert ESC not in audit(tty=True, env={"NO_COLOR": "1"})[1]


def test_color_always_and_never_override(audit):
    assert ESC in audit("--color", "always")[1]                        # piped, still coloured
    assert ESC in audit("--color", "always", env={"NO_COLOR": "1"})[1]
    assert ESC not in audit("--color", "never", tty=True, env={"FORCE_COLOR": "1"})[1]


def test_color_is_never_written_to_a_file_unless_asked(audit, tmp_path):
    target = tmp_path / "report.txt"
    assert audit("-o", str(target), tty=True)[0] == 0
    assert ESC not in target.read_text(encoding="utf-8")
    audit("-o", str(target), "--color", "always")
    assert ESC in target.read_text(encoding="utf-8")


def test_show_and_html(audit, tmp_path):
    code, out = audit("--show", "all")
    assert code == 0 and "\nAttributions" in out and "\nSources" in out
    code, out = audit("--show", "attributions")
    assert "\nSources" not in out and "\nAttributions" in out
    code, out = audit()
    assert "\nSources" in out and "\nAttributions" not in out
    code, out = audit("--format", "html")
    assert out.startswith("<!DOCTYPE html>") and out.count("<section class=\"document\"") == 1


def test_bad_option_values_are_usage_errors(audit, capsys):
    for bad in (["--color", "sometimes"], ["--show", "everything"]):
        with pytest.raises(SystemExit) as exc:
            audit(*bad)
        assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
