"""The parse cache: one file per paragraph parse, content-addressed.

The key is :meth:`attribution.parse.Parser.key` — a sha256 of (model id, stanza
version, paragraph text) — so a cache entry can never be served for another
model or another text, and re-auditing a draft after editing one paragraph
parses only that paragraph.

Layout: ``<dir>/CACHEDIR.TAG`` (the marker ``cache clear`` insists on) and
``<dir>/ab/cdef...`` (the key's first two hex digits name the shard).  An entry
is a small header followed by a JSON payload::

    b"ATPC" | format version (1 byte) | blake2b-128 of payload | payload

    payload = ["<key>", [sentence, ...]]      sentence = [word, ...]
    word    = [id, text, lemma, upos, xpos, feats, head, deprel, start, end, ner]  (a WordRow)

The cache directory is not trusted: anyone who can write it (a pull request, when
the cache lies in the checked-out workspace) can plant files there.  So the reader
takes nothing on faith (:func:`validate`):

* it opens the entry with ``O_NOFOLLOW | O_NONBLOCK`` (the shard directory too) and
  reads only a regular file: a symlink (to ``/dev/zero``, to a secret), a FIFO, a
  device or a directory is a miss;
* it reads at most :func:`size_limit` bytes, a bound from the paragraph's length;
* the payload is JSON (data only: no code, no object construction), decoded only
  after the header and digest match, and must fit the schema exactly: exact types
  (no bools for ints), the stored key equal to the requested one, word ids 1..n in
  order, one root, heads inside the sentence and no cycle, a known UPOS tag, token
  offsets inside the paragraph, non-empty, in order, covering every character that
  is not whitespace (as stanza's tokens do), a one-word token's text equal to the
  paragraph at its offsets;

and anything else — truncated, corrupt, foreign (another format version, the old
``marshal`` entries), hostile — is a miss: the paragraph is parsed again and the
entry rewritten, never a crash, a hang or an unbounded allocation.  What the reader
cannot tell is a forged entry that is a well-formed parse of the paragraph, but not
the one stanza gives (other POS tags, another tree): keep the cache where only the
user writes (``ATTRIBUTION_CACHE_DIR``, outside a CI workspace) or audit with
``--no-cache``.

Writes go to a temporary file in the shard directory and are moved into place with
:func:`os.replace`, so concurrent audits never see half an entry.  The same directory holds
the per-document result cache's entries (magic ``ATRC``, :mod:`attribution.results`); ``cache
info`` counts and ``cache clear`` removes both."""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
from pathlib import Path

from .errors import CacheError  # noqa: F401  (raised here; importers catch it from here)
from .parse.rows import validate  # noqa: F401  (the schema of an entry: a parse of its paragraph)

FORMAT_VERSION = 2  # 1 was marshal: every old entry is a miss (and cleared by `cache clear`)
MAGIC = b"ATPC"
_MAGICS = (MAGIC, b"ATRC")  # a paragraph's parse; a document's result (attribution.results)
_HEADER = MAGIC + bytes((FORMAT_VERSION,))
_DIGEST = 16
_PREFIX = len(_HEADER) + _DIGEST  # every entry: magic, version (1 byte each), digest, payload
_TMP = ".tmp-"
MARKER = "CACHEDIR.TAG"
_MARKER_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by attribution (the parse cache).\n"
                "# For information about cache directory tags see https://bford.info/cachedir/\n")
_SIGNATURE = _MARKER_TEXT.split("\n", 1)[0].encode()

MAX_ENTRY_BYTES = 16 * 1024 * 1024
"""No entry is read past this, whatever the paragraph (real ones take ~15 bytes per character)."""

