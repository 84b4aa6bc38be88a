"""Benchmarks: `python -m bench NAME [ARGS...]` or `python -m bench all` (see README)."""
