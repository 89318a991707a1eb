"""Regenerate the examples in docs/output-formats.md from the real tool.

Each example sits between ``<!-- example: NAME -->`` and ``<!-- /example -->``
and is the output of the audit pipeline (load, parse with the model in use,
extract, resolve, check, render) on the inputs named in :data:`EXAMPLES`.
``tests/report/test_docs_output_formats.py`` fails when they are out of date:

    .venv/bin/python scripts/update_output_examples.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "output-formats.md"
SAMPLE = "corpus/russia-sdf-syria.txt"
SHORT = "docs/examples/council.md"
WIDTH = 88

# name: (format, inputs, fence language, render options)
EXAMPLES = {
    "text": ("text", [SAMPLE], "text", {"width": WIDTH, "color": False}),
    "text-all": ("text", [SHORT], "text", {"width": WIDTH, "color": False, "show": "all"}),
    "line": ("line", [SAMPLE], "text", {}),
    "github": ("github", [SAMPLE], "text", {}),
    "markdown": ("markdown", [SAMPLE], "markdown", {}),
    "json": ("json", [SHORT], "json", {}),
}
_BLOCK = re.compile(r"(<!-- example: ([\w-]+) -->\n)(.*?)(<!-- /example -->)", re.DOTALL)


def outputs(parser) -> dict[str, str]:
    """Every example's text, from one audit of each input."""
    from attribution import __version__
    from attribution.audit import audit_source
    from attribution.load import load
    from attribution.report import render

    reports = {}
    for path in {p for _, inputs, _, _ in EXAMPLES.values() for p in inputs}:
        reports[path] = audit_source(load(path), parser)
    tool = {"name": "attribution", "version": __version__, "model": parser.model_id}
    out = {}
    for name, (fmt, inputs, _, options) in EXAMPLES.items():
        out[name] = render([reports[p] for p in inputs], fmt, tool=tool, **options)
    return out


def command(name: str) -> str:
    fmt, inputs, _, options = EXAMPLES[name]
    bits = ["attribution audit", *inputs]
    if fmt != "text":
        bits += ["--format", fmt]
    if options.get("show"):
        bits += ["--show", options["show"]]
    prefix = f"COLUMNS={WIDTH} " if fmt == "text" else ""
    return prefix + " ".join(bits)


def apply(doc: str, texts: dict[str, str]) -> str:
    """``doc`` with every example block replaced by its command and output."""
    def block(m: re.Match) -> str:
        name = m.group(2)
        lang = EXAMPLES[name][2]
        body = texts[name].rstrip("\n")
        return (f"{m.group(1)}```sh\n$ {command(name)}\n```\n\n```{lang}\n{body}\n```\n{m.group(4)}")

    return _BLOCK.sub(block, doc)


def names_in(doc: str) -> list[str]:
    return [m.group(2) for m in _BLOCK.finditer(doc)]


def main() -> int:
    import os

    os.chdir(ROOT)  # inputs are named relative to the repository, as in the docs
    from attribution.modelset import resolve
    from attribution.parse import Parser

    parser = Parser(resolve(), threads=1)
    doc = DOC.read_text(encoding="utf-8")
    new = apply(doc, outputs(parser))
    if new != doc:
        DOC.write_text(new, encoding="utf-8")
        print(f"updated {DOC.relative_to(ROOT)}")
    else:
        print(f"{DOC.relative_to(ROOT)} is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
