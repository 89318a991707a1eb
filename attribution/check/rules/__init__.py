"""Rule families; importing this package registers every rule.

One module per family: ``missing`` (ATR1xx missing attribution), ``speakers``
(ATR2xx speakers and affiliation), ``cues`` (ATR3xx cue verbs and hedging).  A module whose
name starts with ``_`` holds helpers of a family (``_people``: speakers) and registers no
rule.  Which quotations have no speaker is resolve's decision (``Resolved.unattributed``,
:mod:`attribution.resolve.unattributed`); the missing family reports it.
"""
from . import cues, missing, speakers  # noqa: F401

__all__ = ["cues", "missing", "speakers"]
