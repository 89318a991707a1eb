"""Token-level word classes shared by the resolve steps (determiners, prepositions, name shapes)."""
from __future__ import annotations

import re

from ..model import Token


_PREPS_AFTER_ROLE = ("for", "of", "at", "with", "from", "to")
_PLACE_PREPS = ("in", "near", "across", "outside", "inside", "throughout")
_STOP_CHUNK = {",", ";", "(", ")", ":", "—", "–", "--", '"', "“", "”", "who", "which", "that",
               "whose", "whom"}
_POSSESSIVE = {"'s", "'", "s'"}
_DETS_DEF = {"the", "this", "that", "these", "those"}
_DETS_INDEF = {"a", "an", "one", "some", "several", "many", "two", "three", "four", "five",
               "another", "other", "few", "most", "all", "various", "numerous"}
# quantities that take "of" before the people they count: "one of his aides", "some of the officials"
_PARTITIVE = {"one", "two", "three", "four", "five", "some", "several", "many", "most", "each",
              "any", "all", "both", "either", "neither", "another"}
_HYPHEN_ADJ = re.compile(r"^\S+-[a-z]+$")          # Britain-based, U.S.-led
_PARTICLE_NAME = re.compile(r"^[a-z]{1,3}-[A-Z]")   # el-Zour, al-Assad
# nouns that name people by what they do: moderator, neurosurgeon, front-runner, strategist
_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|eon|ee|ive|man|woman|host|chief|icon|czar|guru|star)$")
_PARTY_TAG = re.compile(r"^\(?[DRI]-[A-Z][A-Za-z.]*\)?$")       # (D-N.Y.), R-Texas
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}s?|(?:[A-Z]\.){2,4}|[A-Z]\.[A-Z]\.[A-Z]?)$")


def _is_punct(t: Token) -> bool:
    return t.upos in ("PUNCT", "SYM") or not any(ch.isalnum() for ch in t.text)

