"""The check rules' own vocabulary (``rules.toml``): words only the rules use.

Read as ``{table: {key: tuple of words}}`` (deeply frozen); rules reach it through
:mod:`attribution.check.vocab` (``vocab.words(table, key)``, ``vocab.phrase_re(table, key)``).

A list that holds another one whole is written once: the file gives only its own words and
:data:`INCLUDES` names the lists it also holds, which the load unites into it (in order, no
repeats), so every reader sees the whole list and each word has one home."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from .frozen import deep_freeze
from .schema import SCHEMA, validate

RuleWords = Mapping[str, Mapping[str, Any]]

# (table, key) -> the lists it holds besides its own words, united at load (in this order, so a
# list may include one that itself includes others)
INCLUDES: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    # the accusation cues: the charges of specific wrongdoing, the answerable ones, all strong ones
    ("contest", "answerable"): (("contest", "charge"),),
    ("contest", "accuse"): (("contest", "answerable"),),
    # claim nouns: the accusations, the charges and reports, every noun that refers to a claim
    ("contest", "charge_nouns"): (("contest", "accusation_nouns"),),
    ("contest", "claim_nouns"): (("contest", "charge_nouns"),),
    # the wrongs a charge may name include the nouns of a wrong done
    ("contest", "wrongs"): (("contest", "wrong_nouns"),),
    # the verbs that charge a wrong in what a source says include the verbs of wrongdoing
    ("contest", "wrong_verbs"): (("unsourced", "wrongdoing"),),
}


def _unite(data: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    for (table, key), parts in INCLUDES.items():
        words = list(data[table][key])
        for part_table, part_key in parts:
            words += [w for w in data[part_table][part_key] if w not in words]
        data[table][key] = type(data[table][key])(words) if isinstance(data[table][key], tuple) else words
    return data


def build_rule_words(raw: str, path: str | Path = "rules.toml") -> RuleWords:
    """Validate ``rules.toml`` text against the schema; every table and key is required.  The
    lists of :data:`INCLUDES` hold the lists they name as well."""
    return deep_freeze(_unite(validate(raw, path, SCHEMA["rules.toml"])))
