"""one-sided: an accusation against a named party that never gets an answer."""
import pytest

from ._build import quoted, run

RULE = "one-sided"

ACC = "The union accused Acme Logistics of firing workers who joined the strike."
# a headline before a body: a short first line followed by a body is read as one
HEAD = "Drivers' union steps up its campaign\n\n"


def _attrs():
    return [dict(content="Acme Logistics of firing workers who joined the strike", cue="accused",
                 source="The union", speaker="s1", cue_lemma="accuse", classes={"accuse"})]


SPEAKERS = [dict(id="s1", name="the union", kind="organization", mentions=["The union"])]


def test_unanswered_accusation_fires():
    found = run(ACC + "\n", _attrs(), SPEAKERS, rule=RULE)
    assert len(found) == 1
    assert quoted(ACC, found[0]) == "Acme Logistics"
    assert found[0].attributions == ("a1",)


@pytest.mark.parametrize("reply", [
    "Acme Logistics did not respond to a request for comment.",
    "A spokesman for Acme Logistics declined to comment.",
    "The company could not be reached for comment.",
])
def test_no_comment_lines_count_as_a_response(reply):
    assert run(ACC + " " + reply + "\n", _attrs(), SPEAKERS, rule=RULE) == []


def test_the_accused_speaking_counts_as_a_response():
    text = HEAD + ACC + "\n\nAcme Logistics said the workers were let go for unrelated reasons.\n"
    attrs = _attrs() + [dict(content="the workers were let go for unrelated reasons", cue="said",
                             source="Acme Logistics@2", speaker="s2", classes={"speech"})]
    speakers = SPEAKERS + [dict(id="s2", name="Acme Logistics", kind="organization",
                                mentions=["Acme Logistics@2"])]
    assert run(text, attrs, speakers, rule=RULE) == []


def test_accusation_without_a_named_target_is_not_one_sided():
    text = "The union accused management of ignoring safety rules.\n"
    attrs = [dict(content="management of ignoring safety rules", cue="accused", source="The union",
                  speaker="s1", classes={"accuse"})]
    assert run(text, attrs, SPEAKERS, rule=RULE) == []


def test_plain_statement_is_not_an_accusation():
    text = "The union said Acme Logistics hired 40 workers last year.\n"
    attrs = [dict(content="Acme Logistics hired 40 workers last year", cue="said", source="The union",
                  speaker="s1", classes={"speech"})]
    assert run(text, attrs, SPEAKERS, rule=RULE) == []


def test_weak_accuse_class_cues_are_not_accusations():
    text = "Trump called on the United States to attack the oil fields of Islamic State.\n"
    attrs = [dict(content="the oil fields of Islamic State", cue="attack", source="the United States",
                  speaker="s1", cue_lemma="attack", classes={"accuse", "loaded"})]
    speakers = [dict(id="s1", name="United States", kind="organization", mentions=["the United States"])]
    assert run(text, attrs, speakers, rule=RULE) == []


def test_a_definite_description_is_an_accused_party_and_its_reply_answers():
    # (a headline first: a short first line followed by a body is one, and adds no finding)
    text = ("Overtime dispute goes to the council\n\n"
            "City Manager Ellen Price accused the police union of inflating overtime claims.\n\n"
            "The budget vote is set for March.\n")
    attrs = [dict(content="the police union of inflating overtime claims", cue="accused",
                  source="City Manager Ellen Price", speaker="s1", classes={"accuse"}, cue_lemma="accuse")]
    speakers = [dict(id="s1", name="Ellen Price", title="City Manager", mentions=["City Manager Ellen Price"])]
    f, = run(text, attrs, speakers, rule=RULE)
    assert "the police union" in f.message
    answered = text.replace("The budget vote is set for March.",
                            "The union did not respond to a request for comment.")
    assert run(answered, attrs, speakers, rule=RULE) == []


def test_political_criticism_is_no_charge():
    # a charge cue whose charge names no wrong ("of being out of touch"): criticism, not an
    # accusation of wrongdoing the party must answer
    text = "The union accused Acme Logistics of being out of touch with its drivers.\n"
    attrs = [dict(content="Acme Logistics of being out of touch with its drivers", cue="accused",
                  source="The union", speaker="s1", cue_lemma="accuse", classes={"accuse"})]
    assert run(text, attrs, SPEAKERS, rule=RULE) == []


def _criticized(reason):
    text = f"The union criticized Acme Logistics for {reason}.\n"
    attrs = [dict(content=f"Acme Logistics for {reason}", cue="criticized", source="The union",
                  speaker="s1", cue_lemma="criticize", classes={"accuse"})]
    return run(text, attrs, SPEAKERS, rule=RULE)


def test_criticism_with_a_wrong_for_its_reason_is_a_charge():
    f, = _criticized("hiding injury reports from state inspectors")
    assert "Acme Logistics" in f.message
    assert _criticized("its slow response to the drivers' complaints") == []
    # the act is the reason, not a word of its object
    assert _criticized("supporting the 1994 crime bill") == []


FILLER = ("The company employs about 900 drivers in the region. "
          "Its contract with the state runs through 2027. "
          "The union has 400 members at the Dayton depot. "
          "Talks resume next month.\n\n")


def test_the_accused_speaking_of_something_else_has_not_answered():
    # the party speaks in the article, far from the charge and on another matter: no answer
    text = (HEAD + ACC + "\n\n" + FILLER +
            "Acme Logistics said it would open a second depot in Columbus next spring.\n")
    attrs = _attrs() + [dict(content="it would open a second depot in Columbus next spring", cue="said",
                             source="Acme Logistics@2", speaker="s2", classes={"speech"})]
    speakers = SPEAKERS + [dict(id="s2", name="Acme Logistics", kind="organization",
                                mentions=["Acme Logistics@2"])]
    f, = run(text, attrs, speakers, rule=RULE)
    assert "Acme Logistics" in f.message


def test_a_denial_by_the_accused_answers_wherever_it_is():
    text = (HEAD + ACC + "\n\n" + FILLER +
            "Acme Logistics denied that anyone had been dismissed for joining a union.\n")
    attrs = _attrs() + [dict(content="that anyone had been dismissed for joining a union", cue="denied",
                             source="Acme Logistics@2", speaker="s2", cue_lemma="deny", classes={"deny"})]
    speakers = SPEAKERS + [dict(id="s2", name="Acme Logistics", kind="organization",
                                mentions=["Acme Logistics@2"])]
    assert run(text, attrs, speakers, rule=RULE) == []
