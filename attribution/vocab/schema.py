"""One schema for every word-list file in ``attribution/data/`` and one error for all of them.

A file is a TOML document of ``[section]`` tables whose keys hold lists of strings (or groups
of strings, or an integer).  :data:`SCHEMA` says, per file, which sections and keys exist and
what shape each value has; :func:`validate` checks a document against it and returns the
checked values.  Every complaint is a :class:`DataFileError` naming the file and the line of
the offending entry, looked up inside the right section (a key or word that also occurs in
another section never borrows that section's line).
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from .frozen import FrozenDict


class DataFileError(ValueError):
    """A word-list file is unreadable or malformed: ``PATH:LINE: what is wrong``."""

    def __init__(self, path: str | Path, line: int, msg: str) -> None:
        self.path, self.line, self.msg = str(path), line, msg
        super().__init__(f"{path}:{line}: {msg}" if line else f"{path}: {msg}")

    def __reduce__(self):
        return type(self), (self.path, self.line, self.msg)


# ---------------------------------------------------------------- entry shapes

CUE_ENTRY = re.compile(r"^[a-z][a-z' -]*[a-z]$")   # lower-case words, spaces, hyphens, apostrophes


@functools.lru_cache(maxsize=1 << 16)
def norm(word: str) -> str:
    """Lower case, typographic apostrophes straightened, one trailing full stop dropped."""
    w = word.replace("\u2019", "'").replace("\u2018", "'").lower()
    return w[:-1] if len(w) > 1 and w.endswith(".") else w


def norm_seq(entry: str) -> tuple[str, ...]:
    """An entry as a token sequence of :func:`norm` words ("Maj. Gen." -> ("maj", "gen"))."""
    return tuple(norm(w) for w in entry.split())


def _folded(entry: str) -> str:
    return " ".join(norm_seq(entry))


@dataclass(frozen=True)
class Shape:
    """What a key holds: ``list`` of strings, ``groups`` (lists of 2+ strings) or an ``int``.

    ``cue``: entries are lower-case words (:data:`CUE_ENTRY`); ``one_word``: no spaces;
    ``fold``: how two entries are compared for duplicates; ``required``: the key must be there
    (an absent optional list reads as empty)."""

    kind: str = "list"
    cue: bool = False
    one_word: bool = False
    fold: Callable[[str], str] = str.lower
    required: bool = True


CUES = Shape(cue=True, fold=str)
CUE_WORDS = Shape(cue=True, one_word=True, fold=str)
NAMES = Shape(fold=_folded)                    # people.toml: "Col." and "col" are one entry
GROUPS = Shape(kind="groups", required=False)
TEXT = Shape()                                 # rules.toml: any non-empty, unpadded text
COUNT = Shape(kind="int")


@dataclass(frozen=True)
class Section:
    """A table's keys and their shapes; ``open_keys`` lets any key name hold ``open_keys``'s
    shape, restricted to ``allowed`` when given (cue classes); ``required``: the section must
    be in the file."""

    keys: Mapping[str, Shape] = FrozenDict()
    open_keys: Shape | None = None
    allowed: tuple[str, ...] = ()
    required: bool = True


VERB_CLASSES = ("speech", "writing", "cognition", "loaded", "accuse", "deny", "warn")
# the word lists of extract's syntactic frames (cues.toml [frames])
FRAMES = ("obj_verbs", "xcomp_verbs", "weak", "object_takers", "person_object_verbs", "coordinated_cues",
          "inverting", "said_of", "participles", "mistagged_forms", "evidence", "evidence_verbs", "time_words",
          "adjunct_nouns", "np_glue", "passive_speakers", "judgement_nouns", "denied_nouns",
          "statement_nouns", "disputed_nouns", "unconfirmed_verbs")

SCHEMA: Mapping[str, Mapping[str, Section]] = FrozenDict({
    "cues.toml": FrozenDict({
        "verbs": Section(open_keys=CUES, allowed=VERB_CLASSES),
        "forms": Section(open_keys=CUE_WORDS, required=False),
        "nouns": Section(FrozenDict(noun=Shape(cue=True, fold=str, required=False))),
        "multiword": Section(FrozenDict(cues=Shape(cue=True, fold=str, required=False))),
        "frames": Section(FrozenDict.of_keys(FRAMES, Shape(fold=str)), required=False),
    }),
    "people.toml": FrozenDict({
        "titles": Section(FrozenDict(words=NAMES, offices=GROUPS)),
        "roles": Section(FrozenDict(words=NAMES, same=GROUPS)),
        "gender": Section(FrozenDict.of_keys(("male", "female", "male_names", "female_names"), NAMES)),
        "organizations": Section(FrozenDict.of_keys(("heads", "generic", "documents", "names", "places",
                                                     "place_heads", "descriptions", "businesses",
                                                     "public_heads"), NAMES)),
        "names": Section(FrozenDict.of_keys(("not_names", "particles", "parties", "capitalised", "kin"), NAMES)),
        "anonymous": Section(FrozenDict.of_keys(("nouns", "insiders", "collectives", "evidence", "makers",
                                                 "phrases", "head_cut", "modifiers", "reasons", "why", "generic",
                                                 "set_apart", "member_bodies", "voices"),
                                                NAMES)),
        "pronouns": Section(FrozenDict.of_keys(("male", "female", "group", "thing", "first", "second"), NAMES)),
    }),
    "rules.toml": FrozenDict({
        "cue_classes": Section(FrozenDict.of_keys(("accuse", "deny", "loaded", "weak_deny"), TEXT)),
        "loaded_cue": Section(FrozenDict.of_keys(("forms", "phrases"), TEXT)),
        "vague": Section(FrozenDict.of_keys(("hedges", "sources", "determiners", "event_cues", "group_cues", "criticised",
                                                   "criticised_not_for"), TEXT)),
        "response": Section(FrozenDict.of_keys(("phrases",), TEXT)),
        "names": Section(FrozenDict.of_keys(("honorifics", "pronouns", "first_person", "personal",
                                             "describers"), TEXT)),
        "contest": Section(FrozenDict.of_keys(("accuse", "charge", "rejection", "claim_nouns", "claim_taking",
                                               "proposal_cues", "belief_cues", "prosecution_parties", "prosecution_titles",
                                               "defense_parties", "defense_titles", "answerable",
                                               "view_nouns", "camp_nouns", "wrongdoers", "wrongs", "modals",
                                               "lie_of_place", "wrong_verbs", "rebuttal", "charge_nouns",
                                               "accusation_nouns", "verdict_cues", "naming_verbs",
                                               "figurative_objects", "rule_breaking", "rule_nouns", "wrong_nouns",
                                               "deed_verbs", "deed_hedges", "omissions", "thing_wrongdoers",
                                               "existence_fillers", "clause_openers"),
                                              TEXT)),
        "terms": Section(FrozenDict(max_words=COUNT)),
        "beats": Section(FrozenDict.of_keys(("verbs", "manner", "answers", "statements", "slogans", "back_reference"), TEXT)),
        "unsourced": Section(FrozenDict.of_keys(("figure_nouns", "scales", "documents", "observed",
                                                   "observed_nouns",
                                                   "units", "numbers", "fractions", "statistics", "results",
                                                   "result_phrases", "contests", "aims",
                                                   "wrongdoing", "poll_groups", "result_passives",
                                                   "levels", "instruments", "setters", "set_levels",
                                                   "proposals", "proposing", "places", "official_statistics", "sizes", "notes", "own_notes", "proven", "spans", "level_setters", "allowances", "poll_documents", "poll_answers", "supposing",
                                                   "market_moves"), TEXT)),
        "quotes": Section(FrozenDict.of_keys(("weak_cues",), TEXT)),
    }),
})


# ---------------------------------------------------------------- locating lines

class Located:
    """A TOML text with line lookups confined to one section (and one key within it)."""

    _HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]\s]+)[ \t]*\]\]?", re.M)

    def __init__(self, raw: str, path: str | Path) -> None:
        self.raw, self.path = raw, str(path)
        self._headers = [(m.group(1), m.start()) for m in self._HEADER.finditer(raw)]

    def line_at(self, pos: int) -> int:
        return self.raw.count("\n", 0, pos) + 1

    def error(self, pos_or_line: int, msg: str, *, is_line: bool = False) -> DataFileError:
        line = pos_or_line if is_line else (self.line_at(pos_or_line) if pos_or_line >= 0 else 0)
        return DataFileError(self.path, line, msg)

    def section(self, name: str) -> tuple[int, int]:
        """Character span of ``[name]`` (header to next header), or (-1, -1)."""
        for i, (header, start) in enumerate(self._headers):
            if header == name:
                end = self._headers[i + 1][1] if i + 1 < len(self._headers) else len(self.raw)
                return start, end
        return -1, -1

    def tables(self, name: str) -> list[tuple[int, int]]:
        """Character spans of every ``[[name]]`` table of an array of tables, in order."""
        spans = []
        for i, (header, start) in enumerate(self._headers):
            if header == name:
                end = self._headers[i + 1][1] if i + 1 < len(self._headers) else len(self.raw)
                spans.append((start, end))
        return spans

    def key(self, section: str | tuple[int, int], key: str) -> tuple[int, int]:
        """Character span of ``key = ...`` inside ``[section]`` (or inside a span of
        :meth:`tables`), up to the next key; (-1, -1) when absent."""
        s, e = self.section(section) if isinstance(section, str) else section
        if s < 0:
            return -1, -1
        body = self.raw[s:e]
        keys = list(re.finditer(r"^[ \t]*([A-Za-z0-9_-]+|\"[^\"]*\")[ \t]*=", body, re.M))
        for i, m in enumerate(keys):
            if m.group(1).strip('"') == key:
                end = s + keys[i + 1].start() if i + 1 < len(keys) else e
                return s + m.start(), end
        return -1, -1

    def find(self, needle: str, start: int, end: int) -> int:
        return self.raw.find(needle, max(start, 0), end if end > 0 else len(self.raw))


def read_toml(raw: str, path: str | Path) -> tuple[Located, dict[str, Any]]:
    """Parse TOML text; a syntax error becomes a :class:`DataFileError` at its line."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise DataFileError(path, int(m.group(1)) if m else 0, f"not valid TOML: {exc}") from None
    return Located(raw, path), data


