"""unsourced-claim on parsed copy (stanza): figures and allegations the reporter states as fact
fire; results, conditions, sourced runs of figures and other sources' words do not."""
from __future__ import annotations

import pytest

from .._audit import audit_text, findings

pytestmark = pytest.mark.stanza

RULE = "unsourced-claim"


def _unsourced(parser, text):
    return findings(audit_text(parser, text, path="draft.txt", fmt=None, select=(RULE,)), RULE)


@pytest.mark.parametrize("text", [
    # an election result in the past tense, with the candidate as subject, or as two shares
    "Voters in Marlow County chose a new sheriff on Tuesday.\n\n"
    "Ruiz beat Okafor 54% to 44% in the county, and Hale finished far behind.\n",
    # a share in a past-tense clause about a named candidate in a paragraph about the contest
    "The primary drew a record turnout across the district on Tuesday.\n\n"
    "The three front-runners split most of the votes. Ortiz got 12 percent.\n",
    # a sentence naming the contest itself: a vote count
    "Turnout fell sharply this year.\n\n"
    "In the Democratic primary, 41,000 people voted, a 12% drop from the last contested race.\n",
    "Turnout fell sharply this year.\n\n"
    "Democrats are getting about two-thirds of the primary votes they won four years ago.\n",
])
def test_results_the_story_reports_are_not_unsourced(parser, text):
    assert _unsourced(parser, text) == []


def test_a_poll_lead_in_the_present_tense_is_a_figure_to_source(parser):
    text = ("The race is one of a handful that could decide control of the state Senate.\n\n"
            "Ruiz leads Okafor by six points among likely voters.\n")
    found = _unsourced(parser, text)
    assert len(found) == 1 and "six points" in found[0].message


@pytest.mark.parametrize("text", [
    # a poll named in the paragraph before, its figures running on
    "According to a Marist poll released Monday, Ruiz has 48 percent support.\n\n"
    "Okafor is at 31 percent, and Hale sits at 9 percent.\n",
    # an exit poll's figures, then the note that describes the survey
    "About 4 in 10 voters said the economy mattered most.\n\n"
    "Only about 10 percent picked immigration.\n\n"
    "The survey was conducted for the station by Harbor Research with 1,400 voters leaving "
    "40 polling places.\n",
    # the wire's order: the figures, then the document in the next sentence
    "The Ridgeway PAC raised about $14 million last year. More than 40 percent of that money "
    "arrived in December, new fundraising reports show.\n",
    # `according to X` earlier in the paragraph, every sentence since giving a figure
    "The district spent $3.1 million on consultants last year, according to the state "
    "auditor. It spent another $1.2 million on software licences.\n",
    # a source named in an `As X reported` clause of the sentence before
    "As the Ledger reported last week, the district paid $4 million for the land. "
    "The county then spent $2.5 million on new roads.\n",
    # a phrasal verb of saying introducing the figures
    "The Harbor Institute also points out some other numbers: The state's minimum wage is "
    "$9.50 an hour.\n",
])
def test_figures_sourced_nearby(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text", [
    # a figure as a condition, not a fact
    "The rules changed in April.\n\nCompanies pay a higher tax rate if their foreign shareholders "
    "own at least 60 percent of the shares.\n",
    # a place, not a claim
    "The plant sits some 15 miles east of the city, near the old rail yard.\n",
    # a year is no statistic
    "The bank grew fast after the war.\n\nPer capita income doubled from 1950 to 1960.\n",
    # the reporter's own count of the crowd in front of them
    "The senator arrived late.\n\nShe took questions in a church hall in front of a crowd of "
    "about 230 people.\n",
    # a target, not a fact
    "The host committee is short of money.\n\nEach committee is working to raise more than "
    "$60 million before the summer.\n",
    # the writer's own account
    "The hearing ended at noon.\n\nI had to pay a $30,000 fine and teach a class every week.\n",
    # a headline and a list item
    "Ruiz raises $33 million;\nIs within $4 million of Okafor.\n\nThe race tightened this week.\n",
    "More from the weekend:\n\n~ Finding the three $53 million donors in the county.\n",
])
def test_no_claim_of_fact(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text", [
    # a statistic with a number, not only money and percentages
    "The clinic opened in 1994.\n\nThe average wait to see a nurse there was 52 minutes in March.\n",
    # `report` as a verb names no document; `decide` is no verb of saying
    "Campaigns must report that spending to the state board. The race could decide control "
    "of the Senate.\n\nRuiz leads Okafor by 7 percentage points.\n",
    # "records" meaning a track record is no document
    "The state has been criticized for its records on prison conditions.\n\n"
    "The prison system spent $40 million on overtime last year.\n",
    # a cue verb in a relative clause whose subject is `that` names no source
    "Carson kept the speaking dates with the business groups that signed him up last year. "
    "He collected as much as $500,000 in fees.\n",
    # a share as "one in five", and counts of incidents that are statistics
    "The ward has struggled to keep staff.\n\nNearly one in five night nurses at the county's "
    "hospitals quit in the past two years.\n",
    "The Mill was turned into apartments in 2009.\n\nThe building has had 17 code violations "
    "since 2020, several of them for blocked fire exits.\n",
])
def test_figures_with_no_source_fire(parser, text):
    assert len(_unsourced(parser, text)) == 1


