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
            import types

            depparse.process = types.MethodType(_fast_depparse_process, depparse)
        if not stock:
            _memoize_composite_vocabs(self._nlp)
            _memoize_char_models(self._nlp)

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


def _package_files_load(torch_load, package_dir):
    """``torch.load`` that unpickles the embedded model's own files (shipped inside this
    package, as trusted as its code) with the C unpickler instead of torch's weights-only
    one, which takes a second for the 50,000-word vocabulary of the word vectors alone.
    Any other file (``--models DIR``, official models) keeps ``weights_only=True``."""
    root = os.path.realpath(package_dir)

    def load(f, *args, **kwargs):
        if isinstance(f, (str, os.PathLike)) and os.path.dirname(os.path.realpath(f)) == root:
            kwargs["weights_only"] = False
        return torch_load(f, *args, **kwargs)

    return load


def _memoize_char_models(nlp, limit: int = 200_000) -> None:
    """The tagger's and the parser's character models read one word at a time (an LSTM over its
    characters, then attention): remember each word's vector, run the LSTM on new words only."""
    import types

    from stanza.models.common.char_model import CharacterModel

    for name in ("pos", "depparse"):
        proc = nlp.processors.get(name)
        model = getattr(getattr(proc, "trainer", None), "model", None)
        char = getattr(model, "charmodel", None)
        if type(char) is CharacterModel and char.attn and "forward" not in vars(char):
            char._memo = {}
            char._memo_limit = limit
            char.forward = types.MethodType(_memo_char_forward, char)


def _memo_char_forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens):
    """``CharacterModel.forward`` (attention pooling) with per-word vectors remembered."""
    import torch
    from stanza.models.common.utils import tensor_unsort
    from torch.nn.utils.rnn import (PackedSequence, pack_padded_sequence, pack_sequence,
                                    pad_packed_sequence)

    rows = chars.tolist()
    keys = [tuple(r[:n]) for r, n in zip(rows, wordlens)]
    memo = self._memo
    todo = [i for i, k in enumerate(keys) if k not in memo]
    if todo:
        sub = chars[todo]
        lens = [wordlens[i] for i in todo]  # still longest first: a subsequence of a sorted list
        embs = pack_padded_sequence(self.char_emb(sub), lens, batch_first=True)
        n = len(todo)
        dims = self.num_dir * self.args['char_num_layers']
        output = self.charlstm(embs, lens, hx=(
            self.charlstm_h_init.expand(dims, n, self.args['char_hidden_dim']).contiguous(),
            self.charlstm_c_init.expand(dims, n, self.args['char_hidden_dim']).contiguous()))
        reps = output[0]
        weights = torch.sigmoid(self.char_attn(reps.data))
        reps, _ = pad_packed_sequence(PackedSequence(reps.data * weights, reps.batch_sizes), batch_first=True)
        new = reps.sum(1)
        if len(memo) + n > self._memo_limit:
            memo.clear()
        for i, vec in zip(todo, new):
            memo[keys[i]] = vec
    res = torch.stack([memo[k] for k in keys])
    res = tensor_unsort(res, word_orig_idx)
    res = pack_sequence(res.split(sentlens))
    if self.pad:
        res = pad_packed_sequence(res, batch_first=True)[0]
    return res


def _memoize_composite_vocabs(nlp) -> None:
    """Remember ``id2unit`` of composite vocabularies (the tagger's features: one string built
    from its parts per word, a fifth of the tagger's time) per id tuple."""
    from stanza.models.common.vocab import CompositeVocab

    for proc in nlp.processors.values():
        vocabs = getattr(getattr(proc, "vocab", None), "_vocabs", None) or {}
        for vocab in vocabs.values():
            if isinstance(vocab, CompositeVocab) and "id2unit" not in vars(vocab):
                memo: dict = {}
                compute = vocab.id2unit

                def id2unit(ids, memo=memo, compute=compute):
                    key = tuple(ids) if isinstance(ids, (list, tuple)) else ids
                    unit = memo.get(key)
                    if unit is None:
                        unit = memo[key] = compute(ids)
                    return unit

                vocab.id2unit = id2unit


# ---------------------------------------------------------------- a faster, equivalent depparse
#
# Stanza's graph parser scores every (dependent, head, label) triple of a sentence
# (an n x n x labels tensor, then its log-softmax), and decodes every sentence with a
# pure-Python Chu-Liu-Edmonds that contracts a cycle per word because the one-root
# reweighting makes the greedy tree rootless.  Both cost more than the network itself.
# The functions below give the same trees and labels for less:
# * heads: when the greedy argmax tree (unreweighted) already has one root and no cycle,
#   it is the best tree with one root, which is what stanza's reweighted search returns;
#   other sentences go through :func:`_mst_one_root`, the same search in whole-matrix steps;
# * labels: scored only for the arcs of the decoded tree (a bilinear per arc), and for
#   every head of a dependent only when stanza's head-constraint repair asks for it.

