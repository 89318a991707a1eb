"""The resolve stage: source mentions -> document-level speakers.

Most tests are a table of short news paragraphs (``CASES``: text, source phrases, the
speakers expected), parsed once and stored (``tests/fixtures/parses/``, replayed by the
``stored_parser`` fixture: no stanza; ``scripts/update_parse_fixtures.py`` regenerates them),
with the attributions built by hand (the source span located by substring), so that they
test resolution alone.  The sample article runs end to end on stanza
(``test_sample_roster``; ``test_sample_through_extract`` runs extract first).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from attribution.extract import quotations
from attribution.model import Attribution, Block, Extraction, Source, Span
from attribution.resolve import resolve
from attribution.vocab import DataFileError, build_people, load_lexicon, load_people

ROOT = Path(__file__).resolve().parent.parent


def _resolve(doc, attrs, lexicon=None):
    """resolve over hand-made attributions, with extract's quotations of ``doc``."""
    return resolve(Extraction(doc, quotations(doc), tuple(attrs)), lexicon)
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"


# ---------------------------------------------------------------- helpers

def _source(text: str, path: str = "t.txt") -> Source:
    blocks = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if m.group().strip():
            blocks.append(Block(m.start(), m.end(), m.group()))
    return Source(path=path, text=text, blocks=tuple(blocks))


def _parse(parser, text: str):
    from attribution.parse import parse

    return parse(_source(text), parser)


def _find(text: str, needle: str, after: str | None = None, nth: int = 0) -> Span:
    base = text.index(after) if after else 0
    hits = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)
            if m.start() >= base]
    i = hits[nth]
    return Span(i, i + len(needle))


def _attr(doc, n: int, source: str, *, after: str | None = None, nth: int = 0,
          content: str | None = None, kind: str | None = None, type_: str = "indirect") -> Attribution:
    """An attribution whose source is the ``nth`` occurrence of ``source`` (after ``after``)."""
    text = doc.source.text
    src = _find(text, source, after, nth)
    sent = max(k for k, s in enumerate(doc.sentences) if s.start <= src.start)
    s = doc.sentences[sent]
    if content is not None:
        cont = _find(text, content, after)
    else:  # the rest of the sentence after the source (only used as a region)
        cont = Span(min(src.end + 1, s.end - 1), s.end)
    return Attribution(id=f"a{n}", type=type_, content=(cont,), cue=None, source=src,
                       sentence=sent, source_kind=kind)


def _speaker(res, attr_id: str):
    a = next(a for a in res.attributions if a.id == attr_id)
    return res.speaker(a.speaker)


# ---------------------------------------------------------------- word lists (no parse)

def test_people_toml_loads_and_has_the_core_vocabulary():
    P = load_people()
    assert ("major", "general") in P.titles and ("col",) in P.titles
    assert ("spokesman",) in P.roles and ("press", "secretary") in P.roles
    assert P.same_role("spokeswoman", "spokesman")
    assert not P.same_role("spokesman", "commander")
    assert "ministry" in P.org_heads and "observatory" in P.org_heads
    assert "officials" in P.anonymous_nouns
    assert P.pronouns["he"] == "male" and P.pronouns["it"] == "thing"


def _good_toml() -> str:
    return (ROOT / "attribution" / "data" / "people.toml").read_text(encoding="utf-8")


def test_people_toml_duplicate_is_reported_with_line():
    raw = _good_toml().replace('"spokesman", "spokeswoman", "spokesperson", "spokesmen"',
                               '"spokesman", "Spokesman", "spokesperson", "spokesmen"', 1)
    with pytest.raises(DataFileError) as exc:
        build_people(raw, "people.toml")
    line = next(i for i, ln in enumerate(raw.splitlines(), 1) if '"Spokesman"' in ln)
    assert f"people.toml:{line}:" in str(exc.value)
    assert "duplicate" in str(exc.value)


