"""What the user named: command-line paths expanded to files, and :class:`LoadError`."""
from __future__ import annotations

import errno
import os
import stat as _stat
from typing import Iterator

from ..errors import InputError

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".docx": "docx", ".odt": "odt"}
"""Suffixes picked up when a directory is expanded, and the format each implies."""


class LoadError(InputError):
    """An input that cannot be audited.

    Attributes:
        path: the path as the user gave it.
        message: one line naming the file, e.g.
            ``notes.png: binary file (PNG image), not text``.
        code: a short slug: ``missing``, ``permission``, ``is-directory``, ``loop``,
            ``binary``, ``decode``, ``too-large``, ``io``.
        severity: ``error`` (the input was not audited) or ``warning`` (something
            was skipped on purpose, e.g. a symbolic-link loop inside a directory).
    """

    def __init__(self, path: str, reason: str, code: str, severity: str = "error"):
        self.path = path
        self.reason = reason
        self.code = code
        self.severity = severity
        self.message = f"{path}: {reason}"
        super().__init__(self.message)


def iter_inputs(paths: list[str], *, follow_links: bool = False) -> Iterator[str | LoadError]:
    """Expand command-line paths into files to load, in a deterministic order.

    Files are yielded as given (whatever their suffix); directories are walked
    recursively, entries sorted by name, hidden entries (``.name``) skipped,
    keeping files whose suffix is in :data:`SUFFIXES`.  ``-`` (stdin) passes
    through.  Problems never stop the walk: a missing path, an unreadable
    directory or a symbolic-link loop is yielded as a :class:`LoadError` and the
    remaining inputs follow.  A symbolic link inside a directory that leads outside it
    (``../outside/``, ``/etc``) is skipped with a warning unless ``follow_links``; links
    that stay inside are followed, and a path named on the command line always is.
    """
    seen_dirs: set[tuple[int, int]] = set()
    for p in paths:
        if p == "-":
            yield "-"
            continue
        try:
            st = os.stat(p)
        except OSError as exc:
            yield _os_error(p, exc)
            continue
        if _stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in seen_dirs:
                continue
            seen_dirs.add(key)
            yield from _walk(p, (key,), seen_dirs, follow_links=follow_links)
        else:
            yield p


def _walk(root: str, ancestors: tuple, seen: set, *, follow_links: bool = False
          ) -> Iterator[str | LoadError]:
    """Depth first, entries sorted by name; an explicit stack, so 1,500 nested directories
    are walked like 3 (no recursion limit)."""
    inside = os.path.join(os.path.realpath(root), "")
    stack: list = []  # (iterator over a directory's sorted entries, its path, its ancestors)

    def enter(d: str, anc: tuple):
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            return _os_error(d, exc, directory=True)
        stack.append((iter(entries), d, anc))
        return None

    err = enter(root, ancestors)
    if err is not None:
        yield err
    while stack:
        entries, d, anc = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        full = os.path.join(d, entry.name)
        if not follow_links and entry.is_symlink():
            target = os.path.realpath(full)
            if not os.path.join(target, "").startswith(inside) and \
                    (os.path.isdir(target) or os.path.splitext(entry.name)[1].lower() in SUFFIXES):
                yield LoadError(full, "symbolic link out of the audited directory; skipped "
                                      "(--follow-links follows it)", "outside", severity="warning")
                continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:  # ELOOP on a self-referencing link, EACCES, ...
            yield _os_error(full, exc)
            continue
        if is_dir:
            try:
                st = os.stat(full)
            except OSError as exc:
                yield _os_error(full, exc)
                continue
            key = (st.st_dev, st.st_ino)
            if key in anc:
                yield LoadError(full, "symbolic link loop (points back to a directory above it); skipped",
                                "loop", severity="warning")
                continue
            if key in seen:  # reached twice through links: audit it once
                continue
            seen.add(key)
            err = enter(full, anc + (key,))
            if err is not None:
                yield err
        elif is_file:
            if os.path.splitext(entry.name)[1].lower() in SUFFIXES:
                yield full
        elif entry.is_symlink() and os.path.splitext(entry.name)[1].lower() in SUFFIXES:
            yield LoadError(full, "broken symbolic link", "missing")


def _os_error(path: str, exc: OSError, *, directory: bool = False) -> LoadError:
    what = "directory: " if directory else ""
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return LoadError(path, "broken symbolic link", "missing")
        return LoadError(path, "no such file or directory", "missing")
    if isinstance(exc, PermissionError):
        return LoadError(path, f"{what}permission denied", "permission")
    if isinstance(exc, IsADirectoryError):
        return LoadError(path, "is a directory", "is-directory")
    if exc.errno == errno.ELOOP:
        return LoadError(path, "symbolic link loop (too many levels of symbolic links)", "loop")
    return LoadError(path, f"{what}cannot read: {exc.strerror or exc}", "io")
