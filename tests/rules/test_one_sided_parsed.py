"""one-sided on parsed copy (stanza): a charge made in what a source says ("Hale lied to
every parent," Lopez said), the party a pronoun stands for, political criticism, and when the
accused has answered.  The texts are written for these tests in the manner of local copy."""
from __future__ import annotations

import pytest

from .._audit import audit_text, findings

pytestmark = pytest.mark.stanza

RULE = "one-sided"


def _one_sided(parser, text):
    return findings(audit_text(parser, text, select=(RULE,)), RULE)


LEAD = ("Senator Maria Lopez spoke at a rally in Dayton on Friday, two days after Governor Frank "
        "Hale vetoed the school funding bill.\n\n")


def test_a_charge_in_a_quotation_against_a_named_party(parser):
    f, = _one_sided(parser, LEAD + '"Hale lied to every parent in this state," Lopez said.\n')
    assert "Frank Hale" in f.message or "Hale" in f.message
    assert "Maria Lopez" in f.message


def test_a_pronoun_stands_for_the_one_man_named_just_before(parser):
    f, = _one_sided(parser, LEAD + '"He lied to every parent in this state," Lopez said.\n')
    assert "Frank Hale" in f.message


def test_a_pronoun_with_two_men_named_before_is_not_guessed(parser):
    text = ("Senator Maria Lopez spoke in Dayton on Friday after Governor Frank Hale and Mayor "
            "Tom Reyes met about the school budget.\n\n"
            '"He lied to every parent in this state," Lopez said.\n')
    assert _one_sided(parser, text) == []


@pytest.mark.parametrize("quote", [
    '"Hale never lied to anyone," Lopez said.',            # negated
    '"Hale could have lied about the numbers," Lopez said.',  # hedged
    '"If Hale lied, he should resign," Lopez said.',       # a condition
    '"I lied to my staff about the budget," Lopez said.',  # the speaker's own
])
def test_no_charge_when_the_wrong_is_not_asserted_of_another(parser, quote):
    assert _one_sided(parser, LEAD + quote + "\n") == []


@pytest.mark.parametrize("charge", [
    "Lopez accused Hale of using divisive rhetoric and of ignoring rural voters.",
    # what he said is charged; the wrong named in it is someone else's
    "Lopez accused Hale of implying that teachers had lied to parents about class sizes.",
    # a wrong wanted, not done
    '"Hale wants a bigger budget to bribe the rural counties," Lopez said.',
])
def test_a_charge_of_no_wrong_done_by_the_party_is_none(parser, charge):
    assert _one_sided(parser, LEAD + charge + "\n") == []


def test_the_accused_answering_elsewhere_in_the_story(parser):
    charge = LEAD + "Lopez accused Hale of hiding a $40 million shortfall from the legislature.\n\n"
    filler = ("The bill would have raised the base grant for each pupil by 6 percent. Districts in "
              "the south of the state would have gained the most. The legislature adjourns in "
              "June. A veto override needs 60 votes in the House.\n\n")
    # he speaks, but of something else: the charge is unanswered
    other = charge + filler + "Hale said on Saturday that he would sign a smaller bill in May.\n"
    f, = _one_sided(parser, other)
    assert "Hale" in f.message
    # he denies it, far from the charge: answered
    denial = charge + filler + "Hale denied that the state had hidden any shortfall.\n"
    assert _one_sided(parser, denial) == []


def test_called_a_liar_charges_the_one_called_so(parser):
    f, = _one_sided(parser, LEAD + 'Lopez called Hale a "pathological liar."\n')
    assert "Hale" in f.message and "Lopez" in f.message


def test_a_statement_by_the_accused_before_the_charge_is_no_answer_to_it(parser):
    # a roundup lead: each speaks of someone else, nobody answers the charge after it
    text = ('Governor Frank Hale said Mayor Tom Reyes "wrecked the budget." Senator Maria Lopez '
            'called Hale a "pathological liar." Reyes said Lopez "says whatever she needs to."\n\n'
            "The three will meet at a forum in Dayton on Thursday.\n")
    f, = _one_sided(parser, text)
    assert "against Frank Hale" in f.message or "against Hale" in f.message


