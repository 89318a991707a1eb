"""The speaker beside a quotation (for :mod:`.unattributed`): a person who speaks, does an
action beat or is described by the way they spoke in the adjacent sentence or paragraph, a
sentence that points back at the quote, a reporter's question, an announced statement, a
slogan named nearby, a person right after the closing mark, a pull quote.  Each test names
the construction; :func:`_speaker_beside` returns its name.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

from ..model import AttributionType, SpeakerKind
from ..vocab import all_person_nouns, rule_words
from .quote_text import _answers, is_fragment, lexicon_of
from .view import ResolvedView


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _pull_quote(ctx: ResolvedView, inner: str) -> bool:
    """The quoted words repeat, word for word, a passage of the article outside quotation marks
    or an attributed quotation: a pull quote (`"Lurking behind this argument ..."` set apart
    from the paragraph that says it), whose speaker is wherever the words stand, not a floating
    quote."""
    words = _normalised(inner)
    if len(words.split()) < 6:
        return False
    return words in ctx.memo("said_text", ctx.resolved, lambda: _said_text(ctx))


def _said_text(ctx: ResolvedView) -> str:
    """The article's words outside quotation marks and those of its attributed quotations,
    normalised, one stretch a line (what a pull quote may repeat; a floating quote printed
    twice does not excuse itself)."""
    blocks = ctx.resolved.document.source.blocks
    parts = [_normalised(ctx.unquoted(bi)) for bi in range(len(blocks))]
    parts += [_normalised(ctx.content_text(a)) for a in ctx.attributions if ctx.is_attributed(a)]
    return "\n".join(parts)


def _speaker_beside(ctx: ResolvedView, si: int, att_sents: dict[int, bool], sl: int | None = None) -> str | None:
    """The adjacent sentence, in this paragraph or the next one over, gives the speaker: a
    person speaks there (`"..." ¶ That was how the chief executive described ...`) or does
    an action beat (`She shrugs. "..."`, `A classmate ... joined in.`).  The guide counts a
    speaker given in the adjacent sentence or paragraph as attribution.  Returns which
    construction gave the speaker (None: none did)."""
    sents = ctx.sentences
    last = si if sl is None else max(si, sl)
    if si > 0 and _question_about(ctx, si - 1):
        return "question-before"
    if si > 0 and _statement_announced(ctx, si - 1):
        return "statement-before"
    if last + 1 < len(sents) and _points_back(ctx, last + 1):
        return "points-back"
    for j, where in ((si - 1, "before"), (last + 1, "after")):
        if not 0 <= j < len(sents) or (where == "after" and _answers(ctx, j)):
            continue
        para = "" if sents[j].block == sents[si].block else "-paragraph"
        if where == "after" and para and new_unnamed_source(ctx, j):
            continue   # "..." ¶ A fire investigator ... said the blaze started ...: a new source
        if j in att_sents and att_sents[j]:   # a body's belief or plan is no speaker (quote_doubt)
            return f"attributed{para}-{where}"
        if _person_speaks(ctx, sents[j]):
            return f"person{para}-{where}"
        if where == "after" and _split_off(ctx, j) and _person_speaks(ctx, sents[j + 1]):
            return f"person{para}-{where}"   # "Farmer Lucia | Benning grinned ...": one sentence
    return None


def new_unnamed_source(ctx: ResolvedView, j: int) -> bool:
    """Sentence ``j``, opening the paragraph after a quotation, brings in an unnamed source with
    a claim of its own in reported speech (`"..." ¶ A fire investigator at the scene, who was
    not authorized to speak, said the blaze appeared to have started ...`, `Experts say the
    failure follows a familiar pattern`): a source introduced after the quote with new content,
    not the quote's speaker being named (that is done by name, or by pointing back)."""
    sents = ctx.sentences
    if j == 0 or sents[j - 1].block == sents[j].block or _points_back(ctx, j):
        return False
    found = False
    for a in ctx.attributions:
        if ctx.attr_sentence(a) != j:
            continue
        sp = ctx.speaker(a)
        if a.type != AttributionType.INDIRECT or sp is None or sp.kind != SpeakerKind.ANONYMOUS:
            return False
        found = True
    return found


def _split_off(ctx: ResolvedView, j: int) -> bool:
    """Sentence ``j`` is a piece the segmenter cut off the next sentence of its paragraph: no
    verb, and no sentence punctuation at its end (`"..." Farmer Lucia | Benning grinned as ...`)."""
    sents = ctx.sentences
    if j + 1 >= len(sents) or sents[j + 1].block != sents[j].block:
        return False
    if any(t.upos in ("VERB", "AUX") for t in sents[j].tokens):
        return False
    return not re.search(r"[.!?…:;][\"'’”)]*\s*$", ctx.sentence_text(j))


