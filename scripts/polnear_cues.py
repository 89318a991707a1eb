#!/usr/bin/env python3
"""Count cue words in PolNeAR TRAIN gold cue spans (study aid for attribution/data/cues.toml).

Prints ``count<TAB>word`` for the word tokens of cue spans (lower-cased, function words
dropped) and, with --missing, the frequent ones that the packaged lexicon does not know
(by lemma or inflected form).  Only words and counts are printed, never article text.

    python scripts/polnear_cues.py ../shared/corpus/polnear/train.jsonl --top 100 --missing
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

STOP = {"has", "have", "had", "also", "was", "is", "were", "be", "been", "not", "did", "does", "do",
        "will", "would", "to", "in", "a", "the", "of", "for", "and", "on", "an", "it", "that", "are",
        "with", "as", "at", "by", "his", "her", "their", "its", "s", "t", "this", "from", "out", "up"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", help="PolNeAR train JSONL")
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--missing", action="store_true", help="only words the lexicon does not know")
    args = ap.parse_args(argv)
    if "dev" in Path(args.train).name or "test" in Path(args.train).name:
        print("use the train split for cue statistics", file=sys.stderr)
        return 2
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from attribution.vocab import load_lexicon

    lex = load_lexicon()
    counts: collections.Counter[str] = collections.Counter()
    with open(args.train, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for a in rec["attributions"]:
                for w in re.findall(r"[a-z]+", (a.get("cue_text") or "").lower()):
                    if w not in STOP:
                        counts[w] += 1
    shown = 0
    for w, n in counts.most_common():
        known = lex.lemma_of(w) is not None or lex.is_cue_noun(w)
        if args.missing and known:
            continue
        print(f"{n}\t{w}" + ("" if args.missing else f"\t{'known' if known else '-'}"))
        shown += 1
        if shown >= args.top:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
