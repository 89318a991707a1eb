"""Output safety: nothing printed from input text can drive a terminal or forge a line.

Article text, file names, speaker names and publisher fields come from whoever
wrote the input.  Every human-facing format (text, line, github, markdown,
``archive-report``) prints them only after they pass through this module:

* C0 and C1 control characters (ESC, CSI ``\\x9b``, OSC, BEL, backspace, carriage
  return, ...) and the Unicode bidi controls (U+202A-U+202E, U+2066-U+2069,
  U+200E/U+200F, U+061C) are replaced, **one character by one character**, so
  every offset, line and column computed on the original text still holds.
  C0 controls become their Control Pictures (``\\x1b`` -> ``␛``), so an editor
  sees that something was there; C1 and bidi controls and lone surrogates (from
  a file name that is not UTF-8) become U+FFFD.  In text, ``\\n`` and ``\\t`` are
  kept and ``\\r``, ``\\v``, ``\\f`` and NEL become a space; in a file name
  (:func:`path`) every control is replaced, newlines included, so a name cannot
  start a new line (a forged ``path:1:1: error`` line or a ``::error``
  workflow command).
* :func:`display_reports` applies that to a copy of the reports (the source
  text, path, notices, speaker fields, finding messages), which is what
  :func:`attribution.report.render` hands to every format except JSON and
  SARIF; those two are data, printed by ``json.dumps`` with :func:`json_text`
  (controls, bidi and surrogates as ``\\uXXXX`` escapes: the same strings once
  parsed, inert on a terminal).
* :func:`markdown` and :func:`markdown_code` make text inert in a GitHub
  comment (no link, image, autolink, HTML, @mention or issue reference);
  :func:`csv_cell` keeps a spreadsheet from reading a cell as a formula.

Importing this module imports nothing but ``re`` and ``dataclasses``.
"""
from __future__ import annotations

import dataclasses
import html
import re

REPLACEMENT = "\ufffd"
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Every character that is neutralised somewhere (paths: all of them; text: all but \n and \t).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI + "\ud800-\udfff]")
_UNSAFE_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI + "\ud800-\udfff]")
_SPACE = {"\r": " ", "\x0b": " ", "\x0c": " ", "\x85": " "}
_WS = re.compile(r"\s+")


def _picture(ch: str) -> str:
    o = ord(ch)
    if o < 0x20:
        return chr(0x2400 + o)   # ␀ .. ␟
    if o == 0x7F:
        return "\u2421"          # ␡
    return REPLACEMENT           # C1, bidi, lone surrogates


def _text_sub(m: re.Match) -> str:
    ch = m.group()
    return _SPACE.get(ch) or _picture(ch)


def text(value: str) -> str:
    """``value`` with every control neutralised, same length; ``\\n`` and ``\\t`` kept."""
    if not value or _UNSAFE_TEXT.search(value) is None:
        return value
    return _UNSAFE_TEXT.sub(_text_sub, value)


def path(value: str) -> str:
    """A file name for display: every control replaced (newlines too), same length."""
    if not value or _UNSAFE.search(value) is None:
        return value
    return _UNSAFE.sub(lambda m: _picture(m.group()), value)


def message(value: str) -> str:
    """A one-line message for stderr (it may quote a file name): as :func:`path`."""
    return path(value)


def line(value: str) -> str:
    """``value`` on one line (whitespace runs collapsed), every control neutralised."""
    return _WS.sub(" ", text(value)).strip()


def _opt(value: str | None) -> str | None:
    return None if value is None else text(value)


# ------------------------------------------------------------------ reports

def display_reports(reports, errors=()):
    """Display-safe copies of ``reports`` and ``errors`` (``(path, message)`` pairs).

    Lengths are kept, so spans, lines and columns are unchanged; ids, rules and
    severities are not touched.  The parse (tokens) is not copied: no human
    format prints it.
    """
    return [_report(r) for r in reports], [(path(p), line(m)) for p, m in errors]


