"""The result cache: one entry per audited document, as ruff caches a file's diagnostics.

A re-audit of unchanged files spends its time in extract, resolve and check (and their imports),
not in the parse: the parse cache (:mod:`attribution.cache`) holds every paragraph by then.  This
cache stores the analysis itself, so an unchanged document costs one small read and nothing of
the pipeline is imported or run.

The key (:meth:`ResultCache.key`) is a sha256 of everything the analysis depends on:

* the document: every field of the loaded :class:`~attribution.model.Source` (path, text, blocks
  with their offset maps and inline suppressions, format, encoding, notices, publisher);
* the configuration: every :class:`~attribution.config.Config` field that changes findings (not
  ``fail_on``, which changes only the exit code, nor ``path``);
* the model id and stanza version (as the parse cache's keys), the Python version;
* the package's code and data: a hash of every ``.py``, ``.toml``, ``.txt`` and ``.json`` file
  under ``attribution/`` except the model weights, computed once per process (~10 ms).

The value is the serialized analysis (attributions, speakers, quotations, unattributed quotes,
findings), from which every report format is rendered; a report served from here carries the
current :class:`Source` but no parse (``document.sentences`` is empty: nothing after check reads
it).  Entries live in the parse cache's directory and shard layout, with their own magic
(``ATRC``); ``--no-cache`` skips both caches and ``cache clear`` removes both.  As for the parse
cache, the directory is not trusted: an entry that is truncated, corrupt, foreign, of another
format, or does not fit the schema exactly (types, enum values, offsets inside the text) is a
miss, never a crash.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path

from . import __version__
from .cache import _KEY, _SURROGATE, MAX_ENTRY_BYTES, ParseCache, default_dir, unwrap, wrap
from .model import (Anonymity, Attribution, AttributionType, Confidence, Document, Finding, Mention,
                    Quotation, Report, Resolved, Severity, Source, SourceKind, Span, Speaker,
                    SpeakerKind, UnattributedQuote)

FORMAT_VERSION = 1
MAGIC = b"ATRC"
_HEADER = MAGIC + bytes((FORMAT_VERSION,))
_PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = (".py", ".toml", ".txt", ".json")
_CONFIG_SKIP = ("fail_on", "path")  # they change the exit code or the display, not the analysis

_fingerprint: str | None = None


def code_fingerprint() -> str:
    """A sha256 of the package's code and data files (not the model weights, which the model id
    names), computed once per process."""
    global _fingerprint
    if _fingerprint is None:
        h = hashlib.sha256(__version__.encode())
        for path in sorted(_package_files()):
            h.update(b"\0" + path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
        _fingerprint = h.hexdigest()
    return _fingerprint


def _package_files():
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", "models")]
        for name in files:
            if name.endswith(_SUFFIXES):
                yield Path(root) / name


def size_limit(text: str) -> int:
    """Most bytes a document's entry may take (real ones take ~2 per character of text)."""
    return min(MAX_ENTRY_BYTES, 16384 + 64 * len(text))


# ---------------------------------------------------------------- the analysis as plain data

# Per type, its fields in order and how each is stored: a plain JSON value checked on the way
# back.  A dataclass whose fields differ from its spec is not cached (never half-stored), and
# tests/test_results_cache.py fails until the spec names the new field.
_INT = "int"
_STR = "str"
_BOOL = "bool"
_OPT_STR = "str or None"
_SPAN = "span"
_OPT_SPAN = "span or None"
_SPANS = "spans"
_STRS = "strings"
_STRSET = "set of strings"
_MENTIONS = "mentions"
_SPECS = {
    Attribution: (("id", _STR), ("type", AttributionType), ("content", _SPANS), ("cue", _OPT_SPAN),
                  ("source", _OPT_SPAN), ("sentence", _INT), ("cue_lemma", _OPT_STR),
                  ("cue_classes", _STRSET), ("source_kind", SourceKind), ("speaker", _OPT_STR),
                  ("negated", _BOOL), ("passive_agentless", _BOOL), ("confidence", Confidence)),
    Speaker: (("id", _STR), ("name", _STR), ("kind", SpeakerKind), ("title", _OPT_STR),
              ("role", _OPT_STR), ("affiliation", _OPT_STR), ("mentions", _MENTIONS),
              ("anonymity_reason", _OPT_STR), ("anonymity", Anonymity), ("plural", _BOOL)),
    Quotation: (("start", _INT), ("end", _INT), ("inner_start", _INT), ("inner_end", _INT),
                ("closed", _BOOL), ("block", _INT), ("runs_on", _SPANS)),
    UnattributedQuote: (("start", _INT), ("end", _INT), ("text", _STR), ("fragment", _BOOL),
                        ("attributions", _STRS), ("doubt", _OPT_STR)),
    Finding: (("rule", _STR), ("severity", Severity), ("message", _STR), ("start", _INT),
              ("end", _INT), ("line", _INT), ("column", _INT), ("attributions", _STRS), ("code", _STR)),
}
_PARTS = (("attributions", Attribution), ("speakers", Speaker), ("quotations", Quotation),
          ("unattributed", UnattributedQuote), ("findings", Finding))


