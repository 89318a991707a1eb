"""Derive ``attribution/data/person_nouns.txt``: common nouns that name people ("clerk",
"paramedic", "landlord"), for the resolve stage's question "is this unnamed source a person
or an organisation?" when the noun is in none of ``people.toml``'s hand lists.

Recipe (deterministic; no PolNeAR text is read):
1. seeds: person nouns are ``people.toml`` [anonymous] nouns and [roles] words (single,
   lower-case words); non-person nouns are its organisation heads, generic organisation nouns,
   documents and evidence heads, plus a short list of common things below;
2. a logistic regression on the shipped GloVe vectors of the compact model
   (``attribution/models/compact/en_ewt_glove100.pt``) separates the two seed sets;
3. every lower-case alphabetic word of the vector vocabulary scoring at least THRESHOLD is
   kept, except words that UD English EWT train (``../shared/ud-english``) tags as a proper
   noun more often than as a common noun (first names the vectors hold in lower case).

The list is only consulted for a common-noun head (upos NOUN) of a source description, so
adjectives and verbs in it are inert.  Run: ``python scripts/derive_person_nouns.py``
(``--check``: exit 1 when the file is not what the recipe gives; tests/test_person_nouns.py).
"""
from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
VECTORS = ROOT / "attribution/models/compact/en_ewt_glove100.pt"
PEOPLE = ROOT / "attribution/data/people.toml"
EWT = ROOT.parent / "shared/ud-english/en_ewt-ud-train.conllu"
OUT = ROOT / "attribution/data/person_nouns.txt"
THRESHOLD = 0.75
THINGS = ("bill law plan budget storm fire city town state country market economy price prices rate "
          "rates tax taxes deal program project policy system building school hospital court agreement "
          "decision rule rules order ruling video ad ads email emails tweet tweets post posts message book "
          "article speech interview campaign election vote votes result results number numbers percent "
          "money cost costs water river road bridge car plane weather day week year month time story news "
          "show film movie song website page account platform event meeting debate rally").split()
NOT_SEEDS = {"some", "many", "others", "those", "few", "ones", "dozens", "hundreds", "thousands", "millions",
             "majority", "someone", "somebody", "anyone", "everyone", "nobody", "figures", "staff", "people",
             "source", "sources"}


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    if not EWT.is_file():
        print(f"needs {EWT} (UD English EWT) for the proper-noun filter", file=sys.stderr)
        return 2
    data = torch.load(VECTORS, map_location="cpu", weights_only=False)
    words = data["vocab"]["_id2unit"]
    emb = data["emb"].numpy().astype("float64")
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    index = {w: i for i, w in enumerate(words)}
    people = tomllib.loads(PEOPLE.read_text(encoding="utf-8"))
    pos = {w for w in people["anonymous"]["nouns"] + people["roles"]["words"] if re.fullmatch(r"[a-z]+", w)} - NOT_SEEDS
    orgs = people["organizations"]
    neg = {w.lower() for w in orgs["heads"] + orgs["generic"] + orgs["documents"] + people["anonymous"]["evidence"]
           + THINGS if re.fullmatch(r"[A-Za-z]+\.?", w)} - pos
    xp = [index[w] for w in sorted(pos) if w in index]
    xn = [index[w] for w in sorted(neg) if w in index]
    x = np.concatenate([emb[xp], emb[xn]])
    y = np.array([1.0] * len(xp) + [0.0] * len(xn))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(3000):
        g = 1 / (1 + np.exp(-(x @ w + b))) - y
        w -= 0.5 * (x.T @ g / len(y) + 1e-3 * w)
        b -= 0.5 * g.mean()
    tags: Counter = Counter()
    for line in EWT.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 4 and cols[0].isdigit() and cols[3] in ("PROPN", "NOUN"):
            tags[(cols[1].lower(), cols[3])] += 1
    keep = []
    for i, word in enumerate(words):
        if not re.fullmatch(r"[a-z][a-z-]{2,}", word):
            continue
        if 1 / (1 + np.exp(-(emb[i] @ w + b))) < THRESHOLD:
            continue
        if tags[(word, "PROPN")] > tags[(word, "NOUN")]:
            continue
        keep.append(word)
    header = ("# Common nouns that name people, derived by scripts/derive_person_nouns.py from the compact\n"
              f"# model's GloVe vectors and people.toml's seed lists (threshold {THRESHOLD}); do not edit by hand.\n")
    text = header + "\n".join(sorted(keep)) + "\n"
    if check:
        current = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run scripts/derive_person_nouns.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(keep)} words (seeds {len(xp)} person, {len(xn)} other)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
