"""The resolve stage's vocabulary (``people.toml``): titles, offices, roles, gender evidence,
organisations and places, unnamed-source nouns, phrases and reasons, pronouns.

Words are compared normalised (:func:`~attribution.vocab.schema.norm`: lower case, straight
apostrophes, no trailing full stop); multi-word entries as token sequences."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .frozen import FrozenDict
from .schema import SCHEMA, validate, Located, norm, norm_seq


@dataclass(frozen=True)
class People:
    """The resolve stage's vocabulary (see ``people.toml``)."""

    titles: frozenset[tuple[str, ...]]
    offices: Mapping[tuple[str, ...], str]   # title -> role it names ("Sen." -> "senator")
    roles: frozenset[tuple[str, ...]]
    role_class: Mapping[str, str]            # role -> canonical role ("spokeswoman" -> "spokesman")
    male: frozenset[str]
    female: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    org_heads: frozenset[str]
    org_generic: frozenset[str]
    org_documents: frozenset[str]            # what an organisation publishes ("records", "filing")
    org_descriptions: frozenset[str]         # "maker", "retailer": an apposition that makes a name an organisation
    org_businesses: frozenset[str]           # "company", "firm": generic nouns for a business
    org_public_heads: frozenset[str]         # "Ministry", "Council": a public body or association, never "the company"
    org_names: frozenset[tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    place_heads: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    parties: frozenset[str]
    kin: frozenset[str]                      # people named by whose they are ("Clinton's husband")
    capitalised: Mapping[str, str]           # case-folded word -> its capitalised spelling
    anonymous_nouns: frozenset[str]
    anonymous_insiders: frozenset[str]
    anonymous_collectives: frozenset[str]
    anonymous_evidence: frozenset[str]
    anonymous_makers: frozenset[str]         # institutions that, before an evidence head, say whose it is
    anonymous_phrases: tuple[str, ...]
    anonymous_head_cut: frozenset[str]       # words ending a description before its head
    anonymous_modifiers: frozenset[str]
    anonymous_generic: frozenset[str]        # heads that name any unnamed individual again ("the person")
    anonymous_set_apart: frozenset[str]      # "the other former employee": one of a set named before
    anonymous_member_bodies: frozenset[str]  # "staff members", "members of the board": insiders
    anonymous_voices: frozenset[str]         # "a narrator" of an ad reads its maker's words
    reasons: tuple[str, ...]
    reasons_why: tuple[str, ...]          # what says why a source is unnamed
    pronouns: Mapping[str, str]              # word -> male | female | group | thing | first | second
    max_title: int = 1
    max_role: int = 1

    def unnamed_head(self, word: str) -> bool:
        """A head noun that stands for an unnamed source when no name comes with it ("an
        official", "a senator", "authorities"): an [anonymous] noun or insider, or a one-word
        role.  Extract's source kind "anonymous" asks this; resolve's :func:`anonymity` then
        decides individual or group."""
        w = word.lower()
        return w in self.anonymous_nouns or w in self.anonymous_insiders or (w,) in self.roles

    def same_role(self, a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        a, b = a.lower(), b.lower()
        return a == b or self.role_class.get(a, a) == self.role_class.get(b, b)


# People fields that are a plain set of normalised words: field -> (section, key) of people.toml
_WORD_SETS = FrozenDict(
    male=("gender", "male"), female=("gender", "female"),
    male_names=("gender", "male_names"), female_names=("gender", "female_names"),
    org_heads=("organizations", "heads"), org_generic=("organizations", "generic"),
    org_documents=("organizations", "documents"), org_descriptions=("organizations", "descriptions"),
    org_businesses=("organizations", "businesses"), org_public_heads=("organizations", "public_heads"),
    place_heads=("organizations", "place_heads"),
    not_names=("names", "not_names"), particles=("names", "particles"), parties=("names", "parties"), kin=("names", "kin"),
    anonymous_nouns=("anonymous", "nouns"), anonymous_insiders=("anonymous", "insiders"),
    anonymous_collectives=("anonymous", "collectives"), anonymous_evidence=("anonymous", "evidence"),
    anonymous_makers=("anonymous", "makers"),
    anonymous_head_cut=("anonymous", "head_cut"), anonymous_modifiers=("anonymous", "modifiers"),
    anonymous_generic=("anonymous", "generic"), anonymous_set_apart=("anonymous", "set_apart"),
    anonymous_member_bodies=("anonymous", "member_bodies"), anonymous_voices=("anonymous", "voices"),
)


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(norm(w) for w in values)


def _longest_first(values: list[str]) -> tuple[str, ...]:
    return tuple(sorted({p.lower() for p in values}, key=lambda p: (-len(p), p)))


def build_people(raw: str, path: Path | str = "people.toml") -> People:
    """Build :class:`People` from TOML text, validating every entry (the schema's checks plus
    the cross-references: ``same`` and ``offices`` name listed roles and titles, and no pronoun
    sits in two classes).  Raises :class:`~attribution.vocab.schema.DataFileError`."""
    data = validate(raw, path, SCHEMA["people.toml"])
    src = Located(raw, path)

    def entry_pos(section: str, key: str, entry: str) -> int:
        start, end = src.key(section, key)
        i = src.find(f'"{entry}"', start, end)
        return i if i >= 0 else start

    roles = data["roles"]["words"]
    role_set = {" ".join(norm_seq(r)) for r in roles}
    role_class: dict[str, str] = {}
    for group in data["roles"]["same"]:
        canon = " ".join(norm_seq(group[0]))
        for r in group:
            k = " ".join(norm_seq(r))
            if k not in role_set:
                raise src.error(entry_pos("roles", "same", r), f"[roles] same: {r!r} is not listed in [roles] words")
            role_class[k] = canon
    offices: dict[tuple[str, ...], str] = {}
    title_set = {norm_seq(t) for t in data["titles"]["words"]}
    for pair in data["titles"]["offices"]:
        if len(pair) != 2 or norm_seq(pair[0]) not in title_set or " ".join(norm_seq(pair[1])) not in role_set:
            raise src.error(entry_pos("titles", "offices", pair[0]),
                            f"[titles] offices: {pair!r} must pair a listed title with a listed role")
        offices[norm_seq(pair[0])] = pair[1].lower()
    pronouns: dict[str, str] = {}
    for cls, words in data["pronouns"].items():
        for w in words:
            if w.lower() in pronouns:
                raise src.error(entry_pos("pronouns", cls, w),
                                f"[pronouns] {w!r} is in both {pronouns[w.lower()]} and {cls}")
            pronouns[w.lower()] = cls
    titles = frozenset(norm_seq(t) for t in data["titles"]["words"])
    role_seqs = frozenset(norm_seq(r) for r in roles)
    names, anon = data["names"], data["anonymous"]
    return People(
        titles=titles,
        offices=FrozenDict(offices),
        roles=role_seqs,
        role_class=FrozenDict(role_class),
        org_names=frozenset(norm_seq(w) for w in data["organizations"]["names"]),
        places=frozenset(norm_seq(w) for w in data["organizations"]["places"]),
        capitalised=FrozenDict((w.casefold(), w) for w in names["capitalised"]),
        anonymous_phrases=_longest_first(anon["phrases"]),
        reasons=_longest_first(anon["reasons"]),
        reasons_why=_longest_first(anon["why"]),
        **{name: _words(data[section][key]) for name, (section, key) in _WORD_SETS.items()},
        pronouns=FrozenDict(pronouns),
        max_title=max(len(t) for t in titles),
        max_role=max(len(r) for r in role_seqs),
    )
