"""Benchmark: archive throughput, in-process vs a Dask LocalCluster (and a process pool).

    python bench/archive.py                       # the 840 PolNeAR train articles (long: minutes per engine)
    python bench/archive.py --limit 60            # the first 60 articles
    python bench/archive.py --limit 60 --engines inprocess,dask:local:2,pool:2

Each engine audits the same articles from scratch (parse cache off, fresh output
directory) through :func:`attribution.archive.archive`, exactly as
``attribution archive train.jsonl --out DIR [--dask local:2 | --jobs 2]`` does.
Wall time includes everything a user waits for: starting the cluster or pool and
loading the model in every worker.  The benchmark also checks that every engine
wrote the same records (byte for byte after sorting).

Input: ``../shared/corpus/polnear/train.jsonl`` when present (its ``id``, ``publisher``,
``publication_date`` and ``text`` are copied to a temporary JSONL outside the project),
else the project's ``corpus/*.txt``.  The last line printed is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("ATTRIBUTION_SHARED", ROOT.parent / "shared"))
TRAIN = SHARED / "corpus" / "polnear" / "train.jsonl"
WORD = re.compile(r"\w+|[^\w\s]")


def inputs(tmp: Path, limit: int | None) -> tuple[str, list[str], int, int]:
    """(name, paths, documents, words) of the benchmark input."""
    if TRAIN.is_file():
        subset = tmp / "articles.jsonl"
        n = words = 0
        with open(TRAIN, encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
            for line in src:
                if limit is not None and n >= limit:
                    break
                rec = json.loads(line)
                keep = {k: rec[k] for k in ("id", "publisher", "publication_date", "text") if k in rec}
                dst.write(json.dumps(keep, ensure_ascii=False) + "\n")
                words += len(WORD.findall(rec["text"]))
                n += 1
        return f"PolNeAR train ({n} articles)", [str(subset)], n, words
    files = sorted((ROOT / "corpus").glob("*.txt"))[:limit]
    words = sum(len(WORD.findall(p.read_text(encoding="utf-8"))) for p in files)
    return f"corpus/*.txt ({len(files)} files)", [str(p) for p in files], len(files), words


def run_engine(spec: str, paths: list[str], out: Path, batch_size: int, models: str | None):
    from attribution.archive import archive

    kw: dict = {}
    if spec.startswith("dask:"):
        kw["dask"] = spec[len("dask:"):]
    elif spec.startswith("pool:"):
        kw["jobs"] = int(spec[len("pool:"):])
    elif spec != "inprocess":
        raise SystemExit(f"unknown engine {spec!r} (inprocess, dask:ADDRESS, pool:N)")
    t0 = time.perf_counter()
    stats = archive(paths, out, batch_size=batch_size, models=models, use_cache=False,
                    progress=sys.stderr.isatty(), log=lambda m: print(f"  {m}", file=sys.stderr), **kw)
    wall = time.perf_counter() - t0
    lines = sorted((out / "documents.jsonl").read_text(encoding="utf-8").splitlines())
    return stats, wall, lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--engines", default="inprocess,dask:local:2",
                    help="comma-separated: inprocess, dask:local:N, dask:tcp://HOST:PORT, pool:N")
    ap.add_argument("--batch-size", type=int, default=4)
    ap.add_argument("--models", default=None, help="model directory (default: as the CLI resolves it)")
    ap.add_argument("--keep", metavar="DIR", help="keep each engine's results under DIR")
    args = ap.parse_args()

    from attribution.modelset import resolve

    model = resolve(args.models).id
    tmp = Path(tempfile.mkdtemp(prefix="attribution-bench-archive-"))
    try:
        name, paths, ndocs, words = inputs(tmp, args.limit)
        print(f"input: {name}, {words} words/punctuation tokens; model {model}; batch size {args.batch_size}",
              file=sys.stderr)
        rows, reference = [], None
        for spec in [s.strip() for s in args.engines.split(",") if s.strip()]:
            out = Path(args.keep) / spec.replace(":", "-").replace("/", "") if args.keep else tmp / f"out-{len(rows)}"
            if out.exists():
                shutil.rmtree(out)
            print(f"{spec} ...", file=sys.stderr)
            stats, wall, lines = run_engine(spec, paths, out, args.batch_size, args.models)
            same = None if reference is None else lines == reference
            reference = reference if reference is not None else lines
            rows.append({"engine": spec, "workers": stats.workers, "documents": stats.written,
                         "errors": stats.errors, "failed": stats.failed, "seconds": round(wall, 1),
                         "documents_per_s": round(stats.written / wall, 3),
                         "tokens_per_s": round(words / wall, 1),
                         "same_records_as_first": same})
            print(f"  {stats.written} documents in {wall:.1f} s = {stats.written / wall:.2f} docs/s",
                  file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    machine = f"{platform.machine()}, {os.cpu_count()} CPU cores, {platform.system()} {platform.release()}"
    print(f"\n{name}; {machine}; model {model}")
    print(f"{'engine':<22} {'workers':>7} {'docs':>5} {'seconds':>8} {'docs/s':>7} {'tokens/s':>9}  same")
    for r in rows:
        same = "-" if r["same_records_as_first"] is None else ("yes" if r["same_records_as_first"] else "NO")
        print(f"{r['engine']:<22} {r['workers']:>7} {r['documents']:>5} {r['seconds']:>8} "
              f"{r['documents_per_s']:>7} {r['tokens_per_s']:>9}  {same}")
    base = rows[0]["documents_per_s"] if rows else 0
    result = {"input": name, "documents": ndocs, "tokens": words, "machine": machine, "model": model,
              "batch_size": args.batch_size, "engines": rows,
              "speedup_over_first": {r["engine"]: round(r["documents_per_s"] / base, 3) if base else None
                                     for r in rows}}
    print(json.dumps(result))
    return 0 if all(r["same_records_as_first"] in (None, True) and not r["failed"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
