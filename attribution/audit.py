"""One audit: load -> parse -> extract -> resolve -> check, for one source.

The CLI, the PolNeAR evaluator and the archive engines all call
:func:`audit_source`; none of them reaches into a stage directly.
"""
from __future__ import annotations

from .model import Report, Source


def audit_source(source: Source, parser, *, config=None, lexicon=None, cache=None) -> Report:
    from .check import check
    from .config import Config
    from .extract import extract
    from .lexicon import load_lexicon
    from .parse import parse
    from .resolve import resolve

    config = config or Config()
    lexicon = lexicon or load_lexicon(extra_cues=config.extra_cues)
    doc = parse(source, parser, cache=cache)
    attributions = extract(doc, lexicon)
    resolved = resolve(doc, attributions, lexicon)
    findings = check(resolved, config, lexicon)
    return Report(resolved=resolved, findings=tuple(findings))