def test_a_reply_from_the_accused_party_answers(parser):
    text = (LEAD + "The implication, according to a Lopez aide, is that Hale cheated by meeting "
            "donors during the budget talks.\n\nThe Columbus Dispatch got a reply from the Hale "
            "campaign on Saturday.\n")
    assert _one_sided(parser, text) == []
    # without it, the charge stands
    f, = _one_sided(parser, LEAD + "The implication, according to a Lopez aide, is that Hale "
                    "cheated by meeting donors during the budget talks.\n")
    assert "Hale" in f.message


def test_an_allegation_stated_by_the_article_itself(parser):
    # (a sentence of speech just before it would be its source for unsourced-claim)
    text = ("Governor Frank Hale took office in January after eight years as county treasurer.\n\n"
            "Hale embezzled $40,000 from the county road fund in 2019.\n\n"
            "The legislature adjourns in June.\n")
    f, = _one_sided(parser, text)
    assert "stated as fact by the article" in f.message and "Hale" in f.message
    answered = text + "\nHale did not respond to a request for comment.\n"
    assert _one_sided(parser, answered) == []


def test_a_figure_of_speech_is_no_charge(parser):
    text = (LEAD + "By the time Lopez entered the race, Hale had stolen her thunder.\n\n"
            "The legislature adjourns in June.\n")
    assert _one_sided(parser, text) == []
    quoted = LEAD + '"Hale stole the show on Friday," Lopez said.\n'
    assert _one_sided(parser, quoted) == []


def test_not_only_is_no_negation(parser):
    # "not only stole ..., but": a contrast that asserts the wrong
    f, = _one_sided(parser, LEAD + '"Hale not only stole from the pension fund, he hid the losses '
                                   'for two years," Lopez said.\n')
    assert "Hale" in f.message


def test_breaking_the_rules_is_a_charge(parser):
    text = ("Headline: Budget talks stall\n\n"
            "Senate leader Rita Ortiz accused Speaker Dan Whitcombe of breaking the chamber's rules "
            "by adding a $12 million grant to the bill after the committee had voted on it.\n\n"
            "The two sides will meet again on Monday.\n")
    f, = _one_sided(parser, text)
    assert "Whitcombe" in f.message


def test_breaking_a_record_is_no_charge(parser):
    text = ("Headline: Fundraising soars\n\n"
            "Senate leader Rita Ortiz accused Speaker Dan Whitcombe of breaking every fundraising "
            "record in the state this year.\n\n"
            "The two sides will meet again on Monday.\n")
    assert _one_sided(parser, text) == []


def test_an_organisations_wrong_told_by_the_article_is_background(parser):
    # the article's own account of a company's wrong: unsourced-claim's to flag, not a charge
    # against a person who must get to answer
    text = ("Acme Motors, based in Dayton, builds delivery trucks and vans for fleet buyers across "
            "the Midwest.\n\n"
            "Acme Motors systematically cheated on emissions tests for years.\n\n"
            "The legislature adjourns in June.\n")
    assert _one_sided(parser, text) == []
    assert findings(audit_text(parser, text, select=("unsourced-claim",)), "unsourced-claim")


@pytest.mark.parametrize("sentence, occasion", [
    ('Governor Frank Hale has battled with Mayor Tom Reyes over the budget, at one point calling the '
     'mayor a "liar" who was not "honorable."', "one point"),
    ("The union's president, Mark Ellis, spoke for an hour, in one interview accusing Governor Frank "
     "Hale of betraying teachers.", "interview"),
    ("Hale has feuded with the board for months, in one interview accusing its chairman of lying to "
     "investors.", "interview"),
])
def test_a_phrase_of_occasion_is_never_the_accuser(parser, sentence, occasion):
    # "at one point", "in one interview" is no source of the charge (extract: a phrase of
    # occasion before a participle is nobody); the rule has no check of its own for it
    text = sentence + "\n\nThe legislature adjourns in June.\n"
    for f in _one_sided(parser, text):
        assert occasion not in f.message, f.message


@pytest.mark.parametrize("quote", [
    '"Hale committed perjury before the grand jury," Lopez said.',
    '"Hale turned the treasurer\'s office into a pay-to-play operation," Lopez said.',
    '"Voters are tired of Hale\'s lies about the budget," Lopez said.',
])
def test_a_wrong_done_named_by_a_noun(parser, quote):
    f, = _one_sided(parser, LEAD + quote + "\n")
    assert "Hale" in f.message and "Lopez" in f.message


