"""Summaries (pure) and their renderings."""
