"""Boilerplate: lines and paragraphs dropped by the patterns of ``boilerplate.toml``
(loaded and validated by :mod:`attribution.vocab.boilerplate`)."""
from __future__ import annotations

from ..vocab.boilerplate import BOILERPLATE_FILE, BoilerplatePattern, load_boilerplate

__all__ = ["BOILERPLATE_FILE", "BoilerplatePattern", "boilerplate_match", "load_boilerplate"]


def boilerplate_match(text: str, scope: str) -> str | None:
    """The id of the first pattern of ``scope`` matching all of ``text``, or None."""
    s = " ".join(text.split())
    if not s or len(s) > (300 if scope == "line" else 1000):
        return None
    for pat in load_boilerplate():
        if pat.scope == scope and pat.regex.fullmatch(s):
            return pat.id
    return None