def test_an_allegation_stated_as_fact_fires(parser):
    text = ("Protests spread to three cities after the result was announced.\n\n"
            "Police beat demonstrators outside the election office on Sunday and tortured several "
            "of them in custody.\n")
    found = _unsourced(parser, text)
    assert len(found) == 1 and found[0].message.startswith("allegation stated as fact")
    assert "tortured" in found[0].message


@pytest.mark.parametrize("text", [
    # attributed
    "The trial opened on Monday.\n\nProsecutors said the contractor bribed two county inspectors.\n",
    # a court's finding, not the reporter's charge
    "The trial ended on Friday.\n\nThe contractor was convicted of bribing two county inspectors.\n",
    # hypothetical
    "The audit raised questions.\n\nThe contractor could have bribed the inspectors, but no one "
    "has found a payment.\n",
    # negated
    "The audit ended in May.\n\nThe contractor never bribed anyone, the audit found.\n",
])
def test_allegations_that_are_sourced_or_not_stated_as_fact(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text", [
    # a level that a law, a plan or a prize sets is the rule's figure, not a claim of fact
    "The council will vote next month.\n\nHer embrace of a $17-an-hour city minimum wage at the "
    "forum is a likely flashpoint.\n",
    "The program opens to borrowers in the fall.\n\nThe big catch here is a proposed $40,000 "
    "borrowing cap.\n",
    "The library foundation is running a design contest for the new branch.\n\nJune 1 is the "
    "deadline to compete for one of four $10,000 prizes.\n",
    "The rule takes effect in December.\n\nA new state labor rule will require most salaried "
    "workers earning up to $52,000 a year to be paid overtime.\n",
    # a banknote is no sum
    "The general won the war and later the presidency.\n\nHis portrait eventually went on $50 "
    "bills.\n",
    # a supposed level under a modal, and the consequence of an `if`
    "Lawmakers must still vote on the plan.\n\nRaising the minimum to $16 would put the county "
    "well above its neighbours.\n",
    "The repayment plan is simple.\n\nIf you borrow $30,000, you would be paying 3 percent of "
    "your income each year.\n",
    # a measure's result at the polls, and a turnout
    "Voters in the canton returned to the polls in 2011.\n\nThe zoning initiative was rejected "
    "by 61.2 percent of voters.\n",
    "County officials expect long lines on Tuesday.\n\nA record turnout of 37% was set in 2008.\n",
    # the level after its noun
    "The two candidates met with union leaders.\n\nThey differ on backing a minimum wage of $16 "
    "an hour.\n",
    "The two candidates met with union leaders.\n\nOrtiz supports raising the minimum wage to $16 "
    "by 2022.\n",
    # a poll named by its maker, wherever it stands
    "The race is close.\n\nRuiz topped a Harbor Research poll with as much as 30% in the first "
    "round.\n",
    "The race is close.\n\nLe Pen topped a BVA poll with as much as 30% in the first round.\n",
    "The race is close.\n\nWhile Ruiz leads statewide, she trails Okafor in the RealClearPolitics "
    "average of county polls by nearly 9 percentage points.\n",
    # the later sentences of a quotation are the speaker's words
    "The county met on Tuesday.\n\n\"He opposed every single one of them,\" Hale said. \"In fact, "
    "he voted against the budget. He has supported a 500 percent increase in fees.\"\n",
])
def test_levels_results_and_cases_are_no_claims(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, words", [
    # a share of a group of voters that a candidate won is an exit poll's figure, not a result
    ("Working-class voters have drifted for years.\n\nOrtiz won more than 60 percent of rural "
     "voters without a college degree in 2018.\n", "60 percent"),
    # the figure that is a claim is found after a level that is not
    ("The ordinance passed last spring.\n\nThe city's $15 minimum wage has cost 2,000 restaurant "
     "jobs since then.\n", "2,000 restaurant jobs"),
    # a spelled sum of money, and a count of people held
    ("The fund's biggest bet has gone sour.\n\nThe wager has cost its investors more than a "
     "billion dollars since March.\n", "a billion dollars"),
    ("The prison opened in 2002.\n\nAbout 46 detainees remain there without charge.\n",
     "46 detainees"),
    # a wrongdoing stated as fact
    ("The mayor's term ends in May.\n\nThe mayor regularly incites violence against reporters.\n",
     "incites"),
    # a figure that is no claim leaves the sentence's allegation to be found
    ("The mayor's term ends in May.\n\nThe mayor regularly incites violence against the city's "
     "2,000 street vendors, who are subject to a $500 cap on daily sales.\n", "incites"),
    # words in quotation marks with no speaker (a book's title) source nothing
    ("Her memoir came out in 1994.\n\nThe book \"A Long Way Home\" sold more than two "
     "million copies.\n", "two million"),
])
def test_claims_beside_levels_and_titles_fire(parser, text, words):
    found = _unsourced(parser, text)
    assert len(found) == 1 and words in found[0].message


