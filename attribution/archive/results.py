"""``OUT/documents.jsonl``: the append-only results file of an archive run (fsynced per
batch, repaired after a crash) and the readers that stream its records."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Iterator

from ..errors import ArchiveError

DOCUMENTS = "documents.jsonl"


class Results:
    """``documents.jsonl``: append-only, one line per document, recoverable after a crash."""

    def __init__(self, out: str | os.PathLike):
        self.dir = Path(out)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(f"cannot create {self.dir}: {exc.strerror or exc}") from None
        self.path = self.dir / DOCUMENTS
        self.done: set[str] = set()
        self.models: Counter = Counter()
        self.dropped = 0  # damaged lines removed on recovery
        self._recover()
        self._fh = None

    def _recover(self) -> None:
        """Read the ids already written; cut a truncated last line; drop damaged lines."""
        if not self.path.exists():
            return
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise ArchiveError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        good: list[bytes] = []
        pos = 0
        damaged = False
        while pos < len(data):
            nl = data.find(b"\n", pos)
            if nl < 0:  # an unfinished last line: the run stopped while writing it
                self.dropped += 1
                damaged = True
                break
            line = data[pos:nl + 1]
            pos = nl + 1
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                doc_id = rec["id"]
            except (ValueError, KeyError, TypeError, UnicodeDecodeError):
                self.dropped += 1
                damaged = True
                continue
            if doc_id in self.done:  # a duplicate can only come from outside tampering
                self.dropped += 1
                damaged = True
                continue
            self.done.add(doc_id)
            if "model" in rec:
                self.models[rec["model"]] += 1
            good.append(line)
        if damaged:
            tmp = self.path.with_name(f".{DOCUMENTS}.tmp{os.getpid()}")
            with open(tmp, "wb") as fh:
                fh.writelines(good)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)

    def append(self, lines: list[str]) -> None:
        if self._fh is None:
            self._fh = open(self.path, "a", encoding="utf-8")
        self._fh.write("".join(line + "\n" for line in lines))
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def iter_records(out: str | os.PathLike) -> Iterator[dict]:
    """Every complete record of a results directory, streamed (a truncated last line is ignored).

    ``out`` is the directory or its ``documents.jsonl``.
    """
    path = Path(out) / DOCUMENTS
    if Path(out).is_file():
        path = Path(out)
    if not path.is_file():
        raise ArchiveError(f"no {DOCUMENTS} in {out} (run 'attribution archive ... --out {out}' first)")
    return _iter_records(path)


def _iter_records(path: Path) -> Iterator[dict]:
    seen = set()
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                rec = json.loads(raw)
            except ValueError:
                continue
            if isinstance(rec, dict) and "id" in rec and rec["id"] not in seen:
                seen.add(rec["id"])
                yield rec


def read_records(out: str | os.PathLike) -> list[dict]:
    return list(iter_records(out))