def _greedy_tree(scores):
    """The argmax tree of a (root + n) x (root + n) score matrix when it is a tree with
    exactly one root; else None."""
    import numpy as np

    s = scores.astype(np.float64)  # the dtype stanza's decoder works in
    np.fill_diagonal(s, -np.inf)
    s[0] = -np.inf
    s[0, 0] = 0
    tree = s.argmax(axis=1)
    n = len(tree)
    if n < 2 or int((tree[1:] == 0).sum()) != 1:
        return None
    return None if _first_cycle(tree) is not None else tree


def _first_cycle(heads) -> list[int] | None:
    """The first cycle of a head array (``heads[d]`` heads d; 0 is the root), as the list of
    its dependents in path order, or None when every word reaches the root."""
    n = len(heads)
    state = [0] * n  # 0 unseen, 1 on the current path, 2 reaches the root
    state[0] = 2
    for start in range(1, n):
        path = []
        k = start
        while state[k] == 0:
            state[k] = 1
            path.append(k)
            k = int(heads[k])
        if state[k] == 1:
            return path[path.index(k):]
        for p in path:
            state[p] = 2
    return None


def _mst(s):
    """Chu-Liu-Edmonds on a prepared score matrix (``s[d, h]``: h heads d; row 0 is the root's),
    one cycle contracted per level, each level in a few whole-matrix numpy operations."""
    import numpy as np

    heads = s.argmax(axis=1)
    n = len(heads)
    cycle = _first_cycle(heads)
    if cycle is None:
        return heads
    in_c = np.zeros(n, dtype=bool)
    in_c[cycle] = True
    C = np.flatnonzero(in_c)
    R = np.flatnonzero(~in_c)  # R[0] == 0, the root
    m = len(R)
    t = np.full((m + 1, m + 1), -np.inf)
    t[:m, :m] = s[np.ix_(R, R)]
    out_of_c = s[np.ix_(R, C)]                       # a dependent outside the cycle, headed inside it
    t[:m, m] = out_of_c.max(axis=1)
    head_in_c = C[out_of_c.argmax(axis=1)]
    into_c = s[np.ix_(C, R)] - s[C, heads[C]][:, None]  # the cycle entered from outside
    t[m, :m] = into_c.max(axis=0)
    entry = C[into_c.argmax(axis=0)]
    t[0, :] = -np.inf
    t[0, 0] = 0
    sub = _mst(t)
    out = heads.copy()
    for i in range(1, m):
        h = int(sub[i])
        out[R[i]] = head_in_c[i] if h == m else R[h]
    h = int(sub[m])
    out[entry[h]] = R[h]
    return out


def _mst_one_root(scores):
    """What ``stanza.models.common.chuliu_edmonds.chuliu_edmonds_one_root`` returns: the same
    root-arc reweighting, then :func:`_mst` instead of stanza's pure-Python cycle search."""
    import numpy as np

    s = scores.astype(np.float64)
    s[:, 0] += s[np.isfinite(s)].min() * s.shape[0]
    np.fill_diagonal(s, -np.inf)
    s[0] = -np.inf
    s[0, 0] = 0
    return _mst(s)


def _decode_tree(scores):
    """Stanza's tree for ``scores``, found the cheapest way that gives it.

    The best tree overall, when it has one root, is the best tree with one root: first the
    greedy tree, then the unconstrained maximum spanning tree (a cycle or two to contract),
    and only when that has several roots the reweighted search, which contracts a cycle per
    word or so.
    """
    import numpy as np

    tree = _greedy_tree(scores)
    if tree is not None:
        return tree
    s = scores.astype(np.float64)
    np.fill_diagonal(s, -np.inf)
    s[0] = -np.inf
    s[0, 0] = 0
    tree = _mst(s)
    if int((tree[1:] == 0).sum()) == 1:
        return tree
    return _mst_one_root(scores)


class _ArcLabels:
    """``label_log_probs[dep, head(, label)]`` of one sentence, computed on demand.

    Rows for the arcs of the decoded tree come precomputed (``arc_rows``); a dependent's
    rows for every head are computed when stanza's head-constraint repair asks for them.
    """

    def __init__(self, tree, arc_rows, in1, in2, weight, bias):
        self.tree, self.arc_rows = tree, arc_rows
        self.in1, self.in2, self.weight, self.bias = in1, in2, weight, bias
        self.shape = (len(tree), len(tree), arc_rows.shape[-1])
        self._full: dict[int, object] = {}

    def _row(self, dep: int, head: int):
        if dep in self._full:
            return self._full[dep][head]
        if head == self.tree[dep]:
            return self.arc_rows[dep - 1]
        import torch
        import torch.nn.functional as F

        n = self.in2.size(0)
        scores = F.bilinear(self.in1[dep].expand(n, -1), self.in2, self.weight, self.bias)
        self._full[dep] = F.log_softmax(scores, -1).numpy()
        return self._full[dep][head]

    def __getitem__(self, key):
        row = self._row(int(key[0]), int(key[1]))
        return row if len(key) == 2 else row[key[2]]


