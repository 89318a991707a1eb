"""The rule registry: one dict, filled by the :func:`rule` decorator.

Kept in its own module (stanza's ``registry.py`` pattern) so that rule modules
and the checker can both import it without a cycle, and so that
``attribution rules`` / ``attribution explain`` stay fast: this module imports
only the standard library and :mod:`attribution.model`.

Codes are handed out here and never reused (ruff's ``codes.rs`` habit): a rule that
is removed leaves its code in :data:`RETIRED`, and registering a retired code fails.
The table below is kept for reading; the generated one is in README.md and
``docs/rules/`` (``scripts/update_rule_docs.py``).

======  =====================  ==============================
code    id                     family
======  =====================  ==============================
ATR101  unattributed-quote     ATR1xx missing attribution
ATR102  one-sided
ATR103  unsourced-claim
ATR104  quoted-fragment
ATR105  quote-speaker-uncertain
ATR201  anonymous-source       ATR2xx speakers and affiliation
ATR202  unresolved-source
ATR203  missing-affiliation
ATR204  name-inconsistency
ATR205  contested-claim
ATR301  vague-attribution      ATR3xx cues and hedging
ATR302  loaded-cue
======  =====================  ==============================
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..model import Severity

HEADINGS = ("What it does", "Why it matters", "Example", "Use instead")
STATUSES = ("stable", "preview", "deprecated")
# what a rule may declare it reads beyond the parsed document (text, blocks, sentences,
# tokens, which every rule gets): extract's attributions, resolve's speakers (including an
# attribution's ``speaker`` link).  ``check`` skips a rule whose needs a caller does not
# provide; ``check(..., strict=True)`` (every rule test) fails a rule that reads an
# undeclared one.
NEEDS = frozenset({"attributions", "speakers"})
# codes of rules that were removed: reserved for ever, never handed out again
# (code -> "old-id: why it went"); scripts/update_rule_docs.py lists them in the README
RETIRED: dict[str, str] = {}
_CODE_RE = re.compile(r"^ATR[0-9]{3}$")
_ID_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


class RegistryError(Exception):
    """A rule was declared wrongly (duplicate code or id, bad docstring, ...)."""


@dataclass(frozen=True, slots=True)
class Rule:
    code: str                 # "ATR101"
    id: str                   # "unattributed-quote"
    severity: Severity        # default severity
    rationale: str            # one line: first sentence of *Why it matters*
    doc: str                  # the full docstring (markdown with the four headings)
    status: str
    needs: frozenset[str]
    func: Callable = field(repr=False, compare=False)
    per: str = "document"     # "document": func(ctx); "attribution": func(ctx, attr)
    # the shapes of the messages the rule emits, ``{name}`` marking a part taken from the
    # text ('"{word}" editorialises about the speaker; prefer "said"'): the docs list them,
    # and tests check that every message a rule emits has one of its shapes
    messages: tuple[str, ...] = ()
    # configuration keys (besides select, ignore, severity) the rule reads, as spelt in
    # .attribution.toml ("anonymous-allow")
    config: tuple[str, ...] = ()
    _patterns: tuple[re.Pattern, ...] = field(default=(), repr=False, compare=False)

    def section(self, heading: str) -> str:
        """The text under one of :data:`HEADINGS` (without the heading line)."""
        return doc_sections(self.doc).get(heading, "")

    def template_of(self, message: str) -> str | None:
        """The declared message template that ``message`` is an instance of, or None."""
        for template, pattern in zip(self.messages, self._patterns):
            if pattern.fullmatch(message):
                return template
        return None


_FIELD_RE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def template_pattern(template: str) -> re.Pattern:
    """A message template as a regular expression: literal text, each ``{name}`` any
    non-empty text (``{{`` and ``}}`` are literal braces)."""
    out, pos = [], 0
    for m in _FIELD_RE.finditer(template):
        out.append(re.escape(template[pos:m.start()].replace("{{", "{").replace("}}", "}")))
        out.append("(?:.+?)")
        pos = m.end()
    out.append(re.escape(template[pos:].replace("{{", "{").replace("}}", "}")))
    return re.compile("".join(out), re.DOTALL)


_RULES: dict[str, Rule] = {}  # code -> Rule
_IDS: dict[str, str] = {}     # id -> code
_BY_FUNC: dict[Callable, Rule] = {}  # rule function -> Rule


def doc_sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its ``## Heading`` sections."""
    out: dict[str, list[str]] = {}
    current: str | None = None
    for line in _dedent(doc).splitlines():
        m = re.match(r"^#{1,3}\s+(.+?)\s*$", line)
        if m:
            current = m.group(1)
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return {k: "\n".join(v).strip("\n") for k, v in out.items()}


