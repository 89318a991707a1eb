"""The on-disk parse cache: hits, misses, damage, foreign entries, concurrency.

Hostile entries (links, FIFOs, forged parses, fuzzing) are in tests/security/.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from attribution.cache import FORMAT_VERSION, MAGIC, MARKER, ParseCache, default_dir
from attribution.parse import Parser

ROOT = Path(__file__).resolve().parent.parent

# What Parser.parse_texts returns for paragraph TEXT: sentences of word rows (WordRow, plain tuples)
# (id, text, lemma, upos, xpos, feats, head, deprel, start, end, ner).
TEXT = "Officials said. Lavrov denied it"
PARA = [
    [(1, "Officials", "official", "NOUN", "NNS", "Number=Plur", 2, "nsubj", 0, 9, "O"),
     (2, "said", "say", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", 0, "root", 10, 14, "O"),
     (3, ".", ".", "PUNCT", ".", "_", 2, "punct", 14, 15, "O")],
    [(1, "Lavrov", "Lavrov", "PROPN", "NNP", "Number=Sing", 2, "nsubj", 16, 22, "S-PERSON"),
     (2, "denied", "deny", "VERB", "VBD", "_", 0, "root", 23, 29, "O"),
     (3, "it", "it", "PRON", "PRP", "Case=Nom", 2, "obj", 30, 32, "O")],
]


def key(text: str, model: str = "compact-en-ewt-1", stanza: str = "1.15.0") -> str:
    return Parser.key(SimpleNamespace(model_id=model, stanza_version=stanza), text)


@pytest.fixture
def cache(tmp_path):
    return ParseCache(tmp_path / "cache")


def entry_path(cache: ParseCache, k: str) -> Path:
    return cache.dir / k[:2] / k[2:]


def test_miss_then_hit_returns_the_same_words(cache):
    k = key("Officials said. Lavrov denied it")
    assert cache.get(k, TEXT) is None
    cache.put(k, PARA, TEXT)
    assert cache.get(k, TEXT) == PARA
    assert (cache.hits, cache.misses) == (1, 1)
    assert entry_path(cache, k).is_file()  # sharded: ab/cdef...


def test_lists_from_json_are_stored_as_tuples(cache):
    k = key("x")
    cache.put(k, [[list(w) for w in s] for s in PARA], TEXT)
    assert cache.get(k, TEXT) == PARA


def test_a_cached_word_is_the_parse_stages_word_row(cache):
    from attribution.parse.rows import WordRow

    k = key(TEXT)
    cache.put(k, PARA, TEXT)
    words = cache.get(k, TEXT)[1]
    assert all(type(w) is WordRow for w in words)
    assert (words[0].text, words[0].upos, words[0].ner, words[0].start, words[0].end) == \
        ("Lavrov", "PROPN", "S-PERSON", 16, 22)
    assert words[1].head == 0 and words[1].deprel == "root"


def test_key_changes_with_model_id_stanza_version_and_text():
    base = key("He said so.")
    assert key("He said so.") == base
    assert key("He said so.", model="official-en-default") != base
    assert key("He said so.", stanza="1.16.0") != base
    assert key("He said so!") != base
    # no ambiguity from concatenation
    assert key("b", model="a") != key("", model="a\0b")


def test_key_from_another_model_is_a_miss(cache):
    cache.put(key("He said so."), PARA, TEXT)
    assert cache.get(key("He said so.", model="official-en-default"), TEXT) is None


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],                      # truncated
    lambda b: b[:-3] + bytes(x ^ 0x5A for x in b[-3:]),  # payload bytes changed
    lambda b: b"",                                   # empty file
    lambda b: b"\x00" * 64,                          # garbage
    lambda b: b"not a cache entry at all\n" * 20,    # a stray text file
    lambda b: b[:20] + bytes([b[20] ^ 0xFF]) + b[21:],  # one flipped bit in the digest
])
def test_corrupt_entry_is_a_miss_and_is_rebuilt(cache, damage):
    k = key("Officials said.")
    cache.put(k, PARA, TEXT)
    p = entry_path(cache, k)
    p.write_bytes(damage(p.read_bytes()))
    assert cache.get(k, TEXT) is None
    cache.put(k, PARA, TEXT)  # the audit parses again and rewrites it
    assert cache.get(k, TEXT) == PARA


def forge(cache: ParseCache, k: str, obj, version: int = FORMAT_VERSION) -> Path:
    """Write ``obj`` as an entry with valid framing (header, digest) under key ``k``."""
    payload = json.dumps(obj).encode()
    data = MAGIC + bytes((version,)) + hashlib.blake2b(payload, digest_size=16).digest() + payload
    p = entry_path(cache, k)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def _w(*fields):
    return list(fields)


@pytest.mark.parametrize("obj, version", [
    ((None, PARA), FORMAT_VERSION),                       # key slot wrong
    (("other-key", PARA), FORMAT_VERSION),                # entry for another key (copied file)
    (("K", PARA), FORMAT_VERSION + 1),                    # a future format
    (("K", PARA), 1),                                     # the old marshal format's version
    (("K", [[("1", "a")]]), FORMAT_VERSION),              # wrong word shape
    (("K", [[(1, "Officials", "o", "NOUN", "_", "_", "0", "root", 0, 9, "O")]]), FORMAT_VERSION),  # head a str
    (("K", [[(1, "Officials", "o", "NOUN", "_", "_", False, "root", 0, 9, "O")]]), FORMAT_VERSION),  # a bool
    (("K", [[(1, "Officials", "o", "NOUN", "_", "_", 0, "root", 0.0, 9, "O")]]), FORMAT_VERSION),  # a float
    (("K", "a string"), FORMAT_VERSION),
    (("K", [[]]), FORMAT_VERSION),                        # empty sentence
    (("K", []), FORMAT_VERSION),                          # no sentence for a paragraph with text
    ({"K": PARA}, FORMAT_VERSION),                        # an object, not a pair
    ([1, 2, 3], FORMAT_VERSION),                          # not a pair
])
def test_foreign_entry_is_ignored(cache, obj, version):
    k = key("k")
    if isinstance(obj, tuple):
        obj = [k if obj[0] == "K" else obj[0], obj[1]]
    forge(cache, k, obj, version)
    assert cache.get(k, TEXT) is None
    cache.put(k, PARA, TEXT)
    assert cache.get(k, TEXT) == PARA


def test_a_well_formed_forged_entry_is_accepted(cache):
    # guards the forging helper above: the same bytes with the right key are a hit
    k = key("k")
    forge(cache, k, [k, PARA])
    assert cache.get(k, TEXT) == PARA


def test_entry_is_json_after_the_header(cache):
    k = key("k")
    cache.put(k, PARA, TEXT)
    data = entry_path(cache, k).read_bytes()
    assert data[:5] == MAGIC + bytes((FORMAT_VERSION,))
    assert json.loads(data[5 + 16:]) == [k, [[list(w) for w in s] for s in PARA]]


def test_old_marshal_entry_is_a_miss(cache):
    # format 1: header, marshal version byte, blake2b of a marshal payload
    k = key("k")
    payload = marshal.dumps((k, PARA))
    p = entry_path(cache, k)
    p.parent.mkdir(parents=True)
    p.write_bytes(MAGIC + bytes((1, marshal.version)) + hashlib.blake2b(payload, digest_size=16).digest()
                  + payload)
    assert cache.get(k, TEXT) is None
    cache.put(k, PARA, TEXT)
    assert cache.get(k, TEXT) == PARA


def test_without_the_paragraph_nothing_can_be_checked_so_it_is_a_miss(cache):
    k = key("k")
    cache.put(k, PARA, TEXT)
    assert cache.get(k) is None
    assert cache.get(k, TEXT) == PARA


def test_an_entry_is_checked_against_the_paragraph(cache):
    k = key("k")
    cache.put(k, PARA, TEXT)
    assert cache.get(k, TEXT) == PARA
    assert cache.get(k, TEXT[:20]) is None           # offsets past this paragraph
    assert cache.get(k, TEXT.replace("said", "sand")) is None  # words not the paragraph's text


def test_directory_in_place_of_an_entry_is_a_miss(cache):
    k = key("k")
    entry_path(cache, k).mkdir(parents=True)
    assert cache.get(k, TEXT) is None
    cache.put(k, PARA, TEXT)  # cannot replace a directory: no crash, just no caching
    assert cache.get(k, TEXT) is None


def test_unwritable_cache_does_not_crash(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a directory")
    c = ParseCache(blocker / "cache")
    c.put(key("k"), PARA, TEXT)
    assert c.get(key("k"), TEXT) is None


def test_info_and_clear(cache):
    assert cache.info() == {"dir": str(cache.dir), "entries": 0, "bytes": 0}
    keys = [key(f"paragraph {i}") for i in range(20)]
    for k in keys:
        cache.put(k, PARA, TEXT)
    assert (cache.dir / MARKER).read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    (cache.dir / keys[0][:2] / ".tmp-stale").write_bytes(b"half")  # a writer that died: not ours
    (cache.dir / keys[1][:2] / ".tmp-abc123").write_bytes(MAGIC + b"\x02half")  # ours, half written
    info = cache.info()
    assert info["entries"] == 20
    assert info["bytes"] == sum(entry_path(cache, k).stat().st_size for k in keys)
    assert cache.clear() == 20
    assert cache.info()["entries"] == 0
    # what is left: the marker, and the one shard holding a file that is not an entry
    assert sorted(p.name for p in cache.dir.iterdir()) == sorted([MARKER, keys[0][:2]])
    assert [p.name for p in (cache.dir / keys[0][:2]).iterdir()] == [".tmp-stale"]
    assert all(cache.get(k, TEXT) is None for k in keys)
    assert cache.clear() == 0


def test_clear_on_missing_directory(tmp_path):
    c = ParseCache(tmp_path / "never-made")
    assert c.clear() == 0
    assert c.info()["entries"] == 0


def test_default_dir_honours_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ATTRIBUTION_CACHE_DIR", str(tmp_path / "env"))
    assert default_dir() == tmp_path / "env"
    assert ParseCache().dir == tmp_path / "env"
    monkeypatch.delenv("ATTRIBUTION_CACHE_DIR")
    assert "attribution" in str(default_dir())


def test_cache_dir_tilde_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ATTRIBUTION_CACHE_DIR", "~/x")
    assert default_dir() == tmp_path / "x"
    c = ParseCache()
    c.put(key("k"), PARA, TEXT)
    assert (tmp_path / "x" / MARKER).is_file()
    assert not Path("~").exists()  # no directory literally named "~" in the working directory
    assert ParseCache("~/x").get(key("k"), TEXT) == PARA


WRITER = textwrap.dedent("""
    import sys
    from attribution.cache import ParseCache
    sys.path.insert(0, {tests!r})
    from test_cache import PARA, TEXT, key
    c = ParseCache({dir!r})
    bad = 0
    for round in range(60):
        for i in range(25):
            k = key(f"shared paragraph {{i}}")
            got = c.get(k, TEXT)
            if got is not None and got != PARA:
                bad += 1
            c.put(k, PARA, TEXT)
    print(bad)
""")


def test_two_processes_writing_the_same_keys_never_corrupt(tmp_path):
    code = WRITER.format(tests=str(ROOT / "tests"), dir=str(tmp_path / "cache"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              cwd=ROOT, env=env) for _ in range(2)]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert [o.strip() for o in outs] == ["0", "0"]  # no reader ever saw a half-written entry
    c = ParseCache(tmp_path / "cache")
    assert c.info()["entries"] == 25
    assert all(c.get(key(f"shared paragraph {i}"), TEXT) == PARA for i in range(25))
    assert not list((tmp_path / "cache").glob("*/.tmp-*"))  # no temporary file left behind