@pytest.mark.parametrize("text", [
    # a rate or a tax a named party set by an act: the act is reported, its level needs no source
    "The currency firmed after the decision.\n\nThe Bank of Norland raised its benchmark interest "
    "rate by a quarter of a percentage point to 4.5 percent on Wednesday.\n",
    "The province changed course after the recession.\n\nIts corporate income tax was cut to 9 "
    "percent from 11 percent in 2012, to draw new employers.\n",
    "The county has not moved in years.\n\nThe current state minimum wage is $9.25.\n",
    # a proposal's own figure, its owner named in the sentence
    "Both candidates have released housing plans.\n\nMayor Dana Ruiz's $40 million, five-year "
    "housing plan includes two new shelters and a rent fund.\n",
    "The storm left three towns under water.\n\nGovernor Alma Castillo toured the flooded towns "
    "on Monday, offering $12 million in emergency grants.\n",
    # a condition of a future act
    "Ministers signed the pact in Halden.\n\nThe treaty will take effect when at least 30 states, "
    "representing 60 percent of the region's trade, ratify it.\n",
    # a place described by its size
    "The vote was the first since the war.\n\nThe nation of 9 million has long depended on "
    "fishing and tourism.\n",
    # "100 percent" as a manner of speaking
    "The council voted on the plan in May.\n\nTrevino has never been 100 percent behind the "
    "stadium deal.\n",
    # what did not happen
    "She considered taking a second job at the mill.\n\nAt $2,000 a month, the job would have "
    "covered the $14,000 in fees she owed.\n",
    # a roundup's list item, its source in brackets after it
    "MORNING LINKS - The best of the week's polling news:\n\n-Ruiz won 61 percent of voters "
    "under 30 in the county. [Ledger.]\n",
])
def test_acts_proposals_conditions_and_background_are_no_claims(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, words", [
    # a rate that moves by itself is a statistic to source
    ("The county lost two factories last year.\n\nIts unemployment rate rose to 7.5 percent "
     "in March.\n", "7.5 percent"),
    # a spelled number with its tens is one figure
    ("The county's electorate has aged.\n\nSeventy-eight percent of its residents were over 45 "
     "last year.\n", "Seventy-eight percent"),
    # a share of something, even all of it
    ("The jail opened in 2019.\n\nThe county paid 100 percent of the cost of the new jail.\n",
     "100 percent"),
    # a `when` clause in the past states a fact
    ("The plant reopened in 2021.\n\nWhen 40 people were killed in the blast in 2019, the plant "
     "closed for a year.\n", "40 people"),
    # a party's plan costed by somebody unnamed: the cost is a claim
    ("Both candidates have released housing plans.\n\nThe mayor's plan would cost the city "
     "$90 million over five years.\n", "$90 million"),
])
def test_figures_beside_acts_and_idioms_fire(parser, text, words):
    found = _unsourced(parser, text)
    assert len(found) == 1 and words in found[0].message


