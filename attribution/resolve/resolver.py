"""The resolver: the resolve steps joined over one document's shared state.

Each step is a mixin in its own module and reads or extends the state that
:class:`~.document.DocumentView` sets up (the repaired sentences, the name runs, the
entity table, the salience timeline); :func:`attribution.resolve.resolve` calls the steps in
order.  Entities (:class:`~.records._Entity`) are the only objects changed after they are made.
"""
from __future__ import annotations

from .anonymity import AnonymityReasons
from .anonymity_context import NamedNext
from .descriptions import Descriptions
from .document import DocumentView
from .entities import EntityTable
from .linking import SourceLinking
from .names import NameRuns
from .role_holders import RoleHolders
from .roles import Roles
from .salience import Salience


class _Resolver(DocumentView, NameRuns, Roles, EntityTable, RoleHolders, SourceLinking, Descriptions, Salience,
                AnonymityReasons, NamedNext):
    """All steps over one document (see the module docstrings of each base class)."""
