"""``needs`` enforced: views of the resolved document that refuse what a rule did not declare.

``check(..., strict=True)`` runs each rule on a :class:`~attribution.check.context.Context`
built from these views instead of the real objects, so a rule that reads extract's
attributions, resolve's speakers (``Resolved.speakers``, ``Resolved.speaker()`` or an
attribution's ``speaker`` link) or a configuration key it did not declare raises
:class:`UndeclaredNeedError`.  The rule tests run strict (``tests/rules/_build.py``), and
``tests/check/test_rule_contract.py`` runs every rule strict on the sample and the drafts.
Normal audits run on the real objects: the views cost an indirection on every access.
"""
from __future__ import annotations

from ..model import Attribution, Resolved

# configuration every rule may read: which rules run and at what level (the checker's business)
_GENERIC_CONFIG = frozenset({"select", "ignore", "severity", "fail_on", "path", "enabled"})


class UndeclaredNeedError(Exception):
    """A rule read something it did not declare in ``@rule(needs=..., config=...)``.

    Not an ``AttributeError``: ``getattr(obj, name, default)`` must not swallow it.
    """


def _refuse(rule, what: str, declare: str) -> UndeclaredNeedError:
    return UndeclaredNeedError(f"rule {rule.code} {rule.id} reads {what} without declaring it "
                               f"(add {declare} to its @rule)")


class GuardedAttribution:
    """An attribution whose ``speaker`` link (resolve's output) needs ``"speakers"``."""

    __slots__ = ("_attr", "_rule")

    def __init__(self, attr: Attribution, rule):
        object.__setattr__(self, "_attr", attr)
        object.__setattr__(self, "_rule", rule)

    def __getattr__(self, name: str):
        if name == "speaker":
            raise _refuse(self._rule, "an attribution's speaker", 'needs={"speakers"}')
        return getattr(self._attr, name)

    def __setattr__(self, name, value):
        raise AttributeError("attributions are read-only")

    def __eq__(self, other):
        other = other._attr if isinstance(other, GuardedAttribution) else other
        return self._attr == other

    def __hash__(self):
        return hash(self._attr)

    def __repr__(self):
        return f"Guarded({self._attr!r})"


class GuardedResolved:
    """A :class:`~attribution.model.Resolved` that hands out only what the rule declared."""

    __slots__ = ("_resolved", "_rule", "_attributions")

    def __init__(self, resolved: Resolved, rule):
        self._resolved = resolved
        self._rule = rule
        attrs = resolved.attributions
        if "speakers" not in rule.needs:
            attrs = tuple(GuardedAttribution(a, rule) for a in attrs)
        self._attributions = attrs

    @property
    def document(self):
        return self._resolved.document

    @property
    def quotations(self):
        return self._resolved.quotations  # the text's quotation marks, as extract read them

    def _require(self, what: str, *needs: str) -> None:
        for need in needs:
            if need not in self._rule.needs:
                raise _refuse(self._rule, what, f'needs={{"{need}"}}')

    @property
    def unattributed(self):
        # resolve's decision, made from the attributions and the speakers linked to them
        self._require("the unattributed quotations", "attributions", "speakers")
        return self._resolved.unattributed

    @property
    def attributions(self):
        self._require("attributions", "attributions")
        return self._attributions

    @property
    def speakers(self):
        self._require("speakers", "speakers")
        return self._resolved.speakers

    @property
    def person_names(self):
        # resolve's decision of which names the article gives a person, read with the speakers
        self._require("the person names", "speakers")
        return self._resolved.person_names

    @property
    def unresolved_descriptions(self):
        # resolve's decision of which sources describe a person it tied to no one
        self._require("the unresolved descriptions", "speakers")
        return self._resolved.unresolved_descriptions

    def speaker(self, id_):
        self._require("speakers", "speakers")
        return self._resolved.speaker(id_)


class GuardedConfig:
    """A configuration whose rule-specific keys need ``@rule(config=(...))``."""

    __slots__ = ("_config", "_rule", "_allowed")

    def __init__(self, config, rule):
        object.__setattr__(self, "_config", config)
        object.__setattr__(self, "_rule", rule)
        object.__setattr__(self, "_allowed", _GENERIC_CONFIG | {k.replace("-", "_") for k in rule.config})

    def __getattr__(self, name: str):
        if name not in self._allowed:
            raise _refuse(self._rule, f"the configuration key {name.replace('_', '-')!r}",
                          f'config=("{name.replace("_", "-")}",)')
        return getattr(self._config, name)
