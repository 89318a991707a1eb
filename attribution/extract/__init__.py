"""The extract stage: quotations, direct quotes and reported claims, with cue and source.

    extract(doc, lexicon) -> Extraction(document, quotations, attributions)

Submodules, each small and side-effect free:

* :mod:`.quotes`   - a quotation-mark scanner over plain text;
* :mod:`.direct`   - the document's quotations in file offsets (:func:`quotations`, the
  project's one scan: resolve and check read ``Extraction.quotations`` / ``Resolved.quotations``);
* :mod:`.reported` - cue verb + complement, parataxis, colon leads, "according to";
* :mod:`.merge`    - reconciles the two views and builds ``Attribution`` objects.
"""
from __future__ import annotations

from ..vocab import Lexicon
from ..model import Document, Extraction
from .direct import quotations
from .merge import extract_attributions


def extract(doc: Document, lexicon: Lexicon) -> Extraction:
    """The quotations of ``doc`` and every attribution in it, ids ``a1``, ``a2``... in
    document order."""
    quotes = quotations(doc)
    return Extraction(document=doc, quotations=quotes,
                      attributions=tuple(extract_attributions(doc, lexicon, quotes)))


__all__ = ["extract", "quotations"]
