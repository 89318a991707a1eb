"""The check rules' own vocabulary (``rules.toml``): words only the rules use.

Read as ``{table: {key: tuple of words}}`` (deeply frozen); rules reach it through
:mod:`attribution.check.vocab` (``vocab.words(table, key)``, ``vocab.phrase_re(table, key)``).

A list that holds another one whole is written once: the file gives only its own words and
:data:`INCLUDES` names the lists it also holds, in this file or in ``cues.toml``, which the load
unites into it (:mod:`attribution.vocab.includes`)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from .frozen import deep_freeze
from .includes import Includes, unite
from .schema import SCHEMA, DataFileError, validate

RuleWords = Mapping[str, Mapping[str, Any]]

# (table, key) -> the lists it holds besides its own words, united at load (in this order, so a
# list may include one that itself includes others); a part of three names another data file
INCLUDES: Includes = {
    # the accusation cues: the charges of specific wrongdoing, the answerable ones, all strong ones
    ("contest", "answerable"): (("contest", "charge"),),
    ("contest", "accuse"): (("contest", "answerable"),),
    # claim nouns: the accusations, the charges and reports, every noun that refers to a claim,
    # among them the nouns for a statement that extract's frames know ("a point that ... disputed")
    ("contest", "charge_nouns"): (("contest", "accusation_nouns"),),
    ("contest", "claim_nouns"): (("contest", "charge_nouns"), ("cues.toml", "frames", "statement_nouns")),
    # the wrongs a charge may name include the nouns of a wrong done
    ("contest", "wrongs"): (("contest", "wrong_nouns"),),
    # the verbs that charge a wrong in what a source says include the verbs of wrongdoing
    ("contest", "wrong_verbs"): (("unsourced", "wrongdoing"),),
}


def build_rule_words(raw: str, path: str | Path = "rules.toml",
                     files: Callable[[str], Mapping[str, Mapping[str, Any]]] | None = None) -> RuleWords:
    """Validate ``rules.toml`` text against the schema; every table and key is required.  The
    lists of :data:`INCLUDES` hold the lists they name as well; ``files``: another data file's
    lists by its name (``attribution.vocab`` passes the shipped files, as their loaders read
    them; this module does not import its package, which imports it)."""
    if files is None:
        def files(name: str) -> Mapping[str, Mapping[str, Any]]:
            raise DataFileError(path, 0, f"a list includes {name}, and no other data file was given")
    return deep_freeze(unite(validate(raw, path, SCHEMA["rules.toml"]), INCLUDES, files))
