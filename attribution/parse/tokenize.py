"""Stanza's tokenizer, faster with the same output: a long paragraph's later windows run
without the paragraphs that are already done.

The tokenizer reads a batch of paragraphs (up to 32, longest first) in windows of 1,000
characters.  When one paragraph is longer than that, every later window still carries the
whole batch: the paragraphs that ended in the first window come back as rows of padding,
packed at the full window length, and the network runs over them although their predictions
are dropped (stanza advances such a row by nothing).  A draft with one 1,700-character
paragraph among seventeen short ones spent half of the tokenizer's network time on those rows.
:func:`install` wraps the tokenizer trainer's ``predict`` so that a window runs only the rows
with text left; the rows dropped get zeros, which stanza never reads.  The rows kept are
computed as before (a smaller batch can move a log-probability in its last bits, never a
tokenizer decision: the paragraphs of over 1,000 characters in PolNeAR train and the tests'
texts give the same tokens and sentences; ``tests/test_parse_speed.py``).
"""
from __future__ import annotations

import types


def install(nlp) -> bool:
    """Route the tokenizer's ``predict`` through :func:`_predict_live_rows`; False when the
    pipeline has no tokenizer of the expected shape (nothing changed)."""
    proc = nlp.processors.get("tokenize")
    trainer = getattr(proc, "_trainer", None)
    vocab = getattr(proc, "vocab", None)
    if trainer is None or vocab is None or "predict" in vars(trainer) or not hasattr(trainer, "predict"):
        return False
    trainer._pad_id = vocab.unit2id("<PAD>")
    trainer.predict = types.MethodType(_predict_live_rows, trainer)
    return True


def _predict_live_rows(self, inputs):
    """``Trainer.predict`` for the rows that hold at least one character; zeros for the rest."""
    import numpy as np

    predict = type(self).predict
    units, labels, features, text = inputs
    live = (units != self._pad_id).any(dim=1).nonzero().flatten().tolist()
    if not live or len(live) == len(text):
        return predict(self, inputs)
    part = predict(self, (units[live], labels[live], features[live], [text[i] for i in live]))
    width = max(len(row) for row in text)  # what the whole batch's prediction would span
    out = np.zeros((len(text), max(width, part.shape[1])) + part.shape[2:], dtype=part.dtype)
    out[live, :part.shape[1]] = part
    return out
