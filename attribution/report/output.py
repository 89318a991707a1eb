"""``--output FILE``: where a report may be written, and writing it atomically.

The report is written to a temporary file created with :func:`tempfile.mkstemp`
in the target's own directory (an unpredictable name, ``O_EXCL``, mode 0600
while it is written: nothing planted there beforehand is followed), flushed to
disk, given the target's permissions and moved over the target with
:func:`os.replace`.  On any failure the temporary file is removed and the target
is untouched.  A target that is one of the audited inputs is refused before the
audit starts, as is one whose directory does not exist.
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable

from ..errors import OutputError  # noqa: F401  (raised here; importers catch it from here)


def _show(path: str) -> str:
    from .safe import path as safe_path

    return safe_path(str(path))


def check_target(target: str | os.PathLike) -> None:
    """Refuse a target that cannot be written (no such directory, a directory, not a file)."""
    target = os.fspath(target)
    directory = os.path.dirname(target) or "."
    if not os.path.isdir(directory):
        raise OutputError(f"cannot write {_show(target)}: directory {_show(directory)} does not exist")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot write {_show(target)}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {_show(target)}: it is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"cannot write {_show(target)}: not a regular file")


def refuse_inputs(target: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> None:
    """Refuse a target that is (the same file as) one of ``inputs`` (``-`` is skipped)."""
    target = os.fspath(target)
    try:
        tst = os.stat(target)
    except OSError:
        return  # does not exist yet: it cannot be an input
    for item in inputs:
        item = os.fspath(item)
        if item == "-":
            continue
        try:
            ist = os.stat(item)
        except OSError:
            continue
        if (ist.st_dev, ist.st_ino) == (tst.st_dev, tst.st_ino):
            raise OutputError(f"refusing to write the report to {_show(target)}: it is one of the "
                              f"audited inputs ({_show(item)})")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(target: str | os.PathLike, text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` atomically; nothing is left behind on failure."""
    target = os.fspath(target)
    check_target(target)
    directory = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(target)[:64]}.",
                                    suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {_show(target)}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {_show(target)}: {exc.strerror or exc}") from None
        if isinstance(exc, UnicodeError):
            raise OutputError(f"cannot write {_show(target)}: {exc}") from None
        raise
