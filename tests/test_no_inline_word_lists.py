"""Word lists are data (issue 13, point 1): no list, tuple or set of five or more string
literals in ``attribution/**/*.py`` outside a small allowlist.

Vocabulary lives in ``attribution/data/*.toml`` and is read through :mod:`attribution.vocab`.
What may stay in code, decided here once:

- ``__all__`` and other dunder names;
- tag sets: every string a Universal POS tag, a Penn Treebank tag or a dependency relation;
- cue class names (``speech``, ``deny``, ...: :data:`attribution.vocab.CLASSES`);
- punctuation: no string contains a letter;
- grammar: every string an English function word (:data:`FUNCTION_WORDS`, a closed class:
  determiners, pronouns, prepositions, conjunctions, auxiliaries, wh-words, negation) — the
  grammar of the parser's output, not the vocabulary of news copy;
- :data:`ALLOWED` and :data:`EXEMPT_FILES`: the few lists that are not English at all (file
  formats, configuration keys, HTML tags, colours, the schema's key names), each with its reason.
"""
from __future__ import annotations

import ast
from pathlib import Path

from attribution.vocab import CLASSES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "attribution"
MIN_STRINGS = 5

UPOS = frozenset("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())
PTB = frozenset("""CC CD DT EX FW IN JJ JJR JJS LS MD NN NNS NNP NNPS PDT POS PRP PRP$ RB RBR RBS RP
SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB HYPH NFP ADD AFX GW XX""".split())
DEPRELS = frozenset("""acl advcl advmod amod appos aux case cc ccomp clf compound conj cop csubj dep
det discourse dislocated expl fixed flat goeswith iobj list mark nmod nsubj nummod obj obl orphan
parataxis punct reparandum root vocative xcomp""".split())
FUNCTION_WORDS = frozenset("""
a an the this that these those some any all both each every either neither no another other
several many much few most more less one two three four five
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves one ones someone somebody
of for at with from to in on by about into onto over under near across outside inside throughout
during after before via through between against among without within upon off up down out around
including plus along various numerous others
and or but nor so yet though although while whereas unless because since if whether than as
be is are was were been being am has have had having do does did will would can could shall
should may might must 's ’s n't not never
who whom whose which what when where why how there here then also again
""".split())

# first string of the literal -> why it stays in code (keyed by content, not by file and line, so
# that moving code does not break the guard)
ALLOWED = {
    "select": "configuration keys (config.py; check/guard.py: the keys every rule may read)",
    "text": "output format names (the CLI's choices, the renderer table)",
    "audit": "CLI command names (attribution/commands)",
    "speaker": "table headers of the archive report",
    "script": "HTML element names (the HTML parser's tables)",
    "address": "HTML element names (block-level elements)",
    "area": "HTML element names (void elements)",
    "p": "ODF/DOCX XML element names",
    "tokenize": "stanza processor names",
    "torch._meta_registrations": "Python module names (parse/lazy.py: imports deferred at a cold start)",
    "torch.distributions": "Python module names (parse/lazy.py: torch subpackages deferred at a cold start)",
    "#f5c26b": "speaker highlight colours",
    "<!DOCTYPE html>": "the HTML page's head",
    "det": "Universal Dependencies relation names (check/rules/_vague.py: the words of a subject's description)",
    "conj": "Universal Dependencies relation names (check/rules/_one_sided.py: what a wrong's phrase leaves out)",
}
# files whose string lists are no vocabulary at all
EXEMPT_FILES = {
    "vocab/schema.py": "the schema: the data files' section and key names",
}


def _literals(tree: ast.AST):
    """Every list/tuple/set display with MIN_STRINGS or more string constants, with the name
    it is assigned to (when it is)."""
    assigned = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned[id(node.value)] = target.id
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) >= MIN_STRINGS:
                yield node, assigned.get(id(node)), strings


def _exempt(name: str | None, strings: list[str]) -> bool:
    if name and name.startswith("__") and name.endswith("__"):
        return True
    if all(s in UPOS or s in PTB or s in DEPRELS for s in strings):
        return True
    if not any(ch.isalpha() for s in strings for ch in s):
        return True
    if all(s in CLASSES for s in strings):
        return True   # cue class names: identifiers of the lexicon's classes, not words
    return all(s.lower() in FUNCTION_WORDS or not any(ch.isalpha() for ch in s) for s in strings)


def offending() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in EXEMPT_FILES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node, name, strings in _literals(tree):
            if _exempt(name, strings) or strings[0] in ALLOWED:
                continue
            out.append(f"attribution/{rel}:{node.lineno}: {len(strings)} strings "
                       f"({', '.join(map(repr, strings[:4]))}, ...)")
    return out


def test_no_word_list_in_code():
    found = offending()
    assert not found, ("word lists belong in attribution/data/*.toml (read through attribution.vocab); "
                       "allow a non-vocabulary list in tests/test_no_inline_word_lists.py ALLOWED with a "
                       "reason:\n" + "\n".join(found))


def test_every_allowlist_entry_is_still_needed():
    """An allowlist entry whose list has gone (or now passes by itself) is removed."""
    used = set()
    assert all((PACKAGE / rel).exists() for rel in EXEMPT_FILES)
    for path in sorted(PACKAGE.rglob("*.py")):
        for node, name, strings in _literals(ast.parse(path.read_text(encoding="utf-8"))):
            if not _exempt(name, strings):
                used.add(strings[0])
    assert set(ALLOWED) <= used, sorted(set(ALLOWED) - used)


def test_the_guard_catches_a_word_list():
    tree = ast.parse('ROLES = {"spokesman", "minister", "senator", "aide", "official"}\n'
                     'DETS = ("the", "this", "that", "these", "those")\n')
    flagged = [strings for _, name, strings in _literals(tree) if not _exempt(name, strings)]
    assert flagged == [["spokesman", "minister", "senator", "aide", "official"]]
