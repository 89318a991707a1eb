"""The per-document result cache (attribution.results): what a cached re-audit prints is
byte for byte what an uncached audit prints, in every format; the key changes with the text,
the configuration, the model and the package's code; a damaged, foreign or forged entry is a
miss, never a crash or a wrong report."""
from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from attribution import pipeline, results
from attribution.cache import ParseCache
from attribution.cli import main
from attribution.config import Config
from attribution.model import Block, Report, Source
from attribution.results import ResultCache, decode, encode

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = (
    "The county will close two of its four public libraries next spring, officials said on Monday, "
    "citing a budget gap of $3.2 million.\n\n"
    "\u201cWe have run out of places to cut,\u201d said Janet Okafor, the county executive. "
    "\u201cThis is the last thing any of us wanted.\u201d\n\n"
    "A library employee, who asked not to be named because she was not authorized to speak, said "
    "the staff had been told in March.\n\n"
    "Critics say the closures will hurt students who rely on the buildings after school. "
    "\u201cIt is a disgrace,\u201d one parent wrote.\n\n"
    "The union representing library workers denied that it had agreed to the plan."
)
OTHER = (
    "The harbor authority approved a new ferry schedule on Thursday, according to a statement.\n\n"
    "\u201cRiders asked for later boats, and they will get them,\u201d said Luis Ortega, the "
    "authority\u2019s director."
)


def _source(path: str, text: str) -> Source:
    blocks, pos = [], 0
    for para in text.split("\n\n"):
        start = text.index(para, pos)
        pos = start + len(para)
        blocks.append(Block(start, pos, para))
    return Source(path=path, text=text, blocks=tuple(blocks))


def _no_parse(report: Report) -> Report:
    doc = dataclasses.replace(report.resolved.document, sentences=())
    return dataclasses.replace(report, resolved=dataclasses.replace(report.resolved, document=doc))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("ATTRIBUTION_CACHE_DIR", str(d))
    return d


@pytest.fixture
def shared_parser(monkeypatch, parser):
    """The command line's Parser is the session's already-loaded one."""
    import attribution.parse

    monkeypatch.setattr(attribution.parse, "Parser", lambda models, *, threads=None: parser)
    return parser


def _cli(capsys, *argv) -> tuple[int, str]:
    rc = main(list(argv))
    out, _ = capsys.readouterr()
    return rc, out


# ---------------------------------------------------------------- same output, cached or not

@pytest.mark.stanza
@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "markdown", "html", "line", "github"])
def test_cached_output_is_byte_identical(fmt, tmp_path, cache_dir, shared_parser, capsys, monkeypatch):
    a, b = tmp_path / "libraries.txt", tmp_path / "ferry.md"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(OTHER, encoding="utf-8")
    argv = ["audit", str(a), str(b), "--fail-on", "warning", "--format", fmt, "--color", "never"]
    rc0, fresh = _cli(capsys, *argv, "--no-cache")
    assert not cache_dir.exists(), "--no-cache wrote a cache"
    rc1, cold = _cli(capsys, *argv)
    entries = sorted(p.read_bytes()[:4] for p in cache_dir.glob("??/*"))
    assert entries.count(b"ATRC") == 2, "one result entry per document"

    def no_analysis(*args, **kwargs):
        raise AssertionError("a cached document went through parse/extract/resolve")

    monkeypatch.setattr(pipeline, "_resolved", no_analysis)
    rc2, warm = _cli(capsys, *argv)
    assert fresh == cold == warm and fresh.strip()
    assert rc0 == rc1 == rc2


@pytest.mark.stanza
def test_report_round_trips_through_its_entry(parser, tmp_path):
    src = _source("libraries.txt", ARTICLE)
    store = ResultCache(tmp_path)
    key = store.key(src, parser, Config())
    report = pipeline.audit_source(src, parser, results=store)
    assert report.findings and report.resolved.attributions and report.resolved.speakers
    assert store.misses == 1 and store.hits == 0
    again = pipeline.audit_source(src, parser, results=store)
    assert store.hits == 1
    assert again == _no_parse(report) and again.source is src
    assert decode(json.loads(json.dumps(encode(report))), src) == _no_parse(report)
    assert store.get(key, src) == again


def test_every_field_of_the_analysis_has_a_stored_form():
    """A field added to Attribution, Speaker, Quotation, UnattributedQuote or Finding must be
    given its stored form in results._SPECS: until then nothing is cached (safe, but every
    re-audit runs the whole pipeline again)."""
    for cls, spec in results._SPECS.items():
        assert tuple(f.name for f in dataclasses.fields(cls)) == tuple(n for n, _ in spec), cls.__name__
    assert results._specs_current()


