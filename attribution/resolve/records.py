"""The records the resolve steps pass around: an entity (a speaker-to-be), a name run, a role
phrase and a salience candidate.  Only the entity table (:mod:`.entities`) creates entities;
the name runs and role phrases are read-only once built."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..vocab import People


@dataclass(eq=False)
class _Entity:
    kind: str                         # person | organization | place | anonymous
    name: str
    title: str | None = None
    role: str | None = None
    affiliation: str | None = None
    aff_prio: int = -1
    gender: str | None = None         # m | f
    plural: bool = False
    key: str = ""                     # for anonymous / descriptive entities
    names: list[tuple[str, ...]] = field(default_factory=list)   # normalised name word tuples
    mentions: dict[tuple[int, int], None] = field(default_factory=dict)
    named_at: list[tuple[int, int]] = field(default_factory=list)  # (offset, sentence) of name runs
    order: int = 0
    reason: str | None = None
    office: str | None = None
    named_next: bool = False          # an unnamed individual the next sentences name (anonymity_context)

    def holds(self, people: "People", role: str | None) -> bool:
        # (a title that is itself the role: "Public Works Director Irene Stavros" holds "director")
        return people.same_role(self.role, role) or people.same_role(self.office, role) \
            or people.same_role(self.title.split()[-1] if self.title else None, role)

    @property
    def surname(self) -> str:
        return self.names[0][-1] if self.names and self.names[0] else ""

    @property
    def first(self) -> str:
        return self.names[0][0] if self.names and len(self.names[0]) > 1 else ""

    def set_aff(self, aff: str | None, prio: int) -> None:
        if aff and prio > self.aff_prio:
            self.affiliation, self.aff_prio = aff, prio


@dataclass(eq=False)
class _Run:
    sent: int
    i: int                 # token indices [i, j) of the whole run (titles included)
    j: int
    name_i: int            # first token of the name proper
    title: str | None
    pre: str | None        # words before the title ("U.S. Army")
    kind: str              # person | organization | place
    tentative: bool        # a lone word guessed to be a person
    modifier: bool         # modifies a following common noun ("SDF commander")
    possessor: bool
    definite: bool
    subject: bool
    start: int
    end: int
    name: str
    words: tuple[str, ...]
    role: str | None = None
    affiliation: str | None = None
    aff_prio: int = -1
    gender: str | None = None
    office: str | None = None   # the role a title names ("Sen." -> senator)
    entity: _Entity | None = None


@dataclass
class _RolePhrase:
    role: str | None       # the role noun as matched ("spokesman")
    head: int              # token index of the head noun
    aff: str | None
    aff_kind: str | None   # post | poss | premod
    aff_offset: int
    definite: bool
    indefinite: bool
    plural: bool
    end: int               # token index after the phrase


@dataclass
class _Cand:
    start: int
    sent: int
    entity: _Entity
    tier: float            # salience: lower is better (source/subject 0 or below)
    quoted: bool = False   # inside a quotation
    reported: bool = False  # inside someone's reported content

