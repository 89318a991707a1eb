"""The check stage: registered rules over a resolved document -> findings.

    findings = check(resolved, config, lexicon)

Runs the rules the configuration selects (stable rules by default), re-levels
findings per ``config.severity``, drops findings inside blocks that suppress the
rule inline (``Block.suppress``: rule ids, codes or ``"*"``), fills in line and
column, and sorts by (offset, rule).  No rule reads configuration files or
touches the terminal; this module imports nothing heavy.

``strict=True`` (the rule tests) holds each rule to its declaration: it reads only
the ``needs`` and ``config`` keys it declared (:mod:`.guard`), and each message it
emits has the shape of one of its ``messages`` templates.
"""
from __future__ import annotations

import bisect
import logging
from typing import Iterable

from ..model import Finding, Resolved, Severity
from .context import Context, Hit
from .registry import NEEDS, Rule, all_rules, lookup

__all__ = ["check", "selected_rules", "Context", "Hit", "all_rules", "lookup"]

log = logging.getLogger(__name__)

# what a Resolved always provides; rules whose ``needs`` are not met are skipped
PROVIDED = NEEDS


class RuleContractError(Exception):
    """In strict mode: a rule emitted a message none of its templates describes."""


def selected_rules(config=None) -> list[Rule]:
    if config is None:
        return [r for r in all_rules() if r.status == "stable"]
    return [r for r in all_rules() if config.enabled(r.id, r.status)]


def check(resolved: Resolved, config=None, lexicon=None, *,
          provides: Iterable[str] = PROVIDED, strict: bool = False) -> list[Finding]:
    """Every finding of the selected rules on ``resolved``, sorted by (offset, rule).

    ``strict``: run each rule on views that refuse undeclared needs and configuration
    keys, and check each message against the rule's templates (for tests: slower)."""
    if config is None:
        from ..config import Config

        config = Config()
    provides = frozenset(provides)
    ctx = Context(resolved, config, lexicon)
    source = resolved.document.source
    blocks = source.blocks
    block_starts = [b.start for b in blocks]
    overrides = getattr(config, "severity", {}) or {}

    findings: dict[tuple, Finding] = {}
    for rule in selected_rules(config):
        missing = rule.needs - provides
        if missing:
            log.info("skipping %s: needs %s", rule.id, ", ".join(sorted(missing)))
            continue
        for hit in _run(rule, _strict_context(rule, resolved, config, lexicon) if strict else ctx):
            if strict and rule.template_of(hit.message) is None:
                raise RuleContractError(f"rule {rule.code} {rule.id} emitted a message none of its "
                                        f"templates describes: {hit.message!r}")
            if _suppressed(rule, hit.start, blocks, block_starts):
                continue
            severity = overrides.get(rule.id) or hit.severity or rule.severity
            line, col = source.line_col(hit.start)
            f = Finding(rule=rule.id, severity=Severity(severity), message=hit.message,
                        start=hit.start, end=max(hit.end, hit.start), line=line, column=col,
                        attributions=tuple(hit.attributions), code=rule.code)
            findings.setdefault((f.rule, f.start, f.end, f.message), f)
    return sorted(findings.values(), key=lambda f: (f.start, f.rule, f.end, f.message))


def _strict_context(rule: Rule, resolved: Resolved, config, lexicon) -> Context:
    from .guard import GuardedConfig, GuardedResolved

    return Context(GuardedResolved(resolved, rule), GuardedConfig(config, rule), lexicon)


def _run(rule: Rule, ctx: Context) -> Iterable[Hit]:
    if rule.per == "attribution":
        for attr in ctx.attributions:
            yield from rule.func(ctx, attr)
    else:
        yield from rule.func(ctx)


def _suppressed(rule: Rule, offset: int, blocks, block_starts) -> bool:
    if not blocks:
        return False
    i = bisect.bisect_right(block_starts, offset) - 1
    if i < 0:
        return False
    b = blocks[i]
    if not (b.start <= offset <= b.end):
        return False
    s = b.suppress
    return bool(s) and ("*" in s or rule.id in s or rule.code in s or rule.code.lower() in s)