@pytest.mark.stanza
def test_jobs_serve_cached_documents_without_a_worker(cache_dir, shared_parser, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    from attribution import batch

    class Unreadable:  # a load error: passed through in its place
        path, message = "x.doc", "not valid text"

    sources = [_source("a.txt", ARTICLE), Unreadable(), _source("b.txt", OTHER)]
    first = list(batch.audit_many(sources, jobs=1, use_cache=True, progress=False))

    def no_worker(*args, **kwargs):
        raise AssertionError("a document the result cache holds was sent to a worker")

    monkeypatch.setattr(ProcessPoolExecutor, "submit", no_worker)
    again = list(batch.audit_many(sources, jobs=2, use_cache=True, progress=False))
    assert again[1] is sources[1]
    assert [_no_parse(r) for r in (first[0], first[2])] == [again[0], again[2]]
    assert batch.last_run["workers"] == {}


# ---------------------------------------------------------------- what the key depends on

class _Named:
    model_id, stanza_version = "compact-en-ewt-abc", "1.15.0"


def test_key_changes_with_text_config_model_and_code(monkeypatch):
    src = _source("a.txt", ARTICLE)
    base = ResultCache.key(src, _Named(), Config())
    assert base == ResultCache.key(_source("a.txt", ARTICLE), _Named(), Config())
    edited = _source("a.txt", ARTICLE.replace("Monday", "Tuesday"))
    assert ResultCache.key(edited, _Named(), Config()) != base
    assert ResultCache.key(_source("b.txt", ARTICLE), _Named(), Config()) != base
    for changed in (Config(select=("anonymous-source",)), Config(ignore=("loaded-cue",)),
                    Config(extra_cues=("opine",)), Config(anonymous_allow=("people familiar with",)),
                    Config(anonymous_allow_requires_reason=False),
                    Config(severity={"loaded-cue": "warning"})):
        assert ResultCache.key(src, _Named(), changed) != base, changed
    # the exit threshold and where the configuration came from change no finding
    assert ResultCache.key(src, _Named(), Config(fail_on="never", path="x.toml")) == base
    other_model = type("M", (), {"model_id": "official-en-default", "stanza_version": "1.15.0"})()
    other_stanza = type("S", (), {"model_id": _Named.model_id, "stanza_version": "1.16.0"})()
    assert ResultCache.key(src, other_model, Config()) != base
    assert ResultCache.key(src, other_stanza, Config()) != base
    assert ResultCache.key(src, object(), Config()) is None  # a stand-in parser: not cached
    suppressed = dataclasses.replace(src, blocks=(dataclasses.replace(src.blocks[0], suppress=frozenset({"*"})),
                                                  *src.blocks[1:]))
    assert ResultCache.key(suppressed, _Named(), Config()) != base
    monkeypatch.setattr(results, "_fingerprint", "another version of the code")
    assert ResultCache.key(src, _Named(), Config()) != base


def test_code_fingerprint_follows_code_and_data_not_bytecode_or_weights(tmp_path, monkeypatch):
    pkg = tmp_path / "attribution"
    shutil.copytree(ROOT / "attribution", pkg, ignore=shutil.ignore_patterns("models", "__pycache__"))
    (pkg / "models").mkdir()
    (pkg / "models" / "weights.pt").write_bytes(b"v1")

    def fingerprint():
        monkeypatch.setattr(results, "_fingerprint", None)
        monkeypatch.setattr(results, "_PACKAGE", pkg)
        return results.code_fingerprint()

    first = fingerprint()
    assert fingerprint() == first
    (pkg / "models" / "weights.pt").write_bytes(b"v2")  # the model id covers the weights
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert fingerprint() == first
    rule = pkg / "check" / "__init__.py"
    rule.write_text(rule.read_text() + "\n# edited\n")
    second = fingerprint()
    assert second != first
    data = pkg / "data" / "cues.toml"
    data.write_text(data.read_text() + "\n")
    assert fingerprint() not in (first, second)


def test_another_lexicon_is_not_served_from_the_cache(tmp_path, monkeypatch):
    from attribution.vocab import load_lexicon

    store = ResultCache(tmp_path)
    calls = []
    monkeypatch.setattr(store, "key", lambda *a: calls.append(a) or None)
    custom = load_lexicon(extra_cues=("opine",))
    src = _source("a.txt", "Nothing here.")
    monkeypatch.setattr(pipeline, "_resolved", lambda *a: (_ for _ in ()).throw(RuntimeError("ran")))
    with pytest.raises(RuntimeError):
        pipeline.audit_source(src, _Named(), config=Config(), lexicon=custom, results=store)
    assert calls == []  # not even looked up: the key does not know this lexicon
    with pytest.raises(RuntimeError):
        pipeline.audit_source(src, _Named(), config=Config(), results=store)
    assert len(calls) == 1


# ---------------------------------------------------------------- damaged and foreign entries

@pytest.fixture(scope="module")
def stored(parser, tmp_path_factory):
    """(source, report, entry bytes) for ARTICLE."""
    d = tmp_path_factory.mktemp("results")
    src = _source("libraries.txt", ARTICLE)
    store = ResultCache(d)
    report = pipeline.audit_source(src, parser, results=store)
    key = store.key(src, parser, Config())
    return src, report, key, (d / key[:2] / key[2:]).read_bytes()


def _payload_entry(key: str, value) -> bytes:
    from attribution.cache import wrap

    return wrap(results._HEADER, json.dumps([key, value]).encode())


def _forgeries(key: str, entry: bytes) -> dict[str, bytes]:
    from attribution.cache import unwrap, wrap

    value = unwrap(entry, results._HEADER)[1]
    out = {"empty": b"", "truncated": entry[: len(entry) // 2], "flipped": entry[:-3] + b"X" + entry[-2:],
           "parse-cache magic": b"ATPC" + entry[4:], "old format": entry[:4] + b"\x09" + entry[5:],
           "not json": wrap(results._HEADER, b'["' + key.encode() + b'", {]]'),
           "another key": _payload_entry("0" * 64, value)}

    def forged(name, edit):
        v = json.loads(json.dumps(value))
        edit(v)
        out[name] = _payload_entry(key, v)

    forged("offset past the text", lambda v: v["findings"][0].__setitem__(4, 10 ** 6))
    forged("unknown severity", lambda v: v["findings"][0].__setitem__(1, "fatal"))
    forged("bool for an int", lambda v: v["findings"][0].__setitem__(3, True))
    forged("missing field", lambda v: v["findings"][0].pop())
    forged("unknown speaker kind", lambda v: v["speakers"][0].__setitem__(2, "robot"))
    forged("span backwards", lambda v: v["attributions"][0].__setitem__(2, [[9, 3]]))
    forged("no content", lambda v: v["attributions"][0].__setitem__(2, []))
    forged("extra part", lambda v: v.__setitem__("code", "print(1)"))
    forged("no model", lambda v: v.pop("model"))
    forged("a string for a list", lambda v: v.__setitem__("speakers", "all"))
    forged("lone surrogate", lambda v: v["findings"][0].__setitem__(2, "\ud800"))
    return out


@pytest.mark.stanza
def test_damaged_or_forged_entries_are_misses_and_get_rewritten(stored, parser, tmp_path):
    src, report, key, entry = stored
    forgeries = _forgeries(key, entry)
    assert len(forgeries) == 18
    for name, data in forgeries.items():
        store = ResultCache(tmp_path / name.replace(" ", "-"))
        path = store.dir / key[:2] / key[2:]
        path.parent.mkdir(parents=True)
        path.write_bytes(data)
        assert store.get(key, src) is None, name
        again = pipeline.audit_source(src, parser, results=store)
        assert again == report, name  # audited afresh
        assert path.read_bytes() == entry, name  # and the entry rewritten


def test_entry_larger_than_the_text_allows_is_a_miss(tmp_path):
    src = _source("a.txt", "Short.")
    store = ResultCache(tmp_path)
    key = "ab" + "c" * 62
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / key[2:]).write_bytes(_payload_entry(key, {"pad": "x" * results.size_limit(src.text)}))
    assert store.get(key, src) is None and store.misses == 1


@pytest.mark.stanza
def test_cache_info_and_clear_include_result_entries(stored, tmp_path, capsys, monkeypatch):
    src, report, key, entry = stored
    parse = ParseCache(tmp_path)
    store = ResultCache(tmp_path)
    parse.put("ef" * 32, [[(1, "Short", "short", "ADJ", "JJ", "_", 0, "root", 0, 5, "O")]], "Short")
    store.put(key, report)
    assert (tmp_path / key[:2] / key[2:]).read_bytes() == entry
    assert parse.info()["entries"] == 2
    monkeypatch.setenv("ATTRIBUTION_CACHE_DIR", str(tmp_path))
    assert main(["cache", "clear"]) == 0
    assert "removed 2 cache entries" in capsys.readouterr().out
    assert parse.info()["entries"] == 0 and store.get(key, src) is None
