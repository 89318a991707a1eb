"""A second table of passages for unattributed-quote, written for the project (no corpus text):
the quotation conventions of newsroom copy in general, each passage with the number of quotations
in it that have no identifiable speaker (bench/gold/GUIDE.md).  Read by
tests/rules/test_unattributed_quote_stress.py."""
from __future__ import annotations

# (id, text): every quotation here has its speaker in the copy (its sentence, the adjacent sentence
# or paragraph, a label, a credit, a caption or byline), or is no one's words (a title, a sign, a
# slogan, a chant, lyrics, a term)
ATTRIBUTED = [
    # --- Q&A and transcripts ---
    ("qa_q_a_letters",
     "The Herald spoke with Superintendent Dana Ortiz about next year's budget.\n\n"
     "Q: Will any schools close?\n\n"
     "A: \"Not this year. Next year, I cannot promise anything.\"\n"),
    ("qa_bold_labels_quoted",
     "**Reporter:** What happens to the tenants on Elm Street?\n\n"
     "**Mayor Ruiz:** \"They stay. Nobody is being evicted while I am in office.\"\n"),
    ("qa_caps_transcript",
     "The exchange, from the hearing transcript:\n\n"
     "SEN. HOLLIS: \"I yield back the balance of my time.\"\n\n"
     "CHAIRWOMAN PARK: \"The gentleman yields. The committee stands in recess.\"\n"),
    ("qa_asked_then_quote",
     "We asked Rosa Delgado, who has run the food pantry since 2011, what has changed.\n\n"
     "\"Everything. We used to see retirees. Now we see nurses and bus drivers.\"\n"),
    ("qa_question_you",
     "Coach Terrence Bell is retiring after 31 seasons at Lakeview High.\n\n"
     "What will you miss most?\n\n"
     "\"The bus rides. You learn everything about a kid on a three-hour bus ride.\"\n"),
    ("qa_interviewer_initials",
     "This interview has been edited for length.\n\n"
     "THE TRIBUNE: How close did the plant come to closing?\n\n"
     "LINDQVIST: \"Closer than anyone knew. We had payroll for six weeks.\"\n"),
    ("qa_plain_names_colon",
     "Moderator: Senator, will you support the bill?\n\n"
     "Calloway: \"I will, if the funding stays in it.\"\n"),
    # --- quote paragraphs before/after an introduction ---
    ("intro_then_two_paras",
     "Fire Chief Olu Adeyemi described the first hour of the blaze to the council on Monday.\n\n"
     "\"By the time the second engine arrived, the roof was gone.\n\n"
     "\"We made the call to fight it from outside. Nobody was going into that building.\"\n"),
    ("quote_then_said_next_para",
     "\"We are not closing the clinic. We are moving it across the street.\"\n\n"
     "That is what hospital president Anita Shah told staff in an email on Friday.\n"),
    ("quote_para_then_name_beat",
     "\"I counted the trucks every morning. Forty, fifty a day.\"\n\n"
     "Harold Nkemelu leans on the fence that separates his yard from the quarry road.\n"),
    ("beat_then_quote_para",
     "Jenna Alvarez wiped her hands on her apron and stepped away from the grill.\n\n"
     "\"People think a food truck is easy money. It is 16 hours a day.\"\n"),
    ("pronoun_beat_then_quote",
     "She paused before answering.\n\n"
     "\"I would make the same decision again, every single time.\"\n"),
    ("speaker_described_unnamed",
     "A nurse who has worked in the emergency room for 12 years described the night shift.\n\n"
     "\"We had patients in the hallways, in the chapel, in the cafeteria.\"\n"),
    ("unnamed_colleague_beat",
     "One longtime colleague shook his head when asked about the vote.\n\n"
     "\"He knew exactly what he was doing.\"\n"),
    ("said_then_quote_same_para",
     "Principal Marcus Webb said the school would reopen Monday. \"The building is safe. The parents "
     "deserve to know that.\"\n"),
    ("said_then_quote_next_para_added",
     "Deputy Sheriff Karen Holt said the road would stay closed through the weekend.\n\n"
     "\"The bridge took a beating. We are not putting cars on it until the engineers sign off.\"\n"),
    ("split_quote_narration",
     "\"We did everything the state asked,\" said Ellen Marsh, the district's finance director, "
     "flipping through a binder of receipts. \"Every form, every deadline.\"\n"),
    ("said_who_clause_then_quote",
     "\"It is a good deal for the county,\" said Commissioner Ray Patel, who voted for the contract. "
     "\"It is not a perfect one.\"\n"),
    ("continuation_after_added",
     "\"The money is there,\" Whitfield added. \"It always has been.\"\n"),
    ("quote_before_intro_same_para",
     "\"We have nothing left to cut.\" With that, Superintendent Lena Cho asked the board for a "
     "levy.\n"),
    ("said_later_para_run",
     "Owner Priya Raman said business fell by half after the road work began.\n\n"
     "\"Nobody can find the door. The detour signs send people the other way.\n\n"
     "\"If this lasts until winter, I will not make it.\"\n"),
    ("according_to_after_quote",
     "\"The audit found no evidence of fraud,\" according to a statement from the state auditor's "
     "office.\n"),
    ("told_reporters_before",
     "Governor Aaron Whitley told reporters on Tuesday that he had not decided.\n\n"
     "\"I will look at the bill when it reaches my desk, and not before.\"\n"),
    ("speaker_after_quote_verb_beat",
     "\"It is the best tomato crop we have had in ten years.\" Farmer Lucia Benning grinned as she "
     "lifted a crate onto the truck.\n"),
    ("pointback_this_is_how",
     "\"You cannot run a hospital on volunteers.\"\n\n"
     "This is how Dr. Samuel Oyelaran, the county's health officer, put it at Tuesday's meeting.\n"),
    ("pointback_those_words",
     "\"Build the wall higher and they will bring a longer ladder.\"\n\n"
     "Those words, from retired Border Patrol agent Luis Carmona, drew applause.\n"),
    # --- action beats and manner ---
    ("beat_laughed",
     "Okafor laughed. \"I have been called worse by better people.\"\n"),
    ("beat_shrugged_name",
     "Ruth Ellison shrugged. \"The rent goes up every year. We just get used to it.\"\n"),
    ("beat_nodded_after",
     "\"Three years ago, none of this was here.\" Delgado nodded toward the new apartment blocks.\n"),
    ("beat_manner_candid",
     "The team's general manager, Curtis Fane, was candid.\n\n"
     "\"We made mistakes in the draft. I made most of them.\"\n"),
    ("beat_sighed_title",
     "The superintendent sighed.\n\n"
     "\"I have done this job for 22 years and I have never seen a budget like this.\"\n"),
    ("beat_pointed",
     "Kowalski pointed at the cracked ceiling. \"That has been like that since March.\"\n"),
    ("beat_leaned_forward",
     "Judge Maria Esposito leaned forward on the bench. \"Counsel, I have read the brief. Twice.\"\n"),
    ("beat_smiled_she",
     "When the results came in, she smiled. \"We did it the old-fashioned way. Door by door.\"\n"),
    # --- headlines, captions, bylines ---
    ("headline_quote_speaker_body",
     "# 'We will rebuild,' mayor vows after flood\n\n"
     "Mayor Grace Ndiaye promised on Sunday to rebuild every home damaged in the flood.\n\n"
     "\"We will rebuild, and we will rebuild smarter,\" Ndiaye said at a shelter in the high school "
     "gym.\n"),
    ("headline_double_quote_colon",
     "# Teachers' union chief: \"We are not going back without a contract\"\n\n"
     "The head of the Millbrook Education Association, Dana Price, said Monday that teachers would "
     "stay out.\n"),
    ("caption_with_credit",
     "Dairy farmer Edwin Moss stands in his barn in Clifton on Oct. 3. \"Milk prices have not moved "
     "in five years,\" he said. (Photo: Jane Ortiz/Clifton Courier)\n\n"
     "Dairy farms across the county are closing at a rate of two a month.\n"),
    ("caption_speaker_named_in_caption",
     "PHOTO: Maria Kessler, 82, outside her home on Pine Street. \"I was born in this house.\"\n\n"
     "The city wants to widen Pine Street by 12 feet.\n"),
    ("byline_columnist_first_person",
     "By Helen Marsh\n\n"
     "I have covered this council for nine years.\n\n"
     "\"Trust us\" has never been a budget.\n"),
    ("html_headline_quote",
     "<html><body><h1>\"We are still here\": Tenants refuse to leave tower</h1>"
     "<p>Residents of the Marlow Tower said Tuesday they would not leave their apartments.</p>"
     "<p>\"We are still here, and we are staying,\" said Beatriz Ocampo, who has lived in the "
     "building since 1994.</p></body></html>\n"),
    # --- pull quotes, epigraphs, credits ---
    ("pull_quote_repeat_of_attributed",
     "\"Nobody should have to choose between insulin and rent,\" said state Rep. Karla Nunez, who "
     "sponsored the bill.\n\n"
     "\"Nobody should have to choose between insulin and rent.\"\n\n"
     "The bill caps the monthly cost of insulin at $35.\n"),
    ("epigraph_dash_credit",
     "\"The only thing we have to fear is fear itself.\"\n\n"
     "— Franklin D. Roosevelt, 1933\n\n"
     "Ninety years later, fear is selling well in the county's school board races.\n"),
    ("epigraph_inline_dash",
     "\"Never doubt that a small group of thoughtful citizens can change the world.\" —Margaret Mead\n\n"
     "The Friends of Elm Park have 14 members.\n"),
    ("epigraph_paren_credit",
     "\"A city is not a map. It is the people on the sidewalk.\" (Jane Okoro)\n\n"
     "The planning commission meets Thursday to vote on the sidewalk plan.\n"),
    ("pull_quote_credit_line_inside",
     "\"I did not run for this office to sit on my hands.\n\n"
     "Councilwoman Beth Aranda\"\n\n"
     "Aranda has introduced more bills than any other member this year.\n"),
    # --- lyrics, chants, signs, letters, tweets, texts ---
    ("lyrics_colon",
     "The choir closed with the hymn the town sings at every funeral: \"Shall we gather at the "
     "river, where bright angel feet have trod.\"\n"),
    ("lyrics_singing",
     "As the casket passed, the crowd began singing \"Amazing grace, how sweet the sound.\"\n"),
    ("chant_crowd_para",
     "More than 500 nurses marched outside St. Anne's Hospital on Monday.\n\n"
     "\"Safe staffing saves lives! Safe staffing saves lives!\" they chanted.\n"),
    ("sign_read",
     "A sign in the window of the shuttered diner read \"Thank you for 40 years. We will miss you.\"\n"),
    ("sign_held",
     "One woman held a sign that said \"My body, my choice.\"\n"),
    ("letter_colon_para",
     "The letter, signed by 14 former prosecutors, was delivered to the governor on Friday. It reads in "
     "part:\n\n"
     "\"We cannot stay silent while the office we served is used to settle political scores.\"\n"),
    ("tweet_wrote",
     "Senator Joan Whitaker wrote on Twitter: \"Proud to stand with the workers at the Fairfield "
     "plant today.\"\n"),
    ("tweet_posted_after",
     "\"Proud of every volunteer who showed up in the rain today.\" The post, from Mayor Tim Reyes's "
     "account, was shared 4,000 times.\n"),
    ("text_message",
     "In a text message to the Gazette, Rep. Alan Brooks said: \"I have nothing to add.\"\n"),
    ("email_quoted_para",
     "In an email sent to employees on Thursday, chief executive Nora Lindgren wrote that the company "
     "would cut 300 jobs.\n\n"
     "\"This is the hardest decision I have made in this job.\"\n"),
    ("statement_released_then_quote",
     "The Okafor family released a statement through their lawyer on Saturday.\n\n"
     "\"We are grateful to everyone who searched for Daniel. We ask for privacy.\"\n"),
    ("note_left",
     "The burglar left a note on the kitchen table: \"Sorry. I was hungry.\"\n"),
    ("billboard_says",
     "A billboard on Route 9 says \"Jesus is coming. Look busy.\"\n"),
    # --- lists ---
    ("bullets_after_intro",
     "Three residents told the council what the flooding cost them:\n\n"
     "- \"We lost the basement and the furnace.\"\n"
     "- \"My car was totaled in the driveway.\"\n"
     "- \"We have been living at my sister's since June.\"\n"),
    ("bullets_named",
     "What the candidates said about the budget:\n\n"
     "- Maria Lopez: \"We need to cut the waste first.\"\n"
     "- Tom Becker: \"We need to raise revenue, plain and simple.\"\n"),
    ("numbered_credits",
     "The week in quotes:\n\n"
     "1. \"I am not going anywhere.\" — Council President Joy Adams, on calls to resign.\n\n"
     "2. \"The bridge is safe.\" — State engineer Paul Dorsey.\n"),
    # --- nested quotes, single quotes, guillemets, ASCII conventions ---
    ("nested_double_single",
     "\"When the inspector told me 'the building is sound,' I believed him,\" said tenant Aisha "
     "Mensah.\n"),
    ("british_single_quotes",
     "The Prime Minister said the plan was 'the right one for Britain'. 'We will not be blown off "
     "course,' she told the Commons.\n"),
    ("british_single_then_double_nested",
     "'My mother always said \"never trust a man in a hurry\",' said Graham Leach, 64.\n"),
    ("guillemets_said",
     "«Nous ne céderons pas», a déclaré le ministre. The minister, Jean Fabre, said the government "
     "would not give in.\n"),
    ("guillemets_english",
     "«We will not give in,» the minister, Jean Fabre, told reporters in Paris.\n"),
    ("ascii_backticks",
     "``We have no choice but to raise fares,'' said transit director Omar Haddad.\n"),
    ("ascii_doubled_apostrophes",
     "''The numbers speak for themselves,'' Haddad said. ''Ridership is down a third.''\n"),
    ("low_high_quotes",
     "„Wir schaffen das\", the chancellor said in 2015, and the phrase stuck.\n"),
    # --- spanning paragraphs without a closing mark ---
    ("span_three_paras_unclosed",
     "Reverend Alma Jefferson spoke for twenty minutes at the vigil.\n\n"
     "\"I buried three young men from this church this year.\n\n"
     "\"I am tired of burying our children.\n\n"
     "\"And I am tired of being told to be patient.\"\n"),
    ("span_with_said_in_first",
     "\"We had no warning,\" said Hector Ruiz, who farms 300 acres near the levee. \"The water was at "
     "the door before the sirens went off.\n\n"
     "\"By morning the whole field was a lake.\"\n"),
    ("span_unclosed_last_para_attributed",
     "\"There is no plan B,\" Treasurer Janet Cole said. \"If the bond fails, we cut.\n\n"
     "\"We cut the buses, we cut the library, we cut the pool.\"\n"),
    # --- speaker after the closing mark, inversions, unusual cues ---
    ("inversion_said_name",
     "\"This is not over,\" vowed attorney Gloria Kent after the verdict.\n"),
    ("cue_insisted",
     "\"Nobody was hurt,\" the sergeant insisted.\n"),
    ("cue_recalled_next_sentence",
     "\"My father built half the houses on this street.\" Tomas Vega recalled the summers he spent "
     "carrying lumber.\n"),
    ("cue_joked",
     "\"At least the pothole has a name now,\" joked council member Ivy Chen.\n"),
    ("org_speaker",
     "\"The product is safe when used as directed,\" the company said in a statement.\n"),
    ("newspaper_wrote",
     "\"The governor owes the public an explanation,\" the Tribune's editorial board wrote on Sunday.\n"),
    ("report_found_quote",
     "The inspector general's report was blunt: \"Basic safety checks were skipped for years.\"\n"),
    ("court_ruling_quote",
     "In a 12-page ruling, U.S. District Judge Anne Whitcomb wrote that the law \"cannot survive even "
     "the most deferential review.\"\n"),
    ("according_to_before_quote",
     "According to the police report, the driver told officers: \"I looked down for one second.\"\n"),
    ("speaker_in_parens_after",
     "\"We will appeal.\" (Defense attorney Marcus Greene, outside the courthouse.)\n"),
    ("asked_whether_answer",
     "Asked whether she would run for a third term, Councilwoman Dee Harper laughed. \"Ask me next "
     "year.\"\n"),
    ("he_continued_next_para",
     "Pastor Elijah Moore stood at the pulpit.\n\n"
     "\"This church has been here 140 years.\"\n\n"
     "He continued: \"It will be here 140 more.\"\n"),
    ("quote_then_said_pronoun_next_sentence",
     "\"Somebody has to pay for this.\" He said it twice, to make sure the council heard.\n"),
    ("described_as",
     "\"A slow-motion disaster\" is how Fire Marshal Dean Ortiz described the warehouse district.\n"),
    ("title_of_report",
     "The agency's report, \"Roads to Nowhere: Ten Years of Missed Repairs,\" was released Monday.\n"),
    ("title_of_film",
     "The documentary \"The Last Mill Town\" opens at the Rialto on Friday.\n"),
    ("term_scare",
     "The company calls the cuts a \"right-sizing.\"\n"),
    ("nickname",
     "Former mayor James \"Jimmy Two Hats\" Malloy died Sunday at 88.\n"),
    ("short_term_slogan",
     "The campaign's slogan, \"Fix the Roads,\" is on every lawn sign in the ward.\n"),
    ("dialogue_two_people",
     "The clerk looked up from the counter. \"Name?\"\n\n"
     "\"Rivera. Carmen Rivera.\"\n\n"
     "She slid the form across without another word.\n"),
    ("witness_identified_later_same_sentence",
     "\"It sounded like a train,\" said a neighbor, who asked that her name not be used because she "
     "feared retaliation.\n"),
    ("quote_in_parenthetical_aside",
     "The mayor (\"I have never lost a race and I do not plan to start\") filed for re-election on "
     "Monday.\n"),
    ("spokesman_paragraph_before",
     "A spokesman for the utility, Dan Reese, said crews were working around the clock.\n\n"
     "\"We expect most customers to have power back by Thursday night.\"\n"),
    ("markdown_blockquote",
     "The union posted its reply on Facebook late Tuesday:\n\n"
     "> \"We will be at the table tomorrow morning. We hope the district will be too.\"\n"),
    ("html_blockquote_after_said",
     "<html><body><p>In her resignation letter, Treasurer Ann Sutter wrote:</p>"
     "<blockquote><p>\"I can no longer sign off on numbers I do not believe.\"</p></blockquote>"
     "<p>Sutter had held the job since 2016.</p></body></html>\n"),
    ("prior_interview_citation",
     "\"We are not a charity,\" the developer, Kestrel Land Partners, told the Ledger in 2019.\n"),
    ("sentence_before_speaker_name_appos",
     "Her neighbor, Carl Jansen, 70, remembers the last flood.\n\n"
     "\"1996. The water came up to the mailbox.\"\n"),
    ("quote_first_named_source_said_next_para",
     "\"I knew the river would come up. I did not know it would come up this fast.\"\n\n"
     "Walt Brenner, 71, said he moved his truck to high ground on Monday night.\n"),
    ("quote_first_unnamed_source_pointing_back",
     "\"It was the worst fire I have seen in 30 years.\"\n\n"
     "That was the verdict of a veteran firefighter, who asked not to be named.\n"),
    ("person_right_after_quote",
     "The last train left at 6 p.m. \"After that, you are on your own.\" Maria Lopez runs the "
     "only taxi in town.\n"),
    # --- political and wire copy (a second batch) ---
    ("embedded_tweet_credit",
     "The senator responded within minutes.\n\n"
     "\"The governor's plan is a giveaway to his donors. Read it yourself.\" pic.twitter.com/x7Hd2 — Sen. Tom Ruiz (@SenTomRuiz) May 3, 2016\n"),
    ("embedded_tweet_credit_no_pic",
     "\"We will win this state, and we will win it big!\"\n\n"
     "— Donald J. Trump (@realDonaldTrump) April 19, 2016\n"),
    ("q_a_periods",
     "Q. Will the county raise property taxes?\n\n"
     "A. \"Not this year. I promised that, and I will keep it.\"\n"),
    ("interview_mixed_case_label",
     "Kelly: Did the attacks on your family hurt?\n\n"
     "Trump: \"Of course they hurt. I am a human being.\"\n"),
    ("ad_script_colon",
     "The 30-second ad, which began airing Tuesday in Ohio, shows the senator at a kitchen table. The narrator says: \"He fought for your job. Now he is fighting for your family.\"\n"),
    ("told_paper_year_colon",
     "In 2012, he told the Des Moines Register: \"I will never vote for a tax increase.\"\n"),
    ("continued_separate_sentence",
     "\"We are going to build the plant, and we are going to build it here.\" Whitaker continued, \"Nobody is going to stop us.\"\n"),
    ("facebook_post_next_para",
     "\"I am done apologizing for who I am.\"\n\n"
     "Councilwoman Irene Pratt wrote those words in a Facebook post on Sunday night.\n"),
    ("asked_replied_colon",
     "Asked about the emails on Sunday, the candidate replied: \"I have answered that question a hundred times.\"\n"),
    ("run_after_said_para",
     "\"We had the votes on Friday,\" House Majority Leader Carla Dent said. \"We lost two over the weekend.\"\n\n"
     "\"That happens. You go back and you count again.\"\n"),
    ("quote_then_he_said_lowercase_curly",
     "\u201cThe deal is done\u201d he said, walking out of the room.\n"),
    ("speaker_two_paras_up_run",
     "Governor Ellen Park spoke to reporters after the vote.\n\n"
     "\"This is a good day for the state.\n\n"
     "\"It took two years, but we got it done.\"\n"),
    ("debate_transcript_caps_no_quotes_then_quote",
     "An excerpt from the debate:\n\n"
     "MODERATOR: Senator, your response.\n\n"
     "SEN. ALVAREZ: \"My opponent has voted for every one of these wars.\"\n"),
    ("statement_posted_colon_para",
     "The campaign posted a statement on its website late Thursday:\n\n"
     "\"The senator has never met this man and has no idea why he is making these claims.\"\n"),
    ("speech_excerpt_intro",
     "Here is part of what Obama said at the memorial service:\n\n"
     "\"We do not honor the fallen with words alone. We honor them with what we do next.\"\n"),
    ("quote_with_according_to_next_sentence",
     "\"He was furious, and he let everyone know it.\" That is according to two staff members who were in the room.\n"),
    ("said_in_statement_then_quote_para",
     "The Republican National Committee said in a statement that the ruling was a victory for voters.\n\n"
     "\"Today the court sided with the people of North Carolina.\"\n"),
    ("spokesperson_said_then_quote_next_para",
     "A spokeswoman for the campaign, Hope Hicks, said the candidate had no plans to release his tax returns.\n\n"
     "\"He is under audit, and he will release them when the audit is finished.\"\n"),
    ("quote_then_said_later_in_long_para",
     "\"I have never seen anything like this,\" said Rep. Mark Fields, a Democrat who has served in the House since 1999, as he left the chamber on Thursday evening after the vote. \"Not in 17 years.\"\n"),
    ("quoted_document_reads",
     "The memo, dated March 4, reads in part: \"All staff are to refrain from discussing the investigation with reporters.\"\n"),
    ("bill_text_states",
     "The bill states that \"no public funds shall be used for the construction of the stadium.\"\n"),
    ("quote_inside_said_clause",
     "Sanders said the system was \"rigged against working people,\" and he vowed to fight on.\n"),
    ("poll_question_wording",
     "Voters were asked: \"If the election were held today, whom would you vote for?\"\n"),
    ("oath_recited",
     "Standing on the courthouse steps, 42 new citizens recited the oath together: \"I hereby declare, on oath, that I absolutely and entirely renounce ...\"\n"),
    ("sermon_quote_after_beat",
     "The Rev. Calvin Ames raised both hands above his head.\n\n"
     "\"Somebody say amen!\"\n"),
    ("crowd_responded",
     "\"Who is going to pay for the wall?\" Trump asked. \"Mexico!\" the crowd roared back.\n"),
    ("chyron_headline_quote",
     "# Clinton: 'I made a mistake'\n\n"
     "Hillary Clinton said Tuesday that using a private email server was a mistake.\n"),
    ("headline_said_quote_hyphen",
     "# 'This is not who we are' - governor condemns attack\n\n"
     "Gov. Dana Wells condemned Saturday's attack on a mosque in Tulsa.\n"),
    ("quote_after_video_shows",
     "A video posted online shows Officer Kyle Benton shouting at the driver.\n\n"
     "\"Get out of the car! Get out of the car now!\"\n"),
    ("recording_caught",
     "In the recording, obtained by the Ledger, the county clerk can be heard telling an employee: \"Just shred them. Nobody will ever know.\"\n"),
    ("court_transcript_judge",
     "According to the transcript, Judge Lena Ortiz told the defendant: \"You had every chance to stop.\"\n"),
    ("writes_in_book",
     "In her memoir, published last year, the former first lady writes: \"I never wanted this life.\"\n"),
    ("opinion_column_byline_quote",
     "By Marcus Hale, Opinion contributor\n\n"
     "My father had a saying: \"If you cannot fix it, do not break it.\"\n"),
    ("liveblog_name_timestamp",
     "**2:15 p.m. — Rep. Joan Ellis (D-Mass.):**\n\n"
     "\"This bill is a disgrace, and every member who votes for it should be ashamed.\"\n"),
    ("speaker_in_previous_sentence_as_object_of_asked",
     "Reporters asked Mayor Luis Ortega about the budget gap. \"We will close it without layoffs.\"\n"),
    ("quote_after_name_colon_inline",
     "Ortega's answer to critics: \"Come see the books for yourself.\"\n"),
    ("wire_cue_after_long_quote",
     "\"The central bank has made clear that it will act if inflation stays above its target for another two quarters, and markets are now pricing in a rise in June,\" said Anna Lind, chief economist at Nordbank in Stockholm.\n"),
    ("quote_after_said_pronoun_next_para_she",
     "Pelosi was asked whether Democrats would retake the House.\n\n"
     "\"Absolutely. And we will do it with candidates who look like America.\"\n"),
    ("nickname_quoted_then_sentence",
     "Known to fans as \"The Professor,\" Lindqvist retired in 2014.\n"),
    ("quote_of_law_name",
     "The \"Affordable Care Act\" has been challenged in court more than 70 times.\n"),
    ("hashtag_campaign",
     "The hashtag \"#NeverAgain\" trended for three days.\n"),
    # --- vox pops, courts, live coverage, books (a third batch) ---
    ("vox_pop_paren_first_name_age",
     "We asked riders at the Fifth Street station what they want from the new transit plan.\n\n"
     "- \"More buses at night. I finish work at 11.\" (Ana, 34, nurse)\n"
     "- \"Just make them come on time.\" (Derek, 19, student)\n"),
    ("vox_pop_name_line_after",
     "\"I voted for him twice, and I will not do it again.\"\n\n"
     "Ron Dale, 58, Akron\n\n"
     "\"He kept his promises. That is more than I can say for the others.\"\n\n"
     "Marisol Vega, 44, Canton\n"),
    ("dash_lowercase_credit",
     "\"It is what it is.\" — a phrase Coach Dale Ruiz has repeated all season.\n"),
    ("per_memo",
     "\"We are out of money for the year,\" per a memo from the district's finance director, Carla Ames.\n"),
    ("said_colon_inverted",
     "Said Ruiz: \"We are done negotiating.\"\n"),
    ("reply_colon_possessive",
     "Ruiz's reply: \"Not a chance.\"\n"),
    ("placard_read",
     "\"Enough is enough,\" read one placard held above the crowd.\n"),
    ("reddit_user_colon",
     "One Reddit user put it bluntly: \"This city is broken, and everyone in charge knows it.\"\n"),
    ("subject_line_colon",
     "The email's subject line: \"URGENT: Do not open attachments from this sender.\"\n"),
    ("foreman_verdict",
     "\"Guilty,\" the foreman said, and the courtroom went silent.\n"),
    ("court_exchange",
     "\"Did you see the defendant that night?\" the prosecutor asked.\n\n"
     "\"I did. He was standing by the door.\"\n\n"
     "The witness, a bartender named Luis Ocampo, did not look at the defendant as he answered.\n"),
    ("interview_initials_label",
     "JD: How long have you lived here?\n\n"
     "MR: \"Since 1971. I raised four kids in this house.\"\n"),
    ("book_writes",
     "\"The war was lost before it began,\" Keller writes in the book's first chapter.\n"),
    ("deleted_tweet_fragment",
     "In a since-deleted tweet, the congressman wrote that \"the election was stolen from the people.\"\n"),
    ("quote_in_lede_then_named_subject",
     "\"I thought it was thunder.\"\n\n"
     "Dana Ruiz, 41, was asleep when the gas line exploded under her street early Sunday.\n"),
    ("she_said_later_in_para",
     "\"We never got a single call back.\" Her voice cracked. \"Not one,\" Maria Ochoa said.\n"),
    ("caption_ap_credit",
     "\"We lost everything,\" said Teresa Ruiz, standing outside her flooded home in Pinecrest on Saturday. (AP Photo/John Locher)\n\n"
     "The river crested at 31 feet.\n"),
    ("live_debate_colon_names",
     "9:42 p.m. Sanders on trade:\n\n"
     "\"These deals were written by the corporations, for the corporations.\"\n"),
    ("statement_read_aloud",
     "Reading from a prepared statement, Police Chief Dana Holt said the officer had been placed on leave.\n\n"
     "\"We owe this community answers, and we will give them.\"\n"),
    ("poem_epigraph_credit_next_line",
     "\"Do not go gentle into that good night.\"\n\n"
     "— Dylan Thomas\n\n"
     "Hospice workers in the county say families are asking for more time, not less.\n"),
    ("song_described_before",
     "The song, written by Pete Seeger in 1955, goes like this.\n\n"
     "\"Where have all the flowers gone, long time passing?\"\n"),
    ("old_saying_before",
     "There is an old saying in the valley.\n\n"
     "\"The river gives, and the river takes back.\"\n"),
    ("continues_after_person_went_on",
     "The reporter asked again.\n\n"
     "\"You know, it happens, right?\" Trump went on, as if he did not hear her. \"But you have to "
     "get over it. Fight back, do whatever you have to do.\"\n"),
    ("continues_after_unlinked_cue",
     "\"Governor, let me help you out: the answer is no,\" the nominee riffed, drawing laughs from the "
     "crowd. \"And that is why we need a new senator in Washington!\"\n"),
]

