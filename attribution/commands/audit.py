"""``attribution audit PATH...``: gather inputs, audit each (:mod:`attribution.batch`), render,
pick the exit code."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .. import __version__
from ..errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from ..model import Severity

FAIL_LEVELS = {"info": 0, "warning": 1, "error": 2}


def _config(args):
    from ..config import ConfigError, load_config

    first = next((p for p in args.paths if p != "-"), None) or getattr(args, "stdin_filename", None)
    start = Path(first).resolve() if first else Path.cwd()
    if start.is_file() or not start.exists():
        start = start.parent
    overrides = {}
    if args.select:
        overrides["select"] = [s.strip() for s in args.select.split(",") if s.strip()]
    if args.ignore:
        overrides["ignore"] = [s.strip() for s in args.ignore.split(",") if s.strip()]
    if args.fail_on:
        overrides["fail_on"] = args.fail_on
    try:
        return load_config(explicit=args.config, start=start, overrides=overrides)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _gather(paths: list[str], *, stdin_filename: str | None = None, follow_links: bool = False):
    """Load every input; return (sources, errors, empty directories) keeping the order
    of the inputs.

    A file reached twice (named twice, or named and inside a named directory, or
    through a link) is audited once.  ``stdin_filename`` names stdin's text.
    """
    import dataclasses

    from ..load import SUFFIXES, LoadError, iter_inputs, load, load_stdin

    sources, errors, empty, seen = [], [], [], set()
    for path in paths:
        found = 0
        for item in iter_inputs([path], follow_links=follow_links):
            if isinstance(item, LoadError):
                if getattr(item, "severity", "error") == "warning":  # e.g. a symlink loop skipped
                    _say("notice", item.message)
                else:
                    errors.append((item.path, item.message))
                continue
            found += 1
            key = "-" if item == "-" else os.path.realpath(item)
            if key in seen:
                continue
            seen.add(key)
            try:
                if item == "-" and stdin_filename:
                    fmt = SUFFIXES.get(os.path.splitext(stdin_filename)[1].lower())
                    sources.append(dataclasses.replace(load_stdin(fmt=fmt), path=stdin_filename))
                else:
                    sources.append(load_stdin() if item == "-" else load(item))
            except LoadError as exc:
                errors.append((exc.path, exc.message))
        if not found and path != "-" and os.path.isdir(path):
            empty.append(path)
    return sources, errors, empty


def _say(kind: str, message: str) -> None:
    """``attribution: KIND: MESSAGE`` on stderr, on one line whatever the file names in it hold
    (GitHub reads workflow commands from stderr too)."""
    from ..report.safe import message as safe_message

    sys.stderr.write(f"attribution: {kind}: {safe_message(message)}\n")


def _refuse_inputs(output: str, inputs) -> None:
    from ..report.output import OutputError, refuse_inputs

    try:
        refuse_inputs(output, inputs)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


def _write_output(output: str, text: str) -> None:
    """``-o FILE``: a temporary file from mkstemp next to FILE, then an atomic rename;
    nothing is left behind when writing fails."""
    from ..report.output import OutputError, write_atomic

    try:
        write_atomic(output, text)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


def _write_stdout(text: str) -> None:
    """The report on stdout; a closed or unwritable stdout is one line (exit 2), not a crash.
    A reader that went away (``| head``) stays a BrokenPipeError for the command line."""
    if sys.stdout is None:
        raise UsageError(_STDOUT_CLOSED)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise UsageError(f"standard output: cannot write the report: "
                         f"{getattr(exc, 'strerror', None) or exc}") from None


_STDOUT_CLOSED = "standard output is closed: nowhere to write the report (use -o FILE)"


def run_audit(args) -> int:
    from ..modelset import ModelError, resolve

    if not args.output and sys.stdout is None:  # `>&-`: refuse before auditing anything
        raise UsageError(_STDOUT_CLOSED)
    config = _config(args)
    sources, errors, empty = _gather(args.paths, stdin_filename=getattr(args, "stdin_filename", None),
                                     follow_links=getattr(args, "follow_links", False))
    if args.output:  # before the audit: never overwrite what is being audited
        _refuse_inputs(args.output, [*args.paths, *(s.path for s in sources)])
    allow_empty = getattr(args, "allow_empty", False)
    for path in empty:
        from ..load import SUFFIXES

        _say("warning", f"{path}: no {', '.join(sorted(SUFFIXES))} file in it"
                        f"{'' if allow_empty else ' (exit 2; --allow-empty accepts this)'}")
    for path, message in errors:
        _say("error", message if path in message else f"{path}: {message}")
    for src in sources:
        for notice in src.notices:
            _say("notice", f"{src.path}: {notice}")
    try:
        models = resolve(args.models)
    except ModelError as exc:
        raise UsageError(str(exc)) from None

    from ..batch import audit_many, auto_jobs

    jobs = auto_jobs(sources, args.models, not args.no_cache) if args.jobs == "auto" else max(1, args.jobs)
    try:
        reports = list(audit_many(sources, models_dir=args.models, jobs=jobs,
                                  use_cache=not args.no_cache, config=config,
                                  progress=sys.stderr.isatty()))
    except ModelError as exc:  # weights unreadable: raised at the first cache miss
        raise UsageError(str(exc)) from None
    from ..load import LoadError

    for lost in [r for r in reports if isinstance(r, LoadError)]:  # a worker died twice on it
        errors.append((lost.path, lost.message))
        _say("error", lost.message)
    reports = [r for r in reports if not isinstance(r, LoadError)]

    from ..report import render

    fmt = args.format or "text"
    tool = {"name": "attribution", "version": __version__, "model": models.id}
    if config.path:
        tool["config"] = config.path  # which configuration file is in effect (issue 16, point 12)
    color = {"always": True, "never": False}.get(getattr(args, "color", "auto"))
    if color is None and args.output:
        color = False
    out = render(reports, fmt, tool=tool, errors=errors, color=color, show=getattr(args, "show", None))
    if args.output:
        _write_output(args.output, out)
    elif out:
        _write_stdout(out if out.endswith("\n") else out + "\n")

    if errors and args.unreadable == "error":
        return EXIT_ERROR
    if empty and not allow_empty:
        return EXIT_ERROR
    fail_on = config.fail_on
    if fail_on == "never":
        return EXIT_OK
    threshold = FAIL_LEVELS[fail_on]
    worst = max((Severity(f.severity).rank for r in reports for f in r.findings), default=-1)
    return EXIT_FINDINGS if worst >= threshold else EXIT_OK


def _check_output(path: str | None) -> None:
    """``-o FILE``: the directory must exist and FILE must not be a directory (checked
    before any input is read or the model is loaded)."""
    if not path:
        return
    if os.path.isdir(path):
        raise UsageError(f"--output {path}: is a directory (give a file name)")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise UsageError(f"--output {path}: directory {os.path.dirname(path) or parent} does not exist")


def run(args) -> int:
    """The ``attribution audit`` command."""
    _check_output(args.output)
    if not args.paths:  # cli let it through only with --stdin-filename: read stdin
        args.paths = ["-"]
    return run_audit(args)
