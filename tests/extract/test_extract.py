"""Extraction on short news sentences and the sample article (needs the stanza model)."""
from __future__ import annotations

import pytest

from attribution.extract import extract
from attribution.vocab import load_lexicon
from attribution.load import load_text
from attribution.parse import parse

from ..conftest import SAMPLE

pytestmark = pytest.mark.stanza


def run(parser, text: str):
    src = load_text(text, path="t.txt", fmt="text")
    doc = parse(src, parser)
    atts = extract(doc, load_lexicon()).attributions
    return text, atts


def view(text, a):
    content = " | ".join(text[s.start:s.end] for s in a.content)
    cue = text[a.cue.start:a.cue.end] if a.cue else None
    src = text[a.source.start:a.source.end] if a.source else None
    return content, cue, src


def find(text, atts, needle):
    for a in atts:
        if any(needle in text[s.start:s.end] for s in a.content):
            return a
    raise AssertionError(f"no attribution whose content holds {needle!r}: "
                         f"{[view(text, a) for a in atts]}")


@pytest.mark.parametrize("sentence, content, cue, source, typ", [
    ('"We are ready for the vote," the senator said.', "We are ready for the vote", "said", "the senator", "direct"),
    ("“We are ready for the vote,” said Senator Jane Smith.", "We are ready for the vote", "said", "Jane Smith", "direct"),
    ("The mayor said that the bridge would reopen next month.", "the bridge would reopen next month", "said", "The mayor", "indirect"),
    ("The mayor said the bridge would reopen next month.", "the bridge would reopen next month", "said", "The mayor", "indirect"),
    ("Johnson told reporters that the deal was dead.", "the deal was dead", "told", "Johnson", "indirect"),
    ("The agency warned that prices could rise sharply this winter.", "prices could rise sharply", "warned", "The agency", "indirect"),
    ("The company denied that it had misled investors.", "it had misled investors", "denied", "The company", "indirect"),
    # an adverb set off by commas between the subject and the cue
    ("The two lawmakers, however, argue that there is precedent for prosecution.",
     "there is precedent for prosecution", "argue", "The two lawmakers", "indirect"),
    ("Smith, meanwhile, said the vote would be close.", "the vote would be close", "said", "Smith", "indirect"),
    # a gerund after "for"/"of" is said or done by the object of the verb it hangs on
    ("At a rally, he knocked Cruz for not reporting loans from two big banks that he used to pay "
     "for his first Senate race.", "loans from two big banks", "not reporting", "Cruz", "indirect"),
    # a denial of an act, a gerund clause
    ("Ortiz denied taking the money.", "taking the money", "denied", "Ortiz", "indirect"),
    # a denial whose one-word object names the charge (the parse may tag it a verb)
    ("Jensen has denied wrongdoing and pleaded not guilty.", "wrongdoing", "has denied", "Jensen", "indirect"),
    ("Prosecutors accused the banker of hiding millions in offshore accounts.", "of hiding millions", "accused", "Prosecutors", "indirect"),
    ("According to the police, the fire started in the kitchen.", "the fire started in the kitchen", "According to", "the police", "indirect"),
    ("The fire started in the kitchen, according to the police.", "The fire started in the kitchen", "according to", "the police", "indirect"),
    ("The ministry said in a statement that the border would stay closed.", "the border would stay closed", "said", "The ministry", "indirect"),
    ('Smith said: "We will appeal the ruling."', "We will appeal the ruling", "said", "Smith", "direct"),
    ("The plan will fail, he said.", "The plan will fail", "said", "he", "indirect"),
    ('The governor called the budget "a reckless gamble."', "a reckless gamble", "called", "The governor", None),
    ("The economist believes that inflation has peaked.", "inflation has peaked", "believes", "The economist", "indirect"),
    # a noun in -ing modifying the next noun is no cue: the sentence's own "said" is
    ("The reporting requirements were loosened last year, the agency said.", "requirements were loosened", "said", "the agency", "indirect"),
    ("A warning label will be added to every pack, the regulator said.", "A warning label will be added", "said", "the regulator", "indirect"),
])
def test_constructions(parser, sentence, content, cue, source, typ):
    text, atts = run(parser, sentence)
    a = find(text, atts, content)
    got_content, got_cue, got_src = view(text, a)
    assert a.cue is not None and cue.lower() in got_cue.lower(), view(text, a)
    assert got_src is not None and source in got_src, view(text, a)
    if typ:
        assert a.type == typ, (a.type, view(text, a))


def test_quote_split_by_cue_is_one_attribution(parser):
    text, atts = run(parser, '"This is," he said, "a turning point for the country."')
    assert len(atts) == 1
    a = atts[0]
    assert len(a.content) == 2
    assert [text[s.start:s.end] for s in a.content] == ['"This is,"', '"a turning point for the country."']
    assert text[a.cue.start:a.cue.end] == "said"
    assert text[a.source.start:a.source.end] == "he"
    assert a.type == "direct"


