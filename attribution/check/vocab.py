"""The rules' access to the vocabulary (:mod:`attribution.vocab`): ``rules.toml``'s words,
cue classes and person nouns.

Rules never hard-code word lists: they read them here.  Cue classes come first
from the attribution itself (``Attribution.cue_classes``, set by extract from
the cue lexicon), then from the lexicon object if it knows the lemma, and only
then from the fallback table in ``rules.toml``.
"""
from __future__ import annotations

import functools
import re

from ..model import Attribution
from ..vocab import all_person_nouns, load_lexicon, load_rule_words, person_nouns, rule_words  # noqa: F401


def vocab():
    """The rules' word lists (``rules.toml``), ``{table: {key: words}}``, read-only."""
    return load_rule_words()


words = rule_words   # words(table, key): one list of rules.toml, lower-cased


@functools.lru_cache(maxsize=64)
def phrase_re(table: str, key: str) -> re.Pattern:
    """One case-insensitive whole-word regex for a list of phrases (longest first)."""
    return _phrases_re(vocab()[table][key])


# between two words of a phrase: a word may open a quotation ('called it a "boldfaced lie"', 'is
# "not true"').  Written as a branch with an empty last choice, which matches exactly what the
# optional class ``["“‘]?`` matches, in the same order: ``re`` compiles a class holding characters
# past U+00FF into a 64K-entry map, once per occurrence (hundreds in the hedges), which made
# compiling these patterns three times slower (~0.1 s of every cold audit)
_BETWEEN_WORDS = r"\s+(?:\"|“|‘|)"


def _phrases_re(phrases) -> re.Pattern:
    items = sorted(phrases, key=len, reverse=True)
    alts = "|".join(_BETWEEN_WORDS.join(map(re.escape, p.split())) for p in items)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def cue_classes(attr: Attribution, lexicon=None, cue_text: str = "") -> frozenset[str]:
    """The cue classes of an attribution (speech, loaded, accuse, deny, ...)."""
    classes = set(attr.cue_classes)
    if lexicon is None:
        lexicon = load_lexicon()
    lemma = (attr.cue_lemma or "").lower()
    if not lemma and cue_text:
        first = cue_text.lower().split()[0] if cue_text.split() else ""
        lemma = lexicon.lemma_of(first) or first
    classes |= lexicon.cue_classes(lemma)
    words = cue_text.lower().split()
    # a phrasal cue with an adverb inside the span: "also pointed out" is "point out"
    phrasal = f"{lemma} {words[-1]}" if len(words) > 1 else None
    if phrasal:
        classes |= lexicon.cue_classes(phrasal)
    chained = chained_lemma(cue_text, lexicon)
    if chained:
        classes |= lexicon.cue_classes(chained) & {"deny", "accuse"}
    fallback = vocab()["cue_classes"]
    for cls, lemmas in fallback.items():
        if cls in classes or cls == "weak_deny":
            continue
        if lemma in lemmas or (cue_text and cue_text.lower() in lemmas) or (phrasal and phrasal in lemmas):
            classes.add(cls)
    return frozenset(classes)


def chained_lemma(cue_text: str, lexicon) -> str:
    """The verb a cue ends on after "to" when it denies or accuses: "continued to refute",
    "went on to rebut", "has begun to deny" ("" when none).  The cue's own lemma is the first
    verb ("continue"), which says nothing of what was done."""
    words = cue_text.lower().split()
    if len(words) < 3 or words[-2] != "to":
        return ""
    lemma = lexicon.lemma_of(words[-1]) or ""
    return lemma if lemma and lexicon.cue_classes(lemma) & {"deny", "accuse"} else ""
