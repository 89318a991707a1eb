"""The parse stage's speed-ups give stanza's own parse (issue 15)."""
from __future__ import annotations

import numpy as np
import pytest

from .conftest import SAMPLE


def _log_softmax_rows(x):
    return (x - np.log(np.exp(x).sum(1, keepdims=True))).astype(np.float32)


def test_mst_one_root_is_stanzas_decoder():
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    from attribution.parse.depparse import _mst_one_root

    rng = np.random.default_rng(15)
    for _ in range(300):
        n = int(rng.integers(2, 40))
        scores = _log_softmax_rows(rng.normal(size=(n, n)) * rng.uniform(0.5, 5))
        expected = chuliu_edmonds_one_root(scores)
        got = _mst_one_root(scores)
        assert got.tolist() == expected.tolist()
        assert int((got[1:] == 0).sum()) == 1


def test_greedy_tree_only_when_the_argmax_is_a_tree_with_one_root():
    from attribution.parse.depparse import _greedy_tree

    def scores(heads):
        n = len(heads) + 1
        s = np.full((n, n), -5.0)
        for dep, head in enumerate(heads, 1):
            s[dep, head] = -0.1
        return s

    assert _greedy_tree(scores([2, 0, 2])).tolist() == [0, 2, 0, 2]
    assert _greedy_tree(scores([0, 0, 2])) is None          # two roots
    assert _greedy_tree(scores([2, 3, 1])) is None          # no root: a cycle
    assert _greedy_tree(scores([2, 0, 4, 3])) is None       # a cycle beside the root's tree


@pytest.mark.stanza
def test_fast_parser_gives_stanzas_parse(parser):
    from attribution.modelset import resolve
    from attribution.parse import Parser, _fast_depparse_process

    assert parser._nlp.processors["depparse"].process.__func__ is _fast_depparse_process
    stock = Parser(resolve(), threads=1, stock=True)
    assert "process" not in vars(stock._nlp.processors["depparse"])
    texts = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    texts.append("The senator, who said she would not run again, denied that she had met him, "
                 "and her spokesman told reporters the claims were false.")
    # words the lemmatizer's dictionary lacks: decoded once, then remembered (lemma_store_results)
    texts.append("Zorblatting quixotically, the Vandermeerts said the flibbergasts were unbudgeable.")
    expected = stock.parse_texts(texts)
    assert sum(len(s) for doc in expected for s in doc) > 300
    assert parser.parse_texts(texts) == expected
    assert parser.parse_texts(texts[::-1]) == expected[::-1]  # second time from the memos


@pytest.mark.stanza
def test_loading_the_model_builds_no_optimizer():
    # an optimizer imports torch._dynamo (a second or more of every cold audit)
    import subprocess
    import sys

    code = ("import sys; from attribution.modelset import resolve; from attribution.parse import Parser; "
            "p = Parser(resolve(), threads=1); p.parse_texts(['He said so.']); "
            "print('torch._dynamo' in sys.modules, p._nlp.processors['tokenize'].trainer.optimizer)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "None"]


def test_only_the_packages_own_model_files_skip_the_weights_only_unpickler(tmp_path):
    from attribution.parse.memo import _package_files_load

    calls = []
    load = _package_files_load(lambda f, *a, **k: calls.append((str(f), k.get("weights_only"))), tmp_path / "pkg")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "pkg" / "link.pt").symlink_to(tmp_path / "other" / "x.pt")
    load(str(tmp_path / "pkg" / "en_ewt_parser.pt"), weights_only=True)
    load(tmp_path / "other" / "en_ewt_parser.pt", weights_only=True)
    load(str(tmp_path / "pkg" / "link.pt"), weights_only=True)           # a link out of the package
    load(str(tmp_path / "pkg" / ".." / "other" / "x.pt"), weights_only=True)
    assert [w for _, w in calls] == [False, True, True, True]


def test_fast_long_tensor_is_stanzas():
    # the tagger's, parser's and lemmatizer's padded id tensors, built in whole-array steps
    import random

    import torch
    from stanza.models.common.data import get_long_tensor

    from attribution.parse.tensors import _long_tensor

    rng = random.Random(15)
    for _ in range(300):
        n = rng.randint(1, 12)
        depth = rng.choice([None, 1, 3, 21])
        rows = []
        for _ in range(n):
            words = rng.randint(0 if rows and depth is None else 1, 30)  # a later row may be empty
            if depth is None:
                rows.append([rng.randint(0, 60000) for _ in range(words)])
            else:
                rows.append([[rng.randint(0, 40) for _ in range(depth)] for _ in range(words)])
        batch = n + rng.choice([0, 0, 2])
        expected = get_long_tensor(rows, batch)
        got = _long_tensor(rows, batch, 0)
        assert got is not None and got.dtype == expected.dtype == torch.int64
        assert got.shape == expected.shape and torch.equal(got, expected)
    # shapes stanza's function handles differently are left to it
    assert _long_tensor([[[1, 2], [3]]], 1, 0) is None
    assert _long_tensor([[1, [2]]], 1, 0) is None


