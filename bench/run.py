"""Benchmark: is the parse the whole cost of an audit, and does the cache pay?

    python bench/run.py            # PolNeAR dev texts when ../shared is present, else corpus/*.txt
    python bench/run.py --quick    # a handful of documents, under a minute
    python bench/run.py --limit 20 --profile build/bench-profile.txt

Measured in one process, on the same texts and the same loaded model:

* parse_tokens_per_s  stanza's stock pipeline (tokenize, mwt, pos, lemma, depparse; ``Parser(stock=True)``)
  with the same model, alone, on the same paragraph texts and batches as the parse stage;
* audit_tokens_per_s  load -> ``audit_source`` (parse, extract, resolve, check) with no cache;
  audit_over_parse is their ratio (1.0 = the audit, parse included, is as fast as stanza's stock
  parse alone; the audit's own parse is faster than stock, see attribution/parse.py);
* cached_speedup      a cold audit into empty caches vs re-auditing the same files (the result cache
  serves each unchanged document; the parse cache each unchanged paragraph);
* edit_speedup        the cold audit vs re-auditing after one paragraph per document was edited;
* help_seconds        ``attribution --help`` wall time in a fresh interpreter, best of 5;
* cold_audit_seconds  ``attribution audit DRAFT --no-cache`` in a fresh interpreter on a 500-word draft
  (the sample article plus a draft's opening, from corpus/), median of 3, with the package's bytecode
  compiled first (as installing it does): imports, model load, parse, audit, report; the model
  files are in the page cache after the first run;
* peak_rss_mb         this process's peak resident set (ru_maxrss), with both pipelines loaded (the audit's
  and the stock baseline: about 0.3 GB more than an audit alone).

The raw parse and the uncached audit alternate document by document so that background load
hits both alike.  The last line printed is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("ATTRIBUTION_SHARED", ROOT.parent / "shared"))
POLNEAR_DEV = SHARED / "corpus" / "polnear" / "dev.jsonl"
TARGETS = {"audit_over_parse": (">=", 2.0), "cold_audit_seconds": ("<=", 2.0), "cached_speedup": (">=", 20.0), "edit_speedup": (">=", 5.0),
           "help_seconds": ("<=", 0.3), "peak_rss_mb": ("<=", 1500.0)}
EDIT = " Officials declined to comment further on Monday."


# ------------------------------------------------------------------ inputs

def corpus(quick: bool, limit: int | None) -> tuple[str, list[tuple[str, str]]]:
    if POLNEAR_DEV.is_file():
        docs = []
        with open(POLNEAR_DEV, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                docs.append((rec["id"], rec["text"]))
        name = "PolNeAR dev"
    else:
        docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus").glob("*.txt"))]
        name = "corpus/*.txt"
    if quick:
        # a spread of lengths, not the first few
        docs = sorted(docs, key=lambda d: len(d[1]))
        docs = [docs[i] for i in sorted({int(k * (len(docs) - 1) / 4) for k in (1, 2, 3)})]
    if limit:
        docs = docs[:limit]
    return name, docs


def make_source(path: str, text: str):
    """A Source the way ``attribution audit`` would build it from this text."""
    try:
        from attribution.load import load_text
    except ImportError:
        load_text = None
    if load_text is not None:
        return load_text(text, path=path)
    from attribution.model import Block, Source

    blocks, pos = [], 0
    for para in text.split("\n\n"):
        start = text.index(para, pos)
        pos = start + len(para)
        stripped = para.strip()
        if stripped:
            s = start + para.index(stripped)
            blocks.append(Block(s, s + len(stripped), stripped))
    return Source(path=path, text=text, blocks=tuple(blocks))


def edited(source) -> tuple[str, int]:
    """The source's text with one paragraph (the middle one) edited."""
    blocks = source.blocks
    b = blocks[len(blocks) // 2]
    return source.text[:b.end] + EDIT + source.text[b.end:], len(blocks) // 2


# ------------------------------------------------------------------ timing helpers

class StageClock:
    """Wraps the stage functions ``audit_source`` looks up at call time, to time each stage."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.enabled = False
        self._undo = []

    def wrap(self, module, attr: str, label: str) -> None:
        fn = getattr(module, attr)

        def timed(*a, **k):
            if not self.enabled:
                return fn(*a, **k)
            t = time.perf_counter()
            try:
                result = fn(*a, **k)
                if label == "extract" and hasattr(result, "__next__"):
                    result = list(result)  # a generator: charge the work to extract
                return result
            finally:
                self.seconds[label] += time.perf_counter() - t

        setattr(module, attr, timed)
        self._undo.append((module, attr, fn))


def help_seconds() -> float:
    exe = Path(sys.executable).parent / "attribution"
    cmd = [str(exe), "--help"] if exe.is_file() else [sys.executable, "-m", "attribution.cli", "--help"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        best = min(best, time.perf_counter() - t)
    return best


def draft_500(directory: Path) -> Path:
    """A 500-word draft from the project's own texts (no corpus text outside the project)."""
    words: list[str] = []
    paras = []
    drafts = sorted(p for p in (ROOT / "corpus" / "drafts").glob("*.md") if not p.name.startswith("README"))
    for path in [ROOT / "corpus" / "russia-sdf-syria.txt", *drafts]:  # news copy only, not the drafts' README
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            para = para.strip()
            if not para or para.startswith(("#", "---", "<!--")) or ":" in para.split("\n")[0][:20]:
                continue
            paras.append(para)
            words += para.split()
            if len(words) >= 500:
                out = directory / "draft-500.txt"
                out.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
                return out
    raise RuntimeError("corpus/ has fewer than 500 words")


def cold_audit_seconds(draft: Path) -> float:
    exe = Path(sys.executable).parent / "attribution"
    cmd = [str(exe)] if exe.is_file() else [sys.executable, "-m", "attribution.cli"]
    cmd += ["audit", str(draft), "--no-cache", "--fail-on", "never", "--format", "json"]
    # bytecode as an installed package has it (pip compiles on install), even where
    # PYTHONDONTWRITEBYTECODE is set: else every timed run compiles the package's ~110 modules
    # from source (~0.3 s); __pycache__ is ignored by git
    import compileall

    compileall.compile_dir(str(ROOT / "attribution"), quiet=1)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        runs.append(time.perf_counter() - t)
    return sorted(runs)[1]


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "load_avg_1m": round(load, 2) if load is not None else None}


