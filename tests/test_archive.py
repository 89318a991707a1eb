"""`attribution archive` / `archive-report`: inputs, resume, engines that agree, the aggregate.

The documents are the sample article plus short news paragraphs written for these
tests (no PolNeAR text).  The stanza-backed tests audit them in-process once (module
fixture) and compare every other engine and every resumed run against that, byte for
byte after sorting the lines.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from attribution import archive as ar
from attribution.commands import archive_report

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "russia-sdf-syria.txt"

NEWS = {
    "metro/council.txt": (
        "The Riverside city council voted 7-2 on Tuesday to close the Elm Street branch library "
        "at the end of the year.\n\n"
        "\u201cWe simply cannot afford to keep every branch open,\u201d Mayor Linda Park said after "
        "the vote. She added that the building would be sold.\n\n"
        "A librarian, who asked not to be named because she was not authorized to speak to "
        "reporters, said staff had learned of the plan from a newspaper.\n"),
    "metro/transit.txt": (
        "Bus fares in Riverside will rise by 25 cents in March, the regional transit authority "
        "announced on Monday.\n\n"
        "According to the authority's chief executive, Marcus Bell, the increase will pay for twelve "
        "new electric buses. \"Riders will see the difference within a year,\" Bell said.\n\n"
        "Officials said the fare for students and seniors would not change. The drivers' union "
        "accused the authority of hiding the cost of a new depot, a charge Bell denied.\n"),
    "world/harbour.md": (
        "# Storm closes harbour\n\n"
        "Heavy seas closed the port of Northhaven for a second day on Friday, stranding dozens of "
        "cargo ships offshore.\n\n"
        "\"It is the worst storm we have recorded in thirty years,\" said Dr. Ana Ruiz, a "
        "meteorologist at the National Weather Institute.\n\n"
        "The shipping company Baltic Line said in a statement that its crews were safe. Port "
        "officials reportedly expect the harbour to reopen on Sunday.\n"),
}
WIRE = [
    {"id": "wire-0001", "publisher": "Example Wire", "publication_date": "2024-05-02",
     "text": "Senator Maria Gomez said on Thursday that she would vote against the budget bill. "
             "\u201cThis bill asks working families to pay for tax cuts they will never see,\u201d "
             "Gomez told reporters outside the Capitol.\n\n"
             "A White House spokesman said the president still expected the bill to pass.\n"},
    {"id": "daily-0042", "publisher": "The Daily Example", "publication_date": "2023-11-20",
     "text": "The hospital admitted that two patients had received the wrong medication last month, "
             "according to a report released on Monday.\n\n"
             "\"Mistakes were made,\" the hospital's director, James Okafor, said. He insisted that "
             "new checks were already in place. Critics say the checks came too late.\n"},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """Six documents: three files in two folders, the sample article, a JSONL of two articles."""
    root = tmp_path_factory.mktemp("archive-in")
    for rel, text in NEWS.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (root / "sample").mkdir()
    shutil.copy(SAMPLE, root / "sample" / SAMPLE.name)
    with open(root / "wire.jsonl", "w", encoding="utf-8") as fh:
        for rec in WIRE:
            fh.write(json.dumps(rec) + "\n")
    return [str(root / "metro"), str(root / "world" / "harbour.md"), str(root / "sample"),
            str(root / "wire.jsonl")]


IDS = 6


def _lines(out: Path) -> list[str]:
    return (out / ar.DOCUMENTS).read_text(encoding="utf-8").splitlines()


def _assert_same(lines: list[str], reference: list[str]) -> None:
    """Byte-for-byte after sorting, with the ids that differ in the message."""
    if sorted(lines) != reference:
        got = {json.loads(x)["id"]: x for x in lines}
        want = {json.loads(x)["id"]: x for x in reference}
        differ = sorted(i for i in set(got) | set(want) if got.get(i) != want.get(i))
        first = differ[0]
        a, b = json.loads(got.get(first, "{}")), json.loads(want.get(first, "{}"))
        keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        pytest.fail(f"records differ from the in-process run for {differ}; in {first!r} the keys {keys}"
                    + (f" (model {a.get('model')} vs {b.get('model')})" if "model" in keys else ""))


# ----------------------------------------------------------------- inputs (no stanza)

def test_plan_gives_every_document_a_stable_unique_id(corpus, tmp_path):
    refs, warnings = ar.plan(corpus)
    ids = [r.id for r in refs]
    assert len(ids) == IDS and len(set(ids)) == IDS
    assert "wire-0001" in ids and "daily-0042" in ids
    assert any(i.endswith("metro/council.txt") for i in ids)
    wire = {r.id: r for r in refs}["wire-0001"]
    assert (wire.publisher, wire.date, wire.line) == ("Example Wire", "2024-05-02", 1)
    assert warnings == []
    assert [r.id for r in ar.plan(corpus)[0]] == ids  # same inputs, same ids, same order


def test_plan_reports_bad_lines_refuses_duplicates_and_stdin(corpus, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok-1", "text": "Mayor Park said the road would reopen."}\n'
                   "{not json\n"
                   '{"id": "no-text"}\n\n', encoding="utf-8")
    refs, warnings = ar.plan([str(bad)])
    assert [r.id for r in refs] == ["ok-1", f"{bad}:2", f"{bad}:3"]
    assert refs[0].error is None and refs[1].error and refs[2].error
    assert warnings == []
    # a repeated id is refused before anything runs (issue 16, point 8: tests/reliability/test_archive_resume.py)
    with open(bad, "a", encoding="utf-8") as fh:
        fh.write('{"id": "ok-1", "text": "A second article with the same id."}\n')
    with pytest.raises(ar.ArchiveError, match=r"bad.jsonl:5: document id 'ok-1' is already used by .*bad.jsonl:1"):
        ar.plan([str(bad)])
    with pytest.raises(ar.ArchiveError, match="stdin"):
        ar.plan(["-"])


def test_jsonl_article_loads_with_publisher_and_offsets(corpus):
    refs, _ = ar.plan(corpus)
    items = {i.id: i for i in ar.load_items(refs)}
    item = items["wire-0001"]
    assert item.error is None and item.source.publisher == "Example Wire"
    text = WIRE[0]["text"]
    assert item.source.text == text
    for b in item.source.blocks:
        assert text[b.start:b.end].strip() == b.text.strip()


def test_parse_dask_address():
    assert ar.parse_dask_address("local:3") == ("local", 3)
    assert ar.parse_dask_address("tcp://10.0.0.5:8786") == ("remote", None)
    # issue 16, point 12: a host whose name starts with "local" is an address
    assert ar.parse_dask_address("localhost:8786") == ("remote", None)
    for bad in ("local:0", "local:x", "local:-1"):
        with pytest.raises(ar.ArchiveError):
            ar.parse_dask_address(bad)


def test_jobs_and_dask_exclude_each_other(corpus, tmp_path):
    with pytest.raises(ar.ArchiveError, match="exclude"):
        ar.archive(corpus, tmp_path / "out", jobs=2, dask="local:2")


# ----------------------------------------------------------------- the results file (no stanza)

def _rec(doc_id: str, **kw) -> str:
    return json.dumps({"id": doc_id, "path": f"{doc_id}.txt", "attributions": [], "speakers": [],
                       "findings": [], **kw})


def test_results_cut_a_truncated_last_line(tmp_path):
    path = tmp_path / ar.DOCUMENTS
    path.write_text(_rec("a") + "\n" + _rec("b") + "\n" + _rec("c")[:25], encoding="utf-8")
    res = ar.Results(tmp_path)
    assert res.done == {"a", "b"} and res.dropped == 1
    assert path.read_text(encoding="utf-8") == _rec("a") + "\n" + _rec("b") + "\n"
    assert (tmp_path / ar.DAMAGED).read_text(encoding="utf-8") == _rec("c")[:25] + "\n"  # kept aside
    res.append([_rec("c")])
    res.close()
    assert [json.loads(x)["id"] for x in _lines(tmp_path)] == ["a", "b", "c"]


def test_results_move_damaged_lines_aside_and_read_the_last_record_of_an_id(tmp_path):
    path = tmp_path / ar.DOCUMENTS
    path.write_text(_rec("a") + "\n{garbage\n" + _rec("a", x=2) + "\n" + _rec("b") + "\n", encoding="utf-8")
    res = ar.Results(tmp_path)
    assert res.done == {"a", "b"} and res.dropped == 1
    res.close()
    assert [json.loads(x)["id"] for x in _lines(tmp_path)] == ["a", "a", "b"]
    assert (tmp_path / ar.DAMAGED).read_text(encoding="utf-8") == "{garbage\n"
    assert [(r["id"], r.get("x")) for r in ar.read_records(tmp_path)] == [("a", 2), ("b", None)]


def test_results_and_aggregate_agree_on_what_an_error_record_is(tmp_path):
    """One reader (``contract.is_error``): a record whose ``error`` is null is no error record,
    for the resume as for the statistics (the resume used to retry it, the aggregate counted it
    as audited)."""
    (tmp_path / ar.DOCUMENTS).write_text(_rec("a", error=None) + "\n" + json.dumps(
        {"id": "b", "path": "b.txt", "error": "cannot read: permission denied"}) + "\n", encoding="utf-8")
    res = ar.Results(tmp_path)
    assert (res.done, res.retry) == ({"a"}, {"b"})
    res.close()
    s = ar.aggregate(ar.read_records(tmp_path))
    assert (s["audited"], s["errors"]) == (1, 1)


def test_an_intact_file_is_left_untouched(tmp_path):
    path = tmp_path / ar.DOCUMENTS
    data = _rec("a") + "\n" + _rec("b") + "\n"
    path.write_text(data, encoding="utf-8")
    before = path.stat().st_mtime_ns
    res = ar.Results(tmp_path)
    res.close()
    assert res.done == {"a", "b"} and res.dropped == 0
    assert path.read_text(encoding="utf-8") == data and path.stat().st_mtime_ns == before
    assert not (tmp_path / ar.DAMAGED).exists()


# ----------------------------------------------------------------- the aggregate (no stanza)

def _doc(doc_id, publisher, speakers, attributions, findings=(), **kw):
    sp = [{"id": sid, "name": name, "kind": kind, "title": None, "role": role, "affiliation": aff,
           "mentions": []} for sid, name, kind, role, aff in speakers]
    at = [{"id": f"a{i}", "type": t, "speaker": s} for i, (t, s) in enumerate(attributions, 1)]
    fi = [{"rule": r, "severity": sev, "message": "m", "start": 0, "end": 1, "line": 1, "column": 1,
           "attributions": []} for r, sev in findings]
    rec = {"id": doc_id, "path": kw.pop("path", f"desk/{doc_id}.txt"), "model": "m-1",
           "attributions": at, "speakers": sp, "findings": fi, **kw}
    if publisher:
        rec["publisher"] = publisher
    return rec


RECORDS = [
    _doc("d1", "Wire", [("s1", "Linda Park", "person", "mayor", "Riverside"),
                        ("s2", "officials", "anonymous", None, "State Department")],
         [("direct", "s1"), ("indirect", "s1"), ("indirect", "s2"), ("direct", None)],
         [("anonymous-source", "warning"), ("unattributed-quote", "error")],
         publication_date="2024-01-02"),
    _doc("d2", "Wire", [("s1", "Linda Park", "person", "mayor", "Riverside"),
                        ("s2", "Riverside", "organization", None, None)],
         [("indirect", "s1"), ("mixed", "s2")], [("loaded-cue", "info")],
         publication_date="2023-06-30"),
    _doc("d3", "Daily", [("s1", "a senior official", "anonymous", None, "State Department"),
                         ("s2", "linda park", "person", None, None)],
         [("indirect", "s1"), ("indirect", "s1"), ("direct", "s2")],
         [("anonymous-source", "warning"), ("anonymous-source", "info")]),
    _doc("d4", None, [], [], path="desk-b/d4.txt"),
    {"id": "broken.txt", "path": "broken.txt", "error": "cannot read: permission denied"},
]


def test_aggregate_counts():
    s = ar.aggregate(RECORDS)
    assert (s["documents"], s["audited"], s["errors"]) == (5, 4, 1)
    assert s["attributions"]["total"] == 9
    assert s["attributions"]["by_type"] == {"direct": 3, "indirect": 5, "mixed": 1}
    assert s["attributions"]["documents_without_attributions"] == 1
    # 8 attributions have a speaker, 3 of them anonymous
    assert s["sources"] == {"with_speaker": 8, "anonymous": 3, "anonymous_share": 0.375}
    park = s["top_speakers"][0]
    assert (park["name"], park["attributions"], park["documents"], park["affiliation"]) == (
        "Linda Park", 4, 3, "Riverside")
    assert {r["name"]: r["attributions"] for r in s["top_anonymous"]} == {
        "a senior official": 2, "officials": 1}
    dept = next(r for r in s["top_affiliations"] if r["name"] == "State Department")
    assert (dept["attributions"], dept["anonymous"], dept["documents"]) == (3, 3, 2)
    by_rule = {r["rule"]: r for r in s["findings"]["by_rule"]}
    assert by_rule["anonymous-source"]["findings"] == 3 and by_rule["anonymous-source"]["documents"] == 2
    assert s["findings"]["by_severity"] == {"error": 1, "warning": 2, "info": 2}
    groups = {g["group"]: g for g in s["groups"]}
    assert set(groups) == {"Wire", "Daily", "desk-b"}
    assert groups["Wire"]["anonymous_share"] == 0.2 and groups["Daily"]["anonymous_share"] == 0.6667
    assert groups["desk-b"]["anonymous_share"] is None
    assert [y["year"] for y in s["years"]] == ["2023", "2024"]
    assert s["error_documents"] == [{"id": "broken.txt", "error": "cannot read: permission denied"}]


def test_aggregate_counts_a_document_once_per_speaker_and_affiliation():
    rec = _doc("d9", "Wire", [("s1", "Linda Park", "person", None, "Riverside"),
                              ("s2", "linda park", "person", None, "riverside")],
               [("direct", "s1"), ("indirect", "s2")])
    s = ar.aggregate([rec])
    assert [(r["name"], r["attributions"], r["documents"]) for r in s["top_speakers"]] == [
        ("Linda Park", 2, 1)]
    assert [(r["attributions"], r["documents"]) for r in s["top_affiliations"]] == [(2, 1)]


def test_aggregate_does_not_depend_on_record_order():
    assert ar.aggregate(RECORDS) == ar.aggregate(list(reversed(RECORDS)))


def _write_records(out: Path, records) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ar.DOCUMENTS, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")


def _report_args(results, fmt="text", chart=None):
    return argparse.Namespace(results=str(results), format=fmt, chart=chart)


def test_archive_report_json_csv_text_and_chart(tmp_path, capsys):
    out = tmp_path / "results"
    _write_records(out, RECORDS)
    with open(out / ar.DOCUMENTS, "a", encoding="utf-8") as fh:
        fh.write('{"id": "half-writ')  # an interrupted run's last line is ignored
    assert archive_report.run(_report_args(out, "json")) == 0
    assert json.loads(capsys.readouterr().out) == ar.aggregate(RECORDS)
    png = out / ar.CHART
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    chart = tmp_path / "custom.png"
    assert archive_report.run(_report_args(out, "csv", chart=str(chart))) == 0
    csv_out = capsys.readouterr().out.splitlines()
    assert csv_out[0] == "section,key,metric,value"
    assert "overview,,anonymous_share,0.375" in csv_out
    assert "group,Daily,anonymous_share,0.6667" in csv_out
    assert "rule,anonymous-source,findings,3" in csv_out
    assert chart.is_file()

    assert archive_report.run(_report_args(out)) == 0
    text = capsys.readouterr().out
    for needle in ("Per publisher/folder", "Linda Park", "State Department", "anonymous-source",
                   "37.5%", "broken.txt"):
        assert needle in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_archive_report_without_results_is_a_clean_error(tmp_path):
    from attribution.cli import main

    assert main(["archive-report", str(tmp_path / "nowhere")]) == 2


# ----------------------------------------------------------------- engines (stanza)

@pytest.fixture(scope="module")
def reference(corpus, parser, tmp_path_factory) -> list[str]:
    """The in-process run: the lines every other engine and resumed run must reproduce."""
    out = tmp_path_factory.mktemp("archive-ref")
    stats = ar.archive(corpus, out, batch_size=2, use_cache=False, progress=False, parser=parser)
    assert (stats.planned, stats.written, stats.skipped, stats.failed) == (IDS, IDS, 0, 0)
    return sorted(_lines(out))


@pytest.mark.stanza
def test_inprocess_records_are_the_json_contract(reference, corpus, parser):
    from attribution.audit import audit_source
    from attribution.load import load
    from attribution.report.json import document
    from attribution.report.schema import validate

    recs = {json.loads(x)["id"]: json.loads(x) for x in reference}
    assert len(recs) == IDS
    assert all("error" not in r for r in recs.values())
    assert {i: validate(r, "ArchiveDocument") for i, r in recs.items()} == {i: [] for i in recs}
    sample_id = next(i for i in recs if i.endswith(SAMPLE.name))
    rec = recs[sample_id]
    expected = document(audit_source(load(sample_id), parser))
    assert {k: v for k, v in rec.items() if k not in ("id", "model")} == expected
    assert rec["model"] == parser.model_id
    assert rec["attributions"], "the sample article has attributions"
    wire = recs["wire-0001"]
    assert (wire["publisher"], wire["publication_date"]) == ("Example Wire", "2024-05-02")
    text = WIRE[0]["text"]
    for a in wire["attributions"]:
        assert text[a["content"]["start"]:a["content"]["end"]] == a["content"]["text"]


@pytest.mark.stanza
def test_resume_after_a_kill_writes_every_document_exactly_once(reference, corpus, parser, tmp_path):
    out = tmp_path / "results"
    out.mkdir()
    # a run killed while writing its third record
    partial = reference[:2] + [reference[2][: len(reference[2]) // 2]]
    (out / ar.DOCUMENTS).write_text("\n".join(partial), encoding="utf-8")
    stats = ar.archive(corpus, out, batch_size=2, use_cache=False, progress=False, parser=parser)
    assert (stats.skipped, stats.written) == (2, IDS - 2)
    lines = _lines(out)
    ids = [json.loads(x)["id"] for x in lines]
    assert len(ids) == len(set(ids)) == IDS
    _assert_same(lines, reference)
    summary = json.loads((out / ar.SUMMARY).read_text(encoding="utf-8"))
    assert summary == ar.aggregate(ar.read_records(out))
    # nothing left to do: a third run writes nothing and changes nothing
    again = ar.archive(corpus, out, batch_size=2, use_cache=False, progress=False, parser=parser)
    assert (again.skipped, again.written) == (IDS, 0)
    _assert_same(_lines(out), reference)
    runs = [json.loads(x) for x in (out / ar.RUNS).read_text().splitlines()]
    assert [r["written"] for r in runs] == [IDS - 2, 0]
    from attribution.report.schema import validate  # every file of the run fits the JSON contract

    assert validate(summary, "ArchiveSummary") == []
    assert [validate(r, "RunRecord") for r in runs] == [[], []]
    assert [validate(json.loads(x), "ArchiveRecord") for x in lines] == [[]] * IDS


@pytest.mark.stanza
def test_dask_local_cluster_gives_the_same_records(reference, corpus, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "dask"
    stats = ar.archive(corpus, out, dask="local:2", batch_size=1, use_cache=False, progress=False)
    assert stats.engine == "dask" and stats.workers == 2 and stats.failed == 0
    assert stats.dashboard and stats.dashboard.startswith("http")
    _assert_same(_lines(out), reference)
    # each worker process built its pipeline once, for all the tasks it ran
    info = stats.worker_info
    assert len(info) == 2 and all(w["model_loads"] == 1 for w in info)
    assert sum(w["tasks"] for w in info) == IDS


@pytest.mark.stanza
@pytest.mark.slow
def test_process_pool_gives_the_same_records(reference, corpus, tmp_path):
    out = tmp_path / "pool"
    stats = ar.archive(corpus, out, jobs=2, batch_size=1, use_cache=False, progress=False)
    assert stats.engine == "pool" and stats.failed == 0
    _assert_same(_lines(out), reference)


def test_pool_engine_survives_pools_that_break(tmp_path):
    """A pool whose workers die (here: no model to load, so every worker dies at start) is
    rebuilt; each batch is given up after two broken pools and counted as failed (a rerun
    retries it) instead of the next batch's submit stopping the run (BrokenProcessPool)."""
    from attribution.archive.engines import _run_pool
    from attribution.archive.plan import Item
    from attribution.load import load_text

    src = load_text("The mayor said the budget was short.\n", path="a.txt", fmt="text")
    batches = iter([[Item(f"d{i}", "a.txt", src, None, None, None)] for i in range(6)])
    stats = ar.RunStats("pool", 2)
    written: list = []
    _run_pool(batches, ar.Options(models=str(tmp_path / "no-model")), written.extend, stats, 2)
    assert (stats.failed, written) == (6, [])
    assert len(stats.notes) == 1 and "BrokenProcessPool" in stats.notes[0]
