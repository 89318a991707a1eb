"""The resolve stage's vocabulary: ``attribution/data/people.toml`` loaded and validated.

One frozen :class:`People` per file (cached); a malformed file raises :class:`PeopleDataError`
naming the file and the line.  Words are compared normalised (:func:`_norm`: lower case,
straight apostrophes, no trailing full stop)."""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path


DATA = Path(__file__).resolve().parent.parent / "data" / "people.toml"




# ====================================================================== data

class PeopleDataError(ValueError):
    """``people.toml`` is malformed; the message names the file and the line."""


@functools.lru_cache(maxsize=1 << 16)
def _norm(word: str) -> str:
    """Lower case, typographic apostrophes straightened, one trailing full stop dropped."""
    w = word.replace("\u2019", "'").replace("\u2018", "'").lower()
    return w[:-1] if len(w) > 1 and w.endswith(".") else w


def _seq(entry: str) -> tuple[str, ...]:
    return tuple(_norm(w) for w in entry.split())


@dataclass(frozen=True)
class People:
    """The resolve stage's vocabulary (see ``people.toml``)."""

    titles: frozenset[tuple[str, ...]]
    offices: dict[tuple[str, ...], str]   # title -> role it names ("Sen." -> "senator")
    roles: frozenset[tuple[str, ...]]
    role_class: dict[str, str]            # role -> canonical role ("spokeswoman" -> "spokesman")
    male: frozenset[str]
    female: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    org_heads: frozenset[str]
    org_generic: frozenset[str]
    org_names: frozenset[tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    place_heads: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    parties: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymous_insiders: frozenset[str]
    anonymous_collectives: frozenset[str]
    anonymous_evidence: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    anonymous_modifiers: frozenset[str]
    reasons: tuple[str, ...]
    pronouns: dict[str, str]              # word -> male | female | group | thing | first
    max_title: int = 1
    max_role: int = 1

    def same_role(self, a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        a, b = a.lower(), b.lower()
        return a == b or self.role_class.get(a, a) == self.role_class.get(b, b)


_SCHEMA: dict[str, dict[str, str]] = {
    "titles": {"words": "strings", "offices": "groups"},
    "roles": {"words": "strings", "same": "groups"},
    "gender": {"male": "strings", "female": "strings", "male_names": "strings", "female_names": "strings"},
    "organizations": {"heads": "strings", "generic": "strings", "names": "strings", "places": "strings",
                      "place_heads": "strings"},
    "names": {"not_names": "strings", "particles": "strings", "parties": "strings"},
    "anonymous": {"nouns": "strings", "insiders": "strings", "collectives": "strings",
                  "evidence": "strings", "phrases": "strings",
                  "modifiers": "strings", "reasons": "strings"},
    "pronouns": {"male": "strings", "female": "strings", "group": "strings", "thing": "strings",
                 "first": "strings", "second": "strings"},
}


def _line(raw: str, needle: str, after: int = 0) -> int:
    i = raw.find(needle, after)
    return raw.count("\n", 0, i) + 1 if i >= 0 else 0


def parse_people(raw: str, path: Path | str = DATA) -> People:
    """Build :class:`People` from TOML text, validating every entry.

    Raises:
        PeopleDataError: unknown or missing sections/keys, non-string or empty
            entries, padded entries, duplicates (after case folding); the
            message is ``FILE:LINE: what is wrong``.
    """
    path = str(path)

    def err(line: int, msg: str) -> PeopleDataError:
        return PeopleDataError(f"{path}:{line}: {msg}" if line else f"{path}: {msg}")

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise err(int(m.group(1)) if m else 0, f"not valid TOML: {exc}") from None

    def sec_pos(section: str) -> int:
        m = re.search(rf"^\[{re.escape(section)}\]", raw, re.M)
        return m.start() if m else 0

    for section in data:
        if section not in _SCHEMA:
            raise err(_line(raw, f"[{section}]"), f"unknown section [{section}] "
                      f"(expected one of {', '.join(sorted(_SCHEMA))})")
    out: dict[str, dict[str, list]] = {}
    for section, keys in _SCHEMA.items():
        if section not in data:
            raise err(0, f"missing section [{section}]")
        if not isinstance(data[section], dict):
            raise err(_line(raw, section), f"[{section}] must be a table")
        base = sec_pos(section)
        for key in data[section]:
            if key not in keys:
                raise err(_line(raw, f"{key}", base), f"[{section}] unknown key {key!r} "
                          f"(expected one of {', '.join(sorted(keys))})")
        out[section] = {}
        for key, shape in keys.items():
            if key not in data[section]:
                if shape == "groups":
                    out[section][key] = []
                    continue
                raise err(_line(raw, f"[{section}]"), f"[{section}] missing key {key!r}")
            m = re.search(rf"^\s*{re.escape(key)}\s*=", raw[base:], re.M)
            kpos = base + (m.start() if m else 0)
            key_line = raw.count("\n", 0, kpos) + 1
            value = data[section][key]
            if not isinstance(value, list):
                raise err(key_line, f"[{section}] {key} must be a list")
            items = value if shape == "strings" else value
            seen: dict[str, int] = {}
            cursor = kpos
            checked = []
            for item in items:
                group = item if shape == "groups" else [item]
                if shape == "groups" and (not isinstance(item, list) or len(item) < 2):
                    raise err(key_line, f"[{section}] {key}: each entry must be a list of two or more strings")
                for s in group:
                    if not isinstance(s, str):
                        raise err(key_line, f"[{section}] {key}: {s!r} is not a string")
                    i = raw.find(f'"{s}"', cursor)
                    line = raw.count("\n", 0, i) + 1 if i >= 0 else key_line
                    if i >= 0:
                        cursor = i + 1
                    if not s.strip() or s != s.strip() or "  " in s:
                        raise err(line, f"[{section}] {key}: bad entry {s!r} (empty or padded)")
                    k = " ".join(_seq(s))
                    if shape == "strings":
                        if k in seen:
                            raise err(line, f"[{section}] {key}: duplicate entry {s!r} "
                                      f"(same as line {seen[k]})")
                        seen[k] = line
                checked.append(item)
            out[section][key] = checked

    roles = out["roles"]["words"]
    role_set = {" ".join(_seq(r)) for r in roles}
    role_class: dict[str, str] = {}
    for group in out["roles"]["same"]:
        canon = " ".join(_seq(group[0]))
        for r in group:
            k = " ".join(_seq(r))
            if k not in role_set:
                raise err(_line(raw, f'"{r}"', sec_pos("roles")),
                          f"[roles] same: {r!r} is not listed in [roles] words")
            role_class[k] = canon
    offices: dict[tuple[str, ...], str] = {}
    title_set = {_seq(t) for t in out["titles"]["words"]}
    for pair in out["titles"]["offices"]:
        if len(pair) != 2 or _seq(pair[0]) not in title_set or " ".join(_seq(pair[1])) not in role_set:
            raise err(_line(raw, f'"{pair[0]}"', sec_pos("titles")) or _line(raw, "offices"),
                      f"[titles] offices: {pair!r} must pair a listed title with a listed role")
        offices[_seq(pair[0])] = pair[1].lower()
    pronouns: dict[str, str] = {}
    for cls, words in out["pronouns"].items():
        for w in words:
            if w.lower() in pronouns:
                raise err(_line(raw, f'"{w}"', sec_pos("pronouns")),
                          f"[pronouns] {w!r} is in both {pronouns[w.lower()]} and {cls}")
            pronouns[w.lower()] = cls
    titles = frozenset(_seq(t) for t in out["titles"]["words"])
    role_seqs = frozenset(_seq(r) for r in roles)
    return People(
        titles=titles,
        offices=offices,
        roles=role_seqs,
        role_class=role_class,
        male=frozenset(_norm(w) for w in out["gender"]["male"]),
        female=frozenset(_norm(w) for w in out["gender"]["female"]),
        male_names=frozenset(_norm(w) for w in out["gender"]["male_names"]),
        female_names=frozenset(_norm(w) for w in out["gender"]["female_names"]),
        org_heads=frozenset(_norm(w) for w in out["organizations"]["heads"]),
        org_generic=frozenset(_norm(w) for w in out["organizations"]["generic"]),
        org_names=frozenset(_seq(w) for w in out["organizations"]["names"]),
        places=frozenset(_seq(w) for w in out["organizations"]["places"]),
        place_heads=frozenset(_norm(w) for w in out["organizations"]["place_heads"]),
        not_names=frozenset(_norm(w) for w in out["names"]["not_names"]),
        particles=frozenset(_norm(w) for w in out["names"]["particles"]),
        parties=frozenset(_norm(w) for w in out["names"]["parties"]),
        anonymous_nouns=frozenset(_norm(w) for w in out["anonymous"]["nouns"]),
        anonymous_insiders=frozenset(_norm(w) for w in out["anonymous"]["insiders"]),
        anonymous_collectives=frozenset(_norm(w) for w in out["anonymous"]["collectives"]),
        anonymous_evidence=frozenset(_norm(w) for w in out["anonymous"]["evidence"]),
        anonymous_phrases=tuple(sorted({p.lower() for p in out["anonymous"]["phrases"]},
                                       key=lambda p: (-len(p), p))),
        anonymous_modifiers=frozenset(_norm(w) for w in out["anonymous"]["modifiers"]),
        reasons=tuple(sorted({p.lower() for p in out["anonymous"]["reasons"]},
                             key=lambda p: (-len(p), p))),
        pronouns=pronouns,
        max_title=max(len(t) for t in titles),
        max_role=max(len(r) for r in role_seqs),
    )


@functools.lru_cache(maxsize=4)
def _load(path: str) -> People:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise PeopleDataError(f"{p}: cannot read the people word lists: {exc}") from None
    return parse_people(raw, p)


def load_people(path: str | Path | None = None) -> People:
    """Load (once, cached) ``attribution/data/people.toml`` or another file."""
    return _load(str(path or DATA))

