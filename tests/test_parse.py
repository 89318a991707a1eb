"""The parse stage on the embedded model: offsets, relations on the sample article."""
from __future__ import annotations

import pytest

from attribution.load import load_text
from attribution.modelset import COMPACT_DIR, ModelError, compact, resolve

from .conftest import SAMPLE


def test_embedded_model_ships_with_the_package():
    ms = compact()
    assert ms is not None, f"embedded model files missing in {COMPACT_DIR}"
    assert ms.kind == "compact" and ms.id.startswith("compact-en-ewt-")
    assert sum(p.stat().st_size for p in ms.paths.values()) <= 60_000_000


def test_embedded_model_id_is_the_content_hash_of_its_files():
    # a stale "version" in scores.json would let the parse cache serve parses of old weights
    from attribution.modelset import content_hash

    ms = compact()
    assert ms.id == f"compact-en-ewt-{content_hash(ms.paths)}"


def test_models_env_var_must_point_to_a_model_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ATTRIBUTION_MODELS", str(tmp_path / "nope"))
    with pytest.raises(ModelError, match="not found"):
        resolve()
    monkeypatch.setenv("ATTRIBUTION_MODELS", str(tmp_path))
    with pytest.raises(ModelError, match="lacks"):
        resolve()


def test_word_vectors_belong_to_the_model_set_and_its_id(tmp_path, monkeypatch):
    from attribution.modelset import COMPACT_FILES, PRETRAIN_FILE

    for name in COMPACT_FILES.values():
        (tmp_path / name).write_bytes(b"weights")
    monkeypatch.setenv("ATTRIBUTION_MODELS", str(tmp_path))
    without = resolve()
    assert "pretrain" not in without.paths
    (tmp_path / PRETRAIN_FILE).write_bytes(b"vectors")
    with_vectors = resolve()
    # the tagger and parser read the vectors, so a parse cached without them is stale
    assert with_vectors.paths["pretrain"] == tmp_path / PRETRAIN_FILE
    assert with_vectors.id != without.id


def test_explicit_dir_beats_everything(monkeypatch):
    monkeypatch.setenv("ATTRIBUTION_MODELS", str(COMPACT_DIR))
    assert resolve().kind == "custom"
    monkeypatch.delenv("ATTRIBUTION_MODELS")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", "/nonexistent")
    assert resolve().kind == "compact"


@pytest.mark.stanza
def test_offsets_slice_the_file_text(parser):
    from attribution.parse import parse

    text = "Caf\u00e9 owners said \u201cno.\u201d\r\n\r\nThe mayor didn't agree, she told reporters."
    src = load_text(text)
    doc = parse(src, parser)
    assert len(doc.sentences) >= 2
    for sent in doc.sentences:
        for tok in sent.tokens:
            piece = text[tok.start:tok.end]
            # words of a multi-word token ("didn't" -> did + n't) share the token's span
            assert tok.text in piece or piece in ("didn't",), (tok, piece)
    words = [t.text for s in doc.sentences for t in s.tokens]
    assert "did" in words and "n't" in words  # mwt expansion ran


@pytest.mark.stanza
def test_key_relations_on_the_sample(parser):
    from attribution.parse import parse

    text = SAMPLE.read_text(encoding="utf-8")
    doc = parse(load_text(text), parser)
    sent = next(s for s in doc.sentences if text[s.start:s.end].startswith("Dillon told reporters"))
    told = next(t for t in sent.tokens if t.text == "told")
    dillon = next(t for t in sent.tokens if t.text == "Dillon")
    lasted = next(t for t in sent.tokens if t.text == "lasted")
    assert dillon.head == told.id and dillon.deprel == "nsubj"
    assert lasted.head == told.id and lasted.deprel == "ccomp"
    assert told.upos == "VERB" and told.lemma == "tell"

    sent = next(s for s in doc.sentences if text[s.start:s.end].startswith("Russia's Defense Ministry warned"))
    warned = next(t for t in sent.tokens if t.text == "warned")
    assert warned.deprel == "root"
    assert any(t.deprel == "ccomp" and t.head == warned.id for t in sent.tokens)
