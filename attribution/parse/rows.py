"""A parsed word as plain data: what the parser returns per word and what the parse cache stores."""
from __future__ import annotations

from typing import NamedTuple

WordRow = NamedTuple("WordRow", [
    ("id", int), ("text", str), ("lemma", str), ("upos", str), ("xpos", str), ("feats", str),
    ("head", int), ("deprel", str), ("start", int), ("end", int), ("ner", str)])
WordRow.__doc__ = """One word of a parsed paragraph: a :class:`~attribution.model.Token`'s fields in
its order, with ``start`` and ``end`` relative to the paragraph's text (the parse stage maps them
into the file).  Plain data: the cache stores a row as a JSON list in this field order."""
