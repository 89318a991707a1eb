"""Stored parses: tests of the stages after parse run on paragraphs parsed once, without stanza.

``tests/fixtures/parses/paragraphs.jsonl`` holds, for every paragraph a test parses through
the ``stored_parser`` fixture, stanza's parse of it (the rows ``Parser.parse_texts`` returns:
``[sentence, ...]``, ``sentence = [word, ...]``, ``word = [id, text, lemma, upos, xpos, feats,
head, deprel, start, end, ner]``), one JSON object a line, after a first line naming the model
set and stanza version.  The text is the project's own test copy, never PolNeAR's.

:class:`StoredParser` stands in for :class:`attribution.parse.Parser`:
``attribution.parse.parse(source, StoredParser(...))`` builds the same ``Document`` the model
would.  A paragraph with no stored parse fails the test with the command that adds it:

    .venv/bin/python scripts/update_parse_fixtures.py

which runs the tests that use ``stored_parser`` with ``ATTRIBUTION_RECORD_PARSES`` set, so that
the fixture parses with stanza, and rewrites the file with exactly the paragraphs they use.
``tests/test_stored_parses.py`` (stanza) fails when the stored parses are not what the model
gives today.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from attribution.parse.rows import WordRow

FILE = Path(__file__).resolve().parent / "fixtures" / "parses" / "paragraphs.jsonl"
RECORD_ENV = "ATTRIBUTION_RECORD_PARSES"
UPDATE = ".venv/bin/python scripts/update_parse_fixtures.py"


def read(path: Path = FILE) -> tuple[dict, dict[str, list]]:
    """(header, paragraph text -> sentences) from the fixture file (empty when absent)."""
    if not path.is_file():
        return {}, {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0]) if lines else {}
    paragraphs = {}
    for line in lines[1:]:
        if line.strip():
            rec = json.loads(line)
            paragraphs[rec["text"]] = rec["sentences"]
    return header, paragraphs


def write(header: dict, paragraphs: dict[str, list], path: Path = FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(header, sort_keys=True)]
    for text in sorted(paragraphs):
        lines.append(json.dumps({"text": text, "sentences": paragraphs[text]}, ensure_ascii=False,
                                separators=(",", ":")))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def as_plain(sentences) -> list:
    """Parser rows (tuples) as the JSON lists they are stored as."""
    return [[list(w) for w in sent] for sent in sentences]


class StoredParser:
    """A parser that answers from the stored parses; with ``live`` (a real parser) it parses
    what it is asked and remembers it, for :func:`write`."""

    def __init__(self, path: Path = FILE, live=None):
        self.header, self.paragraphs = read(path)
        self.live = live
        self.used: dict[str, list] = {}
        self.model_id = live.model_id if live is not None else self.header.get("model", "stored")

    def key(self, text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def parse_texts(self, texts: list[str]) -> list[list]:
        if self.live is not None:
            out = [as_plain(s) for s in self.live.parse_texts(texts)]
            self.used.update(zip(texts, out))
            return out
        missing = [t for t in texts if t not in self.paragraphs]
        if missing:
            pytest.fail(f"no stored parse for the paragraph {missing[0][:70]!r}; run: {UPDATE}",
                        pytrace=False)
        # the rows the real parser and the parse cache give: WordRow, not the stored JSON lists
        return [[[WordRow(*w) for w in sent] for sent in self.paragraphs[t]] for t in texts]

    def recorded_header(self) -> dict:
        return {"model": self.live.model_id, "stanza": self.live.stanza_version}


def recording() -> bool:
    return bool(os.environ.get(RECORD_ENV))