@pytest.mark.parametrize("quote", [
    '"Hale fought corruption in this state for twenty years," Lopez said.',   # no deed of his
    '"Voters have heard about Hale\'s alleged lies for a year," Lopez said.',  # hedged
    '"There was no fraud in Hale\'s office," Lopez said.',                      # denied
])
def test_a_wrong_noun_not_charged_to_the_party(parser, quote):
    assert _one_sided(parser, LEAD + quote + "\n") == []


def test_a_vague_accuser_still_owes_the_accused_a_reply(parser):
    text = ("Councilman Ray Dorsey spoke for an hour at Tuesday's budget hearing in Linwood.\n\n"
            "Some accused Dorsey of hiding the audit from the finance committee.\n\n"
            "The council meets again next month.\n")
    f, = _one_sided(parser, text)
    assert "Dorsey" in f.message


def test_a_vague_accuser_answered_by_the_accused_is_no_finding(parser):
    text = ("Councilman Ray Dorsey spoke for an hour at Tuesday's budget hearing in Linwood.\n\n"
            "Some accused Dorsey of hiding the audit from the finance committee.\n\n"
            '"I never hid anything from anyone," Dorsey said.\n')
    assert _one_sided(parser, text) == []


@pytest.mark.parametrize("sentence,flagged", [
    # a cue of attack outside the charge cues is a charge when its reason is a wrong
    ("Lopez blasted Hale for hiding the audit from the finance committee.", True),
    ("Lopez criticized Hale for not disclosing the loans from his campaign donors.", True),
    # and political criticism when it is not
    ("Lopez blasted Hale for skipping the debate in Toledo.", False),
    ("Lopez criticized Hale for not visiting the flooded counties.", False),
])
def test_a_cue_of_attack_with_a_wrong_or_a_duty_left_undone_as_its_reason(parser, sentence, flagged):
    found = _one_sided(parser, LEAD + sentence + "\n")
    assert bool(found) == flagged, found
    if flagged:
        assert "Hale" in found[0].message


def test_a_refusal_to_comment_on_a_named_matter_is_not_by_the_party_it_names(parser):
    # "on the Dorsey contracts" says what the refusal is about, not that Dorsey refused
    text = ("Councilman Ray Dorsey spoke for an hour at Tuesday's budget hearing in Linwood.\n\n"
            "Two former aides have accused Dorsey of taking kickbacks from a paving contractor.\n\n"
            "The contractor built four miles of county roads last year.\n\n"
            "Mayor Ellen Park said she had not read the complaint.\n\n"
            "The council will take up the paving budget in March.\n\n"
            "The county clerk's office has declined to comment on the Dorsey contracts.\n")
    f, = _one_sided(parser, text)
    assert "Dorsey" in f.message


@pytest.mark.parametrize("quote,who", [
    ('"Everyone in this county knows about her lies," Lopez said.', "Ann Marsh"),
    ('"Hale University is a fraud," Lopez said.', "Hale University"),
    ('"Marsh is a con artist, and everyone in Dayton knows it," Lopez said.', "Marsh"),
])
def test_a_wrong_said_through_an_owner_pronoun_or_as_a_predicate(parser, quote, who):
    lead = ("Senator Maria Lopez spoke at a rally in Dayton on Friday.\n\n"
            "Treasurer Ann Marsh approved the budget of Hale University in May.\n\n")
    f, = _one_sided(parser, lead + quote + "\n")
    assert who in f.message


@pytest.mark.parametrize("quote,flagged", [
    ('"Hale hid the audit from the finance committee for a year," Lopez said.', True),
    ('"Hale concealed the audit from the finance committee," Lopez said.', True),
    ('"Hale hid his frustration well at the hearing," Lopez said.', False),   # a figure of speech
])
def test_hiding_a_thing_is_a_wrong_charged(parser, quote, flagged):
    found = _one_sided(parser, LEAD + quote + "\n")
    assert bool(found) == flagged, found


