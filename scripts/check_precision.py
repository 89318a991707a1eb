"""Per-rule precision of the check stage on PolNeAR, judged by reading findings.

Step 1 (audit and sample)::

    python scripts/check_precision.py sample --split dev [--limit N] [--per-rule 30]

audits the articles (parse cache in build/check-precision/cache), writes every finding to
``build/check-precision/findings.jsonl`` and, per rule, a random sample of up to
``--per-rule`` findings with their sentence, message and the gold PolNeAR attributions
that overlap the finding, to ``sample.md``, plus ``judgments.tsv`` with an empty verdict
column.  A person reads ``sample.md`` and fills the verdicts (``y`` right, ``n`` wrong,
``?`` unclear).

Step 2 (count)::

    python scripts/check_precision.py count

prints per-rule precision from ``judgments.tsv``.

PolNeAR has no licence: its text is read here for measurement only, and nothing under
build/ is committed.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear"
OUT = ROOT / "build" / "check-precision"
CACHE = OUT / "cache"


def _sentence_around(text: str, start: int, end: int, width: int = 260) -> str:
    a = max(text.rfind("\n", 0, start), start - width)
    b = text.find("\n", end)
    b = min(b if b >= 0 else len(text), end + width)
    return " ".join(text[max(a, 0):b].split())


def sample(args) -> None:
    from attribution.audit import audit_source
    from attribution.cache import ParseCache
    from attribution.config import Config
    from attribution.load import load_text
    from attribution.modelset import resolve as resolve_models
    from attribution.parse import Parser

    path = POLNEAR / f"{args.split}.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    if args.mixed:
        # round-robin over publishers so that a partial run is not all one outlet
        groups: dict[str, list] = collections.defaultdict(list)
        for rec in records:
            groups[rec.get("publisher", "")].append(rec)
        mixed, queues = [], [list(g) for g in groups.values()]
        while any(queues):
            for q in queues:
                if q:
                    mixed.append(q.pop(0))
        records = mixed
    if args.docs:
        wanted = [d.strip() for d in open(args.docs, encoding="utf-8") if d.strip()]
        records = [r for r in records if r["id"] in wanted]
    if args.limit:
        records = records[: args.limit]
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    if args.resample:
        rows = [json.loads(x) for x in (OUT / "findings.jsonl").open(encoding="utf-8")]
        records = sorted({r["doc"] for r in rows})
        _write_sample(args, rows, len(records))
        return
    parser = Parser(resolve_models())
    cache = ParseCache(CACHE)
    t0 = time.time()
    out = (OUT / "findings.jsonl").open("w", encoding="utf-8")
    for k, rec in enumerate(records, 1):
        text = rec["text"]
        report = audit_source(load_text(text, path=rec["id"] + ".txt", fmt="text"), parser,
                              config=Config(), cache=cache)
        attrs = {a.id: a for a in report.resolved.attributions}
        for f in report.findings:
            gold = [g for g in rec["attributions"]
                    if any(s is not None and s[0] < f.end and f.start < s[1]
                           for s in (g.get("source"), g.get("cue"), g.get("content")))]
            mine = []
            for aid in f.attributions:
                a = attrs.get(aid)
                if a is None:
                    continue
                sp = report.resolved.speaker(a.speaker)
                mine.append({"id": aid, "type": a.type,
                             "cue": text[a.cue.start:a.cue.end] if a.cue else None,
                             "source": text[a.source.start:a.source.end] if a.source else None,
                             "content": " ".join(text[s.start:s.end] for s in a.content)[:300],
                             "speaker": None if sp is None else
                             {"name": sp.name, "kind": sp.kind, "title": sp.title, "role": sp.role,
                              "affiliation": sp.affiliation, "reason": sp.anonymity_reason}})
            rows.append({"doc": rec["id"], "rule": f.rule, "severity": f.severity.value,
                         "message": f.message, "start": f.start, "end": f.end, "line": f.line,
                         "span": text[f.start:f.end], "context": _sentence_around(text, f.start, f.end),
                         "attributions": mine,
                         "gold": [{"source": g["source_text"], "cue": g["cue_text"],
                                   "content": (g["content_text"] or "")[:200]} for g in gold]})
            out.write(json.dumps(rows[-1], ensure_ascii=False) + "\n")
        out.flush()
        print(f"{k}/{len(records)} {rec['id']} findings={len(report.findings)} "
              f"({time.time() - t0:.0f}s)", file=sys.stderr)
    out.close()
    _write_sample(args, rows, len(records))


def _write_sample(args, rows: list[dict], n_articles: int) -> None:
    by_rule = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_rule[r["rule"]].append(i)
    rng = random.Random(args.seed)
    md = [f"# check precision sample ({args.split}, {n_articles} articles, {len(rows)} findings)\n"]
    tsv = ["rule\tn\tdoc\tstart\tverdict\tnote"]
    for rule in sorted(by_rule):
        idx = by_rule[rule]
        pick = sorted(rng.sample(idx, min(args.per_rule, len(idx))))
        md.append(f"\n## {rule} ({len(idx)} findings, {len(pick)} sampled)\n")
        for n, i in enumerate(pick, 1):
            r = rows[i]
            md.append(f"### {rule} #{n}  {r['doc']}:{r['line']}  [{r['severity']}]\n")
            md.append(f"- message: {r['message']}\n- span: `{r['span']}`\n- context: {r['context']}\n")
            for a in r["attributions"]:
                md.append(f"- ours {a['id']}: source=`{a['source']}` cue=`{a['cue']}` "
                          f"speaker={a['speaker']} content=`{a['content'][:160]}`\n")
            for g in r["gold"]:
                md.append(f"- gold: source=`{g['source']}` cue=`{g['cue']}` content=`{g['content'][:160]}`\n")
            tsv.append(f"{rule}\t{n}\t{r['doc']}\t{r['start']}\t\t")
    (OUT / "sample.md").write_text("\n".join(md), encoding="utf-8")
    (OUT / "judgments.tsv").write_text("\n".join(tsv) + "\n", encoding="utf-8")
    counts = collections.Counter(r["rule"] for r in rows)
    print(json.dumps({"articles": n_articles, "findings": len(rows), "by_rule": dict(counts)}, indent=1))


def count(args) -> None:
    lines = (OUT / "judgments.tsv").read_text(encoding="utf-8").splitlines()[1:]
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 5 and parts[4].strip():
            tally[parts[0]][parts[4].strip()] += 1
    print("rule\tjudged\tright\twrong\tunclear\tprecision")
    for rule in sorted(tally):
        c = tally[rule]
        judged = c["y"] + c["n"]
        p = c["y"] / judged if judged else 0.0
        print(f"{rule}\t{sum(c.values())}\t{c['y']}\t{c['n']}\t{c['?']}\t{p:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--split", default="dev", choices=("train", "dev"))
    s.add_argument("--limit", type=int, default=None)
    s.add_argument("--per-rule", type=int, default=30)
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--out", default=None, help="output folder (default build/check-precision)")
    s.add_argument("--mixed", action="store_true", help="interleave publishers")
    s.add_argument("--docs", default=None, help="file with the article ids to audit, one a line")
    s.add_argument("--resample", action="store_true", help="sample again from findings.jsonl")
    c = sub.add_parser("count")
    c.add_argument("--out", default=None)
    args = ap.parse_args()
    global OUT
    if getattr(args, "out", None):
        OUT = Path(args.out).resolve()
    sample(args) if args.cmd == "sample" else count(args)


if __name__ == "__main__":
    main()
