"""The load stage: a file (or stdin) in, a :class:`~attribution.model.Source` out.

A ``Source`` holds the decoded text of the input exactly as the user has it and
the prose *blocks* (paragraphs) the parser will see.  Every offset is a
code-point offset into ``Source.text``, so ``line:column`` computed from it is
what the user's editor shows.

Inputs
    Plain text (``.txt`` and anything else), Markdown (``.md``, ``.markdown``) and
    HTML (``.html``, ``.htm``), Word (``.docx``, with python-docx) and OpenDocument
    text (``.odt``), see :func:`load_word`; stdin is HTML when it starts with ``<!doctype html``
    or ``<html``, plain text otherwise.  :func:`iter_inputs` expands directories
    (recursively, sorted by name, hidden entries skipped) to the files with those
    suffixes and detects symbolic-link loops.

Encodings
    A byte-order mark selects UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE); the BOM is
    *not* part of ``Source.text`` and offsets count from the first character after
    it.  Without a BOM, UTF-16 and UTF-32 are recognised by their NUL bytes when the
    text is mostly ASCII; otherwise the bytes should be UTF-8.  UTF-8 with a few bad
    bytes (fewer bad places than characters beyond ASCII that decode) stays UTF-8, each
    bad place a U+FFFD, with a notice.  Otherwise the documented fallback is to decode them as cp1252 (Windows Western, a superset of the
    printable Latin-1) or, when even that fails, as Latin-1, with a notice such as
    ``decoded as cp1252: not valid UTF-8`` in ``Source.notices`` and the codec in
    ``Source.encoding``.  (HTML that declares a ``charset`` is decoded with that
    charset instead when it is not UTF-8.)  Binary files (NUL bytes, or the magic
    number of a PNG, JPEG, GIF, PDF, ZIP/Office, gzip, ... file) are refused with
    a :class:`LoadError`.  Line endings are kept as they are (CRLF stays CRLF).

Limits
    Files larger than :data:`MAX_BYTES` (10 MiB) are refused with a clear
    ``too-large`` error.  Paragraphs longer than :data:`MAX_BLOCK_CHARS` are split
    (at a line break, a sentence end or a space) with a notice, so the parser's
    memory stays bounded; so are runs of more than :data:`MAX_RUN_WORDS` words
    without a sentence end (a 3,000-word "sentence" with no punctuation) and of more
    than :data:`MAX_RUN_TOKENS` tokens as stanza counts them (50,000 ``"`` in a row),
    and no block holds more than :data:`MAX_PIECE_TOKENS` tokens.

Blocks
    Paragraphs are separated by blank lines.  Plain-text blocks are exact slices
    of the file (``Block.offsets is None`` and ``block.text ==
    source.text[block.start:block.end]``).  In Markdown, markup that is not prose
    -- YAML/TOML front matter, fenced and indented code blocks, HTML comments and
    tags, heading hashes, list and blockquote markers, emphasis markers, link
    targets, images -- is replaced by spaces of equal length, so offsets stay the
    identity (``block.text[i]`` is either ``source.text[block.start + i]`` or a
    blanked space); headings and list items are blocks of their own.  In HTML,
    trafilatura decides which text is the article (no navigation, scripts,
    styles, footers); each extracted paragraph is then located in the raw HTML
    (whitespace and entities normalised) and ``Block.offsets`` carries the file
    offset of every character.  A paragraph that cannot be located is skipped
    with a notice, never guessed.

Boilerplate
    Navigation lines, "XS SM MD LG", "Share this story", "Skip to main content",
    bylines and datelines standing alone, photo captions ("FILE - ..." or ending
    "(AP Photo...)") and copyright lines are dropped, so they produce no
    attributions.  The patterns are data: ``attribution/data/boilerplate.toml``.
    Headlines are kept.

Inline suppression
    In Markdown and HTML, a comment ``<!-- attribution: ignore[rule-id, other-rule] -->``
    suppresses those rules for the next paragraph (for the paragraph it sits in,
    when it is inside one); ``<!-- attribution: ignore -->`` suppresses every rule
    there.  ``<!-- attribution: off -->`` ... ``<!-- attribution: on -->`` suppresses
    every rule (``"*"``) for the paragraphs between them (to the end of the file
    when ``on`` never comes).  In plain text (and Markdown) the same directives are
    written on a line of their own: ``[attribution: ignore[rule-id]]``,
    ``[attribution: off]``, ``[attribution: on]``; such a line is never part of a
    block.  The rule ids land in ``Block.suppress``; the check stage applies them.
"""
from __future__ import annotations

import bisect
import errno
import html as _html
import os
import re
import stat as _stat
import sys
import tomllib
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .errors import InputError
from .model import Block, Source

MAX_BYTES = 10 * 1024 * 1024
"""Largest input accepted, in bytes (10 MiB; about 1.5 million words of English)."""

MAX_BLOCK_CHARS = 50_000
"""Longest block handed to the parser; longer paragraphs are split with a notice."""

