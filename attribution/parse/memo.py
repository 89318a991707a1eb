"""Stanza, faster with the same output: the embedded model's files unpickled directly, and
per-word results of the character models and composite vocabularies remembered."""
from __future__ import annotations

import os


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


def _memoize_vocab_maps(nlp, limit: int = 500_000) -> None:
    """Remember each vocabulary's id for a unit (a word, a character, a feature string), and
    the unit for an id (``unmap``: the tagger's predicted tags back to strings).

    The tagger and the parser map every word, its lowercase form, each of its characters and
    each tag column through ``Vocab.map`` (a method call, a normalisation and a lookup per
    unit: a tenth of the parse); the tokenizer maps each character through ``unit2id``.  A
    vocabulary does not change while the pipeline predicts, so a unit's id is looked up once
    per process.  Per vocabulary object of this pipeline only (instance attributes): another
    pipeline in the process, such as the benchmark's stock one, keeps stanza's methods."""
    from stanza.models.common.vocab import BaseVocab

    seen: set[int] = set()
    vocabs = []
    for proc in nlp.processors.values():
        multi = getattr(proc, "vocab", None)
        if isinstance(multi, BaseVocab):
            vocabs.append(multi)
        else:
            vocabs.extend(getattr(multi, "_vocabs", {}).values())
        pretrain = getattr(proc, "pretrain", None)
        if pretrain is not None and getattr(pretrain, "_vocab", None) is not None:
            vocabs.append(pretrain._vocab)
    for vocab in vocabs:
        if not isinstance(vocab, BaseVocab) or id(vocab) in seen or "map" in vars(vocab):
            continue
        seen.add(id(vocab))
        _memo_map(vocab, limit)


def _memo_map(vocab, limit: int) -> None:
    memo: dict = {}
    unit2id = vocab.unit2id  # the class's own (bound) method, computed on a miss

    def one(unit, memo=memo):
        try:
            return memo[unit]
        except KeyError:
            if len(memo) >= limit:
                memo.clear()
            value = memo[unit] = unit2id(unit)
            return value
        except TypeError:  # an unhashable unit: not remembered
            return unit2id(unit)

    def many(units, memo=memo):
        try:
            return [memo[u] for u in units]
        except (KeyError, TypeError):
            return [one(u) for u in units]

    units: dict = {}  # id -> unit, for unmap (a hashable id; composite ids are lists)
    id2unit = vocab.id2unit

    def unmap(ids, units=units):
        try:
            return [units[i] for i in ids]
        except (KeyError, TypeError):
            out = []
            for i in ids:
                try:
                    unit = units[i]
                except KeyError:
                    unit = units[i] = id2unit(i)
                except TypeError:
                    unit = id2unit(i)
                out.append(unit)
            return out

    vocab.unit2id = one
    vocab.map = many
    vocab.unmap = unmap