@pytest.mark.parametrize("text", [
    # `the 1 percent`: the richest, not a share of anything
    "The novel was a hit with critics.\n\nFor some readers, though, it leans too far in favor of "
    "the 1 percent.\n",
    # a figure in a hoped-for clause
    "Dozens of fast-food workers rallied outside City Hall on Monday, in the hopes that the "
    "council will adopt a $17 wage for the city.\n",
    # a figure sourced by the report it is `as of`
    "The primary is on Tuesday.\n\nAs of the last fundraising report, Deacon had raised $293,565 "
    "to Kingson's $199,445.\n",
    # an allegation that a noun gives with its source: the claim's content, not the reporter's charge
    "The memoir caused a stir when it came out.\n\nIts biggest bombshell was an allegation from "
    "his former business partner, Ana Ruiz, that the developer had defrauded two county agencies.\n",
])
def test_idioms_wishes_sources_and_claim_nouns_are_no_claims(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, words", [
    # a share price's move is a figure to source
    ("Trading in Vellum shares was heavy after the call.\n\nThe stock fell 9 percent by midday, "
     "its steepest drop since 2011.\n", "9 percent"),
    # a charge the reporter makes after a claim noun's clause has ended
    ("The memoir came out in 1993.\n\nThe claim was never tested in court, and the developer "
     "defrauded two county agencies the same year.\n", "defrauded"),
])
def test_share_moves_and_charges_beside_claim_nouns_fire(parser, text, words):
    found = _unsourced(parser, text)
    assert len(found) == 1 and words in found[0].message


@pytest.mark.parametrize("text", [
    # a hedge tells the reader the claim is someone's: vague-attribution flags the hedge
    "The ad war in the county has begun.\n\nThe Harbor Fund is reportedly spending $1.5 million "
    "on television ads before the primary.\n",
    # a share of a span of time is a duration
    "The old guard of the county party is backing Ruiz.\n\nFor more than half a century, Dale "
    "Okafor has worked for the party's candidates.\n",
    # a publication's correction note repeats what the body gives
    "The county closed two clinics in March.\n\nCorrection: An earlier version of this article "
    "misstated the clinics' budget. It was $4.2 million, not $2.4 million.\n",
    # the figure is the person's own, and the person speaks in the next sentence
    "The candidate's backers in the valley keep a low profile.\n\nMarta Lindqvist, a 61-year-old "
    "dentist in Fresno, gave the campaign $500 last spring. \"We're here, we just don't put up "
    "signs,\" Lindqvist said.\n",
    # the level a party's plan would set
    "The two candidates split sharply on taxes.\n\nUnder her plan, she would impose a 4 percent "
    "surcharge on incomes above $5 million.\n",
    # `according to X` two paragraphs up, every sentence since giving a figure
    "Since June, Ruiz has spent more than $7 million on television ads, according to the "
    "tracking firm AdWatch.\n\nOkafor has spent about $900,000 so far.\n\nRuiz has reserved "
    "another $1.2 million in airtime for next week.\n",
    # a named speaker's figures in the paragraph before, run on
    "The deficit will top 3 percent of the state's output after 2026, the budget office said "
    "on Monday.\n\nThe deficit last year was 2.1 percent of output, down from 4 percent in 2020.\n",
])
def test_hedges_durations_notes_and_speakers_figures_are_no_unsourced_claims(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, words", [
    # a paragraph with no figure ends a speaker's run; the figure after it is the reporter's
    ("The deficit will top 3 percent of the state's output after 2026, the budget office said "
     "on Monday.\n\nLawmakers return to the capital in January.\n\nThe state's "
     "prisons cost $1.9 billion last year.\n", "$1.9 billion"),
    # a speaker's words with no figure source nobody's figures
    ("The deficit is the governor's biggest problem, the budget director said on Monday. The "
     "state's prisons cost $1.9 billion last year.\n\nMedicaid took another $3.4 billion.\n",
     "$3.4 billion"),
    # a figure in a clause of its own beside a plan's verb of setting is a claim of fact
    ("The two candidates split sharply on transit.\n\nShe would impose tolls on the Harbor "
     "Bridge, whose repairs cost the state $900 million last year.\n", "$900 million"),
    # an editor's note that states a charge as fact is an unsourced allegation
    ("The mayor spoke at the rally on Friday.\n\nEditor's note: The mayor regularly incites "
     "violence against reporters.\n", "incites"),
])
def test_claims_beside_speakers_plans_and_notes_fire(parser, text, words):
    found = _unsourced(parser, text)
    assert len(found) == 1 and words in found[0].message