MAX_RUN_WORDS = 120
"""Most words a block may hold without a sentence end (. ! ? ; :); a longer run is
split there with a notice.  The dependency parser's memory grows with the square
of the sentence length: one 3,000-word "sentence" would need some 20 GB."""

MAX_RUN_TOKENS = 250
"""Most tokens a block may hold without a sentence end, counted as stanza's tokenizer
cuts them (:data:`_TOKEN`): a run of letters and digits is one token, and so is each
other character -- every ``"``, ``“``, ``—``, ``(`` or ``$`` of a run, which the
120-word count sees as one word.  Only ``!``, ``?`` and a ``.`` that does not end an
abbreviation (``etc.``, ``U.S.``, ``Mr.``) end the run: stanza does not end sentences
at ``;``, ``:`` or ``...``.  On the compact model a 250-token sentence costs the parser
about 50 MB and 0.8 s, 500 tokens 370 MB and 3 s, 1,000 tokens 2.8-3.2 GB and 25-30 s."""

MAX_PIECE_TOKENS = 500
"""Most tokens one block holds at all: a longer paragraph is cut at its last sentence
end (no notice; only the parser sees the cut), so that no sentence the parser forms,
whatever it takes for a sentence end, is longer than this."""

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".docx": "docx", ".odt": "odt"}
"""Suffixes picked up when a directory is expanded, and the format each implies."""

BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate.toml"


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


# ------------------------------------------------------------------ inputs

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


# ------------------------------------------------------------------ reading

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


# ------------------------------------------------------------------ word processors

WORD_FORMATS = ("docx", "odt")
"""Formats read from a word processor's zip package rather than decoded as text."""

