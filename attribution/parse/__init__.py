"""The parse stage: stanza in, the project's own ``Document`` out.

Nothing else in the package imports stanza.  Blocks (paragraphs) are parsed as
separate stanza documents in batches so that a cache can be keyed per paragraph
and memory stays bounded on long inputs.  A parsed word is a :class:`~.rows.WordRow` (plain
data, what the cache stores); :mod:`.depparse`, :mod:`.lemma`, :mod:`.memo`, :mod:`.tensors`
and :mod:`.tokenize` make stanza faster with the same output, and :mod:`.lazy` spares the
command line imports it never uses.
"""
from __future__ import annotations

import json
import logging
import os
import types
from typing import Iterable, Protocol

from ..model import Block, Document, Sentence, Source, Token
from ..modelset import ModelSet
from .depparse import _fast_depparse_process, _fast_depparse_supported
from .lemma import _lemma_process, _lemma_supported, _skip_decoding_edited_words
from .memo import _memoize_char_models, _memoize_composite_vocabs, _memoize_vocab_maps, _package_files_load
from .repairs import possessive_texts
from .rows import WordRow
from .tensors import install as _install_fast_tensors
from .tensors import ours as _ours
from .tokenize import install as _skip_finished_rows

BATCH_BLOCKS = 32  # paragraphs handed to stanza at once


class BlockCache(Protocol):
    # ``text`` is the paragraph: a cached parse is checked against it before use
    def get(self, key: str, text: str) -> list | None: ...
    def put(self, key: str, value: list, text: str) -> None: ...


