"""A faster, equivalent dependency parse.

Stanza's graph parser scores every (dependent, head, label) triple of a sentence
(an n x n x labels tensor, then its log-softmax), and decodes every sentence with a
pure-Python Chu-Liu-Edmonds that contracts a cycle per word because the one-root
reweighting makes the greedy tree rootless.  Both cost more than the network itself.
The functions below give the same trees and labels for less:
* heads: when the greedy argmax tree (unreweighted) already has one root and no cycle,
  it is the best tree with one root, which is what stanza's reweighted search returns;
  other sentences go through :func:`_mst_one_root`, the same search in whole-matrix steps;
* labels: scored only for the arcs of the decoded tree (a bilinear per arc), and for
  every head of a dependent only when stanza's head-constraint repair asks for it.
"""
from __future__ import annotations


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


def _bilinear_weight(weight):
    """``weight.permute(2, 0, 1).contiguous()``, remembered while ``weight`` is unchanged (a
    strided copy of the 50 x 201 x 201 label weights for every batch, ~15 ms each)."""
    cached = getattr(weight, "_attribution_permuted", None)
    if cached is not None and cached[0] == weight._version:
        return cached[1]
    permuted = weight.detach().permute(2, 0, 1).contiguous()
    weight._attribution_permuted = (weight._version, permuted)
    return permuted


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
    weight = _bilinear_weight(bil.weight)  # (labels, in1, in2) as F.bilinear wants
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
