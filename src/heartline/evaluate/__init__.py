"""Readers for benchmark data and their metrics."""