def _dedent(doc: str) -> str:
    import textwrap

    doc = doc.expandtabs()
    first, _, rest = doc.partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip("\n")


def first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    m = re.search(r"(?<=[.!?])\s+(?=[A-Z\"“(])", flat)
    return flat[: m.start()] if m else flat


def rule(code: str, id: str, severity: Severity, *, messages, needs=frozenset(),
         status: str = "stable", per: str = "document", config=()) -> Callable:
    """Register a rule function under ``code`` and ``id``.

    ``messages``: the template of every message the rule emits (see :attr:`Rule.messages`);
    ``needs``: what it reads of :data:`NEEDS`; ``config``: the configuration keys it reads.
    The function's docstring must have the headings in :data:`HEADINGS`; the first
    sentence under *Why it matters* becomes the one-line rationale.  A duplicate or
    retired code, a duplicate id, an unknown need or a rule without messages raises
    :class:`RegistryError` at import.
    """
    if not _CODE_RE.match(code):
        raise RegistryError(f"rule code {code!r} is not of the form ATRnnn")
    if code in RETIRED:
        raise RegistryError(f"rule code {code} is retired ({RETIRED[code]}); take a new code")
    unknown = set(needs) - NEEDS
    if unknown:
        raise RegistryError(f"rule {code}: unknown needs {sorted(unknown)} "
                            f"(one of {', '.join(sorted(NEEDS))})")
    if isinstance(messages, str) or not messages or \
            not all(isinstance(m, str) and m.strip() for m in messages):
        raise RegistryError(f"rule {code} {id}: declare the template of each message it emits "
                            "(messages=(...), a tuple of strings)")
    if isinstance(config, str) or not all(isinstance(k, str) and k for k in config):
        raise RegistryError(f"rule {code} {id}: config must be a tuple of key names")
    if not _ID_RE.match(id):
        raise RegistryError(f"rule id {id!r} is not kebab-case")
    if status not in STATUSES:
        raise RegistryError(f"rule {code}: unknown status {status!r}")
    if per not in ("document", "attribution"):
        raise RegistryError(f"rule {code}: per must be 'document' or 'attribution'")
    severity = Severity(severity)

    def register(func: Callable) -> Callable:
        if code in _RULES:
            raise RegistryError(f"duplicate rule code {code} ({id!r} and {_RULES[code].id!r})")
        if id in _IDS:
            raise RegistryError(f"duplicate rule id {id!r} ({code} and {_IDS[id]})")
        doc = _dedent(func.__doc__ or "")
        sections = doc_sections(doc)
        missing = [h for h in HEADINGS if not sections.get(h, "").strip()]
        if missing:
            raise RegistryError(f"rule {code} {id}: docstring lacks {', '.join(missing)}")
        r = Rule(code=code, id=id, severity=severity,
                 rationale=first_sentence(sections["Why it matters"]), doc=doc,
                 status=status, needs=frozenset(needs), func=func, per=per,
                 messages=tuple(messages), config=tuple(config),
                 _patterns=tuple(template_pattern(m) for m in messages))
        _RULES[code] = r
        _IDS[id] = code
        _BY_FUNC[func] = r
        return func

    return register


def message(func: Callable, index: int = 0, /, **fields) -> str:
    """The message a rule emits: template ``index`` of the ``messages`` its ``@rule``
    declared, filled in with ``fields``.  A rule writes its message text only there, in its
    declaration (``message(loaded_cue, 0, word="admitted")``), never again in its body."""
    return _BY_FUNC[func].messages[index].format(**fields)


def _load() -> None:
    from . import rules  # noqa: F401  (importing registers every rule family)


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code."""
    _load()
    return [_RULES[c] for c in sorted(_RULES)]


def lookup(name_or_code: str) -> Rule | None:
    """A rule by readable id (``anonymous-source``) or code (``ATR201``, any case)."""
    _load()
    key = (name_or_code or "").strip()
    if key.upper() in _RULES:
        return _RULES[key.upper()]
    code = _IDS.get(key.lower())
    return _RULES[code] if code else None
