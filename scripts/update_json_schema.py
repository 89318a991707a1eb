"""Regenerate the JSON contract's schema from its records (attribution/report/contract.py).

Writes ``attribution/report/schema.json`` (shipped with the package) and ``docs/json-schema.json``
(the same text, for readers of the docs).  ``tests/report/test_json_schema.py`` fails when either
is stale:

    .venv/bin/python scripts/update_json_schema.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs" / "json-schema.json"


def targets() -> list[Path]:
    from attribution.report.schema import SCHEMA

    return [SCHEMA, DOCS]


def main() -> int:
    from attribution.report.schema import schema_text

    text = schema_text()
    for path in targets():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
        else:
            print(f"{path.relative_to(ROOT)} is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
