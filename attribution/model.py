"""Every data type that flows through the pipeline, in one place.

    load -> Source -> parse -> Document -> extract -> Extraction (quotations + attributions)
         -> resolve -> Resolved (+ speakers, unattributed quotations) -> check -> [Finding] -> report

All offsets are code-point offsets into ``Source.text`` (the decoded file text as
the user has it), end excluded, so ``source.text[start:end]`` is the span's text
and line:column is computed from the same string.  stanza objects never leave
``attribution.parse``.
"""
from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    """A finding's level (the JSON contract's ``findings[].severity``)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class AttributionType(enum.StrEnum):
    """How much of an attribution's content is inside quotation marks (``attributions[].type``)."""

    DIRECT = "direct"      # all of it
    MIXED = "mixed"        # part of it
    INDIRECT = "indirect"  # none of it: reported speech


class SpeakerKind(enum.StrEnum):
    """What a speaker is (``speakers[].kind``); resolve decides it."""

    PERSON = "person"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"  # nobody named: "a city official", "critics", "exit polls"


class Confidence(enum.StrEnum):
    """How sure resolve is of an attribution's speaker link (``attributions[].confidence``)."""

    HIGH = "high"  # the source names the speaker, or is the speaker's own description
    LOW = "low"    # a pronoun or role noun tied to someone named far from it (or only after it)


class Anonymity(enum.StrEnum):
    """For an anonymous speaker, resolve's one decision of what kind of unnamed source it is."""

    PERSON = "person"  # an unnamed individual or insider: "a spokesman", "officials"
    GROUP = "group"    # a vague collective: "critics", "many economists"


class SourceKind(enum.StrEnum):
    """What extract saw in an attribution's source phrase (before resolve)."""

    NAME = "name"
    PRONOUN = "pronoun"
    ROLE = "role"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"


