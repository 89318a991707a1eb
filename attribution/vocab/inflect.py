"""English inflection helpers, all in one place: verb forms of a lemma, crude de-inflection
back to candidate lemmas, adjectival forms of a name, and counted nouns for reports.

Over-generating is harmless everywhere here: the forms are only ever looked up in word lists."""
from __future__ import annotations

import re


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma: say -> says, sayed, saying (irregular forms such as
    "said" are listed in ``cues.toml`` [forms])."""
    if lemma.endswith("e"):
        return {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if re.search(r"(s|sh|ch|x|z)$", lemma):
        return {lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma + "s", lemma + "ed", lemma + "ing"}


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
             ("d", ""), ("ing", ""), ("ing", "e"))


def lemma_candidates(word: str) -> set[str]:
    """``word`` lower-cased plus every lemma it could be an inflection of (denies -> deny,
    charged -> charg, charge; crude: compare the result with a list, never show it)."""
    w = word.lower()
    out = {w}
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.add(w[: -len(suffix)] + replacement)
    return out


def demonyms(name: str) -> set[str]:
    """Cheap adjectival forms of a place or group name: Russia -> russian, China -> chinese,
    Iran -> iranian."""
    n = name.lower()
    if n.endswith("a"):
        return {n + "n", n[:-1] + "ese"}
    if n.endswith(("y", "e")):
        return {n[:-1] + "ian"}
    return {n + "ian", n + "i", n + "ese", n + "ish"}


def counted(n: int, word: str) -> str:
    """``3 warnings``, ``1 error``; "info" has no plural."""
    return f"{n} {word}" + ("" if n == 1 or word == "info" else "s")