@pytest.mark.parametrize("text", [
    # a figure in a definite noun phrase that is no subject: taken as known, not asserted
    "The archbishop arrived in Manila on Friday.\n\nHe met the leader of the world's 1.2 billion "
    "Roman Catholics on Saturday.\n",
    "Ruiz has a long record in the state Senate.\n\nShe was among 12 senators in 2009 to vote "
    "against the $40 billion bond package.\n",
    # a figure in a gerund under a verb of aiming
    "Both cities expect large crowds.\n\nThe city is considering issuing $100 tickets to "
    "marchers who block the highways.\n",
    # what a permit asks for
    "The coalition wants to march on the first day.\n\nIts application for a permit for up to "
    "15,000 people is pending with the city.\n",
    # an organisation introduced by a description, named in the next sentence with figures of its own
    "A conservative group is spending $300,000 over the next week to help Rep. Dana Ruiz.\n\n"
    "The Harbor Action Network says it will spend nearly $200,000 on a television ad.\n",
])
def test_known_figures_aims_permits_and_wire_order_are_no_unsourced_claims(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, words", [
    # a definite subject with its own clause still states the figure
    ("Ruiz faces a tough primary.\n\nThe $3 million she raised between January and June came "
     "mostly from political committees.\n", "$3 million"),
    # a definite organisation is no description the next sentence names
    ("The county opened the jail in 2019.\n\nThe county spent $2 million on repairs to the jail "
     "last year. The sheriff's office said it needs another $500,000.\n", "$2 million"),
])
def test_stated_figures_beside_known_ones_fire(parser, text, words):
    found = _unsourced(parser, text)
    assert len(found) == 1 and words in found[0].message


@pytest.mark.parametrize("text", [
    # a story about a poll named at the top: its shares of voters and margins further down
    "Ruiz's lead has all but vanished.\n\nAccording to a Harbor Institute poll released Monday, "
    "the two candidates are tied statewide.\n\nThe race has drawn record spending.\n\nThe county "
    "clerk expects a long count.\n\nAlmost 30 percent of Democratic voters say they are not "
    "familiar with Okafor.\n\nWomen back him by almost 12 points.\n",
    # the source in the next sentence, which goes on about the same money
    "The fund collected more than $62,000 in donations that day. Much of that money came from "
    "companies that no longer exist, campaign and corporate records show.\n",
    # the subject's campaign speaks in the next sentence
    "Sen. Dana Ruiz refunded $43,100 to the donors. \"Out of caution, the campaign has refunded "
    "the contributions,\" said Ruiz campaign manager Tom Hale.\n",
])
def test_poll_stories_and_sources_in_the_next_sentence(parser, text):
    assert _unsourced(parser, text) == []


def test_a_share_of_another_kind_in_a_poll_story_fires(parser):
    text = ("Ruiz's lead has all but vanished.\n\nAccording to a Harbor Institute poll released "
            "Monday, the two candidates are tied statewide.\n\nThe race has drawn record spending.\n\n"
            "Over 90 percent of registered voters in the county are white.\n")
    found = _unsourced(parser, text)
    assert len(found) == 1 and "90 percent" in found[0].message


@pytest.mark.parametrize("text", [
    "Housing is the hardest part.\n\nImagine paying $50,000 or more a year for the rest of your "
    "son's life.\n",
    "The loans are cheaper than they look.\n\nSuppose you borrow $30,000 at 5 percent.\n",
])
def test_a_case_set_in_the_imperative_is_no_claim(parser, text):
    assert _unsourced(parser, text) == []


def test_a_claim_inside_another_imperative_fires(parser):
    text = ("The country's policies are harsh.\n\nStart with the police units that deport over a "
            "quarter of the nation's immigrants.\n")
    found = _unsourced(parser, text)
    assert len(found) == 1 and "a quarter of" in found[0].message


