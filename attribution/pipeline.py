"""The pipeline: load -> parse -> extract -> resolve -> check, assembled here and nowhere else.

* :func:`audit_source` runs parse, extract, resolve and check on one loaded
  :class:`~attribution.model.Source` and returns its :class:`~attribution.model.Report`.
* :func:`attributions_of` stops after resolve (the PolNeAR evaluator scores attributions).
* :class:`Pipeline` is what one process needs to audit, built once and reused for every
  source: the parser (lazy: loaded at the first paragraph the parse cache does not hold),
  the cache, the configuration and the lexicon.

``attribution audit`` (:mod:`attribution.batch`), ``attribution archive``
(:mod:`attribution.archive`) and ``attribution eval`` (:mod:`attribution.evaluate`) all
audit through this module; none of them calls a stage directly.  The stages never import
it (a test checks).  The stage functions are looked up when called, so a benchmark can
wrap them to time each stage.
"""
from __future__ import annotations

from typing import Callable

from .model import Attribution, Report, Source
from .parse import Parser as _Parser  # parse.py imports stanza only inside Parser

# Introspection for tests and the benchmark: Parsers built in this process.
parsers_built = 0


def audit_source(source: Source, parser, *, config=None, lexicon=None, cache=None,
                 results=None) -> Report:
    """Audit one source with ``parser`` (a :class:`~attribution.parse.Parser` or stand-in).

    ``cache`` is the parse cache (per paragraph), ``results`` the result cache (per document,
    :class:`attribution.results.ResultCache`): a document it holds is neither parsed nor run
    through extract, resolve and check.  A ``lexicon`` other than the configuration's own is not
    in the result cache's key, so with one the result cache is not used."""
    from .config import Config

    config = config or Config()
    key = None
    if results is not None and (lexicon is None or _default_lexicon(lexicon, config)):
        key = results.key(source, parser, config)
        if key is not None:
            hit = results.get(key, source)
            if hit is not None:
                return hit
    from .vocab import load_lexicon

    lexicon = lexicon or load_lexicon(extra_cues=config.extra_cues)
    resolved = _resolved(source, parser, lexicon, cache)
    from .check import check

    findings = check(resolved, config, lexicon)
    report = Report(resolved=resolved, findings=tuple(findings))
    if key is not None:
        results.put(key, report)
    return report


def _default_lexicon(lexicon, config) -> bool:
    from .vocab import load_lexicon

    return lexicon is load_lexicon(extra_cues=config.extra_cues)  # lru-cached: the same object


def _resolved(source: Source, parser, lexicon, cache):
    from .parse import parse

    preparing = _prepare_stages_during_parse()
    doc = parse(source, parser, cache=cache)
    if preparing is not None:
        preparing.join()
    from .extract import extract
    from .resolve import resolve

    return resolve(extract(doc, lexicon), lexicon)


_preparing = None  # the thread of _prepare_stages_during_parse, once per process
_prepared = False  # _prepare_stages has run


def _prepare_stages_during_parse():
    """On the command line's cold start only (:func:`attribution.parse.lazy.cold_start`), once
    per process, unless the stages were prepared while torch's library opened
    (:meth:`LazyParser.real`): a thread that imports extract, resolve and check, registers the
    rules and loads their word lists while the first document is parsed.  The networks release
    the GIL, so on a second core this Python work (~0.15 s) no longer waits for the parse; the
    thread is joined before anything reads what it prepares, and an error in it is left for the
    main thread to meet where it always did."""
    global _preparing
    from .parse.lazy import cold_started

    if _preparing is not None or _prepared or not cold_started():
        return None
    import threading

    _preparing = threading.Thread(target=_prepare_stages, name="attribution-prepare-stages", daemon=True)
    _preparing.start()
    return _preparing


def _prepare_stages() -> None:
    """Imports the stages, registers the rules, loads their word lists, and imports resolve's
    steps last: they load C extensions (rapidfuzz), which wait while torch's library opens."""
    global _prepared
    _prepared = True
    try:
        from . import extract, resolve  # noqa: F401
        from .check.registry import all_rules
        from .vocab import all_person_nouns, load_people, load_rule_words

        all_rules()
        load_people()
        load_rule_words()
        all_person_nouns()
        from .resolve import resolver  # noqa: F401
    except Exception:  # noqa: BLE001 - met again, and reported, by the main thread
        pass


def attributions_of(source: Source, parser, lexicon, *, cache=None,
                    warn: Callable[[str], None] | None = None) -> list[Attribution]:
    """parse -> extract -> resolve: the attributions of ``source``, speakers linked.

    When resolve fails, the extracted attributions are returned (and ``warn`` is told why):
    resolution must never cost the extraction its score.
    """
    from .extract import extract
    from .parse import parse
    from .resolve import resolve

    doc = parse(source, parser, cache=cache)
    extraction = extract(doc, lexicon)
    try:
        return list(resolve(extraction, lexicon).attributions)
    except Exception as exc:
        if warn is not None:
            warn(f"resolve failed ({type(exc).__name__}: {exc}); using extract output")
        return list(extraction.attributions)


