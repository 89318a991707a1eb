"""Fuzz the quote scanner and the extractor (slow; outside the default run).

    python -m pytest -m slow tests/test_fuzz.py -s        # FUZZ_DOCS=20000 for more

``FUZZ_DOCS`` (default 10,000) generated news-like documents -- quotations of every
kind, unbalanced and stray marks, inch marks, nested single quotes, cue verbs,
"according to", colon leads, CRLF, emoji, RTL text, combining marks -- are
generated, seeded and reproducible.

A quarter of the documents are "soup": quote marks, words, spaces and line breaks
in random order.  Each goes through

* :func:`attribution.extract.quotes.scan_quotes` (and ``balanced``), checked for
  in-bounds, ordered, non-overlapping quotations; and
* :func:`attribution.extract.extract` on a Document whose parse is *random*
  (a random but well-formed dependency tree, random tags and relations, right
  lemmas for cue words some of the time): the extractor must survive any parse
  the model could produce, and every span must lie inside the text; the
  attributions then go through resolve and check, whose findings must lie
  inside the text too.

A smaller run (``FUZZ_PARSED``, default 200) parses generated documents with the
real stanza model and runs the extractor on them (marked ``stanza`` too).
Crashes are collected (not stopped at the first) and reported with a seed.
"""
from __future__ import annotations

import os
import random
import re
import traceback

import pytest

from attribution.load import load_text
from attribution.model import Document, Sentence, Token

pytestmark = pytest.mark.slow

N_DOCS = int(os.environ.get("FUZZ_DOCS", "10000"))
N_PARSED = int(os.environ.get("FUZZ_PARSED", "200"))

NAMES = ["Col. Ryan Dillon", "Dillon", "the spokesman", "Major General Igor Konashenkov", "Russia",
         "Russia's Defense Ministry", "An SDF commander", "Officials", "The United Nations", "he",
         "she", "they", "a senior official who spoke on condition of anonymity", "critics", "Smith"]
CUES = ["said", "says", "told reporters", "added", "warned", "denied", "admitted", "claimed",
        "accused the SDF of", "said in a statement", "insisted", "noted", "argued", "was quoted as saying"]
CLAIMS = ["the talks were professional", "no advisers were near the area",
          "the firing positions will be silenced", "300 civilians have been killed",
          "its forces had not fired a single shell", "the bridge would reopen next month",
          "5'10\" tall suspects were seen", "the 12\" pipe burst", "rock 'n' roll is back"]
OPEN_CLOSE = [('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("''", "''"), ("``", "''"),
              ("‹", "›"), ("'", "'"), ("‘", "’"), ("« ", " »")]
NOISE = ["", "", "", " 😀", " مرحبا بكم", " e\u0301", "\u200f", " —", " ...", " (AP)", " 5'10\"",
         " \"", " ”", " “", " «", " '", "\t", " #", " *", " [link](x)"]


def _sentence(rng: random.Random) -> str:
    who, cue, claim = rng.choice(NAMES), rng.choice(CUES), rng.choice(CLAIMS)
    o, c = rng.choice(OPEN_CLOSE)
    inner = f"{claim[0].upper()}{claim[1:]}"
    nested = rng.random() < 0.2
    if nested:
        inner += f", calling it '{rng.choice(CLAIMS)}'"
    forms = [
        f"{who} {cue} that {claim}.",
        f"{o}{inner},{c} {who} {cue}.",
        f"{o}{inner},{c} {cue} {who}. {o}And more.{c}",
        f"{o}This is,{c} {who} {cue}, {o}a turning point.{c}",
        f"According to {who}, {claim}.",
        f"{who} {cue}: {o}{inner}.{c}",
        f"{claim[0].upper()}{claim[1:]}, {who} {cue}.",
        f"{o}{inner}.",                      # never closed
        f"{inner}.{c} {who} {cue}.",         # never opened
        f"{claim} {claim} {claim}",          # no punctuation at all
        f"It was called {o}a gamble{c} by {who}.",
    ]
    s = rng.choice(forms)
    if rng.random() < 0.3:
        pos = rng.randrange(len(s) + 1)
        s = s[:pos] + rng.choice(NOISE) + s[pos:]
    return s


SOUP = list("\"'“”‘’«»„‹›`") + ["''", "``", " ", " ", " ", "\n", "\n\n", "\r\n", ".", ",", ":",
                                  "—", "5", "10", "said", "he", "that", "Smith", "according to",
                                  "é", "\u0301", "😀", "ש", "\t", "(", ")", "*", "#", "-", "<!--", "-->"]


def generate(rng: random.Random) -> str:
    if rng.random() < 0.25:  # character soup: marks, words and breaks in any order
        return "".join(rng.choice(SOUP) for _ in range(rng.randint(0, 200)))
    paras = []
    for _ in range(rng.randint(0, 6)):
        paras.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))))
    sep = rng.choice(["\n\n", "\r\n\r\n", "\n \n", "\n"])
    text = sep.join(paras)
    if rng.random() < 0.1:  # a multi-paragraph quotation: continuation opens with a mark
        text += f'{sep}"{rng.choice(CLAIMS)}.{sep}"{rng.choice(CLAIMS)}," {rng.choice(NAMES)} said.'
    if rng.random() < 0.05:
        text = text.replace(" ", rng.choice(["  ", "\u00a0", " \n"]), rng.randint(1, 5))
    return text


