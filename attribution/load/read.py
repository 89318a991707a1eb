"""Reading one input: a file, stdin, bytes or text to a :class:`~attribution.model.Source`."""
from __future__ import annotations

import os
import stat as _stat
import sys

from ..model import Source
from .blocks import _apply_directives, _group_blocks, _text_view
from .decode import decode
from .html import _html_blocks
from .inputs import SUFFIXES, LoadError, _os_error
from .markdown import _markdown_view
from .runs import _bound_runs
from .word import WORD_FORMATS, load_word

MAX_BYTES = 10 * 1024 * 1024
"""Largest input accepted, in bytes (10 MiB; about 1.5 million words of English)."""


def load(path: str, *, max_bytes: int = MAX_BYTES, fmt: str | None = None) -> Source:
    """Read, decode and split one file (``-`` reads stdin).

    Raises:
        LoadError: missing, unreadable, a directory, binary, undecodable or
            larger than ``max_bytes``.  The file is opened read-only and never
            written.
    """
    if path == "-":
        return load_stdin(max_bytes=max_bytes, fmt=fmt)
    try:
        # O_NONBLOCK: opening a FIFO nobody writes to must not hang the run
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if _stat.S_ISDIR(st.st_mode):
                raise LoadError(path, "is a directory", "is-directory")
            if not _stat.S_ISREG(st.st_mode):
                what = "a FIFO" if _stat.S_ISFIFO(st.st_mode) else \
                    "a socket" if _stat.S_ISSOCK(st.st_mode) else "a device"
                raise LoadError(path, f"not a regular file ({what}); pipe its text to stdin "
                                      "with '-' instead", "not-regular")
            if _stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
                raise _too_large(path, st.st_size, max_bytes)
            data = fh.read(max_bytes + 1)
    except LoadError:
        raise
    except OSError as exc:
        raise _os_error(path, exc) from None
    if len(data) > max_bytes:
        raise _too_large(path, None, max_bytes)
    return load_bytes(data, path, fmt)


def load_stdin(*, max_bytes: int = MAX_BYTES, fmt: str | None = None) -> Source:
    """Read stdin as path ``-``.  A closed or missing stdin gives an empty Source."""
    stream = sys.stdin
    try:
        if stream is None:
            raise ValueError("no stdin")
        buf = getattr(stream, "buffer", None)
        data = buf.read(max_bytes + 1) if buf is not None else stream.read(max_bytes + 1)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
    except (ValueError, OSError):
        return Source(path="-", text="", blocks=(), format=fmt or "text",
                      notices=("stdin is closed: nothing to read",))
    if data is None:
        data = b""
    if len(data) > max_bytes:
        raise _too_large("-", None, max_bytes)
    return load_bytes(data, "-", fmt)


def _too_large(path: str, size: int | None, limit: int) -> LoadError:
    have = f"{size / 1048576:.1f} MiB" if size is not None else "more than that"
    return LoadError(path, f"file too large: {have}, the limit is {limit / 1048576:g} MiB "
                           "(split the file)", "too-large")


def detect_format(path: str, text: str | None = None) -> str:
    """``markdown``, ``html`` or ``text`` from the suffix; stdin and unknown suffixes are sniffed."""
    fmt = SUFFIXES.get(os.path.splitext(path)[1].lower())
    if fmt:
        return fmt
    if text is not None and _looks_like_html(text):
        return "html"
    return "text"


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or (
        head.startswith("<") and "<html" in head)


def load_bytes(data: bytes, path: str = "-", fmt: str | None = None) -> Source:
    """Decode bytes (see the module notes on encodings) and split them into blocks."""
    hint = fmt or SUFFIXES.get(os.path.splitext(path)[1].lower())
    if hint in WORD_FORMATS:
        return load_word(data, path, hint)
    text, encoding, notices = decode(data, path, html=hint == "html" or (
        hint is None and _looks_like_html(data[:2048].decode("latin-1"))))
    src = load_text(text, path, fmt)
    if encoding != "utf-8" or notices:
        src = Source(path=src.path, text=src.text, blocks=src.blocks, format=src.format,
                     encoding=encoding, notices=tuple(notices) + src.notices)
    return src


def load_text(text: str, path: str = "-", fmt: str | None = None) -> Source:
    """Split already-decoded text into blocks; never raises on any input string.

    ``fmt`` is ``text``, ``markdown`` or ``html`` (default: from the suffix of
    ``path``, sniffing for HTML).  ``text`` becomes ``Source.text`` unchanged.
    """
    fmt = fmt or detect_format(path, text)
    notices: list[str] = []
    if fmt == "html":
        try:
            blocks, directives = _html_blocks(text, notices)
        except Exception as exc:  # a defect in an HTML library must not lose the document
            notices.append(f"HTML extraction failed ({type(exc).__name__}); read as plain text")
            fmt = "text"
        else:
            blocks = _apply_directives(_bound_runs(blocks, text, notices), directives)
            return Source(path=path, text=text, blocks=tuple(blocks), format="html",
                          notices=tuple(notices))
    if fmt == "markdown":
        view, kinds, spans, directives = _markdown_view(text)
    else:
        fmt = "text"
        view, kinds, spans, directives = _text_view(text)
    blocks = _group_blocks(text, view, kinds, spans, notices)
    blocks = _apply_directives(_bound_runs(blocks, text, notices), directives)
    return Source(path=path, text=text, blocks=tuple(blocks), format=fmt, notices=tuple(notices))