# ------------------------------------------------------------------ main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="three documents; under a minute")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--models", default=None, help="model directory (default: as attribution resolves it)")
    ap.add_argument("--profile", metavar="FILE", help="also profile the uncached audits with pyinstrument")
    ap.add_argument("--threads", type=int, default=None,
                    help="torch threads (default: what `attribution audit` uses, batch.default_threads())")
    args = ap.parse_args(argv)

    cache_dir = tempfile.mkdtemp(prefix="attribution-bench-cache-")
    os.environ["ATTRIBUTION_CACHE_DIR"] = cache_dir
    try:
        return run(args, Path(cache_dir))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)


def run(args, cache_dir: Path) -> int:
    import attribution.parse as parse_mod
    from attribution.cache import ParseCache
    from attribution.modelset import resolve
    from attribution.results import ResultCache
    from attribution.parse import BATCH_BLOCKS, Parser

    t0 = time.perf_counter()
    help_s = help_seconds()  # first: nothing of ours is warm in the OS cache beyond this
    cold_s_audit = cold_audit_seconds(draft_500(cache_dir))
    corpus_name, docs = corpus(args.quick, args.limit)
    models = resolve(args.models)
    t = time.perf_counter()
    from attribution.batch import default_threads

    parser = Parser(models, threads=args.threads or default_threads())
    load_s = time.perf_counter() - t
    stock = Parser(models, threads=args.threads or default_threads(), stock=True)  # the denominator
    import stanza
    import torch

    clock = StageClock()
    clock.wrap(parse_mod, "parse", "parse")
    full = True
    try:
        import attribution.check as check_mod
        import attribution.extract as extract_mod
        import attribution.resolve as resolve_mod
        from attribution.audit import audit_source
        from attribution.config import Config
        from attribution.vocab import load_lexicon

        config = Config()
        lexicon = load_lexicon(extra_cues=config.extra_cues)
        clock.wrap(extract_mod, "extract", "extract")
        clock.wrap(resolve_mod, "resolve", "resolve")
        clock.wrap(check_mod, "check", "check")

        def audit(src, cache=None, results=None):
            return audit_source(src, parser, config=config, lexicon=lexicon, cache=cache, results=results)
    except ImportError as exc:  # a stage not written yet: measure what exists
        full = False
        print(f"note: {exc}; 'audit' below is load + parse only", file=sys.stderr)

        def audit(src, cache=None, results=None):
            return parse_mod.parse(src, parser, cache=cache)

    # parse_texts = stanza + conversion to word tuples
    inner = parser.parse_texts

    def timed_parse_texts(texts):
        t = time.perf_counter()
        try:
            return inner(texts)
        finally:
            if clock.enabled:
                clock.seconds["stanza+tuples"] += time.perf_counter() - t

    parser.parse_texts = timed_parse_texts

    def raw(src) -> int:
        texts = [b.text for b in src.blocks]
        n = 0
        for lo in range(0, len(texts), BATCH_BLOCKS):
            out = stock._nlp([stanza.Document([], text=x) for x in texts[lo:lo + BATCH_BLOCKS]])
            n += sum(len(s.words) for d in out for s in d.sentences)
        return n

    # warm-up: first calls into torch allocate and pick kernels
    warm = make_source("warm", docs[0][1])
    raw(warm)
    audit(warm)

    # time inside each stanza processor (tokenize, mwt, pos, lemma, depparse), during the audits
    for name, proc in parser._nlp.processors.items():
        clock.wrap(proc, "bulk_process", f"stanza {name}")

    # 1+2. raw stanza vs uncached audit, alternating per document
    tokens = 0
    raw_s = audit_s = raw_cpu = audit_cpu = 0.0
    for path, text in docs:
        src = make_source(path, text)
        t, c = time.perf_counter(), time.process_time()
        tokens += raw(src)
        raw_s += time.perf_counter() - t
        raw_cpu += time.process_time() - c
        clock.enabled = True
        t, c = time.perf_counter(), time.process_time()
        audit(make_source(path, text))
        audit_s += time.perf_counter() - t
        audit_cpu += time.process_time() - c
        clock.enabled = False
    stages = dict(clock.seconds)

    def timed_pass(items, cache, results):
        t, c = time.perf_counter(), time.process_time()
        for path, text in items:
            audit(make_source(path, text), cache, results)
        return time.perf_counter() - t, time.process_time() - c

    # 3. cold audit into empty caches (parse and result), then the cached re-audit, as
    # `attribution audit` runs them (both caches in one directory)
    cache, results = ParseCache(cache_dir), ResultCache(cache_dir)
    cold_s, cold_cpu = timed_pass(docs, cache, results)
    cache, results = ParseCache(cache_dir), ResultCache(cache_dir)
    cached_s, cached_cpu = timed_pass(docs, cache, results)
    cached_hits, cached_misses = results.hits, results.misses

    # 4. one paragraph edited per document: every document misses the result cache, only the
    # edited paragraph misses the parse cache
    edits = [(path, edited(make_source(path, text))[0]) for path, text in docs]
    cache, results = ParseCache(cache_dir), ResultCache(cache_dir)
    edit_s, edit_cpu = timed_pass(edits, cache, results)
    edit_misses = cache.misses

    # 5. optional: a pyinstrument profile of one more uncached pass (outside every measurement:
    # the profiler slows Python-heavy code)
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
        for path, text in docs:
            audit(make_source(path, text))
        profiler.stop()
        Path(args.profile).write_text(profiler.output_text(unicode=False, color=False, show_all=False))
        print(f"profile of an uncached pass written to {args.profile}", file=sys.stderr)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    paragraphs = sum(len(make_source(p, x).blocks) for p, x in docs)
    result = {
        "parse_tokens_per_s": round(tokens / raw_s, 1),
        "audit_tokens_per_s": round(tokens / audit_s, 1),
        "audit_over_parse": round(raw_s / audit_s, 3),
        "cached_speedup": round(cold_s / cached_s, 1),
        "edit_speedup": round(cold_s / edit_s, 1),
        "help_seconds": round(help_s, 3),
        "cold_audit_seconds": round(cold_s_audit, 2),
        "peak_rss_mb": round(peak, 1),
        "full_audit": full,
        # the same ratios on this process's CPU time: robust when other work shares the cores
        "cpu_audit_over_parse": round(raw_cpu / audit_cpu, 3),
        "cpu_cached_speedup": round(cold_cpu / max(cached_cpu, 1e-9), 1),
        "cpu_edit_speedup": round(cold_cpu / max(edit_cpu, 1e-9), 1),
        "corpus": corpus_name, "documents": len(docs), "paragraphs": paragraphs, "tokens": tokens,
        "model": models.id, "stanza": stanza.__version__, "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(), "model_load_s": round(load_s, 2),
        **machine(),
        "bench_seconds": round(time.perf_counter() - t0, 1),
    }

    rows = [
        ("stanza stock pipeline", f"{raw_s:.2f} s (cpu {raw_cpu:.2f})", f"{result['parse_tokens_per_s']:.0f} tok/s", ""),
        ("audit, no cache", f"{audit_s:.2f} s (cpu {audit_cpu:.2f})", f"{result['audit_tokens_per_s']:.0f} tok/s",
         _verdict("audit_over_parse", result["audit_over_parse"])),
    ]
    other = audit_s - sum(v for k, v in stages.items() if k in ("parse", "extract", "resolve", "check"))
    stanza_labels = [k for k in stages if k.startswith("stanza ")]
    for label in ("parse", "stanza+tuples", *stanza_labels, "extract", "resolve", "check"):
        if label in stages:
            share = stages[label] / audit_s
            name = {"parse": "  parse stage", "stanza+tuples": "    stanza + word tuples"}.get(
                label, f"      {label}" if label.startswith("stanza ") else f"  {label}")
            rows.append((name, f"{stages[label]:.2f} s", f"{share:.1%} of audit", ""))
    rows.append(("  load + rest", f"{other:.2f} s", f"{other / audit_s:.1%} of audit", ""))
    rows += [
        ("cold audit (empty cache)", f"{cold_s:.2f} s (cpu {cold_cpu:.2f})", f"{paragraphs} paragraphs parsed", ""),
        ("cached re-audit", f"{cached_s:.3f} s (cpu {cached_cpu:.3f})", f"{cached_hits} documents from the result cache, {cached_misses} not",
         _verdict("cached_speedup", result["cached_speedup"])),
        ("re-audit, 1 paragraph/doc edited", f"{edit_s:.3f} s (cpu {edit_cpu:.3f})", f"{edit_misses} paragraphs parsed",
         _verdict("edit_speedup", result["edit_speedup"])),
        ("attribution --help", f"{help_s:.3f} s", "best of 5", _verdict("help_seconds", help_s)),
        ("cold audit, 500-word draft", f"{cold_s_audit:.2f} s", "fresh process, no cache, median of 3",
         _verdict("cold_audit_seconds", cold_s_audit)),
        ("peak RSS", f"{peak:.0f} MB", "", _verdict("peak_rss_mb", peak)),
    ]
    title = (f"{corpus_name}: {len(docs)} documents, {paragraphs} paragraphs, {tokens} tokens; "
             f"model {models.id}; {result['cpu']}, {result['cores']} cores")
    _print_table(title, rows, result)
    print(json.dumps(result))
    return 0


def _verdict(key: str, value: float) -> str:
    op, target = TARGETS[key]
    ok = value >= target if op == ">=" else value <= target
    return f"{key} {value:g} ({'ok' if ok else 'MISSED'}: target {op} {target:g})"


def _print_table(title: str, rows, result) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        print(title)
        for r in rows:
            print(" | ".join(r))
        return
    table = Table(title=title, title_justify="left")
    for col in ("measure", "wall time (cpu time)", "rate / detail", "figure (target)"):
        table.add_column(col)
    for r in rows:
        table.add_row(*r)
    Console(width=max(120, shutil.get_terminal_size().columns)).print(table)


if __name__ == "__main__":
    sys.exit(main())
