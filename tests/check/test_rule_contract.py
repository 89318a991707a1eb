"""Each rule is held to its declaration: ``needs``, ``config`` and ``messages``.

``check(..., strict=True)`` runs a rule on views that refuse what it did not declare and
checks each message against its templates.  The rule tests (``tests/rules/_build.run``) run
strict; here the guard itself is tested on rules made up for the purpose, and every rule,
preview ones included, runs strict on the sample and the newsroom drafts, where each need
it declares must also be one it really reads.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from attribution.check import RuleContractError, check
from attribution.check import registry
from attribution.check.guard import UndeclaredNeedError
from attribution.check.registry import all_rules
from attribution.config import Config
from attribution.model import Finding, Severity

from ..rules._build import resolved

ROOT = Path(__file__).resolve().parents[2]
TEXT = ('The mayor admitted that the budget was short.\n\n'
        'Officials said the library would close. "It is a sad day," she said.\n')
ATTRS = [dict(content="the budget was short", cue="admitted", source="The mayor", speaker="s1",
              classes=("loaded",)),
         dict(content="the library would close", cue="said", source="Officials", speaker="s2",
              classes=("speech",))]
SPEAKERS = [dict(id="s1", name="the mayor", kind="anonymous", mentions=["The mayor"]),
            dict(id="s2", name="officials", kind="anonymous", mentions=["Officials"])]


def _made_up(monkeypatch, func, *, needs=(), config=(), messages=("{what} happened here",),
             per="document"):
    """Register ``func`` as rule ATR390 ``made-up`` for this test only."""
    r = registry.Rule(code="ATR390", id="made-up", severity=Severity.INFO, rationale="x.", doc="",
                      status="stable", needs=frozenset(needs), func=func, per=per,
                      messages=tuple(messages), config=tuple(config),
                      _patterns=tuple(registry.template_pattern(m) for m in messages))
    registry.all_rules()  # the real rules first, so that the made-up one is not overwritten
    monkeypatch.setitem(registry._RULES, r.code, r)
    monkeypatch.setitem(registry._IDS, r.id, r.code)
    return r


def _run(strict=True, config=None):
    return check(resolved(TEXT, ATTRS, SPEAKERS), config or Config(select=("made-up",)),
                 strict=strict)


def test_reading_speakers_without_declaring_them_fails(monkeypatch):
    def reads_speakers(ctx):
        for sp in ctx.resolved.speakers:
            yield _hit(sp.name)

    _made_up(monkeypatch, reads_speakers, needs={"attributions"})
    with pytest.raises(UndeclaredNeedError, match='ATR390 made-up reads speakers.*needs=\\{"speakers"\\}'):
        _run()
    assert len(_run(strict=False)) == 2  # what the guard stops is a real read


def test_every_check_in_the_tests_runs_strict(monkeypatch):
    """tests/conftest.py makes strict the default of check() for the whole test session."""
    def reads_speakers(ctx):
        yield from (_hit(sp.name) for sp in ctx.resolved.speakers)

    _made_up(monkeypatch, reads_speakers, needs={"attributions"})
    with pytest.raises(UndeclaredNeedError):
        check(resolved(TEXT, ATTRS, SPEAKERS), Config(select=("made-up",)))


def test_an_attributions_speaker_link_is_resolves_output(monkeypatch):
    def reads_link(ctx):
        for a in ctx.attributions:
            if a.speaker is not None:
                yield _hit(a.id)

    _made_up(monkeypatch, reads_link, needs={"attributions"})
    with pytest.raises(UndeclaredNeedError, match="an attribution's speaker"):
        _run()
    _made_up(monkeypatch, reads_link, needs={"attributions", "speakers"})
    assert len(_run()) == 2


def test_ctx_speaker_and_attributions_are_guarded_too(monkeypatch):
    def via_helpers(ctx):
        for a in ctx.attributions:
            if ctx.speaker(a) is not None:
                yield _hit(a.id)

    _made_up(monkeypatch, via_helpers, needs={"speakers"})
    with pytest.raises(UndeclaredNeedError, match="reads attributions"):
        _run()
    _made_up(monkeypatch, via_helpers, needs={"attributions"})
    with pytest.raises(UndeclaredNeedError, match="speaker"):
        _run()


def test_text_and_sentences_need_no_declaration(monkeypatch):
    def reads_text(ctx):
        for i, _ in enumerate(ctx.sentences):
            if "admitted" in ctx.sentence_text(i) and ctx.text:
                yield _hit("admitted")

    _made_up(monkeypatch, reads_text)
    assert [f.message for f in _run()] == ["admitted happened here"]


def test_undeclared_configuration_key_fails_even_through_getattr_with_a_default(monkeypatch):
    def reads_config(ctx):
        if getattr(ctx.config, "anonymous_allow", ()) == ():
            yield _hit("config")

    _made_up(monkeypatch, reads_config)
    with pytest.raises(UndeclaredNeedError, match="'anonymous-allow'"):
        _run()
    _made_up(monkeypatch, reads_config, config=("anonymous-allow",))
    assert len(_run()) == 1


def test_a_message_outside_the_templates_fails(monkeypatch):
    def says_something_else(ctx):
        yield _hit("x", message="an undeclared message")

    _made_up(monkeypatch, says_something_else)
    with pytest.raises(RuleContractError, match="ATR390 made-up emitted a message"):
        _run()
    assert [f.message for f in _run(strict=False)] == ["an undeclared message"]


def test_a_finding_carries_its_rules_code(monkeypatch):
    def one(ctx):
        yield _hit("one")

    _made_up(monkeypatch, one)
    (f,) = _run()
    assert (f.rule, f.code) == ("made-up", "ATR390")
    assert Finding("r", Severity.INFO, "m", 0, 0, 1, 1).code == ""  # hand-made findings


def test_rules_skipped_when_a_need_is_not_provided(monkeypatch):
    def one(ctx):
        yield _hit("one")

    _made_up(monkeypatch, one, needs={"speakers"})
    r = resolved(TEXT, ATTRS, SPEAKERS)
    assert check(r, Config(select=("made-up",)), provides={"attributions"}) == []
    assert len(check(r, Config(select=("made-up",)), provides={"attributions", "speakers"})) == 1


def _hit(what: str, message: str | None = None):
    from attribution.check import Hit

    i = TEXT.find(what) if what in TEXT else 0
    return Hit(i, i + 1, message or f"{what} happened here")


# ----------------------------------------------------- every rule on real copy, strict

def _corpus_reports(parser):
    from attribution.extract import extract
    from attribution.vocab import load_lexicon
    from attribution.load import load
    from attribution.parse import parse
    from attribution.resolve import resolve

    paths = [ROOT / "corpus" / "russia-sdf-syria.txt"]
    paths += sorted(p for p in (ROOT / "corpus" / "drafts").iterdir()
                    if p.is_file() and not p.name.endswith(".json") and p.name != "README.md")
    lexicon = load_lexicon()
    out = []
    for p in paths:
        doc = parse(load(str(p)), parser)
        out.append((p.name, resolve(extract(doc, lexicon), lexicon)))
    return out, lexicon


@pytest.fixture(scope="module")
def corpus(parser):
    return _corpus_reports(parser)


ALL = Config(select=tuple(r.id for r in all_rules()))


@pytest.mark.stanza
def test_every_rule_keeps_its_declaration_on_the_sample_and_the_drafts(corpus):
    reports, lexicon = corpus
    emitted: dict[str, set[str]] = {}
    for name, res in reports:
        strict = check(res, ALL, lexicon, strict=True)  # raises on any breach
        assert strict == check(res, ALL, lexicon, strict=False), name  # the views change nothing
        for f in strict:
            assert f.code == registry.lookup(f.rule).code
            emitted.setdefault(f.rule, set()).add(registry.lookup(f.rule).template_of(f.message))
    # the copy exercises most rules and templates (not all: some need rarer wording)
    assert len(emitted) >= len(all_rules()) - 3, sorted(emitted)


@pytest.mark.stanza
@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.id)
def test_every_declared_need_is_one_the_rule_reads(corpus, monkeypatch, r):
    """With one of its declared needs taken away the rule fails strict on some document:
    ``needs`` says exactly what the rule reads, not more."""
    reports, lexicon = corpus
    for need in sorted(r.needs):
        fewer = dataclasses.replace(r, needs=r.needs - {need})
        monkeypatch.setitem(registry._RULES, r.code, fewer)
        failed = []
        for name, res in reports:
            try:
                check(res, Config(select=(r.id,)), lexicon, strict=True,
                      provides=registry.NEEDS)
            except UndeclaredNeedError:
                failed.append(name)
        assert failed, f"{r.id} declares {need!r} but reads none of it on the sample or the drafts"
