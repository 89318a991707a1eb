"""unattributed-quote on the quote conventions an editor meets (stanza): a table of passages
written for the project (no corpus text), each with the number of unattributed quotations it
holds.  Attributed: quote runs over several paragraphs, action beats and manner ("was blunt"),
the speaker in the previous or next paragraph, colon introductions, quoted documents, letters,
signs, chants and lyrics, transcripts and Q&A, epigraphs with a credit, parentheses,
"according to" after the quote, nested quotes, publications, terms and scare quotes,
multi-sentence fragments.  Unattributed: quotations nobody near them speaks, or that the person
in the next sentence answers ("Mayor Ruiz disagreed"), which must still be found."""
from __future__ import annotations

import pytest

from attribution.config import Config

pytestmark = pytest.mark.stanza

RULE = "unattributed-quote"


def _audit(parser, text):
    from attribution.audit import audit_source
    from attribution.load import load_text

    markdown = text.startswith(("#", "**")) or "\n**" in text
    path = "draft.html" if text.startswith("<") else "draft.md" if markdown else "draft.txt"
    return audit_source(load_text(text, path=path), parser, config=Config(select=(RULE,)))


def _found(parser, text):
    return [f for f in _audit(parser, text).findings if f.rule == RULE]


ATTRIBUTED = [
    pytest.param(0, "Dana Whitlock, the county's fire chief, spent an hour with reporters on Tuesday.\n\n"
                 '"We lost two engines in the first week," Whitlock said. "Nobody plans for that.\n\n'
                 '"We borrowed trucks from three counties. Some of them had never seen a fire this '
                 'size.\n\n"I would not wish this season on anybody."\n\nThe fire is 40 percent '
                 'contained.\n',
                 id='run3'),
    pytest.param(0, 'The ferry operator\'s chief executive, Tomas Lind, was blunt.\n\n"Fuel costs doubled '
                 'in a year. We cut routes because we had to.\n\n"If the state wants the island service '
                 'back, it has to pay for it."\n',
                 id='run_open_para'),
    pytest.param(0, 'Marta Ibsen looked out at the flooded field behind her barn.\n\n"Three generations '
                 'farmed this land. I might be the last."\n',
                 id='beat_before'),
    pytest.param(0, 'Her father ran the bakery for 30 years. "I grew up in the back room." Okafor laughed '
                 'as she said it.\n',
                 id='beat_after_same_para'),
    pytest.param(0, 'The mayor sighed. "We have been here before, and we will be here again."\n',
                 id='beat_sigh'),
    pytest.param(0, '"The numbers do not lie. We are losing nurses faster than we can hire them."\n\nThat '
                 'was the warning from Gloria Estes, who runs the nursing union at Mercy General.\n',
                 id='next_para_speaker'),
    pytest.param(0, 'Councilwoman Rita Vance said she would vote against the budget.\n\n"I cannot support '
                 'a plan that closes two fire stations in one year."\n',
                 id='prev_para_said'),
    pytest.param(0, 'Trump tweeted on Friday morning:\n\n"The Fake News Media is working overtime today!"\n',
                 id='colon_tweet'),
    pytest.param(0, 'The statement read: "We regret the delay and are working to restore service as soon '
                 'as possible."\n',
                 id='colon_statement'),
    pytest.param(0, 'In a letter to parents dated March 3, the principal wrote:\n\n"Starting Monday, all '
                 'visitors must sign in at the front office. We appreciate your patience."\n',
                 id='colon_letter'),
    pytest.param(0, 'A hand-lettered sign taped to the pharmacy door said: "Closed until further notice. '
                 'Sorry."\n',
                 id='colon_sign'),
    pytest.param(0, 'Asked whether he would run again, Harlan Price was brief: "Not this time."\n',
                 id='colon_said'),
    pytest.param(0, 'Outside the statehouse, about 200 protesters chanted, "No more cuts! No more cuts!"\n',
                 id='chant'),
    pytest.param(0, 'By noon the crowd had swelled to several hundred, and the chanting grew louder.\n\n'
                 '"Hey hey, ho ho, this pipeline has got to go!"\n\nPolice closed two blocks of Main '
                 'Street.\n',
                 id='chant_paragraph'),
    pytest.param(0, 'The band closed with its best-known song, "River Road," and the crowd sang along to '
                 'the chorus: "Take me home, take me home, down the river road."\n',
                 id='lyrics'),
    pytest.param(0, 'The next morning the Gazette ran the headline "MAYOR QUITS" across the top of its '
                 'front page.\n',
                 id='headline_quoted'),
    pytest.param(0, 'One sign read "Teachers Deserve Better." Another simply said "Enough."\n',
                 id='sign_read'),
    pytest.param(0, 'The memo, which was obtained by The Associated Press, says the agency "cannot '
                 'guarantee the safety of the records" after the move.\n',
                 id='memo'),
    pytest.param(0, 'Q: Did you know about the payments?\n\nA: I did not. I learned about them from the '
                 'newspaper.\n',
                 id='qa'),
    pytest.param(0, 'This interview has been edited for length.\n\nQ: "Why now?"\n\nA: "Because nobody '
                 'else would do it."\n',
                 id='qa_quoted'),
    pytest.param(0, 'MODERATOR: Senator, your response?\n\nHOLLIS: "I have said it before and I will say '
                 'it again: the bill is dead."\n',
                 id='transcript'),
    pytest.param(0, '**Reporter:** What happens to the workers?\n\n**Kessler:** "They will be offered jobs '
                 'at the new plant, every one of them."\n',
                 id='bold_names'),
    pytest.param(0, '"The past is never dead. It\'s not even past." — William Faulkner\n\nThe town of '
                 'Millbrook has been arguing about its Confederate monument for 20 years.\n',
                 id='epigraph'),
    pytest.param(0, 'The senator voted no. (Her office later said the vote was "a mistake in the heat of '
                 'the moment.")\n',
                 id='paren'),
    pytest.param(0, 'Hale, who chairs the committee, declined to comment on the report. ("We are reviewing '
                 'it," a spokesman said.)\n',
                 id='paren_full'),
    pytest.param(0, '"The bridge is not safe for heavy trucks," according to a 2019 inspection report by '
                 'the state transportation department.\n',
                 id='according_after'),
    pytest.param(0, '"We were never told the water was contaminated," according to a lawsuit filed Monday '
                 'by 14 families.\n',
                 id='according_after2'),
    pytest.param(0, '"He looked at me and said, \'You will never work in this town again,\'" Lorna Diaz '
                 'recalled.\n',
                 id='nested'),
    pytest.param(0, 'Diaz said the supervisor told her: "Don\'t bother coming back. We\'ve got \'real '
                 'workers\' lined up."\n',
                 id='nested_single'),
    pytest.param(0, '"The agency has not completed a single audit since 2019," the Post reported on '
                 'Sunday.\n',
                 id='post_reported'),
    pytest.param(0, 'The Times wrote in an editorial that the plan was "a giveaway dressed up as reform."\n',
                 id='times_wrote'),
    pytest.param(0, 'The Herald\'s editorial board was blunt. "This council has failed the people it '
                 'serves."\n',
                 id='pub_colon'),
    pytest.param(0, 'The so-called "clean coal" plant never opened.\n',
                 id='scare'),
    pytest.param(0, 'Residents call the intersection "the death corner," and the city has recorded six '
                 'crashes there this year.\n',
                 id='term'),
    pytest.param(0, 'The program, known internally as "Project Lantern," was shut down in 2021.\n',
                 id='term2'),
    pytest.param(0, 'Kessler described the deal as "good for workers. Good for the town. Good for '
                 'everyone," and predicted it would pass easily.\n',
                 id='frag_multi'),
    pytest.param(0, 'One woman in the back of the room shouted, "Where did the money go?"\n',
                 id='woman_shouted'),
    pytest.param(0, 'Asked whether the plant would reopen, Chen replied, "Not under this owner."\n',
                 id='replied_asked'),
    pytest.param(0, '"Polls close at 8 p.m. Go vote!" the city clerk\'s office posted on Facebook at '
                 'noon.\n',
                 id='posted_handle'),
    pytest.param(0, 'The storm destroyed 40 homes in Baywood.\n\n"We will rebuild, every one of them." – '
                 'Mayor Elena Ruiz, speaking on Tuesday\n',
                 id='dash_credit_after'),
    pytest.param(0, "The Herald published an editorial on Sunday calling for the chief's resignation.\n\n"
                 '"The department cannot heal while he remains in charge."\n',
                 id='editorial_announced'),
    pytest.param(0, 'In a statement, the company said it regretted the outage.\n\n"We know how much our '
                 'customers depend on us, and we let them down."\n',
                 id='statement_para_before'),
    pytest.param(0, 'Estes told the hospital board on Monday that the hospital was 80 nurses short.\n\n"We '
                 'cannot staff the night shift. It is that simple."\n',
                 id='told_prev_para'),
    pytest.param(0, '"Nobody in this building has read the contract, and nobody wants to."\n\nThose were '
                 'the words of Councilman Ray Doyle, who voted against the deal.\n',
                 id='words_of'),
    pytest.param(0, '"Build it and they will come."\n\nSo said the developer, Kestrel Land Partners, when '
                 'it unveiled the plan in 2018.\n',
                 id='so_said'),
    pytest.param(0, 'The chorus goes:\n\n"Oh, the mill town, the mill town, where the river runs brown."\n',
                 id='chorus_colon'),
    pytest.param(0, '# "We will not back down," union says\n\nThe nurses\' union voted Tuesday to strike.\n',
                 id='headline_cue'),
    pytest.param(0, 'Reporters asked Chen whether the company would pay the fine.\n\n"We will appeal, and '
                 'we expect to win."\n',
                 id='reporter_question_prev_para'),
    pytest.param(0, 'This interview has been edited and condensed.\n\n**Marcus Obi:** "The library is the '
                 'only free indoor space in this neighborhood."\n\n**Q:** "What happens if it closes?"\n'
                 '\n**Obi:** "Kids will be on the street."\n',
                 id='interview_name_lines'),
    pytest.param(0, '"I will not resign. Not today, not tomorrow."\n\nHaskell was defiant at a news '
                 'conference on Friday.\n',
                 id='defiant_after'),
    pytest.param(0, 'Minutes before the shooting, Reed sent his sister a text message: "Call me. Something '
                 'is wrong."\n',
                 id='text_message'),
    pytest.param(0, 'The strike entered its third week on Monday.\n\n"We did not want this. Nobody walks '
                 'off a job for fun.\n\n"But we were not going to take a pay cut while the bosses took '
                 'raises," said Ana Ferreira, a machinist.\n',
                 id='run_cue_last'),
    pytest.param(0, '"The problem," Chen says, "is that nobody wants to pay for it."\n',
                 id='split_says'),
    pytest.param(0, '"NO WAR FOR OIL," read one sign outside the federal building.\n',
                 id='read_sign'),
    pytest.param(0, 'The survey asked: "Do you approve of the way the council is handling the budget?"\n',
                 id='survey_asked'),
    pytest.param(0, 'The ballot question reads, "Shall the town adopt a 2 percent tax on restaurant '
                 'meals?"\n',
                 id='ballot_reads'),
    pytest.param(0, 'The indictment alleges that Reed "knowingly and willfully concealed" the payments '
                 'from the board.\n',
                 id='indictment_frag'),
    pytest.param(0, 'According to the lawsuit, the company "ignored repeated warnings from its own '
                 'engineers."\n',
                 id='according_before_frag'),
    pytest.param(0, 'In the words of one longtime resident, "This town was built on the mill, and now the '
                 'mill is gone."\n',
                 id='in_words_of'),
    pytest.param(0, 'One voter, leaving the polls with her two children, summed it up: "I just want the '
                 'roads fixed."\n',
                 id='summed_up'),
    pytest.param(0, 'The post drew hundreds of replies within an hour. One user wrote, "This is the best '
                 'news I have heard all year."\n',
                 id='user_wrote'),
    pytest.param(0, 'Reed was asked about the verdict.\n\n"Not again." Reed shook his head and walked '
                 'out.\n',
                 id='beat_name_after'),
    pytest.param(0, 'Chen: "We will appeal the ruling."\n\nMoreno: "Then we will see you in court."\n',
                 id='mixed_label'),
    pytest.param(0, 'Reed sits on the porch of the house where he grew up.\n\n"My grandfather built this '
                 'with his own hands."\n',
                 id='sits_porch'),
    pytest.param(0, '"The county failed to inspect more than half of its bridges in 2022," the audit '
                 'found.\n',
                 id='report_found_after'),
    pytest.param(0, '<p>In her resignation letter, the superintendent wrote:</p>\n<blockquote><p>"I can no '
                 'longer serve a board that does not trust its own staff."</p></blockquote>\n<p>The '
                 'board will meet Thursday.</p>\n',
                 id='blockquote_html'),
    pytest.param(0, '"Where did the money go?" Reed asked.\n\n"Ask the board," Chen said.\n\n"I did. '
                 'Nobody answered."\n',
                 id='dialog'),
    pytest.param(0, '"Polls close at 8 tonight. Bring your ID!"\n\n— Fairview County Clerk '
                 '(@FairviewClerk) November 3, 2026\n',
                 id='tweet_credit'),
    pytest.param(0, 'The Washington Post reported on Sunday that the agency had ignored three warnings '
                 'about the dam.\n\n"Nobody read the memos. They went straight into a drawer."\n',
                 id='post_prev_para'),
    pytest.param(0, '"The numbers are worse than we thought."\n\nHe added that the hospital would ask the '
                 'state for emergency money.\n',
                 id='he_added_next'),
    pytest.param(0, 'Chen gestured at the empty storefronts across the street.\n\n"Ten years ago every one '
                 'of those was open."\n',
                 id='gestured_beat'),
    pytest.param(0, 'PHOTO: Ana Ferreira on the picket line Monday. "We are not going back until they '
                 'sign," she said.\n',
                 id='caption'),
    pytest.param(0, 'Mayor Elena Ruiz told the council on Monday that she wants a new library downtown.\n\n'
                 '"The old one floods every spring."\n',
                 id='ruiz_wants_then_quote'),
    pytest.param(0, 'Nadia Brooks, the county treasurer, spoke with the Ledger on Thursday. The interview '
                 'has been edited for length.\n\n**Why did you decide not to run again?**\n\n"Four '
                 'years is enough. Somebody younger should have a turn."\n\n**What will you do next?**\n'
                 '\n"Sleep, for about a month."\n',
                 id='qa_bold_questions'),
    pytest.param(0, 'Nadia Brooks, the county treasurer, spoke with the Ledger on Thursday.\n\nWhy did you '
                 'decide not to run again?\n\n"Four years is enough. Somebody younger should have a '
                 'turn."\n',
                 id='qa_plain_questions'),
    pytest.param(0, 'The following is an edited transcript of the interview with Fire Chief Dana '
                 'Whitlock.\n\nQ. How many engines did you lose?\n\nA. "Two in the first week. Nobody '
                 'plans for that."\n',
                 id='qa_q_a_quoted_no_colon_label'),
    pytest.param(0, 'The debate between the two candidates is about the future. But lurking behind this '
                 'argument about the future is a quarrel that is really about the past.\n\n"Lurking '
                 'behind this argument about the future is a quarrel that is really about the past."\n\n'
                 'On one side are the activists.\n',
                 id='pull_quote_of_author'),
    pytest.param(0, '"We will not close a single school while I am mayor," Ruiz said on Tuesday.\n\n"We '
                 'will not close a single school while I am mayor."\n\nThe budget vote is on Friday.\n',
                 id='pull_quote_of_speaker'),
    pytest.param(0, 'Ines Calder has run the pantry for 11 years.\n\nHer advice to new volunteers? "Bring '
                 'comfortable shoes and leave your opinions at home."\n',
                 id='question_lead_poss'),
    pytest.param(0, 'Here is what Chen told the board on Monday.\n\n"We cannot staff the night shift with '
                 'the people we have."\n',
                 id='heres_what_period'),
    pytest.param(0, 'What they said after the vote:\n\n- "This is a good day for the east side." — Mayor '
                 'Elena Ruiz\n- "We will be back in court by Friday." — Tom Becker, Save the Park\n',
                 id='bullet_credit'),
    pytest.param(0, '9:30 a.m.\n\nMayor Elena Ruiz arrived at the polling place with her two sons.\n\n"I '
                 'feel good about today. The turnout looks strong."\n\n9:45 a.m.\n\nPolls in the east '
                 'side opened late because of a power failure.\n',
                 id='liveblog'),
    pytest.param(0, 'Clinton delivered a speech at a community college in Ohio on Tuesday.\n\n"We are '
                 'stronger together, and we always have been."\n',
                 id='gave_speech'),
    pytest.param(0, 'The campaign released a video on Monday morning.\n\n"Every vote matters. Make a plan '
                 'to vote."\n',
                 id='released_video'),
    pytest.param(0, 'The senator was asked about the report on Tuesday. Her response was swift.\n\n"It is '
                 'wrong, and everybody in this building knows it."\n',
                 id='response_swift'),
    pytest.param(0, 'Reporters asked the governor whether he would sign the bill.\n\nHis reply came '
                 'minutes later.\n\n"I will sign it on Friday, in front of the people who wrote it."\n',
                 id='reply_came'),
]