def _coerce(obj, name: str, enum_type) -> None:
    """Store ``obj.name`` as a member of ``enum_type`` (a plain string of its value is accepted)."""
    value = getattr(obj, name)
    if value is not None and type(value) is not enum_type:
        object.__setattr__(obj, name, enum_type(value))


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range into ``Source.text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of prose the parser sees (usually one paragraph).

    ``text`` is what is parsed.  ``start``/``end`` locate the block in the file.
    ``offsets`` maps each character of ``text`` (and one past its end) to a file
    offset when the two differ (HTML entities, stripped markup); when it is
    ``None`` the file offset of ``text[i]`` is ``start + i``.
    """

    start: int
    end: int
    text: str
    offsets: tuple[int, ...] | None = None
    suppress: frozenset[str] = frozenset()  # rule ids suppressed inline for this block ("*" = all)

    def to_file(self, i: int) -> int:
        """File offset of ``text[i]`` (use for span starts)."""
        if self.offsets is None:
            return self.start + i
        return self.offsets[i]

    def to_file_end(self, i: int) -> int:
        """File offset just after ``text[i - 1]`` (use for span ends).

        With an offset map, ``offsets[i]`` may lie past markup that follows the
        character (``spokesman</b>,``); one past the last character does not.
        """
        if self.offsets is None or i == 0:
            return self.to_file(i)
        return self.offsets[i - 1] + 1


@dataclass(frozen=True, slots=True)
class Source:
    """A loaded input: the decoded text of the file and the prose blocks in it."""

    path: str                 # as the user gave it ("-" for stdin)
    text: str                 # decoded file text; every offset points into it
    blocks: tuple[Block, ...]
    format: str = "text"      # text | markdown | html
    encoding: str = "utf-8"
    notices: tuple[str, ...] = ()  # e.g. "decoded as cp1252 (not valid UTF-8)"
    publisher: str | None = None   # archive metadata when known
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset (CRLF counts as one break)."""
        starts = self._line_starts
        if not starts:
            starts = tuple([0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"])
            object.__setattr__(self, "_line_starts", starts)
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1


@dataclass(frozen=True, slots=True)
class Token:
    """One syntactic word (after multi-word-token expansion).

    ``id`` and ``head`` are 1-based within the sentence; ``head == 0`` is the root.
    Words of one multi-word token share that token's character span.
    """

    id: int
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int
    ner: str = "O"


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: tuple[Token, ...]
    start: int
    end: int
    block: int  # index into Source.blocks

    def token(self, id_: int) -> Token:
        return self.tokens[id_ - 1]

    def children(self, id_: int) -> list[Token]:
        return [t for t in self.tokens if t.head == id_]


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed source: sentences in document order, with file offsets."""

    source: Source
    sentences: tuple[Sentence, ...]
    model: str  # model id that produced the parse


@dataclass(frozen=True, slots=True)
class Quotation:
    """A passage in quotation marks, found once by extract's scanner
    (:mod:`attribution.extract.quotes`: straight, curly, ``''...''``, guillemets, ``„...“``)
    and read there by resolve and check, which never scan again.

    ``start``/``end`` include the marks, ``inner_*`` exclude them.  A quotation left open ends
    where its paragraph ends (``closed`` False).  One that runs on over several paragraphs
    (each later paragraph opens with a quotation mark, the one before is left open) is one
    quotation from its first block (``block``) to its last, ``runs_on`` holding the opening
    mark of each later paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    block: int                       # index into Source.blocks of the opening mark
    runs_on: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribution:
    """A direct quote or reported claim.

    ``type`` is :class:`AttributionType`: ``direct`` (all content inside quote marks),
    ``mixed`` (part quoted) or ``indirect``.  Kinds given as plain strings are stored as
    their enum members.  ``content`` lists the exact pieces (a quote split
    by its cue has two); ``content_hull`` spans all of them.
    """

    id: str
    type: AttributionType
    content: tuple[Span, ...]
    cue: Span | None
    source: Span | None
    sentence: int                   # index of the sentence holding the cue (or the content)
    cue_lemma: str | None = None
    cue_classes: frozenset[str] = frozenset()  # from the cue lexicon: neutral, loaded, accuse, deny, ...
    source_kind: SourceKind | None = None
    speaker: str | None = None      # Speaker.id after resolution
    negated: bool = False           # "did not say"
    passive_agentless: bool = False  # "it was reported that ..." with no agent
    # how sure resolve is of ``speaker``: "high" when the source names the speaker (or is the
    # speaker's own description), "low" when a pronoun or role noun was tied to someone named
    # far from it; None without a speaker
    confidence: Confidence | None = None

    def __post_init__(self):
        _coerce(self, "type", AttributionType)
        _coerce(self, "source_kind", SourceKind)
        _coerce(self, "confidence", Confidence)

    @property
    def content_hull(self) -> Span:
        return Span(min(s.start for s in self.content), max(s.end for s in self.content))


@dataclass(frozen=True, slots=True)
class Extraction:
    """The output of extract: the document's quotations and its attributions."""

    document: Document
    quotations: tuple[Quotation, ...]
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str                      # best name: full personal name, organisation name or the anonymous description
    kind: SpeakerKind
    title: str | None = None       # Col., Major General, Senator, Dr.
    role: str | None = None        # spokesman, commander, mayor
    affiliation: str | None = None
    mentions: tuple[Mention, ...] = ()
    anonymity_reason: str | None = None  # text of "on condition of anonymity because ..." when given
    # for kind anonymous, decided once by resolve: "person" (an unnamed individual or insider:
    # "a spokesman", "officials", "people familiar with ...") or "group" (a vague collective:
    # "critics", "many economists", "Trump supporters"); None otherwise
    anonymity: Anonymity | None = None
    # for kind anonymous, decided by resolve: the description stands for several people
    # ("officials", "Verizon executives"), not one ("a witness"); False otherwise
    plural: bool = False

    def __post_init__(self):
        _coerce(self, "kind", SpeakerKind)
        _coerce(self, "anonymity", Anonymity)


@dataclass(frozen=True, slots=True)
class UnattributedQuote:
    """A quotation whose speaker the text does not give, as resolve decides it
    (:mod:`attribution.resolve.unattributed`): no attribution covers it and no speaker is given
    beside it (its sentence or the next ones, an action beat, a Q&A question, a credit line).
    unattributed-quote reports the sentences, quoted-fragment the fragments."""

    start: int
    end: int
    text: str                        # the quoted words
    fragment: bool                   # inside the reporter's own sentence, or not sentence-like
    attributions: tuple[str, ...] = ()   # an attribution extract made of it with no speaker
    # what makes it uncertain that nobody speaks it (a person next to it, a heading, no closing
    # mark: attribution.resolve.quote_doubt); None when the evidence of no speaker is strong
    doubt: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """The output of resolve: attributions linked to document-level speakers."""

    document: Document
    attributions: tuple[Attribution, ...]
    speakers: tuple[Speaker, ...]
    quotations: tuple[Quotation, ...] = ()   # extract's, passed on
    unattributed: tuple[UnattributedQuote, ...] = ()   # resolve's decision on the quotations
    # the words the article gives as a person's name, after a first name or an honorific
    # ("Frank Hale", "Mr. Hale"): resolve's decision, whoever speaks (resolve.person_names)
    person_names: frozenset[str] = frozenset()
    # the attributions (ids) whose source is a definite description of a person ("the
    # candidate") that resolve tied to no speaker (resolve.person_names.unresolved_descriptions)
    unresolved_descriptions: frozenset[str] = frozenset()

    def speaker(self, id_: str | None) -> Speaker | None:
        for s in self.speakers:
            if s.id == id_:
                return s
        return None


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str                # readable id, e.g. "anonymous-source"
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    attributions: tuple[str, ...] = ()
    code: str = ""           # the rule's code, e.g. "ATR201" (empty only in hand-made findings)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything known about one audited document."""

    resolved: Resolved
    findings: tuple[Finding, ...]

    @property
    def source(self) -> Source:
        return self.resolved.document.source
