"""``attribution rules``: the rules with code, id, severity and rationale (text or JSON; the JSON
also gives what each rule reads, its configuration keys and its message templates)."""
from __future__ import annotations

import sys

from ..errors import EXIT_OK


def run(args) -> int:
    from ..check.registry import all_rules

    if getattr(args, "format", "text") == "json":
        import json

        def _value(v):
            return getattr(v, "value", v)

        rules = [{"id": r.id, "code": r.code, "severity": _value(r.severity), "status": _value(r.status),
                  "rationale": r.rationale, "needs": sorted(r.needs), "config": list(r.config),
                  "messages": list(r.messages)} for r in all_rules()]
        sys.stdout.write(json.dumps({"version": 1, "rules": rules}, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from ..report.screens import print_rules
    print_rules(all_rules())
    return EXIT_OK
