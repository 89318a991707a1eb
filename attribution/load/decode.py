"""Bytes to text: byte-order marks, UTF-16/32 without one, cp1252 fallback, binary refused."""
from __future__ import annotations

import re

from .inputs import LoadError

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