MAX_UNPACKED = 64 * 1024 * 1024
"""Most bytes a .docx or .odt may unpack to (the sizes its zip directory declares,
which Python's zipfile enforces while reading): a 10 MiB zip bomb is refused."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def load_word(data: bytes, path: str = "-", fmt: str = "docx") -> Source:
    """A Word (.docx, read with python-docx) or OpenDocument (.odt) file as a Source.

    ``Source.text`` is the *text view* of the document: one line per paragraph, in
    document order (table cells and text boxes included, each paragraph once;
    tracked deletions left out, insertions kept), joined by ``\\n``; a line break or
    tab inside a paragraph is a space.  So line N is the document's paragraph N
    (empty paragraphs count), and a column counts characters within the paragraph.
    Each non-empty paragraph is one block (boilerplate dropped, long ones split as in
    plain text); a paragraph ``[attribution: ignore[rule]]`` suppresses as in text.
    """
    import io
    import zipfile

    what = "Word (.docx)" if fmt == "docx" else "OpenDocument (.odt)"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise LoadError(path, f"not a valid {what} file (not a zip package)", "decode") from None
    if unpacked > MAX_UNPACKED:
        raise LoadError(path, f"{what} file unpacks to {unpacked / 1048576:.0f} MiB, the limit is "
                              f"{MAX_UNPACKED / 1048576:g} MiB", "too-large")
    try:
        paras = _docx_paragraphs(data) if fmt == "docx" else _odt_paragraphs(zf)
    except LoadError:
        raise
    except Exception as exc:  # python-docx, lxml or zipfile on a damaged package
        detail = _safe_line(str(exc))[:120] or type(exc).__name__
        raise LoadError(path, f"not a valid {what} file ({detail})", "decode") from None
    text = "\n".join(re.sub(r"[\s\x00-\x1f\x7f]", " ", p) for p in paras)
    view, kinds, spans, directives = _text_view(text)
    kinds = [HEADING if k == PROSE else k for k in kinds]  # a paragraph is a block of its own
    notices: list[str] = []
    blocks = _group_blocks(text, view, kinds, spans, notices)
    blocks = _apply_directives(_bound_runs(blocks, text, notices), directives)
    return Source(path=path, text=text, blocks=tuple(blocks), format=fmt, notices=tuple(notices))


def _safe_line(s: str) -> str:
    return " ".join(s.split())


def _docx_paragraphs(data: bytes) -> list[str]:
    import io

    import docx  # python-docx: finds the main document part through the package's relationships

    body = docx.Document(io.BytesIO(data)).element.body
    return [_docx_text(p) for p in body.iter(_W + "p")]


def _docx_text(p) -> str:
    out: list[str] = []

    def walk(el):
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in (_W + "p", _W + "del", _W + "moveFrom"):
                continue  # a nested paragraph (text box) is its own; deleted text is gone
            if tag == _W + "t":
                out.append(child.text or "")
            elif tag in (_W + "tab", _W + "br", _W + "cr"):
                out.append(" ")
            elif tag == _W + "noBreakHyphen":
                out.append("-")
            elif tag not in (_W + "instrText", _W + "delText", _W + "rPr", _W + "pPr"):
                walk(child)

    walk(p)
    return "".join(out)


def _odt_paragraphs(zf) -> list[str]:
    import xml.etree.ElementTree as ET

    raw = zf.read("content.xml")
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:  # no entity expansion (billion laughs)
        raise ValueError("content.xml declares a DTD")
    root = ET.fromstring(raw)
    paras: list[str] = []

    def text_of(el, out):
        if el.text:
            out.append(el.text)
        for child in el:
            tag = child.tag
            if tag == _ODF_TEXT + "s":
                out.append(" " * int(child.get(_ODF_TEXT + "c", "1") or 1))
            elif tag in (_ODF_TEXT + "tab", _ODF_TEXT + "line-break"):
                out.append(" ")
            elif tag in (_ODF_TEXT + "note", _ODF_TEXT + "tracked-changes", _ODF_TEXT + "p",
                         _ODF_TEXT + "h"):
                pass  # footnotes, deleted text and nested paragraphs are not this paragraph
            else:
                text_of(child, out)
            if child.tail:
                out.append(child.tail)

    def walk(el):
        for child in el:
            if child.tag in (_ODF_TEXT + "p", _ODF_TEXT + "h"):
                out: list[str] = []
                text_of(child, out)
                paras.append("".join(out))
                walk(child)  # a paragraph in a frame or note inside this one comes after it
            elif child.tag != _ODF_TEXT + "tracked-changes":  # deleted paragraphs live there
                walk(child)

    walk(root)
    return paras


# ------------------------------------------------------------------ decoding

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", None),  # checked more strictly below
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (OLE) document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", None),
    (b"\x00\x00\x00", None),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"wOFF", "WOFF font"),
    (b"\x00asm", "WebAssembly module"),
    (b"SQLite format 3\x00", "SQLite database"),
)


def _magic(data: bytes) -> str | None:
    for sig, what in _MAGIC:
        if data.startswith(sig) and what:
            return what
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data.startswith(b"BZh") and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
        return "bzip2 archive"
    return None


def decode(data: bytes, path: str = "-", *, html: bool = False) -> tuple[str, str, list[str]]:
    """Bytes to text: ``(text, encoding, notices)``; raises :class:`LoadError` for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(path, f"not valid {codec.upper()} despite its byte-order mark "
                                      f"(byte {exc.start + len(bom)})", "decode") from None
            return _check_controls(text, path), codec, []
    what = _magic(data)
    if what:
        raise LoadError(path, f"binary file ({what}), not text", "binary")
    if b"\x00" in data:
        codec = _utf32_without_bom(data) or _utf16_without_bom(data)
        if codec:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                pass
            else:
                return (_check_controls(text, path), codec,
                        [f"decoded as {codec.upper()}: no byte-order mark, but the bytes are "
                         f"{codec[:6].upper()}"])
        raise LoadError(path, "binary file (contains NUL bytes), not text", "binary")
    try:
        return _check_controls(data.decode("utf-8"), path), "utf-8", []
    except UnicodeDecodeError as exc:
        bad = exc.start
    mostly = _mostly_utf8(data)
    if mostly is not None:  # a few bad bytes in a UTF-8 file: not a reason to read it all as cp1252
        text, n_bad = mostly
        return (_check_controls(text, path), "utf-8",
                [f"not valid UTF-8 in {n_bad} place{'s' if n_bad != 1 else ''} (first bad byte at "
                 f"offset {bad}), shown as \ufffd; the rest decoded as UTF-8"])
    if html:
        declared = _declared_charset(data)
        if declared and declared not in ("utf-8", "utf8"):
            try:
                text = data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
            else:
                return (_check_controls(text, path), declared,
                        [f"decoded as {declared}: not valid UTF-8, charset declared in the HTML"])
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return (_check_controls(text, path), codec,
                [f"decoded as {codec}: not valid UTF-8 (first bad byte at offset {bad})"])
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """``(text, bad places)`` when the bytes are UTF-8 with a few bad bytes: more characters
    beyond ASCII decode as UTF-8 than places fail (one stray byte in a file of curly quotes).
    A cp1252 or Latin-1 file has (almost) no valid UTF-8 sequence, so it is None."""
    text = data.decode("utf-8", "replace")
    n_bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    return (text, n_bad) if 0 < n_bad < good else None


def _utf32_without_bom(data: bytes) -> str | None:
    """UTF-32 without a BOM, when mostly ASCII: three NUL bytes in (nearly) every 4."""
    sample = data[:4096]
    n = len(sample) // 4
    if n < 2 or len(data) % 4:
        return None
    units = [sample[4 * i:4 * i + 4] for i in range(n)]
    if sum(u[1:] == b"\x00\x00\x00" and u[0] != 0 for u in units) >= 0.6 * n and \
            sum(u[2] != 0 or u[3] != 0 for u in units) <= 0.05 * n:
        return "utf-32-le"
    if sum(u[:3] == b"\x00\x00\x00" and u[3] != 0 for u in units) >= 0.6 * n and \
            sum(u[0] != 0 or u[1] != 0 for u in units) <= 0.05 * n:
        return "utf-32-be"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    n = len(sample) // 2
    if n < 2:
        return None
    even = sum(1 for b in sample[0:2 * n:2] if b == 0)
    odd = sum(1 for b in sample[1:2 * n:2] if b == 0)
    if odd >= 0.6 * n and even <= 0.05 * n:
        return "utf-16-le"
    if even >= 0.6 * n and odd <= 0.05 * n:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        import codecs

        return codecs.lookup(name).name
    except LookupError:
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _check_controls(text: str, path: str) -> str:
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        raise LoadError(path, "binary file (mostly control characters), not text", "binary")
    return text