def test_fast_long_tensor_only_inside_our_parse():
    from stanza.models.pos import data as pos_data

    from attribution.parse import tensors

    tensors.install()
    calls = []
    real = tensors._long_tensor
    tensors._long_tensor = lambda *a: calls.append(a) or real(*a)
    try:
        pos_data.get_long_tensor([[1, 2]], 1)
        assert calls == []  # a stock pipeline's call: stanza's own function
        with tensors.ours():
            out = pos_data.get_long_tensor([[1, 2], [3]], 2)
        assert len(calls) == 1 and out.tolist() == [[1, 2], [3, 0]]
    finally:
        tensors._long_tensor = real


def test_deferred_modules_run_only_when_read():
    # the command line defers what stanza imports and an audit never reads (issue 15)
    import subprocess
    import sys

    code = ("import sys; from attribution.parse.lazy import defer; print(sorted(defer())); "
            "import stanza, torch; from stanza.models.common import doc; "
            "print([getattr(sys.modules[n], '__attribution_deferred__', False) "
            "for n in ('torch._meta_registrations', 'networkx', 'requests')]); "
            "import networkx; g = networkx.DiGraph(); g.add_edge(1, 2); "
            "print(networkx.is_directed_acyclic_graph(g), '__attribution_deferred__' in vars(networkx)); "
            "print(torch.nn.LSTM(3, 4)(torch.ones(2, 1, 3))[0].shape == (2, 1, 4)); "
            # stanza's scorer imports the UD validator package's udeval module: that one alone
            "print(vars(sys.modules['udtools']).get('__attribution_deferred__'), "
            "sys.modules['udtools.udeval'].UDError.__name__, 'udtools.validator' in sys.modules); "
            "import udtools; print(udtools.Validator.__name__, 'udtools.validator' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[4:6] == ["True UDError False", "Validator True"]
    assert out.stdout.split("\n")[:4] == [
        "['emoji', 'networkx', 'requests', 'torch._meta_registrations', 'udtools']", "[True, True, True]",
        "True False", "True"]


@pytest.mark.stanza
def test_cold_start_defers_torchs_unused_parts_and_freezes_the_loaded_model(tmp_path):
    # the command line's cold start (issue 15): torch's subpackages an audit never reads stay
    # stand-ins through a whole audit, the collector is back on with the model frozen out of
    # it, and the report is byte for byte the one a plain process (nothing deferred) writes
    import json
    import os
    import subprocess
    import sys

    from attribution.parse import lazy

    code = ("import gc, sys, json; from attribution.parse import lazy; from attribution.cli import main; "
            "'--plain' in sys.argv and setattr(lazy, 'cold_start', lambda: []); "
            "args = ['audit', sys.argv[1], '-o', sys.argv[2], '--no-cache', '--format', 'json', '--fail-on', 'never']; "
            "'--cached' in sys.argv and args.remove('--no-cache'); "
            "rc = main(args, cold_start=True); "
            "left = [n for n in lazy.DEFERRED + lazy.TORCH_UNUSED if vars(sys.modules.get(n, lazy)).get('__attribution_deferred__')]; "
            "print(json.dumps([rc, left, gc.isenabled(), gc.get_freeze_count() > 100000]))")
    env = dict(os.environ, PYTHONPATH=str(SAMPLE.parent.parent))
    got = {}
    # --cached: into an empty cache, the model needed only once the parse has begun (the stages'
    # thread already started when torch's library opens)
    for mode in ("--cold", "--plain", "--cached"):
        out = tmp_path / f"{mode[2:]}.json"
        proc = subprocess.run([sys.executable, "-c", code, str(SAMPLE), str(out), mode], capture_output=True,
                              text=True, timeout=600, env=dict(env, ATTRIBUTION_CACHE_DIR=str(tmp_path / "cache")))
        assert proc.returncode == 0, proc.stderr
        got[mode] = json.loads(proc.stdout.strip().splitlines()[-1]), out.read_text(encoding="utf-8")
    rc, left, enabled, frozen = got["--cold"][0]
    assert rc == 0 and enabled and frozen
    if lazy._torch_release().startswith(lazy.TORCH_RELEASE):
        assert set(lazy.TORCH_UNUSED) <= set(left), set(lazy.TORCH_UNUSED) - set(left)
    assert got["--plain"][0][1:] == [[], True, False]  # the plain process: nothing deferred or frozen
    assert got["--cold"][1] == got["--plain"][1] == got["--cached"][1]
    assert got["--cached"][0][0] == 0 and (tmp_path / "cache").is_dir()
    assert '"findings"' in got["--cold"][1]


def test_deferred_torch_parts_work_when_read():
    # a stand-in runs the real subpackage the first time anything reads it
    import subprocess
    import sys

    code = ("from attribution.parse import lazy; done = lazy.cold_start(); import torch; "
            "assert (set(lazy.TORCH_UNUSED) <= set(done)) == lazy._torch_release().startswith(lazy.TORCH_RELEASE), done; "
            "print(float(torch.distributions.Normal(0.0, 2.0).stddev), "
            "torch.nested.nested_tensor([torch.ones(2), torch.ones(3)]).is_nested, "
            "torch.masked.masked_tensor(torch.ones(2), torch.tensor([True, False])).shape == (2,), "
            "torch.testing.assert_close(torch.ones(1), torch.ones(1)) is None, "
            "callable(torch.export.export), callable(torch.compiler.is_compiling), "
            "hasattr(torch.multiprocessing, 'Queue'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["2.0"] + ["True"] * 6


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="dlopen: Linux only")
def test_torch_library_opens_in_a_thread_before_torch_is_imported():
    # the command line's cold start opens libtorch_cpu.so from a thread (interpreter lock let
    # go) while the stages get ready; torch's own import then finds it loaded and works as
    # shipped; a process without the cold start, or with torch imported, opens nothing ahead
    import subprocess
    import sys

    code = ("import sys; from attribution.parse import lazy; "
            "print(lazy.open_torch_libraries()); lazy.cold_start(); t = lazy.open_torch_libraries(); "
            "t.join(); print(t.daemon, 'torch' in sys.modules, "
            "'libtorch_cpu.so' in open('/proc/self/maps').read()); "
            "import torch; print(torch.nn.LSTM(3, 4)(torch.ones(2, 1, 3))[0].shape == (2, 1, 4), "
            "lazy.open_torch_libraries())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:3] == ["None", "True False True", "True None"]


def test_model_loading_finds_a_frames_module_from_its_namespace():
    # while the model loads after the cold start, inspect.getmodule answers a frame from the
    # namespace it runs in (torch's operator registrations asked for it by file, through the
    # real path of every module imported); the same answers, and inspect as it was afterwards
    import inspect
    import sys
    import types

    from attribution.parse import lazy

    getmodule = inspect.getmodule
    here = sys._getframe()
    elsewhere = {}
    exec("import sys; frame = sys._getframe()", {"__name__": "not_a_module"}, elsewhere)
    fast = lazy._frame_module(getmodule)
    assert fast(here) is sys.modules[__name__] is getmodule(here)
    assert fast(elsewhere["frame"]) is getmodule(elsewhere["frame"])  # not a module's namespace
    assert fast(types) is types and fast(inspect.getsource) is inspect
    with lazy.model_loading():  # no cold start in this process: inspect as shipped
        assert inspect.getmodule is getmodule
    monkey = pytest.MonkeyPatch()
    monkey.setattr(lazy, "_freeze_after_load", True)
    monkey.setattr("gc.freeze", lambda: None)  # this process's collector stays as it is
    try:
        with lazy.model_loading():
            assert inspect.getmodule is not getmodule
            assert inspect.getmodule(here) is sys.modules[__name__]
            assert inspect.getframeinfo(here).code_context  # the source line is still read
    finally:
        monkey.undo()
    assert inspect.getmodule is getmodule


LONG_PARAGRAPH = (
    "The council's budget committee met for almost four hours on Tuesday evening, and by the end "
    "of it the members had agreed on very little beyond the date of their next meeting. Harold "
    "Okafor, who chairs the committee, said the city could not keep paying for road repairs out of "
    "its reserve fund, which had fallen to its lowest level in a decade. \"We are spending money we "
    "do not have on problems we keep putting off,\" he told the room. Two members, Marta Lindqvist "
    "and Dev Anand, argued that the reserve existed precisely for years like this one, when the "
    "state had cut its transport grant by a fifth and the winter had left potholes on nearly every "
    "arterial road. Lindqvist said residents had filed more than 2,300 complaints since January, "
    "according to figures from the public works department, and that delaying the repairs would "
    "only raise their cost. A spokeswoman for the mayor, who was not at the meeting, said the "
    "mayor's office would present its own proposal next week. Several residents who spoke during "
    "the public comment period said they had waited months for repairs on their streets; one, a "
    "retired bus driver from the east side, said he had stopped driving at night altogether."
)


@pytest.mark.stanza
def test_tokenizer_skips_finished_paragraphs_in_a_long_paragraphs_later_windows(parser, monkeypatch):
    # a paragraph of over 1,000 characters is tokenized in windows; the later windows run only
    # the paragraphs with text left (attribution/parse/tokenize.py): same tokens and sentences
    from attribution.modelset import resolve
    from attribution.parse import Parser

    assert len(LONG_PARAGRAPH) > 1000
    texts = ["Road repairs stall as council splits over reserve fund", LONG_PARAGRAPH,
             "Okafor said the committee would meet again on March 3.",
             "\"It is not a crisis yet,\" Anand said. \"But it will be.\"",
             "The mayor's office did not respond to a request for comment on Wednesday."]
    trainer = parser._nlp.processors["tokenize"]._trainer
    assert "predict" in vars(trainer)  # the wrapper is installed on our pipeline only
    ran = []  # the rows the network ran on, per window
    network = type(trainer).predict
    monkeypatch.setattr(type(trainer), "predict", lambda self, inputs: ran.append(len(inputs[3])) or network(self, inputs))
    got = parser.parse_texts(texts)
    monkeypatch.undo()
    assert ran == [5, 1]  # the second window: the long paragraph alone, not four rows of padding
    stock = Parser(resolve(), threads=1, stock=True)
    assert "predict" not in vars(stock._nlp.processors["tokenize"]._trainer)
    assert got == stock.parse_texts(texts)
    assert len(got[1]) >= 6  # the long paragraph's seven sentences


@pytest.mark.stanza
def test_lemmatizer_stops_decoding_words_it_keeps_as_they_are():
    # a name's lemma is the name ("identity" edit): the greedy decoder need not spell it
    from attribution.modelset import resolve
    from attribution.parse import Parser

    text = ("Councillor Bartholomew Featherstonehaugh-Quigley and Wojciechowska-Szymanska "
            "of Kazmierczakowo said the Zorblatting flibbergasts were unbudgeable.")
    steps = {}
    results = {}
    for name, p in (("ours", Parser(resolve(), threads=1)), ("stock", Parser(resolve(), threads=1, stock=True))):
        model = p._nlp.processors["lemma"].trainer.model
        decode = model.decode
        count = [0]

        def counted(*a, count=count, decode=decode, **k):
            count[0] += 1
            return decode(*a, **k)

        model.decode = counted
        results[name] = p.parse_texts([text])
        steps[name] = count[0]
    assert results["ours"] == results["stock"]
    lemmas = {w.text: w.lemma for s in results["ours"][0] for w in s}
    assert lemmas["Featherstonehaugh"] == "Featherstonehaugh" and lemmas["said"] == "say"
    assert 0 < steps["ours"] < steps["stock"]


def test_cold_audit_prepares_the_stages_once_while_torchs_library_opens(monkeypatch):
    # a cold audit with the parse cache on: _resolved starts the thread that prepares the stages
    # before the parse reaches LazyParser.real, which opens torch's library in a thread; real must
    # not prepare the same stages again in the main thread at the same time (it did: two threads
    # importing and loading the same word lists at once)
    import threading
    import time

    import attribution.parse as parse_pkg
    from attribution import pipeline
    from attribution.parse import lazy

    ran = []

    def prepare():
        ran.append(threading.current_thread().name)
        time.sleep(0.2)

    class Stop(Exception):
        pass

    def parse(source, parser, cache=None):
        parser.real()
        raise Stop

    opened = threading.Thread(target=lambda: None)
    monkeypatch.setattr(lazy, "_freeze_after_load", True)
    monkeypatch.setattr(lazy, "open_torch_libraries", lambda: opened.start() or opened)
    monkeypatch.setattr(lazy, "model_loading", __import__("contextlib").nullcontext)
    monkeypatch.setattr(parse_pkg, "Parser", lambda models, threads=None: "the parser")
    monkeypatch.setattr(parse_pkg, "parse", parse)
    monkeypatch.setattr(pipeline, "_prepare_stages", prepare)
    monkeypatch.setattr(pipeline, "_preparing", None)
    monkeypatch.setattr(pipeline, "_prepared", False)
    lazy_parser = object.__new__(pipeline.LazyParser)
    lazy_parser.models, lazy_parser.threads, lazy_parser._real = None, None, None
    with pytest.raises(Stop):
        pipeline._resolved(None, lazy_parser, None, None)
    pipeline._preparing.join()
    assert lazy_parser._real == "the parser" and not opened.is_alive()
    assert ran == ["attribution-prepare-stages"]