class _Bad(Exception):
    """A stored value that does not fit its spec."""


def _specs_current() -> bool:
    return all(tuple(f.name for f in dataclasses.fields(cls)) == tuple(n for n, _ in spec)
               for cls, spec in _SPECS.items())


def _dump(kind, v):
    if isinstance(kind, type):  # an enum, or None
        return None if v is None else kind(v).value
    if kind in (_SPAN, _OPT_SPAN):
        return None if v is None else [v.start, v.end]
    if kind == _SPANS:
        return [[s.start, s.end] for s in v]
    if kind == _STRS:
        return list(v)
    if kind == _STRSET:
        return sorted(v)
    if kind == _MENTIONS:
        return [[m.text, m.start, m.end] for m in v]
    return v


def encode(report: Report) -> dict:
    """The analysis of ``report`` as plain JSON data (its source and parse left out)."""
    res = report.resolved
    out = {"model": res.document.model}
    for name, cls in _PARTS:
        items = report.findings if cls is Finding else getattr(res, name)
        out[name] = [[_dump(kind, getattr(x, f)) for f, kind in _SPECS[cls]] for x in items]
    out["person_names"] = sorted(res.person_names)   # resolve's decisions, as the rules read them
    out["unresolved_descriptions"] = sorted(res.unresolved_descriptions)
    return out


def _int(v, n: int | None = None) -> int:
    if type(v) is not int or v < 0 or (n is not None and v > n):
        raise _Bad(v)
    return v


def _str(v) -> str:
    if type(v) is not str:
        raise _Bad(v)
    return v


def _span(v, n: int) -> Span:
    if type(v) is not list or len(v) != 2:
        raise _Bad(v)
    start, end = _int(v[0], n), _int(v[1], n)
    if start > end:
        raise _Bad(v)
    return Span(start, end)


def _list(v) -> list:
    if type(v) is not list:
        raise _Bad(v)
    return v


def _load(kind, v, n: int):
    if isinstance(kind, type):
        return None if v is None else kind(_str(v))  # ValueError for an unknown value
    if kind == _INT:
        return _int(v)
    if kind == _STR:
        return _str(v)
    if kind == _BOOL:
        if type(v) is not bool:
            raise _Bad(v)
        return v
    if kind == _OPT_STR:
        return None if v is None else _str(v)
    if kind in (_SPAN, _OPT_SPAN):
        return None if v is None and kind == _OPT_SPAN else _span(v, n)
    if kind == _SPANS:
        return tuple(_span(s, n) for s in _list(v))
    if kind == _STRS:
        return tuple(_str(s) for s in _list(v))
    if kind == _STRSET:
        return frozenset(_str(s) for s in _list(v))
    if kind == _MENTIONS:
        out = []
        for m in _list(v):
            if type(m) is not list or len(m) != 3:
                raise _Bad(m)
            span = _span(m[1:], n)
            out.append(Mention(_str(m[0]), span.start, span.end))
        return tuple(out)
    raise _Bad(kind)  # pragma: no cover - every kind is above


_OFFSETS = {"start", "end", "inner_start", "inner_end"}