# ---------------------------------------------------------------- random parses

UPOS = ["NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ",
        "PUNCT", "NUM", "PART", "X", "SYM", "INTJ"]
DEPRELS = ["nsubj", "nsubj:pass", "obj", "iobj", "ccomp", "xcomp", "parataxis", "advcl", "mark",
           "obl", "obl:agent", "nmod", "nmod:poss", "appos", "compound", "flat", "conj", "cc",
           "punct", "det", "amod", "advmod", "aux", "cop", "acl", "acl:relcl", "case", "dep",
           "discourse", "csubj", "expl", "fixed", "list", "obl:tmod", "nummod"]
LEMMAS = {"said": "say", "says": "say", "saying": "say", "told": "tell", "added": "add",
          "warned": "warn", "denied": "deny", "admitted": "admit", "claimed": "claim",
          "accused": "accuse", "insisted": "insist", "noted": "note", "argued": "argue",
          "according": "accord", "was": "be", "were": "be", "called": "call", "quoted": "quote"}
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|''|``|[^\w\s]")
_SENT = re.compile(r"(?<=[.!?][\"”»’'])\s+|(?<=[.!?])\s+")


def random_document(src, rng: random.Random) -> Document:
    sentences = []
    for bi, block in enumerate(src.blocks):
        pos = 0
        for piece in _SENT.split(block.text):
            if not piece:
                continue
            at = block.text.find(piece, pos)
            pos = at + len(piece)
            toks = [(m.start() + at, m.end() + at, m.group(0)) for m in _TOKEN.finditer(piece)]
            if not toks:
                continue
            order = list(range(len(toks)))
            rng.shuffle(order)
            heads = {order[0]: -1}
            for k, idx in enumerate(order[1:], 1):
                heads[idx] = order[rng.randrange(k)]
            tokens = []
            for i, (s, e, w) in enumerate(toks):
                low = w.lower()
                good = rng.random() < 0.7
                lemma = LEMMAS.get(low, low) if good else low
                if not w[0].isalnum():
                    upos = "PUNCT" if good else rng.choice(UPOS)
                elif good and low in LEMMAS:
                    upos = "VERB"
                else:
                    upos = rng.choice(UPOS)
                head = heads[i] + 1
                deprel = "root" if head == 0 else rng.choice(DEPRELS)
                tokens.append(Token(id=i + 1, text=w, lemma=lemma, upos=upos, xpos="_",
                                    feats=rng.choice(["_", "VerbForm=Part", "Tense=Past|VerbForm=Fin",
                                                      "Polarity=Neg", "Number=Plur"]),
                                    head=head, deprel=deprel, start=block.to_file(s),
                                    end=block.to_file(e),
                                    ner=rng.choice(["O", "O", "S-PERSON", "B-ORG", "E-ORG", "S-GPE"])))
            sentences.append(Sentence(tokens=tuple(tokens), start=tokens[0].start,
                                      end=tokens[-1].end, block=bi))
    return Document(source=src, sentences=tuple(sentences), model="random-parse")