def _fast_predict(trainer, batch, resolve_head_constraints: bool):
    """``stanza.models.depparse.trainer.Trainer.predict`` for the plain graph parser."""
    import torch
    import torch.nn.functional as F
    from stanza.models.common import utils
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.depparse.head_constraints import resolve_head_constraint_violations
    from stanza.models.depparse.trainer import unpack_batch

    model = trainer.model
    device = model.get_device()
    inputs, orig_idx, word_orig_idx, sentlens, wordlens, text = unpack_batch(batch, device)
    word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head, deprel = inputs
    model.eval()
    args = (word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head, deprel,
            word_orig_idx, sentlens, wordlens, text)
    lstm = model.embed(*args)
    # heads: exactly as GraphParser.forward_scores computes them
    unlabeled = model.unlabeled(lstm, lstm).squeeze(3)
    if model.args['linearization'] or model.args['distance']:
        n = word.size(1)
        offset = (torch.arange(n).view(1, 1, -1).expand(word.size(0), -1, -1)
                  - torch.arange(n).view(1, -1, 1).expand(word.size(0), -1, -1))
    if model.args['linearization']:
        lin = model.linearization(lstm, lstm).squeeze(3)
        unlabeled += F.logsigmoid(lin * torch.sign(offset).float())
    if model.args['distance']:
        dist = model.distance(lstm, lstm).squeeze(3)
        unlabeled += -torch.log((torch.abs(offset).float() - (1 + F.softplus(dist))) ** 2 / 2 + 1)
    diag = torch.eye(head.size(-1) + 1, dtype=torch.bool).unsqueeze(0)
    unlabeled.masked_fill_(diag, -float('inf'))
    logp = F.log_softmax(unlabeled, 2).numpy()
    trees = [_decode_tree(logp[i][:l, :l]) for i, l in enumerate(sentlens)]
    # labels: the deprel scorer's bilinear, on the decoded arcs only
    scorer = model.deprel
    h1 = scorer.hidden_func(scorer.W1(lstm))
    h2 = scorer.hidden_func(scorer.W2(lstm))
    in1 = torch.cat([h1, h1.new_ones(*h1.shape[:-1], 1)], -1)
    in2 = torch.cat([h2, h2.new_ones(*h2.shape[:-1], 1)], -1)
    bil = scorer.scorer.W_bilin
    weight = bil.weight.permute(2, 0, 1).contiguous()  # (labels, in1, in2) as F.bilinear wants
    bias = bil.bias
    b_idx = torch.tensor([i for i, l in enumerate(sentlens) for _ in range(1, l)], dtype=torch.long)
    d_idx = torch.tensor([j for l in sentlens for j in range(1, l)], dtype=torch.long)
    h_idx = torch.tensor([int(t[j]) for t, l in zip(trees, sentlens) for j in range(1, l)], dtype=torch.long)
    arc = F.log_softmax(F.bilinear(in1[b_idx, d_idx], in2[b_idx, h_idx], weight, bias), -1).numpy()
    vocab = model.vocab['deprel']
    pred_tokens, lo = [], 0
    for i, (tree, l) in enumerate(zip(trees, sentlens)):
        rows = arc[lo:lo + l - 1]
        lo += l - 1
        if resolve_head_constraints:
            labels = _ArcLabels(tree, rows, in1[i, :l], in2[i, :l], weight, bias)
            tree, raw = resolve_head_constraint_violations(logp[i][:l, :l], labels, tree, vocab)
        else:
            raw = rows.argmax(-1).tolist()
        deprels = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        pred_tokens.append([[tree[j + 1], deprels[j]] for j in range(l - 1)])
    pred_tokens = utils.unsort(pred_tokens, orig_idx)
    if trainer.args.get('reversed', False):
        pred_tokens = trainer.reverse_predictions(pred_tokens)
    return pred_tokens


def _fast_depparse_supported(processor) -> bool:
    from stanza.models.depparse.model import GraphParser

    model = getattr(processor.trainer, "model", None)
    return (type(model) is GraphParser and not model.args.get('use_arc_embedding')
            and model.bert_model is None and not hasattr(processor, "_variant"))


def _fast_depparse_process(processor, document):
    """``DepparseProcessor.process`` with :func:`_fast_predict` (same output)."""
    import torch
    from stanza.models.common import doc
    from stanza.models.common.utils import unsort
    from stanza.models.depparse.data import DataLoader
    from stanza.pipeline.depparse_processor import DEFAULT_SEPARATE_BATCH

    config = processor.config
    batch = DataLoader(document, config['batch_size'], config, processor.pretrain, vocab=processor.vocab,
                       evaluation=True, sort_during_eval=config.get('sort_during_eval', True),
                       min_length_to_batch_separately=config.get('min_length_to_batch_separately',
                                                                 DEFAULT_SEPARATE_BATCH))
    resolve = config.get('resolve_head_constraints', True)
    preds = []
    with torch.inference_mode():
        for b in batch:
            preds += _fast_predict(processor.trainer, b, resolve)
    if batch.data_orig_idx is not None:
        preds = unsort(preds, batch.data_orig_idx)
    batch.doc.set((doc.HEAD, doc.DEPREL), [y for x in preds for y in x])
    for sentence in batch.doc.sentences:
        sentence.build_dependencies()
    return batch.doc
