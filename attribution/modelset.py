"""Which stanza model set the parse stage uses, found without importing stanza.

Resolution order:
1. ``--models DIR`` on the command line, or ``ATTRIBUTION_MODELS``;
2. the official stanza English models, when present in stanza's resources
   directory (``STANZA_RESOURCES_DIR`` or ``~/stanza_resources``);
3. the embedded compact model shipped inside this package.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelError  # noqa: F401  (raised here; importers catch it from here)

COMPACT_DIR = Path(__file__).resolve().parent / "models" / "compact"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
COMPACT_FILES = {
    "tokenize": "en_ewt_tokenizer.pt",
    "mwt": "en_ewt_mwt_expander.pt",
    "pos": "en_ewt_tagger.pt",
    "lemma": "en_ewt_lemmatizer.pt",
    "depparse": "en_ewt_parser.pt",
}
# Pretrained word vectors shared by the tagger and the parser, when the set was
# trained with them (a stanza pretrain file; not a processor of its own).
PRETRAIN_FILE = "en_ewt_glove100.pt"


@dataclass(frozen=True)
class ModelSet:
    id: str                      # stable id recorded in reports and cache keys
    kind: str                    # compact | official | custom
    dir: Path
    paths: dict[str, Path]       # processor -> model file (empty for official: stanza resolves)
    scores: dict | None = None   # measured scores from the model card, when known

    @property
    def has_ner(self) -> bool:
        return "ner" in self.paths or (self.kind == "official" and (self.dir / "en" / "ner").is_dir())


def _fingerprint(paths: dict[str, Path]) -> str:
    """A cheap id for a model directory without a recorded version: names, sizes, mtimes.

    Replacing any file changes the id, so parse-cache entries of the old weights are
    never reused.  Shipped model sets record a content hash ("version") instead.
    """
    import hashlib

    h = hashlib.sha256()
    for proc in sorted(paths):
        st = paths[proc].stat()
        h.update(f"{proc}:{paths[proc].name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:12]


def content_hash(paths: dict[str, Path]) -> str:
    """The content hash recorded as "version" in a shipped model set's scores.json."""
    import hashlib

    h = hashlib.sha256()
    for proc in sorted(paths):
        h.update(proc.encode())
        with open(paths[proc], "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()[:12]


def stanza_resources_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def _file_set(directory: Path, kind: str) -> ModelSet | None:
    paths = {p: directory / f for p, f in COMPACT_FILES.items()}
    if not all(p.is_file() for p in paths.values()):
        return None
    ner = directory / "en_ner.pt"
    if ner.is_file():
        paths["ner"] = ner
    pretrain = directory / PRETRAIN_FILE
    if pretrain.is_file():
        paths["pretrain"] = pretrain
    card = directory / "scores.json"
    scores = json.loads(card.read_text()) if card.is_file() else None
    version = (scores or {}).get("version") or _fingerprint(paths)
    return ModelSet(id=f"{kind}-en-ewt-{version}", kind=kind, dir=directory, paths=paths, scores=scores)


def official() -> ModelSet | None:
    root = stanza_resources_dir()
    en = root / "en"
    if not (root / "resources.json").is_file() or not (en / "depparse").is_dir():
        return None
    return ModelSet(id="official-en-default", kind="official", dir=root, paths={})


def compact() -> ModelSet | None:
    return _file_set(COMPACT_DIR, "compact")


def resolve(models: str | os.PathLike | None = None) -> ModelSet:
    """Pick the model set to use (see the module docstring for the order)."""
    chosen = models or os.environ.get("ATTRIBUTION_MODELS")
    if chosen:
        d = Path(chosen)
        if not d.is_dir():
            raise ModelError(f"model directory not found: {d}")
        found = _file_set(d, "custom")
        if found is None:
            missing = [f for f in COMPACT_FILES.values() if not (d / f).is_file()]
            raise ModelError(f"model directory {d} lacks {', '.join(missing)}")
        return found
    for candidate in (official(), compact()):
        if candidate is not None:
            return candidate
    raise ModelError("no stanza model available: the embedded model files are missing "
                     "(reinstall attribution) and no official English models are installed")


def available() -> list[ModelSet]:
    return [m for m in (official(), compact()) if m is not None]