@pytest.mark.parametrize("text", [
    # a market report's quotes of traded prices: each move with the price it reached
    "Stocks ended mixed on Thursday as oil prices slid.\n\n"
    "The Dow Jones industrial average rose 41.20 points, or 0.2 percent, to 17,890.50. "
    "Harbor Foods climbed 85 cents, or 1.1 percent, to $78.40.\n\n"
    "Benchmark crude was down 62 cents to settle at $44.18 a barrel. Gold fell $8.10, to $1,204 an ounce.\n",
    "Bond prices fell on Tuesday.\n\nThe yield on the 10-year Treasury note rose to 2.31 percent from 2.27 "
    "percent the day before. Natural gas was little changed at $2.91 per thousand cubic feet.\n",
    # the next sentence gives the same figure with its source
    "The county spent $4.2 million on overtime last year. The $4.2 million figure comes from an "
    "audit released Tuesday by the state comptroller.\n",
    # a poll's figures: a headline saying what the poll finds, then its shares of a group
    "Young voters still believe in hard work, poll finds\n\n"
    "Money worries have not dimmed their hopes.\n\n"
    "Optimism is highest among Hispanics (41% \"strongly agree\") and lowest among whites (28%).\n",
    # a document the parse may take for a verb ("polling" in "Exit polling shows")
    "Ruiz has dominated among young voters.\n\nExit polling shows she won 83% of voters under 30 "
    "in the county last month.\n",
])
def test_market_quotes_repeated_figures_and_poll_headlines_are_sourced(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, words", [
    # a share price's move with no price reached is still a figure to source
    ("Harbor Foods cut its forecast on Tuesday.\n\nShares of the company fell 11 percent after "
     "the announcement.\n", "11 percent"),
    # a rate's move from one level to another with no market session is a statistic to source
    ("Hiring slowed in the spring.\n\nThe county's jobless rate rose to 6.2 percent from 5.8 percent "
     "in April.\n", "6.2 percent"),
    # the next sentence repeats the number but not the figure (a speaker's age)
    ("Longtime tenants are leaving the ward.\n\nRents there rose 66 percent over the decade. "
     "\"It's about who can stay,\" said Mattie Ruiz, 66, a retired nurse.\n", "66 percent"),
    # the same figure in the next sentence with no source
    ("The county spent $4.2 million on overtime last year.\n\nThe $4.2 million was more than "
     "it spent on road repairs.\n", "$4.2 million"),
])
def test_moves_without_a_price_and_figures_repeated_unsourced_fire(parser, text, words):
    found = _unsourced(parser, text)
    assert len(found) == 1 and words in found[0].message


@pytest.mark.parametrize("text", [
    # a program as the subject of a verb of setting: the program's requirement
    "The visa has drawn scrutiny in Congress.\n\nThe EB-5 program requires foreign investors to put "
    "at least $500,000 into an American business.\n",
    # a figure in a phrase that modifies a rule: the rule's terms
    "The county board met again.\n\nThe state has a new rule for workers earning less than $47,000 a year.\n",
])
def test_a_rules_own_terms_are_no_claim(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text", [
    # a verb of saying in an infinitive of purpose: its understood subject is the source
    "The governor is in a good mood.\n\nThe governor on Friday held an impromptu press briefing to "
    "brag that the state jobless rate has fallen below 4 percent for the first time in a decade.\n",
    # the writer's own family, told in the first person
    "I grew up hearing about the crossing.\n\nMy grandfather paid $300 for his passage to New York "
    "in 1921.\n",
    # a sum that only describes a thing the sentence takes as known, in a definite subject
    "Fiorina pushed the deal through the board.\n\nThe $25 billion merger was not her idea, however.\n",
    # a run of figures from data named in the lede, five paragraphs on, every paragraph giving figures
    "Gambling revenue at the city's casinos rose 3.5 percent this year, according to data released "
    "Friday by state regulators.\n\nThe casinos took in $191.6 million in October.\n\n"
    "Revenue rose 29 percent at the Golden Pier and fell 17.7 percent at the Royal.\n\n"
    "Online revenue grew nearly 36 percent in October.\n\n"
    "Table games brought in $61 million, down 4 percent.\n\n"
    "Casino earnings peaked in 2006 at $5.2 billion.\n",
])
def test_purpose_cues_first_person_known_sums_and_long_runs_are_no_claims(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, words", [
    # a definite subject that is a count still states it
    ("The plant closed in March.\n\nThe 300 workers at the plant lost their health coverage.\n", "300 workers"),
    # a run broken by a paragraph with no figure: the copy moved on
    ("Gambling revenue at the city's casinos rose 3.5 percent this year, according to data released "
     "Friday by state regulators.\n\nThe casinos took in $191.6 million in October.\n\n"
     "The boardwalk has been quiet all fall.\n\n"
     "Casino earnings peaked in 2006 at $5.2 billion.\n", "$5.2 billion"),
])
def test_a_counted_subject_and_a_broken_run_still_fire(parser, text, words):
    found = _unsourced(parser, text)
    assert len(found) == 1 and words in found[0].message