# ------------------------------------------------------------------ boilerplate

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

_DIRECTIVE_BODY = r"attribution\s*:\s*(ignore(?:\s*\[([^\]]*)\])?|off|on)"
_TEXT_DIRECTIVE = re.compile(r"\s*\[\s*" + _DIRECTIVE_BODY + r"\s*\]\s*")
_COMMENT_DIRECTIVE = re.compile(r"<!--\s*" + _DIRECTIVE_BODY + r"\s*-->")


def _directive(m: re.Match, pos: int) -> tuple[int, str, frozenset[str]]:
    kind = m.group(1).split("[")[0].strip()
    kind = "ignore" if kind.startswith("ignore") else kind
    rules = frozenset(r.strip() for r in (m.group(2) or "").split(",") if r.strip())
    return pos, kind, rules or frozenset({"*"})


# line kinds
BLANK, PROSE, ITEM, HEADING, SEP = range(5)


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


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the end excluding the "\\n" (a "\\r" stays in the line)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _text_view(text: str):
    spans = _line_spans(text)
    kinds, directives = [], []
    for s, e in spans:
        line = text[s:e]
        if not line.strip():
            kinds.append(BLANK)
            continue
        m = _TEXT_DIRECTIVE.fullmatch(line)
        if m:
            directives.append(_directive(m, s))
            kinds.append(SEP)
        else:
            kinds.append(PROSE)
    return text, kinds, spans, directives


def _group_blocks(text: str, view: str, kinds: list[int], spans: list[tuple[int, int]],
                  notices: list[str]) -> list[Block]:
    """Group lines into paragraphs, drop boilerplate, trim, split over-long ones."""
    groups: list[list[int]] = []
    cur: list[int] = []
    for i, k in enumerate(kinds):
        if k in (BLANK, SEP):
            if cur:
                groups.append(cur)
            cur = []
        elif k in (HEADING, ITEM):
            if cur:
                groups.append(cur)
            cur = [i]
            if k == HEADING:
                groups.append(cur)
                cur = []
        else:
            cur.append(i)
    if cur:
        groups.append(cur)

    blocks: list[Block] = []
    for g in groups:
        run: list[int] = []
        for i in g + [-1]:
            if i >= 0 and not boilerplate_match(view[spans[i][0]:spans[i][1]], "line"):
                run.append(i)
                continue
            if run:
                s, e = spans[run[0]][0], spans[run[-1]][1]
                while s < e and view[s].isspace():
                    s += 1
                while e > s and view[e - 1].isspace():
                    e -= 1
                if e > s and not boilerplate_match(view[s:e], "paragraph"):
                    blocks.extend(_split_long(view, s, e, text, notices))
            run = []
    return blocks


