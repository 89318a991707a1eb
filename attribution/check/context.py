"""What a rule sees: the resolved document plus small read-only helpers.

Rules are generators of :class:`Hit` (a location and a message); the checker
turns hits into :class:`~attribution.model.Finding` objects, applying severity
overrides, suppression and line/column.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Anonymity, Attribution, Resolved, Severity, Speaker
from ..resolve.view import Quoted, ResolvedView, SpanIndex  # noqa: F401  (what rules import from here)
from ..vocab.inflect import demonyms
from . import vocab as _vocab


# cue classes that report speech, writing or a publicly stated stance (bench/gold/GUIDE.md)
STATED = frozenset({"speech", "writing", "loaded", "accuse", "deny", "warn"})


def source_anonymity(sp: Speaker | None, src_text: str) -> Anonymity | None:
    """The resolve stage's decision (``Speaker.anonymity``); for a source resolve could not
    link to a speaker, the same decision made on the source phrase."""
    if sp is not None:
        return sp.anonymity
    from ..resolve import anonymity, load_people

    people = load_people()
    return anonymity(people, src_text, source_plural(None, src_text))


def source_plural(sp: Speaker | None, src_text: str) -> bool:
    """The resolve stage's decision (``Speaker.plural``: "officials", not "an executive familiar
    with the talks"); for a source resolve could not link to a speaker, the same decision made
    on the source phrase."""
    if sp is not None:
        return sp.plural
    from ..resolve.anonymity import plural_description

    return plural_description(src_text)


class Hit(NamedTuple):
    start: int
    end: int
    message: str
    attributions: tuple[str, ...] = ()
    severity: Severity | None = None  # None: the rule's (or the config's) level


class Context(ResolvedView):
    """What a rule sees: the resolved document (:class:`ResolvedView`'s lookups), the
    configuration and the cue lexicon."""

    def __init__(self, resolved: Resolved, config=None, lexicon=None):
        super().__init__(resolved, lexicon)
        self.config = config   # attribution.config.Config

    def in_headline(self, attr: Attribution) -> bool:
        """The attribution sits in the first block and that block is a headline (no sentence
        punctuation at its end): headlines echo the body and add no finding of their own."""
        return self.headline_block() == 0 and self.block_of(self.hull(attr).start) == 0

    def headline_block(self) -> int | None:
        """0 when the first block reads as a headline (:func:`is_headline`), else None."""
        blocks = self.resolved.document.source.blocks
        return 0 if blocks and is_headline(blocks[0].text, body_follows=len(blocks) > 1) else None

    def transcript(self, offset: int) -> bool:
        """The offset is in a block of an interview transcript (`Q: ...`, `A: ...`, `PENCE:
        ...`): the speaker's own words, not the reporter's prose."""
        from ..resolve.quote_text import SPEAKER_LABEL

        bi = self.block_of(offset)
        if bi is None:
            return False
        return bool(re.match(rf"^\s*(?:Q:|A:|{SPEAKER_LABEL})\s", self.resolved.document.source.blocks[bi].text))

    def embedded_post(self, offset: int) -> bool:
        """The offset is in an embedded social-media post, whose signature ("— The Daily Beast
        (@thedailybeast) June 29, 2016") follows it in its block: the poster's words."""
        bi = self.block_of(offset)
        if bi is None:
            return False
        block = self.resolved.document.source.blocks[bi]
        return bool(_POST_SIGNATURE.search(self.text, offset, block.end))

    def others_words(self, offset: int) -> bool:
        """Someone's own words set out in the article (a transcript's answer, an embedded
        post), not the reporter's sourcing."""
        return self.transcript(offset) or self.embedded_post(offset)

    def cue_classes(self, attr: Attribution) -> frozenset[str]:
        return self.memo("cue_classes", attr,
                         lambda: _vocab.cue_classes(attr, self.lexicon, self.cue_text(attr)))

    def states(self, attr: Attribution) -> bool:
        """The attribution reports speech, writing or a stated stance (bench/gold/GUIDE.md):
        its cue is of a STATED class, an accusation is made by its source ("critics denounced
        the plan", not "people were charged fees"), and it is no non-answer ("declined to
        comment", "refused to say")."""
        classes = self.cue_classes(attr)
        said = bool(classes & (STATED - {"accuse"}))
        if not classes & STATED or attr.cue is None:
            return said
        lemma = (attr.cue_lemma or "").lower()
        before = self.text[max(0, attr.cue.start - 24):attr.cue.start].lower()
        if re.search(r"\b(?:will|would|could|might|may|should|must|shall)\s+(?:\w+ly\s+)?$", before) and \
                not re.search(r"\bcould\s+only\s+$", before) or \
                re.match(r"(?:will|would|could|might|may|should|must|shall)\b", self.cue_text(attr).lower()):
            return False  # "Republicans will pledge to ...", "critics would argue": not yet said
            # ("a spokesman could only quip: ..." was said: all that was said)
        if lemma in _vocab.words("cue_classes", "weak_deny") and \
                self.text[attr.cue.end:attr.cue.end + 4].lower().startswith(" to "):
            return False
        if lemma in _vocab.words("cue_classes", "weak_deny") and re.match(
                r"\s*(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|less\s+than\s+)?[\d$£€]",
                self.text[attr.cue.end:attr.cue.end + 32]):
            return False  # "Trade declined 40 percent": a fall, not a refusal
        cue_len = attr.cue.end - attr.cue.start
        m = _vocab.phrase_re("response", "phrases").search(self.text[attr.cue.start:attr.cue.end + 48])
        if m is not None and m.start() <= cue_len + 1:
            return False  # "his aides referred requests for comment to ...": a non-answer, no statement
        if lemma == "ask" and re.match(r"\s+for\b", self.text[attr.cue.end:attr.cue.end + 6]):
            return False  # "a woman asked for a photo": a request, no statement
        if lemma == "confirm" and self._appointee(attr):
            return False  # "the Senate confirmed 68 judicial nominees": an appointment, not a statement
        if said:
            return True
        before = self.text[max(0, attr.cue.start - 16):attr.cue.start].lower()
        return not re.search(r"\b(?:was|were|been|be|being|is|are|get|got)\s+(?:\w+ly\s+)?$", before)

    def _appointee(self, attr: Attribution) -> bool:
        """The content is a bare noun phrase whose head is a role ("a judge", "68 judicial
        nominees by this point"): whom a vote put in office."""
        from ..resolve import load_people

        toks = [t for c in attr.content for t in self.tokens_in(c)]
        if not toks or any(t.upos in ("VERB", "AUX") for t in toks):
            return False
        head = None
        for t in toks:
            if t.upos in ("ADP", "PUNCT", "SCONJ"):
                break
            if t.upos == "NOUN":
                head = t.text.lower()
        roles = load_people().roles
        return head is not None and ((head,) in roles or (re.sub(r"e?s$", "", head),) in roles
                                     or (head[:-1],) in roles)

    def name_variants(self, speaker: Speaker) -> set[str]:
        """Lower-cased strings by which ``speaker`` may be referred to (names, surnames,
        affiliation, demonyms such as 'Russian' for 'Russia'); a new set each call."""
        return set(self.memo("name_variants", speaker, lambda: frozenset(self._name_variants(speaker))))

    def _name_variants(self, speaker: Speaker) -> set[str]:
        pron = _vocab.words("names", "pronouns")
        out: set[str] = set()
        texts = [speaker.name, *(m.text for m in speaker.mentions)]
        if speaker.affiliation:
            texts.append(speaker.affiliation)
        for t in texts:
            t = re.sub(r"['’]s\b", "", t or "").strip()
            if not t or t.lower() in pron:
                continue
            out.add(t.lower())
            for w in re.findall(r"[A-Z][\w.-]+", t):
                if len(w) >= 3 and w.lower() not in pron:
                    out.add(w.lower())
        out |= {d for w in list(out) for d in demonyms(w)}
        return {o for o in out if o not in {"the", "a", "an"}}


def mentions(haystack: str, variants: set[str]) -> bool:
    h = haystack.lower()
    for v in variants:
        if len(v) < 3 or v not in h:  # the pattern below is v itself: no substring, no match
            continue
        if re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", h):
            return True
    return False


# an embedded post's signature: "— Name (@handle) June 29, 2016"
_POST_SIGNATURE = re.compile(r"[—–-]\s*[^\n—–]{1,60}\(@\w{1,15}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}")


_SMALL = frozenset("a an the and or but nor of in on at to for by with from as vs via per".split())


def is_headline(text: str, body_follows: bool = False) -> bool:
    """A first block that reads as a headline: no sentence punctuation at its end; or title
    case ("Woman Reveals Stunning Thing ..."); or short decks on separate lines
    ("Campaign for Trump says he'll recast image; \\nIncendiary style ..., aide implies."); or, when
    more blocks follow (``body_follows``), one short sentence on a line of its own, full stop or
    not."""
    t = text.strip()
    if not re.search(r"[.!?][\"'’”)]*\s*$", t):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", t)
    if len(words) > 40:
        return False
    lines = [ln for ln in t.splitlines() if ln.strip()]
    if len(lines) >= 2 and re.search(r"[;:]\s*$", lines[0]):
        return True
    if body_follows and len(lines) == 1 and len(words) <= _HEADLINE_WORDS and not re.search(r"[.!?][\"'’”)]*\s+\S", t):
        return True  # one short sentence on a line of its own ("Republicans blast Obama after
        # North Korea claims nuclear test."): a headline with a full stop, not a lede (ledes
        # run longer, and a paragraph of two sentences is body)
    content = [w for w in words if w.lower() not in _SMALL]
    return len(content) >= 4 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


# the most words a one-sentence first line may have and still read as a headline
_HEADLINE_WORDS = 14
