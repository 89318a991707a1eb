"""anonymous-source and vague-attribution on realistic news wording (written for these tests):
who counts as an unnamed individual, who as a vague group, and what is neither."""
from __future__ import annotations

import pytest

from ._audit import audit_text, flagged as _flagged

pytestmark = pytest.mark.stanza


def _audit(parser, text: str):
    return audit_text(parser, text)


def test_people_named_by_what_they_do_are_a_vague_group_not_an_organisation(parser):
    text = ("The Kell River bridge was closed on Tuesday after inspectors found a cracked cable.\n\n"
            "Engineers say corrosion of that kind can weaken a cable within a single winter. "
            "Physicians warned that the detour would delay ambulances by ten minutes.\n")
    report = _audit(parser, text)
    kinds = {s.name.lower(): (s.kind, s.anonymity) for s in report.resolved.speakers}
    assert kinds["engineers"] == ("anonymous", "group")
    assert kinds["physicians"] == ("anonymous", "group")
    assert _flagged(report, "vague-attribution") == ["Engineers", "Physicians"]


def test_whose_critics_they_are_does_not_name_them(parser):
    text = ("The mayor unveiled a $40 million plan to rebuild the harbor on Monday.\n\n"
            "His critics denounced the plan as a giveaway to developers. "
            "Mr. Ortiz's supporters have urged the council to approve it before the summer.\n")
    report = _audit(parser, text)
    assert _flagged(report, "vague-attribution") == ["His critics", "Mr. Ortiz's supporters"]


