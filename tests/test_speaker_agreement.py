"""Speaker links that must agree with what the article says about the speaker: a "she" never
goes to a man, an "it" to the organisation that acts, a lawyer's name in apposition never to
the client.  A wrong speaker is worse than none (issue 11): where the evidence is weak the
link is left out or shown as uncertain (``confidence == "low"``)."""
from __future__ import annotations

import pytest

from ._audit import audit_text, by_content

pytestmark = pytest.mark.stanza


def test_she_said_skips_the_man_named_just_before_by_his_first_name(parser):
    report = audit_text(parser,
                        "Council candidate Dana Whitford spent Saturday knocking on doors in the east "
                        "ward. She stopped to talk with a retired bus driver, Earl Mancuso, 68, who said "
                        "he had never voted in a city election. She nodded.\n\n"
                        "\"I'm not asking for your vote today,\" she said. \"I'm asking you to show up.\"\n")
    a, sp = by_content(report, "not asking for your vote")
    assert sp is None or sp.name == "Dana Whitford"


def test_first_names_beyond_the_hand_lists_give_a_gender():
    from attribution.vocab import first_name_gender, load_people

    people = load_people()
    assert first_name_gender(people, "earl") == "m"
    assert first_name_gender(people, "dana") == "f"
    assert first_name_gender(people, "lindsey") == "m"      # people.toml's hand list wins
    assert first_name_gender(people, "jordan") is None      # given to both: no evidence
    assert first_name_gender(people, "moreau") is None


