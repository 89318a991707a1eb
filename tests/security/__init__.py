"""Attacks on the tool: hostile input text, file names, caches and output targets."""