@pytest.mark.parametrize("edit, message", [
    (lambda raw: raw + '\n[extra]\nwords = ["x"]\n', "unknown section [extra]"),
    (lambda raw: raw.replace('[pronouns]\nmale = ["he", "him", "his", "himself"]', '[pronouns]\nmale = "he"'),
     "must be a list"),
    (lambda raw: raw.replace('"Mr.", "Mrs."', '"Mr.", 3', 1), "is not a string"),
    (lambda raw: raw.replace('"Mr.", "Mrs."', '"Mr.", " Mrs."', 1), "padded"),
    (lambda raw: raw.replace('["adviser", "advisor"]', '["adviser", "consigliere"]'), "not listed"),
    (lambda raw: raw.replace('["Sen.", "senator"]', '["Sen.", "potentate"]'), "must pair a listed title"),
    (lambda raw: raw.replace("[titles]", "[titles\n"), "not valid TOML"),
])
def test_people_toml_is_validated(edit, message):
    with pytest.raises(DataFileError, match=re.escape(message)):
        build_people(edit(_good_toml()), "people.toml")


def test_people_toml_error_names_the_line_of_a_bad_entry():
    raw = _good_toml().replace('"Mr.", "Mrs."', '"Mr.", 3', 1)
    line = next(i for i, ln in enumerate(raw.splitlines(), 1) if '"Mr.", 3' in ln)
    with pytest.raises(DataFileError) as exc:
        build_people(raw, "people.toml")
    assert str(exc.value).startswith("people.toml:")
    assert int(str(exc.value).split(":")[1]) in range(line - 3, line + 1)


# ---------------------------------------------------------------- short paragraphs: (text, sources, expected)
#
# Each case parses ``text`` (a stored parse: tests/fixtures/parses/, no stanza) and resolves one
# attribution per entry of ``sources``: the source phrase, or (phrase, options for ``_attr``:
# after, nth, content, type_).  ``expected`` maps a source's number (1, 2, ...) to the fields its
# speaker must have (None: no speaker); a field's expected value is a value or a predicate.
# "mention_texts" is the set of the speaker's mention texts.  Keys that are not numbers:
# "same" (groups of sources that share one speaker), "differ" (pairs that must not),
# "speakers" (the number of speakers, or their ids in order).

def _has(*words):
    return lambda value: all(w in value for w in words)


