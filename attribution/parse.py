"""The parse stage: stanza in, the project's own ``Document`` out.

Nothing else in the package imports stanza.  Blocks (paragraphs) are parsed as
separate stanza documents in batches so that a cache can be keyed per paragraph
and memory stays bounded on long inputs.
"""
from __future__ import annotations

import json
import logging
import os
from typing import Iterable, Protocol

from .model import Block, Document, Sentence, Source, Token
from .modelset import ModelSet

BATCH_BLOCKS = 32  # paragraphs handed to stanza at once


class BlockCache(Protocol):
    def get(self, key: str) -> list | None: ...
    def put(self, key: str, value: list) -> None: ...


class Parser:
    """A loaded stanza pipeline for one model set; build it once per process."""

    def __init__(self, models: ModelSet, *, threads: int | None = None):
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
        try:
            self._nlp = stanza.Pipeline(**kwargs)
        finally:
            if tmp is not None:  # stanza reads resources.json only while it builds the pipeline
                import shutil

                shutil.rmtree(tmp, ignore_errors=True)

    def key(self, text: str) -> str:
        import hashlib

        h = hashlib.sha256()
        for part in (self.model_id, self.stanza_version, text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def parse_texts(self, texts: list[str]) -> list[list]:
        """Parse paragraph texts; return, per text, sentences as lists of word tuples.

        A word tuple is ``(id, text, lemma, upos, xpos, feats, head, deprel, start, end, ner)``
        with offsets relative to the paragraph text: plain data, cacheable as JSON.
        """
        import stanza

        if not texts:
            return []
        docs = self._nlp([stanza.Document([], text=t) for t in texts])
        out = []
        for doc in docs:
            sents = []
            for sent in doc.sentences:
                words = []
                for tok in sent.tokens:
                    ner = getattr(tok, "ner", None) or "O"
                    for w in tok.words:
                        words.append((w.id, w.text, w.lemma or w.text.lower(), w.upos or "X",
                                      w.xpos or "_", w.feats or "_", w.head or 0, w.deprel or "dep",
                                      tok.start_char, tok.end_char, ner))
                if words:
                    sents.append(words)
            out.append(sents)
        return out


def parse(source: Source, parser: Parser, *, cache: BlockCache | None = None) -> Document:
    """Parse every block of ``source`` and map offsets back into the file."""
    per_block: list[list | None] = [None] * len(source.blocks)
    todo: list[int] = []
    keys: list[str] = []
    for i, block in enumerate(source.blocks):
        k = parser.key(block.text)
        keys.append(k)
        hit = cache.get(k) if cache is not None else None
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
                cache.put(keys[i], sents)
    sentences = []
    for bi, (block, sents) in enumerate(zip(source.blocks, per_block)):
        sentences.extend(_to_sentences(block, bi, sents or []))
    return Document(source=source, sentences=tuple(sentences), model=parser.model_id)


def _to_sentences(block: Block, index: int, sents: Iterable[list]) -> Iterable[Sentence]:
    for words in sents:
        toks = tuple(
            Token(id=int(w[0]), text=w[1], lemma=w[2], upos=w[3], xpos=w[4], feats=w[5],
                  head=int(w[6]), deprel=w[7], start=block.to_file(w[8]), end=block.to_file_end(w[9]),
                  ner=w[10])
            for w in words
        )
        yield Sentence(tokens=toks, start=toks[0].start, end=toks[-1].end, block=index)
