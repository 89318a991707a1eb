"""The rules' own vocabulary (``attribution/data/rules.toml``) and lexicon accessors.

Rules never hard-code word lists: they read them here.  Cue classes come first
from the attribution itself (``Attribution.cue_classes``, set by extract from
the cue lexicon), then from the lexicon object if it knows the lemma, and only
then from the fallback table in ``rules.toml``.
"""
from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from ..model import Attribution

DATA = Path(__file__).resolve().parent.parent / "data" / "rules.toml"

_SCHEMA: dict[str, dict[str, type]] = {
    "cue_classes": {"accuse": list, "deny": list, "loaded": list, "weak_deny": list},
    "loaded_cue": {"forms": list, "phrases": list},
    "vague": {"hedges": list, "sources": list},
    "anonymous": {"nouns": list, "reasons": list},
    "response": {"phrases": list},
    "names": {"honorifics": list, "pronouns": list, "first_person": list, "personal": list,
              "describers": list},
    "contest": {"accuse": list, "cut_words": list, "rejection": list, "claim_nouns": list},
    "terms": {"max_words": int},
    "beats": {"verbs": list},
    "unsourced": {"figure_nouns": list, "scales": list},
}


class VocabError(Exception):
    pass


def _line_of(text: str, needle: str) -> int:
    for i, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(needle):
            return i
    return 0


def parse_vocab(text: str, path: str = str(DATA)) -> dict:
    """Parse and validate a rules vocabulary; errors name file and line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise VocabError(f"{path}: {exc}") from None
    for table, keys in _SCHEMA.items():
        if not isinstance(data.get(table), dict):
            raise VocabError(f"{path}: missing table [{table}]")
        for key, typ in keys.items():
            value = data[table].get(key)
            line = _line_of(text, key)
            if not isinstance(value, typ):
                raise VocabError(f"{path}:{line}: [{table}] {key} must be a {typ.__name__}")
            if typ is list and not all(isinstance(v, str) and v.strip() for v in value):
                raise VocabError(f"{path}:{line}: [{table}] {key} must hold non-empty strings")
        extra = set(data[table]) - set(keys)
        if extra:
            key = sorted(extra)[0]
            raise VocabError(f"{path}:{_line_of(text, key)}: [{table}] unknown key {key!r}")
    extra_tables = set(data) - set(_SCHEMA)
    if extra_tables:
        raise VocabError(f"{path}: unknown table [{sorted(extra_tables)[0]}]")
    return data


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    return parse_vocab(DATA.read_text(encoding="utf-8"))


def words(table: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in vocab()[table][key])


@functools.lru_cache(maxsize=64)
def phrase_re(table: str, key: str) -> re.Pattern:
    """One case-insensitive whole-word regex for a list of phrases (longest first)."""
    items = sorted(vocab()[table][key], key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, p.split())) for p in items)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def _lexicon_classes(lexicon, lemma: str) -> frozenset[str]:
    """Ask the extract stage's lexicon for a lemma's cue classes, whatever its API."""
    if lexicon is None or not lemma:
        return frozenset()
    for name in ("classes", "cue_classes", "classes_of"):
        fn = getattr(lexicon, name, None)
        if callable(fn):
            try:
                got = fn(lemma)
            except Exception:  # an accessor with another signature
                continue
            if got:
                return frozenset(got)
    cues = getattr(lexicon, "cues", None)
    if isinstance(cues, dict):
        got = cues.get(lemma)
        if isinstance(got, (set, frozenset, list, tuple)):
            return frozenset(got)
        if got is not None and hasattr(got, "classes"):
            return frozenset(got.classes)
    return frozenset()


def cue_classes(attr: Attribution, lexicon=None, cue_text: str = "") -> frozenset[str]:
    """The cue classes of an attribution (speech, loaded, accuse, deny, ...)."""
    classes = set(attr.cue_classes)
    if lexicon is None:
        from ..lexicon import load_lexicon

        lexicon = load_lexicon()
    lemma = (attr.cue_lemma or "").lower()
    if not lemma and cue_text:
        first = cue_text.lower().split()[0] if cue_text.split() else ""
        lemma = lexicon.lemma_of(first) or first
    classes |= _lexicon_classes(lexicon, lemma)
    fallback = vocab()["cue_classes"]
    for cls, lemmas in fallback.items():
        if cls in classes or cls == "weak_deny":
            continue
        if lemma in lemmas or (cue_text and cue_text.lower() in lemmas):
            classes.add(cls)
    return frozenset(classes)


@functools.lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Single-word nouns that name a person or a group of people (role nouns and the heads
    of unnamed sources), from the resolve stage's vocabulary (``people.toml``)."""
    from ..resolve import load_people

    people = load_people()
    roles = {seq[0] for seq in people.roles if len(seq) == 1}
    return frozenset(roles | set(people.anonymous_nouns)) - {"some", "many", "others", "those", "ones", "few"}