def _called_slogan(ctx: ResolvedView, si: int, sl: int | None = None) -> bool:
    """The quote's sentence or a neighbour calls the quoted words a slogan, outside any quotation
    (`"The economy, stupid." ¶ ... may not have stuck that slogan to the wall`): a slogan is no
    one's unattributed words (rules.toml [beats] slogans)."""
    last = si if sl is None else max(si, sl)
    return any(0 <= j < len(ctx.sentences) and _slogan_nouns().search(ctx.unquoted_sentence(j))
               for j in (si - 1, si, last, last + 1))


@functools.lru_cache(maxsize=1)
def _slogan_nouns() -> re.Pattern:
    nouns = rule_words("beats", "slogans")
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, nouns), key=len, reverse=True)) + r")\b", re.I)


def _statement_announced(ctx: ResolvedView, j: int) -> bool:
    """The sentence before announces a statement whose words the quote gives: `The union
    released a statement on Friday night. ¶ "Our members will not ..."` (a statement noun as
    the object of a verb with a subject, the subject being the speaker), or a person's
    statement is its subject (`His reply came minutes later. ¶ "..."`)."""
    sent = ctx.sentences[j]
    nouns = rule_words("beats", "statements")
    owners = (rule_words("names", "personal") - {"it", "its"}) | {"his", "her", "their"}
    for t in sent.tokens:
        if t.lemma.lower() not in nouns and t.text.lower() not in nouns:
            continue
        if t.deprel == "obj" and any(s.head == t.head and s.deprel == "nsubj" and s.upos in ("PROPN", "NOUN", "PRON")
                                     for s in sent.tokens):
            return True
        if t.deprel in ("nsubj", "root") and any(
                s.head == t.id and s.deprel == "nmod:poss" and (s.upos == "PROPN" or s.text.lower() in owners)
                for s in sent.tokens):
            return True   # "Her response was swift.", "His reply came minutes later."
    return False


def _question_about(ctx: ResolvedView, j: int) -> bool:
    """The reporter's question about a person, answered by the quote (Q&A style: `Why was
    he out in the heat? "My mom says I have to save up."`)."""
    text = ctx.sentence_text(j).strip()
    if not text.endswith("?") or text[:1] in ('"', "\u201c"):
        return False
    # "you": the interviewer's question to the interviewee (`Why did you decide not to run
    # again? ¶ "Four years is enough."`), as Q&A pieces print it
    personal = (rule_words("names", "personal") - {"it"}) | {"you"}
    toks = ctx.sentences[j].tokens
    if not any(t.upos in ("VERB", "AUX") for t in toks):
        # a verbless lead-in owned by a person: `Her advice to new volunteers? "..."`
        owners = personal | {"his", "her", "their", "my", "our", "your"}
        return any(t.deprel == "nmod:poss" and (t.upos == "PROPN" or t.text.lower() in owners) for t in toks)
    return any(t.deprel.startswith("nsubj") and (t.upos == "PROPN" or t.text.lower() in personal)
               for t in toks)


def _fragment_of_subject(ctx: ResolvedView, si: int | None, inner: str, before: str) -> bool:
    """A quoted fragment inside a sentence whose own subject is a person ("she vented to her
    husband that it would be \"incredibly ugly\""): a partial quote of that person."""
    if si is None:
        return False
    return is_fragment(inner, before) and _person_speaks(ctx, ctx.sentences[si], any_verb=True)


def _person_speaks(ctx: ResolvedView, sent, *, any_verb: bool = False) -> bool:
    """Some verb of the sentence, outside quotation marks, is a speech cue or an action beat
    whose subject is a person: a personal pronoun, a proper name, or a noun naming a
    person's role ("the senator", "the chief executive")."""
    lex = lexicon_of(ctx)
    beats = rule_words("beats", "verbs")
    manner = rule_words("beats", "manner")
    people = all_person_nouns()
    personal = rule_words("names", "personal") - {"it"}
    quoted = _quoted_in(ctx, sent)
    for v in sent.tokens:
        if any(a <= v.start < b for a, b in quoted):
            continue
        lemma = v.lemma.lower()
        if v.upos == "ADJ":
            # "The chief executive, Tomas Lind, was blunt.": the way a person spoke
            if lemma not in manner and v.text.lower() not in manner or \
                    not any(c.head == v.id and c.deprel == "cop" for c in sent.tokens):
                continue
        elif v.upos != "VERB":
            continue
        else:
            speech = lex is not None and bool(lex.cue_classes(lemma) & {"speech", "writing"})
            # a beat by its lemma, or by its form less a regular ending (the lemmatiser gives
            # 'shrugge' for 'shrugged')
            low_v = v.text.lower()
            beat = lemma in beats or any(low_v[:-k] in beats for k in (1, 2, 3) if len(low_v) > k + 2)
            if not (speech or beat or any_verb):
                continue
        # the subject of the verb, or of the word it complements ("Trump was quick to add")
        heads = {v.id} | ({v.head} if v.deprel in ("xcomp", "csubj") else set())
        for t in sent.tokens:
            if t.head not in heads or t.deprel not in ("nsubj", "nsubj:pass"):
                continue
            low = t.text.lower()
            # a noun with a name in apposition ("A classmate, Jonah Reyes, joined in") or owned
            # by a named body ("The Herald's editorial board was blunt")
            named = any(c.head == t.id and c.deprel in ("appos", "nmod:poss") and c.upos == "PROPN"
                        for c in sent.tokens)
            if (t.upos == "PRON" and (low in personal or low in ("i", "we"))) or t.upos == "PROPN" \
                    or (t.upos == "NOUN" and (named or t.lemma.lower() in people or low in people)) \
                    or (t.upos in ("NUM", "PRON") and any(  # "One of them, Paul Okafor, stood up"
                        c.head == t.id and c.deprel in ("appos", "nmod") and c.upos == "PROPN"
                        for c in sent.tokens)):
                return True
    return False