_KEY = re.compile(r"[0-9a-f]{64}\Z")
_SHARD = re.compile(r"[0-9a-f]{2}\Z")
_NAME = re.compile(r"[0-9a-f]{62}\Z")
_TMP_NAME = re.compile(re.escape(_TMP) + r"[A-Za-z0-9_]{1,32}\Z")
# a lone surrogate (\ud800-\udfff) cannot be printed or written as UTF-8: such a payload is a miss
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_OPEN_DIR = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def default_dir() -> Path:
    """``ATTRIBUTION_CACHE_DIR`` when set (``~`` expanded), else the user cache directory."""
    env = os.environ.get("ATTRIBUTION_CACHE_DIR")
    if env:
        return Path(os.path.expanduser(env))
    import platformdirs

    return Path(platformdirs.user_cache_dir("attribution")) / "parse"


def size_limit(text: str) -> int:
    """Most bytes an entry for ``text`` may take (real ones take ~15 per character)."""
    return min(MAX_ENTRY_BYTES, 4096 + 128 * len(text))


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def wrap(header: bytes, payload: bytes) -> bytes:
    return header + _digest(payload) + payload


def unwrap(data: bytes, header: bytes):
    """The JSON value of an entry that starts with ``header`` and whose digest matches, else None."""
    if len(data) <= _PREFIX or not data.startswith(header):
        return None
    payload = data[_PREFIX:]
    if _digest(payload) != data[len(header):_PREFIX] or _SURROGATE.search(payload):
        return None
    try:
        return json.loads(payload)
    except (ValueError, RecursionError, MemoryError):
        return None