UNATTRIBUTED = [
    pytest.param(1, 'The council voted 5-2 to close the Elm Street library on Tuesday.\n\n"This is the '
                 'worst decision this council has made in a decade, and everyone in this room knows '
                 'it."\n\nThe branch will close in June.\n',
                 id='para'),
    pytest.param(1, 'The plant closed in 2019. "We lost everything when the plant shut down, and nobody '
                 'came to help." The town\'s population has fallen by a third since.\n',
                 id='inline'),
    pytest.param(1, 'Unemployment in the county reached 11 percent in March, the highest in the state.\n\n'
                 '"There are no jobs here anymore. My kids will have to leave."\n',
                 id='after_stats'),
    pytest.param(2, 'The highway was closed for six hours.\n\n"Nobody told us anything. We sat in the car '
                 'the whole time."\n\n"It was a mess from start to finish."\n',
                 id='run_unintroduced'),
    pytest.param(1, 'The warehouse sits at the edge of town, next to the rail yard.\n\n"They promised 300 '
                 'jobs and delivered 40. That is the story of this place."\n',
                 id='after_place'),
    pytest.param(1, 'The Gazette covered the meeting.\n\nThe vote was 4-3.\n\n"We will sue the city if the '
                 'permit goes through, and we will win."\n',
                 id='pub_named_not_speaker'),
    pytest.param(1, 'Councilman Ray Doyle said the vote was rushed.\n\nThe council approved the contract '
                 '5-2.\n\nConstruction begins in May.\n\n"This will cost taxpayers millions, and nobody '
                 'has said how much."\n',
                 id='between_two'),
    pytest.param(1, 'The hearing ran past midnight.\n\nThe room was packed.\n\n"You are selling this town '
                 'to the highest bidder, and you know it."\n',
                 id='crowd_no_chant'),
    pytest.param(1, 'The company laid off 200 workers in March.\n\n"It felt like a betrayal after 20 years '
                 'on the line."\n',
                 id='company_did'),
    pytest.param(1, '"We were promised a park, and we got a parking lot."\n\nFor 10 years, the empty lot '
                 'on Fifth Street has been the subject of lawsuits, hearings and broken deals.\n',
                 id='epigraph_uncredited'),
    pytest.param(1, '"We support the plan," said Mayor Elena Ruiz.\n\nThe plan passed 6-1 on Tuesday.\n\n'
                 '"It is a disaster for the east side, and it will take years to undo."\n',
                 id='after_quote_of_other'),
    pytest.param(1, 'The council approved the tower on Tuesday.\n\n"This tower will cast a shadow over the '
                 'whole park for half the year."\n\nMayor Elena Ruiz disagreed, saying the shadow study '
                 'showed little effect.\n',
                 id='then_disagreed'),
    pytest.param(1, 'The council approved the tower on Tuesday.\n\n"This tower will cast a shadow over the '
                 'whole park for half the year."\n\nThe developer, Kestrel Land Partners, responded '
                 'that the design had been changed twice.\n',
                 id='then_responded'),
    pytest.param(1, '"We never saw it coming."\n\nThe tornado struck Millbrook at 3:12 a.m. on Sunday, '
                 'flattening 40 homes on the east side of town.\n',
                 id='lede'),
    pytest.param(1, 'The tower would be 40 stories tall, the tallest in the county.\n\n"It will cast a '
                 'shadow over the whole park for half the year."\n\nMayor Elena Ruiz disagreed, saying '
                 'the shadow study showed little effect.\n',
                 id='then_disagreed_unattributed_before'),
    pytest.param(1, 'The tower would be 40 stories tall. "It will cast a shadow over the whole park for '
                 'half the year." Ruiz pushed back, saying the shadow study showed little effect.\n',
                 id='then_pushed_back_same_para'),
    pytest.param(2, 'The council met on Tuesday.\n\n"Nobody in this town has been told the truth about the '
                 'water."\n\nThe meeting lasted three hours.\n\n"Nobody in this town has been told the '
                 'truth about the water."\n',
                 id='printed_twice'),
    pytest.param(1, '9:30 a.m.\n\nPolls in the east side opened late because of a power failure.\n\n"We '
                 'waited an hour in the cold and nobody told us why."\n\n9:45 a.m.\n\nThe power is back '
                 'on.\n',
                 id='liveblog'),
    pytest.param(1, 'The pool has been closed since June.\n\nThe reason? "Nobody wanted to pay for new '
                 'pumps, and nobody will."\n',
                 id='verbless_question_thing'),
    pytest.param(1, 'The speech lasted 40 minutes.\n\n"We will never surrender this city to the people who '
                 'want to burn it down."\n',
                 id='speech_no_subject'),
]


