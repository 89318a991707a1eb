"""The lemmatizer, faster with the same output.

Stanza's ``LemmaProcessor.process`` builds a data loader for every word of the document (each
word's characters and its would-be lemma mapped to ids, an edit class computed) only to read
the words and tags back from the document; the seq2seq model then gets a second loader that
holds just the words its dictionary does not know.  :func:`_lemma_process` is the same method
with the first loader reading the document only (``conll_only``) and the words and tags read
once, not twice: what every word costs shrinks to a dictionary lookup, and the seq2seq sees
the same words in the same batches.
"""
from __future__ import annotations


def _lemma_supported(processor) -> bool:
    return (not processor.use_identity and processor.config.get('ensemble_dict', False)
            and not processor.config.get('dict_only', False))


def _lemma_process(self, document):
    """``stanza.pipeline.lemma_processor.LemmaProcessor.process`` (stanza 1.15) for a
    seq2seq lemmatizer ensembled with its dictionary: only the first loader differs."""
    from itertools import compress

    import torch
    from stanza.models.common import doc
    from stanza.models.lemma.data import DataLoader
    from stanza.pipeline.lemma_processor import WORD_TAGS

    batch = DataLoader(document, self.config['batch_size'], self.config, evaluation=True, conll_only=True)
    word_tags = batch.doc.get(WORD_TAGS)  # stanza reads these twice: (text, upos) per word
    skip = self.trainer.skip_seq2seq(word_tags)
    seq2seq_batch = DataLoader(document, self.config['batch_size'], self.config, vocab=self.vocab,
                               evaluation=True, skip=skip, expand_unk_vocab=True)
    with torch.no_grad():
        preds = []
        edits = []
        for b in seq2seq_batch:
            ps, es = self.trainer.predict(b, self.config['beam_size'], seq2seq_batch.vocab)
            preds += ps
            if es is not None:
                edits += es
    words = [x[0] for x in word_tags]
    preds = self.trainer.postprocess([x for x, y in zip(words, skip) if not y], preds, edits=edits)
    if self.store_results:
        new_word_tags = compress(word_tags, map(lambda x: not x, skip))
        new_predictions = [(x[0], x[1], y) for x, y in zip(new_word_tags, preds)]
        self.trainer.train_dict(new_predictions, update_word_dict=False)
    i = 0
    preds1 = []
    for s in skip:
        if s:
            preds1.append('')
        else:
            preds1.append(preds[i])
            i += 1
    preds = self.trainer.ensemble(word_tags, preds1)
    if self.trainer.has_contextual_lemmatizers():
        preds = self.trainer.update_contextual_preds(batch.doc, preds)
    preds = [max([(len(x), x), (0, '_')])[1] for x in preds]
    batch.doc.set([doc.LEMMA], preds)
    return batch.doc


def _skip_decoding_edited_words(processor) -> None:
    """Let the lemmatizer's greedy decoder stop once every word it will read is decoded."""
    import types

    from stanza.models.common.seq2seq_model import Seq2SeqModel

    model = getattr(processor.trainer, "model", None)
    if type(model) is Seq2SeqModel and model.edit and "predict_greedy" not in vars(model):
        model.predict_greedy = types.MethodType(_predict_greedy, model)


def _predict_greedy(self, src, src_mask, pos=None, raw=None, never_decode_unk=False):
    """``Seq2SeqModel.predict_greedy`` (stanza 1.15) where a word whose edit class is
    "identity" or "lower" counts as decoded from the start.

    The lemma of such a word is the word itself or its lowercase form
    (``stanza.models.lemma.edit.edit_word``), whatever the decoder spells; stanza still decodes
    it, and the batch's loop runs until its longest spelling ends (fifty steps when one never
    does).  The other words are decoded in the same batch, step for step, so their output is
    stanza's own; the edited words' (unread) output stays empty."""
    import numpy as np
    import stanza.models.common.seq2seq_constant as constant
    from stanza.models.common.seq2seq_constant import UNK_ID

    enc_inputs, batch_size, src_lens, src_mask = self.embed(src, src_mask, pos, raw)
    h_in, (hn, cn) = self.encode(enc_inputs, src_lens)
    edit_logits = self.edit_clf(hn)
    # the trainer reads the edit class the same way: np.argmax of these logits
    edited = np.argmax(edit_logits.data.cpu().numpy(), axis=1).reshape([batch_size]) != 0
    dec_inputs = self.embedding(self.SOS_tensor)
    dec_inputs = dec_inputs.expand(batch_size, dec_inputs.size(0), dec_inputs.size(1))
    done = [bool(e) for e in edited]
    total_done = sum(done)
    max_len = 0
    output_seqs = [[] for _ in range(batch_size)]
    while total_done < batch_size and max_len < self.max_dec_len:
        log_probs, (hn, cn) = self.decode(dec_inputs, hn, cn, h_in, src_mask, src=src, never_decode_unk=never_decode_unk)
        assert log_probs.size(1) == 1, "Output must have 1-step of output."
        _, preds = log_probs.squeeze(1).max(1, keepdim=True)
        dec_inputs = preds.clone()
        dec_inputs[dec_inputs >= self.vocab_size] = UNK_ID
        dec_inputs = self.embedding(dec_inputs)
        max_len += 1
        for i in range(batch_size):
            if not done[i]:
                token = preds.data[i][0].item()
                if token == constant.EOS_ID:
                    done[i] = True
                    total_done += 1
                else:
                    output_seqs[i].append(token)
    return output_seqs, edit_logits
