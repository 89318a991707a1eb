"""Issue 16, point 8: a resumed archive run must not exit 0 with documents missing.

Each test reproduces one attack from the issue: error records never retried; byte offsets
reused after the JSONL was edited mid-run; two runs writing into one --out; colliding ids
(7 and "7"); damaged lines deleted by the repair; the whole results file read into memory.
Plus the size limit for JSONL articles (point 10).  The articles are written for these tests.
"""
from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from attribution import archive as ar
from attribution.cli import main
from attribution.errors import EXIT_BUSY
from attribution.load import MAX_BYTES

ARTICLES = [
    {"id": "a1", "text": "The county will close two polling stations before the March primary, "
                         "election director Ruth Alvarez said on Tuesday.\n"},
    {"id": "a2", "text": "\u201cWe were not consulted,\u201d said Tom Reyes, who chairs the "
                         "neighbourhood association. He said residents would appeal.\n"},
    {"id": "a3", "text": "A spokeswoman for the utility said crews had restored power to most "
                         "homes by Sunday night.\n"},
    {"id": "a4", "text": "The school board approved a new budget on Monday, according to "
                         "minutes published by the district.\n"},
]


def _write_jsonl(path: Path, articles) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a) + "\n")


def _records(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in ar.read_records(out)}


def _raw_lines(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / ar.DOCUMENTS).read_text(encoding="utf-8").splitlines()]


# ----------------------------------------------------------------- error records are retried

@pytest.mark.stanza
def test_an_error_record_is_audited_again_once_the_input_is_fixed(tmp_path, parser):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
    broken = src / "broken.txt"
    broken.write_bytes(b"\x00\x01binary\x00" * 20)  # refused as binary: an error record
    out = tmp_path / "out"
    stats = ar.archive([str(src)], out, use_cache=False, progress=False, parser=parser)
    assert (stats.written, stats.errors) == (2, 1)
    assert "error" in _records(out)[str(broken)]

    broken.write_text(ARTICLES[2]["text"], encoding="utf-8")  # the input is fixed
    stats = ar.archive([str(src)], out, use_cache=False, progress=False, parser=parser)
    assert (stats.skipped, stats.written, stats.errors) == (1, 1, 0)  # before: 2 skipped, exit 0
    rec = _records(out)[str(broken)]
    assert "error" not in rec and rec["attributions"]
    # the error line stays in the file (append-only); the last record of an id is the one read
    assert [r["id"] for r in _raw_lines(out)].count(str(broken)) == 2
    assert ar.aggregate(ar.iter_records(out))["documents"] == 2
    # nothing left to retry: a third run audits nothing
    again = ar.archive([str(src)], out, use_cache=False, progress=False, parser=parser)
    assert (again.skipped, again.written) == (2, 0)


# ----------------------------------------------------------------- offsets checked before reuse

def test_a_jsonl_edited_after_planning_never_gives_a_record_another_articles_text(tmp_path):
    jl = tmp_path / "wire.jsonl"
    _write_jsonl(jl, ARTICLES)
    refs, _ = ar.plan([str(jl)])
    # the file is rewritten while the run goes: a new article first, the rest shifted
    _write_jsonl(jl, [{"id": "new", "text": "A late story about the harbour."}] + ARTICLES[::-1])
    items = list(ar.load_items(refs))
    assert [i.id for i in items] == ["a1", "a2", "a3", "a4"]
    for item in items:
        # before: a3 was audited with a2's text (offsets reused without checking)
        assert item.source is None and "changed while the run was going" in item.error
        assert item.error.startswith("line ") and repr(item.id) in item.error


@pytest.mark.stanza
def test_an_archive_run_whose_jsonl_changes_mid_run_errors_clearly_and_the_rerun_completes(
        tmp_path, parser, monkeypatch):
    import attribution.archive.run as run_mod

    jl = tmp_path / "wire.jsonl"
    _write_jsonl(jl, ARTICLES)
    real_plan = run_mod.plan

    def plan_then_edit(paths):
        planned = real_plan(paths)
        _write_jsonl(jl, ARTICLES[1:] + ARTICLES[:1])  # same articles, other lines
        return planned

    monkeypatch.setattr(run_mod, "plan", plan_then_edit)
    out = tmp_path / "out"
    stats = ar.archive([str(jl)], out, use_cache=False, progress=False, parser=parser)
    assert stats.errors == stats.written == 4  # every moved line: an error, not another's quotes
    monkeypatch.setattr(run_mod, "plan", real_plan)
    stats = ar.archive([str(jl)], out, use_cache=False, progress=False, parser=parser)
    assert (stats.written, stats.errors) == (4, 0)
    recs = _records(out)
    for a in ARTICLES:
        got = recs[a["id"]]
        assert "error" not in got
        for att in got["attributions"]:  # offsets into this article's own text
            assert a["text"][att["content"]["start"]:att["content"]["end"]] == att["content"]["text"]


# ----------------------------------------------------------------- one run per --out

def test_a_second_run_into_the_same_out_stops_with_a_distinct_exit_code(tmp_path, capsys):
    jl = tmp_path / "wire.jsonl"
    _write_jsonl(jl, ARTICLES)
    out = tmp_path / "out"
    holder = ar.Results(out)  # a run in progress holds the lock
    try:
        code = main(["archive", str(jl), "--out", str(out)])
        err = capsys.readouterr().err
        assert code == EXIT_BUSY == 3
        assert err.count("\n") == 1 and "is in use by another archive run (pid " in err
        assert not (out / ar.DOCUMENTS).exists() and not (out / ar.RUNS).exists()  # wrote nothing
        with pytest.raises(ar.ArchiveBusy):
            ar.Results(out)
    finally:
        holder.close()
    ar.Results(out).close()  # released: the next run may start


