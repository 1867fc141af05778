"""Readers for benchmark data and their metrics."""

__all__: list[str] = []
