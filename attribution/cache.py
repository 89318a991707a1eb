"""The parse cache: one file per paragraph parse, content-addressed.

The key is :meth:`attribution.parse.Parser.key` — a sha256 of (model id, stanza
version, paragraph text) — so a cache entry can never be served for another
model or another text, and re-auditing a draft after editing one paragraph
parses only that paragraph.

Layout: ``<dir>/ab/cdef...`` (the key's first two hex digits name the shard).
An entry is a small header followed by a ``marshal`` payload::

    b"ATPC" | format version (1 byte) | marshal version (1 byte) | blake2b-128 of payload | payload

``marshal`` loads about five times faster than JSON; the digest is checked
before the payload is unmarshalled, so a truncated, corrupt or foreign file
(another format version, another Python's marshal, another key) is a miss —
the paragraph is parsed again and the entry rewritten — never a crash.
Writes go to a temporary file in the shard directory and are moved into place
with :func:`os.replace`, so concurrent audits never see half an entry.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

FORMAT_VERSION = 1
MAGIC = b"ATPC"
_HEADER = MAGIC + bytes((FORMAT_VERSION, marshal.version & 0xFF))
_DIGEST = 16
_PREFIX = len(_HEADER) + _DIGEST
_TMP = ".tmp-"
_WORD_TYPES = (int, str, str, str, str, str, int, str, int, int, str)


def default_dir() -> Path:
    """``ATTRIBUTION_CACHE_DIR`` when set, else the platform's user cache directory."""
    env = os.environ.get("ATTRIBUTION_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("attribution")) / "parse"


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def _valid(value) -> bool:
    """Is ``value`` the shape :meth:`Parser.parse_texts` returns for one paragraph?"""
    if not isinstance(value, list):
        return False
    for sent in value:
        if not isinstance(sent, list) or not sent:
            return False
        for w in sent:
            if type(w) is not tuple or len(w) != 11:
                return False
            for x, t in zip(w, _WORD_TYPES):
                if type(x) is not t:
                    return False
    return True


class ParseCache:
    """A :class:`attribution.parse.BlockCache` on disk (see the module docstring)."""

    def __init__(self, dir: Path | str | None = None):
        self.dir = Path(dir) if dir is not None else default_dir()
        self.hits = 0
        self.misses = 0
        self._writable = True

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / key[2:]

    def get(self, key: str) -> list | None:
        try:
            with open(self._path(key), "rb") as fh:
                data = fh.read()
        except (OSError, ValueError):
            self.misses += 1
            return None
        value = self._decode(key, data)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    @staticmethod
    def _decode(key: str, data: bytes) -> list | None:
        if len(data) <= _PREFIX or not data.startswith(_HEADER):
            return None
        payload = data[_PREFIX:]
        if _digest(payload) != data[len(_HEADER):_PREFIX]:
            return None
        try:
            stored_key, value = marshal.loads(payload)
        except Exception:  # EOFError, ValueError, TypeError: not ours
            return None
        if stored_key != key or not _valid(value):
            return None
        return value

    def put(self, key: str, value: list) -> None:
        if not self._writable:
            return
        words = [[tuple(w) for w in sent] for sent in value]
        try:
            payload = marshal.dumps((key, words))
        except ValueError:  # not plain data: do not cache it
            return
        data = _HEADER + _digest(payload) + payload
        shard = self.dir / key[:2]
        tmp = None
        try:
            shard.mkdir(parents=True, exist_ok=True)
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

    def _entries(self):
        if not self.dir.is_dir():
            return
        for shard in self.dir.iterdir():
            if len(shard.name) != 2 or not shard.is_dir():
                continue
            for f in shard.iterdir():
                yield f

    def info(self) -> dict:
        entries = size = 0
        for f in self._entries():
            if f.name.startswith(_TMP):
                continue
            try:
                size += f.stat().st_size
            except OSError:
                continue
            entries += 1
        return {"dir": str(self.dir), "entries": entries, "bytes": size}

    def clear(self) -> int:
        """Remove every entry (and stale temporary files); return how many entries went."""
        n = 0
        shards = set()
        for f in list(self._entries()):
            shards.add(f.parent)
            try:
                f.unlink()
            except OSError:
                continue
            if not f.name.startswith(_TMP):
                n += 1
        for shard in shards:
            try:
                shard.rmdir()
            except OSError:
                pass
        return n
