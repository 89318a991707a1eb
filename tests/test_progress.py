"""The one progress display of the engines (audit --jobs, archive): a bar on a terminal, a plain
line every 30 s for a logged run, nothing otherwise."""
from __future__ import annotations

from attribution import progress
from attribution.progress import Progress, hms


def test_a_logged_run_without_a_bar_writes_a_plain_line(monkeypatch):
    lines: list[str] = []
    monkeypatch.setattr(progress, "LINE_EVERY_S", 0)
    with Progress(10, enabled=False, log=lines.append) as bar:
        bar.advance(3, "a.txt")
    assert len(lines) == 1 and lines[0].startswith("3/10 documents, ") and " docs/s, ETA " in lines[0]


def test_no_line_before_30_s_and_none_without_a_log():
    lines: list[str] = []
    with Progress(10, enabled=False, log=lines.append) as bar:
        bar.advance(3)
    with Progress(10, enabled=False) as quiet:
        quiet.advance(10)
    assert lines == [] and quiet.done == 10


def test_the_bar_names_the_document_in_hand(capsys):
    with Progress(2, enabled=True) as bar:
        bar.advance(1, "first.txt")
        bar.advance(1, "second.md")
    err = capsys.readouterr().err
    assert "auditing" in err and "2/2" in err and "second.md" in err and "docs/s" in err


def test_nothing_to_do_shows_no_bar(capsys):
    with Progress(0, enabled=True):
        pass
    assert capsys.readouterr().err == ""


def test_hms():
    assert hms(3725) == "1:02:05" and hms(float("inf")) == "?"
