"""errors.py: one hierarchy for every error a user can fix, one line and exit 2 for each."""
from __future__ import annotations

import pytest

from attribution import errors


def test_every_stage_error_is_an_attribution_error():
    from attribution.archive import ArchiveError
    from attribution.cache import CacheError
    from attribution.config import ConfigError
    from attribution.load import LoadError
    from attribution.modelset import ModelError
    from attribution.report.output import OutputError

    assert ArchiveError is errors.ArchiveError
    assert CacheError is errors.CacheError
    assert ConfigError is errors.ConfigError
    assert ModelError is errors.ModelError
    assert OutputError is errors.OutputError
    assert issubclass(LoadError, errors.InputError)
    for cls in (ArchiveError, CacheError, ConfigError, ModelError, OutputError, LoadError,
                errors.UsageError):
        assert issubclass(cls, errors.AttributionError)
        assert cls.exit_code == errors.EXIT_ERROR
    assert LoadError("x.png", "binary file", "binary").message == "x.png: binary file"


@pytest.mark.parametrize("exc", [
    errors.ModelError("no model set in /nowhere"),
    errors.ArchiveError("cannot create out/"),
    errors.ConfigError("pyproject.toml: [tool.attribution] fail-on: bad"),
])
def test_cli_prints_any_attribution_error_as_one_line(exc, monkeypatch, capsys):
    from attribution import cli
    from attribution.commands import rules

    def boom(args):
        raise exc

    monkeypatch.setattr(rules, "run", boom)
    assert cli.main(["rules"]) == errors.EXIT_ERROR
    err = capsys.readouterr().err
    assert err == f"attribution: error: {exc}\n"  # not 'internal error', no traceback


def test_an_unexpected_exception_is_still_an_internal_error(monkeypatch, capsys):
    from attribution import cli
    from attribution.commands import rules

    def boom(args):
        raise RuntimeError("bug")

    monkeypatch.delenv("ATTRIBUTION_DEBUG", raising=False)
    monkeypatch.setattr(rules, "run", boom)
    assert cli.main(["rules"]) == errors.EXIT_ERROR
    assert capsys.readouterr().err.startswith("attribution: error: internal error: RuntimeError: bug")
