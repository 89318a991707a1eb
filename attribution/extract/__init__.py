"""The extract stage: direct quotations and reported claims, with cue and source.

    extract(doc, lexicon) -> list[Attribution]

Submodules, each small and side-effect free:

* :mod:`.quotes`   - a quotation-mark scanner over plain text;
* :mod:`.reported` - cue verb + complement, parataxis, colon leads, "according to";
* :mod:`.direct`   - quotations in file offsets and helpers;
* :mod:`.merge`    - reconciles the two views and builds ``Attribution`` objects.
"""
from __future__ import annotations

from ..vocab import Lexicon
from ..model import Attribution, Document
from .merge import extract_attributions


def extract(doc: Document, lexicon: Lexicon) -> list[Attribution]:
    """Every attribution in ``doc``, ids ``a1``, ``a2``... in document order."""
    return extract_attributions(doc, lexicon)


__all__ = ["extract"]
