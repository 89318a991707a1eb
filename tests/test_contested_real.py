"""contested-claim and one-sided on real wording (parsed by the shipped model): what a
rejection takes, what is a claim, and what is only a difference of opinion.  The texts are
written for these tests in the manner of wire and local copy."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.stanza


def _findings(parser, text: str, rule: str):
    from attribution.audit import audit_source
    from attribution.check import all_rules
    from attribution.config import Config
    from attribution.load import load_text

    config = Config(select=tuple(r.id for r in all_rules()))
    report = audit_source(load_text(text, path="story.txt", fmt="text"), parser, config=config)
    src = report.source.text
    by_id = {a.id: a for a in report.resolved.attributions}
    return [(f, [src[by_id[a].cue.start:by_id[a].cue.end] for a in f.attributions if by_id[a].cue])
            for f in report.findings if f.rule == rule]


@pytest.mark.parametrize("text", [
    # a deny-class cue whose object is an offer, a person or an endorsement: nothing said is rejected
    "Mayor Dana Pruitt said the city would pay half the cost of the new stadium.\n\n"
    "Team owner Rick Vance rejected the mayor's offer to pay half the cost of the new stadium.\n",
    "Senator Hal Ostrow said the committee would hold confirmation hearings for the judge in March.\n\n"
    "Committee chairman Lou Brandt denied Judge Ana Ruiz a confirmation hearing in March.\n",
    # an attributive "false" that rejects no claim
    "Councilwoman Mira Shah said the two budgets could not be compared.\n\n"
    "Councilman Ted Obi said that comparing them was a false equivalency.\n",
    # opposite opinions about what ought to happen
    "Parent Ruth Kline said the district should keep the Elm Street school open next year.\n\n"
    "Superintendent Carl Diaz said the district should not keep the Elm Street school open next year.\n",
])
def test_no_dispute_over_a_fact(parser, text):
    assert _findings(parser, text, "contested-claim") == []


def test_a_contrast_is_not_a_negation(parser):
    text = ("Governor Ellen Park said the state would admit refugees from Syria and Iraq this year.\n\n"
            "Senator Joe Lund said the state would admit refugees from Syria but not Iraq this year.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_dismissed_rumors_is_a_rejection(parser):
    text = ("A local radio host said the plant would close by the end of the year and move its "
            "jobs to Mexico.\n\n"
            "Company spokeswoman Lena Marsh dismissed the rumors on Friday.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1
    assert found[0][1] == ["said", "dismissed"]


def test_a_rejection_that_reports_the_claim_it_rejects(parser):
    # the claim is a noun phrase inside the rejection, held by a party that says nothing else
    text = ("The state university defended its journalism school on Thursday.\n\n"
            "The university rebutted Harwell Energy's accusation that articles written by its "
            "students were inaccurate and misleading.\n\n"
            "The dean, Ruth Amsel, also disputed accusations by Harwell Energy that the students "
            "had ignored the company's data.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1   # one dispute, both rejections listed
    f, cues = found[0]
    assert [c.split()[-1] for c in cues] == ["rebutted", "disputed"]
    assert "Harwell Energy" in f.message


def test_no_evidence_that_compares_only_the_rejected_statement(parser):
    text = ("A congressional report said Russian hackers had broken into the state election "
            "board's computers in 2016 and stolen voter records.\n\n"
            "Paul Neary, a security researcher who reviewed the report, said he had not seen any "
            "evidence in it that Russian hackers had stolen voter records.\n")
    found = _findings(parser, text, "contested-claim")
    assert [cues for _, cues in found] == [["said", "said"]]


def test_one_sided_needs_a_charge_not_criticism(parser):
    text = ("Governor Lee Pratt blamed the legislature for the late budget on Monday.\n\n"
            "Senator Amy Cole criticized the Harbor Authority's spending plan.\n")
    assert _findings(parser, text, "one-sided") == []


def test_one_sided_object_is_the_party(parser):
    # "accused the audience, which ... the Republican National Committee, of ...": the
    # committee is not the accused; the audience is no identified party
    text = ("Donald Trump accused the audience, which was selected by the Republican National "
            "Committee, of booing him on purpose.\n")
    assert _findings(parser, text, "one-sided") == []


def test_a_spokesman_for_the_accused_answers(parser):
    text = ("Washington has accused China of hacking computers at a range of federal agencies.\n\n"
            "Chinese Foreign Ministry spokesman Lu Wen told reporters that China opposed "
            "hacking in all its forms.\n")
    assert _findings(parser, text, "one-sided") == []


def test_one_sided_charge_with_no_reply(parser):
    text = ("The county sheriff accused the Harbor Authority of hiding overtime payments from "
            "auditors for three years.\n\n"
            "The authority's board meets again in March.\n")
    found = _findings(parser, text, "one-sided")
    assert len(found) == 1 and "Harbor Authority" in found[0][0].message


def test_said_that_someones_account_was_false(parser):
    text = ("The network pushed back on Monday.\n\n"
            "A spokeswoman for the network, Dana Hill, said that Senator Ray Kolb's description of "
            "its election-night coverage was false.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1 and "Ray Kolb" in found[0][0].message


def test_dismissing_a_report_is_not_calling_it_untrue(parser):
    text = ("Governor Ann Marlow dismissed a report in the Ledger that her chief of staff would "
            "leave in the spring, saying she was focused on the budget.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_accused_her_names_the_one_woman_named_before(parser):
    text = ("Councilman Pete Arroyo criticized Mayor Linda Haskell on Tuesday and accused her of "
            "steering a paving contract to her brother-in-law's company.\n\n"
            "The council will vote on the contract next week.\n")
    found = _findings(parser, text, "one-sided")
    assert len(found) == 1 and "Linda Haskell" in found[0][0].message


def test_accused_her_with_two_women_named_is_not_guessed(parser):
    text = ("Councilwoman Rita Vance said Mayor Linda Haskell had ignored the audit and accused "
            "her of steering a paving contract to a relative.\n")
    assert _findings(parser, text, "one-sided") == []


@pytest.mark.parametrize("text", [
    # a demonstrative with a noun that is no claim: the dates offered, not something said
    "The challenger's campaign accused the senator of ducking debates all summer.\n\n"
    "The campaign then proposed four evenings in October. Senator Ruth Oakes rejected those dates.\n",
    # "favored by ... that": a participle, not a claim's holder
    "Voters in the province rejected a pipeline plan favored by the two largest parties that "
    "would have crossed three rivers.\n",
])
def test_rejecting_what_is_not_a_claim(parser, text):
    assert _findings(parser, text, "contested-claim") == []


def test_called_the_report_a_lie_and_said(parser):
    # "called the report a lie" is a rejection of its own, and the coordinated "said" joins it
    text = ("The Tribune reported on Sunday that the county jail had released 40 inmates early "
            "to save money.\n\n"
            "Sheriff Dale Irwin called the report a lie and said no inmate had been released early.\n")
    found = _findings(parser, text, "contested-claim")
    assert [cues for _, cues in found] == [["reported", "called", "said"]]


@pytest.mark.parametrize("text", [
    # passive: the source is the one charged, not an accuser
    "Daniel Ortiz was charged in March with assault after a fight outside a bar in Fayetteville.\n",
    # the party is the subject of what is charged, not any name in it
    "Critics charged that the hearing failed to add anything new about the Sept. 11 attacks.\n",
    # "him" with two men named before: no guess
    "Mrs. Clinton, answering Mr. Trump's remark about her loss to Barack Obama, accused him of "
    "sexism.\n",
])
def test_one_sided_needs_a_party_it_can_name(parser, text):
    assert _findings(parser, text, "one-sided") == []


def test_dispute_coordinated_after_said_is_found(parser):
    """"X said A, and disputed B's figure": the second cue is X's, and it answers B."""
    text = ("Councilman Mark Dorsey said Tuesday that the city had spent $4 million on consultants "
            "without a vote of the council.\n\n"
            "Mayor Ellen Park said the contracts had been approved in public session, and disputed "
            "Dorsey's figure, saying the total was closer to $1.2 million.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1
    f, cues = found[0]
    assert "Dorsey" in f.message and "Ellen Park" in f.message and "disputed" in cues


def test_a_supposed_error_is_no_rejection(parser):
    """"If the numbers are wrong, we fix them" supposes; it does not reject what was said."""
    text = ("Auditor Lena Delgado said the police department paid $9.6 million in overtime last "
            "year.\n\n"
            "\"If the numbers are wrong, we fix them. If they are right, we need to know why,\" Mayor "
            "Tom Becker said.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_a_rejection_that_states_its_claim_is_not_tied_to_the_statement_before(parser):
    """"rejected claims that it had misled investors" says what it rejects: the unrelated
    statement before it is not the claim."""
    text = ("The defense minister, Arvid Lund, said the talks with the rebels had collapsed on "
            "Sunday.\n\n"
            "Norcap Energy rejected claims that it had misled investors about its debt.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_that_s_untrue_answers_the_statement_before(parser):
    """A contraction ("that’s untrue") refers back as "that is untrue" does."""
    text = ("Councilman Mark Dorsey said the city had published every consultant contract online, "
            "but two audits by the state comptroller found that’s untrue.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1 and "Dorsey" in found[0][0].message


def test_claim_rejected_in_a_relative_clause(parser):
    """"X said A, a claim that Y disputes": Y rejects what X said."""
    text = ("Mayor Ellen Park said the new contract would save the city $2 million, a claim that "
            "the council's budget office disputes.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1
    f, cues = found[0]
    assert "Ellen Park" in f.message and "budget office" in f.message and cues == ["said", "disputes"]


def test_rejecting_a_proposal_is_no_dispute(parser):
    """A proposal is no claim of fact: "rejected the idea" answers it, and disputes nothing."""
    text = ("Mayor Ellen Park proposed a public debate on the evening of April 4.\n\n"
            "Councilman Mark Dorsey rejected the idea, saying the council meets that night.\n")
    assert _findings(parser, text, "contested-claim") == []


_TRIAL = ("The embezzlement trial of a former Riverside Little League treasurer opened Tuesday in "
          "Marion County Circuit Court.\n\n"
          "District Attorney Paul Grady told jurors that Dana Whitfield, 44, wrote 83 checks to "
          "herself from the league's account between 2017 and 2023.\n\n"
          "Whitfield has pleaded not guilty. She testified on Wednesday that the league's board had "
          "approved every payment she made.\n\n")


def test_a_rejection_naming_the_prosecution_answers_the_prosecutor(parser):
    """"disputed the prosecution's account": the district attorney's claim, not the
    defendant's own testimony just before it (her lawyer does not dispute her)."""
    text = _TRIAL + ("Her attorney, Lisa Moreno, disputed the prosecution's account, saying the "
                     "checks paid for equipment and field rentals.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1
    f, cues = found[0]
    assert cues == ["told", "disputed"]
    assert f.message.startswith("Paul Grady told")   # "District Attorney" is his title, not his name


def test_a_lawyer_does_not_dispute_the_client_he_speaks_for(parser):
    """"Lisa Moreno, a lawyer for Whitfield, disputed that account": the account just before
    is her client's; rather no finding than a lawyer disputing her own client."""
    text = _TRIAL + ("Lisa Moreno, a lawyer for Whitfield, disputed that account, saying the "
                     "checks paid for equipment and field rentals.\n")
    found = _findings(parser, text, "contested-claim")
    assert all("testified" not in cues for _, cues in found)


def test_a_rejection_naming_the_agency_answers_the_agency(parser):
    text = ("The state Department of Transportation said Tuesday that 212 bridges in Carver County "
            "were rated in poor condition last year.\n\n"
            "Mayor Tom Bell said the city had repaired four of its own bridges since 2021 and would "
            "ask the legislature for more money.\n\n"
            "Ray Dunn, an engineer who inspects bridges for the city, disputed the department's "
            "figures, saying most of the bridges on the list had been repaired since the last "
            "inspection.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1
    f, cues = found[0]
    assert "Department of Transportation" in f.message and "Tom Bell" not in f.message


@pytest.mark.parametrize("text", [
    # a view set aside, its holder unnamed: "concerns", "the notion", "the label"
    "Already, 40 of the county's 61 delegates have said they support Mayor Ortiz.\n\n"
    "Delegate Ruth Amos dismissed concerns that she is ignoring the voters of her district by "
    "supporting Ortiz even though his rival won there.\n",
    "Councilman Ray Dunn said the transit bill would give the city more say over bus routes.\n\n"
    "Council President Lena Hart also rejected the notion that members could walk away from the "
    "bill over the route dispute.\n",
    # "dismissed X as Y": a characterisation, not a claim called untrue
    "Governor Pat Lorne said on Monday that he would campaign for the party's Senate candidates "
    "this fall.\n\nThe challenger has spent months dismissing them as part of a tired old guard.\n",
    # moral "wrong" and a verb "made up" reject no claim
    "Pastor Eli Mays said the new zoning rule would close two shelters on the east side.\n\n"
    "\"Policies that punish people for being poor are wrong,\" said Councilwoman Ana Reyes, who "
    "said the three groups that made up the coalition would fight the rule.\n",
])
def test_a_view_set_aside_is_no_dispute(parser, text):
    assert _findings(parser, text, "contested-claim") == []


def test_a_denial_does_not_answer_mere_criticism(parser):
    # criticism of the senator is no charge his next rejection answers: he rejects rumours
    # nobody in the story voiced
    text = ("The Harbor League strongly denounced Senator Paul Wexler's rhetoric on Tuesday and said "
            "it would return his donations.\n\n"
            "Speaking to the chamber of commerce, Wexler rejected rumors that the governor might "
            "veto the port bill.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_a_charge_is_answered_by_the_accused_named_as_its_object(parser):
    # the denier is the accused: the object of "accused", even when a second party follows
    # with "and"
    text = ("At a news conference, campaign chairman Tom Reilly accused the press and the Hale "
            "campaign of distorting the senator's remarks.\n\n"
            "\"Nice try, not true,\" Hale spokeswoman Dora Lutz said in a post on social media.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1 and sorted(c.split()[0] for c in found[0][1]) == ["accused", "said"]



def test_a_campaign_and_its_candidate_are_one_side(parser):
    text = ("In the days after the scuffle, Mayor Joan Petrie's campaign said it believed the "
            "reporter was pushed by another man in the mayor's entourage.\n\n"
            "Asked about it later, Petrie told a radio host that she believed the reporter had "
            "fabricated the story.\n")
    assert _findings(parser, text, "contested-claim") == []


@pytest.mark.parametrize("answer", [
    "The company's chief executive, Dale Orr, denied it.",
    "Orr denied that.",
    "Orr called the claim a lie.",
    "Orr called it a fabrication and said every warning had been answered.",
    "A company spokesman, Ned Falk, said the inspectors' account was inaccurate.",
])
def test_a_short_answer_rejects_the_claim_before_it(parser, answer):
    text = ("Mine safety questioned\n\n"
            "State inspectors said the Redstone Mining Co. had ignored 14 safety warnings last year.\n\n"
            f"{answer}\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1 and found[0][1][0] == "said"


def test_pushed_back_saying_answers_the_charge(parser):
    text = ("Hospital merger draws fire\n\n"
            "Nurses union president Tom Hale accused Mercy Health of cutting night staff by a third "
            "since the merger.\n\n"
            "Mercy Health pushed back, saying night staffing had risen by 5 percent.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1 and [c.split()[0] for c in found[0][1]] == ["accused", "saying"]


def test_a_retort_that_echoes_is_no_dispute(parser):
    text = ("Debate night\n\n"
            "\"There is a special place in the bleachers for fans who never stand up,\" the coach "
            "said, quoting a line from his old mentor.\n\n"
            "\"There is a special place in the bleachers for coaches who never win,\" a heckler "
            "retorted.\n")
    assert _findings(parser, text, "contested-claim") == []


@pytest.mark.parametrize("text", [
    # the one blamed follows "on"
    "Warehouse fire\n\nFire officials blamed the blaze on the owner of the warehouse, Carl Mott.\n\n"
    "Mott denied it.\n",
    # a characterisation of what was said is a claim, not a view
    "Union vote\n\nOrganizers said the company had threatened workers who attended union "
    "meetings.\n\nCompany spokesman Bill Ortiz rejected the characterization, saying no worker "
    "had been threatened.\n",
    # "was false" said of a claim that itself denies something
    "Tax fight\n\nCandidate Joe Brill said the company never paid state taxes in 2019.\n\n"
    "The company's chief financial officer, Amy Lund, said Brill's claim that it never paid state "
    "taxes in 2019 was false.\n",
])
def test_denials_of_charges_and_characterizations(parser, text):
    assert len(_findings(parser, text, "contested-claim")) == 1


@pytest.mark.parametrize("text, cues", [
    ("Police Chief Dan Holt said officers found no sign of tampering at the plant. Residents who "
     "attended the meeting said they had seen workers dumping chemicals at night, a claim Holt "
     "rejected.\n", ["said", "rejected"]),
    ("The union said the company had cut safety inspections in half, a charge that the company "
     "denies.\n", ["said", "denies"]),
])
def test_a_claim_noun_after_the_claim_names_its_rejection(parser, text, cues):
    # ", a claim Holt rejected" with or without a relative word: the rejection is Holt's, the
    # claim ends at the comma and keeps its own speaker
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    f, got = found[0]
    assert [c.split()[-1] for c in got] == cues


def test_a_rejection_in_a_relative_clause_with_a_perfect_verb(parser):
    text = ("The mayor's office says the new shelter will open in March, a claim that "
            "neighborhood groups have disputed.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert [c.split()[-1] for c in found[0][1]] == ["says", "disputed"]


def test_figures_named_for_an_agency_are_the_agencys_word(parser):
    text = ("Gov. Dan Hollis claimed the state had created 40,000 jobs last year. Labor Department "
            "figures show the state added about 12,000.\n")
    assert _findings(parser, text, "vague-attribution") == []


@pytest.mark.parametrize("text, cues", [
    # a deny verb with a pointer for its object before the participle the parse takes for the cue
    ("Headline: Players dispute coach's account\n\n"
     "The coach said his players had never been told to skip classes during the season.\n\n"
     "Two former players dispute that, saying assistants routinely excused them from afternoon "
     "lectures.\n", ["said", "saying"]),
    # a pointer straight after the deny verb, with a participle clause after it
    ("Headline: Strikes hit city's edge\n\n"
     "The ministry said its aircraft had struck only military targets near the city.\n\n"
     "Local doctors disputed that, saying most of the wounded they treated were women and "
     "children.\n", ["said", "disputed"]),
    # a rebuttal verb whose own object points back at the claim
    ("Headline: Union and hospital clash over staffing\n\n"
     "The union said the hospital had cut nursing staff on its cardiac floor by a third since "
     "January.\n\n"
     "Hospital officials pushed back on that figure, saying staffing on the floor was unchanged.\n",
     ["said", "saying"]),
    # "contradicted her": the one woman named before
    ("Headline: Crime figures at issue in mayor's race\n\n"
     "The mayor's challenger, Joan Fields, has said repeatedly that crime rose 20 percent during "
     "his term.\n\n"
     "Police Chief Omar Grant contradicted her, saying the department's figures show a decline of "
     "4 percent.\n", ["has said", "contradicted"]),
    # the denial of an act stated just before
    ("Headline: Treasurer charged in theft\n\n"
     "Prosecutors said treasurer Lena Ortiz took the money from the club's account in March.\n\n"
     "Ortiz denied taking the money.\n", ["said", "denied"]),
    # a plain denial by the party a statement just before is about
    ("Headline: Former executive charged in collapse\n\n"
     "Prosecutors said Karl Jensen wired the money to an account in Cyprus days before the "
     "company collapsed.\n\n"
     "Jensen has denied wrongdoing and pleaded not guilty.\n", ["said", "has denied"]),
])
def test_a_rejection_that_points_back_in_other_words(parser, text, cues):
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == cues


@pytest.mark.parametrize("text", [
    # the party a statement is about speaks, but denies nothing: no dispute
    "Headline: Jensen to testify\n\n"
    "Prosecutors said Karl Jensen wired the money to an account in Cyprus.\n\n"
    "Jensen said he would testify next week.\n",
    # a deny verb before the participle whose object is an offer, not a claim
    "Headline: Council turns down housing deal\n\n"
    "Developer Sam Reyes said his company would build 200 affordable units on the Elm Street "
    "lot.\n\n"
    "The council rejected the offer, saying the lot was needed for a park.\n",
])
def test_no_rejection_without_a_claim_to_point_back_at(parser, text):
    assert _findings(parser, text, "contested-claim") == []


def test_a_description_names_the_accused_again(parser):
    # "The militia" is the head of "the breakaway region's militia" the ministry accused
    text = ("Headline: Shelling kills nine in border town\n\n"
            "The Interior Ministry accused the breakaway region's militia of shelling the bus "
            "station on Monday.\n\n"
            "\"Nobody else has guns that size,\" ministry spokesman Ivo Marek said.\n\n"
            "The militia denied any role.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["accused", "denied"]


def test_a_bare_pointer_answers_the_nearer_statement(parser):
    # "dismissed that" points at the party leaders' worry just before it, not at the older
    # accusation against the same man
    text = ("Headline: Tight race in the river counties\n\n"
            "Carla Diaz has accused Sen. Tom Wexler of skipping votes on flood relief.\n\n"
            "Senate records show Wexler missed six of those votes.\n\n"
            "Some party leaders say privately that Wexler has been slow to campaign in the "
            "river towns.\n\n"
            "Wexler dismissed that. \"I know where the voters are,\" he told reporters.\n")
    found = _findings(parser, text, "contested-claim")
    assert [f for f, cues in found if "dismissed" in cues and "has accused" in cues] == [], found


def test_a_pointer_after_the_claimant_goes_on(parser):
    # the claimant's own next sentence does not stand between the claim and "rejected that"
    text = ("Headline: Senator presses agency on delays\n\n"
            "Sen. Rosa Imbert said afterward that the agency had misled Congress about the "
            "project's schedule. \"They told us everything was on track,\" she said.\n\n"
            "Agency director Paul Kent rejected that. He said the agency had reported every "
            "delay.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1][-1] == "rejected"


@pytest.mark.parametrize("text", [
    # a refusal to comment about the accused party, by another party, is not its response
    "Headline: Talks stall over cod quota\n\n"
    "Minister Ines Dahl accused Korva Shipping of falsifying cargo manifests to hide smuggled "
    "fuel.\n\n"
    "She spoke after a meeting in Oslo. The talks resume next week.\n\n"
    "A spokesman for the port authority said the inspections would continue. He would not "
    "comment on the accusations against Korva.\n",
    # a word of the company's name used as a common noun names another party
    "Headline: Talks stall over cod quota\n\n"
    "Minister Ines Dahl accused Korva Shipping of falsifying cargo manifests to hide smuggled "
    "fuel.\n\n"
    "She spoke after a meeting in Oslo. The talks resume next week.\n\n"
    "The country's shipping commissioner, Lars Holm, said the new rules would take effect in "
    "May.\n",
])
def test_one_sided_when_only_others_speak(parser, text):
    found = _findings(parser, text, "one-sided")
    assert len(found) == 1, found


def test_the_company_is_not_the_groups_described_before(parser):
    # a bare "the company" does not name again "environmental groups" (another generic head,
    # a description in lower case): it was their speaker, and the denial their own
    text = ("Headline: Groups say plant fouled river\n\n"
            "Environmental groups said the plant released ammonia into the river on at least "
            "four occasions in August.\n\n"
            "The company denied the allegations. In a statement, it said its monitoring "
            "equipment had recorded no release.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert "environmental groups said" in found[0][0].message
    assert "the company denied" in found[0][0].message


@pytest.mark.parametrize("text", [
    # a rebuttal "in a statement" points at nothing: embracing the remark is no denial of it
    "Headline: Candidates spar over the housing crash\n\n"
    "\"He said he hoped the market would crash,\" Sen. Ruth Blake told union workers in Fresno.\n\n"
    "Mayor Tom Hardy shot back in a statement, saying he had made money in down markets.\n",
    # "pushed back against accusations of ...": the accusation is named, not pointed back to an
    # unrelated earlier statement (here a relative's praise)
    "Headline: Family members make the case\n\n"
    "At a rally in the spring, his wife described Hardy as kind and generous.\n\n"
    "His daughter, Ella Hardy, has pushed back against accusations of sexism against her father, "
    "saying he promoted women throughout his companies.\n",
    # a denial is no answer to a statement made after it
    "Headline: Leaders meet in Ottawa\n\n"
    "The three leaders took turns rebutting the candidate's proposals on trade.\n\n"
    "Hours later, Hardy was in Maine, promising to take the United States out of the trade pact.\n",
])
def test_a_rebuttal_without_a_pointer_to_a_claim(parser, text):
    assert _findings(parser, text, "contested-claim") == []


def test_pushed_back_on_those_claims(parser):
    text = ("Headline: Rivals clash on immigration\n\n"
            "Sen. Ruth Blake said Sen. Tom Hardy had opposed every border security amendment to the "
            "bill.\n\n"
            "Hardy pushed back on those claims Thursday, saying the bill already had strong "
            "security provisions.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    # the parse makes "pushed" (its particle "back" left out) a cue of its own: Hardy's rebuttal
    # too, on the same side of the one finding
    assert found[0][1] == ["said", "pushed", "saying"]


def test_a_report_called_misleading(parser):
    text = ("Headline: Report questions mayor's meetings\n\n"
            "The Herald reported that half of the people the mayor met in her first year had "
            "given money to her campaign.\n\n"
            "Mayor's spokesman Dan Ruiz said the Herald report was misleading because it left out "
            "hundreds of meetings with residents.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["reported", "said"]


def test_misleading_as_an_attribute_rejects_nothing(parser):
    text = ("Headline: Ad war heats up\n\n"
            "Sen. Ruth Blake said her campaign would spend $2 million on television ads in "
            "October.\n\n"
            "Her opponent, Tom Hardy, said voters were tired of misleading ads from both "
            "parties.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_said_in_a_statement_points_back_at_nothing(parser):
    # "in a September statement" is where the firm spoke; its "false stories" are the press's,
    # not the claim its former employee made years before
    text = ("Headline: Former congressman loses another job\n\n"
            "In 2011, Rep. Dan Kell blamed the posts on hackers but later admitted sending them.\n\n"
            "\"The constant noise has caused Dan and our team to deal with many insulting and "
            "false stories,\" the firm Harlow Group said in a September statement.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_a_fact_checker_rating_a_claim_false(parser):
    # a verdict cue ("deemed", "ruled") is filed under cognition, but with "false" in what it
    # takes it rejects the claim it points back at; the reason ("because ... Ward") names no holder
    text = ("Headline: Senate race turns to jobs\n\n"
            "State Sen. Lydia Marsh said at a debate on Tuesday that her opponent's company had "
            "moved 400 jobs to Mexico.\n\n"
            "The fact-checking site PolitiFact deemed that statement false because the company "
            "founded by Dan Ward never had a plant in Mexico.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["said", "deemed"]


def test_a_quotation_going_on_from_an_opinion_to_a_fact_is_a_claim(parser):
    # the first sentence says what ought to be, the second states a fact: the quotation is a
    # claim, and the chief calling it untrue disputes it
    text = ("Headline: Mayor's crime claim disputed\n\n"
            "\"We need to put more officers on the street,\" Mayor Carl Hobbs said on Monday. "
            "\"Burglaries in this city doubled last year.\"\n\n"
            "\"That is not true,\" Police Chief Dana Lowe said. \"Burglaries fell by 8 percent "
            "last year.\"\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["said", "said"]


def test_a_boldfaced_lie_in_quotation_marks(parser):
    # 'a "boldfaced lie"': a quotation mark inside the rejection phrase
    text = ("Headline: Candidate attacks newspaper\n\n"
            "The Ledger reported on Friday that Rep. Anna Dorsey had never served in the Navy "
            "reserve.\n\n"
            "Dorsey called the report a \"boldfaced lie\" on Saturday.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["reported", "called"]


def test_rejecting_a_partys_claim_answers_what_it_said_last(parser):
    # "rejected Vance's claim": the claim Vance made just before (that the parents were wrong),
    # not only an older charge of his ("blamed the flooding on ...")
    text = ("Headline: Flood dispute returns\n\n"
            "After the flood, Superintendent Roy Vance blamed the damage on a contractor who "
            "had left a drain blocked.\n\n"
            "Last week, Vance said parents were wrong in their recollection that he had "
            "promised to close the school.\n\n"
            "Parent Alma Reyes rejected Vance's claim. \"He stood in the gym and told us it "
            "would close,\" she said.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert "said" in found[0][1] and "rejected" in found[0][1]


def test_deny_him_a_path_is_no_rejection(parser):
    # "to deny him even that path": to refuse him something, not to call his words untrue
    text = ("Headline: Race tightens\n\n"
            "\"We have a path to victory,\" campaign manager Jeff Wade said on Tuesday.\n\n"
            "The rival campaign is already working to deny him even that long-shot path by "
            "opening offices in every state.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_a_description_tied_to_no_one_does_not_dispute_a_person(parser):
    # "The candidate" may be the very man whose words it would dispute: no link
    text = ("Headline: Candidate defends biography\n\n"
            "Ben Corliss said he had been offered a full scholarship to the Naval Academy.\n\n"
            "The candidate also continued to refute a story about the scholarship offer on "
            "Sunday.\n")
    assert _findings(parser, text, "contested-claim") == []


def test_a_rejection_naming_a_person_after_a_title(parser):
    # "comments from former Secretary of Defense Leon Panetta": Panetta's, not the department's
    text = ("Headline: Email surfaces\n\n"
            "\"We have identified the forces that could move tonight,\" the email from the "
            "Department of Defense chief of staff read.\n\n"
            "The email appears to contradict 2013 comments from former Secretary of Defense "
            "Leon Panetta that no forces could have reached the city in time.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["contradict"]


def test_two_rejections_of_one_named_claim_are_one_side(parser):
    # the letter and the university both reject Harwell's accusation: neither disputes the other
    text = ("Headline: University defends students' articles\n\n"
            "The university rebutted Harwell Energy's accusation that articles about the company, "
            "written by students of its journalism school, were misleading and inaccurate.\n\n"
            "The dean of the journalism school has published a letter strongly disputing "
            "accusations by Harwell Energy that students from the school had produced inaccurate "
            "and misleading articles about the company's spills.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["rebutted", "disputing"]
    assert "Harwell" in found[0][0].message


def test_a_later_statement_sharing_words_is_not_what_a_denial_answers(parser):
    # the denial comes first; the next sentence's statement by another campaign shares its words
    # and agrees with it
    text = ("Headline: Candidates and paid speeches\n\n"
            "The Ledger reported in October that Dana Fiore's speaking firm advertised her "
            "availability for future paid speaking gigs, but Fiore's team denied that she would be "
            "accepting new speeches.\n\n"
            "Asked about his paid speeches in the race, Harlan's campaign said he hasn't accepted "
            "any new gigs since announcing his candidacy.\n")
    found = _findings(parser, text, "contested-claim")
    assert all("Harlan" not in f.message for f, _ in found), found


def test_a_rebuttal_particle_after_the_cue_points_at_the_last_charge(parser):
    # the parse gives the cue "pushed" and leaves "back" out; "those charges" are the ones just
    # made (Voss's), not the older accusation against the same man
    text = ("Headline: Port board fight widens\n\n"
            "Board member Ray Dunn accused Port chairman Dale Meyer of hiding the audit from the "
            "board.\n\n"
            "Dunn wrote that the audit had been finished in March.\n\n"
            "Auditor Carla Webb said the audit was delivered to the chairman's office in April.\n\n"
            "In interviews, Mayor Ellen Voss has argued that the port authority has overseen a "
            "\"rigged\" bidding process. Meyer has aggressively pushed back on those charges and "
            "has defended the bidding rules.\n")
    found = _findings(parser, text, "contested-claim")
    assert [cues for _, cues in found] == [["has argued", "pushed"]], found


def test_a_belief_is_a_claim_a_denial_answers(parser):
    text = ("Headline: Audit leak divides council\n\n"
            "Council members believed the city auditor was leaking the draft report to reporters.\n\n"
            "Auditor Mark Ostrow has denied that that was the case.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["believed", "has denied"]


@pytest.mark.parametrize("sep", [",", " -", " —"])
def test_a_point_that_another_source_disputed(parser, sep):
    # the rejection is a relative clause on a noun in apposition to the claim
    text = ("Headline: Bond dispute\n\n"
            "Mayor Ellen Voss has also said that the bonds were not in default at the time the "
            f"contract was signed{sep} a point that state auditors have disputed.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["has also said", "have disputed"]


def test_claims_another_source_could_not_corroborate_are_not_the_claimants_rejection(parser):
    # "claims that the labor board could not corroborate" is the board's answer: the union's
    # statement ends before it and rejects nothing; the noun (parsed as a verb) is no cue
    from attribution.audit import audit_source
    from attribution.load import load_text

    text = ("Headline: Layoff fight\n\n"
            "Mayor Ellen Voss has said the layoffs followed the city's rules.\n\n"
            "The union has long maintained that the layoffs were illegal, claims that the state "
            "labor board could not corroborate.\n")
    report = audit_source(load_text(text, path="story.txt", fmt="text"), parser)
    src = report.source.text
    union = [a for a in report.resolved.attributions if a.cue and src[a.cue.start:a.cue.end] == "maintained"]
    assert len(union) == 1
    assert [src[s.start:s.end] for s in union[0].content] == ["that the layoffs were illegal"]
    assert not [a for a in report.resolved.attributions if a.cue and src[a.cue.start:a.cue.end] == "claims"]
    assert _findings(parser, text, "contested-claim") == []


def test_the_apposed_statement_is_what_the_relative_rejection_answers(parser):
    # an older charge against the auditors is not what "a point that state auditors have
    # disputed" answers: the statement the apposition is attached to is
    text = ("Headline: Bond dispute\n\n"
            "In a statement on Friday, Mayor Ellen Voss criticized the state auditors, accusing "
            "them of leaking the draft report.\n\n"
            "Officials at the treasury said the bonds would be refinanced next year.\n\n"
            "Voss has also said that the bonds were not in default at the time the contract was "
            "signed - a point that state auditors have disputed.\n")
    found = _findings(parser, text, "contested-claim")
    assert [cues for _, cues in found] == [["has also said", "have disputed"]], found


def test_a_subject_in_apposition_keeps_its_claim_that_someone_denied(parser):
    # "X, 45, claims that the insurer denied ...": "claims" is X's verb, not a claim noun in
    # apposition to a statement before the comma (there is none), so X's claim stays
    from attribution.audit import audit_source
    from attribution.load import load_text

    text = ("Headline: Claim fight\n\n"
            "Maria Delgado, 45, claims that the insurer denied her claim twice before the surgery.\n\n"
            "The union, which represents 4,000 drivers, charges that the city refused to pay overtime "
            "for the storm.\n")
    report = audit_source(load_text(text, path="story.txt", fmt="text"), parser)
    src = report.source.text
    cues = {src[a.cue.start:a.cue.end]: src[a.source.start:a.source.end] for a in report.resolved.attributions
            if a.cue is not None and a.source is not None}
    assert cues.get("claims", "").startswith("Maria Delgado")
    assert cues.get("charges", "").startswith("The union")


@pytest.mark.parametrize("sep", [",", " --", " —"])
def test_something_the_accused_denied(parser, sep):
    # "-- something he has repeatedly denied": the pronoun in apposition names the statement
    # before the separator, and the relative clause is its subject's rejection of it
    text = ("Headline: Records dispute\n\n"
            "Two former employees told investigators that the parks director had shredded the "
            f"department's travel records{sep} something he has repeatedly denied.\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1][0] == "told" and found[0][1][1].endswith("denied"), found


@pytest.mark.parametrize("text", [
    # what few expect is no rejection, and a denial never made rejects nothing
    "Headline: Bridge\n\nThe governor said the new bridge would open in March, something few "
    "engineers expect.\n",
    "Headline: Records\n\nTwo former employees said the parks director had shredded the travel "
    "records, something he has never denied.\n",
])
def test_something_without_a_rejection(parser, text):
    assert _findings(parser, text, "contested-claim") == []


def test_a_report_the_writer_names_and_its_subject_calls_a_lie(parser):
    # the claim has no cue of its own ("came a report by The Ledger that ..."): the rejection's
    # pointer ("that report") is tied to the holder the writer's framing names
    text = ("Headline: Council race\n\n"
            "Councilman Ray Dorsey has had a difficult week. On Friday came a report by The Ledger "
            "that he had billed the city for trips he never took. Dorsey called that report a "
            "\"complete fabrication.\"\n")
    found = _findings(parser, text, "contested-claim")
    assert len(found) == 1, found
    assert found[0][1] == ["called"]
    assert "rejecting a claim by" in found[0][0].message and "Ledger" in found[0][0].message


@pytest.mark.parametrize("text", [
    # the report's own publisher taking it back is a correction, not two sides
    "Headline: Correction\n\nOn Friday came a report by The Ledger that the councilman had billed "
    "the city for trips he never took. The Ledger later called that report inaccurate.\n",
    # "Friday's report" names when, not whose
    "Headline: Council race\n\nFriday's report that the councilman had billed the city for trips "
    "he never took prompted an inquiry. Councilman Ray Dorsey called that report a fabrication.\n",
    # a report the writer names, and a rejection of something else
    "Headline: Council race\n\nOn Friday came a report by The Ledger that the councilman had billed "
    "the city for trips. Councilman Ray Dorsey rejected the offer of a hearing.\n",
])
def test_a_framed_report_without_another_side_rejecting_it(parser, text):
    assert _findings(parser, text, "contested-claim") == []


def test_there_is_no_precedent_and_there_is_precedent(parser):
    # one source says something does not exist, another that it does: the same noun and what
    # follows it, opposite polarity
    text = ("Headline: Prosecution debate\n\n"
            "The district attorney said there was no precedent for charging a landlord over a "
            "tenant's fall without proof that he knew of the hazard. Two council members, however, "
            "argue that \"there is precedent for charging landlords,\" citing a 2009 case in "
            "Rochester.\n")
    found = _findings(parser, text, "contested-claim")
    assert [cues for _, cues in found] == [["said", "argue"]], found


@pytest.mark.parametrize("text", [
    # evidence of two different things
    "Headline: Count\n\nThe county clerk said there is no evidence of fraud in the count. The "
    "challenger said there is evidence that the new machines work well.\n",
    # a question whether it exists asserts nothing
    "Headline: Count\n\nThe county clerk said there is no evidence of fraud in the count. The "
    "challenger said investigators should decide whether there is evidence of fraud in the count.\n",
])
def test_there_is_evidence_of_something_else(parser, text):
    assert _findings(parser, text, "contested-claim") == []
