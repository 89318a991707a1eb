"""A few PolNeAR TRAIN articles score above a floor (needs ../shared and the stanza model)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ..conftest import SHARED

pytestmark = [pytest.mark.polnear, pytest.mark.stanza]

SCORER = SHARED / "tools" / "score_attributions.py"
N_ARTICLES = 4


def test_train_articles_score_above_floor(polnear_train, parser, tmp_path):
    from attribution.evaluate import write_predictions

    if not SCORER.is_file():
        pytest.skip("the referee scorer is not present")
    # a handful of short train articles, spread over publishers
    picked, seen = [], set()
    with open(polnear_train, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["publisher"] in seen or not 1500 < len(rec["text"]) < 4000 or len(rec["attributions"]) < 5:
                continue
            seen.add(rec["publisher"])
            picked.append(line)
            if len(picked) == N_ARTICLES:
                break
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(picked), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    summary = write_predictions(gold, pred, parser=parser, use_cache=False, quiet=True)
    assert summary["articles"] == N_ARTICLES
    out = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json", str(out)],
                   check=True, capture_output=True)
    score = json.loads(out.read_text())
    print(json.dumps(score, indent=1)[:2000])
    assert score["content"]["overlap50"]["f1"] >= 0.55, score["content"]["overlap50"]
    assert score["content+source@overlap50"]["f1"] >= 0.40, score["content+source@overlap50"]
