"""Who is an unnamed individual (anonymous-source) and who a vague group (vague-attribution):
the resolve stage decides once (Speaker.anonymity), on realistic news wording written for
these tests."""
from __future__ import annotations

import pytest

from ._audit import by_content
from .test_sourcing_real import _audit, _flagged

pytestmark = pytest.mark.stanza


@pytest.mark.parametrize("sentence, source", [
    # coordinated modifiers share one head: these are insiders, not a crowd
    ("Current and former officials said the port authority had ignored three safety audits.",
     "Current and former officials"),
    ("Four past and present employees told the newspaper that managers had hidden the losses.",
     "Four past and present employees"),
    # a name that only modifies a person noun names whose confidant, not who speaks
    ("One Ortega confidant said the governor would not seek a third term.", "One Ortega confidant"),
    ("Close associates of the mayor said he had decided not to run again.", "Close associates of the mayor"),
])
def test_unnamed_insiders_are_anonymous_sources(parser, sentence, source):
    report = _audit(parser, sentence + "\n")
    assert _flagged(report, "anonymous-source") == [source]
    assert _flagged(report, "vague-attribution") == []


@pytest.mark.parametrize("sentence, source", [
    # a broad share of officials is a vague collective; a count of them is not
    ("Many county officials say they expect the school levy to pass in November.", "Many county officials"),
    # unnamed evidence is vague, and no person
    ("Official data suggest that exports of canned fish fell by a third in March.", "Official data"),
])
def test_a_broad_share_or_unnamed_evidence_is_a_vague_group(parser, sentence, source):
    report = _audit(parser, sentence + "\n")
    assert _flagged(report, "anonymous-source") == []
    assert _flagged(report, "vague-attribution") == [source]


def test_a_count_of_officials_stays_anonymous_and_a_definite_report_is_neither(parser):
    from attribution.resolve import anonymity, load_people

    people = load_people()
    assert anonymity(people, "several county officials", True) == "person"
    assert anonymity(people, "many county officials", True) == "group"
    assert anonymity(people, "the report", False) is None
    assert anonymity(people, "critics and supporters of the levy", True) == "group"
    assert anonymity(people, "Democrats and Republicans", True) == "group"


@pytest.mark.parametrize("sentence", [
    "Staff at the clinic were told that the night ward would close in June.",
    "Members of the rowing club were sworn to secrecy about the guest list.",
    "The council vote was delayed after the town's former treasurer said the accounts had not been audited.",
])
def test_who_was_told_or_a_clause_opener_is_no_anonymous_source(parser, sentence):
    assert _flagged(_audit(parser, sentence + "\n"), "anonymous-source") == []


def test_the_person_names_again_the_unnamed_individual_mentioned_last(parser):
    text = ("A longtime adviser to the governor, who requested anonymity to speak freely, said the "
            'campaign was short of money. "We have a lot of work to do," the person added.\n\n'
            "A senior diplomat said the talks on the fishing treaty would resume in May. The source "
            "said both sides wanted a deal before the summer.\n")
    report = _audit(parser, text)
    src = report.source.text
    by_source = {}
    for a in report.resolved.attributions:
        if a.source is not None:
            by_source[src[a.source.start:a.source.end]] = report.resolved.speaker(a.speaker)
    assert by_source["the person"].name == "a longtime adviser to the governor"
    assert by_source["the person"].anonymity == "person"
    assert by_source["The source"].name == "a senior diplomat"
    found = {src[f.start:f.end].split(",")[0]: len(f.attributions) for f in report.findings
             if f.rule == "anonymous-source"}
    assert found == {"A longtime adviser to the governor": 2, "A senior diplomat": 2}


@pytest.mark.parametrize("sentence, source", [
    ("About four in 10 county voters say the new stadium is a waste of money.",
     "About four in 10 county voters"),
    ("While almost everyone agrees the old bridge must go, the cost is in dispute.", "almost everyone"),
])
def test_a_poll_share_or_everyone_is_no_unnamed_individual(parser, sentence, source):
    from attribution.resolve import anonymity, load_people

    assert anonymity(load_people(), source, source.endswith("s")) == "group"
    assert _flagged(_audit(parser, sentence + "\n"), "anonymous-source") == []