def test_quote_continued_in_next_sentence_joins_the_attribution(parser):
    text, atts = run(parser, '"We do not want a fight with anybody," he said. "That is not why we are there."')
    assert len(atts) == 1
    assert len(atts[0].content) == 2


def test_quote_over_two_paragraphs(parser):
    text = ('The senator was blunt.\n\n"We will not give up on this bill.\n\n'
            '"We will bring it back every year until it passes," she said.\n')
    _, atts = run(parser, text)
    a = find(text, atts, "give up")
    assert "every year" in text[a.content_hull.start:a.content_hull.end]
    assert text[a.source.start:a.source.end] == "she"


def test_passive_with_agent(parser):
    text, atts = run(parser, 'The merger was called "a gamble" by the union leader.')
    a = find(text, atts, "gamble")
    assert a.source is not None and "union leader" in text[a.source.start:a.source.end]


def test_negated_cue(parser):
    text, atts = run(parser, "The minister did not say that the talks had failed.")
    a = find(text, atts, "talks had failed")
    assert a.negated


@pytest.mark.parametrize("sentence, kind", [
    # a proper noun modifying the noun is the affiliation, not a name
    ("A Pentagon official said the convoy had been delayed.", "anonymous"),
    ("An SDF commander said the convoy had been delayed.", "anonymous"),
    ("Pentagon spokesman John Kirby said the convoy had been delayed.", "name"),
    ("The SDF commander said the convoy had been delayed.", "role"),
    # one list of unnamed-source nouns (people.toml), shared with resolve: "authorities" and
    # an unnamed "senator" are unnamed sources for extract too (issue 13: extract read a list
    # of its own, and called "Authorities" a role)
    ("Authorities said the convoy had been delayed.", "anonymous"),
    ("A senator said the convoy had been delayed.", "anonymous"),
    ("A Clinton ally said the convoy had been delayed.", "anonymous"),
])
def test_source_kind_of_affiliated_unnamed_sources(parser, sentence, kind):
    text, atts = run(parser, sentence)
    assert find(text, atts, "convoy had been delayed").source_kind == kind


def test_agentless_passive(parser):
    text, atts = run(parser, "It was reported that the talks had failed.")
    a = find(text, atts, "talks had failed")
    assert a.source is None and a.passive_agentless


@pytest.mark.parametrize("sentence, content, hidden", [
    # the subject of a passive cue was told, warned or sworn: it never speaks
    ("Night-shift nurses were told that the ward would close in June.", "ward would close", True),
    ("Two county clerks were warned that the audit would find gaps.", "audit would find gaps", True),
    ("Members of the rowing club were sworn to secrecy about the guest list.", "secrecy", False),
])
def test_passive_cue_subject_is_not_the_source(parser, sentence, content, hidden):
    text, atts = run(parser, sentence)
    for a in atts:
        if any(content in text[s.start:s.end] for s in a.content):
            assert a.source is None, view(text, a)
            assert a.passive_agentless is hidden, view(text, a)  # a statement whose source is hidden


def test_passive_quote_keeps_its_speaker(parser):
    text, atts = run(parser, "The harbour master was quoted as saying the pier was unsafe.")
    a = find(text, atts, "pier was unsafe")
    assert a.source is not None and "harbour master" in text[a.source.start:a.source.end], view(text, a)


def test_subject_of_a_subordinate_clause_leaves_out_its_conjunction(parser):
    text, atts = run(parser, "The council vote was delayed after the town's former treasurer said "
                             "the accounts had not been audited.")
    a = find(text, atts, "accounts had not been audited")
    assert text[a.source.start:a.source.end] == "the town's former treasurer", view(text, a)


@pytest.mark.parametrize("sentence, first, second, source", [
    ("The militia claimed the bombing but county officials have said they doubt it acted alone.",
     "bombing", "doubt it acted alone", "county officials"),
    ("The bakery denied the charge but two former cashiers told the paper that the scales were rigged.",
     "charge", "scales were rigged", "two former cashiers"),
])
def test_another_speakers_statement_after_but_is_its_own_attribution(parser, sentence, first, second, source):
    text, atts = run(parser, sentence)
    a = find(text, atts, first)
    assert second not in " ".join(text[s.start:s.end] for s in a.content), view(text, a)
    b = find(text, atts, second)
    assert b is not a and text[b.source.start:b.source.end] == source, view(text, b)


@pytest.mark.parametrize("sentence, content, cue, source", [
    # a phrasal cue whose verb alone is no cue
    ("The council's lawyer pointed out that the lease had expired in March.", "lease had expired", "pointed out",
     "The council's lawyer"),
    ("The harbour master spelled out that no ferry would sail before Friday.", "no ferry would sail", "spelled out",
     "The harbour master"),
    # another speaker's statement after "and"
    ("The mayor said the levy was needed and two council aides said the vote would be close.",
     "vote would be close", "said", "two council aides"),
])
def test_phrasal_cues_and_a_second_speaker_after_and(parser, sentence, content, cue, source):
    text, atts = run(parser, sentence)
    a = find(text, atts, content)
    got_content, got_cue, got_src = view(text, a)
    assert got_cue is not None and cue in got_cue, view(text, a)
    assert got_src == source, view(text, a)


