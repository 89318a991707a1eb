"""Boilerplate patterns (``boilerplate.toml``): page furniture the load stage drops.

Each ``[[pattern]]`` has an ``id``, a ``scope`` (``line`` or ``paragraph``), a ``regex``
(applied with ``re.fullmatch``) and an optional ``note``; errors are
:class:`~attribution.vocab.schema.DataFileError` at the offending pattern's line."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .schema import Located, read_file, read_toml

BOILERPLATE_FILE = Path(__file__).resolve().parent.parent / "data" / "boilerplate.toml"
SCOPES = ("line", "paragraph")


@dataclass(frozen=True)
class BoilerplatePattern:
    id: str
    scope: str  # line | paragraph
    regex: re.Pattern
    note: str = ""


def build_boilerplate(raw: str, path: str | Path = "boilerplate.toml") -> tuple[BoilerplatePattern, ...]:
    """Validate boilerplate patterns from TOML text."""
    src, data = read_toml(raw, path)
    extra = sorted(set(data) - {"pattern"})
    if extra:
        raise src.error(src.section(extra[0])[0], f"unknown top-level key(s): {', '.join(extra)}")
    spans = src.tables("pattern")
    out, ids = [], set()
    for i, entry in enumerate(data.get("pattern", [])):
        span = spans[i] if i < len(spans) else (-1, -1)
        pos = _entry_pos(src, span)
        unknown = sorted(set(entry) - {"id", "scope", "regex", "note"})
        if unknown:
            raise src.error(src.key(span, unknown[0])[0], f"unknown key(s) {', '.join(unknown)}")
        for key in ("id", "scope", "regex"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise src.error(pos, f"pattern needs a non-empty string {key!r}")
        if entry["scope"] not in SCOPES:
            raise src.error(pos, f"scope must be 'line' or 'paragraph', not {entry['scope']!r}")
        if entry["id"] in ids:
            raise src.error(pos, f"duplicate pattern id {entry['id']!r}")
        ids.add(entry["id"])
        try:
            rx = re.compile(entry["regex"])
        except re.error as exc:
            raise src.error(pos, f"bad regex in {entry['id']!r}: {exc}") from None
        if rx.fullmatch(""):
            raise src.error(pos, f"regex {entry['id']!r} matches the empty string")
        out.append(BoilerplatePattern(entry["id"], entry["scope"], rx, entry.get("note", "")))
    return tuple(out)


def _entry_pos(src: Located, span: tuple[int, int]) -> int:
    """Where a pattern is named: its ``id =`` line, else its ``[[pattern]]`` header."""
    at = src.key(span, "id")[0]
    return at if at >= 0 else span[0]


@lru_cache(maxsize=4)
def load_boilerplate(path: str | None = None) -> tuple[BoilerplatePattern, ...]:
    """Read and validate the boilerplate patterns (cached)."""
    p = Path(path) if path else BOILERPLATE_FILE
    return build_boilerplate(read_file(p, "boilerplate patterns"), p)
