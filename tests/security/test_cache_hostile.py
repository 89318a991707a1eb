"""Issue 16, points 1 and 2: the parse cache directory is attacker-controlled.

Whoever can write the cache directory (a pull request, when the cache lies in the
checked-out workspace) can plant links, FIFOs, huge files and forged entries with
valid framing.  Each of them must be a miss — never a crash, a hang, an unbounded
read or a changed report — and ``attribution cache clear`` must remove nothing
but entries, never through a link, and nothing at all from a directory that is
not a cache.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest

from attribution.cache import FORMAT_VERSION, MAGIC, MARKER, ParseCache

from ..test_cache import PARA, TEXT, key

ROOT = Path(__file__).resolve().parents[2]


def entry_path(cache: ParseCache, k: str) -> Path:
    return cache.dir / k[:2] / k[2:]


def frame(payload: bytes) -> bytes:
    return MAGIC + bytes((FORMAT_VERSION,)) + hashlib.blake2b(payload, digest_size=16).digest() + payload


def plant(cache: ParseCache, k: str, data: bytes) -> Path:
    p = entry_path(cache, k)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def words():
    return [[list(w) for w in s] for s in PARA]


def _set(sent: int, word: int, field: int, value):
    def f(ws):
        ws[sent][word][field] = value
        return ws
    return f


# Forged entries of the right shape: framing, digest and key are valid, the parse is not.
FORGED = {
    "empty paragraph": lambda ws: [],
    "huge offset": _set(0, 1, 9, 10 ** 9),
    "offset past the paragraph": _set(1, 2, 9, len(TEXT) + 1),
    "negative offset": _set(0, 0, 8, -5),
    "reversed offsets": _set(0, 1, 8, 14),          # start 14 > ... end 14: empty token
    "end before start": lambda ws: _set(0, 1, 9, 9)(_set(0, 1, 8, 12)(ws)),
    "overlapping tokens": _set(0, 1, 8, 5),
    "tokens out of order": lambda ws: [ws[1], ws[0]],
    "word id past the sentence": _set(0, 2, 0, 9),
    "word ids repeated": _set(0, 2, 0, 2),
    "head past the sentence": _set(0, 0, 6, 7),
    "negative head": _set(0, 0, 6, -1),
    "head is itself": _set(0, 0, 6, 1),
    "cycle": lambda ws: _set(1, 0, 6, 3)(_set(1, 2, 6, 1)(ws)),  # 1 -> 3 -> 1, root 2 kept
    "two roots": lambda ws: _set(0, 0, 7, "root")(_set(0, 0, 6, 0)(ws)),
    "no root": lambda ws: _set(0, 1, 7, "dep")(_set(0, 1, 6, 1)(ws)),
    "root without deprel root": _set(0, 1, 7, "nsubj"),
    "word text not the paragraph's": _set(0, 1, 1, "denied"),
    "unknown upos": _set(0, 0, 3, "EVIL"),
    "upos a list": _set(0, 0, 3, ["NOUN"]),          # found by the fuzzer: unhashable, a TypeError
    "empty lemma": _set(0, 0, 2, ""),
    "bool for an int": _set(0, 0, 6, True),
    "float offset": _set(0, 0, 9, 9.0),
    "null field": _set(0, 0, 10, None),
    "extra field": lambda ws: (ws[0][0].append("x"), ws)[1],
    "missing field": lambda ws: (ws[0][0].pop(), ws)[1],
    "empty sentence": lambda ws: ws + [[]],
    "a word is a dict": lambda ws: (ws[0].__setitem__(0, {"id": 1}), ws)[1],
    "first sentence only": lambda ws: ws[:1],         # findings in the rest would vanish
    "a token left out": lambda ws: [[[1, "Officials", "official", "NOUN", "NNS", "_", 0, "root", 0, 9, "O"],
                                     [2, ".", ".", "PUNCT", ".", "_", 1, "punct", 14, 15, "O"]], ws[1]],
    "nine words on one token": lambda ws: [[[i, "x", "x", "X", "_", "_", 0 if i == 1 else 1,
                                            "root" if i == 1 else "dep", 0, 9, "O"] for i in range(1, 10)]],
}


@pytest.mark.parametrize("name", list(FORGED))
def test_forged_entry_of_the_right_shape_is_a_miss(tmp_path, name):
    cache = ParseCache(tmp_path / "c")
    k = key("k")
    plant(cache, k, frame(json.dumps([k, FORGED[name](words())]).encode()))
    assert cache.get(k, TEXT) is None
    assert (cache.hits, cache.misses) == (0, 1)
    cache.put(k, PARA, TEXT)  # the audit parses again and the entry is rewritten
    assert cache.get(k, TEXT) == PARA


@pytest.mark.parametrize("payload", [
    b"[" * 200_000 + b"]" * 200_000,                     # deep nesting
    b'["K", [[[1, "' + b"\\ud800" + b'", "a", "X", "_", "_", 0, "root", 0, 1, "O"]]]]',  # lone surrogate
    b'["K", ' + b"9" * 100_000 + b"]",                   # a 100,000-digit number
    b'["K", NaN]',
    b'["K", Infinity]',
    b"\xff\xfe not utf-8",
    b'{"__class__": "os.system", "args": ["touch /tmp/pwned"]}',
    b"\x80\x04\x95cos\nsystem\n",                         # a pickle
    b"\xe3\x00\x00\x00\x00\x00",                          # a marshal code object prefix
])
def test_hostile_payload_with_valid_framing_is_a_miss(tmp_path, payload):
    cache = ParseCache(tmp_path / "c")
    k = key("k")
    plant(cache, k, frame(payload.replace(b'"K"', json.dumps(k).encode())))
    assert cache.get(k, TEXT) is None


def _get_with_deadline(cache: ParseCache, k: str, text: str, seconds: float = 10.0):
    out = []
    t = threading.Thread(target=lambda: out.append(cache.get(k, text)), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "the cache read hangs"
    return out[0]


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "/dev/stdin", "valid entry elsewhere"])
def test_entry_that_is_a_symlink_is_a_miss(tmp_path, target):
    cache = ParseCache(tmp_path / "c")
    k = key("k")
    if target == "valid entry elsewhere":
        other = ParseCache(tmp_path / "other")
        other.put(k, PARA, TEXT)
        target = str(entry_path(other, k))
        assert other.get(k, TEXT) == PARA
    p = entry_path(cache, k)
    p.parent.mkdir(parents=True)
    p.symlink_to(target)
    tracemalloc.start()
    try:
        assert _get_with_deadline(cache, k, TEXT) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # nothing read from /dev/zero


def test_fifo_entry_is_a_miss_and_does_not_hang(tmp_path):
    cache = ParseCache(tmp_path / "c")
    k = key("k")
    p = entry_path(cache, k)
    p.parent.mkdir(parents=True)
    os.mkfifo(p)
    assert _get_with_deadline(cache, k, TEXT) is None
    cache.put(k, PARA, TEXT)  # replaced by a real entry
    assert cache.get(k, TEXT) == PARA


def test_shard_directory_that_is_a_symlink_is_neither_read_nor_written(tmp_path):
    elsewhere = ParseCache(tmp_path / "elsewhere")
    k = key("k")
    elsewhere.put(k, PARA, TEXT)
    cache = ParseCache(tmp_path / "c")
    cache.dir.mkdir()
    (cache.dir / k[:2]).symlink_to(elsewhere.dir / k[:2])
    assert cache.get(k, TEXT) is None
    k2 = k[:2] + "0" * 62
    cache.put(k2, PARA, TEXT)
    assert not (elsewhere.dir / k2[:2] / k2[2:]).exists()  # nothing written through the link


def test_huge_entry_is_not_read_past_the_size_cap(tmp_path):
    cache = ParseCache(tmp_path / "c")
    k = key("k")
    body = json.dumps([k, words()]).encode()
    p = plant(cache, k, frame(body + b" " * 50_000_000))  # valid JSON: trailing whitespace
    tracemalloc.start()
    try:
        assert cache.get(k, TEXT) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
    p.write_bytes(frame(body))
    assert cache.get(k, TEXT) == PARA


def test_entry_growing_while_read_is_cut_at_the_cap(tmp_path, monkeypatch):
    # st_size said small, the file holds more (it grew after fstat): the read stops at the cap
    import attribution.cache as C

    cache = ParseCache(tmp_path / "c")
    k = key("k")
    plant(cache, k, frame(json.dumps([k, words()]).encode() + b" " * 20_000))  # valid, padded
    monkeypatch.setattr(C, "size_limit", lambda text: 1000)
    real_fstat = os.fstat
    monkeypatch.setattr(C.os, "fstat", lambda fd: os.stat_result(
        (real_fstat(fd).st_mode, 0, 0, 1, 0, 0, 10, 0, 0, 0)))
    assert cache.get(k, TEXT) is None


def test_bad_key_never_becomes_a_path(tmp_path):
    cache = ParseCache(tmp_path / "c")
    for k in ("../../../etc/passwd", "ab/../../x", "A" * 64, "", key("k")[:-1]):
        assert cache.get(k, TEXT) is None
        cache.put(k, PARA, TEXT)
    assert not any(p.is_file() for p in tmp_path.rglob("*") if p.name != MARKER)


# ------------------------------------------------------------------ cache clear

def _cli(*args: str, cache_dir: Path | str) -> subprocess.CompletedProcess:
    env = dict(os.environ, ATTRIBUTION_CACHE_DIR=str(cache_dir), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "attribution", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def _snapshot(d: Path) -> dict:
    return {str(p.relative_to(d)): (p.is_symlink(), p.read_bytes() if p.is_file() and not p.is_symlink() else None)
            for p in sorted(d.rglob("*"))}


def test_clear_refuses_a_directory_that_is_not_a_cache(tmp_path):
    # a mistyped ATTRIBUTION_CACHE_DIR pointing at a source tree with two-letter folders
    src = tmp_path / "project"
    (src / "js").mkdir(parents=True)
    (src / "js" / "app.js").write_text("console.log(1)")
    (src / "ab").mkdir()
    (src / "ab" / ("c" * 62)).write_bytes(MAGIC + b"looks like an entry")
    before = _snapshot(src)
    proc = _cli("cache", "clear", cache_dir=src)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "not a parse cache" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert _snapshot(src) == before
    with pytest.raises(Exception, match="not a parse cache"):
        ParseCache(src).clear()


def test_clear_refuses_a_marker_that_is_a_link(tmp_path):
    real = ParseCache(tmp_path / "real")
    real.put(key("k"), PARA, TEXT)
    victim = tmp_path / "victim"
    (victim / "ab").mkdir(parents=True)
    (victim / "ab" / ("d" * 62)).write_bytes(MAGIC + b"x")
    (victim / MARKER).symlink_to(real.dir / MARKER)
    before = _snapshot(victim)
    assert _cli("cache", "clear", cache_dir=victim).returncode == 2
    assert _snapshot(victim) == before


def test_clear_on_a_file_is_an_error(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("keep me")
    proc = _cli("cache", "clear", cache_dir=f)
    assert proc.returncode == 2 and "not a directory" in proc.stderr
    assert f.read_text() == "keep me"


def test_clear_removes_only_entries_and_follows_no_link(tmp_path):
    cache = ParseCache(tmp_path / "c")
    keys = [key(f"p{i}") for i in range(6)]
    for k in keys:
        cache.put(k, PARA, TEXT)
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / ("e" * 62)
    secret.write_bytes(MAGIC + b"an entry-looking file outside the cache")
    (outside / "draft.md").write_text("# my article")
    shard = cache.dir / keys[0][:2]
    planted = {
        shard / "notes.txt": "a file with another name",
        shard / ("f" * 62): "right name, not an entry",
        shard / ("0" * 61): "name one short",
    }
    for p, text in planted.items():
        p.write_text(text)
    (shard / ("1" * 62)).symlink_to(secret)              # a link named like an entry
    (cache.dir / "zz").symlink_to(outside)                # not hex, a link
    (cache.dir / "ee").symlink_to(outside)                # a shard name that is a link
    (cache.dir / "src").mkdir()                           # not a shard
    (cache.dir / "src" / ("2" * 62)).write_bytes(MAGIC + b"x")
    outside_before = _snapshot(outside)

    proc = _cli("cache", "clear", cache_dir=cache.dir)
    assert proc.returncode == 0, proc.stderr
    assert f"removed {len(keys)} cache entries" in proc.stdout
    assert _snapshot(outside) == outside_before
    for p, text in planted.items():
        assert p.read_text() == text
    assert (shard / ("1" * 62)).is_symlink() and (cache.dir / "ee").is_symlink()
    assert (cache.dir / "src" / ("2" * 62)).is_file()
    assert not any(entry_path(cache, k).exists() for k in keys)
    assert cache.info()["entries"] == 0
    assert (cache.dir / MARKER).is_file()  # still a cache: the next clear works too
    assert _cli("cache", "clear", cache_dir=cache.dir).returncode == 0


def test_cache_dir_with_a_tilde_is_expanded_by_the_cli(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), ATTRIBUTION_CACHE_DIR="~/attr-cache", PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "attribution", "cache", "info"], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert f"cache: {tmp_path / 'attr-cache'}" in proc.stdout


# ------------------------------------------------------------------ end to end

ARTICLE = ('The council voted to close the library.\n\n"This is the darkest day for our town in '
           'forty years."\n\nThe library opened in 1901 and holds 40,000 books.\n\n'
           'A senior official said the talks had collapsed.\n')


def _audit(path: Path, cache_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, ATTRIBUTION_CACHE_DIR=str(cache_dir), PYTHONPATH=str(ROOT), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "attribution", "audit", str(path), "--format", "json",
                           *extra], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)


@pytest.mark.stanza
def test_hostile_cache_does_not_change_the_audit(tmp_path):
    art = tmp_path / "story.txt"
    art.write_text(ARTICLE)
    clean = _audit(art, tmp_path / "none", "--no-cache")
    assert clean.returncode == 1, clean.stderr  # the floating quote is an error
    cache_dir = tmp_path / "c"
    first = _audit(art, cache_dir)
    assert (first.returncode, first.stdout) == (clean.returncode, clean.stdout)
    cache = ParseCache(cache_dir)
    entries = sorted(p for p in cache_dir.glob("??/*") if p.read_bytes()[:4] == MAGIC)
    assert len(entries) == 4
    # the document's result entry (attribution.results) is forged too: a well-framed entry
    # whose finding lies far past the text (else the re-audit would never read the parses)
    [result] = [p for p in cache_dir.glob("??/*") if p.read_bytes()[:4] == b"ATRC"]
    kr = result.parent.name + result.name
    value = json.loads(result.read_bytes()[5 + 16:])[1]
    value["findings"][0][3:5] = [10 ** 6, 10 ** 6 + 3]
    payload = json.dumps([kr, value]).encode()
    result.write_bytes(b"ATRC\x01" + hashlib.blake2b(payload, digest_size=16).digest() + payload)
    # each paragraph's entry becomes something hostile: an empty parse (which used to drop
    # the error and exit 0), offsets far past the paragraph (an internal error), a link to
    # /dev/zero (unbounded read), a FIFO (a hang)
    k0 = entries[0].parent.name + entries[0].name
    entries[0].write_bytes(frame(json.dumps([k0, []]).encode()))
    k1 = entries[1].parent.name + entries[1].name
    ws = json.loads(entries[1].read_bytes()[5 + 16:])[1]
    ws[0][-1][8:10] = [10 ** 6, 10 ** 6 + 3]
    entries[1].write_bytes(frame(json.dumps([k1, ws]).encode()))
    entries[2].unlink()
    entries[2].symlink_to("/dev/zero")
    entries[3].unlink()
    os.mkfifo(entries[3])
    again = _audit(art, cache_dir)
    assert (again.returncode, again.stdout) == (clean.returncode, clean.stdout), again.stderr
    assert "internal error" not in again.stderr
    assert cache.info()["entries"] == 5  # rewritten as real entries (4 paragraphs, 1 document)
    assert all(p.is_file() and not p.is_symlink() for p in cache_dir.glob("??/*"))
