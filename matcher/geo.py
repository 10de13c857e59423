"""Great-circle distances and a sphere-aware spatial index for blocking."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def unit_vectors(lat: NDArray[np.float64], lon: NDArray[np.float64]) -> NDArray[np.float64]:
    """Points on the unit sphere, so a Euclidean KD-tree can answer radius queries."""
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def chord_for_km(radius_km: float) -> float:
    """The straight-line (chord) length on the unit sphere of an arc of `radius_km`.

    A tiny margin is added so that the exact haversine check, done afterwards,
    is the only one that decides borderline pairs.
    """
    angle = min(math.pi, radius_km / EARTH_RADIUS_KM)
    return 2 * math.sin(angle / 2) * (1 + 1e-9) + 1e-12
