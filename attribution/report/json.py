"""``--format json``: the JSON contract (:mod:`attribution.report.contract`), printed.

Every other format is a view of the same data.  Key order is the contract's;
lists are in document order, so the same input gives byte-identical output.
The records, the keys present only when non-empty and the JSON Schema are in
:mod:`attribution.report.contract`.
"""
from __future__ import annotations

import json as _json
from collections.abc import Iterable, Sequence

from ..model import Report
from .contract import VERSION, contract, document  # noqa: F401  (the contract's builders, re-exported)


def dumps(obj: dict) -> str:
    from .safe import json_text  # C1 and bidi controls as \\uXXXX: the same data, inert on a terminal

    return json_text(_json.dumps(obj, ensure_ascii=False, indent=2)) + "\n"


def render(reports: Sequence[Report], *, tool: dict, errors: Iterable[tuple[str, str]] = ()) -> str:
    return dumps(contract(reports, tool, errors))
