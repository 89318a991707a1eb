"""The resolve stage: source mentions -> document-level speakers.

Most tests parse short news paragraphs with the stanza model and build the
attributions by hand (the source span located by substring), so that they test
resolution alone; ``test_sample_through_extract`` runs extract first.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from attribution.model import Attribution, Block, Source, Span
from attribution.resolve import resolve
from attribution.vocab import DataFileError, build_people, load_lexicon, load_people

ROOT = Path(__file__).resolve().parent.parent
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


def _resolve_one(parser, text: str, source: str, **kw):
    """Parse ``text`` and resolve one attribution whose source is ``source`` (see ``_attr``)."""
    doc = _parse(parser, text)
    return resolve(doc, [_attr(doc, 1, source, **kw)])


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


# ---------------------------------------------------------------- short paragraphs

@pytest.mark.stanza
def test_pronoun_resolves_to_the_earlier_speaker(parser):
    text = ("Senator Maria Lopez said the bill would pass next week.\n\n"
            "She added that the vote had been delayed twice.\n\n"
            "\"We have the votes,\" she said.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Senator Maria Lopez"), _attr(doc, 2, "She"),
             _attr(doc, 3, "she", content='"We have the votes,"', type_="direct")]
    res = resolve(doc, attrs)
    sp = {_speaker(res, a.id).id for a in attrs}
    assert len(sp) == 1
    s = _speaker(res, "a2")
    assert s.name == "Maria Lopez" and s.kind == "person" and s.title == "Senator"
    assert {m.text for m in s.mentions} >= {"Senator Maria Lopez", "She", "she"}


@pytest.mark.stanza
def test_pronoun_prefers_the_speaker_over_a_person_in_the_reported_content(parser):
    text = ("Mayor Tom Brady told reporters that John Miller had resigned on Monday.\n\n"
            "He said the city would name a replacement within a month.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Mayor Tom Brady", content="John Miller had resigned on Monday"),
             _attr(doc, 2, "He")]
    res = resolve(doc, attrs)
    assert _speaker(res, "a2").name == "Tom Brady"
    assert _speaker(res, "a1").role == "mayor"


@pytest.mark.stanza
def test_it_resolves_to_an_organisation_not_a_person(parser):
    text = ("Acme Corp. said on Tuesday that its chief executive, Laura Chen, would step down.\n\n"
            "It said the board would appoint an interim leader.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Acme Corp."), _attr(doc, 2, "It")]
    res = resolve(doc, attrs)
    s = _speaker(res, "a2")
    assert s.kind == "organization" and "Acme" in s.name
    assert _speaker(res, "a1").id == s.id


@pytest.mark.stanza
def test_surname_and_variant_spelling_join_the_full_name(parser):
    text = ("Major General Igor Konashenkov said the strikes had hit their targets.\n\n"
            "Konashenkow also said that no civilians were harmed.\n\n"
            "Konashenkov said the operation would continue.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Major General Igor Konashenkov"), _attr(doc, 2, "Konashenkow"),
             _attr(doc, 3, "Konashenkov", after="operation" if False else "harmed")]
    res = resolve(doc, attrs)
    assert len(res.speakers) == 1
    s = res.speakers[0]
    assert s.name == "Igor Konashenkov" and s.title == "Major General" and s.kind == "person"
    texts = {m.text for m in s.mentions}
    assert "Konashenkow" in texts and any("Konashenkov" in t for t in texts)
    assert all(a.speaker == s.id for a in res.attributions)


@pytest.mark.stanza
def test_surname_does_not_join_a_different_person(parser):
    text = ("Bill Clinton said the economy was strong.\n\n"
            "Hillary Clinton said she would run again.\n\n"
            "Clinton also said that the campaign had raised more money.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Bill Clinton"), _attr(doc, 2, "Hillary Clinton"),
             _attr(doc, 3, "Clinton", after="run again")]
    res = resolve(doc, attrs)
    names = [_speaker(res, f"a{k}").name for k in (1, 2, 3)]
    assert names[0] == "Bill Clinton" and names[1] == "Hillary Clinton"
    assert names[2] == "Hillary Clinton"  # the most recent Clinton


@pytest.mark.stanza
def test_role_noun_before_the_name_in_the_next_sentence(parser):
    text = ("The army has retaken the town after a week of fighting, a military spokesman said Friday.\n\n"
            "Col. Ahmed Saleh, a spokesman for the army, told reporters in the capital that the "
            "town was calm.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "a military spokesman"), _attr(doc, 2, "Col. Ahmed Saleh")]
    res = resolve(doc, attrs)
    s = _speaker(res, "a1")
    assert s.name == "Ahmed Saleh" and s.id == _speaker(res, "a2").id
    assert s.title == "Col." and s.role == "spokesman" and s.affiliation == "army"


@pytest.mark.stanza
def test_definite_role_noun_resolves_to_the_earlier_holder(parser):
    text = ("Jane Porter, a spokeswoman for the State Department, said the talks would resume.\n\n"
            "The spokeswoman said no date had been set.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Jane Porter, a spokeswoman for the State Department"),
             _attr(doc, 2, "The spokeswoman")]
    res = resolve(doc, attrs)
    s = _speaker(res, "a2")
    assert s.name == "Jane Porter" and s.id == _speaker(res, "a1").id
    assert s.role == "spokeswoman" and s.affiliation == "State Department"


@pytest.mark.stanza
def test_role_noun_matches_the_office_a_title_names(parser):
    text = ("Sen. Ted Cruz said the bill was a mistake.\n\n"
            "The senator added that he would vote against it.")
    doc = _parse(parser, text)
    res = resolve(doc, [_attr(doc, 1, "Sen. Ted Cruz"), _attr(doc, 2, "The senator")])
    s = _speaker(res, "a2")
    assert s.name == "Ted Cruz" and s.id == _speaker(res, "a1").id
    assert (s.title, s.role) == ("Sen.", "senator")


@pytest.mark.stanza
def test_unheld_definite_role_noun_stays_unresolved(parser):
    text = "The spokesman said the plant would reopen in May."
    res = _resolve_one(parser, text, "The spokesman")
    assert res.attributions[0].speaker is None and res.speakers == ()


@pytest.mark.stanza
def test_apposition_with_possessive_organisation(parser):
    text = ("Russia's Defense Ministry warned that any new attack would be suppressed.\n\n"
            "\"The firing positions will be silenced,\" Major General Igor Konashenkov, the ministry's "
            "spokesman, said in a statement.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Russia's Defense Ministry"),
             _attr(doc, 2, "Major General Igor Konashenkov, the ministry's spokesman",
                   content='"The firing positions will be silenced,"', type_="direct")]
    res = resolve(doc, attrs)
    org = _speaker(res, "a1")
    assert org.kind == "organization" and org.name == "Russia's Defense Ministry"
    p = _speaker(res, "a2")
    assert (p.name, p.kind, p.title, p.role, p.affiliation) == (
        "Igor Konashenkov", "person", "Major General", "spokesman", "Russia's Defense Ministry")


@pytest.mark.stanza
def test_pre_modifier_affiliation_resolved_to_the_organisation_named_earlier(parser):
    text = ("The Interior Ministry announced new checkpoints on Sunday.\n\n"
            "Ministry spokesman Ali Hassan said the measures were temporary.")
    res = _resolve_one(parser, text, "Ministry spokesman Ali Hassan")
    s = res.speakers[0]
    assert s.name == "Ali Hassan" and s.role == "spokesman"
    assert s.affiliation == "Interior Ministry"


@pytest.mark.stanza
def test_anonymous_with_affiliation_and_without_reason(parser):
    text = ("An SDF commander denied the accusations, saying his fighters had not fired a single shell.")
    res = _resolve_one(parser, text, "An SDF commander")
    s = res.speakers[0]
    assert s.kind == "anonymous" and s.role == "commander" and s.affiliation == "SDF"
    assert s.name.lower() == "an sdf commander" and s.anonymity_reason is None


@pytest.mark.stanza
def test_anonymous_with_reason(parser):
    text = ("A senior official, who spoke on condition of anonymity because he was not authorized to "
            "discuss the negotiations, said a deal was close.\n\n"
            "Officials said the talks would continue on Monday.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "A senior official"), _attr(doc, 2, "Officials")]
    res = resolve(doc, attrs)
    a, b = _speaker(res, "a1"), _speaker(res, "a2")
    assert a.kind == b.kind == "anonymous" and a.id != b.id
    assert a.name == "a senior official"
    assert a.anonymity_reason and a.anonymity_reason.startswith("on condition of anonymity because")
    assert "not authorized to discuss the negotiations" in a.anonymity_reason
    assert b.anonymity_reason is None and b.name == "officials"


@pytest.mark.stanza
def test_reason_after_the_source_and_named_speaker_gets_none(parser):
    text = ("The plant will close in March, said an official who was not authorized to speak "
            "publicly.\n\n"
            "Mayor Tom Brady said the city would help the workers.")
    doc = _parse(parser, text)
    res = resolve(doc, [_attr(doc, 1, "an official"), _attr(doc, 2, "Mayor Tom Brady")])
    a, b = _speaker(res, "a1"), _speaker(res, "a2")
    assert a.kind == "anonymous" and a.anonymity_reason == "not authorized to speak publicly"
    assert b.kind == "person" and b.anonymity_reason is None


@pytest.mark.stanza
def test_anonymous_plural_repeated_is_one_speaker(parser):
    text = ("Critics said the plan would raise prices.\n\nCritics also said it was rushed.")
    doc = _parse(parser, text)
    res = resolve(doc, [_attr(doc, 1, "Critics"), _attr(doc, 2, "Critics", nth=1)])
    assert len(res.speakers) == 1 and res.speakers[0].kind == "anonymous"
    assert len(res.speakers[0].mentions) == 2


@pytest.mark.stanza
def test_people_familiar_with_is_anonymous(parser):
    text = "The company is preparing to cut 500 jobs, according to people familiar with the plans."
    res = _resolve_one(parser, text, "people familiar with the plans")
    s = res.speakers[0]
    assert s.kind == "anonymous" and s.name == "people familiar with the plans"


@pytest.mark.stanza
def test_organisation_speakers(parser):
    text = ("The United Nations says more than 300 civilians have been killed.\n\n"
            "Russia accused the rebels of firing on government forces.\n\n"
            "The Britain-based Syrian Observatory for Human Rights said three soldiers were killed.\n\n"
            "The coalition has maintained that its partner forces are fighting only the militants.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "The United Nations"), _attr(doc, 2, "Russia"),
             _attr(doc, 3, "The Britain-based Syrian Observatory for Human Rights"),
             _attr(doc, 4, "The coalition")]
    res = resolve(doc, attrs)
    got = [(_speaker(res, a.id).name, _speaker(res, a.id).kind) for a in attrs]
    assert got == [("United Nations", "organization"), ("Russia", "organization"),
                   ("Syrian Observatory for Human Rights", "organization"),
                   ("the coalition", "organization")]
    assert [s.id for s in res.speakers] == ["s1", "s2", "s3", "s4"]


@pytest.mark.stanza
def test_they_prefers_a_group(parser):
    text = ("Local officials said the bridge was unsafe. Maria Gomez, a resident, disagreed.\n\n"
            "They said repairs would take a year.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Local officials"), _attr(doc, 2, "They")]
    res = resolve(doc, attrs)
    assert _speaker(res, "a2").id == _speaker(res, "a1").id


@pytest.mark.stanza
def test_pronoun_with_no_antecedent_is_unresolved(parser):
    text = "He said the market would recover by spring."
    res = _resolve_one(parser, text, "He")
    assert res.attributions[0].speaker is None


@pytest.mark.stanza
def test_resolve_keeps_order_and_is_deterministic(parser):
    text = ("Officials said the road would close.\n\n"
            "Gov. Ann Reyes said the closure was necessary. She said it would last a week.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 3, "She"), _attr(doc, 1, "Officials"), _attr(doc, 2, "Gov. Ann Reyes")]
    r1, r2 = resolve(doc, attrs), resolve(doc, list(reversed(attrs)))
    assert [a.id for a in r1.attributions] == ["a3", "a1", "a2"]
    assert r1.speakers == r2.speakers
    assert [s.name for s in r1.speakers] == ["officials", "Ann Reyes"]
    assert _speaker(r1, "a3").name == "Ann Reyes" and _speaker(r1, "a3").title == "Gov."


@pytest.mark.stanza
def test_relative_pronoun_takes_its_antecedent(parser):
    text = ("The decision angered Matt Duss, the president of the Foundation for Middle East Peace, "
            "who said it was a mistake.")
    res = _resolve_one(parser, text, "who")
    s = res.speakers[0]
    assert s.name == "Matt Duss" and s.kind == "person"
    assert s.role == "president" and s.affiliation == "Foundation for Middle East Peace"


@pytest.mark.stanza
def test_possessor_speaks_for_a_non_person_head(parser):
    text = ("Gov. Ann Reyes vetoed the bill on Friday.\n\n"
            "Her statement said the measure was unconstitutional.")
    res = _resolve_one(parser, text, "Her statement")
    assert res.speakers[0].name == "Ann Reyes"


@pytest.mark.stanza
def test_generic_organisation_noun_refers_back(parser):
    text = ("The Trayvon Martin Foundation criticized the auction on Thursday.\n\n"
            "The group said the sale was offensive.")
    res = _resolve_one(parser, text, "The group")
    s = res.speakers[0]
    assert s.kind == "organization" and s.name == "Trayvon Martin Foundation"


@pytest.mark.stanza
def test_party_tag_is_not_a_name(parser):
    text = "Sen. Chuck Schumer (D-N.Y.) said the vote would be close."
    res = _resolve_one(parser, text, "Sen. Chuck Schumer (D-N.Y.)")
    s = res.speakers[0]
    assert (s.name, s.title, s.kind) == ("Chuck Schumer", "Sen.", "person")


@pytest.mark.stanza
def test_title_case_headline_does_not_swallow_words(parser):
    text = ("Hillary Clinton Campaign Wants A Bigger Role For The Party\n\n"
            "The campaign's chairman, John Podesta, said the party would get more money.")
    res = _resolve_one(parser, text, "John Podesta")
    s = res.speakers[0]
    assert s.name == "John Podesta" and s.role == "chairman"


@pytest.mark.stanza
def test_unnamed_subject_is_an_antecedent_for_they(parser):
    text = ("Others were unapologetic in their criticism of the plan.\n\n"
            "They said it would cost billions.")
    res = _resolve_one(parser, text, "They")
    s = res.speakers[0]
    assert s.kind == "anonymous" and s.name == "others"


@pytest.mark.stanza
def test_descriptor_noun_before_a_name_is_a_role(parser):
    text = "Retired neurosurgeon Ben Carson said the debate was unfair, and CNBC moderator Carl Quintanilla disagreed."
    doc = _parse(parser, text)
    res = resolve(doc, [_attr(doc, 1, "Ben Carson"), _attr(doc, 2, "CNBC moderator Carl Quintanilla")])
    a, b = _speaker(res, "a1"), _speaker(res, "a2")
    assert (a.name, a.role) == ("Ben Carson", "neurosurgeon")
    assert (b.name, b.role, b.affiliation) == ("Carl Quintanilla", "moderator", "CNBC")


@pytest.mark.stanza
def test_affiliation_is_the_institution_not_the_field(parser):
    text = ("Allan Lichtman, a professor of history at American University, said the model "
            "had never failed.")
    res = _resolve_one(parser, text, "Allan Lichtman")
    s = res.speakers[0]
    assert (s.name, s.role, s.affiliation) == ("Allan Lichtman", "professor", "American University")


@pytest.mark.stanza
def test_you_and_a_capitalised_common_noun(parser):
    text = ("\"You know what happened,\" you said.\n\n"
            "A Republican said the party had lost its way.")
    doc = _parse(parser, text)
    res = resolve(doc, [_attr(doc, 1, "you"), _attr(doc, 2, "A Republican")])
    assert res.attributions[0].speaker is None
    s = _speaker(res, "a2")
    assert s.kind == "anonymous" and s.name == "a Republican"


@pytest.mark.stanza
def test_exact_surname_beats_a_similar_one(parser):
    text = ("Ronald Reagan said the plan would work.\n\n"
            "Don Regan, his chief of staff, said it would not.\n\n"
            "Reagan later said he had been right.")
    doc = _parse(parser, text)
    attrs = [_attr(doc, 1, "Ronald Reagan"), _attr(doc, 2, "Don Regan"),
             _attr(doc, 3, "Reagan", after="not.")]
    res = resolve(doc, attrs)
    assert _speaker(res, "a3").name == "Ronald Reagan"
    assert _speaker(res, "a2").name == "Don Regan"


@pytest.mark.stanza
def test_unlisted_apposition_noun_is_a_role(parser):
    text = "Steve Coll, the dean of the journalism school, said the articles were accurate."
    res = _resolve_one(parser, text, "Steve Coll")
    s = res.speakers[0]
    assert (s.name, s.role, s.affiliation) == ("Steve Coll", "dean", "journalism school")


@pytest.mark.stanza
def test_name_at_the_end_of_a_descriptive_source(parser):
    text = "Former Reagan chief of staff Don Regan, who died in 2003, wrote that she ran the White House."
    res = _resolve_one(parser, text, "Former Reagan chief of staff Don Regan")
    assert res.speakers[0].name == "Don Regan" and res.speakers[0].kind == "person"


@pytest.mark.stanza
def test_epithet_refers_to_the_person_the_story_is_about(parser):
    text = ("Ben Carson defended his record on Sunday.\n\n"
            "\"There's no question I'm getting special scrutiny,\" the Republican presidential "
            "candidate said.")
    res = _resolve_one(parser, text, "the Republican presidential candidate")
    assert res.speakers[0].name == "Ben Carson"


@pytest.mark.stanza
def test_surname_beats_a_country_of_the_same_name(parser):
    text = ("Rep. Jim Jordan criticized the bill on Monday.\n\n"
            "Jordan said the House would not pass it.")
    res = _resolve_one(parser, text, "Jordan", after="Monday")
    s = res.speakers[0]
    assert (s.name, s.kind) == ("Jim Jordan", "person")


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
    from attribution.parse import parse

    try:
        from attribution.load import load

        src = load(str(SAMPLE))
    except ImportError:
        src = _source(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))
    return parse(src, parser)


@pytest.mark.stanza
def test_sample_roster(parser):
    doc = _sample_doc(parser)
    attrs = [_attr(doc, k, src, after=anchor) for k, (src, anchor, _) in enumerate(SAMPLE_SOURCES, 1)]
    res = resolve(doc, attrs)
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
    extract_mod = pytest.importorskip("attribution.extract")
    doc = _sample_doc(parser)
    lex = load_lexicon()
    attrs = extract_mod.extract(doc, lex)
    res = resolve(doc, attrs, lex)
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
    res = resolve(doc, [a])
    assert res.attributions[0].speaker == "s1"
    s = res.speakers[0]
    assert (s.name, s.kind, s.title) == ("Ryan Dillon", "person", "Col.")


@pytest.mark.parametrize("source", [None, Span(3, 3), Span(44, 44), Span(15, 16)])
def test_degenerate_sources_do_not_crash(source):
    doc = _doc_by_hand(_DILLON)
    a = Attribution(id="a1", type="indirect", content=(Span(20, 43),), cue=None, source=source, sentence=0)
    res = resolve(doc, [a])
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
    res = resolve(doc, attrs)
    assert res.attributions[1].speaker is None  # "He" with nothing to point at
    assert res.attributions[0].speaker is not None


def test_no_attributions_no_speakers():
    doc = _doc_by_hand(_DILLON)
    res = resolve(doc, [])
    assert res.attributions == () and res.speakers == ()