CASES = [
    pytest.param(
        "Senator Maria Lopez said the bill would pass next week.\n\n"
        "She added that the vote had been delayed twice.\n\n"
        "\"We have the votes,\" she said.",
        ["Senator Maria Lopez", "She", ("she", dict(content='"We have the votes,"', type_="direct"))],
        {2: dict(name="Maria Lopez", kind="person", title="Senator",
                 mention_texts=lambda m: m >= {"Senator Maria Lopez", "She", "she"}),
         "same": [(1, 2, 3)]},
        id="pronoun-resolves-to-the-earlier-speaker"),
    pytest.param(
        "Mayor Tom Brady told reporters that John Miller had resigned on Monday.\n\n"
        "He said the city would name a replacement within a month.",
        [("Mayor Tom Brady", dict(content="John Miller had resigned on Monday")), "He"],
        {2: dict(name="Tom Brady"), 1: dict(role="mayor")},
        id="pronoun-prefers-the-speaker-over-a-person-in-the-reported-content"),
    pytest.param(
        "Acme Corp. said on Tuesday that its chief executive, Laura Chen, would step down.\n\n"
        "It said the board would appoint an interim leader.",
        ["Acme Corp.", "It"],
        {2: dict(kind="organization", name=_has("Acme")), "same": [(1, 2)]},
        id="it-resolves-to-an-organisation-not-a-person"),
    pytest.param(
        "Major General Igor Konashenkov said the strikes had hit their targets.\n\n"
        "Konashenkow also said that no civilians were harmed.\n\n"
        "Konashenkov said the operation would continue.",
        ["Major General Igor Konashenkov", "Konashenkow", ("Konashenkov", dict(after="harmed"))],
        {1: dict(name="Igor Konashenkov", title="Major General", kind="person",
                 mention_texts=lambda m: "Konashenkow" in m and any("Konashenkov" in t for t in m)),
         "same": [(1, 2, 3)], "speakers": 1},
        id="surname-and-variant-spelling-join-the-full-name"),
    pytest.param(
        "Bill Clinton said the economy was strong.\n\n"
        "Hillary Clinton said she would run again.\n\n"
        "Clinton also said that the campaign had raised more money.",
        ["Bill Clinton", "Hillary Clinton", ("Clinton", dict(after="run again"))],
        {1: dict(name="Bill Clinton"), 2: dict(name="Hillary Clinton"),
         3: dict(name="Hillary Clinton")},  # the most recent Clinton
        id="surname-does-not-join-a-different-person"),
    pytest.param(
        "The army has retaken the town after a week of fighting, a military spokesman said Friday.\n\n"
        "Col. Ahmed Saleh, a spokesman for the army, told reporters in the capital that the "
        "town was calm.",
        ["a military spokesman", "Col. Ahmed Saleh"],
        {1: dict(name="Ahmed Saleh", title="Col.", role="spokesman", affiliation="army"),
         "same": [(1, 2)]},
        id="role-noun-before-the-name-in-the-next-sentence"),
    pytest.param(
        "Jane Porter, a spokeswoman for the State Department, said the talks would resume.\n\n"
        "The spokeswoman said no date had been set.",
        ["Jane Porter, a spokeswoman for the State Department", "The spokeswoman"],
        {2: dict(name="Jane Porter", role="spokeswoman", affiliation="State Department"),
         "same": [(1, 2)]},
        id="definite-role-noun-resolves-to-the-earlier-holder"),
    pytest.param(
        "Sen. Ted Cruz said the bill was a mistake.\n\n"
        "The senator added that he would vote against it.",
        ["Sen. Ted Cruz", "The senator"],
        {2: dict(name="Ted Cruz", title="Sen.", role="senator"), "same": [(1, 2)]},
        id="role-noun-matches-the-office-a-title-names"),
    pytest.param(
        "The spokesman said the plant would reopen in May.",
        ["The spokesman"],
        {1: None, "speakers": 0},
        id="unheld-definite-role-noun-stays-unresolved"),
    pytest.param(
        "Russia's Defense Ministry warned that any new attack would be suppressed.\n\n"
        "\"The firing positions will be silenced,\" Major General Igor Konashenkov, the ministry's "
        "spokesman, said in a statement.",
        ["Russia's Defense Ministry",
         ("Major General Igor Konashenkov, the ministry's spokesman",
          dict(content='"The firing positions will be silenced,"', type_="direct"))],
        {1: dict(kind="organization", name="Russia's Defense Ministry"),
         2: dict(name="Igor Konashenkov", kind="person", title="Major General", role="spokesman",
                 affiliation="Russia's Defense Ministry")},
        id="apposition-with-possessive-organisation"),
    pytest.param(
        "The Interior Ministry announced new checkpoints on Sunday.\n\n"
        "Ministry spokesman Ali Hassan said the measures were temporary.",
        ["Ministry spokesman Ali Hassan"],
        {1: dict(name="Ali Hassan", role="spokesman", affiliation="Interior Ministry")},
        id="pre-modifier-affiliation-resolved-to-the-organisation-named-earlier"),
    pytest.param(
        "An SDF commander denied the accusations, saying his fighters had not fired a single shell.",
        ["An SDF commander"],
        {1: dict(kind="anonymous", role="commander", affiliation="SDF",
                 name=lambda n: n.lower() == "an sdf commander", anonymity_reason=None)},
        id="anonymous-with-affiliation-and-without-reason"),
    pytest.param(
        "A senior official, who spoke on condition of anonymity because he was not authorized to "
        "discuss the negotiations, said a deal was close.\n\n"
        "Officials said the talks would continue on Monday.",
        ["A senior official", "Officials"],
        {1: dict(kind="anonymous", name="a senior official",
                 anonymity_reason=lambda r: bool(r) and r.startswith(
                     "on condition of anonymity because")
                 and "not authorized to discuss the negotiations" in r),
         2: dict(kind="anonymous", name="officials", anonymity_reason=None),
         "differ": [(1, 2)]},
        id="anonymous-with-reason"),
    pytest.param(
        "The plant will close in March, said an official who was not authorized to speak "
        "publicly.\n\n"
        "Mayor Tom Brady said the city would help the workers.",
        ["an official", "Mayor Tom Brady"],
        {1: dict(kind="anonymous", anonymity_reason="not authorized to speak publicly"),
         2: dict(kind="person", anonymity_reason=None)},
        id="reason-after-the-source-and-named-speaker-gets-none"),
    pytest.param(
        "Critics said the plan would raise prices.\n\nCritics also said it was rushed.",
        ["Critics", ("Critics", dict(nth=1))],
        {1: dict(kind="anonymous"), "same": [(1, 2)],
         "speakers": 1, "mentions": {1: 2}},
        id="anonymous-plural-repeated-is-one-speaker"),
    pytest.param(
        "The company is preparing to cut 500 jobs, according to people familiar with the plans.",
        ["people familiar with the plans"],
        {1: dict(kind="anonymous", name="people familiar with the plans")},
        id="people-familiar-with-is-anonymous"),
    pytest.param(
        "The United Nations says more than 300 civilians have been killed.\n\n"
        "Russia accused the rebels of firing on government forces.\n\n"
        "The Britain-based Syrian Observatory for Human Rights said three soldiers were killed.\n\n"
        "The coalition has maintained that its partner forces are fighting only the militants.",
        ["The United Nations", "Russia", "The Britain-based Syrian Observatory for Human Rights",
         "The coalition"],
        {1: dict(name="United Nations", kind="organization"),
         2: dict(name="Russia", kind="organization"),
         3: dict(name="Syrian Observatory for Human Rights", kind="organization"),
         4: dict(name="the coalition", kind="organization"),
         "speakers": ["s1", "s2", "s3", "s4"]},
        id="organisation-speakers"),
    pytest.param(
        "Local officials said the bridge was unsafe. Maria Gomez, a resident, disagreed.\n\n"
        "They said repairs would take a year.",
        ["Local officials", "They"],
        {"same": [(1, 2)]},
        id="they-prefers-a-group"),
    pytest.param(
        "He said the market would recover by spring.",
        ["He"],
        {1: None},
        id="pronoun-with-no-antecedent-is-unresolved"),
    pytest.param(
        "The decision angered Matt Duss, the president of the Foundation for Middle East Peace, "
        "who said it was a mistake.",
        ["who"],
        {1: dict(name="Matt Duss", kind="person", role="president",
                 affiliation="Foundation for Middle East Peace")},
        id="relative-pronoun-takes-its-antecedent"),
    pytest.param(
        "Gov. Ann Reyes vetoed the bill on Friday.\n\n"
        "Her statement said the measure was unconstitutional.",
        ["Her statement"],
        {1: dict(name="Ann Reyes")},
        id="possessor-speaks-for-a-non-person-head"),
    pytest.param(
        "The Trayvon Martin Foundation criticized the auction on Thursday.\n\n"
        "The group said the sale was offensive.",
        ["The group"],
        {1: dict(kind="organization", name="Trayvon Martin Foundation")},
        id="generic-organisation-noun-refers-back"),
    pytest.param(
        "Sen. Chuck Schumer (D-N.Y.) said the vote would be close.",
        ["Sen. Chuck Schumer (D-N.Y.)"],
        {1: dict(name="Chuck Schumer", title="Sen.", kind="person")},
        id="party-tag-is-not-a-name"),
    pytest.param(
        "Hillary Clinton Campaign Wants A Bigger Role For The Party\n\n"
        "The campaign's chairman, John Podesta, said the party would get more money.",
        ["John Podesta"],
        {1: dict(name="John Podesta", role="chairman")},
        id="title-case-headline-does-not-swallow-words"),
    pytest.param(
        "Others were unapologetic in their criticism of the plan.\n\n"
        "They said it would cost billions.",
        ["They"],
        {1: dict(kind="anonymous", name="others")},
        id="unnamed-subject-is-an-antecedent-for-they"),
    pytest.param(
        "Retired neurosurgeon Ben Carson said the debate was unfair, and CNBC moderator Carl "
        "Quintanilla disagreed.",
        ["Ben Carson", "CNBC moderator Carl Quintanilla"],
        {1: dict(name="Ben Carson", role="neurosurgeon"),
         2: dict(name="Carl Quintanilla", role="moderator", affiliation="CNBC")},
        id="descriptor-noun-before-a-name-is-a-role"),
    pytest.param(
        "Allan Lichtman, a professor of history at American University, said the model "
        "had never failed.",
        ["Allan Lichtman"],
        {1: dict(name="Allan Lichtman", role="professor", affiliation="American University")},
        id="affiliation-is-the-institution-not-the-field"),
    pytest.param(
        "\"You know what happened,\" you said.\n\n"
        "A Republican said the party had lost its way.",
        ["you", "A Republican"],
        {1: None, 2: dict(kind="anonymous", name="a Republican")},
        id="you-and-a-capitalised-common-noun"),
    pytest.param(
        "Ronald Reagan said the plan would work.\n\n"
        "Don Regan, his chief of staff, said it would not.\n\n"
        "Reagan later said he had been right.",
        ["Ronald Reagan", "Don Regan", ("Reagan", dict(after="not."))],
        {3: dict(name="Ronald Reagan"), 2: dict(name="Don Regan")},
        id="exact-surname-beats-a-similar-one"),
    pytest.param(
        "Steve Coll, the dean of the journalism school, said the articles were accurate.",
        ["Steve Coll"],
        {1: dict(name="Steve Coll", role="dean", affiliation="journalism school")},
        id="unlisted-apposition-noun-is-a-role"),
    pytest.param(
        "Former Reagan chief of staff Don Regan, who died in 2003, wrote that she ran the White House.",
        ["Former Reagan chief of staff Don Regan"],
        {1: dict(name="Don Regan", kind="person")},
        id="name-at-the-end-of-a-descriptive-source"),
    pytest.param(
        "Ben Carson defended his record on Sunday.\n\n"
        "\"There's no question I'm getting special scrutiny,\" the Republican presidential "
        "candidate said.",
        ["the Republican presidential candidate"],
        {1: dict(name="Ben Carson")},
        id="epithet-refers-to-the-person-the-story-is-about"),
    pytest.param(
        "Rep. Jim Jordan criticized the bill on Monday.\n\n"
        "Jordan said the House would not pass it.",
        [("Jordan", dict(after="Monday"))],
        {1: dict(name="Jim Jordan", kind="person")},
        id="surname-beats-a-country-of-the-same-name"),
]