class Parser:
    """A loaded stanza pipeline for one model set; build it once per process."""

    def __init__(self, models: ModelSet, *, threads: int | None = None, stock: bool = False):
        """``stock=True`` keeps stanza's own pipeline untouched (the benchmark's baseline);
        otherwise the dependency parser runs :func:`_fast_depparse_process` (same output)."""
        import stanza  # heavy: imported only when a parse is really needed
        import torch

        if threads:
            torch.set_num_threads(threads)
        self.models = models
        self.model_id = models.id
        self.stanza_version = stanza.__version__
        logging.getLogger("stanza").setLevel(logging.ERROR)
        processors = list(("tokenize", "mwt", "pos", "lemma", "depparse"))
        kwargs: dict = dict(lang="en", download_method=None, use_gpu=False, logging_level="ERROR")
        tmp = None  # a scratch dir for stanza's resources.json, removed once the pipeline is built
        if models.kind == "official":
            if models.has_ner:
                processors.append("ner")
            kwargs["dir"] = str(models.dir)
        else:
            resources = models.dir / "resources.json"
            if not resources.is_file():
                # stanza wants a resources.json in ``dir`` even when every path is explicit
                import tempfile

                tmp = tempfile.mkdtemp(prefix="attribution-stanza-")
                with open(os.path.join(tmp, "resources.json"), "w") as fh:
                    json.dump({"en": {"lang_name": "English"}}, fh)
                kwargs["dir"] = tmp
            else:
                kwargs["dir"] = str(models.dir)
            for proc, path in models.paths.items():
                if proc != "pretrain":
                    kwargs[f"{proc}_model_path"] = str(path)
            if "ner" in models.paths:
                processors.append("ner")
            # the word vectors the tagger and parser were trained with, if any
            pretrain = models.paths.get("pretrain")
            kwargs["pos_pretrain_path"] = kwargs["depparse_pretrain_path"] = str(pretrain) if pretrain else None
        kwargs["processors"] = ",".join(processors)
        if not stock:
            # the lemmatizer's seq2seq reads only the word and its tag: remember what it said
            # for a (word, tag) instead of decoding it again in every later paragraph
            kwargs["lemma_store_results"] = True
        from stanza.models.common import utils as stanza_utils

        optimizers = stanza_utils.get_optimizer, stanza_utils.get_split_optimizer
        # stanza's tokenizer and tagger build optimizers even to predict, and the first one
        # imports torch._dynamo: a second or more of a cold audit, for nothing
        stanza_utils.get_optimizer = lambda *a, **k: None
        stanza_utils.get_split_optimizer = lambda *a, **k: {}
        torch_load = torch.load
        if models.kind == "compact" and not stock:
            torch.load = _package_files_load(torch_load, models.dir)
        try:
            self._nlp = stanza.Pipeline(**kwargs)
        finally:
            stanza_utils.get_optimizer, stanza_utils.get_split_optimizer = optimizers
            torch.load = torch_load
            if tmp is not None:  # stanza reads resources.json only while it builds the pipeline
                import shutil

                shutil.rmtree(tmp, ignore_errors=True)
        depparse = self._nlp.processors.get("depparse")
        if not stock and depparse is not None and _fast_depparse_supported(depparse):
            depparse.process = types.MethodType(_fast_depparse_process, depparse)
        lemma = self._nlp.processors.get("lemma")
        if not stock and lemma is not None and _lemma_supported(lemma):
            lemma.process = types.MethodType(_lemma_process, lemma)
            _skip_decoding_edited_words(lemma)
        if not stock:
            _memoize_composite_vocabs(self._nlp)
            _memoize_char_models(self._nlp)
            _memoize_vocab_maps(self._nlp)
            _install_fast_tensors()
            _skip_finished_rows(self._nlp)
        self._stock = stock

    def key(self, text: str) -> str:
        import hashlib

        h = hashlib.sha256()
        for part in (self.model_id, self.stanza_version, text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def parse_texts(self, texts: list[str]) -> list[list]:
        """Parse paragraph texts; return, per text, sentences as lists of :class:`WordRow`
        (offsets relative to the paragraph text: plain data, cacheable as JSON)."""
        import stanza

        if not texts:
            return []
        if getattr(self, "_stock", True):
            docs = self._nlp([stanza.Document([], text=t) for t in texts])
        else:
            import torch

            # inference mode: no version counters or view tracking on the networks' tensors
            # (stanza's own no_grad keeps them), ~5% of the parse's CPU; same values
            with _ours(), torch.inference_mode():
                docs = self._nlp([stanza.Document([], text=t) for t in texts])
        out = []
        for doc in docs:
            sents = []
            for sent in doc.sentences:
                words = []
                for tok in sent.tokens:
                    ner = getattr(tok, "ner", None) or "O"
                    for w in tok.words:
                        words.append(WordRow(w.id, w.text, w.lemma or w.text.lower(), w.upos or "X",
                                             w.xpos or "_", w.feats or "_", w.head or 0,
                                             w.deprel or "dep", tok.start_char, tok.end_char, ner))
                if words:
                    sents.append(words)
            out.append(sents)
        return out


def parse(source: Source, parser: Parser, *, cache: BlockCache | None = None) -> Document:
    """Parse every block of ``source`` and map offsets back into the file.

    A paragraph that occurs more than once in the document (a repeated standfirst, a
    boilerplate line, an article pasted twice) is looked up and parsed once: a block's parse
    depends only on its text (the cache relies on that too)."""
    per_block: list[list | None] = [None] * len(source.blocks)
    first: dict[str, int] = {}  # block text -> the first block with that text
    todo: list[int] = []
    keys: dict[int, str] = {}
    for i, block in enumerate(source.blocks):
        if first.setdefault(block.text, i) != i:
            continue
        k = keys[i] = parser.key(block.text)
        hit = cache.get(k, block.text) if cache is not None else None
        if hit is not None:
            per_block[i] = hit
        else:
            todo.append(i)
    for lo in range(0, len(todo), BATCH_BLOCKS):
        chunk = todo[lo:lo + BATCH_BLOCKS]
        results = parser.parse_texts([source.blocks[i].text for i in chunk])
        for i, sents in zip(chunk, results):
            per_block[i] = sents
            if cache is not None:
                cache.put(keys[i], sents, source.blocks[i].text)
    sentences = []
    for bi, block in enumerate(source.blocks):
        sents = per_block[first[block.text]]
        sentences.extend(_to_sentences(block, bi, sents or []))
    return Document(source=source, sentences=tuple(sentences), model=parser.model_id)


def _to_sentences(block: Block, index: int, sents: Iterable[list[WordRow]]) -> Iterable[Sentence]:
    for words in sents:
        texts = possessive_texts(words, block.text)
        toks = tuple(  # unpacked by position: a stand-in cache may serve plain lists
            Token(id=int(id_), text=text, lemma=lemma, upos=upos, xpos=xpos, feats=feats,
                  head=int(head), deprel=deprel, start=block.to_file(start),
                  end=block.to_file_end(end), ner=ner)
            for text, (id_, _, lemma, upos, xpos, feats, head, deprel, start, end, ner) in zip(texts, words)
        )
        yield Sentence(tokens=toks, start=toks[0].start, end=toks[-1].end, block=index)