# a person named or referred to next to the quotation, not shown speaking: a candidate speaker,
# so the speaker is uncertain (quote-speaker-uncertain, a warning), never an error-level finding
UNCERTAIN = [
    pytest.param('Police arrested Jamal Reed, 24, on Friday at his apartment.\n\n"I did nothing wrong, '
                 'and I will prove it in court."\n',
                 id='person_object_only'),
    pytest.param('Mayor Linda Haskell was elected in 2019 on a promise to fix the roads.\n\n"The '
                 'potholes are worse now than they were before she took office."\n',
                 id='person_subject_no_speech'),
    pytest.param('Reed, 24, has lived in the neighborhood since 2010.\n\n"Nobody here trusts the police '
                 'anymore, and why would they?"\n',
                 id='lived'),
    pytest.param('Mayor Linda Haskell was elected in 2019 on a promise to fix the roads.\n\n"The '
                 'potholes are deeper now than they have ever been."\n',
                 id='person_elected'),
]


@pytest.mark.parametrize("expected, text", ATTRIBUTED)
def test_a_quote_whose_speaker_the_copy_gives_is_not_flagged(parser, expected, text):
    assert [text[f.start:f.end] for f in _found(parser, text)] == []


@pytest.mark.parametrize("expected, text", UNATTRIBUTED)
def test_a_quote_nobody_near_it_speaks_is_flagged_as_an_error(parser, expected, text):
    found = _found(parser, text)
    assert len(found) == expected, [text[f.start:f.end] for f in found]
    assert all(f.severity.value == "error" for f in found)


