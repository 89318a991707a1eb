"""Issue 16: fuzz the parse cache reader with mutated entries, under a memory limit.

Each entry starts as a valid entry for a paragraph and is mutated: bit flips,
truncations, appended or random bytes, and — with valid framing (header and
digest recomputed, so the reader has to judge the payload itself) — byte edits of
the JSON, structural edits (a field replaced by a hostile value, elements deleted,
duplicated, swapped, nested), numeric edits of ids, heads and offsets, string
edits, and another paragraph's parse.  The reader runs in a child process under
``RLIMIT_AS``; every read must be a miss, the original parse, or another parse
that passes an independent check of the invariants and goes through extract,
resolve and check without an exception.  0 crashes, 0 hangs.

The default run feeds 600 entries; ``pytest -m slow`` feeds 10,000
(``FUZZ_CACHE_ENTRIES`` overrides both).
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1 << 30  # address space of the child: 1 GiB
UPOS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
DEPRELS = ["nsubj", "obj", "obl", "punct", "det", "amod", "advmod", "ccomp", "xcomp", "nmod", "case",
           "conj", "cc", "mark", "aux", "compound", "dep"]
EXTRA_TEXTS = [
    "They don't know what “the deal” means — yet.",
    "Col. Ryan Dillon, a spokesman, said: \"We will not comment.\" He left!",
    "Prices rose 4.2% ($1.3 billion) in the U.S. last year, officials said.",
    "Критики заявили об этом. 批评者说。 Emoji 😀 too.",
]


# ------------------------------------------------------------------ seeds

def synthetic_parse(text: str, rng: random.Random) -> list:
    """A well-formed parse of ``text`` (tokens cover it, random trees), as parse_texts gives."""
    import re

    toks = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    sents, cur = [], []
    for t in toks:
        cur.append(t)
        if t[0] in ".!?" and rng.random() < 0.8:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    out = []
    for s in sents:
        n = len(s)
        words = []
        # "don't": a multi-word token (two words on one span), as stanza's mwt gives
        expanded = []
        for tok, a, b in s:
            if tok == "don" and rng.random() < 0.5:
                expanded += [("do", a, b), ("n't", a, b)]
            else:
                expanded.append((tok, a, b))
        n = len(expanded)
        order = list(range(1, n + 1))
        rng.shuffle(order)
        root = order[0]
        heads = {root: 0}
        for i, w in enumerate(order[1:], 1):
            heads[w] = order[rng.randrange(i)]
        for i, (tok, a, b) in enumerate(expanded, 1):
            words.append((i, tok, tok.lower(), rng.choice(UPOS), "_", "_", heads[i],
                          "root" if heads[i] == 0 else rng.choice(DEPRELS), a, b, "O"))
        out.append(words)
    # the mwt expansion above may have split "don" whose text no longer equals the span: fine,
    # two words on one span are a multi-word token and their texts are not compared
    return out


def seeds(rng: random.Random) -> list[tuple[str, list]]:
    from attribution.load import load

    texts = [b.text for b in load(str(ROOT / "corpus" / "russia-sdf-syria.txt")).blocks] + EXTRA_TEXTS
    return [(t, synthetic_parse(t, rng)) for t in texts]


# ------------------------------------------------------------------ mutations

MAGIC = b"ATPC"


def frame(payload: bytes) -> bytes:
    from attribution.cache import FORMAT_VERSION

    return MAGIC + bytes((FORMAT_VERSION,)) + hashlib.blake2b(payload, digest_size=16).digest() + payload


def hostile_value(rng: random.Random):
    return rng.choice([
        -1, 0, 1, 2, 10 ** 9, -(10 ** 12), 2 ** 63, 1.5, float("1e308"), True, False, None, "",
        "x" * rng.randrange(1, 5000), "\ud800", "\x1b[2J", "root", "PUNCT", [], [[]], {}, {"a": 1},
        [0] * 11, ["x"] * 11, list(range(11)),
    ])


def _nodes(obj, path=()):
    yield path, obj
    if isinstance(obj, list):
        for i, x in enumerate(obj):
            yield from _nodes(x, path + (i,))


def _set_at(obj, path, value):
    if not path:
        return value
    cur = obj
    for i in path[:-1]:
        cur = cur[i]
    cur[path[-1]] = value
    return obj


def mutate(rng: random.Random, key: str, text: str, good: list, other: list) -> tuple[bytes, str]:
    payload_obj = [key, [[list(w) for w in s] for s in good]]
    data = frame(json.dumps(payload_obj, ensure_ascii=False).encode())
    kind = rng.choice(["bitflip", "truncate", "extend", "garbage", "random-payload", "json-bytes",
                       "structure", "structure", "numeric", "numeric", "numeric", "string", "foreign",
                       "deep", "valid"])
    if kind == "bitflip":
        b = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
        return bytes(b), kind
    if kind == "truncate":
        return data[:rng.randrange(len(data))], kind
    if kind == "extend":
        return data + rng.randbytes(rng.randrange(1, 2000)), kind
    if kind == "garbage":
        head = data[:rng.choice([0, 4, 5, 21])]
        return head + rng.randbytes(rng.randrange(0, 4096)), kind
    if kind == "random-payload":
        return frame(rng.randbytes(rng.randrange(0, 4096))), kind
    if kind == "json-bytes":
        p = bytearray(json.dumps(payload_obj).encode())
        for _ in range(rng.randint(1, 10)):
            i = rng.randrange(len(p))
            op = rng.random()
            if op < 0.4:
                p[i] = rng.choice(b'[]{},:"0123456789-eE.tfn \\u')
            elif op < 0.7:
                p.insert(i, rng.choice(b'[]{},:"0123456789-\\'))
            else:
                del p[i]
        return frame(bytes(p)), kind
    if kind == "deep":
        depth = rng.choice([100, 1000, 100_000])
        inner = json.dumps(payload_obj[1])
        body = "[" * depth + inner + "]" * depth
        return frame(json.dumps(key).join(["[", ", " + body + "]"]).encode()), kind
    if kind == "foreign":
        return frame(json.dumps([key, other]).encode()), kind
    if kind == "valid":
        return data, kind
    obj = payload_obj
    for _ in range(rng.randint(1, 3)):
        nodes = list(_nodes(obj))
        if kind == "numeric":
            leaves = [(p, v) for p, v in nodes if type(v) is int]
            p, v = rng.choice(leaves)
            new = rng.choice([v + 1, v - 1, -v, 0, v * 2, 10 ** 6, v + rng.randint(-5, 5)])
            obj = _set_at(obj, p, new)
        elif kind == "string":
            leaves = [(p, v) for p, v in nodes if type(v) is str and p]
            p, v = rng.choice(leaves)
            new = rng.choice(["", v.upper(), v + "x", "\x00", "\ud800", "\u202e", "ROOT", "root", "X", v[:1]])
            obj = _set_at(obj, p, new)
        else:  # structure
            p, v = rng.choice(nodes)
            op = rng.random()
            if op < 0.4 or not p:
                obj = _set_at(obj, p, hostile_value(rng))
            else:
                parent = obj
                for i in p[:-1]:
                    parent = parent[i]
                i = p[-1]
                if op < 0.55:
                    del parent[i]
                elif op < 0.7:
                    parent.insert(i, json.loads(json.dumps(parent[i])))
                elif op < 0.85 and len(parent) > 1:
                    j = rng.randrange(len(parent))
                    parent[i], parent[j] = parent[j], parent[i]
                else:
                    parent[i] = [parent[i]]
    try:
        payload = json.dumps(obj, allow_nan=True).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        payload = b"null"
    return frame(payload), kind


# ------------------------------------------------------------------ the check

def check_parse(value, text: str) -> None:
    """Independent of the reader: what every stage after it may rely on."""
    assert isinstance(value, list) and value, "no sentence"
    prev_end = 0
    for sent in value:
        assert isinstance(sent, list) and sent
        n = len(sent)
        roots = 0
        for i, w in enumerate(sent, 1):
            assert isinstance(w, tuple) and len(w) == 11
            assert [type(x) for x in w] == [int, str, str, str, str, str, int, str, int, int, str]
            assert w[0] == i and 0 <= w[6] <= n and w[6] != i
            assert 0 <= w[8] < w[9] <= len(text)
            assert w[8] >= prev_end or (i > 1 and sent[i - 2][8:10] == w[8:10])
            assert text[prev_end:w[8]].strip() == "" if w[8] >= prev_end else True
            prev_end = max(prev_end, w[9])
            roots += w[6] == 0
        assert roots == 1
        for i in range(1, n + 1):  # every word reaches the root
            seen, k = set(), i
            while k:
                assert k not in seen, "cycle"
                seen.add(k)
                k = sent[k - 1][6]
    assert text[prev_end:].strip() == ""


class _Stub:
    """A parser that must never be asked to parse, and a cache serving one value."""

    model_id = "fuzz"

    def __init__(self, value):
        self.value = value

    def key(self, text):
        return "0" * 64

    def parse_texts(self, texts):
        raise AssertionError("the cache hit should have been used")

    def get(self, key, text=None):
        return self.value

    def put(self, key, value, text=None):
        pass


def downstream(text: str, value: list) -> None:
    from attribution.audit import audit_source
    from attribution.load import load_text

    src = load_text(text, "fuzz.txt")
    assert len(src.blocks) == 1 and src.blocks[0].text == text
    stub = _Stub(value)
    report = audit_source(src, stub, cache=stub)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)


def fuzz(n: int, seed: int = 16) -> dict:
    from attribution.cache import ParseCache

    rng = random.Random(seed)
    pool = seeds(rng)
    stats: Counter = Counter()
    worst = 0.0
    with tempfile.TemporaryDirectory() as d:
        cache = ParseCache(Path(d) / "cache")
        for i in range(n):
            text, good = rng.choice(pool)
            other = rng.choice(pool)[1]
            k = hashlib.sha256(str(i).encode()).hexdigest()
            data, kind = mutate(rng, k, text, good, other)
            p = cache.dir / k[:2] / k[2:]
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
            t = time.perf_counter()
            got = cache.get(k, text)
            worst = max(worst, time.perf_counter() - t)
            stats[kind] += 1
            if got is None:
                stats["miss"] += 1
            elif got == good:
                stats["original"] += 1
            else:
                check_parse(got, text)
                downstream(text, got)
                stats["other valid parse"] += 1
            p.unlink()
    stats["entries"] = n
    stats["worst_read_ms"] = round(worst * 1000, 1)
    stats["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return dict(stats)


def main(n: int) -> None:
    print(json.dumps(fuzz(n)))


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run(n: int, capsys) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = f"from tests.security.test_cache_fuzz import main; main({n})"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                          preexec_fn=_limit_memory, timeout=max(120, n // 10))
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-3000:]}"  # -11: a segfault
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    with capsys.disabled():
        print(f"\ncache fuzz: {stats}")
    assert stats["entries"] == n
    assert stats["miss"] + stats.get("original", 0) + stats.get("other valid parse", 0) == n
    assert stats["worst_read_ms"] < 2000  # no read hangs
    assert stats["valid"] and stats.get("original", 0) >= stats["valid"]  # valid entries are hits
    return stats


def test_cache_fuzz_default(capsys):
    _run(int(os.environ.get("FUZZ_CACHE_ENTRIES", 600)), capsys)


@pytest.mark.slow
def test_cache_fuzz_ten_thousand(capsys):
    n = int(os.environ.get("FUZZ_CACHE_ENTRIES", 10_000))
    stats = _run(n, capsys)
    assert n >= 10_000 or "FUZZ_CACHE_ENTRIES" in os.environ
    assert stats["bitflip"] > 300 and stats["truncate"] > 300 and stats["structure"] > 600
