"""Write predictions for a PolNeAR-shaped JSONL file (the referee scorer's input).

    write_predictions("../shared/corpus/polnear/dev.jsonl", "out.jsonl")
    python3 ../shared/tools/score_attributions.py ../shared/corpus/polnear/dev.jsonl out.jsonl

Each article's ``text`` goes through load_text -> parse -> extract -> resolve
(:func:`attribution.pipeline.attributions_of`); each attribution becomes
``{"content": [s, e], "content_spans": [[s, e], ...], "source": [s, e] | null,
"cue": [s, e] | null, "quote_type": ...}`` with offsets into the article text.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from .model import Attribution


def prediction_record(rec_id: str, attributions: list[Attribution]) -> dict:
    atts = []
    for a in attributions:
        hull = a.content_hull
        atts.append({
            "id": a.id,
            "content": [hull.start, hull.end],
            "content_spans": [[s.start, s.end] for s in a.content],
            "source": [a.source.start, a.source.end] if a.source else None,
            "cue": [a.cue.start, a.cue.end] if a.cue else None,
            "quote_type": a.type,
        })
    return {"id": rec_id, "attributions": atts}


def _records(path: str | Path, limit: int | None):
    with open(path, encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            yield json.loads(line)
            n += 1
            if limit is not None and n >= limit:
                return


def _warn(message: str) -> None:
    print(f"attribution eval: {message}", file=sys.stderr)


def predict_text(text: str, parser, lexicon, *, path: str = "article.txt", cache=None) -> list[Attribution]:
    from .load import load_text
    from .pipeline import attributions_of

    source = load_text(text, path=path, fmt="text")
    return attributions_of(source, parser, lexicon, cache=cache, warn=_warn)


def write_predictions(gold_path, out_path, *, models=None, limit: int | None = None,
                      use_cache: bool = True, parser=None, lexicon=None, quiet: bool = False) -> dict:
    """Run the pipeline over every article of ``gold_path``; write the scorer's JSONL to ``out_path``.

    Returns a summary dict (articles, attributions, seconds); also prints it as one line.
    """
    from .load import load_text
    from .pipeline import Pipeline

    pipeline = Pipeline(models, use_cache=use_cache, parser=parser, lexicon=lexicon).load(eager=True)
    parser = pipeline.parser
    t0 = time.time()
    n_docs = n_att = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for rec in _records(gold_path, limit):
            source = load_text(rec["text"], path=f"{rec['id']}.txt", fmt="text")
            atts = pipeline.attributions(source, warn=_warn)
            out.write(json.dumps(prediction_record(rec["id"], atts), ensure_ascii=False) + "\n")
            n_docs += 1
            n_att += len(atts)
    summary = {"articles": n_docs, "attributions": n_att, "seconds": round(time.time() - t0, 1),
               "model": parser.model_id, "predictions": str(out_path)}
    if not quiet:
        print(f"attribution eval: {n_docs} articles, {n_att} attributions, {summary['seconds']} s, "
              f"model {parser.model_id} -> {out_path}")
    return summary