def read_file(path: str | Path, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, 0, f"cannot read the {what}: {exc}") from None


# ---------------------------------------------------------------- validation

def validate(raw: str, path: str | Path, schema: Mapping[str, Section]) -> dict[str, dict[str, Any]]:
    """Check ``raw`` against ``schema``; return ``{section: {key: value}}`` with every key of the
    schema present (absent optional lists as ``[]``).  Raises :class:`DataFileError`."""
    src, data = read_toml(raw, path)
    for name in data:
        if name not in schema:
            s, _ = src.section(name)
            raise src.error(s, f"unknown section [{name}] (expected one of {', '.join(sorted(schema))})")
    out: dict[str, dict[str, Any]] = {}
    for name, section in schema.items():
        if name not in data:
            if section.required:
                raise src.error(-1, f"missing section [{name}]")
            out[name] = {key: [] for key in section.keys}
            continue
        table = data[name]
        if not isinstance(table, dict):
            raise src.error(src.section(name)[0], f"[{name}] must be a table")
        out[name] = _validate_section(src, name, section, table)
    return out


def _validate_section(src: Located, name: str, section: Section, table: dict) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in table:
        if key in section.keys:
            continue
        if section.open_keys is not None and (not section.allowed or key in section.allowed):
            continue
        pos = src.key(name, key)[0]
        if section.allowed:
            raise src.error(pos, f"[{name}] unknown class {key!r} (expected one of {', '.join(section.allowed)})")
        raise src.error(pos, f"[{name}] unknown key {key!r} (expected one of {', '.join(sorted(section.keys))})")
    for key, shape in section.keys.items():
        if key not in table:
            if shape.required:
                raise src.error(src.section(name)[0], f"[{name}] missing key {key!r}")
            out[key] = [] if shape.kind != "int" else 0
            continue
        out[key] = _check_value(src, name, key, shape, table[key])
    if section.open_keys is not None:
        for key, value in table.items():
            if key not in section.keys:
                out[key] = _check_value(src, name, key, section.open_keys, value)
    return out


