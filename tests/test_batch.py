"""Batch auditing: one model per process, input order, same reports whatever --jobs."""
from __future__ import annotations

import dataclasses

import pytest

from attribution import batch
from attribution.model import Block, Report, Source

from .conftest import SAMPLE

BRIDGE = (
    "The mayor said on Tuesday that the bridge would reopen in May.\n\n"
    "\u201cWe are not going to wait another winter,\u201d said Maria Lopez, a spokeswoman for the city.\n\n"
    "Officials, speaking on condition of anonymity, said the repairs were months behind schedule."
)
SCHOOL = (
    "According to the district, 40 teachers resigned last year.\n\n"
    "The union denied that pay was the reason. \u201cIt is the workload,\u201d its president, "
    "Tom Reyes, told reporters."
)


def _source(path: str, text: str) -> Source:
    blocks, pos = [], 0
    for para in text.split("\n\n"):
        start = text.index(para, pos)
        pos = start + len(para)
        if para.strip():
            blocks.append(Block(start, pos, para))
    return Source(path=path, text=text, blocks=tuple(blocks))


def _no_parse(report: Report) -> Report:
    doc = dataclasses.replace(report.resolved.document, sentences=())
    return dataclasses.replace(report, resolved=dataclasses.replace(report.resolved, document=doc))


class Unreadable:
    """Stands in for a load error: passed through unchanged, in its place."""

    def __init__(self, path):
        self.path = path
        self.message = "not valid text"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ATTRIBUTION_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def counted(monkeypatch, parser):
    """Replace Parser with a counter that hands out the session's already-loaded parser."""
    import attribution.parse

    built = []

    def factory(models, *, threads=None):
        built.append(models.id)
        return parser

    monkeypatch.setattr(attribution.parse, "Parser", factory)
    return built


def test_inputs_that_are_not_sources_pass_through_without_loading_a_model(monkeypatch, capsys):
    import attribution.parse

    def boom(*a, **k):
        raise AssertionError("no Source: the model must not be loaded")

    monkeypatch.setattr(attribution.parse, "Parser", boom)
    errors = [Unreadable("a.doc"), Unreadable("b.pdf")]
    assert list(batch.audit_many(errors, jobs=1)) == errors
    assert list(batch.audit_many(errors, jobs=3)) == errors
    assert capsys.readouterr().err == ""


@pytest.mark.stanza
def test_one_model_for_many_files_in_input_order(counted, capsys):
    sources = [_source("bridge.txt", BRIDGE), Unreadable("x.doc"), _source("school.txt", SCHOOL),
               _source("sample.txt", SAMPLE.read_text(encoding="utf-8"))]
    out = list(batch.audit_many(sources, jobs=1, use_cache=False, progress=True))
    assert len(counted) == 1  # loaded once, for three documents
    assert out[1] is sources[1]
    assert [r.source.path for r in out if isinstance(r, Report)] == ["bridge.txt", "school.txt", "sample.txt"]
    assert all(r.source is s for r, s in zip(out, sources) if isinstance(r, Report))
    quotes = [a for a in out[0].resolved.attributions if a.type in ("direct", "mixed")]
    assert quotes, "the Lopez quote in the bridge story was not found"
    # stderr is not a terminal under pytest: no progress bar
    assert capsys.readouterr().err == ""


@pytest.mark.stanza
def test_cache_gives_the_same_reports(counted, tmp_path):
    sources = [_source("bridge.txt", BRIDGE), _source("school.txt", SCHOOL)]
    fresh = list(batch.audit_many(sources, use_cache=False))
    cold = list(batch.audit_many(sources, use_cache=True))
    loads = len(counted)
    warm = list(batch.audit_many(sources, use_cache=True))
    assert fresh == cold
    # warm comes from the result cache: the same analysis, without the parse (attribution.results)
    assert [r.resolved.document.sentences for r in warm] == [(), ()]
    assert [_no_parse(r) for r in warm] == [_no_parse(r) for r in fresh]
    assert len(counted) == loads, "every paragraph was cached: the model must not be loaded"
    assert any((tmp_path / "cache").rglob("*")), "nothing was cached"


@pytest.mark.stanza
def test_jobs_two_gives_identical_reports_with_one_model_per_worker(counted):
    sources = [_source("bridge.txt", BRIDGE), Unreadable("x.doc"), _source("school.txt", SCHOOL),
               _source("bridge-again.txt", BRIDGE)]
    serial = list(batch.audit_many(sources, jobs=1, use_cache=False))
    pooled = list(batch.audit_many(sources, jobs=2, use_cache=False))
    workers = dict(batch.last_run["workers"])
    assert pooled[1] is sources[1]
    assert pooled == serial
    from attribution.report import render

    def as_json(reports):
        return render([r for r in reports if isinstance(r, Report)], "json", tool={"name": "attribution"})

    assert as_json(pooled) == as_json(serial)  # byte-identical output
    assert 1 <= len(workers) <= 2
    assert set(workers.values()) == {1}, workers  # each worker built its Parser exactly once
    # the same through a shared cache, written by two processes
    cached = list(batch.audit_many(sources, jobs=2, use_cache=True))
    assert cached == serial