def _report(report):
    res = report.resolved
    src = res.document.source
    safe_src = dataclasses.replace(
        src, path=path(src.path), text=text(src.text),
        blocks=tuple(b if not _UNSAFE_TEXT.search(b.text) else dataclasses.replace(b, text=text(b.text))
                     for b in src.blocks),
        notices=tuple(line(n) for n in src.notices),
        publisher=_opt(src.publisher))
    speakers = tuple(dataclasses.replace(
        sp, name=text(sp.name), title=_opt(sp.title), role=_opt(sp.role),
        affiliation=_opt(sp.affiliation), anonymity_reason=_opt(sp.anonymity_reason),
        mentions=tuple(dataclasses.replace(m, text=text(m.text)) for m in sp.mentions))
        for sp in res.speakers)
    doc = dataclasses.replace(res.document, source=safe_src)
    resolved = dataclasses.replace(res, document=doc, speakers=speakers)
    findings = tuple(dataclasses.replace(f, message=text(f.message)) for f in report.findings)
    return dataclasses.replace(report, resolved=resolved, findings=findings)


# ------------------------------------------------------------------ JSON

_JSON_UNSAFE = re.compile("[\x7f-\x9f" + BIDI + "\ud800-\udfff]")


def json_text(dumped: str) -> str:
    """A ``json.dumps(..., ensure_ascii=False)`` string with DEL, C1, bidi and lone
    surrogates written as ``\\uXXXX`` escapes (``json.dumps`` already escapes C0).

    Such characters can only occur inside JSON strings, so the document parses to
    exactly the same data.
    """
    if _JSON_UNSAFE.search(dumped) is None:
        return dumped
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


# ------------------------------------------------------------------ Markdown (GitHub)

_MD_ESCAPE = re.compile(r"([\\`*_\[\]~|])")
_MENTION = re.compile(r"([@#])(?=[\w])")          # @user, @org/team, #123, GH-less refs
_SCHEME = re.compile(r"(?i)(?<=[a-z0-9])(://)")   # bare-URL autolinks (http://, https://, ...)
_WWW = re.compile(r"(?i)\b(www)\.")
_ZWSP = "&#8203;"


def markdown(value: str) -> str:
    """Text inert inside a GitHub Markdown paragraph or table cell, on one line.

    HTML is escaped (no tags, no ``<autolinks>``, no entities of the input's own),
    Markdown punctuation is backslash-escaped (no ``[links](…)``, ``![images](…)``,
    emphasis or code spans), ``|`` cannot end a table cell, and a zero-width space
    entity breaks ``@mentions``, ``#123`` references and bare-URL autolinks.
    """
    out = html.escape(line(value), quote=False)
    out = _MD_ESCAPE.sub(r"\\\1", out)
    out = _MENTION.sub(lambda m: m.group(1) + _ZWSP, out)
    out = _SCHEME.sub(":" + _ZWSP + "//", out)
    return _WWW.sub(r"\1" + _ZWSP + ".", out)


def markdown_code(value: str) -> str:
    """A Markdown code span showing ``value`` literally (one line), safe in a table cell.

    The fence is one backtick longer than the longest run inside, so the text
    cannot close it; pipes are escaped for the table (GFM removes the backslash).
    """
    value = line(value).replace("|", "\\|")
    longest = max((len(r) for r in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or not value else ""
    return f"{fence}{pad}{value}{pad}{fence}"


# ------------------------------------------------------------------ CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value):
    """A CSV cell a spreadsheet shows as text: controls neutralised and a leading
    ``= + - @`` (a formula in Excel, LibreOffice, Google Sheets) prefixed with ``'``.
    Numbers are returned as they are.
    """
    if not isinstance(value, str):
        return value
    value = line(value)
    return "'" + value if value.startswith(_FORMULA_START) else value