# (expected, id, text): quotations no one near them speaks (expected = how many)
UNATTRIBUTED = [
    (1, "float_after_fact",
     "The county spent $4 million on the new jail kitchen last year.\n\n"
     "\"Nobody ever checked whether the ovens worked.\"\n"),
    (1, "float_between_facts",
     "The bridge was built in 1931.\n\n"
     "\"It should have been replaced twenty years ago, and everybody at City Hall knew it.\"\n\n"
     "Repairs are expected to take a year.\n"),
    (1, "float_after_vote",
     # resolve takes "Lincoln Elementary" for a person's name, but with nothing beyond its capitals
     "The school board voted 5-2 on Tuesday to close Lincoln Elementary.\n\n"
     "\"This is a betrayal of every family on the north side.\"\n\n"
     "The school will close in June.\n"),
    (1, "float_then_unnamed_source_new_claim",
     "The building has had 11 code violations since 2020.\n\n"
     "\"They never fixed the alarms, not once in five years.\"\n\n"
     "A city inspector, who asked not to be named because the case is open, said the owner had been "
     "fined twice.\n"),
    (1, "float_then_experts_say",
     "The new payroll system went live in March and failed within a week.\n\n"
     "\"It was broken from the first day, and everybody knew it.\"\n\n"
     "Experts in public-sector software say such failures are common when old systems are replaced "
     "all at once.\n"),
    (1, "float_then_paragraph_whose_later_sentence_has_a_speaker",
     "The county closed the pool at Riverside Park in June.\n\n"
     "\"Where are the kids supposed to go all summer, the river?\"\n\n"
     "Repairs would cost about $2 million, and the pumps alone would take a year to arrive. Commissioner Ray Patel "
     "said the county would apply for a state grant.\n"),
    (1, "float_after_weather",
     "Temperatures reached 104 degrees on Saturday, a record for the date.\n\n"
     "\"We had three people pass out in line at the cooling center.\"\n"),
    (1, "float_after_org_action",
     "The hospital closed its maternity ward in January.\n\n"
     "\"Now the nearest place to have a baby is an hour away, on a good day.\"\n"),
    (1, "float_after_statistic_curly",
     "Enrollment at the college has fallen 18 percent in five years.\n\n"
     "\u201cWe are pricing out the very students we were built to serve.\u201d\n"),
    (1, "float_end_of_article",
     "The council will take up the measure again in March.\n\n"
     "\"If it fails a second time, the pool is gone for good.\"\n"),
    (1, "float_two_sentence_no_speaker",
     "The plant's smokestack came down on Saturday morning.\n\n"
     "\"My grandfather worked there. So did my father. Now it is a parking lot.\"\n"),
    (1, "float_after_place_description",
     "The trailer park sits on a floodplain at the edge of the river.\n\n"
     "\"Every spring we pack everything we own into the truck and wait.\"\n"),
    (1, "float_after_other_attributed_far",
     "\"We will finish the road by fall,\" said county engineer Pat Mulroney.\n\n"
     "The contract was awarded in April.\n\n"
     "Work stopped in July when the contractor went bankrupt.\n\n"
     "\"Nobody has touched the road since, and nobody will say why.\"\n"),
    (1, "float_with_respond_after",
     "The city cut the library's hours to three days a week.\n\n"
     "\"Kids have nowhere to go after school now.\"\n\n"
     "Library director Emma Stowe responded that the cuts were temporary.\n"),
    (2, "two_floats_separated",
     "The county's 911 center lost power for 40 minutes on Sunday.\n\n"
     "\"Nobody answered. I called four times.\"\n\n"
     "The backup generator did not start.\n\n"
     "\"It was tested in March and it worked then.\"\n"),
    (1, "float_markdown",
     "## Parking\n\n"
     "The city raised meter rates to $3 an hour on Monday.\n\n"
     "\"Downtown is dead after six, and this will finish it off.\"\n"),
    (1, "float_html",
     "<html><body><p>The district cut bus service to three routes.</p>"
     "<p>\"My daughter walks two miles on a road with no sidewalk.\"</p>"
     "<p>The cuts take effect Monday.</p></body></html>\n"),
    (1, "float_guillemets",
     "The factory in Lyon closed on Friday after 80 years.\n\n"
     "«We gave this company our whole lives and got a letter.»\n"),
    (1, "float_ascii_backticks",
     "The ferry will stop running in October.\n\n"
     "``We will be cut off from the mainland all winter.''\n"),
    (1, "float_after_crowd_no_verb",
     "About 200 people filled the gym for the hearing.\n\n"
     "\"You are taking the only clinic in this county and you did not even ask us.\"\n"),
    (1, "float_mid_paragraph_after_figure",
     "Rents in the neighborhood rose 40 percent in three years. \"My landlord doubled it in one "
     "letter.\" The city has no rent control.\n"),
    (1, "float_lede_quote_of_event",
     "\"Get out now, the dam is going.\"\n\n"
     "The warning went out by text at 2:14 a.m., and within an hour the Harlan Dam had failed.\n"),
    (1, "float_after_company_statement_far",
     "Acme Foods closed its bakery in Dayton on Friday.\n\n"
     "The company cited rising costs.\n\n"
     "The building will be sold.\n\n"
     "\"I worked there 31 years and found out from the radio.\"\n"),
    (1, "float_after_question_about_thing",
     "The county closed the swimming pool in June.\n\n"
     "Why did the repairs take so long?\n\n"
     "\"Nobody wanted to pay for the pumps, and nobody still does.\"\n"),
    (1, "float_after_law_passed",
     "The legislature passed the bill 61-38 on Thursday.\n\n"
     "\"This will put small pharmacies out of business within a year.\"\n"),
    (1, "float_after_date_heading",
     "Tuesday, 4:15 p.m.\n\n"
     "The evacuation order was lifted for the west side.\n\n"
     "\"We still have no water, and nobody will tell us when.\"\n"),
    (1, "float_political_after_fact",
     "The Senate adjourned on Thursday without voting on the nomination.\n\n"
     "\"This is a dereliction of duty, plain and simple.\"\n\n"
     "The nomination has been pending for 293 days.\n"),
    (1, "float_tweet_like_no_credit",
     "The account posted 14 times between midnight and 3 a.m.\n\n"
     "\"Total disgrace. The people will not forget this!\"\n"),
    (1, "float_after_numbers_and_date",
     "By Friday, 312 homes had been inspected and 41 condemned.\n\n"
     "\"They tell you to wait, and then they tell you to wait some more.\"\n"),
    (1, "float_after_concert",
     "The band played for three hours on Saturday.\n\n"
     "\"I waited forty years to see them, and I would wait forty more.\"\n"),
]

