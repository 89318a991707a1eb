"""Runs without a sentence end cut so that no sentence the parser forms is too long."""
from __future__ import annotations

import re

from ..model import Block

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
