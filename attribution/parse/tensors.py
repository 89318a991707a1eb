"""Stanza's ``get_long_tensor`` (nested lists of ids to a padded LongTensor) in whole-array
steps, for this project's pipelines only.

Stanza fills the tensor one sentence at a time, building a tensor per sentence; the parser
and the tagger call it for every column of every batch (a twentieth of the parse).
:func:`install` replaces the name in the stanza modules that use it with :func:`_dispatch`,
which takes the fast path only while :func:`ours` is active (a non-stock ``Parser`` parsing)
and stanza's own function otherwise, so a stock pipeline in the same process (the
benchmark's denominator) runs exactly as shipped.  Same values, same dtype and shape.
"""
from __future__ import annotations

import contextlib
import threading

_MODULES = ("stanza.models.pos.data", "stanza.models.depparse.data", "stanza.models.lemma.data")
_state = threading.local()
_original = None


def install() -> None:
    """Route ``get_long_tensor`` of the tagger, parser and lemmatizer data modules through
    :func:`_dispatch` (once per process)."""
    global _original
    import importlib

    from stanza.models.common import data

    if _original is None:
        _original = data.get_long_tensor
    for name in _MODULES:
        module = importlib.import_module(name)
        if getattr(module, "get_long_tensor", None) is _original:
            module.get_long_tensor = _dispatch


@contextlib.contextmanager
def ours():
    """While active (in this thread), :func:`_dispatch` takes the fast path."""
    depth = getattr(_state, "depth", 0)
    _state.depth = depth + 1
    try:
        yield
    finally:
        _state.depth = depth


def _dispatch(tokens_list, batch_size, pad_id=0):
    if getattr(_state, "depth", 0):
        out = _long_tensor(tokens_list, batch_size, pad_id)
        if out is not None:
            return out
    return _original(tokens_list, batch_size, pad_id)


def _long_tensor(rows, batch_size, pad_id):
    """``get_long_tensor`` for rows of ids, or rows of equal-length id lists; None for any
    other shape (stanza's own function handles it)."""
    from itertools import chain

    import numpy as np
    import torch

    if not rows or not isinstance(rows, (list, tuple)) or not all(isinstance(r, (list, tuple)) for r in rows):
        return None
    lens = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    width = int(lens.max())
    total = int(lens.sum())
    if width == 0 or len(rows) > batch_size:
        return None
    first = rows[0][0] if len(rows[0]) else None
    if isinstance(first, (list, tuple)):  # rows of per-word id lists (composite tags, characters)
        items = list(chain.from_iterable(rows))
        depth = len(items[0])
        if depth == 0 or any(not isinstance(x, (list, tuple)) or len(x) != depth for x in items):
            return None
        try:
            flat = np.array(items, dtype=np.int64).reshape(total, depth)
        except (TypeError, ValueError, OverflowError):
            return None
        out = np.full((batch_size, width, depth), pad_id, dtype=np.int64)
    elif first is None or isinstance(first, (int, np.integer)) and not isinstance(first, bool):
        try:
            flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=total)
        except (TypeError, ValueError, OverflowError):
            return None
        out = np.full((batch_size, width), pad_id, dtype=np.int64)
    else:
        return None
    mask = np.arange(width) < lens[:, None]
    out[:len(rows)][mask] = flat
    return torch.from_numpy(out)
