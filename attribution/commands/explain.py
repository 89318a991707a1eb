"""``attribution explain RULE``: one rule's header and documentation."""
from __future__ import annotations

from ..errors import EXIT_OK, UsageError
from . import did_you_mean


def run(args) -> int:
    from ..check.registry import lookup
    from ..report.screens import print_explain

    rule = lookup(args.rule)
    if rule is None:
        from ..check.registry import all_rules

        names = [r.id for r in all_rules()] + [r.code for r in all_rules() if r.code]
        raise UsageError(f"unknown rule {args.rule!r}{did_you_mean(args.rule, names)} "
                         "(see 'attribution rules')")
    print_explain(rule)
    return EXIT_OK
