"""The rule registry: one dict, filled by the :func:`rule` decorator.

Kept in its own module (stanza's ``registry.py`` pattern) so that rule modules
and the checker can both import it without a cycle, and so that
``attribution rules`` / ``attribution explain`` stay fast: this module imports
only the standard library and :mod:`attribution.model`.

Codes are handed out here and never reused (ruff's ``codes.rs`` habit):

======  =====================  ==============================
code    id                     family
======  =====================  ==============================
ATR101  unattributed-quote     ATR1xx missing attribution
ATR102  one-sided
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

    def section(self, heading: str) -> str:
        """The text under one of :data:`HEADINGS` (without the heading line)."""
        return doc_sections(self.doc).get(heading, "")


_RULES: dict[str, Rule] = {}  # code -> Rule
_IDS: dict[str, str] = {}     # id -> code


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


def rule(code: str, id: str, severity: Severity, *, needs=frozenset(), status: str = "stable",
         per: str = "document") -> Callable:
    """Register a rule function under ``code`` and ``id``.

    The function's docstring must have the headings in :data:`HEADINGS`; the first
    sentence under *Why it matters* becomes the one-line rationale.  A duplicate
    code or id raises :class:`RegistryError` at import.
    """
    if not _CODE_RE.match(code):
        raise RegistryError(f"rule code {code!r} is not of the form ATRnnn")
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
                 status=status, needs=frozenset(needs), func=func, per=per)
        _RULES[code] = r
        _IDS[id] = code
        return func

    return register


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