_SPLIT_AT = (re.compile(r"\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))


def _split_long(view: str, s: int, e: int, text: str, notices: list[str]) -> list[Block]:
    if e - s <= MAX_BLOCK_CHARS:
        return [Block(s, e, view[s:e])]
    line = text.count("\n", 0, s) + 1
    notices.append(f"line {line}: paragraph of {e - s:,} characters split into pieces of at most "
                   f"{MAX_BLOCK_CHARS:,}")
    out = []
    while e - s > MAX_BLOCK_CHARS:
        cut = None
        lo, hi = s + MAX_BLOCK_CHARS // 2, s + MAX_BLOCK_CHARS
        for rx in _SPLIT_AT:
            last = None
            for m in rx.finditer(view, lo, hi):
                last = m
            if last:
                cut = last.end()
                break
        cut = cut or hi
        a, b = s, cut
        while b > a and view[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Block(a, b, view[a:b]))
        s = cut
        while s < e and view[s].isspace():
            s += 1
    if e > s:
        out.append(Block(s, e, view[s:e]))
    return out


_WORD = re.compile(r"\S+")
_SENT_END = re.compile(r"[.!?;:…][\"'”’»)\]]*$")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_ENDS = frozenset(".!?" + _CLOSERS)
_ABBREV = frozenset("mr mrs ms dr st jr sr gen col lt sgt capt sen rep gov inc corp co ltd vs etc "
                    "approx no jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _strong_end(word: str) -> bool:
    """Does the parser surely end a sentence after ``word``?  (``!``, ``?``, or a ``.``
    that does not close an abbreviation; not ``;``, ``:``, ``...`` or ``…``.)"""
    core = word.rstrip(_CLOSERS)
    if not core or core[-1] not in ".!?" or core.endswith(".."):
        return False
    if core[-1] != ".":
        return True
    stem = core[:-1].lstrip(_OPENERS)
    if len(stem) < 2 or "." in stem or stem.lower() in _ABBREV:
        return False
    return not (len(stem) <= 4 and stem[0].isupper() and stem[1:].islower())  # Gen. Sept. Ave.


def _run_cuts(t: str) -> tuple[list[int], str | None]:
    """Where to cut ``t`` so that no sentence the parser forms is too long, and why."""
    cuts: list[int] = []
    why = None
    words = 0        # words since any sentence end (MAX_RUN_WORDS)
    run = 0          # tokens since a strong sentence end (MAX_RUN_TOKENS)
    piece = 0        # tokens since the last cut (MAX_PIECE_TOKENS)
    last_end = None  # offset after the last strong sentence end since the last cut
    for m in _WORD.finditer(t):
        w = m.group(0)
        n = 1 if w.isalnum() else len(_TOKEN.findall(w))
        if run and (words >= MAX_RUN_WORDS or run + n > MAX_RUN_TOKENS):
            cuts.append(m.start())
            why = why or ("words" if words >= MAX_RUN_WORDS else "tokens")
            words = run = piece = 0
            last_end = None
        elif piece + n > MAX_PIECE_TOKENS and last_end is not None:
            cuts.append(last_end)  # a long paragraph: cut at its last sentence end
            piece, last_end = run, None
        if n > MAX_RUN_TOKENS:
            # one "word" the parser cuts into more tokens than a sentence may hold: cut inside it
            for k, tm in enumerate(_TOKEN.finditer(w)):
                if k and k % MAX_RUN_TOKENS == 0:
                    cuts.append(m.start() + tm.start())
            why = "tokens"
            words, run, piece = 1, n % MAX_RUN_TOKENS or MAX_RUN_TOKENS, n % MAX_RUN_TOKENS or MAX_RUN_TOKENS
        else:
            words += 1
            run += n
            piece += n
        if _SENT_END.search(w):
            words = 0
        if w[-1] in _ENDS and _strong_end(w):
            run = 0
            last_end = m.end()
    return cuts, why


def _bound_runs(blocks: list[Block], text: str, notices: list[str]) -> list[Block]:
    """Split blocks holding a run longer than MAX_RUN_WORDS words or MAX_RUN_TOKENS
    tokens without a sentence end (with a notice), and blocks of more than
    MAX_PIECE_TOKENS tokens (at a sentence end)."""
    out: list[Block] = []
    for b in blocks:
        if len(b.text) <= min(2 * MAX_RUN_WORDS, MAX_RUN_TOKENS) or (
                len(b.text.split(None, MAX_RUN_WORDS)) <= MAX_RUN_WORDS
                and len(_TOKEN.findall(b.text)) <= MAX_RUN_TOKENS):
            out.append(b)  # too short to hold a run the parser cannot take
            continue
        cuts, why = _run_cuts(b.text)
        if not cuts:
            out.append(b)
            continue
        line = text.count("\n", 0, b.start) + 1
        if why == "words":
            notices.append(f"line {line}: more than {MAX_RUN_WORDS} words without a sentence end; "
                           f"split every {MAX_RUN_WORDS} words for the parser")
        elif why == "tokens":
            notices.append(f"line {line}: more than {MAX_RUN_TOKENS} tokens without a sentence end "
                           f"(quotation marks, dashes, brackets, symbols count one each); split for the parser")
        bounds = [0] + cuts + [len(b.text)]
        for lo, hi in zip(bounds, bounds[1:]):
            while lo < hi and b.text[lo].isspace():
                lo += 1
            while hi > lo and b.text[hi - 1].isspace():
                hi -= 1
            if hi <= lo:
                continue
            if b.offsets is None:
                out.append(Block(b.start + lo, b.start + hi, b.text[lo:hi], None, b.suppress))
            else:
                offs = b.offsets[lo:hi] + (b.offsets[hi] if hi < len(b.text) else b.end,)
                out.append(Block(offs[0], offs[-1], b.text[lo:hi], offs, b.suppress))
    return out


def _apply_directives(blocks: list[Block], directives: list[tuple[int, str, frozenset[str]]]) -> list[Block]:
    if not directives or not blocks:
        return blocks
    extra: list[set[str]] = [set() for _ in blocks]
    off_at: int | None = None
    regions = []
    for pos, kind, rules in sorted(directives, key=lambda d: d[0]):
        if kind == "ignore":
            for bi, b in enumerate(blocks):
                if b.end > pos:
                    extra[bi] |= rules
                    break
        elif kind == "off":
            if off_at is None:
                off_at = pos
        elif off_at is not None:
            regions.append((off_at, pos))
            off_at = None
    if off_at is not None:
        regions.append((off_at, float("inf")))
    for bi, b in enumerate(blocks):
        if any(lo <= b.start < hi for lo, hi in regions):
            extra[bi].add("*")
    return [Block(b.start, b.end, b.text, b.offsets, b.suppress | frozenset(x)) if x else b
            for b, x in zip(blocks, extra)]


# ------------------------------------------------------------------ Markdown

_FENCE = re.compile(r"( {0,3})(`{3,}|~{3,})([^`]*)$")
_ATX = re.compile(r"( {0,3})(#{1,6})(?=\s|$)")
_ATX_CLOSE = re.compile(r"\s(#+)\s*$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)\s*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_DELIM = re.compile(r"\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$")
_REFDEF = re.compile(r" {0,3}\[[^\]]+\]:\s*\S+.*$")
_QUOTE_MARKERS = re.compile(r"(?: {0,3}>[ ]?)+")
_LIST = re.compile(r"(\s*)([-*+]|\d{1,9}[.)])(\s+(?:\[[ xX]\]\s+)?|$)")
_INLINE_BLANK = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)"                       # images: all of it
    r"|!\[[^\]\n]*\]\[[^\]\n]*\]"
    r"|\[\^[^\]\n]+\]"                                # footnote references
    r"|<(?:https?|ftp|mailto):[^>\s]+>|<[^>\s@]+@[^>\s]+>"  # autolinks
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"    # inline HTML tags
    r"|`+"                                            # code-span backticks (content kept)
    r"|(?<![\w*\\])\*{1,3}(?=[^\s*])|(?<=[^\s*\\])\*{1,3}(?![\w*])"  # emphasis *
    r"|(?<![\w\\])_{1,3}(?=[^\s_])|(?<=[^\s_\\])_{1,3}(?!\w)"        # emphasis _
    r"|~~"
    r"|\\(?=[!-/:-@\[-`{-~])"                       # backslash escapes
)
_LINK = re.compile(r"(\[)([^\]\n]*)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")


def _blank(chars: list[str], s: int, e: int) -> None:
    for i in range(s, e):
        if chars[i] not in "\n":
            chars[i] = " "


_MD_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CLOSING_MARKS = frozenset("\u201d\u2019\u00bb\u203a")


def _md_entities(chars: list[str]) -> None:
    """Entity references (``&ldquo;``, ``&amp;``) read as the character they stand for.

    The view keeps the file's length: the character takes the entity's first place
    (its last for a closing quotation mark) and the rest is blanked, so a quotation
    written ``&ldquo;...&rdquo;`` covers both entities, words inside it stay inside.
    """
    seg = "".join(chars)
    for m in _MD_ENTITY.finditer(seg):
        value = _html.unescape(m.group(0))
        if len(value) != 1 or value == m.group(0) or not value.isprintable():
            continue
        _blank(chars, m.start(), m.end())
        chars[m.end() - 1 if value in _CLOSING_MARKS else m.start()] = value


def _markdown_view(text: str):
    """Blank Markdown markup in a copy of ``text`` (same length) and classify its lines."""
    spans = _line_spans(text)
    n = len(spans)
    kinds = [BLANK] * n
    directives: list[tuple[int, str, frozenset[str]]] = []
    out_lines: list[str] = []

    first = 0
    # front matter: --- ... --- (YAML) or +++ ... +++ (TOML) opening the file
    if n > 1 and text[spans[0][0]:spans[0][1]].rstrip() in ("---", "+++"):
        delim = text[spans[0][0]:spans[0][1]].rstrip()
        closers = ("---", "...") if delim == "---" else ("+++",)
        for j in range(1, n):
            if text[spans[j][0]:spans[j][1]].rstrip() in closers:
                for k in range(j + 1):
                    s, e = spans[k]
                    out_lines.append(" " * (e - s))
                    kinds[k] = SEP
                first = j + 1
                break

    fence: tuple[str, int] | None = None
    in_comment = False
    in_code = False
    list_ctx = False
    prev_kind = BLANK
    for i in range(first, n):
        s, e = spans[i]
        line = text[s:e]
        chars = list(line)
        # --- multi-line states
        if fence:
            out_lines.append(" " * len(line))
            kinds[i] = SEP
            m = re.match(r" {0,3}(`{3,}|~{3,})\s*$", line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1]:
                fence = None
            prev_kind = SEP
            continue
        pos = 0
        had_comment = False
        if in_comment:
            end = line.find("-->")
            if end < 0:
                out_lines.append(" " * len(line))
                kinds[i] = SEP
                continue
            _blank(chars, 0, end + 3)
            pos = end + 3
            in_comment = False
            had_comment = True
        if in_code:
            if not line.strip() or line.startswith(("    ", "\t")):
                out_lines.append(" " * len(line))
                kinds[i] = SEP if line.strip() else BLANK
                continue
            in_code = False
        if pos == 0:
            m = _FENCE.match(line)
            if m:
                fence = (m.group(2)[0], len(m.group(2)))
                out_lines.append(" " * len(line))
                kinds[i] = SEP
                prev_kind = SEP
                continue
            if (line.startswith(("    ", "\t")) and line.strip() and prev_kind in (BLANK, SEP)
                    and not list_ctx):
                in_code = True
                out_lines.append(" " * len(line))
                kinds[i] = SEP
                prev_kind = SEP
                continue
        # --- HTML comments (and the directives in them)
        while True:
            a = line.find("<!--", pos)
            if a < 0:
                break
            had_comment = True
            b = line.find("-->", a + 4)
            dm = _COMMENT_DIRECTIVE.match(line, a)
            if dm:
                directives.append(_directive(dm, s + a))
            if b < 0:
                _blank(chars, a, len(line))
                in_comment = True
                break
            _blank(chars, a, b + 3)
            pos = b + 3
        cur = "".join(chars)
        if not cur.strip():
            out_lines.append(cur)
            kinds[i] = SEP if had_comment else BLANK
            if kinds[i] == BLANK:
                prev_kind = BLANK  # a comment-only line leaves prev_kind as it was
            continue
        tm = _TEXT_DIRECTIVE.fullmatch(cur)
        if tm:
            directives.append(_directive(tm, s))
            out_lines.append(" " * len(line))
            kinds[i] = SEP
            prev_kind = SEP
            continue
        # --- block-level markers
        kind = PROSE
        q = _QUOTE_MARKERS.match(cur)
        k0 = 0
        if q and q.end() > 0:
            _blank(chars, 0, q.end())
            k0 = q.end()
        body = cur[k0:]
        if _THEMATIC.match(body) or (_SETEXT.match(body) and prev_kind == PROSE and k0 == 0) \
                or _TABLE_DELIM.match(body) or _REFDEF.match(body):
            out_lines.append(" " * len(line))
            kinds[i] = SEP
            prev_kind = SEP
            continue
        m = _ATX.match(body)
        if m:
            _blank(chars, k0, k0 + m.end())
            c = _ATX_CLOSE.search(body)
            if c:
                _blank(chars, k0 + c.start(1), k0 + c.end(1))
            kind = HEADING
        else:
            m = _LIST.match(body)
            if m and (m.group(3) or body.strip() == m.group(2)):
                _blank(chars, k0 + m.start(2), k0 + m.end(3))
                kind = ITEM
        if kind == ITEM:
            list_ctx = True
        elif prev_kind == BLANK and not line.startswith((" ", "\t")):
            list_ctx = False
        # --- inline markup
        seg = "".join(chars)
        for lm in _LINK.finditer(seg):
            _blank(chars, lm.start(1), lm.end(1))
            _blank(chars, lm.start(3), lm.end(3))
        for im in _INLINE_BLANK.finditer(seg):
            _blank(chars, im.start(), im.end())
        _md_entities(chars)
        out_lines.append("".join(chars))
        kinds[i] = kind if "".join(chars).strip() else SEP
        prev_kind = kinds[i]
    view = "\n".join(out_lines)
    assert len(view) == len(text)
    return view, kinds, spans, directives


# ------------------------------------------------------------------ HTML

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "svg",
                        "math", "iframe", "object", "canvas", "select", "textarea"})
