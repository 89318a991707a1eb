#!/usr/bin/env python3
"""Score a stanza model set end to end from raw text on UD English-EWT test.

Runs the same pipeline the product uses (attribution.parse.Parser) over the
raw test text and scores it with stanza's CoNLL 2018 shared-task scorer.
Writes ``scores.json`` beside the models when ``--write`` is given (the model
card quotes it).

    python scripts/evaluate_model.py                       # the model set in use
    python scripts/evaluate_model.py --models build/compact/saved --write
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("ATTRIBUTION_SHARED", ROOT.parent / "shared"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", help="model directory (default: the set attribution would use)")
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--write", action="store_true", help="write scores.json into the model directory")
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args()

    import stanza
    import torch
    from stanza.models.common.utils import ud_scores  # stanza's copy of the CoNLL 2018 scorer
    from stanza.utils.conll import CoNLL
    from stanza.utils.datasets.conllu_to_text import main as conllu_to_text

    from attribution.modelset import resolve
    from attribution.parse import Parser

    if a.threads:
        torch.set_num_threads(a.threads)
    gold = SHARED / "ud-english" / f"en_ewt-ud-{a.split}.conllu"
    work = ROOT / "build" / "eval"
    work.mkdir(parents=True, exist_ok=True)
    raw = work / f"en_ewt.{a.split}.txt"
    conllu_to_text([str(gold), str(raw)])
    text = raw.read_text(encoding="utf-8")

    models = resolve(a.models)
    t0 = time.perf_counter()
    parser = Parser(models)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = parser._nlp(text)
    parse_s = time.perf_counter() - t0
    for sent in doc.sentences:  # stanza writes over-long tokens (URLs) as <UNK>: restore the text
        for tok in sent.tokens:
            if tok.text == "<UNK>" and tok.start_char is not None:
                tok.text = text[tok.start_char:tok.end_char]
                if len(tok.words) == 1:
                    tok.words[0].text = tok.text
    system = work / f"system.{a.split}.conllu"
    CoNLL.write_doc2conll(doc, str(system))

    ev = ud_scores(str(gold), str(system))
    n_tokens = sum(len(sent.tokens) for sent in doc.sentences)
    scores = {m: round(100 * ev[m].f1, 2) for m in ("Tokens", "Sentences", "Words", "UPOS", "Lemmas", "UAS", "LAS")}
    result = {
        "split": f"EWT {a.split}", "from": "raw text", "scorer": "CoNLL 2018 shared-task scorer (stanza.models.common.utils.ud_scores)",
        "scores": scores, "tokens_per_s": round(n_tokens / parse_s), "load_seconds": round(load_s, 2),
        "threads": torch.get_num_threads(), "stanza": stanza.__version__, "model_dir": str(models.dir),
    }
    print(json.dumps(result, indent=2))
    if a.write:
        out = Path(models.dir) / "scores.json"
        prev = json.loads(out.read_text()) if out.is_file() else {}
        prev.update({"ewt_" + a.split: result})
        # the model id (and so every parse-cache key) is this content hash of the weights
        from attribution.modelset import content_hash

        prev["version"] = content_hash(models.paths)
        out.write_text(json.dumps(prev, indent=2) + "\n")


if __name__ == "__main__":
    main()