def _resolve_case(parser, text: str, sources: list):
    doc = _parse(parser, text)
    attrs = []
    for k, source in enumerate(sources, 1):
        phrase, options = (source, {}) if isinstance(source, str) else source
        attrs.append(_attr(doc, k, phrase, **options))
    return _resolve(doc, attrs)


@pytest.mark.parametrize("text, sources, expected", CASES)
def test_resolve_table(stored_parser, text, sources, expected):
    res = _resolve_case(stored_parser, text, sources)
    speaker = {k: _speaker(res, f"a{k}") for k in range(1, len(sources) + 1)}
    for k, fields in expected.items():
        if not isinstance(k, int):
            continue
        s = speaker[k]
        if fields is None:
            assert s is None, (sources[k - 1], s)
            continue
        assert s is not None, sources[k - 1]
        for name, want in fields.items():
            got = {m.text for m in s.mentions} if name == "mention_texts" else getattr(s, name)
            ok = want(got) if callable(want) else got == want
            assert ok, f"source {k} ({sources[k - 1]!r}): {name} is {got!r}"
    for group in expected.get("same", ()):
        ids = {speaker[k].id if speaker[k] else None for k in group}
        assert len(ids) == 1 and None not in ids, (group, ids)
    for a, b in expected.get("differ", ()):
        assert speaker[a].id != speaker[b].id
    for k, n in expected.get("mentions", {}).items():
        assert len(speaker[k].mentions) == n
    want = expected.get("speakers")
    if isinstance(want, int):
        assert len(res.speakers) == want
    elif want is not None:
        assert [s.id for s in res.speakers] == want