_BREAK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html", "caption", "option",
})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?")
_WS_RUN = re.compile(r"\s+|\S+")


class _VisibleText:
    """The visible text of an HTML file, whitespace collapsed, with file offsets per character.

    ``norm`` is the text (runs of whitespace, including tag boundaries that
    break lines, collapsed to one space); ``starts[i]``/``ends[i]`` are the file
    offsets where ``norm[i]`` begins and ends in the raw HTML.
    """

    def __init__(self, text: str):
        from html.parser import HTMLParser

        self.parts: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.comments: list[tuple[int, str]] = []
        self.hard: set[int] = set()  # indices of spaces that stand for a block-level tag
        self._last_space = True
        line_starts = [0]
        for m in re.finditer("\n", text):
            line_starts.append(m.end())
        vt = self
        skip = [0]

        class P(HTMLParser):
            def _pos(self) -> int:
                ln, col = self.getpos()
                return line_starts[ln - 1] + col

            def handle_starttag(self, tag, attrs):
                if tag == "body":
                    skip[0] = 0  # <head> need not be closed
                if tag in _SKIP_TAGS and tag not in _VOID:
                    skip[0] += 1
                elif tag in _BREAK_TAGS:
                    vt._space(self._pos(), self._pos(), hard=tag != "br")

            def handle_startendtag(self, tag, attrs):
                if tag in _BREAK_TAGS:
                    vt._space(self._pos(), self._pos(), hard=tag != "br")

            def handle_endtag(self, tag):
                if tag in _SKIP_TAGS:
                    skip[0] = max(0, skip[0] - 1)
                elif tag in _BREAK_TAGS:
                    vt._space(self._pos(), self._pos(), hard=tag != "br")

            def handle_data(self, data):
                if not skip[0]:
                    vt._data(data, self._pos())

            def handle_entityref(self, name):
                self._ref()

            def handle_charref(self, name):
                self._ref()

            def _ref(self):
                p = self._pos()
                m = _ENTITY.match(text, p)
                raw = m.group(0) if m else "&"
                if not skip[0]:
                    vt._entity(_html.unescape(raw), p, p + len(raw), raw)

            def handle_comment(self, data):
                vt.comments.append((self._pos(), data))

        parser = P(convert_charrefs=False)
        parser.feed(text)
        parser.close()
        self.norm = "".join(self.parts)
        del self.parts

    def _space(self, s: int, e: int, hard: bool = False) -> None:
        if self._last_space:
            if len(self.ends):
                self.ends[-1] = max(self.ends[-1], e)
                if hard:
                    self.hard.add(len(self.ends) - 1)
            return
        # a space starts right after the previous character, before any tag: the
        # file offset of a block position is also the end of the token before it,
        # so "<b>spokesman</b> said" gives "spokesman", not "spokesman</b>"
        self.parts.append(" ")
        self.starts.append(self.ends[-1] if len(self.ends) else s)
        self.ends.append(e)
        self._last_space = True
        if hard:
            self.hard.add(len(self.ends) - 1)

    def _data(self, data: str, pos: int) -> None:
        for m in _WS_RUN.finditer(data):
            a, b = pos + m.start(), pos + m.end()
            if m.group(0)[0].isspace():
                self._space(a, b)
            else:
                self.parts.append(m.group(0))
                self.starts.extend(range(a, b))
                self.ends.extend(range(a + 1, b + 1))
                self._last_space = False

    def _entity(self, value: str, s: int, e: int, raw: str) -> None:
        if value == raw:  # unknown entity: literal text
            self._data(raw, s)
            return
        for ch in value:
            if ch.isspace():
                self._space(s, e)
            else:
                self.parts.append(ch)
                self.starts.append(s)
                self.ends.append(e)
                self._last_space = False