# (id, text): quotations whose lack of a speaker is uncertain: something next to them may give the
# speaker (a person named or referred to but not shown speaking, a body's plan, a heading, a credit
# line, a missing closing mark).  Reported by quote-speaker-uncertain (a warning), never as an
# error: an uncertain link never makes an error-level finding.
UNCERTAIN = [
    ("person_object_prev_para",
     "Police arrested Jamal Reed, 24, on Friday at his apartment.\n\n"
     "\"I did nothing wrong, and I will prove it in court.\"\n"),
    ("person_subject_prev_para_no_speech",
     "Reed, 24, has lived in the neighborhood since 2010.\n\n"
     "\"Nobody here trusts the police anymore, and why would they?\"\n"),
    ("pronoun_next_para",
     "\"I was the last one out of the building.\"\n\n"
     "She had worked the night shift at the plant for 11 years.\n"),
    ("person_noun_subject_before",
     "A bus driver waited outside the depot for an hour on Monday morning.\n\n"
     "\"They told us at midnight that the routes were cut.\"\n"),
    ("body_plan_same_paragraph",
     "Traffic on Route 30 has doubled since 2010. \"We cannot widen our way out of this.\" The state "
     "plans to add a lane anyway.\n"),
    ("quote_as_heading",
     "## \"We were never told the levee was weak.\" What went wrong in Millbrook\n\n"
     "The county's emergency alert went out three hours after the levee broke.\n"),
    ("credit_line_no_dash",
     "\"I did not run for this office to sit on my hands.\"\n\n"
     "Councilwoman Beth Aranda\n\n"
     "Aranda has introduced more bills than any other member this year.\n"),
    ("remarks_after_speaker",
     "\"We have to get much tougher, and we have to do it now,\" Trump said on Monday.\n\n"
     "The remarks came hours after the shooting at a nightclub in Orlando.\n\n"
     "\"This is just the beginning of what is coming if we do nothing.\"\n"),
    ("name_subhead_then_quote",
     "## What the candidates said\n\n"
     "Maria Lopez\n\n"
     "\"We need to cut the waste before we ask anyone to pay more.\"\n"),
    ("person_noun_object_before",
     # a person noun as the main verb's object is counted as a candidate speaker, though here the
     # quote floats: the price of never making an uncertain link an error
     "Millbrook lost its last doctor in 2019 and its pharmacy a year later.\n\n"
     "\"Nobody is coming to save us.\"\n\n"
     "The town has no bank and no grocery store.\n"),
    ("ad_with_its_maker_before",
     "The 30-second ad from the Clinton campaign opens with a shot of an empty factory.\n\n"
     "\"It is time to bring the jobs home, and it is time to do it now.\"\n"),
    ("letter_signed_by_before",
     "The letter, signed by 40 House Democrats, was sent to the Justice Department on Friday.\n\n"
     "\"We urge you to release the full report without delay.\"\n"),
    ("report_of_an_office_before",
     "The inspector general's report runs to 212 pages.\n\n"
     "\"Basic safety checks were skipped for years at every one of the plants.\"\n"),
    ("unclosed_at_end",
     "The district closed the last pool in the county on Friday.\n\n"
     "\"Where are the kids supposed to swim now, the river?\n"),
]
