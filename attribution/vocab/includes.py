"""Lists that hold other lists whole, written once: a data file gives a list only its own words
and its loader's ``INCLUDES`` table names the lists it also holds, which :func:`unite` adds at
load (in order, no repeats), so every reader sees the whole list and each word has one home.

A part is ``(table, key)`` in the same file, or ``(file, table, key)`` in another of the
package's data files (``("cues.toml", "frames", "statement_nouns")``), read as that file's own
loader gives it, its includes united.  The cross-file parts read the shipped file: a list of
the check rules may hold the extract stage's words, never the other way round."""
from __future__ import annotations

from typing import Any, Callable, Mapping

Part = tuple[str, str] | tuple[str, str, str]
Includes = Mapping[tuple[str, str], tuple[Part, ...]]


def unite(data: dict[str, dict[str, Any]], includes: Includes,
          files: Callable[[str], Mapping[str, Mapping[str, Any]]] | None = None) -> dict[str, dict[str, Any]]:
    """Add to each list of ``includes`` the words of the lists it names, in ``includes``' order
    (a list may include one that itself includes others, named before it), each word once.
    ``files``: another data file's lists by its name (for the parts that name a file)."""
    for (table, key), parts in includes.items():
        own = data[table][key]
        words = list(own)
        seen = set(words)
        for part in parts:
            lists = data if len(part) == 2 else files(part[0])
            for w in lists[part[-2]][part[-1]]:
                if w not in seen:
                    seen.add(w)
                    words.append(w)
        data[table][key] = tuple(words) if isinstance(own, tuple) else words
    return data
