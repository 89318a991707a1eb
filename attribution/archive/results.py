"""``OUT/documents.jsonl``: the append-only results file of an archive run (fsynced per
batch, repaired after a crash) and the readers that stream its records.

One record per line.  An id may have more than one record: a document whose record is an
error (``"error"`` key: unreadable, changed during the run, an internal error) is audited
again by the next run, which appends its new record; **the last record of an id is the one
that counts**, for the resume and for every reader.  The file is read line by line, never
whole (memory grows with the number of ids, not the size of the file).

A run holds ``OUT/.lock`` (an advisory ``flock``) from start to end: a second run into the
same directory stops at once with :class:`ArchiveBusy` (exit 3).  Lines a crash or an
outside edit damaged are moved, byte for byte, to ``OUT/documents.damaged.jsonl`` (never
deleted) before the run appends anything.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import BinaryIO, Iterator

from ..errors import EXIT_BUSY, ArchiveError
from ..report.contract import is_error

DOCUMENTS = "documents.jsonl"
DAMAGED = "documents.damaged.jsonl"
LOCK = ".lock"


class ArchiveBusy(ArchiveError):
    """Another archive run is writing into the same ``--out`` directory."""

    exit_code = EXIT_BUSY


def _lines(fh: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """``(offset, raw line)`` for every line, streamed (the last one may lack its newline)."""
    offset = 0
    for raw in fh:
        yield offset, raw
        offset += len(raw)


def _record(raw: bytes) -> dict | None:
    """The record a complete line holds, or None (damaged: not JSON, not an object, no usable id)."""
    if not raw.endswith(b"\n"):
        return None
    try:
        rec = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
        return None
    return rec


class Results:
    """``documents.jsonl``: append-only, one line per document, recoverable after a crash.

    ``done`` is the set of ids whose last record is not an error (a resumed run skips them);
    ``dropped`` the number of damaged lines moved to ``documents.damaged.jsonl``.
    """

    def __init__(self, out: str | os.PathLike, *, lock: bool = True):
        self.dir = Path(out)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(f"cannot create {self.dir}: {exc.strerror or exc}") from None
        self.path = self.dir / DOCUMENTS
        self.damaged_path = self.dir / DAMAGED
        self.done: set[str] = set()
        self.retry: set[str] = set()  # ids whose last record is an error
        self.dropped = 0
        self.damaged_lines: list[int] = []  # their line numbers in documents.jsonl
        self._fh = None
        self._lock_fd = None
        if lock:
            self._lock()
        try:
            self._recover()
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ the lock

    def _lock(self) -> None:
        path = self.dir / LOCK
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                         | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise ArchiveError(f"cannot create the lock {path}: {exc.strerror or exc}") from None
        try:
            _try_lock(fd)
        except BlockingIOError:
            try:
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            except OSError:
                holder = ""
            os.close(fd)
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise ArchiveBusy(f"{self.dir} is in use by another archive run{who}: wait for it to "
                              "finish, or give another --out") from None
        except OSError as exc:
            os.close(fd)
            raise ArchiveError(f"cannot lock {path}: {exc.strerror or exc}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._lock_fd = fd

    # ------------------------------------------------------------------ recovery

    def _recover(self) -> None:
        """Read the last record of every id (streaming); move damaged lines to the side file.

        A truncated last line (the run stopped while writing it) is cut off; a damaged line
        in the middle (an outside edit) makes the file be copied without it.  Either way
        the damaged bytes are appended to ``documents.damaged.jsonl`` first.
        """
        try:
            fh = open(self.path, "rb")
        except FileNotFoundError:
            return
        except OSError as exc:
            raise ArchiveError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        last_ok: dict[str, bool] = {}
        damaged: list[tuple[int, int]] = []  # (offset, length): few, so kept
        with fh:
            for lineno, (offset, raw) in enumerate(_lines(fh), 1):
                if not raw.strip():
                    continue
                rec = _record(raw)
                if rec is None:
                    damaged.append((offset, len(raw)))
                    self.damaged_lines.append(lineno)
                    continue
                last_ok[rec["id"]] = not is_error(rec)
            size = fh.tell()
        self.done = {i for i, ok in last_ok.items() if ok}
        self.retry = {i for i, ok in last_ok.items() if not ok}
        if damaged:
            self._move_damaged(damaged, size)
        self.dropped = len(damaged)

    def _move_damaged(self, damaged: list[tuple[int, int]], size: int) -> None:
        with open(self.path, "rb") as src, open(self.damaged_path, "ab") as side:
            for offset, length in damaged:
                src.seek(offset)
                raw = src.read(length)
                side.write(raw if raw.endswith(b"\n") else raw + b"\n")
            side.flush()
            os.fsync(side.fileno())
        if len(damaged) == 1 and sum(damaged[0]) == size:  # only the last line: cut it off
            os.truncate(self.path, damaged[0][0])
            return
        tmp = self.path.with_name(f".{DOCUMENTS}.tmp{os.getpid()}")
        bad = {offset for offset, _ in damaged}
        with open(self.path, "rb") as src, open(tmp, "wb") as dst:
            for offset, raw in _lines(src):
                if offset not in bad:
                    dst.write(raw)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, self.path)

    # ------------------------------------------------------------------ writing

    def append(self, lines: list[str]) -> None:
        if self._fh is None:
            self._fh = open(self.path, "a", encoding="utf-8")
        self._fh.write("".join(line + "\n" for line in lines))
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close_file(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def close(self) -> None:
        """Close the results file and release the lock."""
        self.close_file()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the flock
            self._lock_fd = None

    def __enter__(self) -> "Results":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _try_lock(fd: int) -> None:
    """Take an exclusive advisory lock on ``fd`` or raise BlockingIOError at once."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            raise BlockingIOError from None
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def iter_records(out: str | os.PathLike) -> Iterator[dict]:
    """The last record of every id in a results directory, streamed, in the order of those
    last records (damaged lines and an unfinished last line are ignored).

    ``out`` is the directory or its ``documents.jsonl``.
    """
    path = Path(out) / DOCUMENTS
    if Path(out).is_file():
        path = Path(out)
    if not path.is_file():
        raise ArchiveError(f"no {DOCUMENTS} in {out} (run 'attribution archive ... --out {out}' first)")
    return _iter_records(path)


def _iter_records(path: Path) -> Iterator[dict]:
    last: dict[str, int] = {}  # id -> offset of its last record
    with open(path, "rb") as fh:
        for offset, raw in _lines(fh):
            rec = _record(raw)
            if rec is not None:
                last[rec["id"]] = offset
        offsets = sorted(last.values())
        del last
        for offset in offsets:
            fh.seek(offset)
            rec = _record(fh.readline())
            if rec is not None:  # None only if the file changed under us
                yield rec


def read_records(out: str | os.PathLike) -> list[dict]:
    return list(iter_records(out))
