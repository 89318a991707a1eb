"""Configuration: ``.attribution.toml`` or ``[tool.attribution]`` in ``pyproject.toml``.

Found by walking up from the audited file (an explicit ``--config`` wins).  Keys
(``-`` and ``_`` are interchangeable)::

    select = ["anonymous-source", "ATR101"]   # run only these (ids or codes)
    ignore = ["loaded-cue"]                   # never run these
    fail-on = "warning"                       # error (default) | warning | info | never
    extra-cues = ["opine", "quip"]            # more speech cue lemmas for the lexicon
    anonymous-allow = ["people familiar with"] # allowed when the article gives a reason
    anonymous-allow-requires-reason = true
    [tool.attribution.severity]               # re-level (or "off") by id or code
    loaded-cue = "warning"

Every error is a :class:`ConfigError` whose one-line message names the file and key.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError  # noqa: F401  (raised here; importers catch it from here)
from .model import Severity
from .vocab.schema import CUE_ENTRY  # what an extra cue may be: the lexicon's own test

FAIL_ON = ("error", "warning", "info", "never")
CONFIG_NAMES = (".attribution.toml", "pyproject.toml")

_KEYS = {"select", "ignore", "severity", "fail-on", "extra-cues", "anonymous-allow",
         "anonymous-allow-requires-reason"}


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()          # rule ids; empty = every stable rule
    ignore: tuple[str, ...] = ()          # rule ids
    severity: dict[str, Severity] = field(default_factory=dict)  # rule id -> level
    fail_on: str = "error"
    extra_cues: tuple[str, ...] = ()      # extra speech cue lemmas (vocab.load_lexicon)
    anonymous_allow: tuple[str, ...] = ()
    anonymous_allow_requires_reason: bool = True
    path: str | None = None               # the file it came from (None: defaults)

    def __hash__(self) -> int:  # the severity dict would make the generated hash fail
        return hash((self.select, self.ignore, tuple(sorted((k, v.value) for k, v in self.severity.items())),
                     self.fail_on, self.extra_cues, self.anonymous_allow,
                     self.anonymous_allow_requires_reason, self.path))

    def fails(self, severity: Severity | str) -> bool:
        """True when a finding of ``severity`` should make the run exit 1."""
        if self.fail_on == "never":
            return False
        return Severity(severity).rank >= Severity(self.fail_on).rank

    def enabled(self, rule_id: str, status: str = "stable") -> bool:
        if rule_id in self.ignore:
            return False
        if self.select:
            return rule_id in self.select
        return status == "stable"


def find_config(start: Path | str) -> Path | None:
    """The nearest ``.attribution.toml``, or ``pyproject.toml`` with ``[tool.attribution]``,
    in ``start`` (a file's directory) or any directory above it."""
    p = Path(start).resolve()
    if not p.is_dir():
        p = p.parent
    for d in (p, *p.parents):
        dot = d / ".attribution.toml"
        if dot.is_file():
            return dot
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                data = tomllib.loads(py.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
                continue  # not ours to complain about unless it has our table
            if isinstance(data.get("tool"), dict) and "attribution" in data["tool"]:
                return py
    return None


def load_config(explicit: str | None = None, start: Path | str | None = None,
                overrides: dict | None = None) -> Config:
    """Read the configuration and apply command-line ``overrides``.

    ``explicit`` (``--config``) wins over discovery from ``start`` (the audited file
    or directory; the working directory when ``None``).  ``overrides`` keys:
    ``select`` (replaces the file's), ``ignore`` (added to the file's), ``fail_on``
    (replaces); values may be lists or comma-separated strings; ``None`` is ignored.
    """
    if explicit:
        path: Path | None = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
    else:
        path = find_config(Path(start) if start is not None else Path.cwd())
    config = Config()
    if path is not None:
        config = _from_table(_read_table(path, explicit=bool(explicit)), str(path))
    if overrides:
        config = _apply_overrides(config, overrides)
    return config


def _read_table(path: Path, *, explicit: bool) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses per nested array or inline table
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    if path.name == "pyproject.toml" or ("tool" in data and "attribution" in data.get("tool", {})):
        table = data.get("tool", {}).get("attribution")
        if table is None:
            if explicit:
                raise ConfigError(f"{path}: no [tool.attribution] table")
            return {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.attribution: expected a table")
        return table
    return data


def _rule_id(name: Any, where: str) -> str:
    from .check.registry import lookup

    if not isinstance(name, str):
        raise ConfigError(f"{where}: expected a rule id or code, got {name!r}")
    rule = lookup(name)
    if rule is None:
        raise ConfigError(f"{where}: unknown rule {name!r} (see 'attribution rules')")
    return rule.id


def _rule_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in (x.strip() for x in value.split(",")) if v]
    if not isinstance(value, (list, tuple)):
        raise ConfigError(f"{where}: expected a list of rule ids")
    out: list[str] = []
    for v in value:
        if v in ("ALL", "all", "*"):
            from .check.registry import all_rules

            out.extend(r.id for r in all_rules())
            continue
        rid = _rule_id(v, where)
        if rid not in out:
            out.append(rid)
    return tuple(out)


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _fail_on(value: Any, where: str) -> str:
    if not isinstance(value, str) or value.lower() not in FAIL_ON:
        raise ConfigError(f"{where}: expected one of {', '.join(FAIL_ON)}, got {value!r}")
    return value.lower()


def _from_table(table: dict, path: str) -> Config:
    kw: dict[str, Any] = {}
    select: tuple[str, ...] = ()
    ignore: list[str] = []
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        where = f"{path}: {raw_key}"
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key (expected one of {', '.join(sorted(_KEYS))})")
        if key == "select":
            select = _rule_list(value, where)
        elif key == "ignore":
            ignore.extend(_rule_list(value, where))
        elif key == "fail-on":
            kw["fail_on"] = _fail_on(value, where)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of rule = level")
            levels: dict[str, Severity] = {}
            for name, level in value.items():
                w = f"{where}.{name}"
                rid = _rule_id(name, w)
                if level == "off":
                    ignore.append(rid)
                    continue
                try:
                    levels[rid] = Severity(level)
                except ValueError:
                    raise ConfigError(f"{w}: expected info, warning, error or off, got {level!r}") from None
            kw["severity"] = levels
        elif key == "extra-cues":
            kw["extra_cues"] = tuple(v.lower() for v in _str_list(value, where))
            for cue in kw["extra_cues"]:  # the lexicon's own test, named here
                if not CUE_ENTRY.match(cue.strip()):
                    raise ConfigError(f"{where}: {cue!r} is not a word or phrase "
                                      "(letters, spaces, hyphens and apostrophes)")
        elif key == "anonymous-allow":
            kw["anonymous_allow"] = tuple(v.lower() for v in _str_list(value, where))
        elif key == "anonymous-allow-requires-reason":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: expected true or false")
            kw["anonymous_allow_requires_reason"] = value
    return Config(select=select, ignore=tuple(dict.fromkeys(ignore)), path=path, **kw)


def _apply_overrides(config: Config, overrides: dict) -> Config:
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        if value is None:
            continue
        k = key.replace("-", "_")
        where = f"--{k.replace('_', '-')}"
        if k == "select":
            changes["select"] = _rule_list(value, where)
        elif k == "ignore":
            changes["ignore"] = tuple(dict.fromkeys(config.ignore + _rule_list(value, where)))
        elif k == "fail_on":
            changes["fail_on"] = _fail_on(value, where)
        else:
            raise ConfigError(f"{where}: not a configuration override")
    return replace(config, **changes)