def test_resolve_keeps_order_and_is_deterministic(stored_parser):
    text = ("Officials said the road would close.\n\n"
            "Gov. Ann Reyes said the closure was necessary. She said it would last a week.")
    doc = _parse(stored_parser, text)
    attrs = [_attr(doc, 3, "She"), _attr(doc, 1, "Officials"), _attr(doc, 2, "Gov. Ann Reyes")]
    r1, r2 = _resolve(doc, attrs), _resolve(doc, list(reversed(attrs)))
    assert [a.id for a in r1.attributions] == ["a3", "a1", "a2"]
    assert r1.speakers == r2.speakers
    assert [s.name for s in r1.speakers] == ["officials", "Ann Reyes"]
    assert _speaker(r1, "a3").name == "Ann Reyes" and _speaker(r1, "a3").title == "Gov."


# ---------------------------------------------------------------- the sample article

SAMPLE_SOURCES = [
    # (source text, anchor before it, expected speaker name)
    ("a coalition spokesman", None, "Ryan Dillon"),
    ("Dillon", "Baghdad", "Ryan Dillon"),
    ("He", "three hours", "Ryan Dillon"),
    ("he", "shooting match", "Ryan Dillon"),
    ("The coalition", "why we are there", "the coalition"),
    ("Russia", "(AP Photo, File)", "Russia"),
    ("Russia's Defense Ministry", "(AP Photo, File)", "Russia's Defense Ministry"),
    ("Major General Igor Konashenkov, the ministry's spokesman", None, "Igor Konashenkov"),
    ("Konashenkov", "said in a statement", "Igor Konashenkov"),
    ("Russia", "85 percent", "Russia"),
    ("An SDF commander", None, "an SDF commander"),
    ("Dillon", "According to", "Ryan Dillon"),
    ("Dillon", "shelling was reported", "Ryan Dillon"),
    ("The Britain-based Syrian Observatory for Human Rights", None,
     "Syrian Observatory for Human Rights"),
    ("The United Nations", None, "United Nations"),
]


