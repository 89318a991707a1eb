"""A read-only, hashable, picklable ``dict`` for the vocabulary's tables.

``types.MappingProxyType`` would do, but it cannot be pickled, and the vocabulary travels to
worker processes with the lexicon."""
from __future__ import annotations

from typing import Any, Iterable


class FrozenDict(dict):
    """A ``dict`` whose mutators raise :class:`TypeError`."""

    __slots__ = ("_hash",)

    @classmethod
    def of_keys(cls, keys: Iterable[str], value: Any) -> "FrozenDict":
        return cls((k, value) for k in keys)

    def _readonly(self, *args, **kwargs):
        raise TypeError("the vocabulary is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly
    __ior__ = _readonly

    def __hash__(self) -> int:  # type: ignore[override]
        try:
            return self._hash
        except AttributeError:
            h = hash(frozenset(self.items()))
            object.__setattr__(self, "_hash", h)
            return h

    def __reduce__(self):
        return type(self), (dict(self),)

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"


def deep_freeze(value: Any) -> Any:
    """Lists become tuples, dicts :class:`FrozenDict`, sets frozensets, all the way down."""
    if isinstance(value, dict):
        return FrozenDict((k, deep_freeze(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(deep_freeze(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(deep_freeze(v) for v in value)
    return value