@pytest.mark.parametrize("text", UNCERTAIN)
def test_a_quote_beside_a_person_not_shown_speaking_is_uncertain_not_an_error(parser, text):
    from attribution.audit import audit_source
    from attribution.load import load_text

    report = audit_source(load_text(text, path="draft.txt"),
                          parser, config=Config(select=(RULE, "quote-speaker-uncertain")))
    assert [f.rule for f in report.findings] == ["quote-speaker-uncertain"]
    assert [f.severity.value for f in report.findings] == ["warning"]


@pytest.mark.parametrize("text, quote, reason", [
    # the way a person spoke, as the predicate of a named subject, in the paragraph before
    ('The chief executive, Tomas Lind, was blunt.\n\n"We cut routes because we had to."\n',
     '"We cut routes because we had to."', "person-paragraph-before"),
    # a sentence after the quote that points back at it and names its speaker
    ('"We are losing nurses faster than we can hire them."\n\nThat was the warning from Gloria '
     'Estes, who runs the nursing union.\n', '"We are losing nurses faster than we can hire them."',
     "points-back"),
    # a quotation of several paragraphs: no closing mark until the last, the first one introduced
    ('Tomas Lind was blunt.\n\n"Fuel costs doubled in a year.\n\n"The state has to pay for '
     'the island service."\n', '"The state has to pay for the island service."', "run-on"),
    # a pull quote: the article's own words, set apart
    ('The race is about the future. But lurking behind this argument about the future is a quarrel '
     'about the past.\n\n"Lurking behind this argument about the future is a quarrel about the '
     'past."\n', '"Lurking behind this argument about the future is a quarrel about the past."',
     "pull-quote"),
    # the interviewer's question to "you", answered by the quote
    ('Nadia Brooks spoke with the Ledger on Thursday.\n\nWhy did you decide not to run again?\n\n'
     '"Four years is enough."\n', '"Four years is enough."', "question-before"),
])
def test_why_a_quote_counts_as_attributed(parser, text, quote, reason):
    from attribution.resolve.unattributed import quotation_verdicts

    verdicts = quotation_verdicts(_audit(parser, text).resolved)
    assert [why for span, why in verdicts if text[span.start:span.end] == quote] == [reason]


