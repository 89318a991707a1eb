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