_UNIT_TAGS = frozenset({"p", "head", "item", "quote", "cell", "list", "table", "row", "main",
                        "doc", "div"})


def _trafilatura_units(text: str) -> list[str] | None:
    """Article paragraphs as trafilatura sees them (whitespace collapsed), or None."""
    import logging

    import trafilatura
    from lxml import etree

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    xml = trafilatura.extract(text, output_format="xml", include_comments=False,
                              include_tables=True, include_images=False, include_links=False,
                              deduplicate=False)
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return None
    units: list[str] = []
    buf: list[str] = []

    def flush():
        t = " ".join("".join(buf).split())
        if t:
            units.append(t)
        buf.clear()

    def walk(el):
        block = el.tag in _UNIT_TAGS
        if block:
            flush()
        if el.tag == "lb":
            buf.append(" ")
        if el.text:
            buf.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    walk(main)
    flush()
    return units


def _html_blocks(text: str, notices: list[str]):
    vt = _VisibleText(text)
    directives = []
    for pos, data in vt.comments:
        m = _COMMENT_DIRECTIVE.fullmatch(f"<!--{data}-->")
        if m:
            directives.append(_directive(m, pos))
    units = _trafilatura_units(text) if vt.norm.strip() else None
    if units is None:
        if vt.norm.strip():
            notices.append("no article text found by trafilatura: no blocks")
        return [], directives
    blocks: list[Block] = []
    hard = sorted(vt.hard)
    cursor, missed = 0, 0
    for unit in units:
        span = _locate(vt.norm, unit, cursor)
        if span is None:
            missed += 1
            continue
        cursor = span[1]
        # a unit that crosses block-level tags (trafilatura's fallback can join a
        # navigation bar to the article) is split at them, so boilerplate shows
        lo, hi = bisect.bisect_right(hard, span[0]), bisect.bisect_left(hard, span[1])
        cuts = [span[0]] + hard[lo:hi] + [span[1]]
        for a, b in zip(cuts, cuts[1:]):
            while a < b and vt.norm[a] == " ":
                a += 1
            while b > a and vt.norm[b - 1] == " ":
                b -= 1
            body = vt.norm[a:b]
            if not body or boilerplate_match(body, "line") or boilerplate_match(body, "paragraph"):
                continue
            offsets = tuple(vt.starts[a:b]) + (vt.ends[b - 1],)
            blocks.append(Block(offsets[0], offsets[-1], body, offsets))
    if missed:
        notices.append(f"{missed} paragraph(s) of the extracted article could not be located "
                       "in the HTML and were skipped")
    return blocks, directives


def _locate(norm: str, unit: str, cursor: int) -> tuple[int, int] | None:
    i = norm.find(unit, cursor)
    if i < 0:
        i = norm.find(unit)
    if i >= 0:
        return i, i + len(unit)
    # tolerant: optional spaces at tag boundaries, composed vs decomposed characters
    parts = []
    for ch in unit:
        if ch == " ":
            parts.append(" ?")
        else:
            alts = {re.escape(ch)}
            nfd = unicodedata.normalize("NFD", ch)
            if nfd != ch:
                alts.add(re.escape(nfd))
            parts.append(ch if len(alts) == 1 and ch.isalnum() else "(?:" + "|".join(sorted(alts)) + ")")
    try:
        rx = re.compile("".join(parts))
    except re.error:
        return None
    m = rx.search(norm, cursor) or rx.search(norm)
    if m and m.end() > m.start():
        return m.start(), m.end()
    return None
