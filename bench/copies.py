"""Issue 16, point 10: how the audit scales with document length, parses cached.

    .venv/bin/python bench/copies.py [--copies 50,100,200] [--file BIG.txt]

N copies of the sample article (corpus/russia-sdf-syria.txt) in one file; each size is
audited once to fill the parse cache (every paragraph repeats, so that is one parse), then
timed: load, parse (cache reads), extract, resolve, check, and the whole audit (wall and
CPU time); the peak RSS of this process is printed at the end.  ``--file`` times one given file instead
(e.g. the 9.9 MB article).  Prints the ratio of the 200-copy audit to the 50-copy one
(issue 16's bar: at most 6).  Not a timed test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attribution.check import check  # noqa: E402
from attribution.extract import extract  # noqa: E402
from attribution.load import load  # noqa: E402
from attribution.model import Report  # noqa: E402
from attribution.parse import parse  # noqa: E402
from attribution.pipeline import Pipeline  # noqa: E402
from attribution.resolve import resolve  # noqa: E402

SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"


def stages(path: str, pipe: Pipeline) -> dict:
    """Wall seconds per stage, and the CPU seconds of the whole audit (``cpu``: this process's
    CPU time, steadier than wall time on a machine other jobs share)."""
    t = {}
    c0 = time.process_time()
    t0 = time.perf_counter()
    src = load(path)
    t["load"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    doc = parse(src, pipe.parser, cache=pipe.cache)
    t["parse"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    extraction = extract(doc, pipe.lexicon)
    t["extract"] = time.perf_counter() - t2
    t3 = time.perf_counter()
    res = resolve(extraction, pipe.lexicon)
    t["resolve"] = time.perf_counter() - t3
    t4 = time.perf_counter()
    findings = check(res, pipe.config, pipe.lexicon)
    t["check"] = time.perf_counter() - t4
    t["total"] = time.perf_counter() - t0
    t["cpu"] = time.process_time() - c0
    t["findings"] = len(findings)
    t["attributions"] = len(res.attributions)
    from attribution.report import render

    out = render([Report(resolved=res, findings=tuple(findings))], "json", tool={"name": "attribution"})
    t["json_sha256"] = hashlib.sha256(out.replace(str(Path(path).parent), "").encode()).hexdigest()[:16]
    return t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", default="50,100,200")
    ap.add_argument("--file", help="time this file instead of copies of the sample")
    args = ap.parse_args()
    pipe = Pipeline(threads=1).load()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(args.file, args.file)] if args.file else []
        for n in ([] if args.file else [int(x) for x in args.copies.split(",")]):
            p = Path(tmp) / f"copies{n}.txt"
            text = SAMPLE.read_text(encoding="utf-8").rstrip("\n")
            p.write_text("\n\n".join([text] * n) + "\n", encoding="utf-8")
            jobs.append((n, str(p)))
        for name, path in jobs:
            pipe.audit(load(path))  # fill the parse cache
            rows[name] = t = stages(path, pipe)
            print(f"{name}: " + ", ".join(f"{k} {v:.2f}s" if isinstance(v, float) else f"{k} {v}"
                                          for k, v in t.items()), flush=True)
    if {50, 200} <= rows.keys():
        print(f"ratio 200/50 (total): {rows[200]['total'] / rows[50]['total']:.2f}; "
              f"CPU: {rows[200]['cpu'] / rows[50]['cpu']:.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    print(json.dumps({str(k): v for k, v in rows.items()}))


if __name__ == "__main__":
    main()
