"""A parsed word as plain data: what the parser returns per word and what the parse cache stores."""
from __future__ import annotations

from typing import NamedTuple


class WordRow(NamedTuple):
    """One word of a parsed paragraph; offsets are relative to the paragraph's text.

    A row is plain data (JSON in the cache: a list in this field order)."""

    id: int
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int
    ner: str
