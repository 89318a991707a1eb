"""attribution: a sourcing auditor for news copy."""

__version__ = "0.1.0"
