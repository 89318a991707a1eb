"""Which documents an archive run audits: :func:`plan` names them (files, directories,
JSONL lines, each with a unique id, no text kept); :func:`load_items` loads them one by one
on the client; :func:`batched` groups them into tasks."""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..errors import ArchiveError
from ..model import Source

JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class Ref:
    """Where one document comes from; cheap to keep for a whole archive (no text)."""

    id: str
    path: str                       # the file, or the JSONL file holding the line
    line: int = 0                   # 1-based line in a JSONL file; 0 for a plain file
    offset: int = -1                # byte offset of that line
    publisher: str | None = None
    date: str | None = None
    error: str | None = None        # known unusable already (bad JSONL line, unreadable path)


@dataclass(frozen=True, slots=True)
class Item:
    """One document as a worker receives it."""

    id: str
    path: str
    source: Source | None
    publisher: str | None = None
    date: str | None = None
    error: str | None = None


def plan(paths: Iterable[str]) -> tuple[list[Ref], list[str]]:
    """Enumerate the documents of ``paths`` in input order, each with a unique id.

    Returns ``(refs, warnings)``.  A file's id is its path as given (directories
    joined with what they contain); a JSONL article's id is its ``id`` field (or
    ``FILE:LINE`` when it has none).  A repeated id is kept once, with a warning.
    """
    from ..load import LoadError, iter_inputs

    refs: list[Ref] = []
    warnings: list[str] = []
    seen: set[str] = set()

    def add(ref: Ref) -> None:
        if ref.id in seen:
            warnings.append(f"{ref.path}{':' + str(ref.line) if ref.line else ''}: "
                            f"duplicate document id {ref.id!r} skipped")
            return
        seen.add(ref.id)
        refs.append(ref)

    plain: list[str] = []

    def flush_plain() -> None:
        for item in iter_inputs(plain):
            if isinstance(item, LoadError) and item.severity == "warning":
                warnings.append(item.message)  # skipped on purpose (a symbolic-link loop)
            elif isinstance(item, LoadError):
                add(Ref(id=item.path, path=item.path, error=item.message))
            else:
                add(Ref(id=str(item), path=str(item)))
        plain.clear()

    for p in paths:
        if p == "-":
            raise ArchiveError("an archive run cannot read stdin (it could not resume); "
                               "give files, directories or JSONL")
        if p.lower().endswith(JSONL_SUFFIXES) and os.path.isfile(p):
            flush_plain()
            for ref in _scan_jsonl(p):
                add(ref)
        else:
            plain.append(p)
    flush_plain()
    return refs, warnings


def _scan_jsonl(path: str) -> Iterator[Ref]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Ref(id=path, path=path, error=f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        offset = 0
        for lineno, raw in enumerate(fh, 1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            fallback = f"{path}:{lineno}"
            try:
                obj = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Ref(id=fallback, path=path, line=lineno, offset=start,
                          error=f"line {lineno}: not JSON ({exc})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield Ref(id=fallback, path=path, line=lineno, offset=start,
                          error=f"line {lineno}: no \"text\" string")
                continue
            doc_id = obj.get("id")
            publisher = obj.get("publisher")
            date = obj.get("publication_date") or obj.get("date")
            yield Ref(id=str(doc_id) if doc_id not in (None, "") else fallback, path=path,
                      line=lineno, offset=start,
                      publisher=str(publisher) if publisher not in (None, "") else None,
                      date=str(date) if date not in (None, "") else None)


def load_items(refs: Iterable[Ref]) -> Iterator[Item]:
    """Load each document lazily (client side): read, decode, reduce HTML, split blocks."""
    from ..load import LoadError, load, load_text

    handles: dict[str, object] = {}
    try:
        for ref in refs:
            if ref.error is not None:
                yield Item(ref.id, ref.path, None, ref.publisher, ref.date, ref.error)
                continue
            try:
                if ref.line:
                    fh = handles.get(ref.path)
                    if fh is None:
                        fh = handles[ref.path] = open(ref.path, "rb")
                    fh.seek(ref.offset)
                    obj = json.loads(fh.readline())
                    source = load_text(obj["text"], path=f"{ref.path}#{ref.id}")
                else:
                    source = load(ref.path)
            except LoadError as exc:
                yield Item(ref.id, ref.path, None, ref.publisher, ref.date, exc.message)
                continue
            except (OSError, ValueError, KeyError) as exc:
                yield Item(ref.id, ref.path, None, ref.publisher, ref.date, f"cannot read: {exc}")
                continue
            if ref.publisher is not None:
                source = dataclasses.replace(source, publisher=ref.publisher)
            yield Item(ref.id, source.path, source, ref.publisher, ref.date)
    finally:
        for fh in handles.values():
            fh.close()


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
