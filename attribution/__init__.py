"""attribution: a sourcing auditor for news copy."""

__version__ = "0.2.0"
