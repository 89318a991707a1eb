"""Boilerplate patterns (``attribution/data/boilerplate.toml``): lines and paragraphs dropped."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BOILERPLATE_FILE = Path(__file__).resolve().parent.parent / "data" / "boilerplate.toml"


@dataclass(frozen=True)
class BoilerplatePattern:
    id: str
    scope: str  # line | paragraph
    regex: re.Pattern
    note: str = ""


class BoilerplateError(ValueError):
    """boilerplate.toml is malformed; the message names the file and line."""


@lru_cache(maxsize=4)
def load_boilerplate(path: str | None = None) -> tuple[BoilerplatePattern, ...]:
    """Read and validate the boilerplate patterns (cached)."""
    p = Path(path) if path else BOILERPLATE_FILE
    raw = p.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise BoilerplateError(f"{p}: {exc}") from None
    lines = raw.splitlines()

    def where(i: int, entry: dict) -> str:
        ident = entry.get("id")
        if isinstance(ident, str):
            for n, line in enumerate(lines, 1):
                if re.match(rf"""\s*id\s*=\s*["']{re.escape(ident)}["']""", line):
                    return f"{p}:{n}"
        n = [k for k, line in enumerate(lines, 1) if line.strip() == "[[pattern]]"]
        return f"{p}:{n[i]}" if i < len(n) else str(p)

    extra = set(data) - {"pattern"}
    if extra:
        raise BoilerplateError(f"{p}: unknown top-level key(s): {', '.join(sorted(extra))}")
    out, ids = [], set()
    for i, entry in enumerate(data.get("pattern", [])):
        loc = where(i, entry)
        unknown = set(entry) - {"id", "scope", "regex", "note"}
        if unknown:
            raise BoilerplateError(f"{loc}: unknown key(s) {', '.join(sorted(unknown))}")
        for key in ("id", "scope", "regex"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise BoilerplateError(f"{loc}: pattern needs a non-empty string {key!r}")
        if entry["scope"] not in ("line", "paragraph"):
            raise BoilerplateError(f"{loc}: scope must be 'line' or 'paragraph', not {entry['scope']!r}")
        if entry["id"] in ids:
            raise BoilerplateError(f"{loc}: duplicate pattern id {entry['id']!r}")
        ids.add(entry["id"])
        try:
            rx = re.compile(entry["regex"])
        except re.error as exc:
            raise BoilerplateError(f"{loc}: bad regex in {entry['id']!r}: {exc}") from None
        if rx.fullmatch(""):
            raise BoilerplateError(f"{loc}: regex {entry['id']!r} matches the empty string")
        out.append(BoilerplatePattern(entry["id"], entry["scope"], rx, entry.get("note", "")))
    return tuple(out)


def boilerplate_match(text: str, scope: str) -> str | None:
    """The id of the first pattern of ``scope`` matching all of ``text``, or None."""
    s = " ".join(text.split())
    if not s or len(s) > (300 if scope == "line" else 1000):
        return None
    for pat in load_boilerplate():
        if pat.scope == scope and pat.regex.fullmatch(s):
            return pat.id
    return None


# ------------------------------------------------------------------ splitting