def _sample_doc(parser):
    from attribution.load import load
    from attribution.parse import parse

    return parse(load(str(SAMPLE)), parser)


@pytest.mark.stanza
def test_sample_roster(parser):
    doc = _sample_doc(parser)
    attrs = [_attr(doc, k, src, after=anchor) for k, (src, anchor, _) in enumerate(SAMPLE_SOURCES, 1)]
    res = _resolve(doc, attrs)
    for k, (src, anchor, name) in enumerate(SAMPLE_SOURCES, 1):
        s = _speaker(res, f"a{k}")
        assert s is not None, src
        assert s.name == name, (src, s)
    by = {s.name: s for s in res.speakers}
    assert set(by) == {"Ryan Dillon", "the coalition", "Russia", "Russia's Defense Ministry",
                       "Igor Konashenkov", "an SDF commander", "Syrian Observatory for Human Rights",
                       "United Nations"}
    d = by["Ryan Dillon"]
    assert (d.kind, d.title, d.role, d.affiliation) == (
        "person", "Col.", "spokesman", "U.S.-led counter-Islamic State coalition")
    assert res.speakers[0] is d and d.id == "s1"
    assert {"a coalition spokesman", "U.S. Army Col. Ryan Dillon", "Dillon", "He", "he"} <= {
        m.text for m in d.mentions}
    k = by["Igor Konashenkov"]
    assert (k.kind, k.title, k.role, k.affiliation) == (
        "person", "Major General", "spokesman", "Russia's Defense Ministry")
    a = by["an SDF commander"]
    assert (a.kind, a.role, a.affiliation, a.anonymity_reason) == ("anonymous", "commander", "SDF", None)
    for name in ("the coalition", "Russia", "Russia's Defense Ministry",
                 "Syrian Observatory for Human Rights", "United Nations"):
        assert by[name].kind == "organization", name
        assert by[name].title is None and by[name].role is None
    text = doc.source.text
    for s in res.speakers:
        for m in s.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.stanza
