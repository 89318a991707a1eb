"""Findings benchmark: are the audit's findings right on real copy?

    python bench/findings.py                 # every set: PolNeAR dev, PolNeAR train, newsroom drafts, blind sets
    python bench/findings.py --sets dev,drafts [--json build/findings/summary.json] [--details]
    make findings

For each set it prints, per rule (every rule, preview ones too, marked): gold findings, the
audit's findings, matched, precision and recall; the share of matched speech attributions whose speaker is wrong (and how many got no
speaker); a wrong speaker counts as wrong even when the audit marks the link uncertain
(``confidence: "low"``, "speaker uncertain" in the report): the uncertain links and how many of
them are wrong are printed beside it, never subtracted; and the share of clean articles (no gold error-level finding) that fail CI at the
default ``--fail-on error``.

Gold (definitions: ``bench/gold/GUIDE.md``):

- PolNeAR ``bench/gold/polnear-{dev,train,trainb,trainh,trainc}.jsonl``: hand labels by article
  id and offsets (trainb, trainh and trainc: train articles annotated later, blind to the tool;
  trainh and trainc are held out, read only to measure), plus
  the unattributed quotes derived from PolNeAR's gold (a direct or mixed attribution with no
  source) as reviewed by the annotators. The articles are read from ``../shared`` (skipped when
  absent) and never copied; dev is for measuring only.
- Newsroom drafts ``corpus/drafts/NAME.expected.json`` beside each draft: the same labels,
  anchored by exact substrings of the draft.
- Blind set ``corpus/blind/`` (``--sets blind``): articles in the drafts' format, written and
  annotated without looking at the code or the tool's output (see its README); loaded like the drafts.
- Second blind set ``corpus/blind2/`` (``--sets blind2``): the round's final held-out measurement,
  written and annotated the same way by another helper (see its README); loaded like the drafts.

Matching: a finding matches a gold label of the same rule when the gold span overlaps the
finding's span or a span of an attribution the finding names (source and cue for the
source rules, every span for the others); matching is one to one, so a second finding on the
same gold case counts against precision. A ``contested-claim`` finding matches a dispute when
its attributions touch both sides. ``--details`` writes every false positive and false
negative, with context, to ``build/findings/`` (never committed: PolNeAR text).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear"
GOLD = ROOT / "bench" / "gold"
DRAFTS = ROOT / "corpus" / "drafts"
BLIND = ROOT / "corpus" / "blind"
BLIND2 = ROOT / "corpus" / "blind2"
OUT = ROOT / "build" / "findings"
# PolNeAR gold sets: dev (measure only), train (first annotation), trainb (train articles
# annotated later, blind to the tool, open to error analysis) and trainh (annotated the same
# way, held out: read only to measure) and trainc (a sixth-round held-out set, annotated the same
# way). A set whose gold file is absent is skipped with a note.
POLNEAR_SETS = ("dev", "train", "trainb", "trainh", "trainc")
# every set, in the order the tables show them: PolNeAR's, then the newsroom drafts and the blind sets
ALL_SETS = POLNEAR_SETS + ("drafts", "blind", "blind2")

SOURCE_RULES = {"anonymous-source", "vague-attribution", "unresolved-source", "name-inconsistency",
                "missing-affiliation"}
GUIDE_RULES = {"anonymous-source", "vague-attribution", "unresolved-source", "unattributed-quote",
               "contested-claim", "one-sided", "unsourced-claim", "loaded-cue"}
SPEECH_CLASSES = {"speech", "writing", "loaded", "accuse", "deny", "warn"}


@dataclass
class Gold:
    rule: str
    spans: list[tuple[int, int]]               # one span; contested: side A spans
    sides: list[list[tuple[int, int]]] | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Article:
    id: str
    text: str
    source: object                             # attribution.model.Source
    gold: list[Gold]
    speakers: list[tuple[tuple[int, int], str, str | None]]   # (content span, gold speaker, gold cue text)


# ---------------------------------------------------------------- gold loading

def _polnear_articles(name: str) -> list[Article]:
    from attribution.load import load_text

    split = "dev" if name == "dev" else "train"
    gold_path = GOLD / f"polnear-{name}.jsonl"
    corpus_path = POLNEAR / f"{split}.jsonl"
    if not gold_path.exists() or not corpus_path.exists():
        return []
    labels = {r["id"]: r for r in map(json.loads, gold_path.open(encoding="utf-8"))}
    out = []
    for rec in map(json.loads, corpus_path.open(encoding="utf-8")):
        lab = labels.get(rec["id"])
        if lab is None:
            continue
        gold = []
        for f in lab.get("findings", []):
            if f["rule"] == "contested-claim":
                sides = [[tuple(s) for s in side] for side in f["sides"]]
                gold.append(Gold(f["rule"], sides[0], sides, f))
            else:
                gold.append(Gold(f["rule"], [(f["start"], f["end"])], None, f))
        verdicts = lab.get("quotes", {})
        for a in rec["attributions"]:
            if a["quote_type"] != "indirect" and a["source"] is None:
                if verdicts.get(a["id"], "unattributed") == "unattributed":
                    gold.append(Gold("unattributed-quote", [tuple(s) for s in a["content_spans"]],
                                     None, {"derived": a["id"]}))
        speakers = []
        for a in rec["attributions"]:
            name = lab.get("speakers", {}).get(a["id"])
            if name is not None:
                speakers.append((tuple(a["content"]), name, a.get("cue_text")))
        source = load_text(rec["text"], path=f"{rec['id']}.txt", fmt="text")
        out.append(Article(rec["id"], rec["text"], source, gold, speakers))
    return out


def _anchor(text: str, needle: str, nth: int = 1, where: str = "") -> tuple[int, int]:
    i = -1
    for _ in range(nth):
        i = text.find(needle, i + 1)
        if i < 0:
            raise SystemExit(f"findings: {where}: anchor {needle!r} (occurrence {nth}) not in the draft")
    return i, i + len(needle)


def _draft_articles(folder: Path = DRAFTS) -> list[Article]:
    """Articles with ``NAME.expected.json`` beside them (corpus/drafts/, corpus/blind/, corpus/blind2/)."""
    from attribution.load import load

    out = []
    for exp in sorted(folder.glob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        files = [p for p in folder.glob(stem + ".*") if p != exp and not p.name.endswith(".json")]
        if len(files) != 1:
            raise SystemExit(f"findings: {exp.name}: expected one draft named {stem}.*, found {len(files)}")
        source = load(str(files[0]))
        text = source.text
        spec = json.loads(exp.read_text(encoding="utf-8"))
        gold = []
        for f in spec.get("findings", []):
            where = f"{exp.name} {f['rule']}"
            if f["rule"] == "contested-claim":
                sides = [[_anchor(text, s, 1, where) for s in side] for side in f["sides"]]
                gold.append(Gold(f["rule"], sides[0], sides, f))
            else:
                gold.append(Gold(f["rule"], [_anchor(text, f["text"], f.get("nth", 1), where)], None, f))
        speakers = [(_anchor(text, s["content"], s.get("nth", 1), f"{exp.name} speakers"), s["speaker"], None)
                    for s in spec.get("speakers", [])]
        out.append(Article(files[0].name, text, source, gold, speakers))
    return out


# ---------------------------------------------------------------- matching

def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _regions(f, attrs: dict, rule: str) -> list[tuple[int, int]]:
    regions = [(f.start, max(f.end, f.start + 1))]
    for aid in f.attributions:
        a = attrs.get(aid)
        if a is None:
            continue
        spans = [a.source, a.cue] if rule in SOURCE_RULES else [a.source, a.cue, *a.content]
        regions += [(s.start, s.end) for s in spans if s is not None]
    return regions


def _matches(f, g: Gold, attrs: dict) -> bool:
    if g.rule == "contested-claim":
        per_attr = [_regions_of_attr(attrs.get(aid)) for aid in f.attributions]
        per_attr = [r for r in per_attr if r]
        hit = [any(any(_overlap(r, s) for r in regs for s in side) for regs in per_attr) for side in g.sides]
        return all(hit)
    regions = _regions(f, attrs, g.rule)
    return any(_overlap(r, s) for r in regions for s in g.spans)


def _regions_of_attr(a) -> list[tuple[int, int]]:
    if a is None:
        return []
    return [(s.start, s.end) for s in (a.source, a.cue, *a.content) if s is not None]


def _match(findings: list, gold: list[Gold], attrs: dict) -> tuple[set[int], set[int]]:
    """Returns matched finding and gold indexes.

    A finding may cover several gold cases (one anonymous-source finding for the three claims
    of one unnamed speaker); a finding whose gold cases were all covered by an earlier finding
    is a duplicate and counts as a false positive.
    """
    used_f: set[int] = set()
    used_g: set[int] = set()
    for fi, f in enumerate(findings):
        hits = {gi for gi, g in enumerate(gold) if f.rule == g.rule and _matches(f, g, attrs)}
        if hits - used_g:
            used_f.add(fi)
            used_g |= hits
    return used_f, used_g


# ---------------------------------------------------------------- speakers

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_STOP = {"the", "a", "an", "of", "for", "and", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "jr",
         "sr", "president", "campaign", "u.s", "us", "new", "news", "national", "party", "committee",
         "department", "house", "state", "states", "united"}


def _name_tokens(name: str) -> set[str]:
    return {w.lower().strip(".’'") for w in _WORD.findall(name)} - _STOP - {""}


def _named(name: str) -> bool:
    """A speaker name that names someone (a capitalised word past any determiner), as
    opposed to a description ("a witness", "exit polls", "the editorial")."""
    words = _WORD.findall(name or "")
    while words and words[0].lower() in ("the", "a", "an", "and"):
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def _initials(name: str, function_words: bool = False) -> str:
    """The initials of a name's capitalised words ("dj" for "Department of Justice"), or of
    its function words too ("doj")."""
    return "".join(w[0] for w in _WORD.findall(name)
                   if w[:1].isupper() or (function_words and w.lower() in ("of", "for", "and"))).lower()


def speaker_verdict(gold: str, speaker) -> str:
    """'right', 'wrong' or 'none' for a predicted Speaker (or None) against a gold label.

    'wrong' means the audit names someone else: a named person or organisation that is not
    the gold speaker, or any named speaker where the gold source is unnamed or unresolved.
    A description ("a witness", "exit polls") where the gold has a name is unspecific, not
    wrong, and counts with 'none'.
    """
    if speaker is None:
        return "none"
    named = _named(speaker.name) and speaker.kind != "anonymous"
    if gold in ("UNRESOLVED", "ANON"):
        return "wrong" if named else "right"
    if not named:
        return "none"
    g, p = _name_tokens(gold), _name_tokens(speaker.name)
    if not p:
        return "none"
    from rapidfuzz import fuzz

    if g & p or fuzz.token_set_ratio(gold.lower(), speaker.name.lower()) >= 85:
        return "right"
    compact = re.sub(r"[^a-z]", "", speaker.name.lower())
    if len(compact) >= 2 and compact in (_initials(gold), _initials(gold, function_words=True)):
        return "right"  # "DOJ" for "Department of Justice"
    return "wrong"


def _content_match(span: tuple[int, int], a) -> bool:
    s, e = span
    for c in a.content:
        ov = min(e, c.end) - max(s, c.start)
        if ov > 0 and ov * 2 >= min(e - s, c.end - c.start):
            return True
    return False


def _is_speech(cue_text: str | None, a, lexicon) -> bool:
    if cue_text:
        first = cue_text.split()[0].lower() if cue_text.split() else ""
        if cue_text.lower().startswith("according"):
            return True
        lemma = lexicon.lemma_of(first)
        if lemma and lexicon.cue_classes(lemma) & SPEECH_CLASSES:
            return True
        return False
    return bool(a.cue_classes & SPEECH_CLASSES) or a.type != "indirect"


# ---------------------------------------------------------------- the run

def run_set(name: str, articles: list[Article], parser, lexicon, cache, details: list | None) -> dict:
    from attribution.audit import audit_source
    from attribution.check import all_rules
    from attribution.config import Config

    rules_all = all_rules()
    config = Config(select=tuple(r.id for r in rules_all))   # preview rules are measured too
    default_on = {r.id for r in rules_all if Config().enabled(r.id, r.status)}
    error_rules = {r.id for r in all_rules() if r.severity.value == "error"}
    per_rule = defaultdict(Counter)
    spk = Counter()
    clean = fails = 0
    t0 = time.time()
    for art in articles:
        report = audit_source(art.source, parser, config=config, lexicon=lexicon, cache=cache)
        attrs = {a.id: a for a in report.resolved.attributions}
        findings = list(report.findings)
        used_f, used_g = _match(findings, art.gold, attrs)
        for fi, f in enumerate(findings):
            per_rule[f.rule]["found"] += 1
            per_rule[f.rule]["tp_found"] += fi in used_f
            if details is not None and fi not in used_f:
                details.append({"set": name, "doc": art.id, "kind": "FP", "rule": f.rule,
                                "severity": f.severity.value,
                                "message": f.message, "at": [f.start, f.end],
                                "context": _context(art.text, f.start, f.end),
                                "attributions": [_describe(report, attrs[a], art.text)
                                                 for a in f.attributions if a in attrs]})
        for gi, g in enumerate(art.gold):
            per_rule[g.rule]["gold"] += 1
            per_rule[g.rule]["tp_gold"] += gi in used_g
            if details is not None and gi not in used_g:
                s, e = g.spans[0]
                details.append({"set": name, "doc": art.id, "kind": "FN", "rule": g.rule,
                                "at": [s, e], "gold": g.extra, "context": _context(art.text, s, e),
                                "near": [_describe(report, a, art.text) for a in report.resolved.attributions
                                         if any(_overlap(r, (s, e)) for r in _regions_of_attr(a))][:3]})
        if not any(g.rule in error_rules for g in art.gold):
            clean += 1
            if any(f.severity.value == "error" and f.rule in default_on for f in findings):
                fails += 1
                if details is not None:
                    details.append({"set": name, "doc": art.id, "kind": "CI-FAIL"})
        for span, gold_name, cue_text in art.speakers:
            match = next((a for a in report.resolved.attributions if _content_match(span, a)), None)
            if match is None or not _is_speech(cue_text, match, lexicon):
                continue
            verdict = speaker_verdict(gold_name, report.resolved.speaker(match.speaker))
            spk[verdict] += 1
            if match.speaker is not None and match.confidence == "low":
                spk["uncertain"] += 1              # shown to the editor as "speaker uncertain"
                spk[f"uncertain_{verdict}"] += 1
            if details is not None and verdict == "wrong":
                sp = report.resolved.speaker(match.speaker)
                details.append({"set": name, "doc": art.id, "kind": "WRONG-SPEAKER", "gold": gold_name,
                                "ours": f"{sp.name} ({sp.kind})", "confidence": match.confidence,
                                "attribution": _describe(report, match, art.text)})
    rules = {}
    for rule, c in sorted(per_rule.items()):
        annotated = rule in GUIDE_RULES  # the guide defines no gold for the others
        p = c["tp_found"] / c["found"] if c["found"] and annotated else None
        r = c["tp_gold"] / c["gold"] if c["gold"] else None
        rules[rule] = {"gold": c["gold"], "found": c["found"], "matched": c["tp_found"],
                       "precision": p, "recall": r, "default": rule in default_on}
    matched = spk["right"] + spk["wrong"] + spk["none"]
    return {
        "set": name, "articles": len(articles), "seconds": round(time.time() - t0, 1),
        "rules": rules,
        "speakers": {"matched": matched, "right": spk["right"], "wrong": spk["wrong"], "none": spk["none"],
                     "wrong_share": spk["wrong"] / matched if matched else None,
                     "uncertain": spk["uncertain"], "uncertain_right": spk["uncertain_right"],
                     "uncertain_wrong": spk["uncertain_wrong"],
                     "confident_wrong": spk["wrong"] - spk["uncertain_wrong"]},
        "clean_articles": clean, "clean_failing_ci": fails,
        "clean_fail_share": fails / clean if clean else None,
    }


def _context(text: str, s: int, e: int, width: int = 220) -> str:
    return " ".join(text[max(0, s - width):min(len(text), e + width)].split())


def _describe(report, a, text: str) -> dict:
    sp = report.resolved.speaker(a.speaker)
    return {"id": a.id, "type": a.type, "source": text[a.source.start:a.source.end] if a.source else None,
            "cue": text[a.cue.start:a.cue.end] if a.cue else None,
            "content": " ".join(text[c.start:c.end] for c in a.content)[:200],
            "speaker": None if sp is None else f"{sp.name} ({sp.kind})"}


def _fmt(x) -> str:
    return "—" if x is None else f"{x:.2f}"


def print_table(res: dict) -> None:
    print(f"\n## {res['set']}: {res['articles']} articles ({res['seconds']} s)\n")
    print(f"{'rule':<22} {'gold':>5} {'found':>6} {'matched':>8} {'precision':>10} {'recall':>7}  default")
    for rule, r in res["rules"].items():
        print(f"{rule:<22} {r['gold']:>5} {r['found']:>6} {r['matched']:>8} {_fmt(r['precision']):>10} "
              f"{_fmt(r['recall']):>7}  {'on' if r['default'] else 'preview'}")
    s = res["speakers"]
    print(f"\nspeakers: {s['matched']} matched speech attributions; wrong {s['wrong']} "
          f"({_fmt(s['wrong_share'])}), no or unspecific speaker {s['none']}, right {s['right']}")
    print(f"  shown as uncertain: {s['uncertain']} (right {s['uncertain_right']}, wrong {s['uncertain_wrong']}); "
          f"wrong and shown as certain: {s['confident_wrong']}")
    print(f"clean articles failing CI at --fail-on error: {res['clean_failing_ci']} of "
          f"{res['clean_articles']} ({_fmt(res['clean_fail_share'])})")


README_ORDER = ["unattributed-quote", "anonymous-source", "contested-claim", "vague-attribution",
                "loaded-cue", "one-sided", "unsourced-claim", "unresolved-source"]


def readme_table(results: list[dict], before: dict | None) -> str:
    """README's findings table: precision (matched/found) and recall (gold) per set."""
    sets = {r["set"]: r for r in results}
    names = [n for n in ALL_SETS if n in sets]
    old = {r["set"]: r for r in (before or {}).get("sets", [])}
    head = "| rule (default) | " + " | ".join(f"{n} P | {n} R" for n in names) + \
        (" | dev P, R before |" if "dev" in old else " |")
    lines = [head, "|" + "---|" * (1 + 2 * len(names) + ("dev" in old))]
    for rule in README_ORDER:
        cells = []
        default = None
        for n in names:
            r = sets[n]["rules"].get(rule)
            if r is None:
                cells += ["—", "—"]
                continue
            default = r["default"]
            p = "—" if r["precision"] is None else f"{r['precision']:.2f} ({r['matched']}/{r['found']})"
            rc = "—" if r["recall"] is None else f"{r['recall']:.2f} ({r['gold']})"
            cells += [p, rc]
        if "dev" in old:
            b = old["dev"]["rules"].get(rule)
            cells.append("—" if not b else f"{_fmt(b['precision'])}, {_fmt(b['recall'])}")
        lines.append(f"| `{rule}` ({'on' if default else 'preview'}) | " + " | ".join(cells) + " |")
    lines.append("")
    for n in names:
        sp = sets[n]["speakers"]
        lines.append(f"- {n}: wrong speaker {sp['wrong']} of {sp['matched']} matched speech attributions "
                     f"({_fmt(sp['wrong_share'])}); clean articles failing CI "
                     f"{sets[n]['clean_failing_ci']} of {sets[n]['clean_articles']}")
    if "dev" in old:
        sp = old["dev"]["speakers"]
        lines.append(f"- dev before: wrong speaker {sp['wrong']} of {sp['matched']} ({_fmt(sp['wrong_share'])}); "
                     f"clean articles failing CI {old['dev']['clean_failing_ci']} of {old['dev']['clean_articles']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated: " + ", ".join(ALL_SETS))
    ap.add_argument("--json", help="write the summary here as JSON")
    ap.add_argument("--details", action="store_true", help="write FP/FN lists to build/findings/")
    ap.add_argument("--models", help="model set directory (default: as the CLI finds it)")
    ap.add_argument("--readme", action="store_true", help="also print README's findings table")
    ap.add_argument("--before", help="a --json summary of an earlier run, for the table's 'before' column")
    args = ap.parse_args(argv)

    os.environ.setdefault("ATTRIBUTION_THREADS", "1")
    from attribution.batch import default_threads
    from attribution.cache import ParseCache
    from attribution.vocab import load_lexicon
    from attribution.modelset import resolve as resolve_models
    from attribution.parse import Parser

    import torch

    torch.set_num_threads(default_threads())
    parser = Parser(resolve_models(args.models))
    lexicon = load_lexicon()
    cache = ParseCache(ROOT / "build" / "cache")
    print(f"findings benchmark, model {parser.model_id}")
    results = []
    for name in args.sets.split(","):
        if name in POLNEAR_SETS:
            articles = _polnear_articles(name)
            if not articles:
                print(f"\n## {name}: skipped (no bench/gold/polnear-{name}.jsonl or no ../shared/corpus/polnear)")
                continue
        elif name == "drafts":
            articles = _draft_articles()
        elif name == "blind":
            articles = _draft_articles(BLIND)
            if not articles:
                print(f"\n## {name}: skipped (no articles in corpus/blind/)")
                continue
        elif name == "blind2":
            articles = _draft_articles(BLIND2)
            if not articles:
                print(f"\n## {name}: skipped (no articles in corpus/blind2/)")
                continue
        else:
            raise SystemExit(f"findings: unknown set {name!r}")
        details = [] if args.details else None
        res = run_set(name, articles, parser, lexicon, cache, details)
        results.append(res)
        print_table(res)
        if details is not None:
            OUT.mkdir(parents=True, exist_ok=True)
            path = OUT / f"{name}.details.jsonl"
            path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in details), encoding="utf-8")
            print(f"details: {path.relative_to(ROOT)}")
    if args.readme:
        print(readme_table(results, json.loads(Path(args.before).read_text()) if args.before else None))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({"model": parser.model_id, "sets": results}, indent=1),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
