"""The check rules' own vocabulary (``rules.toml``): words only the rules use.

Read as ``{table: {key: tuple of words}}`` (deeply frozen); rules reach it through
:mod:`attribution.check.vocab` (``vocab.words(table, key)``, ``vocab.phrase_re(table, key)``)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from .frozen import deep_freeze
from .schema import SCHEMA, validate

RuleWords = Mapping[str, Mapping[str, Any]]


def build_rule_words(raw: str, path: str | Path = "rules.toml") -> RuleWords:
    """Validate ``rules.toml`` text against the schema; every table and key is required."""
    return deep_freeze(validate(raw, path, SCHEMA["rules.toml"]))
