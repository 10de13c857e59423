"""Normalization: raw sheet rows -> clean offers and needs, and the problems met.

Public API::

    offers, problems = normalize_offers(rows, params)
    needs, problems = normalize_needs(rows, params)
"""

from matcher.normalize.needs import normalize_needs
from matcher.normalize.offers import normalize_offers

__all__ = ["normalize_needs", "normalize_offers"]
