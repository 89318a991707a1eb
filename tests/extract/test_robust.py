"""extract() never crashes, whatever the parse looks like (hand-built documents, no stanza)."""
from __future__ import annotations

import random
import re

import pytest

from attribution.extract import extract
from attribution.vocab import load_lexicon
from attribution.model import Block, Document, Sentence, Source, Token

UPOS = ["NOUN", "PROPN", "VERB", "AUX", "PRON", "DET", "ADJ", "ADP", "PUNCT", "ADV", "SCONJ", "PART", "NUM", "X"]
DEPRELS = ["nsubj", "obj", "ccomp", "xcomp", "parataxis", "conj", "advcl", "acl", "obl", "punct", "det",
           "compound:prt", "obl:agent", "nsubj:pass", "aux", "case", "mark", "root", "dep"]
TEXTS = [
    '"We are ready," the senator said. "It is time."',
    "According to the police, the fire started in the kitchen, officials said Thursday.",
    'He said: "We will win. \n\n"We always do," she added, "and we will again."',
    "Russia accused the SDF of firing, but denied that it had troops there.",
    '“Unclosed quote and a 5\'10" man, he told reporters that it was over',
    "By Jane Doe\n\nThe mayor, who has tangled with critics, said the plan was dead.",
    "„Ja“, sagte er. «Oui», dit-il. ''Yes,'' he wrote.",
    "",
    "said said said , , , \" \" \"",
]


def fake_document(text: str, rng: random.Random) -> Document:
    blocks = []
    for m in re.finditer(r"[^\n]+", text):
        blocks.append(Block(m.start(), m.end(), m.group()))
    sents = []
    for bi, b in enumerate(blocks):
        words = [(w.start() + b.start, w.end() + b.start, w.group())
                 for w in re.finditer(r"\w+|[^\w\s]", b.text)]
        if not words:
            continue
        toks = []
        n = len(words)
        for i, (s, e, w) in enumerate(words, 1):
            upos = rng.choice(UPOS)
            lemma = {"said": "say", "told": "tell", "accused": "accuse", "denied": "deny",
                     "added": "add", "wrote": "write"}.get(w.lower(), w.lower())
            if lemma in ("say", "tell", "accuse", "deny", "add", "write") and rng.random() < 0.5:
                upos = "VERB"
            toks.append(Token(id=i, text=w, lemma=lemma, upos=upos, xpos=rng.choice(["VBD", "VBN", "VBG", "NN", "NNS", "_"]),
                              feats="_", head=rng.randint(0, n), deprel=rng.choice(DEPRELS), start=s, end=e))
        sents.append(Sentence(tokens=tuple(toks), start=toks[0].start, end=toks[-1].end, block=bi))
    src = Source(path="x.txt", text=text, blocks=tuple(blocks))
    return Document(source=src, sentences=tuple(sents), model="fake")


@pytest.mark.parametrize("seed", range(40))
def test_extract_survives_any_parse(seed):
    rng = random.Random(seed)
    text = TEXTS[seed % len(TEXTS)]
    doc = fake_document(text, rng)
    atts = extract(doc, load_lexicon()).attributions
    for n, a in enumerate(atts, 1):
        assert a.id == f"a{n}"
        assert a.type in ("direct", "mixed", "indirect")
        assert a.content and all(0 <= s.start < s.end <= len(text) for s in a.content)
        for span in (a.cue, a.source):
            assert span is None or 0 <= span.start < span.end <= len(text)
    assert extract(doc, load_lexicon()).attributions == atts  # deterministic
