"""Annotation helper for the findings gold (see GUIDE.md beside this file).

    python bench/gold/tool.py show SPLIT ID          # article with offsets, gold attributions to label
    python bench/gold/tool.py find SPLIT ID "text"   # offsets of every occurrence of a string
    python bench/gold/tool.py validate FILE...        # check annotation files against the guide
    python bench/gold/tool.py merge                   # parts/*.jsonl -> polnear-{SET}.jsonl (SET: a record's "set", else its split)
    python bench/gold/tool.py agree                   # agreement-dev.jsonl vs polnear-dev.jsonl (figures only)

PolNeAR is read from ../shared/corpus/polnear and never copied: the gold files hold ids,
offsets, labels and canonical speaker names only.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
POLNEAR = HERE.parents[2] / "shared" / "corpus" / "polnear"
RULES = {
    "anonymous-source", "vague-attribution", "unresolved-source", "unattributed-quote",
    "contested-claim", "one-sided", "unsourced-claim", "loaded-cue", "name-inconsistency",
}
KINDS = {"anonymous-source": {"person"}, "vague-attribution": {"group"}}


def articles(split: str) -> dict[str, dict]:
    path = POLNEAR / f"{split}.jsonl"
    return {r["id"]: r for r in map(json.loads, path.open(encoding="utf-8"))}


def derived_quotes(record: dict) -> list[dict]:
    """PolNeAR gold attributions that are direct or mixed and have no source."""
    return [a for a in record["attributions"] if a["quote_type"] != "indirect" and a["source"] is None]


def show(split: str, id_: str) -> None:
    rec = articles(split)[id_]
    text = rec["text"]
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            print(f"[{pos}-{pos + len(para)}] {para}")
        pos += len(para) + 1
    print("\n== gold attributions with a source (label each in 'speakers') ==")
    for a in rec["attributions"]:
        if a["source"] is None:
            continue
        s, e = a["source"]
        print(f"{a['id']}: source [{s}-{e}] {a['source_text']!r} cue {a['cue_text']!r} "
              f"content {a['content_text'][:90]!r}")
    print("\n== direct/mixed gold attributions with no source (label each in 'quotes') ==")
    for a in derived_quotes(rec):
        print(f"{a['id']}: content {a['content']} {a['content_text'][:160]!r}")


def find(split: str, id_: str, needle: str) -> None:
    text = articles(split)[id_]["text"]
    i = text.find(needle)
    if i < 0:
        print("not found")
    while i >= 0:
        print(f"{i} {i + len(needle)}  ...{text[max(0, i - 40):i + len(needle) + 40]!r}")
        i = text.find(needle, i + 1)


def _check_span(errors: list, where: str, s, e, n: int) -> None:
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n):
        errors.append(f"{where}: bad span [{s}, {e}] (text has {n} characters)")


def validate_record(rec: dict, corpus: dict[str, dict]) -> list[str]:
    errors: list[str] = []
    id_ = rec.get("id")
    art = corpus.get(id_)
    if art is None:
        return [f"{id_}: not an article of split {rec.get('split')!r}"]
    n = len(art["text"])
    sourced = {a["id"] for a in art["attributions"] if a["source"] is not None}
    quotes = {a["id"] for a in derived_quotes(art)}
    speakers = rec.get("speakers", {})
    if set(speakers) != sourced:
        missing = sorted(sourced - set(speakers), key=lambda x: int(x[1:]))
        extra = sorted(set(speakers) - sourced)
        errors.append(f"{id_}: speakers missing {missing[:8]} extra {extra[:8]}")
    for k, v in speakers.items():
        if not isinstance(v, str) or not v.strip():
            errors.append(f"{id_}: speaker {k} must be a non-empty string")
    qv = rec.get("quotes", {})
    if set(qv) != quotes:
        errors.append(f"{id_}: quotes must label exactly {sorted(quotes)}")
    for k, v in qv.items():
        if v not in ("attributed", "unattributed"):
            errors.append(f"{id_}: quotes[{k}] must be 'attributed' or 'unattributed'")
    for i, f in enumerate(rec.get("findings", [])):
        where = f"{id_} findings[{i}]"
        rule = f.get("rule")
        if rule not in RULES:
            errors.append(f"{where}: unknown rule {rule!r}")
            continue
        if rule == "contested-claim":
            sides = f.get("sides")
            if not (isinstance(sides, list) and len(sides) == 2 and all(sides)):
                errors.append(f"{where}: sides must be two non-empty lists of spans")
                continue
            for side in sides:
                for sp in side:
                    _check_span(errors, where, *(sp if len(sp) == 2 else (None, None)), n)
            continue
        _check_span(errors, where, f.get("start"), f.get("end"), n)
        if rule in KINDS and f.get("kind") not in KINDS[rule]:
            errors.append(f"{where}: kind must be one of {sorted(KINDS[rule])}")
        if rule == "anonymous-source" and not isinstance(f.get("reason"), bool):
            errors.append(f"{where}: reason must be true or false")
        if rule == "unsourced-claim" and f.get("claim") not in ("figure", "allegation"):
            errors.append(f"{where}: claim must be 'figure' or 'allegation'")
    return errors


def validate(paths: list[str]) -> int:
    corpora: dict[str, dict] = {}
    bad = 0
    for p in paths:
        for lineno, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{p}:{lineno}: not JSON: {exc}")
                bad += 1
                continue
            split = rec.get("split")
            if split not in ("train", "dev"):
                print(f"{p}:{lineno}: split must be 'train' or 'dev'")
                bad += 1
                continue
            corpus = corpora.setdefault(split, articles(split))
            for err in validate_record(rec, corpus):
                print(f"{p}:{lineno}: {err}")
                bad += 1
    print("ok" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


def merge() -> None:
    # A record's "set" names its gold file: "train" and "dev" (the first annotation), "trainb"
    # and "trainh" (train articles annotated later, blind to the tool; trainh is held out).
    out: dict[str, dict[str, str]] = {"train": {}, "dev": {}}
    for part in sorted((HERE / "parts").glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.setdefault(rec.get("set", rec["split"]), {})[rec["id"]] = json.dumps(
                    rec, ensure_ascii=False, sort_keys=True)
    for split, recs in out.items():
        if recs:
            path = HERE / f"polnear-{split}.jsonl"
            path.write_text("".join(recs[k] + "\n" for k in sorted(recs)), encoding="utf-8")
            print(f"{path.name}: {len(recs)} articles")


AGREE_RULES = ("anonymous-source", "vague-attribution", "contested-claim")


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _spans(f: dict) -> list[tuple[int, int]]:
    if f["rule"] == "contested-claim":
        return [tuple(sp) for side in f["sides"] for sp in side]
    return [(f["start"], f["end"])]


def _same_case(f: dict, g: dict, attributions: list[dict]) -> bool:
    """Two annotations of one case: spans overlap, as bench/findings.py matches a finding.

    A dispute matches when each one's spans touch both sides of the other; a span stands for
    itself and for every span (source, cue, content) of the PolNeAR attributions it overlaps,
    since one annotator may mark a side by its cue and the other by its content.
    """
    if f["rule"] != "contested-claim":
        return any(_overlap(a, b) for a in _spans(f) for b in _spans(g))

    def widen(sp):
        out = [sp]
        for a in attributions:
            regs = [tuple(x) for k in ("source_spans", "cue_spans", "content_spans") for x in a[k]]
            if any(_overlap(sp, r) for r in regs):
                out += regs
        return out

    def touches(x: dict, side) -> bool:
        return any(_overlap(w, tuple(b)) for sp in _spans(x) for w in widen(sp) for b in side)

    return all(touches(f, side) for side in g["sides"]) and all(touches(g, side) for side in f["sides"])


def agree(ids: list[str] | None = None) -> dict[str, list[int]]:
    """Counts per label: [in both, only in polnear-dev.jsonl, only in agreement-dev.jsonl]."""
    corpus = articles("dev")
    old = {r["id"]: r for r in map(json.loads, (HERE / "polnear-dev.jsonl").open(encoding="utf-8"))}
    new = {r["id"]: r for r in map(json.loads, (HERE / "agreement-dev.jsonl").open(encoding="utf-8"))}
    counts = {r: [0, 0, 0] for r in AGREE_RULES}
    for id_ in ids if ids is not None else sorted(new):
        attrs = corpus[id_]["attributions"]
        for rule in AGREE_RULES:
            oo = [f for f in old[id_]["findings"] if f["rule"] == rule]
            nn = [f for f in new[id_]["findings"] if f["rule"] == rule]
            used_o: set[int] = set()
            matched_n = 0
            for f in nn:  # one to one, as bench/findings.py: a second label on a used case is extra
                hits = {j for j, g in enumerate(oo) if _same_case(f, g, attrs)}
                if hits - used_o:
                    matched_n += 1
                    used_o |= hits
            c = counts[rule]
            c[0] += matched_n
            c[1] += len(oo) - len(used_o)
            c[2] += len(nn) - matched_n
    return counts


def print_agree() -> None:
    ids = sorted(l.strip() for l in (HERE / "selection-dev.txt").read_text().splitlines() if l.strip())
    samples = [("A: every 5th id from position 2, first 15", ids[1::5][:15]),
               ("A: every 5th id from position 2, all 17", ids[1::5]),
               ("B: every 5th id from position 4, 17", ids[3::5]),
               ("A + B, 34 articles", sorted(ids[1::5] + ids[3::5]))]
    for name, sample in samples:
        print(name)
        for rule, (both, only_old, only_new) in agree(sample).items():
            n = 2 * both + only_old + only_new
            f1 = f"{2 * both / n:.2f}" if n else "n/a"
            print(f"  {rule:18s} both {both:3d}  only old {only_old:3d}  only new {only_new:3d}  F1 {f1}")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, *rest = argv
    if cmd == "show":
        show(*rest)
    elif cmd == "find":
        find(*rest)
    elif cmd == "validate":
        return validate(rest)
    elif cmd == "merge":
        merge()
    elif cmd == "agree":
        print_agree()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