class ParseCache:
    """A :class:`attribution.parse.BlockCache` on disk (see the module docstring)."""

    def __init__(self, dir: Path | str | None = None):
        self.dir = Path(os.path.expanduser(dir)) if dir is not None else default_dir()
        self.hits = 0
        self.misses = 0
        self._writable = True
        self._marked = False

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / key[2:]

    def get(self, key: str, text: str | None = None) -> list | None:
        """The cached parse of paragraph ``text`` under ``key``, or ``None`` (a miss).

        Without ``text`` nothing can be checked against the paragraph: always a miss.
        """
        value = None
        if text is not None and type(key) is str and _KEY.match(key):
            data = self._read(key, size_limit(text))
            if data is not None:
                value = self._decode(key, data, text)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def _read(self, key: str, limit: int) -> bytes | None:
        """The entry's bytes when it is a regular file of at most ``limit`` bytes."""
        dfd = fd = -1
        try:
            dfd = os.open(self.dir / key[:2], _OPEN_DIR)
            fd = os.open(key[2:], _OPEN, dir_fd=dfd)
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
                return None
            chunks, left = [], limit + 1
            while left > 0:
                chunk = os.read(fd, min(left, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
            data = b"".join(chunks)
            return data if len(data) <= limit else None
        except (OSError, ValueError):
            return None
        finally:
            if fd >= 0:
                os.close(fd)
            if dfd >= 0:
                os.close(dfd)

    @staticmethod
    def _decode(key: str, data: bytes, text: str) -> list | None:
        obj = unwrap(data, _HEADER)
        if type(obj) is not list or len(obj) != 2 or obj[0] != key:
            return None
        return validate(obj[1], text)  # it does not recurse

    def put(self, key: str, value: list, text: str | None = None) -> None:
        """Store ``value`` (the parse of paragraph ``text``) under ``key``; errors stop writing."""
        if not self._writable or type(key) is not str or not _KEY.match(key):
            return
        try:
            words = [[list(w) for w in sent] for sent in value]
            payload = json.dumps([key, words], ensure_ascii=False, separators=(",", ":"),
                                 allow_nan=False).encode("utf-8")
        except (TypeError, ValueError, UnicodeError):  # not plain data: do not cache it
            return
        self._store(key, wrap(_HEADER, payload))

    def _store(self, key: str, data: bytes) -> None:
        """Write ``data`` as the entry for ``key`` (atomically); an OSError stops writing."""
        shard = self.dir / key[:2]
        tmp = None
        try:
            if not self._marked:
                self._mark()
            try:
                os.mkdir(shard)
            except FileExistsError:
                pass
            if not stat.S_ISDIR(os.lstat(shard).st_mode):  # a symlink or a file: do not write through it
                raise NotADirectoryError(str(shard))
            fd, tmp = tempfile.mkstemp(prefix=_TMP, dir=shard)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, shard / key[2:])
            tmp = None
        except OSError:
            # read-only or full disk: keep auditing, stop trying to write
            self._writable = False
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def _mark(self) -> None:
        """Create the cache directory and its ``CACHEDIR.TAG`` marker (once per instance)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.dir / MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(_MARKER_TEXT)
        self._marked = True

    # ------------------------------------------------------------ info and clear

    def is_marked(self) -> bool:
        """Does the directory carry the marker (a regular file, not a link) this cache writes?"""
        fd = -1
        try:
            fd = os.open(self.dir / MARKER, _OPEN)
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            return os.read(fd, len(_SIGNATURE)) == _SIGNATURE
        except OSError:
            return False
        finally:
            if fd >= 0:
                os.close(fd)

    def _entries(self, remove: bool = False):
        """(shard dir fd, name, is a temporary file) for every file that looks like an entry:
        a regular file (never a link), named like a key or a temporary file, in a
        two-hex-digit shard directory (never a link), starting with the entry magic.
        With ``remove``, each is unlinked after it is yielded and emptied shards go."""
        try:
            root = os.open(self.dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return
        try:
            with os.scandir(root) as it:
                shards = [e.name for e in it if _SHARD.match(e.name) and e.is_dir(follow_symlinks=False)]
            for name in sorted(shards):
                try:
                    sfd = os.open(name, _OPEN_DIR, dir_fd=root)
                except OSError:
                    continue
                try:
                    with os.scandir(sfd) as it:
                        files = [e.name for e in it if e.is_file(follow_symlinks=False)]
                    for f in sorted(files):
                        tmp = bool(_TMP_NAME.match(f))
                        if (tmp or _NAME.match(f)) and _looks_like_entry(sfd, f, tmp):
                            yield sfd, f, tmp
                finally:
                    os.close(sfd)
                if remove:
                    try:
                        os.rmdir(name, dir_fd=root)  # only when it is now empty
                    except OSError:
                        pass
        finally:
            os.close(root)

    def info(self) -> dict:
        entries = size = 0
        for sfd, f, tmp in self._entries():
            if tmp:
                continue
            try:
                size += os.stat(f, dir_fd=sfd, follow_symlinks=False).st_size
            except OSError:
                continue
            entries += 1
        return {"dir": str(self.dir), "entries": entries, "bytes": size}

    def clear(self) -> int:
        """Remove every entry (and stale temporary files); return how many entries went.

        Only files that look like entries go (see :meth:`_entries`), and empty shard
        directories; nothing is followed through a link.  Raises :class:`CacheError` for a
        path that is not a directory or carries no ``CACHEDIR.TAG`` written by attribution.
        """
        if not os.path.lexists(self.dir):
            return 0
        if not self.dir.is_dir():
            raise CacheError(f"{self.dir}: not a directory; nothing removed")
        if not self.is_marked():
            raise CacheError(f"{self.dir}: not a parse cache (no {MARKER} written by attribution); "
                             "nothing removed")
        n = 0
        for sfd, f, tmp in self._entries(remove=True):
            try:
                os.unlink(f, dir_fd=sfd)
            except OSError:
                continue
            n += not tmp
        return n


def _looks_like_entry(dir_fd: int, name: str, tmp: bool) -> bool:
    fd = -1
    try:
        fd = os.open(name, _OPEN, dir_fd=dir_fd)
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return False
        head = os.read(fd, len(MAGIC))
        return head in _MAGICS or (tmp and head == b"")
    except OSError:
        return False
    finally:
        if fd >= 0:
            os.close(fd)
