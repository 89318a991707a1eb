"""Snapshot of the JSON contract on the project's corpora, to prove a refactor keeps behaviour.

    python scripts/json_snapshot.py build/snapshot-before.jsonl
    ... change the code ...
    python scripts/json_snapshot.py build/snapshot-after.jsonl
    cmp build/snapshot-before.jsonl build/snapshot-after.jsonl

Audits the sample ``corpus/russia-sdf-syria.txt``, every draft in ``corpus/drafts/`` and the
PolNeAR dev and train articles listed in ``bench/gold/polnear-{dev,train}.jsonl`` (read from
``../shared/corpus/polnear``; a split whose file is absent is skipped with a line on stderr)
with the default configuration, and writes one line per document: the JSON contract's document
(:func:`attribution.report.json.document`), keys sorted. Parses come from (and go to) the parse
cache ``build/cache`` (``--cache DIR``), so a second run only extracts, resolves and checks.
Each document is also validated against the contract's shipped JSON Schema
(:func:`attribution.report.schema.validate`); the first problems go to stderr and the exit code
is 1 when any document does not fit it.

``--resolve-module FILE`` audits with the resolve stage in ``FILE`` (a single-file
``attribution/resolve.py``, e.g. ``git show REV:attribution/resolve.py > build/resolve_rev.py``)
instead of the installed one: a before/after comparison of one stage while other stages change
in the same checkout.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear"
GOLD = ROOT / "bench" / "gold"
DRAFTS = ROOT / "corpus" / "drafts"
SAMPLE = ROOT / "corpus" / "russia-sdf-syria.txt"


def _sources():
    """(label, Source) for every document, in a fixed order."""
    from attribution.load import load, load_text

    yield "sample", load(str(SAMPLE.relative_to(ROOT)))
    for path in sorted(DRAFTS.iterdir()):
        if path.name.endswith(".json") or path.name == "README.md" or not path.is_file():
            continue
        yield "drafts", load(str(path.relative_to(ROOT)))
    for split in ("dev", "train"):
        corpus = POLNEAR / f"{split}.jsonl"
        gold = GOLD / f"polnear-{split}.jsonl"
        if not corpus.exists() or not gold.exists():
            print(f"json_snapshot: {split}: skipped (no {corpus})", file=sys.stderr)
            continue
        wanted = {json.loads(line)["id"] for line in gold.open(encoding="utf-8") if line.strip()}
        for line in corpus.open(encoding="utf-8"):
            rec = json.loads(line)
            if rec["id"] in wanted:
                yield split, load_text(rec["text"], path=f"{rec['id']}.txt", fmt="text")


def _use_resolve(path: str) -> None:
    spec = importlib.util.spec_from_file_location("attribution.resolve", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["attribution.resolve"] = module
    spec.loader.exec_module(module)
    if hasattr(module, "DATA"):  # the word lists of this checkout, wherever FILE lies
        module.DATA = ROOT / "attribution" / "data" / "people.toml"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="the JSONL file to write")
    ap.add_argument("--cache", default=str(ROOT / "build" / "cache"), help="parse cache directory")
    ap.add_argument("--resolve-module", help="audit with the resolve stage in this file")
    args = ap.parse_args(argv)
    if args.resolve_module and not Path(args.resolve_module).is_file():
        print(f"json_snapshot: no such file: {args.resolve_module}", file=sys.stderr)
        return 2

    os.environ.setdefault("ATTRIBUTION_THREADS", "1")
    import attribution  # noqa: F401  (the package, before a replacement stage is registered)

    if args.resolve_module:
        _use_resolve(args.resolve_module)
    from attribution.audit import audit_source
    from attribution.cache import ParseCache
    from attribution.config import Config
    from attribution.vocab import load_lexicon
    from attribution.modelset import resolve as resolve_models
    from attribution.parse import Parser
    from attribution.report.json import document
    from attribution.report.schema import validate

    parser = Parser(resolve_models(None))
    config = Config()
    lexicon = load_lexicon(extra_cues=config.extra_cues)
    cache = ParseCache(args.cache)
    counts: dict[str, int] = {}
    invalid = 0
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for label, source in _sources():
            report = audit_source(source, parser, config=config, lexicon=lexicon, cache=cache)
            doc = document(report)
            problems = validate(json.loads(json.dumps(doc)), "DocumentRecord")
            if problems:
                invalid += 1
                print(f"json_snapshot: {source.path} does not fit the schema: {problems[:3]}", file=sys.stderr)
            out.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
            counts[label] = counts.get(label, 0) + 1
    print(f"json_snapshot: {args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f" (parse cache: {cache.hits} hits, {cache.misses} misses; {invalid} not fitting the schema)")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