def test_no_attributions_in_plain_narrative_or_byline(parser):
    text, atts = run(parser, "By John Smith\n\nThe river rose overnight and the bridge closed at noon.\n")
    assert atts == ()


def test_cues_inside_quotes_are_not_separate_attributions(parser):
    text, atts = run(parser, '"I think they said the deal is done," the aide said.')
    assert len(atts) == 1
    assert text[atts[0].source.start:atts[0].source.end] == "the aide"


def test_unbalanced_quote_does_not_crash(parser):
    text, atts = run(parser, 'He said "we will win and then left the room without another word.')
    assert all(a.content for a in atts)


def test_ids_are_in_document_order_and_deterministic(parser):
    text = ("The mayor said the bridge would reopen. \"It is safe,\" the engineer said. "
            "According to the city, repairs cost $4 million.")
    _, a1 = run(parser, text)
    _, a2 = run(parser, text)
    assert [a.id for a in a1] == [f"a{i}" for i in range(1, len(a1) + 1)]
    assert a1 == a2
    starts = [a.content_hull.start for a in a1]
    assert starts == sorted(starts)
    assert len(a1) == 3


# --------------------------------------------------------------- the sample article

SAMPLE_EXPECTED = [
    # (a word of the content, cue, a word of the source)
    ("several times a day", "said", "spokesman"),
    ("lasted more than three hours", "told", "Dillon"),
    ("professional", "added", "He"),
    ("shooting match", "said", "he"),
    ("partner forces", "maintained", "coalition"),
    ("firing on Syrian government forces", "accused", "Russia"),
    ("would be suppressed", "warned", "Defense Ministry"),
    ("firing positions", "said", "Konashenkov"),
    ("85 percent", "said", "Konashenkov"),
    ("special forces were operating", "admitted", "Russia"),
    ("Russian accusations", "denied", "SDF commander"),
    ("no coalition advisers", "According to", "Dillon"),
    ("passed Russia's concerns", "said", "Dillon"),
    ("three Russian soldiers", "said", "Observatory"),
    ("300 civilians", "says", "United Nations"),
]


@pytest.fixture(scope="module")
def sample(parser):
    from attribution.load import load

    src = load(str(SAMPLE))
    doc = parse(src, parser)
    return src.text, extract(doc, load_lexicon()).attributions


@pytest.mark.parametrize("content, cue, source", SAMPLE_EXPECTED)
def test_sample_article(sample, content, cue, source):
    text, atts = sample
    a = find(text, atts, content)
    got_content, got_cue, got_src = view(text, a)
    assert got_cue is not None and cue in got_cue, view(text, a)
    assert got_src is not None and source in got_src, view(text, a)


def test_sample_article_count_and_no_boilerplate(sample):
    text, atts = sample
    assert len(atts) == 15, [view(text, a) for a in atts]
    assert not any("FILE -" in text[a.content_hull.start:a.content_hull.end] for a in atts)
    assert not any("Associated Press" in text[a.content_hull.start:a.content_hull.end] for a in atts)
    shooting = find(text, atts, "shooting match")
    assert len(shooting.content) == 2 and shooting.type == "direct"
    denied = find(text, atts, "Russian accusations")
    assert "deny" in denied.cue_classes and denied.source_kind == "anonymous"
    admitted = find(text, atts, "special forces")
    assert "loaded" in admitted.cue_classes


@pytest.mark.parametrize("sentence, cue, source", [
    # a participle right after a phrase of time or occasion: the phrase is nobody; the
    # participle is the clause's subject's
    ("Hale has feuded with the board for months, in one interview accusing its chairman of lying to investors.",
     "accusing", "Hale"),
    ("The senator questioned the inspector general for three hours, at the hearing calling the report false.",
     "calling", "The senator"),
    ("The coach has been critical of the league all season, in a radio interview calling the referees incompetent.",
     "calling", "The coach"),
])
def test_a_phrase_of_occasion_before_a_participle_is_no_source(parser, sentence, cue, source):
    text, atts = run(parser, sentence)
    a = next(a for a in atts if a.cue and text[a.cue.start:a.cue.end] == cue)
    assert view(text, a)[2] == source, view(text, a)


@pytest.mark.parametrize("sentence, source", [
    ("The union's president, Mark Ellis, spoke for an hour, in one interview accusing the governor of betraying teachers.",
     None),   # the parse gives "spoke" no subject the participle can take: no source, not "one interview"
    ("Turnout could be high this year, with some polls showing that young voters are more engaged than in 2020.",
     "some polls"),   # a noun after a preposition that is no occasion may well be the source
])
def test_a_participle_after_a_preposition_takes_no_occasion_as_its_source(parser, sentence, source):
    text, atts = run(parser, sentence)
    a = next(a for a in atts if a.cue and text[a.cue.start:a.cue.end] in ("accusing", "showing"))
    assert view(text, a)[2] == source, view(text, a)