def test_the_derived_first_name_list_is_what_its_recipe_gives():
    import subprocess
    import sys
    from pathlib import Path

    wheel = sorted(Path("/opt/pypi/files").glob("faker-*-py3-none-any.whl")) if Path("/opt/pypi/files").is_dir() else []
    if not wheel:
        pytest.skip("no Faker wheel on this machine to rerun scripts/derive_first_names.py")
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run([sys.executable, str(root / "scripts/derive_first_names.py"), str(wheel[-1]), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_company_said_is_the_firm_taken_up_with_which_not_the_ministry(parser):
    report = audit_text(parser,
                        "PORT ELLIS (Wire) — The country's mining ministry on Monday ordered the Cerro Azul "
                        "mine to stop work. Mines Minister Rosa Ibarra told reporters that inspectors had found "
                        "a leak at the mine, operated by Valdora Zinc, and that the company had hidden it.\n\n"
                        "Valdora, which is listed in London, rejected the ministry's account. In a statement, "
                        "the company said its own tests showed no leak.\n")
    a, sp = by_content(report, "its own tests showed no leak")
    assert sp is None or sp.name.startswith("Valdora")


def test_it_said_after_the_reported_words_is_their_subject_not_the_data_cited_before(parser):
    report = audit_text(parser,
                        "Halvorsen Tools, the Bergen-based maker of hand saws, said on Tuesday that its "
                        "profit fell 9 percent. Halvorsen shares fell 2 percent on Wednesday, according to "
                        "Coastal Stock Exchange data.\n\n"
                        "The company will report its annual results in late February, it said.\n")
    a, sp = by_content(report, "will report its annual results")
    assert sp is not None and sp.name == "Halvorsen Tools"


def test_according_to_figures_it_gave_is_the_sentence_subject(parser):
    report = audit_text(parser,
                        "A lawsuit filed on Monday accuses Dunmore Staffing of underpaying drivers it placed "
                        "with the delivery firm Pellcart.\n\n"
                        "Pellcart, which is based in Ashford and delivers in nine states, lost $21 million last "
                        "year, according to figures it gave investors in March.\n")
    a, sp = by_content(report, "lost $21 million")
    assert sp is not None and sp.name == "Pellcart"


def test_a_landlord_in_apposition_speaks_not_the_tenant_who_owns_the_possessive(parser):
    report = audit_text(parser,
                        "Walt Kessel has repaired watches on Grove Street for forty years. The rent on his "
                        "narrow shop has tripled since 2012, according to Kessel's landlord, Birchwood "
                        "Properties, which says the increase is below what newer tenants pay.\n")
    a, sp = by_content(report, "has tripled since 2012")
    assert sp is None or sp.name == "Birchwood Properties"


def test_a_place_in_the_speakers_relative_clause_is_not_the_source(parser):
    report = audit_text(parser,
                        "Residents filled the council chamber on Monday night.\n\n"
                        "Nora Quist, who lives near the top of Birch Hill Road, one of the steepest streets in "
                        "town, told the council that her street was not plowed for 14 hours after the storm.\n")
    a, sp = by_content(report, "was not plowed")
    assert sp is not None and sp.name == "Nora Quist"


def test_a_trailing_she_said_goes_to_the_woman_whose_speech_opens_the_sentence(parser):
    report = audit_text(parser,
                        "\"We have tried to make the tower as invisible as it can be,\" said Grace Whitlow, a "
                        "regional manager for Northcrest Towers.\n\n"
                        "Board member Frances Lim asked whether the company had looked at the water tower on "
                        "Prospect Hill. Whitlow said Northcrest had not approached the town about the water "
                        "tower; the company's engineers had ruled it out as too far from the highway, she said.\n")
    a, sp = by_content(report, "ruled it out")
    assert sp is not None and sp.name == "Grace Whitlow"


def test_the_company_is_not_the_trade_group_cited_before_it(parser):
    report = audit_text(parser,
                        "Dunford Paper will close its mill in Easton in March, the company told employees on "
                        "Monday. Demand for office paper has fallen by half since 2006, according to the trade "
                        "group Paper Industry Council.\n\n"
                        "The company said it would hold a job fair at the mill next month.\n")
    a, sp = by_content(report, "job fair")
    assert sp is None or "Council" not in sp.name


@pytest.mark.parametrize("cue_clause", [
    "Mayor Ann Lee told reporters in Dover after the vote.",
    "Tom Reyes said by phone from Boston.",
    "Delgado said in a telephone interview.",
    "Delgado said at the Nov. 14 meeting.",
])
def test_a_quote_after_a_cue_clause_with_adjuncts_keeps_the_speaker(parser, cue_clause):
    report = audit_text(parser, "The council voted 5-2 to close the pool.\n\n"
                                f"\"We acted because we had to,\" {cue_clause} \"We had no choice.\"\n")
    a, sp = by_content(report, "We had no choice")
    assert sp is not None and sp.name in cue_clause


def test_a_quote_after_another_clause_is_not_given_to_the_earlier_speaker(parser):
    report = audit_text(parser, "The council voted 5-2 to close the pool.\n\n"
                                "\"We acted because we had to,\" Mayor Ann Lee said. Council member Omar Haddad "
                                "disagreed. \"We had no choice.\"\n")
    a, sp = by_content(report, "We had no choice")
    assert sp is None or sp.name != "Ann Lee"


def test_the_district_is_the_one_district_named_before(parser):
    report = audit_text(parser,
                        "A freight train derailed on Thursday near Wexley, and the Wexley School District "
                        "closed two schools near the tracks.\n\n"
                        "The district said the schools would stay closed on Friday.\n")
    a, sp = by_content(report, "would stay closed")
    assert sp is not None and sp.name == "Wexley School District"


def test_the_company_is_never_the_public_agency_named_before(parser):
    report = audit_text(parser,
                        "A lawsuit filed by four drivers accuses Quillon of cheating them. The Federal Labor "
                        "Administration said it was reviewing the claims.\n\n"
                        "In a statement, the company said it pays drivers for every minute they work.\n")
    a, sp = by_content(report, "pays drivers for every minute")
    assert sp is None or "Administration" not in sp.name


def test_a_person_named_inside_the_quote_is_not_the_he_who_says_it(parser):
    report = audit_text(parser,
                        "The senator has made gun control the center of his campaign. Few colleagues have "
                        "followed him, and party leaders have kept their distance.\n\n"
                        "\"Certainly, this was a way to draw a contrast with Bernie Sanders in the primary,\" "
                        "he conceded.\n")
    a, sp = by_content(report, "draw a contrast")
    assert sp is None or sp.name != "Bernie Sanders"


def test_a_pronoun_subject_inside_a_relative_clause_is_not_the_person_it_describes(parser):
    report = audit_text(parser,
                        "Donald Trump skipped the debate. His quarrel was with the moderator, Megyn Kelly, who "
                        "he claims has been unfair to him.\n")
    a, sp = by_content(report, "has been unfair")
    assert sp is None or sp.name != "Megyn Kelly"