class LazyParser:
    """Stands in for a :class:`~attribution.parse.Parser` until a paragraph misses the cache.

    ``parse`` needs the model id and stanza version for the cache keys, and the pipeline
    only for paragraphs not in the cache: a re-audit of unchanged files never loads
    torch or stanza (about 3.5 s saved per ``attribution audit`` run).
    """

    def __init__(self, models_dir, threads: int | None):
        from importlib.metadata import version

        from .modelset import resolve

        self.models = resolve(models_dir)
        self.model_id = self.models.id
        self.stanza_version = version("stanza")  # == stanza.__version__, without importing it
        self.threads = threads
        self._real = None

    def key(self, text: str) -> str:
        return _Parser.key(self, text)

    def real(self):
        """The real Parser, built on first use; :class:`ModelError` when it cannot be loaded."""
        global parsers_built
        if self._real is None:
            from . import parse
            from .errors import ModelError
            from .parse.lazy import model_loading, open_torch_libraries

            # the command line's cold start: torch's operator library opens in a thread (the
            # interpreter lock let go) while this one readies the stages that follow the parse
            opening = open_torch_libraries()
            if opening is not None:
                if _preparing is not None:  # a parse began before the model was needed (a
                    _preparing.join()       # cache miss): its thread is preparing them
                else:
                    _prepare_stages()
                opening.join()
            try:
                with model_loading():  # the command line's: no collection while it loads
                    self._real = parse.Parser(self.models, threads=self.threads)
            except Exception as exc:  # corrupt weights, wrong stanza version, ...
                raise ModelError(f"cannot load stanza models from {self.models.dir}: {exc}") from exc
            parsers_built += 1
        return self._real

    def parse_texts(self, texts: list[str]) -> list[list]:
        return self.real().parse_texts(texts) if texts else []


class Pipeline:
    """Everything one process needs to audit: parser, cache, configuration and lexicon,
    built once (at the first :meth:`audit`, or by :meth:`load`).

    Args:
        models: model directory (``--models``); ``None`` resolves as :func:`modelset.resolve`.
        threads: torch threads for the parser (``None``: torch decides).
        use_cache: read and write the on-disk parse cache and result cache.
        config: an :class:`attribution.config.Config` (``None``: the defaults).
        parser: an already loaded Parser to use instead of building one.
        lexicon: an already loaded lexicon (``None``: loaded with ``config.extra_cues`` at the
            first document the result cache does not hold).
    """

    def __init__(self, models=None, *, threads: int | None = None, use_cache: bool = True,
                 config=None, parser=None, lexicon=None):
        self.models = models
        self.threads = threads
        self.use_cache = use_cache
        self.config = config
        self.parser = parser
        self._lexicon = lexicon
        self.cache = None
        self.results = None  # the result cache, with the parse cache
        self._loaded = False

    def load(self, eager: bool = False) -> Pipeline:
        """Build what is missing; ``eager`` (or no cache) also loads the model now."""
        if not self._loaded:
            if self.config is None:
                from .config import Config

                self.config = Config()
            if self.parser is None:
                self.parser = LazyParser(self.models, self.threads)
            if self.use_cache:
                from .cache import ParseCache
                from .results import ResultCache

                self.cache = ParseCache()
                self.results = ResultCache(self.cache.dir)
            self._loaded = True
        if (eager or not self.use_cache) and isinstance(self.parser, LazyParser):
            self.parser.real()
        return self

    @property
    def lexicon(self):
        """The cue lexicon (loaded on first use: a run the result cache covers never needs it)."""
        if self._lexicon is None:
            from .vocab import load_lexicon

            self._lexicon = load_lexicon(extra_cues=self.load().config.extra_cues)
        return self._lexicon

    @property
    def model_id(self) -> str:
        return self.load().parser.model_id

    def audit(self, source: Source) -> Report:
        """The report of one source.  One the result cache serves carries no parse
        (``report.resolved.document.sentences`` is empty); use ``use_cache=False`` for the parse."""
        self.load()
        return audit_source(source, self.parser, config=self.config, lexicon=self._lexicon,
                            cache=self.cache, results=self.results)

    def cached(self, source: Source) -> Report | None:
        """The result cache's report of ``source``, or ``None`` (not held, or no cache); loads no
        model (``--jobs``: a document held here needs no worker)."""
        self.load()
        if self.results is None or self._lexicon is not None:  # a given lexicon is not in the key
            return None
        key = self.results.key(source, self.parser, self.config)
        return self.results.get(key, source) if key is not None else None

    def attributions(self, source: Source, warn: Callable[[str], None] | None = None) -> list[Attribution]:
        """The resolved attributions of one source (no rules run): see :func:`attributions_of`."""
        self.load()
        return attributions_of(source, self.parser, self.lexicon, cache=self.cache, warn=warn)
