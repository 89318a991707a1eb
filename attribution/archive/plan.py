"""Which documents an archive run audits: :func:`plan` names them (files, directories,
JSONL lines, each with a unique id, no text kept); :func:`load_items` loads them one by one
on the client; :func:`batched` groups them into tasks."""
from __future__ import annotations

import dataclasses
import hashlib
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
    digest: bytes = b""             # of the JSONL line as planned: load_items checks it


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
    joined with what they contain); a JSONL article's id is its ``id`` field (a string or
    an integer; ``7`` and ``"7"`` are the same id) or ``FILE:LINE`` when it has none.

    Raises:
        ArchiveError: two documents with one id (a repeated JSONL ``id``, ``7`` and ``"7"``,
            an id equal to a file's path): the id is what a resumed run skips by, so the run
            refuses to start, naming both places; nothing is audited or dropped.
    """
    from ..load import LoadError, iter_inputs

    refs: list[Ref] = []
    warnings: list[str] = []
    where: dict[str, str] = {}  # id -> where it was first seen
    clashes: list[str] = []

    def add(ref: Ref) -> None:
        here = f"{ref.path}:{ref.line}" if ref.line else ref.path
        first = where.get(ref.id)
        if first is not None:
            clashes.append(f"{here}: document id {ref.id!r} is already used by {first}")
            return
        where[ref.id] = here
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
    if clashes:
        more = f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else ""
        raise ArchiveError(f"{clashes[0]}{more}: every document needs its own id (7 and \"7\" "
                           "are the same id); nothing was audited")
    return refs, warnings


LINE_LIMIT = 64 * 1024 * 1024
"""Longest JSONL line read (64 MiB): a 10 MiB article escaped as JSON fits; a longer line is
an error record, read past in pieces, never held in memory whole."""


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def _doc_id(value) -> str | None:
    """A JSONL ``id``: a string or an integer (``7`` and ``"7"`` are one id); None: absent."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"\"id\" must be a string or an integer, not {type(value).__name__}")
    return str(value)


def _scan_jsonl(path: str) -> Iterator[Ref]:
    from ..load import MAX_BYTES

    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Ref(id=path, path=path, error=f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        offset, lineno = 0, 0
        while True:
            raw = fh.readline(LINE_LIMIT)
            if not raw:
                break
            lineno += 1
            start = offset
            offset += len(raw)
            fallback = f"{path}:{lineno}"
            if not raw.endswith(b"\n") and len(raw) == LINE_LIMIT:  # read past the rest of it
                while (more := fh.readline(LINE_LIMIT)):
                    offset += len(more)
                    if more.endswith(b"\n"):
                        break
                yield Ref(id=fallback, path=path, line=lineno, offset=start,
                          error=f"line {lineno}: longer than {LINE_LIMIT // 1048576} MiB "
                                f"(an article may hold {MAX_BYTES // 1048576} MiB of text)")
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                yield Ref(id=fallback, path=path, line=lineno, offset=start,
                          error=f"line {lineno}: not JSON ({exc})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield Ref(id=fallback, path=path, line=lineno, offset=start,
                          error=f"line {lineno}: no \"text\" string")
                continue
            try:
                doc_id = _doc_id(obj.get("id"))
            except ValueError as exc:
                yield Ref(id=fallback, path=path, line=lineno, offset=start,
                          error=f"line {lineno}: {exc}")
                continue
            doc_id = doc_id if doc_id is not None else fallback
            publisher = obj.get("publisher")
            date = obj.get("publication_date") or obj.get("date")
            publisher = str(publisher) if publisher not in (None, "") else None
            date = str(date) if date not in (None, "") else None
            error = None
            if len(raw) > MAX_BYTES:  # the text cannot be longer than its line
                size = len(obj["text"].encode("utf-8", "surrogatepass"))
                if size > MAX_BYTES:  # as a file of that size would be (load's too-large)
                    error = (f"line {lineno}: text too large: {size / 1048576:.1f} MiB, the limit is "
                             f"{MAX_BYTES / 1048576:g} MiB (split the article)")
            yield Ref(id=doc_id, path=path, line=lineno, offset=start, publisher=publisher,
                      date=date, error=error, digest=_digest(raw))


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
                    raw = fh.readline(LINE_LIMIT)
                    if _digest(raw) != ref.digest:  # the file changed since the run planned it
                        yield Item(ref.id, ref.path, None, ref.publisher, ref.date,
                                   f"line {ref.line} changed while the run was going (it no longer "
                                   f"holds the article planned as {ref.id!r}); run the same "
                                   "command again to audit it")
                        continue
                    obj = json.loads(raw)
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