def test_sample_through_extract(parser):
    from attribution.extract import extract

    doc = _sample_doc(parser)
    lex = load_lexicon()
    res = resolve(extract(doc, lex), lex)
    text = doc.source.text
    names = {}
    for a in res.attributions:
        sp = res.speaker(a.speaker)
        if a.source is not None and sp is not None:
            names.setdefault(sp.name, []).append(text[a.source.start:a.source.end])
    # whatever extract finds, these sources must land on the right speakers
    assert "Ryan Dillon" in names and len(names["Ryan Dillon"]) >= 4
    assert "Igor Konashenkov" in names
    assert "Russia" in names
    for s in res.speakers:
        assert s.kind in ("person", "organization", "anonymous")
    lede = [a for a in res.attributions if a.source and text[a.source.start:a.source.end] == "a coalition spokesman"]
    if lede:
        assert res.speaker(lede[0].speaker).name == "Ryan Dillon"


# ---------------------------------------------------------------- robustness (hand-built parses, no model)

def _doc_by_hand(words: list[tuple[str, str, int, str]], text: str | None = None):
    """A one-sentence Document from (word, upos, head, deprel) rows, words separated by spaces."""
    from attribution.model import Document, Sentence, Token

    text = text if text is not None else " ".join(w for w, *_ in words)
    toks, pos = [], 0
    for k, (w, upos, head, deprel) in enumerate(words, 1):
        i = text.index(w, pos)
        toks.append(Token(id=k, text=w, lemma=w.lower(), upos=upos, xpos="_", feats="_", head=head,
                          deprel=deprel, start=i, end=i + len(w)))
        pos = i + len(w)
    src = Source(path="h.txt", text=text, blocks=(Block(0, len(text), text),))
    sent = Sentence(tokens=tuple(toks), start=toks[0].start, end=toks[-1].end, block=0)
    return Document(source=src, sentences=(sent,), model="hand")


_DILLON = [("Col.", "PROPN", 3, "compound"), ("Ryan", "PROPN", 3, "flat"), ("Dillon", "PROPN", 4, "nsubj"),
           ("said", "VERB", 0, "root"), ("the", "DET", 6, "det"), ("talks", "NOUN", 8, "nsubj"),
           ("were", "AUX", 8, "cop"), ("useful", "ADJ", 4, "ccomp"), (".", "PUNCT", 4, "punct")]


def test_hand_parse_name_with_title():
    doc = _doc_by_hand(_DILLON)
    a = Attribution(id="a1", type="indirect", content=(Span(20, 43),), cue=Span(16, 20),
                    source=Span(0, 15), sentence=0)
    res = _resolve(doc, [a])
    assert res.attributions[0].speaker == "s1"
    s = res.speakers[0]
    assert (s.name, s.kind, s.title) == ("Ryan Dillon", "person", "Col.")


@pytest.mark.parametrize("source", [None, Span(3, 3), Span(44, 44), Span(15, 16)])
def test_degenerate_sources_do_not_crash(source):
    doc = _doc_by_hand(_DILLON)
    a = Attribution(id="a1", type="indirect", content=(Span(20, 43),), cue=None, source=source, sentence=0)
    res = _resolve(doc, [a])
    assert len(res.attributions) == 1
    for s in res.speakers:
        for m in s.mentions:
            assert doc.source.text[m.start:m.end] == m.text


def test_source_outside_every_sentence():
    """A source in text the parser never saw (e.g. a skipped block) is read from its text."""
    from attribution.model import Document

    text = "Officials said so.\n\nHe said no."
    doc = Document(source=Source(path="x", text=text, blocks=()), sentences=(), model="none")
    attrs = [Attribution(id="a1", type="indirect", content=(Span(15, 17),), cue=None,
                         source=Span(0, 9), sentence=0),
             Attribution(id="a2", type="indirect", content=(Span(28, 30),), cue=None,
                         source=Span(20, 22), sentence=0)]
    res = _resolve(doc, attrs)
    assert res.attributions[1].speaker is None  # "He" with nothing to point at
    assert res.attributions[0].speaker is not None


def test_no_attributions_no_speakers():
    doc = _doc_by_hand(_DILLON)
    res = _resolve(doc, [])
    assert res.attributions == () and res.speakers == ()
