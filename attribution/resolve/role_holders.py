"""Step 4c, a role standing for the one named person who holds it anywhere in the article.

"Delgado's campaign manager said" or "the spokesman for the mayor told reporters", when the article
names "Tom Hollis, Delgado's campaign manager" far before or only after: the guide counts a role
noun tied to a named person as that person, not an anonymous source.  Used only where the
nearby role link (:meth:`.descriptions.Descriptions._link_role`) found no one; the link holds
only when the phrase ties the role to an affiliation ("X's", "for/of X") and exactly one named
person in the article holds that role with a compatible affiliation; never for a bare epithet
("the senator"), an indefinite, plural or unnamed-source noun; and it is always 'low'
confidence: it rests on the role alone."""
from __future__ import annotations

from ..model import Attribution, Confidence
from .records import _Entity, _RolePhrase


class RoleHolders:
    """The sole named holder of a role (:meth:`_sole_holder`) and the confidence of that link."""

    def _sole_holder(self, role_phrase: _RolePhrase, offset: int, *, anonymous_noun: bool) -> _Entity | None:
        if not role_phrase.role or role_phrase.plural or role_phrase.indefinite or anonymous_noun:
            return None
        if not role_phrase.aff or role_phrase.aff_kind not in ("poss", "post"):
            # a bare epithet ("the senator", "the candidate herself", "the GOP nominee") stands
            # for whoever the article is about, often someone whose role it never spells out:
            # only a role tied to its holder's own affiliation picks one person out
            return None
        aff = self._resolve_aff(role_phrase.aff, role_phrase.aff_kind, role_phrase.aff_offset)
        holders = [e for e in self.entities if e.kind in ("person", "anonymous") and e.holds(self.people, role_phrase.role)]
        if any(e.kind == "anonymous" for e in holders):
            return None  # an unnamed holder of the role is in the article: the phrase may be that one
        named = [e for e in holders if e.named_at]
        named = [e for e in named if aff and e.affiliation and self._aff_compatible(aff, e.affiliation)]
        if len(named) != 1:
            return None  # nobody, or two named people share the role: leave it to anonymity
        self.role_only_at[offset] = named[0]
        return named[0]

    def confidence(self, a: Attribution, e: _Entity) -> Confidence:
        if any(a.source.start <= o < a.source.end and held is e for o, held in self.role_only_at.items()):
            return Confidence.LOW  # the source is the role that led to e, not e's name
        return super().confidence(a, e)