def check_attributions(text, attrs):
    for a in attrs:
        assert a.content, a
        for sp in a.content:
            assert 0 <= sp.start <= sp.end <= len(text), (a.id, sp)
        for sp in (a.cue, a.source):
            if sp is not None:
                assert 0 <= sp.start <= sp.end <= len(text), (a.id, sp)


def check_quotes(text, quotes):
    last = 0
    for q in quotes:
        assert last <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text), q
        last = q.end


def test_fuzz_quote_scanner_and_extractor_on_random_parses(capsys):
    from attribution.check import check
    from attribution.config import Config
    from attribution.extract import extract
    from attribution.extract.quotes import balanced, scan_quotes
    from attribution.vocab import load_lexicon
    from attribution.resolve import resolve

    lexicon = load_lexicon()
    config = Config()
    crashes: list[tuple[int, str, str]] = []
    n_quotes = n_attrs = 0
    for seed in range(N_DOCS):
        rng = random.Random(seed)
        text = generate(rng)
        stage = "scan"
        try:
            quotes = scan_quotes(text)
            balanced(text)
            check_quotes(text, quotes)
            n_quotes += len(quotes)
            stage = "load"
            src = load_text(text, "fuzz.md" if seed % 3 == 0 else "fuzz.txt")
            stage = "extract"
            doc = random_document(src, rng)
            extraction = extract(doc, lexicon)
            attrs = extraction.attributions
            check_attributions(text, attrs)
            n_attrs += len(attrs)
            stage = "resolve"  # the rest of the audit after the parse, for good measure
            resolved = resolve(extraction, lexicon)
            stage = "check"
            for f in check(resolved, config, lexicon, strict=True):
                assert 0 <= f.start <= f.end <= len(text), f
        except Exception:
            crashes.append((seed, stage, traceback.format_exc(limit=4)))
    with capsys.disabled():
        print(f"\nfuzz: {N_DOCS} documents, {n_quotes} quotations, {n_attrs} attributions, "
              f"{len(crashes)} crashes")
        for seed, stage, tb in crashes[:5]:
            print(f"--- seed {seed} ({stage})\n{tb}")
    assert N_DOCS >= 10_000 or "FUZZ_DOCS" in os.environ
    assert not crashes, f"{len(crashes)} crashes; first seed {crashes[0][0]} in {crashes[0][1]}"


class _DictCache(dict):
    def get(self, key, text=None):  # parse() passes the paragraph; a dict would take it as a default
        return dict.get(self, key)

    def put(self, key, value, text=None):
        self[key] = value


@pytest.mark.stanza
def test_fuzz_extractor_on_real_parses(parser, capsys):
    from attribution.extract import extract
    from attribution.vocab import load_lexicon
    from attribution.parse import parse

    lexicon = load_lexicon()
    sources = [load_text(generate(random.Random(10_000_000 + seed)), "fuzz.txt")
               for seed in range(N_PARSED)]
    # parse every paragraph of every document in large batches (stanza's per-call cost
    # dominates on short texts), then hand the results to parse() through its cache hook
    cache = _DictCache()
    texts = sorted({b.text for src in sources for b in src.blocks})
    for lo in range(0, len(texts), 256):
        chunk = texts[lo:lo + 256]
        for t, sents in zip(chunk, parser.parse_texts(chunk)):
            cache[parser.key(t)] = sents
    crashes = []
    n_attrs = 0
    for seed, src in enumerate(sources):
        try:
            doc = parse(src, parser, cache=cache)
            attrs = extract(doc, lexicon).attributions
            check_attributions(src.text, attrs)
            n_attrs += len(attrs)
        except Exception:
            crashes.append((seed, traceback.format_exc(limit=4)))
    with capsys.disabled():
        print(f"\nfuzz (stanza): {N_PARSED} documents, {len(texts)} paragraphs, {n_attrs} attributions, "
              f"{len(crashes)} crashes")
        for seed, tb in crashes[:5]:
            print(f"--- seed {seed}\n{tb}")
    assert not crashes