def test_a_first_name_that_is_also_a_month_is_no_dateline(parser):
    for backer in ("an early supporter of the mayor", "an early backer of the mayor"):
        text = (f"Former Nevada governor Jan Holloway, {backer}, calls the water plan "
                '"a priority" for ranchers. "They want to know the wells will not run dry," she said.\n')
        report = _audit(parser, text)
        assert _flagged(report, "anonymous-source") == []
        names = [report.resolved.speaker(a.speaker) for a in report.resolved.attributions]
        assert all(sp is not None and "Holloway" in sp.name for sp in names), names


def test_an_insider_familiar_with_the_talks_is_an_unnamed_individual(parser):
    # the tagger reads "executive" as an adjective here; "familiar with the talks" marks an insider
    text = ("The publisher declined to renew the offer, according to a publishing executive familiar "
            "with the talks.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == ["a publishing executive familiar with the talks"]
    assert _flagged(report, "vague-attribution") == []


def test_a_quantifier_for_a_crowd_and_whose_lawyers(parser):
    from attribution.resolve import anonymity, load_people

    people = load_people()
    assert anonymity(people, "some on Twitter", False) == "group"
    assert anonymity(people, "many in the party", False) == "group"
    assert anonymity(people, "whose attorneys", True) is None  # the antecedent's lawyers, like "Clinton's lawyers"
    report = _audit(parser, 'According to some on Twitter, the anchor arrived at the tower "incognito."\n')
    assert _flagged(report, "anonymous-source") == []


def test_to_avoid_damage_is_a_reason_for_anonymity(parser):
    text = ('"She was never one for collaboration," said one former executive who requested anonymity '
            "to avoid damaging his business relationships.\n")
    found = [f for f in _audit(parser, text).findings if f.rule == "anonymous-source"]
    assert len(found) == 1 and found[0].severity.value == "info", found
    assert "to avoid damaging" in found[0].message


def test_trailing_coordinated_modifiers_keep_the_attribution(parser):
    # "current and former" before the head: the source after the content is one noun phrase
    text = "The inquiry is focused on how the ledgers were kept, current and former officials said.\n"
    assert _flagged(_audit(parser, text), "anonymous-source") == ["current and former officials"]


def test_one_of_his_aides_is_an_unnamed_individual_and_some_of_his_critics_a_group(parser):
    from attribution.resolve import anonymity, load_people

    people = load_people()
    assert anonymity(people, "one of his senior aides", True) == "person"
    assert anonymity(people, "two of the officials", True) == "person"
    assert anonymity(people, "some of his critics", True) == "group"
    assert anonymity(people, "one of three polls", True) == "group"  # evidence, no person
    assert anonymity(people, "one of the two men", True) is None     # people already introduced
    text = ("The mayor will join the lawsuit on Friday, according to one of her senior aides. "
            "Some of her critics said the suit was a stunt.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == ["one of her senior aides"]
    assert _flagged(report, "vague-attribution") == ["Some of her critics"]


def test_a_description_with_the_name_in_apposition_is_no_one_else(parser):
    # "His opponent, Maria Whitfield," is Whitfield: a later "He" is Okafor, not an unnamed opponent
    text = ("8:30 p.m. Tom Okafor is thanking supporters at a rally in his home ward. "
            "Okafor won the mayor's race, his first win in the city. His opponent, Maria Whitfield, won the river wards.\n\n"
            "He told supporters that the result was a mandate for the new transit plan.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == []
    said = [a for a in report.resolved.attributions if a.source and report.source.text[a.source.start:a.source.end] == "He"]
    assert said and all("Okafor" in report.resolved.speaker(a.speaker).name for a in said)


def test_a_name_in_apposition_after_the_role_and_its_ministry_is_the_source(parser):
    text = ("The minister had a say in every major contract, said a former spokesman for the country's "
            "Foreign Ministry, Oleg Petrenko, who later ran for parliament.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == []
    assert [report.resolved.speaker(a.speaker).name for a in report.resolved.attributions] == ["Oleg Petrenko"]


def test_comma_between_two_modifiers_keeps_the_epithet_whole(parser):
    # "the soft-spoken, 68-year-old diplomat" stands for the envoy named before: no unnamed source
    text = ("Envoy Ingrid Solberg made water rights her first cause when she took office.\n\n"
            '"From the first day, this was my priority," the soft-spoken, 68-year-old diplomat said '
            "in an interview.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == []
    srcs = [report.source.text[a.source.start:a.source.end] for a in report.resolved.attributions if a.source]
    assert "the soft-spoken, 68-year-old diplomat" in srcs


def test_wasnt_authorized_is_a_reason_and_a_referred_request_is_no_claim(parser):
    text = ("The group is combing through old footage for new ads, according to a party official who "
            "wasn't authorized to speak publicly.\n\n"
            "So far the senator has been silent, and his aides referred requests for comment to the campaign.\n")
    found = [f for f in _audit(parser, text).findings if f.rule == "anonymous-source"]
    assert len(found) == 1 and found[0].severity.value == "info", found
    assert "wasn't authorized" in found[0].message


def test_the_congressmans_spokesman_is_not_the_congressman(parser):
    # the role after the possessive is the speaker's; the congressman is only whose spokesman he is
    text = ("Rep. Alan Whitmore has led the inquiry for a year. The congressman's spokesman also pointed "
            "out that the panel had interviewed fifty witnesses.\n")
    report = _audit(parser, text)
    [a] = [a for a in report.resolved.attributions if a.source]
    sp = report.resolved.speaker(a.speaker)
    assert sp is None or "Whitmore" not in sp.name


def test_sources_privy_to_the_talks_are_insiders_and_also_pointed_out_is_speech(parser):
    from attribution.resolve import anonymity, load_people

    assert anonymity(load_people(), "multiple sources privy to the negotiations", True) == "person"
    text = ("Port lease talks near an end\n\nNegotiators are close to a deal, multiple sources privy to the negotiations say.\n\n"
            "A union official also pointed out that the lease runs for forty years.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == ["multiple sources privy to the negotiations", "A union official"]
    assert _flagged(report, "vague-attribution") == []


def test_some_experts_and_some_say_are_a_vague_group_not_an_unnamed_individual(parser):
    from attribution.resolve import anonymity, load_people

    people = load_people()
    assert anonymity(people, "some experts", True) == "group"
    assert anonymity(people, "some", True) == "group"
    text = ("Bridge plan costs more\n\nThe governor pledged to rebuild the bridge without new tolls. "
            "But some experts said it could be a difficult pledge to keep.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == []
    assert _flagged(report, "vague-attribution") != []


def test_people_close_to_the_mayor_stay_insiders_when_close_is_tagged_a_verb(parser):
    # the tagger reads "close" as a finite verb; it must not cut the source to "people" (a crowd)
    text = ("Transit tax stalls\n\nAt times last year, people close to the mayor said, the mere mention of "
            "the council president could make him furious. The plan faces resistance on the council, "
            "people close to the mayor say.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == ["people close to the mayor"]
    assert _flagged(report, "vague-attribution") == []


def test_a_spokesman_for_a_named_candidate_is_the_spokesman_not_the_candidate(parser):
    from ._audit import by_content

    text = ("A spokesman for Democratic mayoral candidate Elena Ruiz called the proposal \"reckless.\" "
            "Ruiz has not released her own plan.\n")
    report = _audit(parser, text)
    _, sp = by_content(report, "reckless")
    assert sp is not None and sp.kind == "anonymous" and sp.name.startswith("a spokesman"), sp
    assert _flagged(report, "anonymous-source") == ["A spokesman for Democratic mayoral candidate Elena Ruiz"]


def test_a_modifier_tagged_as_a_verb_does_not_cut_the_source(parser):
    # "ethics" is tagged VBZ (a compound of "investigators"): the source is the investigators, not "House"
    report = _audit(parser, "House ethics investigators concluded that the trip was improperly financed by a lobbying firm.\n")
    assert _flagged(report, "anonymous-source") == ["House ethics investigators"]


def test_a_name_just_before_the_apposition_the_source_began_at_speaks(parser):
    from ._audit import by_content

    # a comma missing after the apposition: the span starts at "a spokesman", the name before it speaks
    text = ("Border plan surprises Congress\n\n\"We have not been briefed,\" Doug Andres, a spokesman for House "
            "Speaker Paul Ryan told the Post.\n")
    report = _audit(parser, text)
    _, sp = by_content(report, "briefed")
    assert sp is not None and sp.name == "Doug Andres", sp
    assert _flagged(report, "anonymous-source") == []


@pytest.mark.parametrize("text, source", [
    ("Lawmakers may also get help from the network, which is weighing a push in House races, according to "
     "people familiar with the network's plans.\n", "people familiar with the network's plans"),
    ("One of the choices the campaign has made, according to a person close to the secretive process, is to "
     "answer every attack on the charity with one on his own giving.\n", "a person close to the secretive process"),
])
def test_according_to_keeps_the_whole_insider_phrase_up_to_its_punctuation(parser, text, source):
    assert _flagged(_audit(parser, text), "anonymous-source") == [source]


def test_a_name_before_a_parenthetical_cue_is_what_the_aide_speaks_of(parser):
    from ._audit import by_content

    # no apposition: the aide speaks (of the mayor), the mayor is not the speaker
    report = _audit(parser, "Park, a top aide said, \"is very confident in the contrast\" between her and the challenger.\n")
    _, sp = by_content(report, "very confident")
    assert sp is not None and sp.kind == "anonymous", sp
    assert _flagged(report, "anonymous-source") == ["a top aide"]


def test_one_of_them_and_the_other_employee_are_unnamed_individuals_of_the_set(parser):
    text = ("Road contracts\n\nTwo former employees of the county's roads department told the Ledger that the director "
            "labeled ordinary repairs as emergencies. Both spoke on condition that they not be named because they "
            "still work in the county.\n\n\"Everybody in the office knew how it worked,\" one of them said.\n\n"
            "The other former employee said the director told staff in a 2021 meeting to stop asking questions.\n")
    report = _audit(parser, text)
    flagged = _flagged(report, "anonymous-source")
    assert "one of them" in flagged, flagged
    anon = [f for f in report.findings if f.rule == "anonymous-source"]
    covered = {a for f in anon for a in f.attributions}
    other = [a for a in report.resolved.attributions if a.source and
             report.source.text[a.source.start:a.source.end] == "The other former employee"]
    assert other and other[0].id in covered, anon


def test_one_of_two_named_people_is_no_unnamed_source(parser):
    text = ("Judges Ana Holt and Celia Brandt heard the appeal on Monday. \"We will rule by Friday,\" one of them said.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_asking_that_ones_name_not_be_used_is_the_reason_not_a_claim(parser):
    text = ("Night shift\n\nA nurse on the surgical floor, who asked that her name not be used because she feared "
            "losing her job, said she had twice been assigned eight patients on a night shift.\n")
    found = [f for f in _audit(parser, text).findings if f.rule == "anonymous-source"]
    assert len(found) == 1 and found[0].severity.value == "info", found
    assert "feared losing her job" in found[0].message


@pytest.mark.parametrize("text", [
    # a plea in court and a matter passed on are acts, not claims of the unnamed subject
    "A former pharmacy manager who pleaded guilty to stealing painkillers from the store he ran was sentenced Thursday.\n",
    "The inspector general has referred her findings to the state attorney general's office.\n",
])
def test_a_plea_or_a_referral_is_no_claim(parser, text):
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == []
    assert not any(report.source.text[a.cue.start:a.cue.end].startswith(("pleaded", "has referred", "referred"))
                   for a in report.resolved.attributions if a.cue)


def test_a_name_after_another_unnamed_person_names_no_speaker(parser):
    from ._audit import by_content

    # the name may be the acquaintance's (it is): a wrong speaker is worse than an unnamed one
    text = ("A lawyer for the acquaintance charged with selling the pills, Dwayne Keller, 34, claimed that his "
            "client never knew where the drugs came from.\n\nA spokeswoman for the department, Alicia Moreno, "
            "confirmed the count.\n")
    report = _audit(parser, text)
    _, sp = by_content(report, "never knew")
    assert sp is not None and sp.kind == "anonymous" and "Keller" not in sp.name, sp
    _, sp = by_content(report, "the count")
    assert sp is not None and sp.name == "Alicia Moreno", sp
    assert len(_flagged(report, "anonymous-source")) == 1


def test_one_of_the_people_speaks_for_the_unnamed_set_before_it(parser):
    text = ("Grocery merger review\n\nTwo people with knowledge of the review, who spoke on condition of anonymity "
            "because the work is confidential, said staff had focused on about 40 towns.\n\nIn some of those towns, "
            "one of the people said, the two chains have stores across the street from each other.\n")
    report = _audit(parser, text)
    anon = [f for f in report.findings if f.rule == "anonymous-source"]
    covered = {a for f in anon for a in f.attributions}
    one = [a for a in report.resolved.attributions if a.source and
           report.source.text[a.source.start:a.source.end] == "one of the people"]
    assert one and one[0].id in covered, anon


def test_a_cue_coordinated_with_a_passive_verb_shares_its_subject(parser):
    report = _audit(parser, "County officials were angered by the ruling and predicted it would delay the bridge project by a year.\n")
    assert _flagged(report, "anonymous-source") == ["County officials"]


def test_one_of_them_named_in_apposition_is_that_organisation(parser):
    report = _audit(parser, "The deal infuriated other insurers. One of them, UnitedHealth Group, has threatened to "
                            "leave the exchanges, saying the losses were too large.\n")
    assert _flagged(report, "anonymous-source") == []


def test_a_question_asked_by_an_unnamed_reporter_is_no_sourced_claim(parser):
    text = ("Mayor meets governor\n\nThe mayor praised the governor and called him \"a friend.\" A reporter asked: "
            "Did they talk about the transit budget? \"We didn't discuss that,\" the mayor said.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_another_critic_named_in_apposition_is_that_person(parser):
    from ._audit import by_content

    report = _audit(parser, "Another critic, Laurence H. Tribe, likened the rules to burning the Constitution.\n")
    _, sp = by_content(report, "burning")
    assert sp is not None and sp.name == "Laurence H. Tribe", sp
    assert _flagged(report, "anonymous-source") == []


def test_which_officials_said_is_the_officials_not_the_plan(parser):
    from ._audit import by_content

    report = _audit(parser, "The plan, which officials said would cost $4 million, stalled in committee.\n")
    _, sp = by_content(report, "cost")
    assert sp is not None and sp.name == "officials", sp


def test_aides_say_inside_a_relative_clause_about_a_named_person_are_the_aides(parser):
    from ._audit import by_content

    text = ("Such criticism has exasperated Mayor Ruth Alvarez, who has gotten less credit than aides say she "
            "deserves for the new transit line.\n")
    report = _audit(parser, text)
    _, sp = by_content(report, "deserves")
    assert sp is not None and sp.kind == "anonymous", sp
    assert _flagged(report, "anonymous-source") == ["aides"]


@pytest.mark.parametrize("sentence, anonymous, vague", [
    # members of a party, a chamber or a union at large are a vague collective ...
    ("Republican members of the state Senate criticized the governor's budget on Tuesday.",
     [], ["Republican members of the state Senate"]),
    ("Some union members said the contract gave away too much on pensions.", [], ["Some union members"]),
    # ... members of a body that speaks through them, or a handful counted, are insiders
    ("Two board members said the vote on the merger had been rushed.", ["Two board members"], []),
    ("Staff members said the clinic had run out of flu vaccine by October.", ["Staff members"], []),
])
def test_members_are_insiders_only_of_a_body_or_counted(parser, sentence, anonymous, vague):
    report = _audit(parser, sentence + "\n")
    assert _flagged(report, "anonymous-source") == anonymous
    assert _flagged(report, "vague-attribution") == vague


def test_a_not_after_the_cue_belongs_to_the_elided_content(parser):
    """"officials said it would not": the cue is not negated (the parse hangs the "not" of
    "would not" on "said"); "officials did not say" still is."""
    text = ("The mayor said the Elm Street bridge would reopen by May. Transportation officials said it "
            "would not.\n\nCounty officials did not say when the ferry would resume.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == ["Transportation officials"]


def test_a_spokesman_who_could_only_quip_has_spoken(parser):
    text = ("Asked about the three-hour delays, a spokesman for the airport could only quip: "
            "\"We are working on it.\"\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == ["a spokesman for the airport"]


def test_a_description_the_next_sentence_names_is_no_anonymous_source(parser):
    """A lede that describes a person and names him in the next sentence ("A top adviser ...
    says ... Peter Hollis spoke to reporters"): the article names the speaker."""
    text = ("A top adviser to Governor Ellen Lane says the campaign will survive its loss in Ohio. "
            "Peter Hollis spoke to reporters after a meeting with donors on Thursday. "
            "He says the governor will stay in the race through June.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


@pytest.mark.parametrize("second", [
    "Police Chief Ann Ortiz said the investigation was continuing.",      # a title: someone else
    "Jo Ruiz, a teacher who lives nearby, said the police came twice.",  # described on her own
    "Marco Ruiz was arrested on Friday night.",                          # named, but does not speak
])
def test_a_new_name_that_is_someone_else_leaves_the_unnamed_source(parser, second):
    text = f"A neighbor said the family kept to themselves. {second}\n"
    assert _flagged(_audit(parser, text), "anonymous-source") == ["A neighbor"]


def test_a_name_before_an_apposition_no_comma_closes_speaks(parser):
    """"Name, a description has written": no comma closes the apposition, and the parse makes
    the description a second subject of the name's verb; the named person speaks."""
    text = ("Maria Delgado, a former nurse at the county jail has written a letter in which she "
            "describes beatings of inmates by guards.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == []
    a, sp = by_content(report, "a letter")
    assert sp is not None and sp.name == "Maria Delgado"


def test_the_narrator_of_an_ad_is_no_unnamed_source(parser):
    text = ("The Lane campaign's new television ad opens with shuttered mills along the river. "
            "\"The jobs left, and Washington never brought them back,\" says a narrator. "
            "The narrator adds that Lane will fight for every plant in the state.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_a_cue_inside_reported_words_takes_no_inverted_source(parser):
    """"Kiedis said his band, ..., wrote a host of new songs": what follows "wrote" is its
    object, not a source after the cue as in '"...," wrote a reader'."""
    text = ("Speaking on a radio show last week, Anthony Kiedis said his band and collaborator Brian "
            "Burton, AKA Danger Mouse, wrote a host of new songs for the upcoming album.\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == []
    text = "\"Nobody reads the fine print,\" wrote a longtime employee of the firm.\n"
    assert _flagged(_audit(parser, text), "anonymous-source") == ["a longtime employee of the firm"]


@pytest.mark.parametrize("sentence, source", [
    ("One attendee, who like others spoke on the condition of anonymity to discuss the private meeting, "
     "said the message was that the race would be long.",
     "One attendee, who like others spoke on the condition of anonymity to discuss the private meeting"),
    ("A caller told the station that the Elm Street bridge was unsafe.", "A caller"),
])
def test_an_agent_noun_names_an_unnamed_individual(parser, sentence, source):
    """"attendee", "caller", "reader": people (their plurals are derived person nouns), not an
    organisation; "a couple" or "a voice" are not."""
    assert _flagged(_audit(parser, sentence + "\n"), "anonymous-source") == [source]


def test_a_noun_the_parse_reads_as_a_cue_has_no_source_before_it(parser):
    """"host of the reality show “...”": the parse makes "show" a verb whose subject follows
    it; the noun phrase before it is nobody's voice."""
    text = ("Rick Dalton, a county commissioner and former host of the reality show \u201cThe Contender,\u201d "
            "called the stadium deal a mistake.\n")
    assert _flagged(_audit(parser, text), "anonymous-source") == []


def test_a_relative_pronoun_source_is_shown_with_the_description_it_stands_for(parser):
    """The finding starts at "a city official", not at "who" (what an editor must find)."""
    text = ("Although there is no overlap with the mayor's team, a city official who spoke anonymously to "
            "discuss internal planning said Wednesday, \"Certainly there are talks between the two offices.\"\n")
    report = _audit(parser, text)
    assert _flagged(report, "anonymous-source") == ["a city official who"]
    assert "a city official who" in next(f.message for f in report.findings if f.rule == "anonymous-source")
