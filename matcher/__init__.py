"""The pure core: normalization, taxonomy, places, scoring, assignment.

Nothing here imports from `sync` or `reports`, and nothing here does I/O
beyond reading its own bundled vocabulary files.
"""