def decode(value, source: Source) -> Report:
    """The :class:`Report` that ``value`` (from :func:`encode`) stores, for ``source``.

    Raises ``_Bad``/``ValueError``/``TypeError`` when ``value`` does not fit the schema."""
    if type(value) is not dict or set(value) != {"model", "person_names", "unresolved_descriptions", *(n for n, _ in _PARTS)}:
        raise _Bad("keys")
    n = len(source.text)
    parts = {}
    for name, cls in _PARTS:
        spec = _SPECS[cls]
        items = []
        for row in _list(value[name]):
            if type(row) is not list or len(row) != len(spec):
                raise _Bad(row)
            kw = {f: _load(kind, v, n) for (f, kind), v in zip(spec, row)}
            for f in _OFFSETS.intersection(kw):
                if kw[f] > n:
                    raise _Bad(f)
            if cls is Attribution and not kw["content"]:
                raise _Bad("no content")
            items.append(cls(**kw))
        parts[name] = tuple(items)
    findings = parts.pop("findings")
    doc = Document(source=source, sentences=(), model=_str(value["model"]))
    person_names = _load(_STRSET, value["person_names"], n)
    unresolved = _load(_STRSET, value["unresolved_descriptions"], n)
    return Report(resolved=Resolved(document=doc, person_names=person_names, unresolved_descriptions=unresolved,
                                    **parts), findings=findings)


# ---------------------------------------------------------------- the cache

def _config_part(config) -> list:
    if config is None:
        return []
    out = []
    for f in dataclasses.fields(config):
        if f.name in _CONFIG_SKIP:
            continue
        v = getattr(config, f.name)
        if isinstance(v, dict):
            v = sorted((str(k), str(getattr(x, "value", x))) for k, x in v.items())
        out.append([f.name, repr(v)])
    return out


def _block_part(b) -> list:
    return [b.start, b.end, b.text, list(b.offsets) if b.offsets is not None else None, sorted(b.suppress)]


class ResultCache(ParseCache):
    """One entry per document (see the module docstring); ``dir`` as the parse cache's."""

    def __init__(self, dir: Path | str | None = None):
        super().__init__(dir if dir is not None else default_dir())

    @staticmethod
    def key(source: Source, parser, config) -> str | None:
        """The entry's key, or ``None`` when ``parser`` names no model (a stand-in: not cached)."""
        model_id, stanza_version = getattr(parser, "model_id", None), getattr(parser, "stanza_version", None)
        if not isinstance(model_id, str) or not isinstance(stanza_version, str):
            return None
        parts = ["attribution-result", FORMAT_VERSION, code_fingerprint(), model_id, stanza_version,
                 list(sys.version_info[:3]), _config_part(config),
                 [source.path, source.text, [_block_part(b) for b in source.blocks], source.format,
                  source.encoding, list(source.notices), source.publisher]]
        data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str | None, source: Source) -> Report | None:  # type: ignore[override]
        """The stored report of ``source`` under ``key``, or ``None`` (a miss)."""
        report = None
        if type(key) is str and _KEY.match(key):
            data = self._read(key, size_limit(source.text))
            obj = unwrap(data, _HEADER) if data is not None else None
            if type(obj) is list and len(obj) == 2 and obj[0] == key:
                try:
                    report = decode(obj[1], source)
                except (_Bad, ValueError, TypeError, KeyError):
                    report = None
        if report is None:
            self.misses += 1
        else:
            self.hits += 1
        return report

    def put(self, key: str | None, report: Report) -> None:  # type: ignore[override]
        """Store ``report``'s analysis under ``key``; errors stop writing."""
        if not self._writable or type(key) is not str or not _KEY.match(key) or not _specs_current():
            return
        try:
            payload = json.dumps([key, encode(report)], ensure_ascii=False, separators=(",", ":"),
                                 allow_nan=False).encode("utf-8")
        except (TypeError, ValueError, UnicodeError):  # not plain data: do not cache it
            return
        if _SURROGATE.search(payload) or len(payload) + 64 > size_limit(report.source.text):
            return  # the reader would refuse it
        self._store(key, wrap(_HEADER, payload))