def test_lawyers_for_someone_and_a_named_documents_source_are_not_vague(parser):
    text = ("The company paid the consultant $35,000 in May, according to state filing records. "
            "Lawyers for the family said they would appeal the ruling.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == []


def test_a_passive_accusation_is_no_source(parser):
    text = "In the scandal, customers were charged fees they never agreed to.\n"
    assert _flagged(_audit(parser, text), "vague-attribution") == []


@pytest.mark.parametrize("headline", [
    "Harbor Workers Say Strike Will Go On After Talks Collapse.\n\n",
    "Strike to go on; \nTalks collapse after a night of bargaining, union official says.\n\n",
    "Critics blast port authority as dock strike drags on.\n\n",  # one short sentence on its own line
])
def test_a_headline_with_a_full_stop_adds_no_finding(parser, headline):
    body = ("Dock workers in Port Alder will stay on strike, Maria Lentz, the union's president, "
            "said on Friday after talks with the port authority broke down.\n")
    report = _audit(parser, headline + body)
    assert [f.rule for f in report.findings if f.rule in ("anonymous-source", "vague-attribution")] == []


def test_a_poll_split_among_supporters_is_the_named_polls_figure(parser):
    text = ("A new Harmon University poll of 1,000 adults finds the state split on the stadium.\n\n"
            "Supporters of Governor Ellen Park say by 58%-37% that the state should pay for it, "
            "while her opponents are opposed, 61%-30%.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == []


def test_an_inverted_source_with_a_relative_clause_keeps_the_quote_and_its_reason(parser):
    text = ("Mexico announced new tariffs on Monday.\n\n"
            '"We have seen growing hostility toward our exporters," said a Mexican official who '
            'was not authorized to speak publicly on the issue. "This set off our fears."\n')
    report = _audit(parser, text)
    direct = [a for a in report.resolved.attributions if a.type == "direct"]
    assert len(direct) == 1 and len(direct[0].content) == 2
    sp = report.resolved.speaker(direct[0].speaker)
    assert sp.kind == "anonymous" and sp.anonymity == "person" and "not authorized" in sp.anonymity_reason
    assert [f.severity.value for f in report.findings if f.rule == "anonymous-source"] == ["info"]


def test_not_authorized_to_discuss_is_the_reason_not_a_claim(parser):
    text = ("An aide to Gov. Nora Whitcombe, who spoke on the condition that she not be named because "
            "she was not authorized to discuss the talks, said the governor had asked for more money.\n")
    report = _audit(parser, text)
    src = report.source.text
    cues = [src[a.cue.start:a.cue.end] for a in report.resolved.attributions if a.cue]
    assert cues == ["said"]
    sp = report.resolved.speaker(report.resolved.attributions[0].speaker)
    assert sp.kind == "anonymous" and sp.anonymity == "person" and sp.anonymity_reason


def test_the_people_are_the_people_familiar_with_the_matter(parser):
    text = ("People familiar with the matter said the company would cut 300 jobs. "
            "The cuts would be the largest since 2011, the people said.\n")
    report = _audit(parser, text)
    assert {a.speaker for a in report.resolved.attributions} == {report.resolved.speakers[0].id}
    assert _flagged(report, "vague-attribution") == []
    found = [f for f in report.findings if f.rule == "anonymous-source"]
    assert len(found) == 1 and len(found[0].attributions) == 2


def test_unnamed_polls_that_show_a_standing_are_vague(parser):
    text = ("The race has tightened in recent days. Several polls show the senator within two points "
            "of the governor.\n\nThe new statewide poll finds the mayor up four points, while other "
            "recent surveys show the challenger with a narrow edge.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Several polls", "other recent surveys"]


@pytest.mark.parametrize("sentence, hedge", [
    ("The vote was marred by allegations of vote-buying in the rural north.", "allegations of"),
    ("The case fell to Justice Ellen Marsh, regarded as the court's swing vote.", "regarded as"),
    ("The harbor bill has drawn criticism from some quarters.", "drawn criticism from some quarters"),
    ("The firm reportedly paid $11 million to settle a case brought by federal prosecutors.", "reportedly"),
])
def test_nominalisations_and_agentless_passives_hide_the_holder(parser, sentence, hedge):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == [hedge]


@pytest.mark.parametrize("sentence", [
    "The senator denied the allegations of fraud on Tuesday.",
    "The mayor was accused of fraud by state prosecutors.",
    "The plan drew criticism from two council members.",
])
def test_a_holder_named_in_the_sentence_is_no_hedge(parser, sentence):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == []


def test_a_name_before_the_description_names_the_source(parser):
    text = ("Elward Edd, an official at the Hopi Tribal Housing Authority in Arizona, which has a backlog "
            "of more than 500 homes to repair, said the rule would force him to scale back.\n\n"
            "But Dana Whitfield, acting political director of Rivers Action, which organized the letter, "
            "said the response was undercut by the campaign's ties to the firm.\n")
    report = _audit(parser, text)
    assert {s.name for s in report.resolved.speakers} == {"Elward Edd", "Dana Whitfield"}
    assert _flagged(report, "anonymous-source") == []


def test_a_non_answer_is_no_anonymous_claim(parser):
    text = ("The senator's office released the emails on Friday. A spokesman for Mr. Ortiz declined to "
            "comment. An aide refused to say whether the senator had read them.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_the_listener_after_told_is_not_the_source(parser):
    text = ("Karen Hale, a former budget director, told lawmakers on a recent visit to the capital that "
            "the fund would run dry by 2030.\n")
    report = _audit(parser, text)
    assert _flagged(report, "vague-attribution") == []
    assert [s.name for s in report.resolved.speakers] == ["Karen Hale"]


@pytest.mark.parametrize("sentence", [
    "Voters who say the economy matters most were evenly divided between the two candidates.",
    "The analyst was dismissed after sharing a post that mocked the team's owner.",
    "The anchor is expected to continue to appear on the morning show.",
    "All three candidates have said they would expand the program.",
])
def test_descriptions_dismissals_and_expectations_hide_no_source(parser, sentence):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == []


def test_a_possessive_role_with_nobody_named_in_it_is_an_unnamed_individual_unless_an_office(parser):
    # a spokesman or an aide of someone is an unnamed individual; an office written as a title
    # ("Director", "Chairman") has one holder, identified by the office: a role noun, not anonymous
    # (bench/gold/GUIDE.md: unresolved when nobody holding it is named)
    text = ("Minutes after the voting began, Colorado's delegation spokeswoman announced four votes for "
            "the governor and two abstentions.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == ["Colorado's delegation spokeswoman"]
    text = ("Harmon County's emergency management director said an air monitor near the site had "
            "picked up elevated readings.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_no_other_secretary_is_nobody(parser):
    from attribution.resolve import anonymity, load_people

    assert anonymity(load_people(), "no other secretary", False) is None
    assert anonymity(load_people(), "Grayson's spokeswoman", False) == "person"
    assert anonymity(load_people(), "his wife", False) is None


def test_a_group_between_dashes_and_a_stance_made_public(parser):
    text = ("Democrats — and some Republicans — say that the plan will fail. "
            "Party leaders — whose discipline was once famous — both suggested the speechwriter be fired. "
            "Farmers across the state are expressing concern about the tariffs.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == [
        "Democrats — and some Republicans", "Party leaders — whose discipline was once famous",
        "Farmers across the state"]


@pytest.mark.parametrize("sentence", [
    "Sanders and his supporters argue the system gives too much power to party elites.",
    "It should be noted that two of the group's researchers later joined the campaign.",
    "The chairman, who's argued for years that delegates are free, said nothing on Monday.",
    "Although candidates like Marco Ortiz have blasted the mayor for the delay, the pier opened on time.",
    "Several council members, including Dana Whitfield, said the vote should wait until June.",
])
def test_a_named_person_in_the_group_or_the_writers_aside_is_not_vague(parser, sentence):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == []


def test_a_shared_head_is_still_unnamed(parser):
    from attribution.resolve import anonymity, load_people

    people = load_people()
    assert anonymity(people, "White House and Pentagon spokesmen", True) == "person"
    assert anonymity(people, "Democrats and Republicans", True) == "group"
    assert anonymity(people, "Mr. Xi and other leaders", True) is None


def test_a_vague_holder_after_the_hedge_is_part_of_the_finding(parser):
    report = _audit(parser, "The harbor bill has drawn criticism from some other quarters as well.\n")
    assert _flagged(report, "vague-attribution") == ["drawn criticism from some other quarters"]


@pytest.mark.parametrize("sentence", [
    "The endorsement came from a man who many believe betrayed the party's voters.",
    "Republicans will pledge to appoint judges who follow the letter of the Constitution.",
    "His repeated mispronunciations of the city's name only reinforced the crowd's doubts.",
])
def test_beliefs_plans_and_adjectives_are_no_stated_claims(parser, sentence):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == []


@pytest.mark.parametrize("text, reason", [
    ("The talks collapsed late on Sunday, a senior official said on condition of anonymity.\n", False),
    ("The talks collapsed late on Sunday, a senior official said on condition of anonymity because "
     "the negotiations were private.\n", True),
    ('"If I was a donor, I\'d want answers," said a party committee member, asking for anonymity to '
     "speak freely.\n", True),
])
def test_a_bare_anonymity_formula_is_no_reason(parser, text, reason):
    found = [f for f in _audit(parser, text).findings if f.rule == "anonymous-source"]
    assert len(found) == 1
    assert (found[0].severity.value == "info") is reason
    assert ("gives a reason" in found[0].message) is reason


def test_the_next_sentences_reason_belongs_to_its_own_source(parser):
    text = ("A senior official said the talks had collapsed. A second official, who was not authorized "
            "to speak publicly, said the board had asked for records.\n")
    found = {f.message.split('"')[1]: f.severity.value for f in _audit(parser, text).findings
             if f.rule == "anonymous-source"}
    assert found["A senior official"] == "warning"


def test_a_vague_source_of_two_cues_gives_one_finding(parser):
    text = ("The port authority voted on Tuesday to extend the night shifts at the container terminal.\n\n"
            "At a closed meeting of the neighborhood council, some residents complained about the noise "
            "and said they had lost patience with the authority.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["some residents"]


@pytest.mark.parametrize("text", [
    '"We have a board that is deaf to us, totally deaf. They\'re deaf," Marta Kowal said at a rally on '
    'Friday, adding that she believed the board had already signed the contract.\n',
    '"We have a board that is deaf to us, totally deaf. They\'re deaf," said Marta Kowal, a tenant '
    'organizer, adding that she believed the board had already signed the contract.\n',
])
def test_adding_after_a_quote_is_the_speakers_not_a_word_of_the_quote(parser, text):
    report = _audit(parser, text)
    src = report.source.text
    adding = [a for a in report.resolved.attributions if a.cue and src[a.cue.start:a.cue.end] == "adding"]
    assert len(adding) == 1 and src[adding[0].source.start:adding[0].source.end].startswith("Marta Kowal")
    assert report.resolved.speaker(adding[0].speaker).name == "Marta Kowal"
    assert _flagged(report, "vague-attribution") == []


def test_shares_of_respondents_are_the_polls_figures_and_the_unnamed_poll_is_vague(parser):
    text = ("Voters in the state are divided on the governor's tax plan, an exit poll showed.\n\n"
            "About two-thirds of Republican voters in all three counties support the plan, but majorities "
            "in all three say they want the cut delayed. Forty percent of independents said the plan "
            "favors the wealthy. Most analysts say the plan will pass.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["an exit poll", "Most analysts"]


def test_a_hedge_in_the_writers_aside_inside_a_paraphrase_hides_its_source(parser):
    text = ('In the interview, Ortiz refers to the developer, who is supposedly his oldest friend, as '
            '"Mr. Kane," while Kane calls him "Ray."\n')
    assert _flagged(_audit(parser, text), "vague-attribution") == ["supposedly"]


def test_a_hedge_in_a_named_speakers_claim_is_theirs(parser):
    text = "Police Chief Tom Hale said the suspect had allegedly stolen two cars from the lot.\n"
    assert _flagged(_audit(parser, text), "vague-attribution") == []


@pytest.mark.parametrize("sentence, source", [
    ("And surveys of Iowa Republican caucus-goers late last week indicated that a third of them were "
     "still undecided.", "surveys of Iowa Republican caucus-goers"),  # the opening "And" is no part of it
    ("Polls in New Hampshire show the governor trailing by nine points.", "Polls in New Hampshire"),
    ("Multiple reports reveal that the foundation took money from foreign governments.", "Multiple reports"),
])
def test_unnamed_polls_and_reports_described_by_place_or_population_are_vague(parser, sentence, source):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == [source]


@pytest.mark.parametrize("sentence", [
    "A poll by Harmon University shows the governor trailing by nine points.",
    "A Harmon University poll of Iowa voters shows the governor trailing by nine points.",
])
def test_a_poll_whose_maker_is_named_is_not_vague(parser, sentence):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == []


def test_what_a_group_calls_something_is_a_name_not_a_claim(parser):
    text = ('The late bus, which students call "the Night Owl," leaves Riverton High at 5:15 p.m. '
            'Critics call the contract "a giveaway to a friend of the board."\n')
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Critics"]


def test_an_unnamed_poll_named_in_the_next_sentence_is_sourced(parser):
    text = ("The governor has widened her lead since the convention, according to a new statewide poll. "
            "She is ahead 48 percent to 39 percent in a Harmon University rolling poll released Monday.\n\n"
            "Statistics indicate that rural voters are older than city voters. The clinic closed in May.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Statistics"]


def test_a_short_first_line_with_no_body_after_it_is_no_headline(parser):
    assert _flagged(_audit(parser, "Critics say the port strike will cost millions.\n"), "vague-attribution") == ["Critics"]


def test_unnamed_polls_whose_maker_the_next_sentence_names_are_sourced(parser):
    text = ("Younger voters are drifting toward the senator, a new poll indicates. His support among "
            "voters under 30 has doubled since March, according to a new poll by the Harmon University "
            "Institute of Politics.\n\n"
            "New polls released Sunday showed the governor taking the lead. According to a Daily "
            "Sentinel-KWTV survey, 51 percent of respondents would vote for her.\n\n"
            "The Tri-County Ledger poll of 900 voters was released Wednesday. The new poll shows the "
            "governor far ahead of her rivals.\n")
    report = _audit(parser, text)
    assert _flagged(report, "vague-attribution") == []
    assert not [s.name for s in report.resolved.speakers if s.anonymity is not None]


def test_a_named_report_does_not_name_an_unnamed_poll(parser):
    text = ("Polls show the governor ahead by nine points. A Daily Sentinel report said on Monday that "
            "her campaign had raised $4 million.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Polls"]


def test_an_active_perfect_with_it_as_subject_is_no_agentless_passive(parser):
    text = ("The state board has misled parents about the audit. It has refused to punish schools that "
            "break the rules. It was reported that two schools had lost their licences.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["reported"]


def test_a_publication_after_the_passive_or_an_adjective_before_the_noun_names_the_holder(parser):
    text = ("The actress spoke about being described as a \"real woman\" in a Daily Sentinel column. "
            "Republican allegations of bias against the panel grew in September. New allegations of "
            "bias surfaced in October.\n")
    report = _audit(parser, text)
    assert _flagged(report, "vague-attribution") == ["allegations of"]
    assert [f.start for f in report.findings if f.rule == "vague-attribution"] == [text.index("allegations of bias surfaced")]


def test_hedges_in_a_transcript_answer_or_an_embedded_post_are_the_speakers(parser):
    text = ("The senator sat down with us on Thursday.\n\n"
            "Q: Can a socialist win?\n\n"
            "A: Look, what he is talking about is mainstream. Many economists are saying that is true.\n\n"
            "Harbor deal reportedly includes a new pier https://t.co/abc123 — Daily Sentinel (@dailysentinel) "
            "June 29, 2016.\n\n"
            "The mayor reportedly plans to sign it on Friday.\n")
    report = _audit(parser, text)
    assert [f.start for f in report.findings if f.rule == "vague-attribution"] == [
        text.index("The mayor reportedly") + len("The mayor ")]


def test_all_the_candidates_on_the_stage_and_a_second_predicate_are_no_vague_source(parser):
    text = ("Mayor Ana Ruiz, council member Tom Wells and former judge Lena Park met for the last debate "
            "on Tuesday. All the candidates insisted that the budget must be balanced.\n\n"
            "The senator sought to calm his supporters, and took a heckler in stride, saying the man "
            "would not be hurt at his rally.\n\n"
            "Many candidates insisted that the rules were unfair.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Many candidates"]


def test_counted_people_a_named_bodys_representatives_and_a_pronoun_are_no_vague_group(parser):
    text = ("The board will meet again on Friday, according to three people briefed on the talks. "
            "TF Harbor representatives said the pier would open in May. There was anger after his "
            "remarks that the port should close. Budget analysts said the deficit would grow.\n")
    report = _audit(parser, text)
    assert _flagged(report, "vague-attribution") == ["Budget analysts"]
    assert _flagged(report, "anonymous-source") == ["three people"]


def test_a_hedge_in_the_headline_and_a_survey_whose_maker_follows_a_comma(parser):
    text = ("Harbor Chief Reportedly Weighs Resignation.\n\n"
            "Most dock workers back the strike, according to a new poll. The survey, conducted by the "
            "Tri-County Labor Institute, found that 61 percent of them would stay out through June.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == []


def test_other_polls_are_not_the_poll_named_next_and_a_study_by_named_economists_is_sourced(parser):
    text = ("Any single poll is a snapshot, and many other polls show the mayor with a narrow lead. "
            "The Sentinel/KWTV poll of 900 voters has her ahead by two points.\n\n"
            "Polls there show the governor trailing by nine points.\n\n"
            "Water use fell 12 percent, according to a study last year by economists at Harmon University.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["many other polls", "Polls there"]


@pytest.mark.parametrize("sentence, hedge", [
    ("The sniper, a decorated veteran, has been seen as a conservative icon.", "has been seen as"),
    ("There were moments when the candidate was described as newly serious.", "was described as"),
    ("The mayor weighed in on allegations against the police chief on Monday.", "allegations against"),
    ("Mr. Ortiz, whose third-place finish was widely seen as a disappointment, said he would stay in the race.",
     "widely seen as"),
])
def test_more_agentless_views_and_a_hedge_in_the_sources_aside(parser, sentence, hedge):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == [hedge]


def test_accusations_made_by_the_subject_or_a_named_campaign_have_a_holder(parser):
    text = ("The senator chose not to respond to recent Harmon campaign accusations that his backers had "
            "harassed reporters. The governor repeated accusations that the mayor reads from a script. "
            "The mayor is facing accusations that she hid the audit.\n")
    report = _audit(parser, text)
    assert [f.start for f in report.findings if f.rule == "vague-attribution"] == [text.index("accusations that she")]


def test_a_stance_reaffirmed_or_indicated_by_an_unnamed_group_is_vague(parser):
    text = ("The speech came as some residents reaffirmed their opposition to the harbor plan. "
            "Several of them indicated publicly their support for the challenger.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["some residents", "Several of them"]


def test_a_crowds_chant_is_an_event_whatever_the_cue(parser):
    text = ('The mayor\'s supporters responded with chants of "Four more years" until she spoke again. '
            'Fans also chanted, "Build the pier," referring to the harbor plan. '
            'Some residents said the chants were hurtful.\n')
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Some residents"]


def test_confirming_judges_and_a_decline_in_trade_state_nothing(parser):
    text = ("It has been two months since Republicans confirmed a judge. Democrats had confirmed 68 "
            "judicial nominees by this point in 2008.\n\n"
            "Trade between the two countries declined 40 percent in the first half of the year.\n\n"
            "Some residents confirmed that the water had been shut off for two days.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Some residents"]


@pytest.mark.parametrize("sentence, source", [
    ("Several Democrats cautioned against reading too much into the vote, saying turnout was low.",
     "Several Democrats"),
    ("Many Republicans say the governor should resign.", "Many Republicans"),
])
def test_a_capitalised_quantifier_before_party_members_is_no_name(parser, sentence, source):
    report = _audit(parser, sentence + "\n")
    assert [s.kind.value for s in report.resolved.speakers] == ["anonymous"]
    assert _flagged(report, "vague-attribution") == [source]


@pytest.mark.parametrize("sentence, hedge", [
    ("That attitude, many argue, could carry constitutional implications if the mayor wins.", "many argue"),
    ("The council has often faced criticism for the lengthy review.", "faced criticism"),
    ("The plan includes measures viewed by some as hostile to renters.", "viewed by some"),
])
def test_views_held_by_some_or_many_unnamed(parser, sentence, hedge):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == [hedge]


def test_criticism_from_named_members_is_no_hedge(parser):
    text = "The plan has faced criticism from two council members, Ana Ruiz and Tom Bell.\n"
    assert _flagged(_audit(parser, text), "vague-attribution") == []


def test_a_crowd_acting_at_an_event_sources_no_claim(parser):
    text = ('"Hey, hey! Ho, ho! The mayor has got to go!" some protesters chanted as they marched down '
            'Front Street. At the board meeting, students pleaded to keep the late bus. Some parents '
            'said the new schedule would leave children waiting in the dark.\n')
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Some parents"]


def test_a_clause_fragment_taken_for_a_source_is_no_vague_group(parser):
    text = ("The rival plans are emblematic of the ways the two mayoral candidates respond to problems "
            "— and would perhaps continue to respond if they win. Okafor goes big; Lindqvist focuses on "
            "what is doable.\n\n"
            "The mayor didn't seem particularly impressed with Okafor's comments Tuesday, telling "
            'reporters, "A lot of people said the chief should step down."\n\n'
            "It means big changes are coming fast in the way major newspapers present their reporting.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == []


def test_exit_polls_reported_by_a_named_network_are_sourced(parser):
    text = ("Turnout was highest among older voters, according to exit polls reported by CNN and other "
            "networks. Exit polls suggest that older voters broke for the mayor.\n")
    assert _flagged(_audit(parser, text), "vague-attribution") == ["Exit polls"]


def test_a_share_of_voters_is_never_she(parser):
    from attribution.resolve import unnamed_share, load_people

    assert unnamed_share(load_people(), "a majority of voters")
    text = ("A majority of voters say the country is on the wrong track, a new poll found.\n\n"
            '"We are not insiders, and we take orders from no bank," she told reporters on Wednesday.\n')
    report = _audit(parser, text)
    told = [a for a in report.resolved.attributions if a.cue and report.source.text[a.cue.start:a.cue.end] == "told"]
    assert told and (told[0].speaker is None or report.resolved.speaker(told[0].speaker).anonymity is None)


def test_it_never_takes_up_unnamed_studies(parser):
    text = ("The 9,000 suspensions are far higher than previous studies have suggested - a report released "
            "by the Harmon Institute last year estimated that at least 4,000 accounts were used by the group.\n\n"
            "In a blog post on Friday, Kestrel said threats had long been against its terms of service. It "
            "added that it has worked with groups that counter extremist recruitment.\n")
    report = _audit(parser, text)
    assert _flagged(report, "vague-attribution") == ["previous studies"]


@pytest.mark.parametrize("sentence", [
    "While he's said he believes the port should stay public, the mayor has also praised the lease.",
    "It should be noted that two of the group's researchers later joined the campaign.",
])
def test_an_active_perfect_is_no_agentless_passive(parser, sentence):
    assert _flagged(_audit(parser, sentence + "\n"), "vague-attribution") == []
