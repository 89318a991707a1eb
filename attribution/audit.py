"""Kept for scripts, benchmarks and tests that import ``attribution.audit.audit_source``:
the pipeline lives in :mod:`attribution.pipeline`."""
from .pipeline import audit_source

__all__ = ["audit_source"]
