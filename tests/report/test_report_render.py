"""render(): dispatch to every format; unreadable inputs only where they belong."""
from __future__ import annotations

import json

import pytest

from attribution.report import FORMATS, render

from .report_article import TOOL, build

ERRORS = [("drafts/broken.html", "cannot decode")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_and_is_deterministic(fmt):
    reports = [build(path="a.md"), build(path="b.md", prefix="Lede.\n\n")]
    first = render(reports, fmt, tool=TOOL, errors=ERRORS, color=False, width=80)
    assert first and first.endswith("\n")
    assert render(reports, fmt, tool=TOOL, errors=ERRORS, color=False, width=80) == first
    shown = "drafts/broken.html" in first
    assert shown == (fmt in {"text", "json", "markdown", "html"})
    if fmt in {"json", "sarif"}:
        json.loads(first)


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render([build()], "xml", tool=TOOL)


def test_cli_formats_are_all_rendered():
    from attribution.cli import FORMATS as CLI_FORMATS

    assert set(CLI_FORMATS) == set(FORMATS)