# ----------------------------------------------------------------- colliding ids

@pytest.mark.parametrize("first,second", [(7, "7"), ("a1", "a1")])
def test_colliding_ids_are_a_clear_error_naming_file_and_line(tmp_path, capsys, first, second):
    jl = tmp_path / "wire.jsonl"
    _write_jsonl(jl, [{**ARTICLES[0], "id": first}, ARTICLES[1], {**ARTICLES[2], "id": second}])
    out = tmp_path / "out"
    code = main(["archive", str(jl), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert f"wire.jsonl:3: document id '{second}' is already used by {jl}:1" in err
    assert not (out / ar.DOCUMENTS).exists()  # nothing audited, nothing dropped silently


def test_an_id_that_is_not_a_string_or_integer_is_an_error_record_naming_the_line(tmp_path):
    jl = tmp_path / "wire.jsonl"
    _write_jsonl(jl, [{**ARTICLES[0], "id": ["a", 1]}, {**ARTICLES[1], "id": True}, ARTICLES[2]])
    refs, _ = ar.plan([str(jl)])
    assert [r.id for r in refs] == [f"{jl}:1", f"{jl}:2", "a3"]
    assert refs[0].error == 'line 1: "id" must be a string or an integer, not list'
    assert refs[1].error == 'line 2: "id" must be a string or an integer, not bool'


# ----------------------------------------------------------------- repair keeps damaged lines

def _rec(doc_id: str, **kw) -> str:
    return json.dumps({"id": doc_id, "attributions": [], "speakers": [], "findings": [], **kw})


def test_resume_repair_moves_damaged_lines_aside_instead_of_deleting_them(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    # bad ids used to crash every resume (issue 16, point 11): now damaged lines like the rest
    damaged = ['{"id": "b", "attributions": [', '["not", "a", "record"]', '{"no-id": 1}',
               '{"id": ["x"]}', '{"id": {"k": 1}}', '{"id": 7}']
    body = [_rec("a"), damaged[0], _rec("c"), *damaged[1:], _rec("d")]
    (out / ar.DOCUMENTS).write_text("\n".join(body) + "\n" + _rec("e")[:30], encoding="utf-8")
    res = ar.Results(out)
    res.close()
    assert res.done == {"a", "c", "d"} and res.dropped == 7
    assert res.damaged_lines == [2, 4, 5, 6, 7, 8, 10]
    assert [r["id"] for r in _raw_lines(out)] == ["a", "c", "d"]
    kept = (out / ar.DAMAGED).read_text(encoding="utf-8").splitlines()
    assert kept == damaged + [_rec("e")[:30]]  # byte for byte, in order
    # a second repair appends to the side file, never overwrites it
    with open(out / ar.DOCUMENTS, "a", encoding="utf-8") as fh:
        fh.write("{oops\n")
    ar.Results(out).close()
    assert (out / ar.DAMAGED).read_text(encoding="utf-8").splitlines() == kept + ["{oops"]


@pytest.mark.stanza
def test_the_resume_names_the_damaged_lines_and_where_they_went(tmp_path, parser):
    jl = tmp_path / "wire.jsonl"
    _write_jsonl(jl, ARTICLES[:2])
    out = tmp_path / "out"
    out.mkdir()
    (out / ar.DOCUMENTS).write_text('{"id": ["a1"]}\n', encoding="utf-8")
    said = []
    stats = ar.archive([str(jl)], out, use_cache=False, progress=False, parser=parser, log=said.append)
    assert stats.written == 2 and stats.errors == 0
    assert said[0] == (f"{out / ar.DOCUMENTS}: moved 1 unfinished or damaged line(s) (line 1) "
                       f"to {out / ar.DAMAGED}")


# ----------------------------------------------------------------- resume reads streaming

def test_resume_and_report_read_the_results_file_streaming(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    pad = "x" * 20_000
    with open(out / ar.DOCUMENTS, "w", encoding="utf-8") as fh:
        for i in range(2_000):  # 40 MB of results
            fh.write(_rec(f"doc-{i}", pad=pad, **({"error": "unreadable"} if i % 100 == 0 else {})) + "\n")
        fh.write("{damaged\n")
        fh.write(_rec("doc-5", pad=pad) + "\n")
    size = (out / ar.DOCUMENTS).stat().st_size
    tracemalloc.start()
    try:
        res = ar.Results(out)  # recovery rewrites the file (a damaged line in the middle)
        res.close()
        _, peak_resume = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        n = sum(1 for _ in ar.iter_records(out))
        _, peak_read = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(res.done) == 2_000 - 20 and len(res.retry) == 20 and n == 2_000
    # before: the whole file in memory (and again as a list of lines): > 2 x 40 MB
    assert peak_resume < size / 8 and peak_read < size / 8, (peak_resume, peak_read, size)


# ----------------------------------------------------------------- the size limit

def test_a_jsonl_article_over_the_size_limit_is_refused_and_the_others_run(tmp_path):
    jl = tmp_path / "big.jsonl"
    big = "The mayor said the bridge would reopen. " * (MAX_BYTES // 40 + 100)
    _write_jsonl(jl, [ARTICLES[0], {"id": "huge", "text": big}, ARTICLES[1]])
    refs, _ = ar.plan([str(jl)])
    by_id = {r.id: r for r in refs}
    assert by_id["huge"].error.startswith("line 2: text too large: 10.0 MiB, the limit is 10 MiB")
    assert by_id["a1"].error is None and by_id["a2"].error is None
    items = {i.id: i for i in ar.load_items(refs)}
    assert items["huge"].source is None and items["a2"].source.text == ARTICLES[1]["text"]