def _sources_of(report, quote):
    text = report.source.text
    start = text.index(quote)
    return [text[a.source.start:a.source.end] if a.source else None
            for a in report.resolved.attributions
            if a.content_hull.start < start + len(quote) and start < a.content_hull.end]


def test_a_colon_lead_whose_cue_is_taken_lends_the_quote_no_other_verb(parser):
    # 'dated' is no cue of the quote, and the letter is not its speaker
    text = ('In a letter to the commission dated Nov. 3, Ines Calder wrote:\n\n"Temporary help for '
            'a permanent problem is no help at all."\n')
    report = _audit(parser, text)
    assert all(s is None or "Calder" in s for s in _sources_of(report, '"Temporary help'))
    assert [f for f in report.findings if f.rule == RULE] == []


def test_a_colon_lead_through_a_governing_verb_keeps_its_speaker(parser):
    text = ('Mayor Ann Ruiz thanked the road crews on Monday. She went on to say:\n\n"Nobody in '
            'this town slept for three days, and nobody complained."\n')
    assert _sources_of(_audit(parser, text), '"Nobody in') == ["She"]


def test_verbs_inside_a_quotation_of_two_sentences_are_no_beat(parser):
    # "We sat" is the quotation's own words, not a person acting beside the next quote
    text = ('The highway was closed for six hours.\n\n"Nobody told us anything. We sat in the car '
            'the whole time."\n\n"It was a mess from start to finish."\n')
    assert [text[f.start:f.end] for f in _found(parser, text)] == [
        '"Nobody told us anything. We sat in the car the whole time."',
        '"It was a mess from start to finish."']