def _quoted_in(ctx: ResolvedView, sent) -> list[tuple[int, int]]:
    """The stretches of ``sent`` inside quotation marks, a quotation opened in an earlier
    sentence included (`"Nobody told us anything. We sat in the car."`: "We sat" is quoted)."""
    spans = ctx.quoted_spans()
    starts = ctx.memo("quoted_starts", spans, lambda: [q.start for q in spans])
    k = bisect_left(starts, sent.start)
    out = [(spans[k - 1].start, spans[k - 1].end)] if k and spans[k - 1].end > sent.start else []
    while k < len(spans) and spans[k].start < sent.end:
        out.append((spans[k].start, spans[k].end))
        k += 1
    return out


def _points_back(ctx: ResolvedView, j: int) -> bool:
    """Sentence ``j``, right after a quotation, points back at it and names whose words they
    were: `"..." ¶ That was the warning from Gloria Estes, who ...`, `Those were the words of
    Councilman Ray Doyle`, `So said the developer, Kestrel Land Partners, ...` (a sentence
    opening with a back-reference word, and a cue noun with a named or personal owner, or a
    speech cue with a named or personal participant)."""
    sent = ctx.sentences[j]
    words = [t for t in sent.tokens if t.upos != "PUNCT"]
    if not words or words[0].text.lower() not in rule_words("beats", "back_reference"):
        return False
    if any(a <= words[0].start < b for a, b in _quoted_in(ctx, sent)):
        return False
    lex = lexicon_of(ctx)
    if lex is None:
        return False
    people = all_person_nouns()

    def named(t) -> bool:
        return t.upos == "PROPN" or t.lemma.lower() in people or t.text.lower() in people or \
            any(c.head == t.id and c.deprel in ("appos", "flat", "conj") and c.upos == "PROPN"
                for c in sent.tokens)
    for t in sent.tokens:
        if t.text.lower() == "how" and len(words) > 2 and words[2] is t and words[1].lemma == "be" and any(
                c.deprel == "nsubj" and c is not words[0] and named(c) for c in sent.tokens):
            return True   # This is how X put it, That is how X sees it
        cop = t.deprel == "root" and any(c.head == t.id and c.deprel == "cop" for c in sent.tokens)
        if t.upos == "NOUN" and (cop or lex.is_cue_noun(t.lemma.lower()) or lex.is_cue_noun(t.text.lower())):
            # the warning from X, the words of X, X's verdict; 'That was the verdict of X': any
            # noun the back-reference is (a copula) with a person's 'of'
            if any(c.head == t.id and c.deprel in ("nmod", "nmod:poss") and named(c) for c in sent.tokens):
                return True   # the warning from X, the words of X, X's verdict
        if t.upos == "VERB" and lex.cue_classes(t.lemma.lower()) & {"speech", "writing"}:
            if any(c.head == t.id and c.deprel in ("nsubj", "obj") and named(c) for c in sent.tokens):
                return True   # So said X (the parse may take X for the object)
    return False


def _subject_follows(ctx: ResolvedView, fe: int, bi: int) -> bool:
    """The words right after the closing mark are a person doing something, the quote's
    speaker (`"You know, it happens, right?" Trump went on`, `"...?" she asked again`)."""
    blocks = ctx.resolved.document.source.blocks
    if ctx.block_of(fe) != bi:
        return False
    j = ctx.sentence_index_at(fe)
    if j is None:
        return False
    personal = rule_words("names", "personal") - {"it"}
    for k in (j, j + 1):
        if k >= len(ctx.sentences) or ctx.sentences[k].block != ctx.sentences[j].block:
            continue
        sent = ctx.sentences[k]
        toks = [t for t in sent.tokens if t.start >= fe and t.upos != "PUNCT"]
        if not toks or ctx.text[fe:toks[0].start].strip(" \"”'’"):
            continue
        t = toks[0]
        head = next((h for h in sent.tokens if h.id == t.head), None)
        if t.deprel == "nsubj" and head is not None and head.upos == "VERB" and \
                (t.upos == "PROPN" or (t.upos == "PRON" and t.text.lower() in personal)):
            # the person answers the quote instead ('"..." Ruiz pushed back, saying ...')
            return k == j or not _answers(ctx, k)
        return False
    return False