def test_an_accuser_resolve_is_unsure_of_is_not_named(parser):
    # "He" tied to the mayor named four paragraphs up: resolve calls the link uncertain, and the
    # finding says who is accused without putting the charge in the mayor's mouth
    text = ("Mayor Tom Reyes spoke at the groundbreaking for the new library on Monday.\n\n"
            "The library will cost $12 million and open in 2027.\n\n"
            "Construction crews will work through the winter.\n\n"
            "The old building on Main Street will be sold.\n\n"
            "He accused Governor Frank Hale of hiding the audit of the state library fund.\n")
    f, = _one_sided(parser, text)
    assert "Frank Hale" in f.message
    assert "Reyes" not in f.message and '"He"' in f.message


def test_an_editors_note_charging_a_named_person_needs_his_answer(parser):
    # the publication's own allegation, after the story's last quote (unsourced-claim finds it)
    text = ("The council will vote on the contract next month.\n\n"
            '"We will keep asking questions until we get answers," Councilwoman Dana Ortiz said.\n\n'
            "Editor’s note: Mayor Carl Jessup embezzled city funds in 2014 and lied to investigators "
            "about it.\n")
    f, = _one_sided(parser, text)
    assert "Carl Jessup" in f.message and "stated as fact" in f.message
    # his answer on the matter, anywhere in the article, spares it
    answered = text + "\nJessup has denied taking any money from the city.\n"
    assert _one_sided(parser, answered) == []


def test_an_editors_note_calling_a_named_person_a_liar(parser):
    text = ("The council will vote on the contract next month.\n\n"
            '"We will keep asking questions until we get answers," Councilwoman Dana Ortiz said.\n\n'
            "Editor’s note: Mayor Carl Jessup is a serial liar who has repeatedly misled the council.\n")
    f, = _one_sided(parser, text)
    assert "Carl Jessup" in f.message and "stated as fact" in f.message


@pytest.mark.parametrize("sentence, fires", [
    # a war crime named by a noun and its modifiers (the parser hangs "chemical" on "weapons")
    ("A United Nations panel said the Syrian army carried out two chemical weapons attacks on "
     "villages near Idlib last year.", True),
    # attacks alone are war, not a wrong charged
    ("A United Nations panel said the Syrian army carried out two attacks on rebel positions "
     "near Idlib last year.", False),
])
def test_a_wrong_named_by_a_noun_with_its_modifiers(parser, sentence, fires):
    text = "Fighting resumed in northern Syria on Tuesday.\n\n" + sentence + "\n"
    found = _one_sided(parser, text)
    assert len(found) == int(fires)
    assert not found or "Syrian army" in found[0].message


@pytest.mark.parametrize("quote,flagged", [
    ('"Hale is a fraud, and everyone in Dayton knows it," Lopez said.', False),   # a phony: an insult
    ('"Hale is a crook, and everyone in Dayton knows it," Lopez said.', True),
    ('"Hale University is a scam, and everyone in Dayton knows it," Lopez said.', True),
])
def test_a_person_called_a_fraud_is_insulted_not_charged(parser, quote, flagged):
    lead = ("Senator Maria Lopez spoke at a rally in Dayton on Friday, two days after Governor Frank "
            "Hale signed the budget of Hale University.\n\n")
    assert len(_one_sided(parser, lead + quote + "\n")) == int(flagged)


def test_a_charge_reported_under_its_own_cue_is_not_the_outer_sources(parser):
    # the county's lawsuit alleges the embezzlement; the records the reporter cites do not
    text = ("The county sued its former treasurer, Dale Marsh, in March, alleging that Marsh "
            "embezzled $40,000 from the road fund, according to court records.\n")
    for f in _one_sided(parser, text):
        assert "court records" not in f.message


def test_the_matter_of_an_article_allegation_is_the_wrongs_own_phrase(parser):
    # Jessup speaks about the library, which the note mentions in another clause: no answer to
    # the embezzlement
    text = ("Mayor Carl Jessup spoke at the budget hearing on Tuesday.\n\n"
            '"The library will close in May," Jessup said.\n\n'
            '"We will keep asking questions until we get answers," Councilwoman Dana Ortiz said.\n\n'
            "Editor’s note: Mayor Carl Jessup embezzled public funds in 2014 and is the chairman of "
            "the library board.\n")
    f, = _one_sided(parser, text)
    assert "Carl Jessup" in f.message
