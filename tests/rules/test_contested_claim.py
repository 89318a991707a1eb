"""contested-claim: accusation <-> denial between different speakers."""
from ._build import run

RULE = "contested-claim"

SAMPLE = ("Russia on Thursday accused the SDF of firing on Syrian government forces twice with "
          "mortars and artillery.\n\n"
          "An SDF commander denied Russian accusations, saying his fighters had not fired a single "
          "shell at government forces.\n")


def _attrs(acc_speaker="s1", den_speaker="s2"):
    return [dict(content="the SDF of firing on Syrian government forces twice with mortars and artillery",
                 cue="accused", source="Russia", speaker=acc_speaker, cue_lemma="accuse",
                 classes={"accuse"}),
            dict(content="Russian accusations", cue="denied", source="An SDF commander",
                 speaker=den_speaker, cue_lemma="deny", classes={"deny"}),
            dict(content="his fighters had not fired a single shell at government forces",
                 cue="saying", source="An SDF commander", speaker=den_speaker, cue_lemma="say",
                 classes={"speech"})]


SPEAKERS = [dict(id="s1", name="Russia", kind="organization", mentions=["Russia"]),
            dict(id="s2", name="an SDF commander", kind="anonymous", role="commander",
                 affiliation="SDF", mentions=["An SDF commander"])]


def test_denial_of_russian_accusations_links_both_sides():
    found = run(SAMPLE, _attrs(), SPEAKERS, rule=RULE)
    assert len(found) == 1
    f = found[0]
    assert f.attributions == ("a1", "a2")
    assert "Russia" in f.message and "SDF commander" in f.message
    assert f.severity.value == "warning"


def test_cue_classes_from_the_lexicon_when_attribution_has_none():
    from attribution.vocab import load_lexicon

    attrs = _attrs()
    for a in attrs:
        a.pop("classes")
    found = run(SAMPLE, attrs, SPEAKERS, rule=RULE, lexicon=load_lexicon())
    assert [f.attributions for f in found] == [("a1", "a2")]


def test_same_speaker_accusing_and_denying_is_not_contested():
    found = run(SAMPLE, _attrs(den_speaker="s1"), SPEAKERS, rule=RULE)
    assert found == []


def test_unrelated_denial_is_not_linked():
    text = ("The union accused the mayor of cutting pensions.\n\n"
            "A hospital spokeswoman denied that the clinic had closed its emergency ward.\n")
    attrs = [dict(content="the mayor of cutting pensions", cue="accused", source="The union",
                  speaker="s1", classes={"accuse"}),
             dict(content="the clinic had closed its emergency ward", cue="denied",
                  source="A hospital spokeswoman", speaker="s2", classes={"deny"})]
    speakers = [dict(id="s1", name="the union", kind="organization", mentions=["The union"]),
                dict(id="s2", name="a hospital spokeswoman", kind="anonymous",
                     mentions=["A hospital spokeswoman"])]
    assert run(text, attrs, speakers, rule=RULE) == []


def test_denial_by_the_accused_party_links():
    # a headline first: a short one-sentence first line is read as one (check.context.is_headline)
    text = ("Fraud case opens\n\nProsecutors accused Acme Corp of hiding losses from investors.\n\n"
            "Acme rejected the charge on Friday.\n")
    attrs = [dict(content="Acme Corp of hiding losses from investors", cue="accused",
                  source="Prosecutors", speaker="s1", classes={"accuse"}),
             dict(content="the charge", cue="rejected", source="Acme", speaker="s2",
                  classes={"deny"})]
    speakers = [dict(id="s1", name="prosecutors", kind="anonymous", mentions=["Prosecutors"]),
                dict(id="s2", name="Acme Corp", kind="organization", mentions=["Acme Corp", "Acme@2"])]
    f, = run(text, attrs, speakers, rule=RULE)
    assert f.attributions == ("a1", "a2")


def test_contradicting_contents_by_two_speakers():
    text = ("Water safety in question\n\nMayor Lee said the water in the eastern district is safe to drink today.\n\n"
            "Dr. Ana Gomez said the water in the eastern district is not safe to drink today.\n")
    attrs = [dict(content="the water in the eastern district is safe to drink today", cue="said",
                  source="Mayor Lee", speaker="s1", classes={"speech"}),
             dict(content="the water in the eastern district is not safe to drink today", cue="said@2",
                  source="Dr. Ana Gomez", speaker="s2", classes={"speech"})]
    speakers = [dict(id="s1", name="Lee", title="Mayor", mentions=["Mayor Lee"]),
                dict(id="s2", name="Ana Gomez", title="Dr.", mentions=["Dr. Ana Gomez"])]
    f, = run(text, attrs, speakers, rule=RULE)
    assert f.attributions == ("a1", "a2")


def test_agreeing_speakers_are_not_contested():
    text = ("Water safety in question\n\nMayor Lee said the water in the eastern district is safe to drink today.\n\n"
            "Dr. Ana Gomez said the water in the eastern district is safe to drink today.\n")
    attrs = [dict(content="the water in the eastern district is safe to drink today", cue="said",
                  source="Mayor Lee", speaker="s1", classes={"speech"}),
             dict(content="the water in the eastern district is safe to drink today@2", cue="said@2",
                  source="Dr. Ana Gomez", speaker="s2", classes={"speech"})]
    speakers = [dict(id="s1", name="Lee", title="Mayor", mentions=["Mayor Lee"]),
                dict(id="s2", name="Ana Gomez", title="Dr.", mentions=["Dr. Ana Gomez"])]
    assert run(text, attrs, speakers, rule=RULE) == []