def _check_value(src: Located, name: str, key: str, shape: Shape, value: Any) -> Any:
    start, end = src.key(name, key)
    if shape.kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise src.error(start, f"[{name}] {key} must be an integer")
        return value
    if not isinstance(value, list):
        raise src.error(start, f"[{name}] {key} must be a list of strings")
    seen: dict[str, int] = {}
    cursor = start
    for item in value:
        group = item if shape.kind == "groups" else [item]
        if shape.kind == "groups" and (not isinstance(item, list) or len(item) < 2):
            raise src.error(start, f"[{name}] {key}: each entry must be a list of two or more strings")
        for s in group:
            if not isinstance(s, str):
                raise src.error(start, f"[{name}] {key}: {s!r} is not a string")
            i = src.find(f'"{s}"', cursor, end)
            if i < 0:  # written with single quotes or escapes: fall back to the key's line
                i = start
            else:
                cursor = i + 1
            _check_entry(src, name, key, shape, s, i)
            if shape.kind == "list":
                k = shape.fold(s)
                if k in seen:  # the first one's line is counted only for the error
                    raise src.error(i, f"[{name}] {key}: duplicate entry {s!r} (same as line {src.line_at(seen[k])})")
                seen[k] = i
    return value


def _check_entry(src: Located, name: str, key: str, shape: Shape, s: str, pos: int) -> None:
    if shape.cue:
        if s != s.strip() or not CUE_ENTRY.match(s.lower()):
            raise src.error(pos, f"[{name}] {key}: bad entry {s!r} "
                                 "(lower-case words, spaces, hyphens or apostrophes)")
        if shape.one_word and " " in s:
            raise src.error(pos, f"[{name}] {key}: {s!r} must be one word")
    elif not s.strip() or s != s.strip() or "  " in s:
        raise src.error(pos, f"[{name}] {key}: bad entry {s!r} (empty or padded)")
