"""``attribution rules``: the rules with code, id, severity and rationale (text or JSON; the JSON
also gives what each rule reads, its configuration keys and its message templates)."""
from __future__ import annotations

import sys

from ..errors import EXIT_OK


def run(args) -> int:
    from ..check.registry import all_rules

    if getattr(args, "format", "text") == "json":
        import json

        from ..report.contract import rule_listing

        sys.stdout.write(json.dumps(rule_listing(all_rules()), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from ..report.screens import print_rules
    print_rules(all_rules())
    return EXIT_OK
