"""vague-attribution and the anonymous/vague decision on realistic news wording (written for
these tests): a vague group or agentless hedge is flagged; a group whose members the sentence
names, evidence whose maker is said, insiders described after the source phrase, a source
that is the object of another verb, a question and a duty are not vague sources."""
from __future__ import annotations

import pytest

from ._audit import audit_text, flagged as _flagged

pytestmark = pytest.mark.stanza


def test_insiders_described_after_the_source_phrase_are_unnamed_individuals(parser):
    text = ("The Harlow paper mill will close in March, according to people familiar with the company's plans. "
            "The budget deal will pass by Friday, according to Democrats involved in the negotiations. "
            "Critics said the closure would empty the town.\n")
    report = audit_text(parser, text)
    assert _flagged(report, "vague-attribution") == ["Critics"]
    anon = _flagged(report, "anonymous-source")
    assert any(a.startswith("people") for a in anon) and any(a.startswith("Democrats") for a in anon)


def test_a_group_whose_members_are_named_beside_it_is_not_vague(parser):
    text = ("Several council members, including Ana Ruiz and Tom Bell, said the vote on the depot was rushed. "
            "Other economists, like Priya Shah of Kellner Bank, warned that rates would rise again in May. "
            "Ward and other security researchers say the flaw is easy to exploit. "
            "Some economists warned that the port would lose business.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["Some economists"]


def test_evidence_whose_maker_is_said_is_not_vague(parser):
    text = ("Three people died in the fire, according to a sheriff's department report filed with the court. "
            "A congressional report found that the agency had ignored the warnings for years. "
            "A 2024 study by researchers at Halden University projected that snowfall would fall by a quarter. "
            "A Marrow Financial Weekly poll of 20 economists found that most expected a rate cut.\n\n"
            "A recent study found that commuters lose an hour a week to the detour.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["A recent study"]


def test_a_source_that_is_the_object_of_another_verb_is_not_vague(parser):
    text = ("Mayor Lena Ortiz, who chairs the regional transit board, emailed supporters on Monday evening, "
            "telling them, \"We balanced this budget without a single layoff.\"\n\n"
            "Some residents said the new bus schedule left them stranded.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["Some residents"]


def test_a_duty_or_a_plan_hides_no_source(parser):
    text = ("Any lender that turns down a borrower because of a credit score, or asks the borrower to pay more "
            "than they otherwise would, is supposed to hand over the score it used. The governor landed in Reno "
            "for what was supposed to be a detailed speech on water rights. "
            "The minister is said to be furious about the leak.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["is said to"]


def _markdown(parser, text: str):
    return audit_text(parser, text, path="hearing.md", fmt="markdown")


def test_a_question_and_being_told_in_the_first_person_in_a_transcript(parser):
    text = ("# Hearing on the benefits portal\n\n"
            "The exchange that followed was among the tensest of the hearing:\n\n"
            "> **Marsh:** Did anyone tell you what the audit said?\n>\n"
            "> **Lind:** I was told there were open issues. I was told they were being fixed.\n\n"
            "Marsh said afterward that the agency had misled the committee. "
            "It was reported that the contractor had missed three deadlines.\n")
    assert _flagged(_markdown(parser, text), "vague-attribution") == ["reported"]


def test_a_vague_group_that_extract_left_without_an_attribution_is_still_flagged(parser):
    text = ("For 39 hours, seven senators kept up a filibuster aimed at killing a zoning bill that critics "
            "called a giveaway to developers.\n\n"
            "Anyone expecting the governor to change course should remember that social scientists say "
            "personality is stable after the age of 30. Economists at Harlow Bank say rates will rise in May. "
            "The plan would tax what economists call spending. Voters might blame the mayor for the delay.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["critics", "social scientists"]


def test_a_report_named_just_before_sources_reportedly_and_a_named_member_sources_the_polls(parser):
    text = ("Kasich has the best odds of beating Clinton in a general election, according to three recent polls, "
            "including one from Monmouth University released Thursday.\n\n"
            "She had been in Paris to check on her daughter's treatment there, according to the AP. "
            "Khoga was reportedly on that trip with several other family members.\n\n"
            "The minister reportedly plans to resign before the summer.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["reportedly"]


def test_criticism_with_its_weight_given_and_nobody_making_it_hides_the_source(parser):
    text = ("Hillary Clinton came under heavy criticism when it emerged in March that she had used a personal "
            "email account. He has fielded sharp criticism on security after two attacks in July. "
            "Mr. Reagan was criticized for trading a guilty person for an innocent one, even by conservatives like "
            "Representative Jack Kemp. The mayor faced sharp criticism from the teachers' union over the cuts.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["came under heavy criticism",
                                                                        "fielded sharp criticism"]


def test_a_group_that_comes_with_a_named_members_quotation_is_not_vague(parser):
    # the adjudicated guide: "some ..., then a named speaker" sources the claim to the person
    text = ("Some tenant organizers said they would ignore the new curfew on the square. "
            "\"We have marched here every Friday for a year,\" said Rosa Delgado, who leads the Eastside "
            "Tenants Union.\n\n"
            "Many parents said the new bus schedule leaves their children waiting in the dark. "
            "\"My son stands at the corner at 6:10,\" said Aaron Pike, a father of two.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == []


def test_a_group_answered_or_followed_by_another_voice_stays_vague(parser):
    text = ("Mayor Lena Ortiz signed the curfew on Monday. "
            "Critics said the new curfew on the square was meant to silence the tenant marches. "
            "\"That is simply not true,\" Ortiz said.\n\n"
            "Analysts say the company waited too long to cut prices. "
            "Ben Adebayo, an analyst at Crestline Securities, said the new forecast was overdue.\n\n"
            "Polls show the mayor trailing by 10 points. \"The race is not over,\" said Tom Bell, her campaign "
            "manager.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["Critics", "Analysts", "Polls"]


def test_a_quantifier_standing_alone_is_a_vague_source(parser):
    text = ("The council voted 5-2 to close the Elm Street library branch. Some accused the mayor of hiding "
            "the cost of the new stadium. Several have urged the board to reconsider before the summer.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["Some", "Several"]


def test_a_clause_after_a_comma_is_no_source_phrase(parser):
    text = ("For many nurses, teachers and bus drivers, the strike was a turning point, highlighting how little "
            "the district pays.\n\n"
            "As if the county had not already been caught hiding the audit, we are now being told that the "
            "budget is balanced.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == []


def test_unnamed_organisations_and_agentless_reactions_are_vague(parser):
    text = ("The city's new zoning rules take effect on Monday. "
            "Tenant groups say the new rules will push families out of the Eastside.\n\n"
            "The roads department faces continued backlash over the no-bid paving contracts. "
            "Questions linger about who approved the payments.\n\n"
            "The city council will vote on the rules in June.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == [
        "Tenant groups", "continued backlash", "Questions linger"]


def test_reportedly_with_the_report_named_in_the_next_sentence_is_sourced(parser):
    text = ("The council approved the stadium lease on Tuesday.\n\n"
            "The police chief will reportedly retire in June. The council meets again on Thursday.\n\n"
            "The mayor will reportedly announce her budget on Monday. According to the mayor's office, the "
            "speech will be held at City Hall.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["reportedly"]
    report = audit_text(parser, text)
    src = report.source.text
    assert [f.start for f in report.findings if f.rule == "vague-attribution"] == [src.index("reportedly retire")]


def test_a_share_of_unnamed_polls_is_a_vague_source(parser):
    text = ("The governor remains popular despite the recession, with support above 60 percent in some polls. "
            "The budget passed on Friday.\n\n"
            "Harris still leads many Democratic polls, though her lead has narrowed. She is also ahead in "
            "national polls.\n\n"
            "Ortiz trails in most polls. A Tribune poll released Sunday showed her 8 points behind.\n")
    # one named poll after "most polls" is not most of them (resolve's evidence_named)
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["some polls", "many Democratic polls",
                                                                       "most polls"]


def test_unnamed_polls_opening_a_sentence(parser):
    text = ("In some polls, the incumbent trails by double digits. The council meets on Tuesday.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["some polls"]


def test_a_by_phrase_past_the_hedges_clause_names_no_holder(parser):
    text = ("The vendor blamed a staffer for the error. The party committee, which is seen as politically aligned "
            "with the mayor, responded by abruptly blocking the challenger's access to the voter data. "
            "The chief was accused of fraud by county prosecutors.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["is seen as"]


def test_a_holder_whose_name_ends_like_an_adverb_or_a_gerund_is_named(parser):
    # "-ly" and "-ing" mark a manner ("by abruptly blocking"), never a capitalised name
    text = ("The port plan has drawn criticism from Beijing and from shipping firms. "
            "The senator was accused of hypocrisy by Kelly Ayotte, her Republican rival. "
            "The governor has faced criticism for the delay.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["faced criticism"]


def test_a_demonstrations_demand_is_an_event_not_a_source(parser):
    text = ("About 300 people joined the march to the county jail on Saturday. Activists staged a brief sit-in "
            "at the gate, demanding that the sheriff release the video.\n\n"
            "The county approved the jail budget on Tuesday. Activists said the sheriff should release the video.\n")
    report = audit_text(parser, text)
    assert [f.start for f in report.findings if f.rule == "vague-attribution"] == [text.index("Activists said")]


def test_a_named_source_of_the_next_sentences_own_figures_does_not_source_reportedly(parser):
    text = ("The council approved the stadium lease on Tuesday.\n\n"
            "Ortiz has been courting delegates, reportedly winning over a dozen of Bell's supporters. Bell has "
            "won 758 delegates, compared to Ortiz's 538, according to a Tribune tally.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["reportedly"]


def test_a_member_quoted_earlier_whose_words_open_the_next_sentence_takes_the_claim(parser):
    text = ("Dana Whitcomb, a retired harbor pilot, said the channel had silted up faster than anyone expected. "
            "\"We used to clear it every ten years,\" Whitcomb said.\n\n"
            "The city last dredged the channel in 2009, at a cost of $4 million.\n\n"
            "The dredging contract may be the mayor's hardest sell this spring, several pilots said. "
            "\"Nobody on the water trusts the cost estimate,\" Whitcomb said.\n\n"
            "Mayor Ruth Okafor has defended the contract for months. Critics say Okafor hid the cost overruns. "
            "\"There was nothing hidden,\" Okafor said.\n")
    # the member's words open the next sentence: his claim; the mayor answering her critics is no member
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["Critics"]


def test_an_expectation_is_a_belief_not_a_source(parser):
    text = ("The central bank is widely expected to raise rates in June. "
            "The governor is widely believed to have opposed the merger.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["widely believed"]


def test_unnamed_polls_in_a_subordinate_clause_are_a_vague_source(parser):
    text = ("The senator has sharpened her attacks on the governor as polls show the race tightening in the suburbs. "
            "She spoke at a diner in Millbrook on Saturday.\n\n"
            "With recent polls showing her ahead, the governor plans a bus tour. "
            "A Harwell University poll released Monday put him six points ahead.\n\n"
            "The governor has not released the polls that show him leading.\n")
    # the second is named in the next sentence; "the polls" are the ones the story spoke of
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["polls"]


def test_the_hearers_of_a_passive_cue_and_a_criticism_still_to_come_are_no_source(parser):
    text = ("According to the recently released company playbook, his salespersons were told, \"You sell "
            "feelings, not products.\" The mayor could face criticism from many residents if the pool closes. "
            "The chain has been accused of misleading buyers.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["has been accused of"]


def test_reportedly_two_sentences_after_the_named_report_is_that_report(parser):
    text = ("The councilman sent the photos to a former campaign volunteer, the Harbor Ledger reported on Sunday. "
            "Two of the photos were taken in his office. The volunteer has reportedly kept copies of every message. "
            "The councilman will reportedly resign on Monday.\n")
    # the third sentence is two on from the Ledger's report; the fourth is too far to be sure
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["reportedly"]


def test_a_person_coordinated_right_before_the_group_names_a_member(parser):
    text = ("Marc Elias, the campaign lawyer, has asked the court to intervene. But he and election-law experts "
            "agree it will be difficult to win five justices. Mayor Lena Ortiz and critics of the plan say it will "
            "cost too much. Investors and analysts say the merger is doomed.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["Investors and analysts"]


def test_polls_a_pollster_or_a_determiner_owns_are_not_unnamed_polls(parser):
    # "polls show" needs no source of its own when a name or "the"/"its" owns them, with
    # modifiers between ("the recent polls", "Gallup polls have found"): the pattern's
    # lookbehinds saw only the word before "polls"; bare polls still are a vague source
    text = ("Turnout could be low, and Gallup polls have found enthusiasm lagging. "
            "Quinnipiac surveys found the two candidates tied in the suburbs. "
            "The senator has sharpened her attacks on the governor as polls show the race tightening.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["polls"]


def test_an_agentless_passive_of_criticism_with_its_reason_hides_the_critic(parser):
    text = ("Councilman Ray Dunn voted against the transit levy in 2019. He was lambasted as a hypocrite "
            "when he asked for a new bus line in his ward. The housing agency was slammed for its slow "
            "response to the flooding.\n\n"
            "The parks director was criticized by the mayor for the closures. "
            "The plan could be faulted for its cost. "
            "A night guard was attacked in the parking garage on Sunday.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["was lambasted", "was slammed"]


def test_a_view_held_in_general_and_talk_with_no_holder_hide_the_source(parser):
    text = ("The county's flood maps were redrawn in 2021. The new maps are generally considered the most "
            "accurate in the state. There has been a lot of talk about moving the water plant uphill.\n\n"
            "The county engineer, Mara Voss, said the maps would be updated again next year.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["generally considered",
                                                                        "There has been a lot of talk"]


def test_unnamed_investigations_are_vague_and_a_named_makers_are_not(parser):
    text = ("The city paid $2 million to Harlow Paving last year. Investigations have revealed that the "
            "contracts were awarded without bids.\n\n"
            "An investigation by the state auditor said the agency kept no records.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["Investigations"]
    text = ("The city paid $2 million to Harlow Paving last year. An FBI investigation found that the "
            "payments were made through a shell company.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == []


def test_a_vague_source_a_named_speaker_cites_is_flagged_and_his_own_hedge_is_not(parser):
    # the adjudicated guide: an unnamed source cited by a named speaker is labelled
    text = ("Councilwoman Dana Ruiz defended her vote on the stadium deal on Monday. "
            "\"Some have said that I should have recused myself, but I owned no stake in it,\" Ruiz said.\n\n"
            "Police Chief Tom Hale said the man had allegedly broken into three homes.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["Some have said"]


def test_analyses_that_estimate_in_a_relative_clause_are_a_vague_source(parser):
    text = ("The costliest is the plan of Senator Jo Reyes, which nonpartisan analyses have estimated to cost "
            "about $3 trillion over 10 years.\n")
    assert _flagged(audit_text(parser, text), "vague-attribution") == ["nonpartisan analyses"]