# the story's last paragraph quotes a source; the editor's note after it is the publication's own
_STORY_END = ("The council will vote on the contract next month.\n\n"
              '"We will keep asking questions until we get answers," Councilwoman Dana Ortiz said.\n\n')


def test_an_editors_note_after_the_last_quote_is_the_publications_own(parser):
    text = _STORY_END + ("Editor’s note: Mayor Carl Jessup embezzled city funds in 2014 and lied "
                         "to investigators about it.\n")
    found = _unsourced(parser, text)
    assert len(found) == 1 and found[0].message.startswith("allegation stated as fact")
    assert "embezzled" in found[0].message


def test_a_plain_paragraph_after_the_quote_is_still_covered_by_it(parser):
    # the same words with no editor's label: the source in the sentence before covers them
    text = _STORY_END + "Mayor Carl Jessup embezzled city funds in 2014 and lied to investigators about it.\n"
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, fires", [
    # a wrongdoer said of a named man by the reporter: an allegation
    ("The council will vote on the contract next month.\n\nMayor Carl Jessup is a liar and a crook.\n", True),
    # a record, not an allegation
    ("The council will vote on the contract next month.\n\nHis brother, Dale Jessup, is a convicted "
     "felon who served four years for burglary.\n", False),
    # negated, or under a modal
    ("The council will vote on the contract next month.\n\nMayor Carl Jessup is not a liar.\n", False),
    ("The council will vote on the contract next month.\n\nMayor Carl Jessup may be a crook.\n", False),
])
def test_a_wrongdoer_said_of_someone_as_fact(parser, text, fires):
    found = _unsourced(parser, text)
    assert (len(found) == 1 and found[0].message.startswith("allegation stated as fact")) == fires
    assert not found or fires


@pytest.mark.parametrize("text", [
    # an official indicator's standing level, named as its clause's subject: the published figure
    "Harborview has changed since the mill closed.\n\nThe city's unemployment rate is 4.2 percent, "
    "below the national average of 4.9 percent.\n",
    "The governor's speech was upbeat.\n\nUnemployment in the state has fallen to 4 percent, less "
    "than half its peak after the recession.\n",
    # a worked case set for the reader, `you` the subject of the figure's clause
    "Under the plan, students get a single line of credit.\n\nFor every $10,000 you borrow, you "
    "repay an extra percentage point of your income each year.\n",
    # a figure in the `that` clause of a claim noun: someone's claim, not stated as fact
    "The mayor's claim that 90 percent of the potholes were filled by May is his office's own "
    "estimate.\n",
    # the writer's own account, `me` the object
    "The trial took two years.\n\nAll told, the case has cost me more than $400,000.\n",
    # a named place's or organisation's size
    "The first votes are cast at midnight.\n\nMillbrook, about 20 miles north, has 1,200 "
    "registered voters.\n",
    "Union leaders met in Chicago on Monday.\n\nThe endorsement matters to the 40,000 members of "
    "the Riverside Teachers Association.\n",
])
def test_official_levels_worked_cases_claims_and_sizes_are_no_unsourced_claims(parser, text):
    assert _unsourced(parser, text) == []


@pytest.mark.parametrize("text, words", [
    # a count beside an official level has a subject of its own
    ("The governor's speech was upbeat.\n\nUnemployment in the state has fallen to 4 percent, and "
     "40,000 jobs were added in the county last year.\n", "40,000 jobs"),
    # some of an organisation's members doing something is no size
    ("The strike began at dawn.\n\nAbout 300 members of the Harbor Teamsters walked off the job "
     "on Monday.\n", "300 members"),
    # money an organisation has is no size
    ("Ruiz is short of money.\n\nThe Okafor campaign has $1.3 million in the bank.\n", "$1.3 million"),
])
def test_counts_beside_official_levels_members_at_work_and_money_fire(parser, text, words):
    found = _unsourced(parser, text)
    assert len(found) == 1 and words in found[0].message
